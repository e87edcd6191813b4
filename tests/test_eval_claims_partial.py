"""Scoring claims against partial gold: precision only on claims that touch annotated text."""

from __future__ import annotations

from pathlib import Path

from storylens.eval.claims import evaluate_claims
from storylens.eval.corpus import CorpusRun
from storylens.eval.gold import load_gold
from storylens.eval.metrics import FactSpans, judged, judged_scores, match_claims
from storylens.models import Claim, Omission, Support
from tests.test_eval_runner import _gold_corpus, _predicted

# Two gold facts: F1 in articles A and B, F2 in A only.
FACTS = [
    FactSpans("F1", "consensus", {"A": [(0, 10)], "B": [(0, 20)]}),
    FactSpans("F2", "unique", {"A": [(50, 60)]}),
]
CLAIMS = [
    FactSpans("c1", "consensus", {"A": [(0, 10)], "B": [(2, 20)]}),  # finds F1
    FactSpans("c2", "unique", {"A": [(55, 80)]}),  # overlaps F2 by 5 characters: Dice 10/35, a miss
    FactSpans("c3", "unique", {"A": [(100, 140)]}),  # in text no fact annotates
    FactSpans("c4", "partial", {"C": [(0, 10)]}),  # in an article without facts
    FactSpans("c5", "unique", {"A": [(10, 30)]}),  # ends where F1 begins: shares no character
]


def test_a_claim_is_judged_when_it_shares_a_character_with_a_fact_span() -> None:
    assert [judged(FACTS, claim) for claim in CLAIMS] == [True, True, False, False, False]
    assert not judged(FACTS, FactSpans("x", "unique", {"B": [(20, 40)]}))  # [0, 20) and [20, 40)
    assert judged(FACTS, FactSpans("x", "unique", {"B": [(19, 40)]}))


def test_precision_counts_judged_claims_and_recall_every_fact() -> None:
    pairs = match_claims(FACTS, CLAIMS)
    assert pairs == [(0, 0)]
    scores, unjudged = judged_scores(FACTS, CLAIMS, pairs)
    assert unjudged == {"c3", "c4", "c5"}
    # judged: c1 (right) and c2 (wrong); both facts count for recall
    assert (scores["any"]["tp"], scores["any"]["predicted"], scores["any"]["gold"]) == (1, 2, 2)
    assert scores["any"]["precision"] == 0.5 and scores["any"]["recall"] == 0.5
    assert (scores["consensus"]["precision"], scores["consensus"]["recall"]) == (1.0, 1.0)
    # F2 is missed; c2, the one judged unique claim, is wrong
    assert (scores["unique"]["tp"], scores["unique"]["predicted"], scores["unique"]["gold"]) == (0, 1, 1)
    assert scores["partial"]["predicted"] == 0  # c4 is unjudged


def test_the_task_reports_judged_and_raw_figures_and_unjudged_omissions(tmp_path: Path) -> None:
    folder = _gold_corpus(tmp_path)
    articles, stories = _predicted()
    story = stories[0]
    a = next(article for article in articles if article.id == "a")
    start = a.text.index("“We ran,”")  # annotated as a quote only, in no fact
    story.claims.append(Claim("c4", "We ran", "partial", [Support("a", "“We ran,”", start, start + 9)]))
    story.omissions.append(Omission("b", ["c4"]))
    result = evaluate_claims(CorpusRun(folder, load_gold(folder), articles, stories, []))
    # the three claims of the hand-worked run are judged; the added one is not
    assert result["unjudged_claims"] == 1
    assert (result["claims"]["any"]["tp"], result["claims"]["any"]["predicted"]) == (3, 3)
    assert (result["claims_all"]["any"]["tp"], result["claims_all"]["any"]["predicted"]) == (3, 4)
    assert result["claims_all"]["partial"]["predicted"] == 2 and result["claims"]["partial"]["predicted"] == 1
    # b's omission of c4 is unjudged; its omission of c2 (a unique gold fact) stays a false one
    assert result["unjudged_omissions"] == 1
    assert (result["omissions"]["tp"], result["omissions"]["predicted"]) == (0, 1)
    assert (result["omissions_all"]["tp"], result["omissions_all"]["predicted"]) == (0, 2)
