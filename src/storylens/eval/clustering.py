"""Clustering scores against gold labels: BCubed, pairwise and adjusted Rand index.

Both label lists give, per item in the same order, the cluster it belongs to. BCubed
(Bagga & Baldwin) averages per-item precision and recall, so a big story does not drown
the small ones; pairwise scores count item pairs put together; ARI is scikit-learn's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ClusteringScores:
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    ari: float


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 (each item's own cluster included, as is standard)."""
    _check(gold, predicted)
    joint = Counter(zip(gold, predicted, strict=True))
    gold_sizes, predicted_sizes = Counter(gold), Counter(predicted)
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in joint.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in joint.items()) / len(gold)
    return precision, recall, _f1(precision, recall)


def pairwise(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """Precision, recall and F1 over unordered item pairs placed in one cluster."""
    _check(gold, predicted)

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(gold, predicted, strict=True)))
    predicted_pairs, gold_pairs = pairs(Counter(predicted)), pairs(Counter(gold))
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def score_clustering(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> ClusteringScores:
    """All scores at once."""
    from sklearn.metrics import adjusted_rand_score

    b = bcubed(gold, predicted)
    p = pairwise(gold, predicted)
    ari = float(adjusted_rand_score([str(g) for g in gold], [str(p) for p in predicted]))
    return ClusteringScores(*b, *p, ari)


def _check(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> None:
    if len(gold) != len(predicted) or not gold:
        raise ValueError("gold and predicted must be non-empty and of the same length")
