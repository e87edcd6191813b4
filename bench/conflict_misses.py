"""Why a gold conflict of the sample corpus is found or missed, one block per gold conflict.

Runs the whole pipeline over the sample corpus (as ``storylens eval claims`` does), aligns each
story again through ``compare.align_story`` and, for each gold conflict, prints its values, the
claim units stating its facts (claim id, figures with what they count, dates, polarity), every
pair of them from independent sources with what ``compare.conflicts`` makes of it, and the
conflicts the story reports on those claims. The verdict is the first that applies:

- ``found``: a reported conflict of the gold conflict's kind whose claims touch its facts and,
  for a dispute over figures, that names two of them (the eval also matches a conflict of
  another kind, and scores the kind apart);
- ``no units``: no claim unit states a fact of it (clause cut or clustering);
- ``one source``: the units stating it come from one independent source;
- ``not compared``: no pair is in one claim or close enough (``same_fact``);
- ``not read``: pairs compared, but no rule reads a disagreement in them;
- ``dropped``: a disagreement was read but no conflict came out (one value left).

Reported conflicts that touch no gold conflict's facts (false alarms) are listed last.

    .venv/bin/python bench/conflict_misses.py [--pairs]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass

from storylens.compare import Alignment, align_story
from storylens.compare.conflicts import comparable_pairs, disagreements, value_figures
from storylens.eval.claims import fact_spans
from storylens.eval.corpus import CorpusRun, run_corpus
from storylens.eval.gold import GoldConflict, sample_dir
from storylens.eval.metrics import ConflictSet, FactSpans, same_figures, touches
from storylens.models import Conflict, Story


@dataclass
class StoryView:
    """A reported story, its alignment again, and the gold facts each of its units states."""

    story: Story
    aligned: Alignment
    facts_of_unit: list[set[str]]

    def claim_facts(self, claim_id: str) -> set[str]:
        return set().union(
            *(f for f, c in zip(self.facts_of_unit, self.aligned.claim_of_unit, strict=True) if c == claim_id)
        )

    def conflict_facts(self, conflict: Conflict) -> set[str]:
        return set().union(*(self.claim_facts(c) for c in conflict.claim_ids))


def story_views(run: CorpusRun) -> list[StoryView]:
    facts = [f for event in run.events for f in fact_spans(event)]
    articles = {a.id: a for a in run.articles}
    views = []
    for story in run.stories:
        aligned = align_story([articles[i] for i in story.article_ids])
        stated = [_facts_stated(run, unit, facts) for unit in aligned.units]
        views.append(StoryView(story, aligned, stated))
    return views


def _facts_stated(run: CorpusRun, unit, facts: list[FactSpans]) -> set[str]:
    projected = run.to_gold(unit.article.id, unit.field, unit.start, unit.end)
    if projected is None:
        return set()
    place, span = projected
    own = FactSpans("unit", "", {place: [span]})
    return {f.id for f in facts if touches(f, own)}


def explain(gold: GoldConflict, views: list[StoryView], show_pairs: bool) -> str:
    """Print the gold conflict, its units and pairs; return the verdict."""
    wanted = set(gold.facts)
    print(f"\n== {' + '.join(gold.facts)} ({gold.kind}{', update' if gold.update else ''})")
    for value in gold.values:
        print(f"   gold  {value.ref.source.rsplit('/', 1)[-1]}: {value.value}")
    for view in views:
        found = [
            c
            for c in view.story.conflicts
            if c.kind == gold.kind and view.conflict_facts(c) & wanted and _names_figures(gold, c)
        ]
        for conflict in found:
            print(f"   REPORTED {conflict.kind} update={conflict.update}: {conflict.description}")
        if found:
            return "found"
    units = [(v, i) for v in views for i, f in enumerate(v.facts_of_unit) if f & wanted]
    for view, i in units:
        _print_unit(view, i)
    if not units:
        return "no units"
    if len({v.aligned.sources[v.aligned.units[i].article.id] for v, i in units}) < 2:
        return "one source"
    return _pair_verdict(units, show_pairs)


def _names_figures(gold: GoldConflict, conflict: Conflict) -> bool:
    """The reported conflict names two of a figure dispute's figures (as the eval requires)."""
    told = ConflictSet(frozenset(gold.facts), gold.kind, value_figures(v.value for v in gold.values))
    reported = ConflictSet(
        frozenset(conflict.claim_ids), conflict.kind, value_figures(v.value for v in conflict.values)
    )
    return same_figures(told, reported)


def _print_unit(view: StoryView, i: int) -> None:
    unit, features = view.aligned.units[i], view.aligned.features[i]
    counted = features.counts
    figs = ", ".join(f"{c.figure.raw}[{c.noun or ' '.join(sorted(c.words))}]" for c in counted)
    print(
        f"   {view.aligned.claim_of_unit[i]:>4} {(unit.article.outlet or unit.article.id)[:18]:18} "
        f"{unit.text[:110]!r}\n        figures: {figs or '-'}  dates: {sorted(features.dates) or '-'}  "
        f"polar: {sorted(features.polar) or '-'}  negated: {features.negated}"
    )


def _pair_verdict(units: list[tuple[StoryView, int]], show_pairs: bool) -> str:
    by_view: dict[int, list[int]] = defaultdict(list)
    views = {id(v): v for v, _ in units}
    for view, i in units:
        by_view[id(view)].append(i)
    compared = read = 0
    for key, members in by_view.items():
        aligned = views[key].aligned
        for i, j in comparable_pairs(
            aligned.units, aligned.features, aligned.similarity, aligned.claim_of_unit, aligned.sources
        ):
            if i not in members or j not in members:
                continue
            compared += 1
            said = list(
                disagreements(aligned.units[i], aligned.units[j], aligned.features[i], aligned.features[j])
            )
            read += bool(said)
            if show_pairs:
                print(
                    f"   pair {aligned.claim_of_unit[i]}~{aligned.claim_of_unit[j]} "
                    f"cos {aligned.similarity[i, j]:.2f}: {said or 'nothing read'}"
                )
    return "not compared" if not compared else "not read" if not read else "dropped"


def false_alarms(run: CorpusRun, views: list[StoryView]) -> None:
    disputed = [set(c.facts) for event in run.events for c in event.conflicts]
    print("\n== reported conflicts touching no gold conflict")
    for view in views:
        for conflict in view.story.conflicts:
            facts = view.conflict_facts(conflict)
            if not any(facts & gold for gold in disputed):
                print(f"   {view.story.id} {conflict.kind} facts={sorted(facts)}: {conflict.description}")


def report(run: CorpusRun, show_pairs: bool) -> None:
    views = story_views(run)
    gold = [c for event in run.events for c in event.conflicts]
    verdicts = [explain(c, views, show_pairs) for c in gold]
    print("\n== verdicts")
    for verdict, conflict in zip(verdicts, gold, strict=True):
        print(f"   {verdict:13} {' + '.join(conflict.facts)}")
    false_alarms(run, views)
    print(f"\nverdicts: { {v: verdicts.count(v) for v in dict.fromkeys(verdicts)} }")


def main() -> None:
    report(run_corpus(sample_dir()), "--pairs" in sys.argv)


if __name__ == "__main__":
    main()
