"""The Analyzer as a whole: unsupported articles, embeddings, and exact spans over the sample corpus."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storylens.analyze.analyzer import lead_text
from storylens.models import Article, Sentence

pytestmark = pytest.mark.slow


def test_unsupported_language_gets_sentences_only() -> None:
    from storylens.analyze import Analyzer

    article = Article(
        id="x",
        source="t",
        language="xx",
        analysis_supported=False,
        text="Le feu a pris lundi. « Nous reconstruirons », a-t-elle dit.",
    )
    Analyzer(embed=False).analyze([article])
    assert [article.text[s.start : s.end] for s in article.sentences] == [
        "Le feu a pris lundi.",
        "« Nous reconstruirons », a-t-elle dit.",
    ]
    assert article.quotes == [] and article.mentions == [] and article.embedding is None


def test_relative_dates_anchor_on_the_printed_local_day_when_no_zone_is_known() -> None:
    from storylens.analyze import Analyzer

    article = Article(
        id="x",
        source="t",
        text="The bridge reopened yesterday, officials said.",
        published_local=datetime(2025, 3, 20, 18, 45),
    )
    Analyzer(embed=False).analyze([article])
    assert [(d.expression, d.value) for d in article.dates] == [("yesterday", "2025-03-19")]


def test_lead_is_the_title_and_first_three_body_sentences_without_subheads() -> None:
    text = "One. Two.\n\nSubhead here\n\nThree. Four."
    article = Article(
        id="x",
        source="t",
        title="Title",
        text=text,
        sentences=[
            Sentence(0, 4),
            Sentence(5, 9),
            Sentence(11, 23, heading=True),
            Sentence(25, 31),
            Sentence(32, 37),
        ],
    )
    assert lead_text(article) == "Title\nOne.\nTwo.\nThree."


def test_embedding_is_a_unit_vector_of_the_embedders_size() -> None:
    from storylens.analyze import Analyzer
    from storylens.analyze.embed import DIMENSIONS

    article = Article(
        id="x",
        source="t",
        title="Fire at mill",
        text="A fire broke out at the mill on Monday.",
        published=datetime(2025, 3, 3, tzinfo=UTC),
    )
    Analyzer().analyze([article])
    assert article.embedding is not None and len(article.embedding) == DIMENSIONS
    assert abs(sum(v * v for v in article.embedding) - 1.0) < 1e-3


def test_every_span_is_exact_over_the_sample_corpus_gold_texts() -> None:
    from storylens.analyze import Analyzer
    from storylens.eval.gold import gold_articles, load_gold

    golds = gold_articles(load_gold())
    if not golds:
        pytest.skip("the sample corpus has no gold files yet")
    articles = [
        Article(
            id=str(i),
            source="gold",
            text=g.body,
            title=g.title,
            subtitle=g.subtitle,
            published=g.published_at,
            outlet=g.outlet,
        )
        for i, g in enumerate(golds)
    ]
    Analyzer(embed=False).analyze(articles)
    for article in articles:
        for span in [*article.mentions, *article.quotes]:
            assert getattr(article, span.field)[span.start : span.end] == span.text
        for date in article.dates:
            assert getattr(article, date.field)[date.start : date.end] == date.expression
        for sentence in article.sentences:
            assert (
                article.text[sentence.start : sentence.end].strip()
                == article.text[sentence.start : sentence.end]
            )
    assert sum(len(a.quotes) for a in articles) > len(articles)
