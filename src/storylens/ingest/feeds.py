"""RSS 2.0 and Atom feeds: full-content items are articles; summary-only items are fetched or marked."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from storylens.errors import InputError
from storylens.ingest import RawDocument


def looks_like_feed(text: str) -> bool:
    head = text[:2048].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _fields(entry: Any) -> dict[str, Any]:
    authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")] or entry.get("author")
    return {
        "url": entry.get("link"),
        "item": entry.get("link") or entry.get("id"),
        "title": entry.get("title"),
        "published": entry.get("published") or entry.get("updated"),
        "updated": entry.get("updated") if entry.get("updated") != entry.get("published") else None,
        "authors": authors or None,
    }


def _content(entry: Any) -> str | None:
    """The item's full content: the longest content:encoded / Atom content value."""
    values = [c.get("value", "") for c in entry.get("content", []) if c.get("value", "").strip()]
    return max(values, key=len) if values else None


def read_feed(
    data: bytes, source: str, fetch_page: Callable[[str], RawDocument | None] | None
) -> Iterator[RawDocument | InputError]:
    """Each item as a document. ``fetch_page`` (None when fetching is not allowed) turns a
    summary-only item's link into its page, or None when that fails."""
    # Given as a stream: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no items"
        yield InputError(source, f"not a readable RSS/Atom feed ({reason})")
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        # an aggregator's feed names each item's publisher in <source>
        fields = {**_fields(entry), "outlet": (entry.get("source") or {}).get("title") or outlet}
        fields = {k: v for k, v in fields.items() if v}
        item_source = f"{source}#{fields.get('item') or number}"
        content = _content(entry)
        if content:
            summary = entry.get("summary") if entry.get("summary") != content else None
            yield RawDocument(
                source=item_source, kind="record", fields={**fields, "html": content, "summary": summary}
            )
            continue
        page = fetch_page(fields["url"]) if fetch_page and fields.get("url") else None
        if page is not None:
            page.source, page.fields = item_source, {"url": fields["url"], "item": fields.get("item")}
            yield page
        elif entry.get("summary", "").strip():
            yield RawDocument(
                source=item_source,
                kind="record",
                fields={**fields, "html": entry["summary"], "summary_only": True},
            )
        else:
            yield InputError(item_source, "feed item has neither content nor summary")
