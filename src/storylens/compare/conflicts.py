"""Conflicts: aligned claims that disagree on a number, a date, who did it, or polarity.

Only claims stating the same fact are compared: the same aligned claim, or two claims whose
embeddings are very close. A figure that changes between articles published at different times,
each later article giving the newer figure, is an update of a developing story, not a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np

from storylens.compare.alignment import SAME_WORDING, Features, dates_disagree, figures_disagree
from storylens.compare.claims import ClaimUnit
from storylens.compare.lexicon import load_lexicon
from storylens.compare.text import figures, jaccard
from storylens.models import Article, Conflict, ConflictKind, ConflictValue

SAME_FACT_SIMILARITY = 0.75  # claims of different groups compared only when this close
UPDATE_GAP = timedelta(hours=6)  # a later figure this much later is an update even without a cue
_ACTOR_TYPES = {"PERSON", "ORG", "GPE"}


@dataclass
class _Found:
    kind: ConflictKind
    values: dict[str, str] = field(default_factory=dict)  # article id -> value as written
    cued: set[str] = field(default_factory=set)  # values stated with an update cue ("rose to")


def find_conflicts(
    units: list[ClaimUnit],
    features: list[Features],
    similarity: np.ndarray,
    claim_ids: list[str],
    sources: dict[str, str],
    actors: list[tuple[str, str, str] | None],
) -> list[Conflict]:
    """``actors[i]``: the first person/organisation/place named in unit i (story id, type, text)."""
    found: dict[tuple[tuple[str, ...], ConflictKind], _Found] = {}
    for i, j in _comparable_pairs(units, similarity, claim_ids, sources):
        for kind, value_i, value_j in _disagreements(
            units[i], units[j], features[i], features[j], actors[i], actors[j]
        ):
            key = (tuple(sorted({claim_ids[i], claim_ids[j]})), kind)
            entry = found.setdefault(key, _Found(kind))
            for unit, value in ((units[i], value_i), (units[j], value_j)):
                entry.values.setdefault(unit.article.id, value)
                if load_lexicon().signals_update(unit.text):
                    entry.cued.add(value)
    articles = {u.article.id: u.article for u in units}
    conflicts = [_conflict(list(ids), entry, articles) for (ids, _), entry in found.items()]
    return [c for c in conflicts if len({v.value for v in c.values}) > 1]


def _comparable_pairs(
    units: list[ClaimUnit], similarity: np.ndarray, claim_ids: list[str], sources: dict[str, str]
) -> list[tuple[int, int]]:
    same_claim = np.array(claim_ids)[:, None] == np.array(claim_ids)[None, :]
    close = np.triu(same_claim | (similarity >= SAME_FACT_SIMILARITY), k=1)
    return [
        (i, j)
        for i, j in zip(*np.nonzero(close), strict=True)
        if sources[units[i].article.id] != sources[units[j].article.id]
    ]


def _disagreements(a: ClaimUnit, b: ClaimUnit, fa: Features, fb: Features, actor_a, actor_b):
    """Figures are compared by what they count; the rest only between claims worded alike."""
    for x, y in figures_disagree(fa.figures, fb.figures)[:1]:
        yield "number", f"{x.raw} {x.head}", f"{y.raw} {y.head}"
    if jaccard(fa.words, fb.words) < SAME_WORDING:
        return
    if dates_disagree(fa.dates, fb.dates) and not (_said_of_today(a) or _said_of_today(b)):
        yield "date", _date_value(a), _date_value(b)
    opposite = load_lexicon().opposite_pair(fa.polar, fb.polar)
    if opposite:
        yield "negation", opposite[0], opposite[1]
    elif fa.negated != fb.negated:
        yield "negation", _polarity(fa), _polarity(fb)
    if _actors_differ(actor_a, actor_b, fa, fb):
        yield "entity", actor_a[2], actor_b[2]


def _said_of_today(unit: ClaimUnit) -> bool:
    """A date that is the article's own day ("today", "on Monday" on a Monday) tells of the moment
    of writing; two articles of different days differ there without contradicting each other."""
    published = unit.article.published
    return bool(published) and any(d.value == published.date().isoformat() for d in unit.dates)


def _date_value(unit: ClaimUnit) -> str:
    date = unit.dates[0]
    return f"{date.value} ({date.expression})"


def _polarity(features: Features) -> str:
    return "denies it (negated)" if features.negated else "affirms it"


def _actors_differ(actor_a, actor_b, fa: Features, fb: Features) -> bool:
    if not actor_a or not actor_b or actor_a[0] == actor_b[0] or actor_a[1] != actor_b[1]:
        return False
    return actor_a[1] in _ACTOR_TYPES and actor_a[0] not in fb.entities and actor_b[0] not in fa.entities


def _conflict(claim_ids: list[str], found: _Found, articles: dict[str, Article]) -> Conflict:
    values = [
        ConflictValue(article_id, value, _published(articles[article_id]))
        for article_id, value in sorted(found.values.items(), key=lambda kv: _when(articles[kv[0]]))
    ]
    update = found.kind == "number" and _is_update(values, articles, found.cued)
    return Conflict(claim_ids, found.kind, _describe(found.kind, values, articles, update), values, update)


def _is_update(values: list[ConflictValue], articles: dict[str, Article], cued: set[str]) -> bool:
    """Each figure's articles all published after the previous figure's, and each later figure
    either said to be new ("rose to", "now") or higher and well after: a developing story."""
    spans: dict[str, list] = defaultdict(list)
    for value in values:
        published = articles[value.article_id].published
        if published is None:
            return False
        spans[value.value].append(published)
    periods = sorted((min(times), max(times), value) for value, times in spans.items())
    return all(
        later[0] > earlier[1]
        and (
            later[2] in cued
            or (later[0] - earlier[1] >= UPDATE_GAP and _number(later[2]) > _number(earlier[2]))
        )
        for earlier, later in zip(periods, periods[1:], strict=False)
    )


def _number(value: str) -> float:
    found = figures(value)
    return found[0].value if found else float("nan")


_WHAT = {"number": "figure", "date": "date", "entity": "actor", "negation": "outcome", "other": "account"}


def _describe(
    kind: ConflictKind, values: list[ConflictValue], articles: dict[str, Article], update: bool
) -> str:
    said = [f'{_outlet(articles[v.article_id])}: "{v.value}"' for v in values]
    if update:
        dated = [f"{s} ({v.published})" for s, v in zip(said, values, strict=True)]
        return f"The {_WHAT[kind]} was updated as the story developed: " + ", then ".join(dated) + "."
    return f"The outlets disagree on the {_WHAT[kind]}: " + "; ".join(said) + "."


def _outlet(article: Article) -> str:
    return article.outlet or article.id


def _published(article: Article) -> str | None:
    return article.published.isoformat() if article.published else None


def _when(article: Article) -> tuple:
    return (article.published is None, article.published.timestamp() if article.published else 0, article.id)
