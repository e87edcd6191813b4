"""Clustering scores against values worked out by hand."""

from __future__ import annotations

import pytest

from storylens.eval.clustering import bcubed, pairwise, score_clustering

GOLD = ["a", "a", "a", "b", "b"]
PREDICTED = [1, 1, 2, 2, 2]


def test_bcubed_by_hand() -> None:
    # precision per item: 1, 1, 1/3, 2/3, 2/3; recall per item: 2/3, 2/3, 1/3, 1, 1
    precision, recall, f1 = bcubed(GOLD, PREDICTED)
    assert precision == pytest.approx(11 / 15)
    assert recall == pytest.approx(11 / 15)
    assert f1 == pytest.approx(11 / 15)


def test_pairwise_by_hand() -> None:
    # predicted pairs (1,2) (3,4) (3,5) (4,5); gold pairs (1,2) (1,3) (2,3) (4,5); shared 2
    assert pairwise(GOLD, PREDICTED) == pytest.approx((0.5, 0.5, 0.5))


def test_ari_by_hand() -> None:
    # sum C(n_ij,2) = 2, row and column sums 4 and 4, C(5,2) = 10: (2 - 1.6) / (4 - 1.6)
    assert score_clustering(GOLD, PREDICTED).ari == pytest.approx(1 / 6)


def test_singletons_are_precise_but_miss_pairs() -> None:
    precision, recall, _ = bcubed(GOLD, list(range(5)))
    assert precision == 1.0
    assert recall == pytest.approx((1 / 3 * 3 + 1 / 2 * 2) / 5)
    assert pairwise(GOLD, list(range(5)))[1] == 0.0


def test_labels_are_only_names() -> None:
    renamed = ["x", "x", "y", "y", "y"]
    assert score_clustering(GOLD, PREDICTED) == score_clustering(GOLD, renamed)
    perfect = score_clustering(GOLD, ["p", "p", "p", "q", "q"])
    assert (perfect.bcubed_f1, perfect.pairwise_f1, perfect.ari) == (1.0, 1.0, 1.0)


def test_mismatched_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        bcubed(GOLD, PREDICTED[:-1])
