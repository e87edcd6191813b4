"""Shared fixtures: real stores on SQLite and, where a server runs, PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storylens.store import Store

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SAMPLE_DIR = Path(__file__).resolve().parents[1] / "src" / "storylens" / "data" / "sample"
PG_URL = os.environ.get("STORYLENS_TEST_PG_URL")


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = Store(str(tmp_path / "test.db"))
    yield store
    store.close()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    if not PG_URL:
        pytest.skip("STORYLENS_TEST_PG_URL is not set (no PostgreSQL server)")
    name = f"storylens_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same tests on both backends."""
    url = str(tmp_path / "test.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    store = Store(url)
    yield store
    store.close()
