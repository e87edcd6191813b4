"""The whole pipeline over the bundled sample corpus: valid contract, exact spans, traceable summaries."""

from __future__ import annotations

import pytest

from storylens.cli import SAMPLE_DIR
from storylens.models import contract
from storylens.schema import validate_contract
from tests.test_pipeline_cli import assert_every_article_in_one_story, assert_spans_exact

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_document() -> dict:
    from storylens.pipeline import analyze_paths

    articles, stories, errors = analyze_paths([str(SAMPLE_DIR)])
    assert errors == [], [str(e) for e in errors]
    return contract(stories, articles)


def test_sample_contract_validates(sample_document: dict) -> None:
    validate_contract(sample_document)
    assert len(sample_document["articles"]) >= 60


def test_every_span_is_exact_over_the_sample(sample_document: dict) -> None:
    assert_spans_exact(sample_document)


def test_every_article_in_exactly_one_story(sample_document: dict) -> None:
    assert_every_article_in_one_story(sample_document)


def test_summary_sentences_are_built_from_their_citations(sample_document: dict) -> None:
    """No summary sentence says anything its cited spans do not: its text is one of them."""
    articles = {a["id"]: a for a in sample_document["articles"]}
    for story in sample_document["stories"]:
        for sentence in story["summary"]:
            assert sentence["citations"], sentence
            cited = {
                (articles[c["article_id"]][c.get("field", "text")] or "")[c["start"] : c["end"]].strip()
                for c in sentence["citations"]
            }
            assert sentence["text"].strip() in cited


def test_claim_status_follows_independent_support(sample_document: dict) -> None:
    """consensus = every independent article, partial = two or more, unique = one."""
    articles = {a["id"]: a for a in sample_document["articles"]}
    for story in sample_document["stories"]:
        independent = {a for a in story["article_ids"] if not articles[a].get("duplicate_of")}
        for claim in story["claims"]:
            carriers = {s["article_id"] for s in claim["support"] if not s.get("copy_of")} & independent
            if claim["status"] == "consensus":
                assert carriers == independent and len(independent) >= 2, claim["id"]
            elif claim["status"] == "partial":
                assert 2 <= len(carriers) < len(independent), claim["id"]
            else:
                assert len(carriers) <= 1, claim["id"]
