"""Stable article ids and content hashes (docs/architecture.md, "Ids").

An article keeps the id its input gives; otherwise ``sha1(url)`` when the URL is known,
else ``sha1(normalised text)``, first 16 hex digits. The content hash lets ingest store the
same text once, whatever its whitespace, case or Unicode form.
"""

from __future__ import annotations

import hashlib
import unicodedata

ID_LENGTH = 16


def normalise_text(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: what stays the same across copies of a text."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    """Full sha1 hex digest of the normalised text."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


def article_id(given: str | None, url: str | None, text: str) -> str:
    """The input's own id, else sha1 of the URL, else sha1 of the normalised text (16 hex digits)."""
    if given:
        return str(given)
    if url:
        return hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:ID_LENGTH]
    return content_hash(text)[:ID_LENGTH]
