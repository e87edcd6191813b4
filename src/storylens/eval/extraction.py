"""The extraction task: clean body and metadata against the sample gold, or bodies on fundus-eval.

Metadata is scored by exact match after collapsing whitespace (a published time must be the
same instant *and* keep the same UTC offset; authors compare as a set). The body is scored by
bag-of-words token P/R/F1, averaged over articles; an article that extraction lost scores 0.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from storylens.eval.align import match_articles
from storylens.eval.fundus import load_fundus
from storylens.eval.gold import GoldArticle, gold_articles, load_gold
from storylens.eval.metrics import collapse_space, mean_prf, ratio, token_prf
from storylens.models import Article


def _same_published(predicted: Article, gold: GoldArticle) -> bool:
    expected = gold.published_at
    if predicted.published is None or expected is None:
        return predicted.published is expected
    return predicted.published == expected and predicted.published.utcoffset() == expected.utcoffset()


def _same_authors(predicted: Article, gold: GoldArticle) -> bool:
    return sorted(map(collapse_space, predicted.authors)) == sorted(map(collapse_space, gold.authors))


FIELD_CHECKS: dict[str, Callable[[Article, GoldArticle], bool]] = {
    "title": lambda p, g: collapse_space(p.title) == collapse_space(g.title),
    "subtitle": lambda p, g: collapse_space(p.subtitle) == collapse_space(g.subtitle),
    "published": _same_published,
    "authors": _same_authors,
}


def score_articles(predicted: list[Article], gold: list[GoldArticle]) -> dict[str, Any]:
    """Exact-match rates per field and body P/R/F1, over every gold article."""
    matched = match_articles(predicted, gold)
    pairs = [(matched.get(g.key), g) for g in gold]
    exact = {
        name: ratio(sum(p is not None and check(p, g) for p, g in pairs), len(gold))
        for name, check in FIELD_CHECKS.items()
    }
    body = mean_prf([token_prf(p.text if p else None, g.body) for p, g in pairs])
    return {"articles": len(gold), "matched": len(matched), "exact_match": exact, "body": body}


def evaluate_sample(folder: Path) -> dict[str, Any]:
    from storylens.extract import extract_all

    articles, errors = extract_all([str(folder / "articles")], None)
    scores = score_articles(articles, gold_articles(load_gold(folder)))
    return {"dataset": str(folder), "input_errors": len(errors), **scores}


def evaluate_fundus(folder: Path) -> dict[str, Any]:
    """Body token P/R/F1 per page of fundus-eval (not ROUGE-LSum, the metric of its published table)."""
    from storylens.errors import InputError
    from storylens.extract import extract
    from storylens.ingest import RawDocument

    scores, failures = [], 0
    for page in load_fundus(folder):
        try:
            document = RawDocument(page.url or page.key, "html", page.markup, {"url": page.url})
            text = extract(document).text
        except InputError:
            text, failures = None, failures + 1
        scores.append(token_prf(text, page.body))
    return {"dataset": str(folder), "pages": len(scores), "failed": failures, "body": mean_prf(scores)}
