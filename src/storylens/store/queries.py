"""Read-side queries for the web pages and the JSON API.

Plain SQLAlchemy Core over the tables in ``schema.py`` so that they run on SQLite and
PostgreSQL alike; orderings say where undated rows go (SQLite's default, which PostgreSQL
reverses). The one backend-specific part, full-text search, is a :class:`_FullText` per
backend behind :func:`_fulltext`. Every list is bounded: pages ask for a limit and an offset.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, Engine, Select, func, select, text

from storylens.models import Article, Story
from storylens.store import Store, StoryRow, schema, story_ordering

Order = Literal["latest", "largest"]
SearchKind = Literal["article", "claim"]

#: How many of an outlet's latest stories its profile (omissions, additions, terms) reads.
OUTLET_PROFILE_STORIES = 200


# ---------------------------------------------------------------------- stories


@dataclass
class StoryFilter:
    """Home-page filters; dates are ``YYYY-MM-DD`` (inclusive) and match any overlap of coverage."""

    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    entity_id: str | None = None


@dataclass
class ListedStory(StoryRow):
    """A listed story with the outlets that covered it (most articles first)."""

    outlets: list[str] = field(default_factory=list)


@dataclass
class Page:
    """One page of a longer list."""

    items: list[Any]
    total: int
    limit: int
    offset: int
    exact: bool = True  # False when ``total`` is a lower bound (search stops counting)

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.items) < self.total


_STORY_COLUMNS = (
    schema.stories.c.id,
    schema.stories.c.title,
    schema.stories.c.article_count,
    schema.stories.c.outlet_count,
    schema.stories.c.first_published_utc,
    schema.stories.c.last_published_utc,
)


def _filtered(query: Select, filters: StoryFilter) -> Select:
    s, a, se = schema.stories, schema.articles, schema.story_entities
    if filters.date_from:
        query = query.where(s.c.last_published_utc >= filters.date_from)
    if filters.date_to:
        query = query.where(s.c.first_published_utc <= f"{filters.date_to}T23:59:59")
    if filters.outlet:
        query = query.where(s.c.id.in_(select(a.c.story_id).where(a.c.outlet == filters.outlet)))
    if filters.entity_id:
        query = query.where(s.c.id.in_(select(se.c.story_id).where(se.c.entity_id == filters.entity_id)))
    return query


def list_stories(
    engine: Engine,
    filters: StoryFilter | None = None,
    order: Order = "latest",
    limit: int = 20,
    offset: int = 0,
) -> Page:
    """A page of stories matching ``filters``, with their outlets, and the total count."""
    filters = filters or StoryFilter()
    query = (
        _filtered(select(*_STORY_COLUMNS), filters)
        .order_by(*story_ordering(order))
        .limit(limit)
        .offset(offset)
    )
    counting = _filtered(select(func.count()).select_from(schema.stories), filters)
    with engine.connect() as conn:
        rows = [ListedStory(*row) for row in conn.execute(query)]
        total = conn.execute(counting).scalar_one()
        _attach_outlets(conn, rows)
    return Page(rows, total, limit, offset)


def _attach_outlets(conn: Connection, rows: list[ListedStory]) -> None:
    a = schema.articles
    if not rows:
        return
    query = (
        select(a.c.story_id, a.c.outlet, func.count().label("n"))
        .where(a.c.story_id.in_([r.id for r in rows]), a.c.outlet.is_not(None))
        .group_by(a.c.story_id, a.c.outlet)
        .order_by(func.count().desc(), a.c.outlet)
    )
    by_story: dict[str, list[str]] = {}
    for story_id, outlet, _n in conn.execute(query):
        by_story.setdefault(story_id, []).append(outlet)
    for row in rows:
        row.outlets = by_story.get(row.id, [])


@dataclass
class StoryBundle:
    """A story with its articles, keyed by id: everything its page shows."""

    story: Story
    articles: dict[str, Article]


#: Analysis fields no story page or API answer reads; skipped when loading a story's articles.
_UNREAD_FIELDS = ("mentions", "entities", "quotes", "dates", "embedding")


def story_articles(engine: Engine, ids: list[str], with_sentences: bool = True) -> list[Article]:
    """A story's articles for reading (text, metadata and sentences), in the order asked; cheaper than
    ``Store.load_articles`` on large stories because the per-mention annotations are not built."""
    a = schema.articles
    skip = _UNREAD_FIELDS if with_sentences else (*_UNREAD_FIELDS, "sentences")
    found: dict[str, Article] = {}
    with engine.connect() as conn:
        for article_id, story_id, data in conn.execute(
            select(a.c.id, a.c.story_id, a.c.data).where(a.c.id.in_(ids))
        ):
            fields = {k: v for k, v in json.loads(data).items() if k not in skip}
            found[article_id] = Article.from_dict({**fields, "story_id": story_id})
    return [found[i] for i in dict.fromkeys(ids) if i in found]


def story_bundle(store: Store, story_id: str) -> StoryBundle | None:
    """The story (merged ids resolved) and its articles, or None when unknown."""
    story = store.load_story(story_id)
    if story is None:
        return None
    return StoryBundle(story, {a.id: a for a in story_articles(store.engine, story.article_ids)})


def story_contract(store: Store, story_id: str) -> dict[str, Any] | None:
    """``models.contract`` for one story (merged ids resolved), built from the stored JSON as it is:
    the stored story is ``Story.to_dict()`` already, so it is not rebuilt as objects."""
    s = schema.stories
    with store.engine.connect() as conn:
        data = conn.execute(select(s.c.data).where(s.c.id == store.resolve_story_id(story_id))).scalar()
    if data is None:
        return None
    story = json.loads(data)
    articles = story_articles(store.engine, story["article_ids"], with_sentences=False)
    return {"articles": [a.contract_dict() for a in articles], "stories": [story]}


def list_outlets(engine: Engine) -> list[str]:
    """Every outlet with an article, alphabetically."""
    a = schema.articles
    query = select(a.c.outlet).where(a.c.outlet.is_not(None)).group_by(a.c.outlet).order_by(a.c.outlet)
    with engine.connect() as conn:
        return list(conn.execute(query).scalars())


# ---------------------------------------------------------------------- entities


@dataclass
class EntityRecord:
    id: str
    name: str
    type: str
    aliases: list[str]
    description: str | None


@dataclass
class QuoteRow:
    story_id: str
    article_id: str
    outlet: str | None
    speaker: str | None
    text: str
    kind: str
    published_utc: str | None


@dataclass
class EntityPage:
    """Who or what an entity is, the stories it appears in and what it said, oldest first."""

    entity: EntityRecord
    stories: Page
    quotes: list[QuoteRow]


def _entity_record(row: Any) -> EntityRecord:
    return EntityRecord(row.id, row.name, row.type, json.loads(row.aliases), row.description)


def entity_by_id(engine: Engine, entity_id: str) -> EntityRecord | None:
    with engine.connect() as conn:
        row = conn.execute(select(schema.entities).where(schema.entities.c.id == entity_id)).first()
    return _entity_record(row) if row else None


def find_entity(engine: Engine, key: str) -> EntityRecord | None:
    """An entity by id, else by name (case-insensitive), preferring the one in most stories."""
    e, se = schema.entities, schema.story_entities
    by_name = (
        select(e)
        .outerjoin(se, se.c.entity_id == e.c.id)
        .where(func.lower(e.c.name) == key.strip().lower())
        .group_by(*e.c)
        .order_by(func.count(se.c.story_id).desc())
        .limit(1)
    )
    found = entity_by_id(engine, key)
    if found:
        return found
    with engine.connect() as conn:
        row = conn.execute(by_name).first()
    return _entity_record(row) if row else None


def entity_page(
    engine: Engine, entity_id: str, limit: int = 20, offset: int = 0, quote_limit: int = 200
) -> EntityPage | None:
    entity = entity_by_id(engine, entity_id)
    if entity is None:
        return None
    stories = list_stories(engine, StoryFilter(entity_id=entity_id), "latest", limit, offset)
    q, a = schema.quotes, schema.articles
    query = (
        select(q.c.story_id, q.c.article_id, a.c.outlet, q.c.speaker, q.c.text, q.c.kind, q.c.published_utc)
        .outerjoin(a, a.c.id == q.c.article_id)
        .where(q.c.speaker_entity_id == entity_id)
        .order_by(q.c.published_utc.asc().nulls_first(), q.c.id)
        .limit(quote_limit)
    )
    with engine.connect() as conn:
        quotes = [QuoteRow(*row) for row in conn.execute(query)]
    return EntityPage(entity, stories, quotes)


# ---------------------------------------------------------------------- outlets


@dataclass
class ArticleRow:
    id: str
    title: str | None
    outlet: str | None
    published_utc: str | None
    story_id: str | None


@dataclass
class ClaimRow:
    story_id: str
    story_title: str
    claim_id: str
    text: str
    status: str
    outlets: list[str]
    importance: float


@dataclass
class LoadedTerm:
    term: str
    connotation: str
    stories: int  # how many of the outlet's stories use it


@dataclass
class OutletProfile:
    """An outlet's coverage and how it differs from the others, over its latest stories."""

    name: str
    article_count: int
    story_count: int
    articles: Page  # of ArticleRow, latest first
    stories: Page
    shared_claims: int  # claims of its stories reported by two or more outlets
    omitted: list[ClaimRow]  # of those, the ones it left out, most widely reported first
    omitted_count: int
    added: list[ClaimRow]  # claims only it reported, most important first
    loaded_terms: list[LoadedTerm]
    stories_read: int = 0


def outlet_profile(engine: Engine, name: str, limit: int = 20, offset: int = 0) -> OutletProfile | None:
    a = schema.articles
    with engine.connect() as conn:
        counts = conn.execute(
            select(func.count(), func.count(func.distinct(a.c.story_id))).where(a.c.outlet == name)
        ).one()
        if counts[0] == 0:
            return None
        articles = [
            ArticleRow(*row)
            for row in conn.execute(
                select(a.c.id, a.c.title, a.c.outlet, a.c.published_utc, a.c.story_id)
                .where(a.c.outlet == name)
                .order_by(a.c.published_utc.desc().nulls_last(), a.c.id)
                .limit(limit)
                .offset(offset)
            )
        ]
        story_ids = _latest_story_ids(conn, name, OUTLET_PROFILE_STORIES)
        claims = _claims_of(conn, story_ids)
        terms = _loaded_terms(conn, name, story_ids)
    stories = list_stories(engine, StoryFilter(outlet=name), "latest", limit, 0)
    shared = [c for c in claims if len(c.outlets) >= 2]
    omitted = sorted(
        (c for c in shared if name not in c.outlets), key=lambda c: (-len(c.outlets), -c.importance)
    )
    added = sorted((c for c in claims if c.outlets == [name]), key=lambda c: -c.importance)
    return OutletProfile(
        name=name,
        article_count=counts[0],
        story_count=counts[1],
        articles=Page(articles, counts[0], limit, offset),
        stories=stories,
        shared_claims=len(shared),
        omitted=omitted[:limit],
        omitted_count=len(omitted),
        added=added[:limit],
        loaded_terms=terms,
        stories_read=len(story_ids),
    )


def _latest_story_ids(conn: Connection, outlet: str, limit: int) -> list[str]:
    a = schema.articles
    query = (
        select(a.c.story_id)
        .where(a.c.outlet == outlet, a.c.story_id.is_not(None))
        .group_by(a.c.story_id)
        .order_by(func.max(a.c.published_utc).desc().nulls_last())
        .limit(limit)
    )
    return list(conn.execute(query).scalars())


def _claims_of(conn: Connection, story_ids: list[str]) -> list[ClaimRow]:
    c, s = schema.claims, schema.stories
    query = (
        select(c.c.story_id, s.c.title, c.c.claim_id, c.c.text, c.c.status, c.c.outlets, c.c.importance)
        .join(s, s.c.id == c.c.story_id)
        .where(c.c.story_id.in_(story_ids))
    )
    return [
        ClaimRow(sid, title, cid, body, status, json.loads(outlets), importance)
        for sid, title, cid, body, status, outlets, importance in conn.execute(query)
    ]


def _loaded_terms(conn: Connection, outlet: str, story_ids: list[str]) -> list[LoadedTerm]:
    """The outlet's loaded wording in these stories (compare's ``loaded_terms`` and framing variants).

    Counted once per story, so one article repeating a word does not outweigh a habit.
    """
    s, a = schema.stories, schema.articles
    own = set(conn.execute(select(a.c.id).where(a.c.outlet == outlet, a.c.story_id.in_(story_ids))).scalars())
    seen: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for data in conn.execute(select(s.c.data).where(s.c.id.in_(story_ids))).scalars():
        story = json.loads(data)
        found = {
            (t["term"].lower(), t.get("connotation") or "")
            for entry in story.get("loaded_terms") or []
            if entry.get("outlet") == outlet
            for t in entry.get("terms") or []
        }
        found |= {
            (v["phrase"].lower(), v["connotation"])
            for framing in story.get("framing") or []
            for v in framing.get("variants") or []
            if v.get("article_id") in own and v.get("connotation") not in (None, "neutral")
        }
        for term, connotation in found:
            seen.setdefault(term, connotation)
        counts.update({term for term, _ in found})
    return [LoadedTerm(term, seen[term], n) for term, n in counts.most_common(30)]


# ---------------------------------------------------------------------- search


@dataclass
class SearchHit:
    """One match: an article or a claim, with a snippet whose matched words are marked."""

    kind: str
    ref_id: str
    story_id: str | None
    title: str
    snippet: list[tuple[str, bool]]  # (text, is_match) pieces, to be escaped by the template
    outlet: str | None = None
    published_utc: str | None = None


#: Snippet markers: control characters that cannot occur in stored clean text.
_OPEN, _CLOSE = "\x02", "\x03"
#: Matches a query reads and counts: the latest ones. Past it the total is a lower bound and
#: ranking covers these only, which keeps a word found everywhere as cheap as a rare one.
SEARCH_WINDOW = 1000
#: Words of context a snippet shows around the matches.
SNIPPET_WORDS = 24


def query_words(user_query: str) -> list[str]:
    """The words of a query; everything else the user typed is dropped, so no query syntax runs."""
    return re.findall(r"\w+", user_query)


def fts_query(user_query: str) -> str:
    """A safe FTS5 expression: every word quoted, so nothing the user types is an operator.

    No prefix matching: without a prefix index a short prefix expands to thousands of terms;
    the porter stemmer already matches inflections.
    """
    return " ".join(f'"{w}"' for w in query_words(user_query))


@dataclass(frozen=True)
class _FullText:
    """How one backend matches, scores and cuts snippets over ``search_index``, all on ``:q``;
    the windowed ranking and counting around them are the same on every backend."""

    key: str  # the row's id, in the order rows were indexed
    match: str  # the condition a matching row meets
    score: str  # its relevance
    best_first: str  # the ordering of ``score``, best first
    snippet: str  # the body cut around the matches, marked with ``:o`` and ``:c``
    query: Callable[[str], str]  # the user's query as ``:q``


_FTS5 = _FullText(
    key="rowid",
    match="search_index MATCH :q",
    score="bm25(search_index)",
    best_first="score",
    snippet=f"snippet(search_index, 4, :o, :c, '…', {SNIPPET_WORDS})",
    query=lambda user_query: f"body : ({fts_query(user_query)})",
)

#: PostgreSQL's English configuration stems like FTS5's porter tokenizer; ``plainto_tsquery``
#: ANDs the words and reads no operators. Must match the tsvector of migration 0002.
_TSQUERY = "plainto_tsquery('english', :q)"
_TSEARCH = _FullText(
    key="id",
    match=f"body_tsv @@ {_TSQUERY}",
    score=f"ts_rank(body_tsv, {_TSQUERY}, 1)",  # 1: divided by 1 + log(length), as bm25 weighs length
    best_first="score DESC",
    snippet=f"ts_headline('english', body, {_TSQUERY}, :headline)",
    query=lambda user_query: " ".join(query_words(user_query)),
)
#: One passage from the first best match on (a short claim whole); fragments would drop its last words.
_HEADLINE = f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}"


def search(
    engine: Engine, user_query: str, kind: SearchKind | None = None, limit: int = 20, offset: int = 0
) -> Page:
    """Full-text search over article bodies and claims, best matches first."""
    if not query_words(user_query):
        return Page([], 0, limit, offset)
    with engine.connect() as conn:
        hits, total = _fulltext(conn, user_query, kind, limit, offset)
        _attach_article_meta(conn, hits)
    return Page(hits, total, limit, offset, exact=total < SEARCH_WINDOW)


def _fulltext(
    conn: Connection, user_query: str, kind: SearchKind | None, limit: int, offset: int
) -> tuple[list[SearchHit], int]:
    """FTS5 on SQLite, tsvector/tsquery on PostgreSQL, over the ``search_index`` the store keeps.

    Matches the indexed body only: a claim's indexed title is its story's, which would make every
    claim of a story match the story's title. Ranking reads the latest :data:`SEARCH_WINDOW`
    matches only, so a word found everywhere costs no more than a rare one; snippets are cut
    only for the page shown.
    """
    backend = _FTS5 if conn.dialect.name == "sqlite" else _TSEARCH
    where = backend.match + (" AND kind = :kind" if kind else "")
    params = {"q": backend.query(user_query), "kind": kind, "o": _OPEN, "c": _CLOSE, "headline": _HEADLINE}
    latest = (
        f"SELECT {backend.key} AS key, {backend.score} AS score FROM search_index WHERE {where} "
        f"ORDER BY {backend.key} DESC LIMIT {SEARCH_WINDOW}"
    )
    ranked = (
        f"SELECT key FROM ({latest}) AS latest "
        f"ORDER BY {backend.best_first}, key DESC LIMIT :limit OFFSET :off"
    )
    keys = list(conn.execute(text(ranked), {**params, "limit": limit, "off": offset}).scalars())
    counting = (
        f"SELECT count(*) FROM (SELECT 1 FROM search_index WHERE {where} LIMIT {SEARCH_WINDOW}) AS found"
    )
    total = conn.execute(text(counting), params).scalar_one()
    if not keys:
        return [], total
    snippets = text(
        f"SELECT {backend.key}, kind, ref_id, story_id, title, {backend.snippet} FROM search_index "
        f"WHERE {backend.match} AND {backend.key} IN ({', '.join(map(str, keys))})"
    )
    found = {row[0]: row[1:] for row in conn.execute(snippets, params)}
    hits = [
        SearchHit(k, ref, sid, title, _snippet_pieces(snip))
        for k, ref, sid, title, snip in map(found.get, keys)
    ]
    return hits, total


def _snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    pieces: list[tuple[str, bool]] = []
    for part in re.split(f"({_OPEN}.*?{_CLOSE})", snippet):
        if part.startswith(_OPEN):
            pieces.append((part[1:-1], True))
        elif part:
            pieces.append((part, False))
    return pieces


def _attach_article_meta(conn: Connection, hits: list[SearchHit]) -> None:
    a = schema.articles
    ids = [h.ref_id for h in hits if h.kind == "article"]
    if not ids:
        return
    meta = {
        row.id: row
        for row in conn.execute(select(a.c.id, a.c.outlet, a.c.published_utc).where(a.c.id.in_(ids)))
    }
    for hit in hits:
        if hit.kind == "article" and hit.ref_id in meta:
            hit.outlet = meta[hit.ref_id].outlet
            hit.published_utc = meta[hit.ref_id].published_utc
