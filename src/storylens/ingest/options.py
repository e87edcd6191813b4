"""Options for reading inputs; the defaults are safe for untrusted input lists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MEGABYTE = 1024 * 1024


@dataclass
class IngestOptions:
    """How far ingest may go.

    ``max_bytes`` caps one document (a file, a fetched page after decompression, a JSONL
    line, a WARC record): 10 MB by default, far above any real article page.
    ``allow_fetch`` lets ingest follow links found inside inputs (a feed item that only has a
    summary); URLs given as inputs are always fetched. ``allow_private`` permits fetches to
    private, loopback and link-local addresses. ``on_skip(source, reason)`` hears about
    records that are skipped as not articles (WARC index pages, non-HTML responses).
    """

    max_bytes: int = 10 * MEGABYTE
    allow_fetch: bool = False
    allow_private: bool = False
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    per_host_interval: float = 1.0  # minimum seconds between requests to one host
    on_skip: Callable[[str, str], None] | None = None
