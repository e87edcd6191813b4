"""The repository against real databases: SQLite always, PostgreSQL where a server runs."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from storylens.cluster.records import ClusterItem, StoryProfile
from storylens.models import Article, Claim, Entity, Quote, Story, Support
from storylens.store import Store
from storylens.store.queries import SearchKind, search

CET = timezone(timedelta(hours=1))


def make_article(
    article_id: str, story_id: str = "s-1", url: str | None = None, body: str = "", **extra: object
) -> Article:
    fields: dict[str, object] = {"published": datetime(2025, 3, 3, 14, 20, tzinfo=CET), **extra}
    return Article(
        id=article_id,
        source=f"tests/{article_id}.txt",
        text=body or f"Body of {article_id}. The council met on Friday.",
        url=url,
        outlet="Meridian Wire",
        title=f"Title {article_id}",
        authors=["Ada Brenner"],
        story_id=story_id,
        **fields,  # type: ignore[arg-type]
    )


def make_story(story_id: str, article_ids: list[str]) -> Story:
    support = [Support(a, "The council met on Friday.", 0, 10) for a in article_ids]
    return Story(
        id=story_id,
        title="The council met",
        article_ids=article_ids,
        outlets=["Meridian Wire"],
        first_published=datetime(2025, 3, 3, 13, 20, tzinfo=UTC),
        last_published=datetime(2025, 3, 4, 9, 0, tzinfo=UTC),
        entities=[Entity("e-council", "Halden Council", "ORG", ["the council"], None, article_ids)],
        quotes=[Quote(article_ids[0], "Ada Brenner", None, "she", "we met", 0, 6, "direct", "said")],
        claims=[Claim("c1", "The council met on Friday.", "consensus", support)],
    )


def record(article_id: str, story_id: str) -> ClusterItem:
    published = datetime(2025, 3, 3, 13, 20, tzinfo=UTC)
    return ClusterItem(article_id, story_id, published, b"\x01" * 8, b"\x02" * 8, {"n": 1})


def test_schema_is_at_head_after_open(store: Store) -> None:
    with store.engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == "0002"
    assert {"articles", "stories", "story_merges", "claims", "cluster_items", "search_index"} <= set(
        inspect(store.engine).get_table_names()
    )


def test_reopening_keeps_data(store: Store) -> None:
    store.save_article(make_article("a1"), "hash-a1")
    again = Store(store.url)
    assert again.count_articles() == 1
    again.close()


def test_article_round_trip(store: Store) -> None:
    article = make_article("a1", url="https://meridianwire.example/a1")
    store.save_article(article, "hash-a1", record("a1", "s-1"))
    loaded = store.load_article("a1")
    assert loaded == article
    assert loaded.published.utcoffset() == timedelta(hours=1)
    assert list(store.cluster_items()) == [record("a1", "s-1")]


def test_printed_local_time_survives_the_round_trip_naive(store: Store) -> None:
    article = make_article("a2", published=None, published_local=datetime(2025, 3, 20, 18, 45))
    store.save_article(article, "hash-a2", record("a2", "s-1"))
    loaded = store.load_article("a2")
    assert loaded.published is None
    assert loaded.published_local == datetime(2025, 3, 20, 18, 45) and loaded.published_local.tzinfo is None


def test_existing_article_found_by_id_url_or_content(store: Store) -> None:
    store.save_article(make_article("a1", url="https://x.example/1"), "hash-a1")
    assert store.find_existing(make_article("a1"), "other") == "a1"
    assert store.find_existing(make_article("b", url="https://x.example/1"), "other") == "a1"
    assert store.find_existing(make_article("c"), "hash-a1") == "a1"
    assert store.find_existing(make_article("d", url="https://x.example/2"), "new") is None


def test_failed_save_leaves_no_half_article(store: Store) -> None:
    store.save_article(make_article("a1"), "hash-a1", record("a1", "s-1"))
    with pytest.raises(IntegrityError):  # the article is new, its clustering record clashes
        store.save_article(make_article("a2"), "hash-a2", record("a1", "s-1"))
    assert store.load_article("a2") is None
    assert store.count_articles() == 1


def test_save_story_replaces_derived_rows(store: Store) -> None:
    for a in ("a1", "a2"):
        store.save_article(make_article(a), f"hash-{a}")
    store.save_story(make_story("s-1", ["a1"]))
    store.save_story(make_story("s-1", ["a1", "a2"]))
    loaded = store.load_story("s-1")
    assert loaded.article_ids == ["a1", "a2"]
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM claims")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM quotes")).scalar() == 1
    assert [row.id for row in store.list_stories()] == ["s-1"]


def test_entities_accumulate_aliases_across_stories(store: Store) -> None:
    store.save_article(make_article("a1"), "hash-a1")
    store.save_article(make_article("b1", story_id="s-2"), "hash-b1")
    first = make_story("s-1", ["a1"])
    second = make_story("s-2", ["b1"])
    second.entities = [
        Entity("e-council", "Halden Council", "ORG", ["Halden City Council"], "city council", ["b1"])
    ]
    store.save_story(first)
    store.save_story(second)
    with store.engine.connect() as conn:
        aliases, description = conn.execute(text("SELECT aliases, description FROM entities")).one()
    assert "the council" in aliases and "Halden City Council" in aliases
    assert description == "city council"


def test_merged_story_ids_stay_resolvable(store: Store) -> None:
    store.save_article(make_article("a1", story_id="s-1"), "h1", record("a1", "s-1"))
    store.save_article(make_article("b1", story_id="s-2"), "h2", record("b1", "s-2"))
    store.save_story(make_story("s-2", ["b1"]))
    store.merge_stories("s-2", "s-1")
    store.save_article(make_article("c1", story_id="s-3"), "h3")
    store.merge_stories("s-1", "s-3")  # a chain of merges still resolves
    assert store.resolve_story_id("s-2") == "s-3"
    assert store.load_article("b1").story_id == "s-3"
    assert sorted(store.story_article_ids("s-3")) == ["a1", "b1", "c1"]
    assert store.load_story("s-2") is None  # its comparison is gone until recomputed


def test_moved_articles_change_story_with_their_items_profiles_and_search(store: Store) -> None:
    store.save_article(make_article("a1", story_id="s-1"), "h1", record("a1", "s-1"))
    store.save_article(make_article("b1", story_id="s-2"), "h2", record("b1", "s-2"))
    store.move_articles([("a1", "s-2")], [StoryProfile("s-2", {"size": 2})])
    assert sorted(store.story_article_ids("s-2")) == ["a1", "b1"] and store.story_article_ids("s-1") == []
    assert {item.article_id: item.story_id for item in store.cluster_items()} == {"a1": "s-2", "b1": "s-2"}
    assert [(p.story_id, p.features) for p in store.story_profiles()] == [("s-2", {"size": 2})]
    assert found(store, "a1") == [("article", "a1", "s-2")]


def test_stale_stories_are_those_missing_articles(store: Store) -> None:
    store.save_article(make_article("a1"), "h1")
    store.save_story(make_story("s-1", ["a1"]))
    assert store.stale_story_ids() == []
    store.save_article(make_article("a2"), "h2")
    assert store.stale_story_ids() == ["s-1"]


def test_listing_orders_latest_or_largest(store: Store) -> None:
    for a, s in (("a1", "s-1"), ("b1", "s-2"), ("b2", "s-2")):
        store.save_article(make_article(a, story_id=s), f"h-{a}")
    small = make_story("s-1", ["a1"])
    small.last_published = datetime(2025, 3, 9, tzinfo=UTC)
    store.save_story(small)
    store.save_story(make_story("s-2", ["b1", "b2"]))
    undated = make_story("s-0", ["a0"])
    undated.first_published = undated.last_published = None
    store.save_story(undated)
    assert [r.id for r in store.list_stories(order="latest")] == ["s-1", "s-2", "s-0"]  # undated last
    assert [r.id for r in store.list_stories(order="largest")] == ["s-2", "s-1", "s-0"]
    assert store.count_stories() == 3


def found(store: Store, query: str, kind: SearchKind | None = None) -> list[tuple[str, str, str | None]]:
    return sorted((h.kind, h.ref_id, h.story_id) for h in search(store.engine, query, kind).items)


def test_full_text_search_covers_articles_and_claims(store: Store) -> None:
    store.save_article(make_article("a1"), "h1")
    store.save_story(make_story("s-1", ["a1"]))
    store.save_story(make_story("s-1", ["a1"]))  # compared again: its claims are indexed once
    assert found(store, "Councils, Fridays") == [("article", "a1", "s-1"), ("claim", "c1", "s-1")]
    assert found(store, "council", "claim") == [("claim", "c1", "s-1")]
    assert found(store, "council parliament") == []  # every word must match


def test_search_follows_merges_and_marks_matched_words(store: Store) -> None:
    store.save_article(make_article("a1", story_id="s-1"), "h1")
    store.save_article(make_article("b1", story_id="s-2"), "h2")
    store.save_story(make_story("s-2", ["b1"]))
    store.merge_stories("s-2", "s-1")
    assert found(store, "b1") == [("article", "b1", "s-1")]
    assert found(store, "council", "claim") == []  # the absorbed story's claims went with it
    hit = search(store.engine, "council", "article").items[0]
    assert [piece for piece, matched in hit.snippet if matched] == ["council"]
    assert "".join(piece for piece, _ in hit.snippet) in hit_text(store, hit.ref_id)
    assert (hit.outlet, hit.published_utc) == ("Meridian Wire", "2025-03-03T13:20:00")


def hit_text(store: Store, article_id: str) -> str:
    article = store.load_article(article_id)
    assert article is not None
    return article.text


def test_search_ranks_denser_matches_first(store: Store) -> None:
    dense = make_article("dense", body="Flooding closed the road. Flooding reached the mill.")
    sparse = make_article("sparse", body="The mill reopened. " * 20 + "Some flooding was reported.")
    for article in (dense, sparse):
        store.save_article(article, f"h-{article.id}")
    assert [h.ref_id for h in search(store.engine, "flooding").items] == ["dense", "sparse"]


def test_sqlite_runs_in_wal_mode(sqlite_store: Store) -> None:
    with sqlite_store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_story_profiles_replace_by_story(store: Store) -> None:
    from storylens.cluster.records import StoryProfile

    store.save_story_profiles([StoryProfile("s-1", {"size": 1}), StoryProfile("s-2", {"size": 1})])
    store.save_story_profiles([StoryProfile("s-1", {"size": 2})])
    assert sorted((p.story_id, p.features["size"]) for p in store.story_profiles()) == [
        ("s-1", 2),
        ("s-2", 1),
    ]


def test_load_listed_gives_stories_whole_with_their_articles(store: Store) -> None:
    for a, s in (("a1", "s-1"), ("b1", "s-2"), ("b2", "s-2")):
        store.save_article(make_article(a, story_id=s), f"h-{a}")
    store.save_story(make_story("s-1", ["a1"]))
    store.save_story(make_story("s-2", ["b1", "b2"]))
    articles, stories = store.load_listed(limit=1, order="largest")
    assert [s.id for s in stories] == ["s-2"]
    assert [a.id for a in articles] == ["b1", "b2"]
    assert len(store.load_listed()[1]) == 2


def test_ingest_lock_admits_one_holder_across_connections(store: Store) -> None:
    other = Store(store.url)  # its own connections: to the lock, another process
    acquired = threading.Event()

    def take_it() -> None:
        with other.ingest_lock():
            acquired.set()

    with store.ingest_lock():
        waiter = threading.Thread(target=take_it)
        waiter.start()
        assert not acquired.wait(0.5)
    assert acquired.wait(10)
    waiter.join()
    other.close()
