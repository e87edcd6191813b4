"""The claim task: the pipeline's claims, omissions and conflicts against the gold facts.

A fact is found when one predicted claim's support covers each of the fact's gold spans
(character Dice >= 0.5, same article, same field); facts and claims pair one-to-one.
Predicted claims are named ``story id/claim id`` since claim ids need only be unique in a story.

The gold is partial: its facts are a sample of each event's statements (about a third of the
body text), while the pipeline makes a claim of every statement. So precision is judged only
on claims whose support shares a character with some gold fact span (``metrics.judged``); a
claim wholly in unannotated text is *unjudged*, counted but neither right nor wrong. The same
rule holds for omissions: an article's omission of an unjudged claim is unjudged. Recall is
unchanged (every gold fact counts). The raw figures, every predicted claim and omission
counted, are reported beside them (``claims_all``, ``omissions_all``).

Gold spans are often shorter than a clause ("takes effect on 1 April" in "The duty rise,
announced earlier this month, takes effect on 1 April"), while a claim is a sentence or a
clause, so Dice can miss a claim that does carry the fact. ``claims_held`` judges the same
claims with a fact found when one claim holds at least half of each of its gold spans: the
alignment's quality apart from where clauses are cut. Both are reported.

A predicted conflict finds a gold one when its claims state one of its facts (``metrics.touches``)
and, for a dispute over figures, it names two of the gold's figures: one sentence may tell two
disputed facts, and a conflict over the one is no finding of the other.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from storylens.compare.conflicts import value_figures
from storylens.compare.omissions import reported_by
from storylens.eval.corpus import CorpusRun
from storylens.eval.gold import GoldEvent
from storylens.eval.metrics import (
    ConflictSet,
    FactSpans,
    SpanMap,
    conflict_scores,
    covered_share,
    judged_scores,
    match_claims,
    mean_or_none,
    omission_scores,
    status_scores,
    touches,
)
from storylens.models import Claim, Story


def fact_spans(event: GoldEvent) -> list[FactSpans]:
    facts = []
    for fact in event.facts:
        spans: SpanMap = defaultdict(list)
        for s in fact.support:
            spans[(s.ref.key, s.field)].append((s.start, s.end))
        facts.append(FactSpans(fact.id, fact.status, dict(spans), event.event))
    return facts


def _claim_id(story_id: str, claim_id: str) -> str:
    return f"{story_id}/{claim_id}"


def _claim_spans(run: CorpusRun, story: Story, claim: Claim) -> FactSpans:
    """The claim's support in gold coordinates (support in articles without gold is dropped)."""
    spans: SpanMap = defaultdict(list)
    for s in claim.support:
        projected = run.to_gold(s.article_id, s.field, s.start, s.end)
        if projected is not None:
            place, span = projected
            spans[place].append(span)
    return FactSpans(_claim_id(story.id, claim.id), claim.status, dict(spans))


def _gold_omissions(run: CorpusRun) -> set[tuple[Any, str]]:
    """An article omits each consensus or partial fact of its event that it does not support and
    that another article had reported by the time it was published (``compare.omissions``)."""
    omitted = set()
    for event in run.events:
        published = {a.key: a.published_at for a in event.articles}
        for fact in event.facts:
            if fact.status == "unique":
                continue
            reporting = {s.ref.key for s in fact.support}
            omitted |= {
                (a.key, fact.id)
                for a in event.articles
                if a.key not in reporting
                and reported_by(a.published_at, (published.get(k) for k in reporting))
            }
    return omitted


def _predicted_omissions(run: CorpusRun) -> set[tuple[Any, str]]:
    return {
        (run.key_of.get(o.article_id, ("no gold", o.article_id)), _claim_id(story.id, claim_id))
        for story in run.stories
        for o in story.omissions
        for claim_id in o.claim_ids
    }


def _by_event(
    facts: list[FactSpans], claims: list[FactSpans], pairs: list[tuple[int, int]]
) -> dict[str, Any]:
    table: dict[str, dict[str, int]] = {}
    for fact in facts:
        table.setdefault(fact.event, {"facts": 0, "found": 0, "status_right": 0})["facts"] += 1
    for i, j in pairs:
        row = table[facts[i].event]
        row["found"] += 1
        row["status_right"] += facts[i].status == claims[j].status
    return dict(sorted(table.items()))


def evaluate_claims(run: CorpusRun) -> dict[str, Any]:
    """Facts found (by status), omissions and conflicts; see the module docstring for the rules."""
    facts = [f for event in run.events for f in fact_spans(event)]
    claims = [_claim_spans(run, story, claim) for story in run.stories for claim in story.claims]
    pairs = match_claims(facts, claims)
    shares = [[covered_share(f, c) for c in claims] for f in facts]
    touched = {c.id: {f.id for f in facts if touches(f, c)} for c in claims}
    gold_conflicts = [
        ConflictSet(frozenset(c.facts), c.kind, value_figures(v.value for v in c.values))
        for e in run.events
        for c in e.conflicts
    ]
    predicted_conflicts = [
        ConflictSet(
            frozenset(_claim_id(s.id, c) for c in conflict.claim_ids),
            conflict.kind,
            value_figures(v.value for v in conflict.values),
        )
        for s in run.stories
        for conflict in s.conflicts
    ]
    claim_to_fact = {claims[j].id: facts[i].id for i, j in pairs}
    judged, unjudged = judged_scores(facts, claims, pairs)
    held, _ = judged_scores(facts, claims, match_claims(facts, claims, held=True))
    gold_omissions, predicted_omissions = _gold_omissions(run), _predicted_omissions(run)
    judged_omissions = {(article, claim) for article, claim in predicted_omissions if claim not in unjudged}
    return {
        "dataset": str(run.folder),
        "claims": judged,
        "unjudged_claims": len(unjudged),
        "claims_held": held,
        "claims_all": status_scores(facts, claims, pairs),
        # a gentler view of the same: how much of each fact's support the best single claim has
        "fact_support_recall": mean_or_none(max(row, default=0.0) for row in shares),
        "omissions": omission_scores(gold_omissions, judged_omissions, claim_to_fact),
        "unjudged_omissions": len(predicted_omissions) - len(judged_omissions),
        "omissions_all": omission_scores(gold_omissions, predicted_omissions, claim_to_fact),
        **conflict_scores(gold_conflicts, predicted_conflicts, touched),
        "by_event": _by_event(facts, claims, pairs),
    }
