"""One article: its metadata, its story, and its text with the claims it states marked."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from storylens.models import Article, Story
from storylens.web.present import Mark, marked_paragraphs
from storylens.web.templating import render
from storylens.web.views.common import store_of

router = APIRouter()

_RANGE = re.compile(r"(\d{1,9})-(\d{1,9})")


def claim_marks(story: Story | None, article_id: str) -> list[Mark]:
    """The spans of the article's body that state a claim of its story, styled by claim status."""
    if story is None:
        return []
    return [
        Mark(s.start, s.end, claim.id, claim.status)
        for claim in story.claims
        for s in claim.support
        if s.article_id == article_id and s.field == "text"
    ]


def highlight_mark(article: Article, hl: str) -> list[Mark]:
    """The span named by ``hl=START-END`` (a citation followed here), if it lies in the text."""
    found = _RANGE.fullmatch(hl)
    if not found:
        return []
    start, end = int(found[1]), int(found[2])
    return [Mark(start, end, "cited", "cited")] if 0 <= start < end <= len(article.text) else []


@router.get(
    "/articles/{article_id:path}", response_class=HTMLResponse, name="article_page", include_in_schema=False
)
def article_page(
    request: Request, article_id: str, hl: Annotated[str, Query(max_length=24)] = ""
) -> HTMLResponse:
    store = store_of(request)
    article = store.load_article(article_id)
    if article is None:
        raise HTTPException(404, "No such article.")
    story = store.load_story(article.story_id) if article.story_id else None
    cited = highlight_mark(article, hl)
    numbers = {c.id: n for n, c in enumerate(story.claims, start=1)} if story else {}
    return render(
        request,
        "article.html",
        article=article,
        story=story,
        cited=bool(cited),
        numbers=numbers,
        paragraphs=marked_paragraphs(article.text, cited + claim_marks(story, article.id)),
        quotes=[q for q in story.quotes if q.article_id == article.id] if story else [],
    )
