"""Conflicts: aligned claims that disagree on a number, a date, who did it, or polarity.

Only claims stating the same fact are compared: the same aligned claim, or two claims whose
embeddings are close enough (``Thresholds.same_fact``, fitted on our own conflict pairs). A
figure that changes between articles published at different times, each later article giving
the newer figure, is an update of a developing story, not a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np

from storylens.compare.alignment import THRESHOLDS, Features
from storylens.compare.claims import ClaimUnit
from storylens.compare.lexicon import load_lexicon
from storylens.compare.text import Figure, figures, jaccard
from storylens.models import Article, Conflict, ConflictKind, ConflictValue

ROUNDING = 0.05  # a round figure this close to an exact one says the same
SAME_WORDING = 0.5  # Jaccard of content words: the same statement, perhaps with another date
NEGATION_WORDING = 0.8  # a bare negation is a clash only between nearly the same words
UPDATE_GAP = timedelta(hours=6)  # a later figure this much later is an update even without a cue
_ACTOR_TYPES = ("PERSON", "ORG", "GPE")


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
) -> list[Conflict]:
    """Disagreements between claims of independent sources that state the same fact."""
    found: dict[tuple[tuple[str, ...], ConflictKind], _Found] = {}
    for i, j in _comparable_pairs(units, similarity, claim_ids, sources):
        for kind, value_i, value_j in disagreements(units[i], units[j], features[i], features[j]):
            key = (tuple(sorted({claim_ids[i], claim_ids[j]})), kind)
            entry = found.setdefault(key, _Found(kind))
            for unit, value in ((units[i], value_i), (units[j], value_j)):
                entry.values.setdefault(unit.article.id, value)
                if load_lexicon().signals_update(unit.text):
                    entry.cued.add(value)
    articles = {u.article.id: u.article for u in units}
    conflicts = [_conflict(sorted(ids), entry, articles) for ids, entry in _joined(found)]
    return [c for c in conflicts if len({v.value for v in c.values}) > 1]


def _joined(found: dict[tuple[tuple[str, ...], ConflictKind], _Found]) -> list[tuple[set[str], _Found]]:
    """Disagreements of one kind that share a claim are one dispute (the injured count as each
    outlet gives it), told once; an article keeps the first value found for it."""
    joined: list[tuple[set[str], _Found]] = []
    for (claim_ids, kind), entry in found.items():
        ids, merged = set(claim_ids), _Found(kind, dict(entry.values), set(entry.cued))
        for other in [j for j in joined if j[1].kind == kind and j[0] & ids]:
            joined.remove(other)
            ids |= other[0]
            merged.values = {**merged.values, **other[1].values}
            merged.cued |= other[1].cued
        joined.append((ids, merged))
    return joined


def _comparable_pairs(
    units: list[ClaimUnit], similarity: np.ndarray, claim_ids: list[str], sources: dict[str, str]
) -> list[tuple[int, int]]:
    """Pairs of independent sources in one aligned claim, or close enough to state one fact."""
    ids = np.array(claim_ids)
    close = np.triu((ids[:, None] == ids[None, :]) | (similarity >= THRESHOLDS.same_fact), k=1)
    return [
        (int(i), int(j))
        for i, j in zip(*np.nonzero(close), strict=True)
        if sources[units[i].article.id] != sources[units[j].article.id]
    ]


def figures_disagree(first: list[Figure], second: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Figures of two claims of one fact that give it different values: counting the same thing
    ("12 killed", "15 killed"), or each claim's only figure ("4.9 per cent", "3.5 per cent")."""
    if len(first) == len(second) == 1 and _lone_figures_disagree(first[0], second[0]):
        return [(first[0], second[0])]
    return [
        (a, b)
        for a in first
        for b in second
        if not _rounded_alike(a.value, b.value)
        and a.head
        and a.head == b.head
        and _same_count(a, b)
        and not any(c.value == a.value for c in second)
        and not any(c.value == b.value for c in first)
    ]


def _lone_figures_disagree(a: Figure, b: Figure) -> bool:
    """A claim's only figure against another's: the same fact's value when what they count has a
    word in common ("180 porters took part", "95 porters joined"), or for shares, when one of
    them does not say of what ("by 4.9 per cent")."""
    if a.percent != b.percent or _rounded_alike(a.value, b.value):
        return False
    return bool(a.context & b.context) or (a.percent and not (a.context and b.context))


def _rounded_alike(first: float, second: float) -> bool:
    """Equal, or one a round figure ("18,000", "1.2 million") within 5% of the other (18,412)."""
    if first == second:
        return True
    rounded = any(v >= 100 and v % 10 ** (len(str(int(v))) - 2) == 0 for v in (first, second))
    return rounded and abs(first - second) <= ROUNDING * max(first, second)


def _same_count(a: Figure, b: Figure) -> bool:
    """What the figures count agrees: most words after them shared, or all of the shorter's (two or more)."""
    smaller, larger = sorted((a.context, b.context), key=len)
    return jaccard(set(a.context), set(b.context)) >= 0.5 or (len(smaller) >= 2 and smaller <= larger)


def dates_disagree(first: set[str], second: set[str]) -> bool:
    """One date each, different at their common precision ("2025-03" agrees with "2025-03-04")."""
    if len(first) != 1 or len(second) != 1:
        return False
    (a,), (b,) = first, second
    common = min(len(a), len(b))
    return a[:common] != b[:common]


def disagreements(
    a: ClaimUnit, b: ClaimUnit, fa: Features, fb: Features
) -> Iterator[tuple[ConflictKind, str, str]]:
    """Figures are compared by what they count; the rest only between claims worded alike."""
    for x, y in figures_disagree(fa.figures, fb.figures)[:1]:
        yield "number", _figure_value(x), _figure_value(y)
    if jaccard(fa.words, fb.words) < SAME_WORDING:
        return
    if dates_disagree(fa.dates, fb.dates) and not (_said_of_today(a) or _said_of_today(b)):
        yield "date", _date_value(a), _date_value(b)
    opposite = load_lexicon().opposite_pair(fa.polar, fb.polar)
    if opposite:
        yield "negation", opposite[0], opposite[1]
    elif fa.negated != fb.negated and jaccard(fa.words, fb.words) >= NEGATION_WORDING:
        yield "negation", _polarity(a, fa), _polarity(b, fb)
    names = _names_differ(fa, fb)
    if names:
        yield "entity", *names


def _figure_value(figure: Figure) -> str:
    """The figure as written and what it counts ("12 workers")."""
    return f"{figure.raw} {figure.head}" if figure.head and not figure.percent else figure.raw


def _said_of_today(unit: ClaimUnit) -> bool:
    """A date that is the article's own day ("today", "on Monday" on a Monday) tells of the moment
    of writing; two articles of different days differ there without contradicting each other."""
    published = unit.article.published
    return bool(published) and any(d.value == published.date().isoformat() for d in unit.dates)


def _date_value(unit: ClaimUnit) -> str:
    date = unit.dates[0]
    return f"{date.value} ({date.expression})"


def _polarity(unit: ClaimUnit, own: Features) -> str:
    """The negation as written ("not resign"); the other side states it without one."""
    if own.negated:
        return load_lexicon().negation_phrase(unit.text) or "negated"
    return "without negation"


def _names_differ(fa: Features, fb: Features) -> tuple[str, str] | None:
    """The same thing said of another person, organisation or place: the words outside names
    alike, and each claim naming one of a type that the other does not name."""
    if jaccard(fa.frame, fb.frame) < SAME_WORDING:
        return None
    for kind in _ACTOR_TYPES:
        own = [text for sid, (t, text) in fa.named.items() if t == kind and sid not in fb.named]
        other = [text for sid, (t, text) in fb.named.items() if t == kind and sid not in fa.named]
        if own and other:
            return own[0], other[0]
    return None


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
