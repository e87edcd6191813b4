"""The home page: latest or largest stories, filters, pagination, and the largest at a glance."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from storylens.store.queries import Page, list_outlets, list_stories
from storylens.web.templating import render
from storylens.web.views.common import PAGE_SIZE, StoryQuery, offset_of, store_of, story_query

router = APIRouter()

#: Largest stories shown above the list on an unfiltered first page.
HIGHLIGHTS = 3


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request, query: Annotated[StoryQuery, Depends(story_query)]) -> HTMLResponse:
    engine = store_of(request).engine
    offset = offset_of(query.page)
    if query.entity_unknown:
        stories = Page([], 0, PAGE_SIZE, offset)
    else:
        stories = list_stories(engine, query.filters, query.order, PAGE_SIZE, offset)
    show_highlights = not query.is_filtered and query.page == 1 and query.order == "latest"
    highlights = list_stories(engine, None, "largest", HIGHLIGHTS).items if show_highlights else []
    return render(
        request,
        "home.html",
        query=query,
        stories=stories,
        highlights=highlights,
        outlets=list_outlets(engine),
    )
