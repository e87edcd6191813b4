"""Why a gold fact is not one claim: for each consensus or partial fact of the sample corpus, the
article spans its best claim lacks, and the reason each one is missing.

Runs the whole pipeline over the sample corpus (as ``storylens eval claims`` does), aligns each
story again through ``compare.align_story`` and, for each fact, takes the claim covering most
of its articles. For each article it lacks, the reason, first that applies:

- ``lost``: the article has no claim unit in the story (clustering put it elsewhere);
- ``boundary``: no claim unit of the article matches the gold span (Dice < 0.5): the clause cut
  differs from the gold's;
- ``slot``: the claim already holds another unit of that article and field that says something
  else (cosine under ``same_fact``, so the two may not share a group; shown);
- ``similarity``: the unit's best cosine to the claim's units is under ``candidate``;
- ``veto``: close enough, but no member pair joins (``pair_joins``: other days' events, what is
  said of the parties);
- ``linkage``: a pair joins, but the mean similarity between the two groups is under
  ``candidate`` (average linkage).

It also counts claims that cover two or more gold facts (the over-merging to watch for).

    .venv/bin/python bench/alignment_misses.py [--verbose]
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from storylens.compare import Alignment, align_story
from storylens.compare.alignment import THRESHOLDS, pair_joins
from storylens.eval.claims import fact_spans
from storylens.eval.corpus import CorpusRun, run_corpus
from storylens.eval.gold import sample_dir
from storylens.eval.metrics import MATCH_DICE, FactSpans, best_dice, covered_share


@dataclass
class Unit:
    """A claim unit in gold coordinates, with where it sits in its story's alignment."""

    aligned: Alignment
    index: int
    place: tuple
    span: tuple[int, int]


def _units(run: CorpusRun) -> list[Unit]:
    by_story = defaultdict(list)
    for article in run.articles:
        by_story[article.story_id].append(article)
    units = []
    for articles in by_story.values():
        aligned = align_story(articles)
        for index, unit in enumerate(aligned.units):
            projected = run.to_gold(unit.article.id, unit.field, unit.start, unit.end)
            if projected is not None:
                units.append(Unit(aligned, index, *projected))
    return units


def _groups(units: list[Unit]) -> dict[tuple[int, str], list[Unit]]:
    groups = defaultdict(list)
    for unit in units:
        groups[(id(unit.aligned), unit.aligned.claim_of_unit[unit.index])].append(unit)
    return groups


def _as_spans(members: list[Unit]) -> FactSpans:
    spans = defaultdict(list)
    for unit in members:
        spans[unit.place].append(unit.span)
    return FactSpans("claim", "", dict(spans))


def _reason(place, gold: list[tuple[int, int]], claim: list[Unit], units: list[Unit]) -> tuple[str, str]:
    """Why the claim lacks the fact's span in this article: a reason and the unit in question."""
    aligned = claim[0].aligned
    candidates = [u for u in units if u.place == place and u.aligned is aligned]
    if not candidates:
        return "lost", ""
    unit = max(candidates, key=lambda u: best_dice(gold, [u.span]))
    text = aligned.units[unit.index].text
    if best_dice(gold, [unit.span]) < MATCH_DICE:
        return "boundary", text
    taken = [
        aligned.units[m.index].text
        for m in claim
        if m.place == place and aligned.similarity[unit.index, m.index] < THRESHOLDS.same_fact
    ]
    if taken:
        return "slot", f"{text!r} (the claim holds {taken[0]!r})"
    sims = aligned.similarity[unit.index, [m.index for m in claim]]
    if sims.max() < THRESHOLDS.candidate:
        return "similarity", f"{sims.max():.2f} {text}"
    features = aligned.features
    said = aligned.said[unit.index]
    if not any(
        pair_joins(float(s), features[unit.index], features[m.index], THRESHOLDS, float(said[m.index]))
        for s, m in zip(sims, claim, strict=True)
    ):
        return "veto", text
    other = [i for i, c in enumerate(aligned.claim_of_unit) if c == aligned.claim_of_unit[unit.index]]
    mean = aligned.similarity[np.ix_(other, [m.index for m in claim])].mean()
    return "linkage", f"{mean:.2f} {text}"


def main() -> None:
    verbose = "--verbose" in sys.argv
    run = run_corpus(sample_dir())
    units = _units(run)
    groups = _groups(units)
    facts = [f for event in run.events for f in fact_spans(event)]
    _report_misses(run, facts, groups, units, verbose)
    _report_joined(facts, groups, verbose)


def _report_misses(
    run: CorpusRun, facts: list[FactSpans], groups: dict, units: list[Unit], verbose: bool
) -> None:
    """For each consensus or partial fact, the articles its best claim lacks and why."""
    spans = {key: _as_spans(members) for key, members in groups.items()}
    texts = {g.key: g for g in run.gold}
    reasons: Counter[str] = Counter()
    whole = 0
    shared = [f for f in facts if f.status != "unique"]
    for fact in shared:
        key = max(spans, key=lambda k: covered_share(fact, spans[k]))
        missing = [
            (p, g) for p, g in fact.spans.items() if best_dice(g, spans[key].spans.get(p, [])) < MATCH_DICE
        ]
        whole += not missing
        for place, gold in missing:
            reason, unit = _reason(place, gold, groups[key], units)
            reasons[reason] += 1
            if verbose:
                said = texts[place[0]].field_text(place[1])[slice(*gold[0])]
                print(f"{fact.id} {fact.status} {place[0][0]} {reason}\n  gold {said!r}\n  unit {unit!r}")
    print(f"consensus/partial facts: {len(shared)}, held whole by one claim: {whole}")
    print("missing article spans by reason:", dict(reasons.most_common()))


def _report_joined(facts: list[FactSpans], groups: dict, verbose: bool) -> None:
    """Claims covering two or more gold facts, and those joining them through different units."""
    merged = {key: _facts_by_unit(members, facts) for key, members in groups.items()}
    merged = {key: found for key, found in merged.items() if len(set().union(*found)) >= 2}
    mixed = [key for key, found in merged.items() if not any(len(f) >= 2 for f in found)]
    print(
        f"claims covering two or more gold facts: {len(merged)} of {len(groups)}; of these, {len(mixed)} only"
    )
    print("through different units (two facts joined), the rest through a unit stating both")
    if verbose:
        for key in mixed:
            print("  joined:", [sorted(f) for f in merged[key]])


def _facts_by_unit(members: list[Unit], facts: list[FactSpans]) -> list[set[str]]:
    """For each unit of a claim, the gold facts it states (Dice >= 0.5 against a fact's span)."""
    return [
        {f.id for f in facts if best_dice(f.spans.get(unit.place, []), [unit.span]) >= MATCH_DICE}
        for unit in members
    ]


if __name__ == "__main__":
    main()
