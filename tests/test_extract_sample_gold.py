"""Extraction against the sample corpus's gold: every article found, its metadata and body exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.eval.align import match_articles
from storylens.eval.gold import gold_articles, load_gold
from storylens.extract import extract_all

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "storylens" / "data" / "sample"


@pytest.fixture(scope="module")
def pairs():  # type: ignore[no-untyped-def]
    if not (SAMPLE / "gold").is_dir():
        pytest.skip("the sample corpus has no gold yet")
    gold = gold_articles(load_gold(SAMPLE))
    articles, errors = extract_all([str(SAMPLE / "articles")])
    assert not errors, errors
    matched = match_articles(articles, gold)
    return [(matched.get(g.key), g) for g in gold]


def test_every_gold_article_is_extracted(pairs) -> None:  # type: ignore[no-untyped-def]
    assert [g.key for a, g in pairs if a is None] == []


@pytest.mark.parametrize("name", ["title", "subtitle", "authors"])
def test_metadata_field_matches_gold(pairs, name: str) -> None:  # type: ignore[no-untyped-def]
    wrong = [
        (g.key, getattr(a, name), getattr(g, name))
        for a, g in pairs
        if a is not None and getattr(a, name) != getattr(g, name)
    ]
    assert wrong == []


def test_body_matches_gold(pairs) -> None:  # type: ignore[no-untyped-def]
    assert [g.key for a, g in pairs if a is not None and a.text != g.body] == []


def test_published_local_time_matches_gold(pairs) -> None:  # type: ignore[no-untyped-def]
    """The date and clock time as printed. Offsets are checked in test_extract_fields: three
    gold stamps print no zone, which extraction reads as UTC (see docs/extraction.md)."""
    wrong = [
        (g.key, a.published, g.published_at)
        for a, g in pairs
        if a is not None
        and (a.published and a.published.replace(tzinfo=None))
        != (g.published_at and g.published_at.replace(tzinfo=None))
    ]
    assert wrong == []
