"""The sample corpus and its gold annotations agree, character for character.

Every gold file is checked on its own (all its problems listed at once), then the corpus as a
whole: each article in exactly one event, every record of the corpus annotated, and the
minimums of issue 3 (60 articles, 10 outlets, 12 events, every input format).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path

import feedparser
import lxml.html
import pytest

from storylens.eval.gold import (
    ArticleKey,
    GoldArticle,
    GoldEvent,
    GoldFormatError,
    GoldRef,
    gold_articles,
    gold_files,
    load_event,
    sample_dir,
)

SAMPLE = sample_dir()
GOLD_FILES = gold_files()
QUOTE_KINDS = {"direct", "indirect", "mixed"}
SPEAKER_FORMS = {"name", "surname", "pronoun", "title", "according_to", "none"}  # "none": unattributed
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "EVENT", "OTHER"}
CONFLICT_KINDS = {"number", "date", "entity", "negation", "other"}
STATUSES = {"consensus", "partial", "unique"}
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FORMATS = (".txt", ".html", ".jsonl", ".rss.xml", ".atom.xml")
MULTI_RECORD = (".jsonl", ".rss.xml", ".atom.xml")


# --------------------------------------------------------------------------- reading the raw corpus


def _visible(markup: str) -> str:
    return lxml.html.fromstring(markup).text_content() if markup.strip() else ""


def _flat(text: str) -> str:
    """Text as a reader sees it: entities decoded, every run of whitespace one space."""
    return " ".join(html.unescape(text).split())


@cache
def _records(path: Path) -> dict[str | None, str]:
    """The visible text of every article in one input file, by item (``None`` for a one-article file).

    A JSONL record is named by its id, or by its url when it has none.
    """
    name = path.name
    if name.endswith(".jsonl"):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return {
            r.get("id") or r.get("url"): _flat(
                f"{r.get('title', '')} {r.get('text') or _visible(r.get('html', ''))}"
            )
            for r in rows
        }
    if name.endswith((".rss.xml", ".atom.xml")):
        feed = feedparser.parse(path.read_bytes())
        return {
            e.get("link"): _flat(f"{e.get('title', '')} {_visible(_entry_markup(e))}") for e in feed.entries
        }
    raw = path.read_text(encoding="utf-8")
    return {None: _flat(_visible(raw) if name.endswith((".html", ".htm")) else raw)}


def _entry_markup(entry: feedparser.FeedParserDict) -> str:
    contents = entry.get("content") or []
    return contents[0].value if contents else entry.get("summary", "")


def _corpus_keys() -> set[ArticleKey]:
    keys = set()
    for path in (SAMPLE / "articles").rglob("*"):
        if path.is_file():
            relative = path.relative_to(SAMPLE).as_posix()
            keys.update((relative, item) for item in _records(path))
    return keys


# --------------------------------------------------------------------------- per-event checks


def _problems(event: GoldEvent, outlets: set[str]) -> Iterator[str]:
    articles = {a.key: a for a in event.articles}
    if event.event != event.path.stem:
        yield f"event id {event.event!r} differs from the file name"
    for article in event.articles:
        yield from (f"{article.key}: {p}" for p in _article_problems(article, event, articles, outlets))
    yield from _fact_problems(event, articles)
    yield from _conflict_problems(event, articles)
    yield from _timeline_problems(event, articles)
    names = [e.name for e in event.entities]
    if len(set(names)) != len(names):
        yield "entity names repeat"
    yield from (f"entity {e.name}: type {e.type!r}" for e in event.entities if e.type not in ENTITY_TYPES)


def _article_problems(
    article: GoldArticle, event: GoldEvent, articles: dict[ArticleKey, GoldArticle], outlets: set[str]
) -> Iterator[str]:
    yield from _source_problems(article)
    if article.outlet not in outlets:
        yield f"outlet {article.outlet!r} is not in outlets.json"
    if article.published is not None:
        try:
            if datetime.fromisoformat(article.published).utcoffset() is None:
                yield "published has no UTC offset"
        except ValueError:
            yield f"published {article.published!r} is not ISO 8601"
    body = article.body
    if not body or body != body.strip() or "\n\n\n" in body or "\r" in body:
        yield "body is empty or breaks the clean-body convention (paragraphs split by one blank line)"
    if article.copy_of is not None and article.copy_of.key not in articles:
        yield f"copy_of {article.copy_of.key} is no article of this event"
    for q in article.quotes:
        yield from _span_problems(article, q.field, q.start, q.end, q.text, "quote")
        if q.kind not in QUOTE_KINDS:
            yield f"quote kind {q.kind!r}"
        if q.speaker_form not in SPEAKER_FORMS:
            yield f"quote speaker_form {q.speaker_form!r}"
    for d in article.dates:
        yield from _span_problems(article, d.field, d.start, d.end, d.expression, "date")
        if d.value is None and article.published:
            yield f"date {d.expression!r} left unresolved in an article with a publication date"
        elif d.value is not None and not DATE_VALUE.match(d.value):
            yield f"date value {d.value!r}"


def _source_problems(article: GoldArticle) -> Iterator[str]:
    path = SAMPLE / article.ref.source
    if not path.is_file():
        yield "source file does not exist"
        return
    if article.ref.item is None and path.name.endswith(MULTI_RECORD):
        yield "a multi-article file needs an item"
    records = _records(path)
    if article.ref.item not in records:
        yield "item is not in the source file"
        return
    visible = records[article.ref.item]
    for part in [article.title or "", *article.body.split("\n\n")]:
        if _flat(part) not in visible:
            yield f"not found in the source: {part[:60]!r}"


def _span_problems(
    article: GoldArticle, field: str, start: int, end: int, text: str, what: str
) -> Iterator[str]:
    if not 0 <= start <= end:
        yield f"{what} {text[:40]!r}: bad offsets {start}..{end}"
    elif article.field_text(field)[start:end] != text:
        yield f"{what} {text[:40]!r}: {field}[{start}:{end}] is {article.field_text(field)[start:end][:40]!r}"


def _independent(refs: list[GoldRef], articles: dict[ArticleKey, GoldArticle]) -> set[ArticleKey]:
    """The distinct reporting articles, a syndicated copy counted as its original."""

    def original(key: ArticleKey) -> ArticleKey:
        copy_of = articles[key].copy_of if key in articles else None
        return copy_of.key if copy_of else key

    return {original(r.key) for r in refs}


def _expected_status(reporting: int, total: int) -> str:
    if reporting <= 1:
        return "unique"
    return "consensus" if reporting == total else "partial"


def _fact_problems(event: GoldEvent, articles: dict[ArticleKey, GoldArticle]) -> Iterator[str]:
    ids = [f.id for f in event.facts]
    if len(set(ids)) != len(ids):
        yield "fact ids repeat"
    total = len(_independent([a.ref for a in event.articles], articles))
    for fact in event.facts:
        if not fact.support:
            yield f"{fact.id}: no support"
        for s in fact.support:
            if s.ref.key not in articles:
                yield f"{fact.id}: support {s.ref.key} is no article of this event"
            else:
                yield from _span_problems(articles[s.ref.key], s.field, s.start, s.end, s.text, fact.id)
        reporting = len(_independent([s.ref for s in fact.support], articles))
        if fact.status not in STATUSES or fact.status != _expected_status(reporting, total):
            counted = f"{reporting} of the event's {total} independent articles report it"
            yield f"{fact.id}: status {fact.status!r}, but {counted}"


def _conflict_problems(event: GoldEvent, articles: dict[ArticleKey, GoldArticle]) -> Iterator[str]:
    fact_ids = {f.id for f in event.facts}
    for conflict in event.conflicts:
        if not conflict.facts or not set(conflict.facts) <= fact_ids:
            yield f"conflict over {conflict.facts}: unknown facts"
        if conflict.kind not in CONFLICT_KINDS:
            yield f"conflict kind {conflict.kind!r}"
        yield from (
            f"conflict value from {v.ref.key}: no article of this event"
            for v in conflict.values
            if v.ref.key not in articles
        )


def _timeline_problems(event: GoldEvent, articles: dict[ArticleKey, GoldArticle]) -> Iterator[str]:
    for entry in event.timeline:
        if not DATE_VALUE.match(entry.date):
            yield f"timeline date {entry.date!r}"
        for s in entry.support:
            article = articles.get(s.ref.key)
            if article is None:
                yield f"timeline {entry.date}: {s.ref.key} is no article of this event"
            elif s.start is not None and s.end is not None:
                yield from _span_problems(
                    article, "text", s.start, s.end, s.expression, f"timeline {entry.date}"
                )
            elif s.expression not in article.body:
                yield f"timeline {entry.date}: {s.expression!r} is not in {s.ref.key}"


# --------------------------------------------------------------------------- tests


@cache
def _outlets() -> set[str]:
    return {o["name"] for o in json.loads((SAMPLE / "outlets.json").read_text(encoding="utf-8"))}


@cache
def _events() -> list[GoldEvent]:
    return [load_event(p) for p in GOLD_FILES]


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def test_gold_file_agrees_with_the_corpus(path: Path) -> None:
    try:
        event = load_event(path)
    except GoldFormatError as exc:
        pytest.fail(str(exc))
    problems = list(_problems(event, _outlets()))
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


def test_every_corpus_article_is_in_exactly_one_event() -> None:
    keys = [a.key for a in gold_articles(_events())]
    repeated = sorted({k for k in keys if keys.count(k) > 1}, key=str)
    assert not repeated, f"in more than one place in gold: {repeated}"
    unannotated = sorted(_corpus_keys() - set(keys), key=str)
    assert not unannotated, f"corpus articles with no gold: {unannotated}"


def test_corpus_meets_the_minimums() -> None:
    articles = gold_articles(_events())
    formats = {fmt for a in articles for fmt in FORMATS if a.ref.source.endswith(fmt)}
    assert len(articles) >= 60, f"{len(articles)} articles"
    assert len({a.outlet for a in articles}) >= 10
    assert len(_events()) >= 12
    assert formats == set(FORMATS), f"missing formats: {set(FORMATS) - formats}"
