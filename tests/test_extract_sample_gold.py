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


def test_published_matches_gold_with_its_offset(pairs) -> None:  # type: ignore[no-untyped-def]
    """Same instant and same offset; a stamp that prints no zone is null in gold and in extraction."""
    wrong = [
        (g.key, a.published, g.published_at)
        for a, g in pairs
        if a is not None
        and (
            a.published != g.published_at
            or (a.published and a.published.utcoffset()) != (g.published_at and g.published_at.utcoffset())
        )
    ]
    assert wrong == []


def test_an_outlet_named_nowhere_in_the_text_is_null_not_a_guess(pairs) -> None:  # type: ignore[no-untyped-def]
    """Scraped .txt files that never name their outlet: the contract says null (the web shows
    "Unknown outlet"); the file name and the corpus's outlet list are not read."""
    unnamed = [a for a, _ in pairs if a is not None and a.source.endswith(".txt") and a.outlet is None]
    assert len(unnamed) == 9
    assert all(a.contract_dict()["outlet"] is None for a in unnamed)
