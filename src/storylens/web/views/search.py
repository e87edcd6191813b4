"""Full-text search over articles and claims."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from storylens.store.queries import search
from storylens.web.templating import render
from storylens.web.views.common import MAX_PAGE, PAGE_SIZE, offset_of, store_of

router = APIRouter()

Kind = Literal["", "article", "claim"]


@router.get("/search", response_class=HTMLResponse, name="search_page", include_in_schema=False)
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=300)] = "",
    kind: Kind = "",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
) -> HTMLResponse:
    results = search(store_of(request).engine, q, kind or None, PAGE_SIZE, offset_of(page))
    return render(request, "search.html", q=q, kind=kind, page=page, results=results)
