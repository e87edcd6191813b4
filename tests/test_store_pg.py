"""PostgreSQL for a team: its own search migration, and the CLI and the server run against it.

Everything here needs a server (``STORYLENS_TEST_PG_URL``) and skips without one.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from alembic import command
from sqlalchemy import inspect, text

from storylens.store import Store
from storylens.store.migrations import alembic_config
from tests.conftest import SAMPLE_DIR
from tests.test_store import found, make_article, make_story

pytestmark = pytest.mark.postgres

STORYLENS = str(Path(sys.executable).with_name("storylens"))
RUN_SUMMARY = re.compile(r"(\d+) articles? added, (\d+) already stored")
EVENT_ONE = sorted(str(p) for p in (SAMPLE_DIR / "articles").glob("e01-*"))


@pytest.fixture
def pg_store(postgres_url: str) -> Iterator[Store]:
    store = Store(postgres_url)
    yield store
    store.close()


def test_search_index_has_a_gin_index_over_the_body(pg_store: Store) -> None:
    indexes = {i["name"]: i for i in inspect(pg_store.engine).get_indexes("search_index")}
    assert indexes["ix_search_index_body_tsv"]["column_names"] == ["body_tsv"]
    assert indexes["ix_search_index_body_tsv"]["dialect_options"]["postgresql_using"] == "gin"


def test_upgrading_an_older_store_indexes_what_it_holds(pg_store: Store) -> None:
    pg_store.save_article(make_article("a1"), "h1")
    pg_store.save_story(make_story("s-1", ["a1"]))
    config = alembic_config(pg_store.engine)
    with pg_store.engine.begin() as conn:  # back to the store as it was before PostgreSQL search
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    assert "search_index" not in inspect(pg_store.engine).get_table_names()
    upgraded = Store(pg_store.url)
    assert found(upgraded, "council") == [("article", "a1", "s-1"), ("claim", "c1", "s-1")]
    upgraded.close()


#: Opens a store at a moment given in wall-clock seconds, after its imports, so that processes collide.
OPEN_AT = """
import sys, time
from storylens.store import Store
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
Store(sys.argv[1]).close()
"""


def test_processes_opening_a_new_database_at_once_migrate_it_once(postgres_url: str) -> None:
    command_line = [sys.executable, "-c", OPEN_AT, postgres_url, str(time.time() + 8)]
    openers = [subprocess.Popen(command_line, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    errors = [opener.communicate(timeout=120)[1] for opener in openers]
    assert [opener.returncode for opener in openers] == [0, 0, 0], errors


def ingest(url: str, paths: list[str]) -> subprocess.Popen[str]:
    """``storylens ingest`` in its own process."""
    return subprocess.Popen(
        [STORYLENS, "ingest", *paths, "--db", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finished(process: subprocess.Popen[str]) -> str:
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0, output
    return output


@pytest.mark.slow
def test_cli_ingest_and_serve_on_postgres(postgres_url: str) -> None:
    output = finished(ingest(postgres_url, EVENT_ONE[:2]))
    assert "***@" in output and ":storylens@" not in output  # the password is masked
    with serving(postgres_url) as base:
        listed = httpx.get(f"{base}/api/stories").json()["stories"]
        assert [s["article_count"] for s in listed] == [2]
        story = httpx.get(f"{base}/api/stories/{listed[0]['id']}").json()
        assert {a["source"] for a in story["articles"]} == set(EVENT_ONE[:2])
        assert story["stories"][0]["claims"]
        results = httpx.get(f"{base}/api/search", params={"q": "Dunmore"}).json()["results"]
        assert {r["id"] for r in results if r["kind"] == "article"} == {a["id"] for a in story["articles"]}
        assert httpx.head(f"{base}/stories/{listed[0]['id']}").status_code == 200


@pytest.mark.slow
def test_concurrent_ingests_store_each_article_once_in_one_story(postgres_url: str) -> None:
    first, second = ingest(postgres_url, EVENT_ONE[:4]), ingest(postgres_url, EVENT_ONE[1:])
    runs = [RUN_SUMMARY.search(finished(process)) for process in (first, second)]
    added, already = (sum(int(run.group(n)) for run in runs if run) for n in (1, 2))
    assert (added, already) == (len(EVENT_ONE), 3)  # the three inputs both were given: stored once
    store = Store(postgres_url)
    with store.engine.connect() as conn:
        counts = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT story_id) FROM articles), "
                "(SELECT count(*) FROM cluster_items), "
                "(SELECT count(*) FROM search_index WHERE kind = 'article')"
            )
        ).one()
    assert tuple(counts) == (len(EVENT_ONE), 1, len(EVENT_ONE), len(EVENT_ONE))
    assert store.stale_story_ids() == [] and store.count_stories() == 1
    store.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(url: str) -> Iterator[str]:
    """``storylens serve`` on a free loopback port for the ``with`` block; yields its base URL."""
    base = f"http://127.0.0.1:{free_port()}"
    command_line = [STORYLENS, "serve", "--db", url, "--port", base.rsplit(":", 1)[1]]
    process = subprocess.Popen(command_line, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            httpx.get(f"{base}/api/stories", timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("storylens serve did not answer")
