"""Text-to-view helpers shared by the pages: paragraphs with marked spans, spans in context.

They return plain strings cut into pieces; the templates escape every piece, so article
text never reaches the page as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from storylens.models import Article, SpanField

#: Outlet colours in the stylesheet (``.o0`` … ``.o11``).
PALETTE_SIZE = 12

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")  # non-empty lines, single newlines between


@dataclass
class Mark:
    """A span to mark in a text: ``key`` links it (a claim id), ``css`` styles it."""

    start: int
    end: int
    key: str
    css: str = ""


@dataclass
class Piece:
    """A run of text, marked or not."""

    text: str
    mark: Mark | None = None
    anchor: str | None = None  # element id, on the first piece of a mark that others link to


@dataclass
class InContext:
    """A span with the text around it (its sentence and the neighbouring ones)."""

    before: str
    hit: str
    after: str


def marked_paragraphs(text: str, marks: list[Mark]) -> list[list[Piece]]:
    """The text as paragraphs of pieces; of overlapping marks, the one earlier in ``marks`` wins."""
    kept = _without_overlaps(marks)
    paragraphs = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        inside = [
            Mark(max(m.start, start), min(m.end, end), m.key, m.css)
            for m in kept
            if m.start < end and m.end > start
        ]
        paragraphs.append(_pieces(text, start, end, inside))
    return paragraphs


def _without_overlaps(marks: list[Mark]) -> list[Mark]:
    kept: list[Mark] = []
    for mark in marks:
        if mark.end > mark.start and all(mark.end <= k.start or mark.start >= k.end for k in kept):
            kept.append(mark)
    return sorted(kept, key=lambda m: m.start)


def _pieces(text: str, start: int, end: int, marks: list[Mark]) -> list[Piece]:
    pieces, cursor = [], start
    for mark in marks:
        if mark.start > cursor:
            pieces.append(Piece(text[cursor : mark.start]))
        pieces.append(Piece(text[mark.start : mark.end], mark))
        cursor = mark.end
    if cursor < end:
        pieces.append(Piece(text[cursor:end]))
    return pieces


def in_context(
    article: Article, start: int, end: int, field: SpanField = "text", neighbours: int = 1
) -> InContext:
    """The span inside its sentence(s), with ``neighbours`` sentences either side in the same paragraph."""
    body = getattr(article, field) or ""
    if field != "text" or not article.sentences:
        lo, hi = _paragraph_bounds(body, start, end)
    else:
        lo, hi = _sentence_bounds(article, body, start, end, neighbours)
    return InContext(body[lo:start].lstrip(), body[start:end], body[end:hi].rstrip())


def _paragraph_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    lo = body.rfind("\n\n", 0, start)
    hi = body.find("\n\n", end)
    return (0 if lo < 0 else lo + 2), (len(body) if hi < 0 else hi)


def _sentence_bounds(article: Article, body: str, start: int, end: int, neighbours: int) -> tuple[int, int]:
    sentences = article.sentences
    first = next((i for i, s in enumerate(sentences) if s.end > start), len(sentences) - 1)
    last = next((i for i in range(len(sentences) - 1, -1, -1) if sentences[i].start < end), first)
    lo = sentences[max(first - neighbours, 0)].start
    hi = sentences[min(last + neighbours, len(sentences) - 1)].end
    para_lo, para_hi = _paragraph_bounds(body, start, end)
    return min(max(lo, para_lo), start), max(min(hi, para_hi), end)


def initials(name: str | None) -> str:
    """A short label for a citation chip: ``The Daily Clarion`` -> ``DC``."""
    words = [w for w in re.findall(r"\w+", name or "") if w.lower() not in ("the", "a", "an", "of")]
    return "".join(w[0].upper() for w in words[:3]) or "?"


def outlet_palette(outlets: list[str]) -> dict[str, str]:
    """A colour class per outlet of one story, distinct for up to ``PALETTE_SIZE`` outlets."""
    return {outlet: f"o{i % PALETTE_SIZE}" for i, outlet in enumerate(sorted(set(outlets)))}


def when(value: datetime | str | None, with_time: bool = True) -> str:
    """A short readable date: ``14 Mar 2026, 09:30 UTC`` (stored UTC strings) or with the article's offset."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    day = f"{moment.day} {moment:%b %Y}"
    if not with_time:
        return day
    zone = "UTC" if moment.tzinfo is None else moment.strftime("%z")
    zone = zone if zone == "UTC" else f"{zone[:3]}:{zone[3:]}".replace("+00:00", "UTC")
    return f"{day}, {moment:%H:%M} {zone}"


def article_when(article: Article) -> str:
    """When an article appeared: its instant, else the wall-clock time it prints without a zone
    (said as such, not passed off as UTC), else "undated"."""
    if article.published:
        return when(article.published)
    if article.published_local:
        return f"{when(article.published_local, with_time=False)}, {article.published_local:%H:%M} local time"
    return "undated"
