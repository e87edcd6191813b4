"""An entity: who or what it is, its aliases, the stories it appears in, its quotes over time."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from storylens.store.queries import entity_page as query_entity_page
from storylens.web.templating import render
from storylens.web.views.common import MAX_PAGE, PAGE_SIZE, offset_of, store_of

router = APIRouter()


@router.get(
    "/entities/{entity_id:path}", response_class=HTMLResponse, name="entity_page", include_in_schema=False
)
def entity_page(
    request: Request, entity_id: str, page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1
) -> HTMLResponse:
    found = query_entity_page(store_of(request).engine, entity_id, PAGE_SIZE, offset_of(page))
    if found is None:
        raise HTTPException(404, "No such entity.")
    return render(request, "entity.html", data=found, page=page)
