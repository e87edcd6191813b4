"""Fit the alignment thresholds on our own labelled claim pairs, and check conflicts there.

``tests/fixtures/alignment_dev.jsonl`` holds fictional sentence pairs written for storylens in
several outlets' styles, each labelled ``same`` (one fact, in other words), ``different`` (same
story, another fact) or ``conflict`` (one fact, disagreeing on a figure, date, actor or polarity,
with its ``kind``); a side may be a longer sentence in which the fact is one clause. Each side
becomes an article analysed for real (spaCy, dates) and cut into clause claims as the compare
stage cuts it; its two closest clauses (by ``compare.similarity.claim_similarity``, as in a story)
are compared as the compare stage compares two claims.
The grid search picks the thresholds with the best F1 of "aligned" (same or conflict) against
different; ties go to the stricter setting: ``candidate``, the cosine at which conflicts and
the summary take two claims as a candidate pair, ``said`` and ``same_day``. Then ``same_fact``
(conflicts between groups). Last, at the chosen thresholds, conflict precision and recall (the
kind must match). ``group`` and ``backs``, which act inside a story among many claims of other
facts, are fitted on whole stories by ``bench/alignment_stories.py``.

    .venv/bin/python bench/alignment_fit.py
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from storylens.analyze import Analyzer
from storylens.compare.alignment import THRESHOLDS, Features, Thresholds, pair_joins
from storylens.compare.claims import ClaimUnit, article_claims
from storylens.compare.conflicts import disagreements
from storylens.compare.entities import story_entities
from storylens.compare.similarity import claim_similarity, embed, masked_texts, said_similarity
from storylens.models import Article

DEV = Path(__file__).parents[1] / "tests" / "fixtures" / "alignment_dev.jsonl"
PUBLISHED = datetime(2026, 5, 12, 9, 0, tzinfo=UTC)
GRID = {
    "candidate": [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7],
    "strong": [0.7, 0.75, 0.8, 0.85, 0.9, 0.95],
    "shared_wording": [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5],
    "same_day": [0.0, 0.05, 0.1, 0.15, 0.2],
    "said": [-1.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4],  # -1: no floor
}


@dataclass
class Pair:
    label: str
    kind: str | None
    similarity: float
    said: float  # the two claims' cosine with names masked
    first: ClaimUnit
    second: ClaimUnit
    features: tuple[Features, Features]


def _article(ident: str, text: str) -> Article:
    return Article(id=ident, source=ident, text=text, outlet=ident, title="", published=PUBLISHED)


def _clauses(article: Article) -> list[ClaimUnit]:
    """The article's body claims: a sentence, or its clauses where it joins several facts."""
    return [u for u in article_claims(article) if u.field == "text"] or [
        ClaimUnit(article, "text", 0, len(article.text), 0, 0.0, True)
    ]


def load_pairs() -> list[Pair]:
    """Each pair as the compare stage sees it: the two sentences cut into clause claims, and of
    those the two closest in meaning (a fact may be one clause of a longer sentence)."""
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [(_article(f"{n}a", r["a"]), _article(f"{n}b", r["b"])) for n, r in enumerate(rows)]
    Analyzer(embed=False).analyze([a for pair in articles for a in pair])
    clauses = [(_clauses(a), _clauses(b)) for a, b in articles]
    embed([u.text for pair in clauses for side in pair for u in side])  # one batch; then cached
    embed([text for first, second in clauses for text in masked_texts(first + second)])
    pairs = []
    for row, (a, b), (first, second) in zip(rows, articles, clauses, strict=True):
        entities = story_entities([a, b])
        cut = len(first)
        alike = claim_similarity(first + second)[:cut, cut:]
        said = said_similarity(first + second)[:cut, cut:]
        i, j = np.unravel_index(int(np.argmax(alike)), alike.shape)
        features = (Features.of(first[i], entities), Features.of(second[j], entities))
        pairs.append(
            Pair(
                row["label"],
                row.get("kind"),
                float(alike[i, j]),
                float(said[i, j]),
                first[i],
                second[j],
                features,
            )
        )
    return pairs


def _f1(pairs: list[Pair], thresholds: Thresholds) -> tuple[float, float, float]:
    """F1, precision and recall of "aligned" against different."""
    predicted = [_aligned(p, thresholds) for p in pairs]
    truth = [p.label != "different" for p in pairs]
    tp = sum(a and b for a, b in zip(predicted, truth, strict=True))
    precision = tp / max(sum(predicted), 1)
    recall = tp / max(sum(truth), 1)
    return f_measure(precision, recall), precision, recall


def f_measure(precision: float, recall: float, beta: float = 1.0) -> float:
    return (1 + beta**2) * precision * recall / max(beta**2 * precision + recall, 1e-9)


def fit(pairs: list[Pair]) -> Thresholds:
    settings = [
        replace(THRESHOLDS, **dict(zip(GRID, values, strict=True)))
        for values in itertools.product(*GRID.values())
    ]
    strict_first = sorted(
        settings, key=lambda t: (-t.candidate, -t.strong, -t.shared_wording, t.same_day, -t.said)
    )
    return max(strict_first, key=lambda t: _f1(pairs, t)[0])


def fit_same_fact(pairs: list[Pair], thresholds: Thresholds) -> Thresholds:
    """The similarity at which claims left in different groups are still compared for conflicts:
    the best conflict F1 when pairs are compared at that similarity alone; ties to the stricter."""
    settings = [
        replace(thresholds, same_fact=v) for v in (0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5)
    ]
    return max(settings, key=lambda t: conflict_report(pairs, t, compared=_close)["f1"])


def _close(pair: Pair, thresholds: Thresholds) -> bool:
    return pair.similarity >= thresholds.same_fact


def _aligned(pair: Pair, thresholds: Thresholds) -> bool:
    return pair_joins(pair.similarity, *pair.features, thresholds, pair.said)


def conflict_report(pairs: list[Pair], thresholds: Thresholds, compared=_aligned) -> dict:
    """Conflict precision and recall over the pairs ``compared`` (the kind must be right)."""
    found, right = [], 0
    for p in pairs:
        if not compared(p, thresholds):
            continue
        kinds = {kind for kind, _, _ in disagreements(p.first, p.second, *p.features)}
        if kinds:
            found.append((p, kinds))
            right += p.label == "conflict" and p.kind in kinds
    gold = sum(p.label == "conflict" for p in pairs)
    false = [(p.label, sorted(k), p.first.text, p.second.text) for p, k in found if p.label != "conflict"]
    flagged = {id(p) for p, _ in found}
    missed = [
        (p.kind, p.first.text, p.second.text) for p in pairs if p.label == "conflict" and id(p) not in flagged
    ]
    return {
        "predicted": len(found),
        "right": right,
        "gold": gold,
        "precision": round(right / max(len(found), 1), 3),
        "recall": round(right / max(gold, 1), 3),
        "f1": round(2 * right / max(len(found) + gold, 1), 3),
        "false_alarms": false,
        "missed": missed,
    }


def main() -> None:
    pairs = load_pairs()
    by_label = {
        label: [p.similarity for p in pairs if p.label == label]
        for label in ("same", "conflict", "different")
    }
    for label, values in by_label.items():
        spread = f"median {np.median(values):.2f}, min {min(values):.2f}, max {max(values):.2f}"
        print(f"{label}: {len(values)} pairs, cosine {spread}")
    best = fit_same_fact(pairs, fit(pairs))
    f1, precision, recall = _f1(pairs, best)
    print(f"fitted {best}: aligned P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    print("conflicts, aligned pairs:", json.dumps(conflict_report(pairs, best), indent=1))
    close = conflict_report(pairs, best, compared=_close)
    print("conflicts, pairs at same_fact:", {k: v for k, v in close.items() if k not in ("missed",)})


if __name__ == "__main__":
    main()
