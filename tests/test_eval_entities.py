"""Pairwise entity-merge scores on groupings small enough to count by hand."""

from __future__ import annotations

import pytest

from storylens.eval.entities import merge_pairs, surface_key, total
from storylens.eval.metrics import PRF


def test_pairs_counted_by_hand() -> None:
    gold = [
        {"Yuliya Marchenko", "Yulia Marchenko", "Marchenko"},
        {"Amara Okafor", "Okafor"},
        {"UN", "United Nations"},
    ]
    predicted = [
        {"Yuliya Marchenko", "Marchenko"},  # Yulia left apart: one gold pair split
        {"Yulia Marchenko"},
        {"Amara Okafor", "Okafor", "UN"},  # UN wrongly joined to Okafor
        {"United Nations", "Geneva"},  # Geneva is not in gold: not paired
    ]
    # shared forms: the seven gold forms. Gold pairs: 3 (Marchenko) + 1 (Okafor) + 1 (UN) = 5.
    # Predicted pairs over shared forms: (Yuliya, Marchenko), (Amara, Okafor), (Amara, UN),
    # (Okafor, UN) = 4. Right: (Yuliya, Marchenko), (Amara, Okafor) = 2.
    score = merge_pairs(gold, predicted)
    assert (score.tp, score.predicted, score.gold) == (2, 4, 5)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.4)


def test_forms_compare_without_case_accents_or_leading_article() -> None:
    assert surface_key("the Civic Report") == surface_key("Civic Report")
    assert surface_key("José Núñez") == surface_key("jose nunez")
    score = merge_pairs([{"The Halden Police", "police"}], [{"halden police", "Police"}])
    assert (score.tp, score.predicted, score.gold) == (1, 1, 1)


def test_a_form_shared_by_two_entities_pairs_with_both() -> None:
    gold = [{"Petrov", "Alexander Petrov"}, {"Petrov", "Ivan Petrov"}]
    predicted = [{"Alexander Petrov", "Ivan Petrov", "Petrov"}]  # two people who share a surname, merged
    score = merge_pairs(gold, predicted)
    assert (score.tp, score.predicted, score.gold) == (2, 3, 2)


def test_totals_are_micro_averaged() -> None:
    summed = total([PRF(1, 2, 4), PRF(3, 3, 4)])
    assert (summed.tp, summed.predicted, summed.gold) == (4, 5, 8)
    assert summed.recall == pytest.approx(0.5)
