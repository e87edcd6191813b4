"""Terminal output: tables of stories and of extracted articles, drawn with rich."""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.table import Table

from storylens.models import Article, Story
from storylens.store import StoryRow, utc_text


def stories_table(rows: Iterable[StoryRow]) -> Table:
    """One line per story: id, title, how many articles and outlets, and when it began.

    Narrow columns and a light box leave the title most of an 80-column terminal.
    """
    table = Table(title="Stories", box=box.SIMPLE_HEAD, expand=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title", ratio=1, overflow="fold")
    table.add_column("art.", justify="right", no_wrap=True)
    table.add_column("outl.", justify="right", no_wrap=True)
    table.add_column("first seen", no_wrap=True)
    for row in rows:
        table.add_row(
            row.id,
            row.title,
            str(row.article_count),
            str(row.outlet_count),
            _day(row.first_published_utc),
        )
    return table


def story_rows(stories: Iterable[Story]) -> list[StoryRow]:
    """Rows for stories held in memory (``analyze`` keeps no store to list from)."""
    return [
        StoryRow(
            s.id,
            s.title,
            len(s.article_ids),
            len(s.outlets),
            utc_text(s.first_published),
            utc_text(s.last_published),
        )
        for s in stories
    ]


def articles_table(articles: Iterable[Article]) -> Table:
    """Extraction results: the metadata found and the length of the clean body."""
    table = Table(title="Articles")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("outlet")
    table.add_column("title", overflow="fold")
    table.add_column("published", no_wrap=True)
    table.add_column("authors", overflow="fold")
    table.add_column("words", justify="right")
    for a in articles:
        table.add_row(
            a.id,
            a.outlet or "–",
            a.title or "–",
            a.published.isoformat() if a.published else "–",
            ", ".join(a.authors) or "–",
            str(len(a.text.split())),
        )
    return table


def _day(stamp: str | None) -> str:
    return stamp[:10] if stamp else "–"
