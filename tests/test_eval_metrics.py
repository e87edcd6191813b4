"""Each metric on small cases worked out by hand."""

from __future__ import annotations

import pytest

from storylens.eval.metrics import (
    PRF,
    ConflictSet,
    FactSpans,
    QuoteSpan,
    char_dice,
    conflict_scores,
    coverage,
    covered_share,
    match_claims,
    match_one_to_one,
    mean_prf,
    normalise_name,
    omission_scores,
    quote_scores,
    status_scores,
    token_prf,
    touches,
)


def test_prf_from_counts() -> None:
    score = PRF(tp=3, predicted=4, gold=6)
    assert score.precision == 0.75
    assert score.recall == 0.5
    assert score.f1 == pytest.approx(0.6)  # 2*3 / (4+6)


def test_prf_without_denominators() -> None:
    assert PRF(0, 0, 5).precision is None
    assert PRF(0, 0, 5).f1 == 0.0
    assert PRF(0, 0, 0).f1 is None


def test_token_prf_is_a_bag_of_words_overlap() -> None:
    score = token_prf("the fire the end. Advertisement", "The fire, the end of it")
    # predicted: the×2 fire end Advertisement (5); gold: The fire the end of it (6); common: the fire end
    assert (score.tp, score.predicted, score.gold) == (3, 5, 6)


def test_mean_prf_is_a_macro_average_skipping_undefined_precision() -> None:
    result = mean_prf([token_prf("a b", "a b"), token_prf("", "a b c d")])
    assert result == {"precision": 1.0, "recall": 0.5, "f1": 0.5, "documents": 2}


def test_char_dice() -> None:
    assert char_dice((0, 10), (0, 10)) == 1.0
    assert char_dice((0, 10), (5, 15)) == 0.5  # 2*5 / 20
    assert char_dice((0, 4), (0, 12)) == 0.5  # 2*4 / 16
    assert char_dice((0, 4), (4, 8)) == 0.0


def test_greedy_matching_takes_the_best_pair_first() -> None:
    scores = {(0, 0): 0.6, (0, 1): 0.9, (1, 1): 0.8, (1, 0): 0.55}
    assert match_one_to_one(scores, 0.5) == [(0, 1), (1, 0)]
    assert match_one_to_one(scores, 0.7) == [(0, 1)]


def test_normalise_name() -> None:
    assert normalise_name("  Zoë  O'Neil-Barros ") == normalise_name("zoe o neil barros")
    assert normalise_name("Yuliya Markova") != normalise_name("Yulia Markova")
    assert normalise_name(None) == ""


def _quote(start: int, end: int, speaker: str | None, kind: str = "direct", form: str = "name") -> QuoteSpan:
    return QuoteSpan(start, end, speaker, kind, form)


def test_quote_scores_by_hand() -> None:
    gold = [
        _quote(0, 20, "Amara Okafor"),
        _quote(30, 50, "Amara Okafor", "indirect", "pronoun"),
        _quote(60, 70, "Ben Tal", "direct", "surname"),
    ]
    predicted = [
        _quote(2, 20, "amara okafor"),  # Dice 36/38: matches gold 0, right speaker
        _quote(30, 40, "Ben Tal", "direct"),  # Dice 20/30: matches gold 1, wrong speaker and kind
        _quote(90, 99, "Ben Tal"),  # nothing there
    ]
    result = quote_scores([(gold, predicted)])
    assert result["quotes"]["tp"] == 2
    assert result["quotes"]["precision"] == pytest.approx(2 / 3)
    assert result["quotes"]["recall"] == pytest.approx(2 / 3)
    assert result["speaker_accuracy"] == 0.5
    assert result["kind_accuracy"] == 0.5
    assert result["end_to_end"]["f1"] == pytest.approx(1 / 3)  # 2*1 / (3+3)
    assert result["by_kind"]["direct"] == {
        "gold": 2,
        "recall": 0.5,
        "speaker_accuracy": 1.0,
        "end_to_end_recall": 0.5,
    }
    assert result["by_speaker_form"]["pronoun"]["end_to_end_recall"] == 0.0
    assert result["by_speaker_form"]["surname"]["recall"] == 0.0


def test_quotes_in_other_fields_or_articles_do_not_match() -> None:
    gold = [QuoteSpan(0, 10, "A", "direct", field="title")]
    predicted = [QuoteSpan(0, 10, "A", "direct")]
    assert quote_scores([(gold, predicted)])["quotes"]["tp"] == 0
    assert quote_scores([(gold, []), ([], predicted)])["quotes"]["tp"] == 0


def test_a_predicted_quote_matches_one_gold_quote_only() -> None:
    gold = [_quote(0, 10, "A"), _quote(0, 10, "A")]
    result = quote_scores([(gold, [_quote(0, 10, "A")])])
    assert result["quotes"]["recall"] == 0.5


A, B, C = ("a.txt", None), ("b.txt", None), ("c.txt", None)


def test_coverage_needs_every_gold_article() -> None:
    fact = FactSpans("F1", "partial", {A: [(0, 10)], B: [(100, 120)]})
    claim_both = FactSpans("c1", "partial", {A: [(0, 10)], B: [(105, 120)], C: [(0, 5)]})
    claim_one = FactSpans("c2", "unique", {A: [(0, 10)]})
    assert coverage(fact, claim_both) == pytest.approx((1.0 + 30 / 35) / 2)
    assert coverage(fact, claim_one) is None
    assert covered_share(fact, claim_one) == 0.5
    assert touches(fact, claim_one)
    assert not touches(fact, FactSpans("c3", "unique", {B: [(0, 10)]}))
    phrase = FactSpans("F2", "partial", {A: [(163, 184)]})  # "for its 1,150 members"
    assert touches(phrase, FactSpans("c4", "partial", {A: [(101, 185)]}))  # held by the clause


def test_a_sentence_holding_a_short_gold_span_carries_it_only_when_held() -> None:
    fact = FactSpans("F1", "partial", {A: [(40, 60)], B: [(0, 20)]})
    sentences = FactSpans("c1", "partial", {A: [(0, 100)], B: [(0, 90)]})  # Dice 0.33 and 0.36
    half_out = FactSpans("c2", "partial", {A: [(55, 100)], B: [(0, 90)]})  # holds 5 of A's 20 characters
    assert coverage(fact, sentences) is None
    assert coverage(fact, sentences, held=True) == 1.0
    assert coverage(fact, half_out, held=True) is None
    assert match_claims([fact], [half_out, sentences], held=True) == [(0, 1)]


def test_claim_status_scores_by_hand() -> None:
    facts = [
        FactSpans("F1", "consensus", {A: [(0, 10)], B: [(0, 10)]}),
        FactSpans("F2", "unique", {A: [(50, 60)]}),
        FactSpans("F3", "partial", {A: [(80, 90)], B: [(80, 90)]}),
    ]
    claims = [
        FactSpans("c1", "consensus", {A: [(0, 10)], B: [(1, 10)]}),  # F1, right status
        FactSpans("c2", "partial", {A: [(50, 60)], C: [(0, 9)]}),  # covers F2, wrong status
        FactSpans("c3", "unique", {C: [(20, 30)]}),  # no fact
    ]
    pairs = match_claims(facts, claims)
    assert sorted(pairs) == [(0, 0), (1, 1)]
    scores = status_scores(facts, claims, pairs)
    assert scores["any"]["tp"] == 2
    assert scores["any"]["precision"] == pytest.approx(2 / 3)
    assert scores["consensus"] == PRF(1, 1, 1).to_dict()
    assert scores["unique"] == PRF(0, 1, 1).to_dict()
    assert scores["partial"] == PRF(0, 1, 1).to_dict()


def test_omission_scores_count_through_matched_facts() -> None:
    gold = {(B, "F2"), (C, "F2"), (C, "F1")}
    predicted = {(B, "c2"), (C, "c2"), (A, "c9")}
    result = omission_scores(gold, predicted, {"c2": "F2", "c1": "F1"})
    assert (result["tp"], result["predicted"], result["gold"]) == (2, 3, 3)


def test_conflict_scores_by_hand() -> None:
    gold = [ConflictSet(frozenset({"F3"}), "number"), ConflictSet(frozenset({"F5"}), "date")]
    predicted = [
        ConflictSet(frozenset({"c3", "c4"}), "number"),  # c4 states F3
        ConflictSet(frozenset({"c7"}), "entity"),  # c7 states nothing in conflict
    ]
    result = conflict_scores(gold, predicted, {"c4": {"F3"}, "c7": {"F1"}})
    assert result["conflicts"] == PRF(1, 2, 2).to_dict()
    assert result["conflict_kind_accuracy"] == 1.0


def test_a_dispute_over_figures_is_found_only_by_a_conflict_naming_them() -> None:
    hours = ConflictSet(frozenset({"F3"}), "number", frozenset({19.0, 11.0}))
    members = ConflictSet(frozenset({"F5"}), "number", frozenset({1150.0, 900.0}))
    found = ConflictSet(frozenset({"c2"}), "number", frozenset({1150.0, 900.0}))
    touched = {"c2": {"F3", "F5"}}  # one sentence tells the members and their hours
    assert conflict_scores([hours], [found], touched)["conflicts"]["tp"] == 0
    assert conflict_scores([hours, members], [found], touched)["conflicts"]["tp"] == 1
    one_figure = ConflictSet(frozenset({"F3"}), "number", frozenset({19.0}))  # the gold gives one
    assert conflict_scores([one_figure], [found], touched)["conflicts"]["tp"] == 1
