"""The entity task: story-level entity merging against the gold entities and their aliases.

Scored pairwise over surface forms, per event: two forms (names or aliases) that gold puts in
one entity should be in one predicted story entity (recall), and two forms a predicted entity
joins should belong to one gold entity (precision). Only forms that both sides know are
paired, so the score measures merging, not how many names the recogniser finds. The predicted
entities are ``merge_entities`` over the pipeline's articles of each gold event, so clustering
errors do not leak in.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import Any

from storylens.eval.corpus import CorpusRun
from storylens.eval.metrics import PRF, normalise_name
from storylens.models import Entity

Grouping = list[set[str]]  # entities as sets of surface forms


def surface_key(form: str) -> str:
    """A surface form for comparison: normalised as names are, without a leading "the"."""
    key = normalise_name(form)
    return key[4:] if key.startswith("the ") else key


def _membership(grouping: Grouping) -> dict[str, set[int]]:
    """Form key -> indices of the entities that hold it (an alias may be shared)."""
    owners: dict[str, set[int]] = {}
    for index, forms in enumerate(grouping):
        for form in forms:
            owners.setdefault(surface_key(form), set()).add(index)
    return owners


def _joined_pairs(owners: dict[str, set[int]], forms: list[str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in combinations(forms, 2) if owners[a] & owners[b]}


def merge_pairs(gold: Grouping, predicted: Grouping) -> PRF:
    """Pairwise merge counts over the surface forms both groupings hold."""
    gold_owners, predicted_owners = _membership(gold), _membership(predicted)
    shared = sorted(gold_owners.keys() & predicted_owners.keys())
    gold_pairs = _joined_pairs(gold_owners, shared)
    predicted_pairs = _joined_pairs(predicted_owners, shared)
    return PRF(len(gold_pairs & predicted_pairs), len(predicted_pairs), len(gold_pairs))


def total(scores: Iterable[PRF]) -> PRF:
    """Counts summed over events (micro average)."""
    tp = predicted = gold = 0.0
    for score in scores:
        tp, predicted, gold = tp + score.tp, predicted + score.predicted, gold + score.gold
    return PRF(tp, predicted, gold)


def _forms(entity: Entity) -> set[str]:
    return {entity.name, *entity.aliases}


def evaluate_entities(run: CorpusRun) -> dict[str, Any]:
    """Merge precision, recall and F1 over the corpus, and per event."""
    from storylens.analyze.entities import merge_entities

    per_event = {}
    for event in run.events:
        articles = [run.matched[a.key] for a in event.articles if a.key in run.matched]
        predicted, _ = merge_entities(articles)
        gold = [{e.name, *e.aliases} for e in event.entities]
        per_event[event.event] = merge_pairs(gold, [_forms(e) for e in predicted])
    return {
        "dataset": str(run.folder),
        "merge": total(per_event.values()).to_dict(),
        "by_event": {name: score.to_dict() for name, score in per_event.items()},
    }
