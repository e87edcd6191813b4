"""The repository: articles, stories and clustering state behind SQLAlchemy Core.

SQLite (WAL) is the embedded default; the same code runs on PostgreSQL given a
``postgresql+psycopg://`` URL. The schema is created and upgraded by Alembic on open.
Every write is one transaction, so a crash never leaves half an article or half a story.
"""

from __future__ import annotations

import fcntl
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select, text, update

from storylens.cluster.records import ClusterItem, StoryProfile
from storylens.models import Article, Story
from storylens.store import schema
from storylens.store.migrations import upgrade_to_head

#: The PostgreSQL advisory lock one ingest run holds ("storylen" in ASCII), see ``Store.ingest_lock``.
INGEST_LOCK_KEY = 0x73746F72796C656E


@dataclass
class StoryRow:
    """A story as listed: enough for a table or a home page, without its comparison."""

    id: str
    title: str
    article_count: int
    outlet_count: int
    first_published_utc: str | None
    last_published_utc: str | None


def database_url(db: str) -> str:
    """A SQLAlchemy URL for a file path or an explicit URL."""
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def utc_text(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC without offset: sortable as a string on every backend."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def story_ordering(order: str) -> tuple[Any, ...]:
    """ORDER BY for story lists: latest coverage first, or (``"largest"``) most articles first."""
    s = schema.stories
    latest = (s.c.last_published_utc.desc().nulls_last(), s.c.id)
    return (s.c.article_count.desc(), *latest) if order == "largest" else latest


def _now() -> str:
    return utc_text(datetime.now(UTC)) or ""


class Store:
    """Reads and writes the storylens database; one instance per process and database."""

    def __init__(self, db: str) -> None:
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        upgrade_to_head(self.engine)

    @property
    def display_url(self) -> str:
        """The database URL with any password masked: safe to print or log."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def ingest_lock(self) -> Iterator[None]:
        """Hold the store's ingest lock, shared by every process that opens it: one run at a time.

        A run's clusterer starts from the stories stored when it began; two runs at once would
        each miss the other's articles (one event split into two stories) and race to insert
        the same article. PostgreSQL: a session advisory lock, released if the process dies;
        SQLite: an exclusive ``flock`` on ``<database>-ingest.lock`` beside the file.
        """
        lock = _file_lock if self.is_sqlite else _advisory_lock
        with lock(self.engine):
            yield

    # ------------------------------------------------------------------ articles

    def find_existing(self, article: Article, content_hash: str) -> str | None:
        """The id of a stored article that is this one: same id, same URL or same content."""
        a = schema.articles
        query = select(a.c.id).where(
            (a.c.id == article.id)
            | (a.c.content_hash == content_hash)
            | ((a.c.url == article.url) if article.url else False)
        )
        with self.engine.connect() as conn:
            return conn.execute(query.limit(1)).scalar()

    def save_article(
        self,
        article: Article,
        content_hash: str,
        cluster: ClusterItem | None = None,
        profiles: Iterable[StoryProfile] = (),
    ) -> None:
        """Insert one analysed, placed article with its clustering state, atomically."""
        with self.engine.begin() as conn:
            conn.execute(insert(schema.articles).values(**_article_row(article, content_hash)))
            if cluster is not None:
                conn.execute(insert(schema.cluster_items).values(**_cluster_row(cluster)))
            _save_profiles(conn, profiles)
            _index_text(conn, "article", article.id, article.story_id, article.title or "", article.text)

    def load_article(self, article_id: str) -> Article | None:
        found = self.load_articles([article_id])
        return found[0] if found else None

    def load_articles(self, ids: Iterable[str]) -> list[Article]:
        """Articles by id, in the order asked (missing ids are skipped)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        rows: dict[str, Article] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(wanted, 500):
                a = schema.articles
                query = select(a.c.id, a.c.story_id, a.c.data).where(a.c.id.in_(chunk))
                for article_id, story_id, data in conn.execute(query):
                    article = Article.from_dict(json.loads(data))
                    article.story_id = story_id  # merges move articles without rewriting their data
                    rows[article_id] = article
        return [rows[i] for i in wanted if i in rows]

    def story_article_ids(self, story_id: str) -> list[str]:
        a = schema.articles
        query = (
            select(a.c.id)
            .where(a.c.story_id == story_id)
            .order_by(a.c.published_utc.asc().nulls_first(), a.c.id)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def outlet_names(self) -> list[str]:
        """Every outlet with a stored article."""
        a = schema.articles
        with self.engine.connect() as conn:
            return list(conn.execute(select(a.c.outlet).where(a.c.outlet.is_not(None)).distinct()).scalars())

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()

    # ------------------------------------------------------------------ stories

    def save_story(self, story: Story) -> None:
        """Replace a story's comparison and everything derived from it, atomically."""
        with self.engine.begin() as conn:
            _delete_story_rows(conn, story.id)
            conn.execute(insert(schema.stories).values(**_story_row(story)))
            _save_story_entities(conn, story)
            _save_story_quotes(conn, story)
            _save_story_claims(conn, story)

    def merge_stories(self, absorbed_id: str, into_id: str) -> None:
        """Fold one story into another: its articles move and its id stays resolvable."""
        with self.engine.begin() as conn:
            a, c = schema.articles, schema.cluster_items
            conn.execute(update(a).where(a.c.story_id == absorbed_id).values(story_id=into_id))
            conn.execute(update(c).where(c.c.story_id == absorbed_id).values(story_id=into_id))
            conn.execute(
                update(schema.story_merges)
                .where(schema.story_merges.c.into_id == absorbed_id)
                .values(into_id=into_id)
            )
            conn.execute(
                insert(schema.story_merges).values(absorbed_id=absorbed_id, into_id=into_id, merged_at=_now())
            )
            _delete_story_rows(conn, absorbed_id)
            conn.execute(delete(schema.story_profiles).where(schema.story_profiles.c.story_id == absorbed_id))
            conn.execute(
                text("UPDATE search_index SET story_id = :into WHERE story_id = :old"),
                {"into": into_id, "old": absorbed_id},
            )

    def move_articles(self, moves: Iterable[tuple[str, str]], profiles: Iterable[StoryProfile]) -> None:
        """Move stored articles, as (article id, story id), to other stories and save the
        changed stories' profiles, atomically: a run's refinement of articles saved batch by
        batch."""
        a, c = schema.articles, schema.cluster_items
        with self.engine.begin() as conn:
            for article_id, story_id in moves:
                conn.execute(update(a).where(a.c.id == article_id).values(story_id=story_id))
                conn.execute(update(c).where(c.c.article_id == article_id).values(story_id=story_id))
                conn.execute(
                    text("UPDATE search_index SET story_id = :s WHERE kind = 'article' AND ref_id = :r"),
                    {"s": story_id, "r": article_id},
                )
            _save_profiles(conn, profiles)

    def resolve_story_id(self, story_id: str) -> str:
        """The surviving id of a story that may have been merged into another."""
        query = select(schema.story_merges.c.into_id).where(schema.story_merges.c.absorbed_id == story_id)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar() or story_id

    def load_story(self, story_id: str) -> Story | None:
        query = select(schema.stories.c.data).where(schema.stories.c.id == self.resolve_story_id(story_id))
        with self.engine.connect() as conn:
            data = conn.execute(query).scalar()
        return Story.from_dict(json.loads(data)) if data else None

    def list_stories(self, limit: int | None = 50, offset: int = 0, order: str = "latest") -> list[StoryRow]:
        """Stories, latest coverage first (``order="latest"``) or largest first (``"largest"``)."""
        s = schema.stories
        query = select(
            s.c.id,
            s.c.title,
            s.c.article_count,
            s.c.outlet_count,
            s.c.first_published_utc,
            s.c.last_published_utc,
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(*story_ordering(order)).limit(limit).offset(offset))
            return [StoryRow(*row) for row in rows]

    def load_listed(
        self, limit: int | None = None, order: str = "latest"
    ) -> tuple[list[Article], list[Story]]:
        """The stories ``list_stories`` would list, whole, and every article they hold."""
        stories = [s for s in (self.load_story(row.id) for row in self.list_stories(limit, order=order)) if s]
        return self.load_articles(a for s in stories for a in s.article_ids), stories

    def stale_story_ids(self) -> list[str]:
        """Stories whose stored comparison does not cover all their articles (an interrupted run)."""
        a, s = schema.articles, schema.stories
        counts = (
            select(a.c.story_id, func.count().label("n"))
            .where(a.c.story_id.is_not(None))
            .group_by(a.c.story_id)
            .subquery()
        )
        query = (
            select(counts.c.story_id)
            .select_from(counts.outerjoin(s, s.c.id == counts.c.story_id))
            .where(s.c.id.is_(None) | (s.c.article_count != counts.c.n))
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def count_stories(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.stories)).scalar_one()

    # ------------------------------------------------------------------ clustering state

    def cluster_items(self) -> Iterator[ClusterItem]:
        """Every placed article's clustering record, oldest first, to rebuild the clusterer."""
        c = schema.cluster_items
        with self.engine.connect() as conn:
            for row in conn.execute(
                select(c).order_by(c.c.published_utc.asc().nulls_first(), c.c.article_id)
            ):
                published = (
                    datetime.fromisoformat(row.published_utc).replace(tzinfo=UTC)
                    if row.published_utc
                    else None
                )
                yield ClusterItem(
                    row.article_id, row.story_id, published, row.vector, row.minhash, json.loads(row.features)
                )

    def story_profiles(self) -> list[StoryProfile]:
        p = schema.story_profiles
        with self.engine.connect() as conn:
            return [
                StoryProfile(sid, json.loads(f))
                for sid, f in conn.execute(select(p.c.story_id, p.c.features))
            ]

    def save_story_profiles(self, profiles: Iterable[StoryProfile]) -> None:
        with self.engine.begin() as conn:
            _save_profiles(conn, profiles)


# ---------------------------------------------------------------------- rows


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


@contextmanager
def _advisory_lock(engine: Engine) -> Iterator[None]:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": INGEST_LOCK_KEY})
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": INGEST_LOCK_KEY})


@contextmanager
def _file_lock(engine: Engine) -> Iterator[None]:
    database = engine.url.database
    if not database or database == ":memory:":  # no other process can open it
        yield
        return
    with open(f"{database}-ingest.lock", "a") as handle:  # closing it releases the lock
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _article_row(article: Article, content_hash: str) -> dict[str, Any]:
    data = article.to_dict()
    data["embedding"] = None  # lives in cluster_items, not twice
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "content_hash": content_hash,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_utc": utc_text(article.published),
        "language": article.language,
        "story_id": article.story_id,
        "duplicate_of": article.duplicate_of,
        "data": json.dumps(data),
        "ingested_at": _now(),
    }


def _cluster_row(record: ClusterItem) -> dict[str, Any]:
    return {
        "article_id": record.article_id,
        "story_id": record.story_id,
        "published_utc": utc_text(record.published),
        "vector": record.vector,
        "minhash": record.minhash,
        "features": json.dumps(record.features),
    }


def _story_row(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "first_published_utc": utc_text(story.first_published),
        "last_published_utc": utc_text(story.last_published),
        "article_count": len(story.article_ids),
        "outlet_count": len(story.outlets),
        "data": json.dumps(story.to_dict()),
        "updated_at": _now(),
    }


def _save_profiles(conn: Connection, profiles: Iterable[StoryProfile]) -> None:
    p = schema.story_profiles
    for profile in profiles:
        conn.execute(delete(p).where(p.c.story_id == profile.story_id))
        conn.execute(insert(p).values(story_id=profile.story_id, features=json.dumps(profile.features)))


def _delete_story_rows(conn: Connection, story_id: str) -> None:
    for table in (schema.claims, schema.quotes, schema.story_entities):
        conn.execute(delete(table).where(table.c.story_id == story_id))
    conn.execute(delete(schema.stories).where(schema.stories.c.id == story_id))
    conn.execute(text("DELETE FROM search_index WHERE kind = 'claim' AND story_id = :s"), {"s": story_id})


def _save_story_entities(conn: Connection, story: Story) -> None:
    e = schema.entities
    for entity in story.entities:
        known = conn.execute(select(e.c.aliases).where(e.c.id == entity.id)).scalar()
        aliases = sorted(set(json.loads(known or "[]")) | set(entity.aliases))
        values = {"name": entity.name, "type": entity.type, "aliases": json.dumps(aliases)}
        if entity.description:  # a story that names no role keeps the one another story gave
            values["description"] = entity.description
        if known is None:
            conn.execute(insert(e).values(id=entity.id, **values))
        else:
            conn.execute(update(e).where(e.c.id == entity.id).values(**values))
        conn.execute(
            insert(schema.story_entities).values(
                story_id=story.id, entity_id=entity.id, mentions=len(entity.article_ids)
            )
        )


def _save_story_quotes(conn: Connection, story: Story) -> None:
    published = _published_by_article(conn, story.article_ids)
    rows = [
        {
            "story_id": story.id,
            "article_id": q.article_id,
            "speaker_entity_id": q.speaker_entity_id,
            "speaker": q.speaker,
            "text": q.text,
            "kind": q.kind,
            "published_utc": published.get(q.article_id),
        }
        for q in story.quotes
    ]
    if rows:
        conn.execute(insert(schema.quotes), rows)


def _save_story_claims(conn: Connection, story: Story) -> None:
    outlets = _outlet_by_article(conn, story.article_ids)
    for claim in story.claims:
        carried = sorted({outlets.get(s.article_id) or s.article_id for s in claim.support})
        conn.execute(
            insert(schema.claims).values(
                story_id=story.id,
                claim_id=claim.id,
                text=claim.text,
                status=claim.status,
                outlets=json.dumps(carried),
                importance=claim.importance,
            )
        )
        _index_text(conn, "claim", claim.id, story.id, story.title, claim.text)


def _published_by_article(conn: Connection, ids: list[str]) -> dict[str, str | None]:
    a = schema.articles
    return dict(conn.execute(select(a.c.id, a.c.published_utc).where(a.c.id.in_(ids))).all())


def _outlet_by_article(conn: Connection, ids: list[str]) -> dict[str, str | None]:
    a = schema.articles
    return dict(conn.execute(select(a.c.id, a.c.outlet).where(a.c.id.in_(ids))).all())


def _index_text(
    conn: Connection, kind: str, ref_id: str, story_id: str | None, title: str, body: str
) -> None:
    conn.execute(
        text("INSERT INTO search_index (kind, ref_id, story_id, title, body) VALUES (:k, :r, :s, :t, :b)"),
        {"k": kind, "r": ref_id, "s": story_id, "t": title, "b": body},
    )
