"""Ingest: turn paths, globs, feeds, archives and URLs into raw documents.

Ingest only reads and decodes; extraction (``storylens.extract``) makes articles.
Problems are yielded as :class:`~storylens.errors.InputError` values, never raised,
so one bad input cannot stop a run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

DocumentKind = Literal["html", "text", "record"]


@dataclass
class RawDocument:
    """One candidate article as it came in.

    ``kind`` says how to read ``content``: an HTML page, text scraped from a page, or a
    ``record`` whose ``fields`` already hold the article's parts (a JSONL line or a
    feed item: "id", "url", "outlet", "title", "subtitle", "published", "updated",
    "authors", "text" or "html", "summary" (a feed item's summary beside its content),
    "summary_only"). ``fields["item"]`` names the record inside a multi-article file: the
    JSONL record's id (else its URL), the feed item's link.
    """

    source: str
    kind: DocumentKind
    content: str | bytes | None = None
    fields: dict[str, Any] = field(default_factory=dict)


from storylens.ingest.options import IngestOptions  # noqa: E402  (modules below use RawDocument)
from storylens.ingest.paths import read_url_list  # noqa: E402
from storylens.ingest.sources import iter_documents  # noqa: E402

__all__ = ["RawDocument", "IngestOptions", "iter_documents", "read_url_list"]
