"""An outlet: its articles and stories, what it leaves out or adds, its loaded terms."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from storylens.store.queries import outlet_profile
from storylens.web.templating import render
from storylens.web.views.common import MAX_PAGE, PAGE_SIZE, offset_of, store_of

router = APIRouter()


@router.get("/outlets/{name:path}", response_class=HTMLResponse, name="outlet_page", include_in_schema=False)
def outlet_page(
    request: Request, name: str, page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1
) -> HTMLResponse:
    profile = outlet_profile(store_of(request).engine, name, PAGE_SIZE, offset_of(page))
    if profile is None:
        raise HTTPException(404, "No articles from this outlet.")
    return render(request, "outlet.html", profile=profile, page=page)
