"""WARC archives (as in CC-NEWS): each HTML response record is a candidate article.

Records that cannot be articles (requests, metadata, non-HTML, non-200, front and index
pages) are skipped and counted; a broken record ends the file with an InputError naming
how far reading got, after the good records before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator

from storylens.errors import InputError
from storylens.ingest import RawDocument
from storylens.ingest.decode import decode_bytes

_OG_TYPE = re.compile(rb"""<meta[^>]+property=["']og:type["'][^>]+content=["']([^"']+)""", re.IGNORECASE)


def _skip_reason(record: Any, body: bytes, max_bytes: int) -> str | None:
    """Why this record is no candidate article, or None when it is one."""
    if record.rec_type != "response":
        return f"{record.rec_type} record"
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status != "200":
        return f"HTTP status {status}"
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return f"not HTML ({content_type or 'no content type'})"
    if len(body) > max_bytes:
        return "over the document size limit"
    if urlsplit(record.rec_headers.get_header("WARC-Target-URI") or "").path in ("", "/"):
        return "front page"
    og_type = _OG_TYPE.search(body[:65536])
    if og_type and og_type.group(1).lower() not in (b"article", b"news", b"newsarticle"):
        return f"not an article (og:type {og_type.group(1).decode(errors='replace')})"
    return None


def read_warc(
    path: Path, max_bytes: int, on_skip: Callable[[str, str], None]
) -> Iterator[RawDocument | InputError]:
    skipped: Counter[str] = Counter()
    read = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                read += 1
                body = record.content_stream().read(max_bytes + 1) if record.rec_type == "response" else b""
                reason = _skip_reason(record, body, max_bytes)
                if reason:
                    skipped[reason.split(" (")[0]] += 1
                    continue
                yield _document(path, record, body)
    except Exception as error:  # noqa: BLE001 (warcio raises all kinds on malformed records)
        yield InputError(str(path), f"broken WARC record after {read} records ({error})")
    if skipped:
        summary = ", ".join(f"{count} {reason}" for reason, count in skipped.most_common())
        on_skip(str(path), f"skipped {sum(skipped.values())} records that are not articles: {summary}")


def _document(path: Path, record: Any, body: bytes) -> RawDocument | InputError:
    url = record.rec_headers.get_header("WARC-Target-URI")
    source = f"{path}#{url}"
    try:
        text = decode_bytes(body, source)
    except InputError as error:
        return error
    return RawDocument(source=source, kind="html", content=text, fields={"url": url, "item": url})
