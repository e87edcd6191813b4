"""Build an :class:`Article` from a raw document: HTML page, scraped text or record."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from storylens.errors import InputError
from storylens.extract.authors import clean_authors
from storylens.extract.body import article_paragraphs, fragment_paragraphs, main_blocks
from storylens.extract.dates import parse_date
from storylens.extract.ids import article_id
from storylens.extract.language import SUPPORTED_LANGUAGES, detect_language
from storylens.extract.liveblog import with_live_updates
from storylens.extract.metadata import (
    PageMetadata,
    article_objects,
    domain_outlet,
    parse_html,
    read_metadata,
)
from storylens.extract.plaintext import clean_scraped_text, clutter_kind, is_heading
from storylens.ingest import RawDocument
from storylens.models import Article


def _nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text).strip() if text else None


_QUOTE_FORMS = str.maketrans("‘’“”", "''\"\"")


def _comparable(text: str) -> str:
    """Text as compared between metadata and page: spacing, case, quote style and a final stop ignored."""
    return " ".join(text.split()).rstrip(" .…").casefold().translate(_QUOTE_FORMS)


def _is_author_bio(paragraph: str, authors: list[str]) -> bool:
    """ "Jane Doe is a reporter for ..." at the foot of a page describes the writer, not the news.

    The bio may shorten the first name or open with the outlet ("Steph Doe", "CNBC's Jane Doe"),
    so the surname after at most three words is what is matched.
    """
    return any(
        re.match(
            rf"(?:\S+\s+){{0,3}}{re.escape(name.split()[-1])}\s+(?:is|was|has been|covers|writes|reports)\b",
            paragraph,
        )
        for name in authors
        if name.split()
    )


def _body(paragraphs: Iterable[str], meta: PageMetadata) -> str:
    """Paragraphs joined by a blank line, without clutter lines, a leading copy of title or
    standfirst, or a trailing author bio."""
    kept = [p for p in paragraphs if not clutter_kind(p)]
    repeated = {_comparable(t) for t in (meta.title, meta.subtitle) if t}
    while kept and _comparable(kept[0]) in repeated:
        kept.pop(0)
    while kept and _is_author_bio(kept[-1], meta.authors):
        kept.pop()
    return "\n\n".join(kept)


def _with_standfirst(meta: PageMetadata, paragraphs: list[str]) -> PageMetadata:
    """A summary becomes the standfirst unless the body contains it (then it is the lede, quoted)."""
    if meta.subtitle or not meta.description:
        return meta
    summary = _comparable(meta.description)
    if any(summary in _comparable(p) for p in paragraphs):
        return meta
    return dataclasses.replace(meta, subtitle=meta.description)


def _page(markup: str, source: str, url: str | None) -> tuple[PageMetadata, str]:
    try:
        tree = parse_html(markup)
    except (ValueError, TypeError) as error:
        raise InputError(source, f"HTML could not be parsed ({error})") from error
    objects = article_objects(tree)
    meta = read_metadata(tree, url, objects)
    blocks = main_blocks(tree, meta.url or url)
    seen = [text for _, text in blocks]
    paragraphs = with_live_updates(article_paragraphs(blocks), seen, tree, objects)
    meta = _with_standfirst(meta, paragraphs)
    return meta, _body(paragraphs, meta)


def _build(source: str, body: str, meta: PageMetadata, given: dict[str, Any]) -> Article:
    """The article from reconciled metadata; a record's own fields override what was read."""
    body = _nfc(body) or ""
    if not body.strip() or all(is_heading(p) for p in body.split("\n\n")):  # menus, captions, nothing
        raise InputError(source, "no article text found (no paragraph reads as prose)")
    url = given.get("url") or meta.url
    published = _date(given.get("published")) or _date(meta.published)
    updated = _instant(_date(given.get("updated")) or _date(meta.updated))
    language = detect_language(body, meta.language)
    return Article(
        id=article_id(given.get("id"), url, body),
        source=source,
        text=body,
        outlet=given.get("outlet") or meta.outlet or domain_outlet(url),
        url=url,
        title=_nfc(given.get("title") or meta.title),
        subtitle=_nfc(given.get("subtitle") or meta.subtitle),
        published=_instant(published) if published else updated,
        updated=updated,
        published_local=published if published and not published.tzinfo else None,
        authors=clean_authors(given["authors"]) if given.get("authors") else meta.authors,
        language=language,
        summary_only=bool(given.get("summary_only")),
        analysis_supported=language in SUPPORTED_LANGUAGES,
    )


def _instant(value: datetime | None) -> datetime | None:
    """A date with an offset; one with none written anywhere (naive) names no instant."""
    return value if value is not None and value.tzinfo is not None else None


def _date(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    return parse_date(value) if isinstance(value, str) else None


def _scraped(text: str, find_headline: bool) -> tuple[PageMetadata, str]:
    clean = clean_scraped_text(text, find_headline=find_headline)
    meta = PageMetadata(
        title=clean.title,
        subtitle=clean.subtitle,
        published=clean.published.isoformat() if clean.published else None,
        updated=clean.updated.isoformat() if clean.updated else None,
        authors=clean.authors,
        outlet=clean.outlet,
    )
    return meta, clean.body


def _record(doc: RawDocument) -> tuple[PageMetadata, str]:
    markup, text = doc.fields.get("html"), doc.fields.get("text")
    if isinstance(markup, str) and markup.strip():
        if "<body" in markup.lower() or "<html" in markup.lower():
            return _page(markup, doc.source, doc.fields.get("url"))
        paragraphs = fragment_paragraphs(markup)
        summary = doc.fields.get("summary")
        description = (
            " ".join(fragment_paragraphs(summary)) if isinstance(summary, str) and summary.strip() else None
        )
        meta = _with_standfirst(
            PageMetadata(title=doc.fields.get("title"), description=description), paragraphs
        )
        return meta, _body(paragraphs, meta)
    if isinstance(text, str):
        return _scraped(text, find_headline=not doc.fields.get("title"))
    raise InputError(doc.source, 'record has neither "text" nor "html"')


def extract(doc: RawDocument) -> Article:
    """The clean article in ``doc``; raises InputError when there is none."""
    given = doc.fields
    if doc.kind == "html":
        meta, body = _page(_as_text(doc), doc.source, given.get("url"))
    elif doc.kind == "text":
        meta, body = _scraped(_as_text(doc), find_headline=True)
    else:
        meta, body = _record(doc)
    return _build(doc.source, body, meta, given)


def _as_text(doc: RawDocument) -> str:
    if isinstance(doc.content, bytes):
        from storylens.ingest.decode import decode_bytes

        return decode_bytes(doc.content, doc.source)
    return doc.content or ""
