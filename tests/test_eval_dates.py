"""Date scoring on small hand-counted cases."""

from __future__ import annotations

import pytest

from storylens.eval.dates import DateSpan, date_scores


def test_found_and_right_value_are_counted_apart() -> None:
    gold = [DateSpan(0, 9, "2025-03-07"), DateSpan(20, 29, "2025-03"), DateSpan(40, 47, "2024")]
    predicted = [
        DateSpan(0, 9, "2025-03-07"),  # found, right
        DateSpan(21, 29, "2025-02"),  # found (Dice 16/17), wrong value
        DateSpan(60, 66, "2025-03-08"),  # no gold there
    ]
    scores = date_scores([(gold, predicted)])
    assert scores["expressions"]["tp"] == 2
    assert scores["expressions"]["precision"] == pytest.approx(2 / 3)
    assert scores["expressions"]["recall"] == pytest.approx(2 / 3)
    assert scores["right_value"]["tp"] == 1
    assert scores["right_value"]["recall"] == pytest.approx(1 / 3)
    assert scores["value_accuracy_on_found"] == pytest.approx(1 / 2)


def test_a_title_date_does_not_match_a_body_date_at_the_same_offsets() -> None:
    gold = [DateSpan(0, 9, "2025-03-07", "text")]
    predicted = [DateSpan(0, 9, "2025-03-07", "title")]
    assert date_scores([(gold, predicted)])["expressions"]["tp"] == 0


def test_one_predicted_date_matches_one_gold_date_only() -> None:
    gold = [DateSpan(0, 10, "2025-03-07"), DateSpan(0, 10, "2025-03-07")]
    predicted = [DateSpan(0, 10, "2025-03-07")]
    assert date_scores([(gold, predicted)])["expressions"]["tp"] == 1
