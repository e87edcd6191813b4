"""Fit the alignment's grouping and the summary's citations on whole stories of our own.

``bench/alignment_fit.py`` fits on isolated pairs, as many same-fact pairs as other-fact ones.
In a story a claim meets dozens of claims of other facts that name the same parties, so a
threshold right for pairs joins too much there. ``tests/fixtures/alignment_stories/`` holds
fictional stories (several outlets each) in which every statement is marked with the fact it
states (``storylens.eval.marked``). Each story is analysed and cut into claims as the compare
stage does; each claim unit, and each summary citation, takes the label of the marked
statement it overlaps most.

- ``group``: the units are grouped (``compare.alignment.align``) at each grid value and scored,
  BCubed and pairwise, as units placed in one claim against units of one fact, pooled over the
  stories (syndicated copies left out: they repeat their original). The grid value of best
  BCubed F1 is chosen, ties to the stricter: a false join tells a fact as reported by an outlet
  that did not report it, a missed one tells an outlet as leaving out what it said in other
  words, so both mislead, and BCubed F1 is the score used for stories. The same is shown for the
  cosine, the masked cosine and their mean alone (why the stage takes the mean), and
  leave-one-story-out shows how far the fit carries to a story it has not seen.
- ``backs``: the summary (``compare.summary.summarise``) at each grid value, grouping as
  committed; a citation to another outlet is right when its span states the sentence's fact;
  recall counts the other independent outlets that state it. Best F0.5: a citation too many
  misleads, one too few only understates.
- conflicts and updates (``compare.conflicts``), at the committed thresholds: a reported
  conflict is right when the units of its claims state a labelled conflict's fact in two or more
  of the articles it names (in the one it names, for a dispute between parties that one article
  reports); recall over the stories' labelled conflicts.

    .venv/bin/python bench/alignment_stories.py
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from alignment_fit import f_measure

from storylens.analyze import Analyzer
from storylens.compare import Alignment, align_story
from storylens.compare.alignment import THRESHOLDS, Thresholds, align, grouping_similarity
from storylens.compare.claims import ClaimUnit
from storylens.compare.conflicts import find_conflicts
from storylens.compare.summary import summarise
from storylens.eval.clustering import bcubed, pairwise
from storylens.eval.marked import MarkedStory, Statement, load_stories
from storylens.models import Citation, Conflict

GROUP = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65]
BETA = 0.5  # citations: one to an outlet that says something else misleads; one missing understates


BACKS = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]


@dataclass
class Scored:
    """A story aligned once; its units' gold labels; the units scored (copies left out)."""

    story: str
    aligned: Alignment
    labels: list[str]
    scored: list[int]
    statements: list[Statement]
    conflicts: dict[str, str]  # fact -> kind of the story's labelled conflicts and updates
    reported: list[Conflict]  # the conflicts compare reports (they do not depend on ``backs``)


def prepare(stories: list[MarkedStory]) -> list[Scored]:
    Analyzer(embed=False).analyze([a for s in stories for a in s.articles])
    prepared = []
    for story in stories:
        aligned = align_story(story.articles)
        labels = [_label(u, story.statements) for u in aligned.units]
        scored = [i for i, u in enumerate(aligned.units) if u.article.duplicate_of is None]
        conflicts = {c["fact"]: c["kind"] for c in story.conflicts}
        a = aligned
        reported = find_conflicts(a.units, a.features, a.similarity, a.claim_of_unit, a.sources)
        prepared.append(Scored(story.story, aligned, labels, scored, story.statements, conflicts, reported))
    return prepared


def _label(unit: ClaimUnit | Citation, statements: list[Statement]) -> str:
    """The fact of the marked statement the span overlaps most; a label of its own if none."""
    article_id = unit.article.id if isinstance(unit, ClaimUnit) else unit.article_id
    best, label = 0, f"{article_id}:{unit.field}:{unit.start}"
    for s in statements:
        if (overlap := _overlap(s, article_id, unit)) > best:
            best, label = overlap, s.fact
    return label


def _overlap(statement: Statement, article_id: str, span: ClaimUnit | Citation) -> int:
    """Characters the span shares with the statement (0 or less: none)."""
    if statement.article_id != article_id or statement.field != span.field:
        return 0
    return min(statement.end, span.end) - max(statement.start, span.start)


# What the grouping compares: as the compare stage does (the mean of the cosine and the masked
# cosine, with the masked floor), or one similarity alone, for the comparison printed first.
Variant = Callable[[Alignment], tuple[np.ndarray, np.ndarray | None]]
STAGE = "compare stage (mean, masked floor)"
VARIANTS: dict[str, Variant] = {
    STAGE: lambda a: (a.similarity, a.said),
    "cosine alone": lambda a: (a.similarity, None),
    "masked cosine alone": lambda a: (a.said, None),
    "mean alone": lambda a: (grouping_similarity(a.similarity, a.said), None),
}


def score(stories: list[Scored], thresholds: Thresholds, variant: Variant = VARIANTS[STAGE]) -> Grouping:
    """How the units are grouped against the units of one fact: BCubed and pairwise."""
    gold, predicted = [], []
    for s in stories:
        similarity, said = variant(s.aligned)
        groups = align(s.aligned.units, similarity, s.aligned.features, thresholds, said=said)
        group_of = {i: n for n, members in enumerate(groups) for i in members}
        gold += [f"{s.story}/{s.labels[i]}" for i in s.scored]
        predicted += [f"{s.story}/{group_of[i]}" for i in s.scored]
    return Grouping(PRF(*bcubed(gold, predicted)[:2]), PRF(*pairwise(gold, predicted)[:2]))


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    def f(self, beta: float = 1.0) -> float:
        return f_measure(self.precision, self.recall, beta)

    def __str__(self) -> str:
        return f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f():.3f} F0.5 {self.f(BETA):.3f}"


@dataclass(frozen=True)
class Grouping:
    bcubed: PRF
    pairwise: PRF

    def __str__(self) -> str:
        return f"BCubed {self.bcubed}; pairwise {self.pairwise}"


def fit(stories: list[Scored], variant: Variant = VARIANTS[STAGE]) -> Thresholds:
    """``group`` of best BCubed F1; ties go to the stricter (the grid is walked strictest first)."""
    points = [replace(THRESHOLDS, group=g) for g in sorted(GROUP, reverse=True)]
    return max(points, key=lambda t: score(stories, t, variant).bcubed.f())


def citations(stories: list[Scored], thresholds: Thresholds) -> PRF:
    """The summary's citations to other outlets: precision (the cited span states the sentence's
    fact) and recall (of the other independent outlets stating it), grouping as committed."""
    cited = right = carriers = 0
    for s in stories:
        a = s.aligned
        featured = (a.units, a.features, a.similarity, a.said)
        summary = summarise(a.claims, a.units_of(), s.reported, featured, thresholds)
        for sentence in summary:
            own, *others = sentence.citations
            fact, source = _label(own, s.statements), a.sources[own.article_id]
            outlets = {a.sources[c.article_id] for c in others} - {source}
            backed = {a.sources[c.article_id] for c in others if _label(c, s.statements) == fact} - {source}
            stating = {a.sources[st.article_id] for st in s.statements if st.fact == fact} - {source}
            cited, right, carriers = cited + len(outlets), right + len(backed), carriers + len(stating)
    return PRF(right / max(cited, 1), right / max(carriers, 1))


def conflicts_found(stories: list[Scored]) -> tuple[PRF, int]:
    """Reported conflicts against the stories' labelled ones (updates included): a reported
    conflict is right when a labelled conflict's fact is stated by the units of its claims in two
    or more of the articles it names; also how many right ones have the labelled kind."""
    reported = right = kinds = 0
    found: set[tuple[str, str]] = set()
    for s in stories:
        a = s.aligned
        for conflict in s.reported:
            named = {v.article_id for v in conflict.values}
            stated = {
                (st.fact, u.article.id)
                for u, claim in zip(a.units, a.claim_of_unit, strict=True)
                if claim in conflict.claim_ids and u.article.id in named
                for st in s.statements
                if _overlap(st, u.article.id, u) > 0
            }
            facts = Counter(fact for fact, _ in stated)
            # two of the articles it names; a dispute between parties may be told by one article
            hits = [fact for fact, n in facts.items() if n >= min(2, len(named)) and fact in s.conflicts]
            reported, right = reported + 1, right + bool(hits)
            kinds += any(_KINDS.get(conflict.kind, conflict.kind) == s.conflicts[f] for f in hits)
            found |= {(s.story, fact) for fact in hits}
    labelled = sum(len(s.conflicts) for s in stories)
    return PRF(right / max(reported, 1), len(found) / max(labelled, 1)), kinds


_KINDS = {"negation": "polarity"}  # the contract's kind for what the stories call polarity


HELD_OUT: dict[str, Callable[[Grouping], float]] = {
    "BCubed P": lambda g: g.bcubed.precision,
    "BCubed R": lambda g: g.bcubed.recall,
    "BCubed F1": lambda g: g.bcubed.f(),
    "pairwise P": lambda g: g.pairwise.precision,
    "pairwise R": lambda g: g.pairwise.recall,
}


def main() -> None:
    stories = prepare(load_stories())
    print(f"{len(stories)} stories, {sum(len(s.scored) for s in stories)} claim units scored")
    print(f"{'THRESHOLDS as committed':36} group={THRESHOLDS.group}: {score(stories, THRESHOLDS)}")
    for name, variant in VARIANTS.items():
        for point in sorted(GROUP, reverse=True):
            print(f"{name:36} group={point}: {score(stories, replace(THRESHOLDS, group=point), variant)}")
        print(f"{name:36} fitted group={fit(stories, variant).group}")
    held_out = []
    for n, story in enumerate(stories):
        chosen = fit(stories[:n] + stories[n + 1 :])
        held_out.append(score([story], chosen))
        print(f"  held out {story.story:28} (group fitted on the others {chosen.group}): {held_out[-1]}")
    medians = [np.median([f(r) for r in held_out]) for f in HELD_OUT.values()]
    print(
        "leave-one-story-out medians: "
        + ", ".join(f"{k} {v:.3f}" for k, v in zip(HELD_OUT, medians, strict=True))
    )
    print("summary citations to other outlets, by backs (grouping as committed):")
    cited = {backs: citations(stories, replace(THRESHOLDS, backs=backs)) for backs in BACKS}
    for backs, result in cited.items():
        print(f"  backs={backs}{' (committed)' if backs == THRESHOLDS.backs else ''}: {result}")
    print(f"fitted backs={max(sorted(cited, reverse=True), key=lambda b: cited[b].f(BETA))}")
    found, kinds = conflicts_found(stories)
    print(f"conflicts and updates against the labelled ones: {found}; kind as labelled: {kinds}")


if __name__ == "__main__":
    main()
