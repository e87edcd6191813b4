"""Alignment: claims of different articles that state the same fact, grouped.

Sentence embeddings propose candidates; what must agree checks them: a pair joins on a strong
similarity, or on a moderate one backed by a shared entity, figure, date or wording and
contradicted by none of them. A group holds at most one claim per article and text field, and a
claim joins a group only when it is close to the group as a whole, not to one member.
The thresholds are cosine similarities of all-MiniLM-L6-v2 set a priori (paraphrases score
above 0.8, sentences on the same topic around 0.5), not fitted to the sample corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storylens.compare.claims import ClaimUnit
from storylens.compare.lexicon import load_lexicon
from storylens.compare.text import Figure, content_words, figures, jaccard
from storylens.models import Claim, Support

CANDIDATE_SIMILARITY = 0.6
STRONG_SIMILARITY = 0.8
GROUP_SIMILARITY = 0.55
SHARED_WORDING = 0.35  # Jaccard of content words: some wording in common
SAME_WORDING = 0.5  # Jaccard of content words: the same statement, perhaps with another figure
HEADLINE_WEIGHT, LEAD_WEIGHT = 0.5, 0.25  # below one outlet: breadth of coverage comes first


@dataclass
class Features:
    """What must agree between two claims stating the same fact."""

    words: set[str]
    figures: list[Figure]
    dates: set[str]
    entities: set[str]
    negated: bool
    polar: frozenset[str]  # polarity words used ("agreed", "refused")

    @classmethod
    def of(cls, unit: ClaimUnit, entity_ids: set[str]) -> Features:
        date_spans = [(d.start - unit.start, d.end - unit.start) for d in unit.dates]
        return cls(
            words=content_words(unit.text),
            figures=figures(unit.text, date_spans),
            dates={d.value for d in unit.dates if d.value},
            entities=entity_ids,
            negated=load_lexicon().negated(unit.text),
            polar=load_lexicon().polar_words(unit.text),
        )


def figures_disagree(first: list[Figure], second: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Pairs of figures counting the same thing ("12 killed", "15 killed") with different values."""
    return [
        (a, b)
        for a in first
        for b in second
        if a.value != b.value
        and a.head
        and a.head == b.head
        and _same_count(a, b)
        and not any(c.value == a.value for c in second)
        and not any(c.value == b.value for c in first)
    ]


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


def _agree(a: Features, b: Features) -> bool:
    """Same wording but for a figure, date or negation: one fact told differently (a conflict to
    report); otherwise something must be shared and nothing contradicted."""
    overlap = jaccard(a.words, b.words)
    if overlap >= SAME_WORDING:
        return True
    shared = a.entities & b.entities or a.dates & b.dates or overlap >= SHARED_WORDING
    shared = shared or {f.value for f in a.figures} & {f.value for f in b.figures}
    clash = (
        figures_disagree(a.figures, b.figures) or dates_disagree(a.dates, b.dates) or a.negated != b.negated
    )
    return bool(shared) and not clash


def align(units: list[ClaimUnit], vectors: np.ndarray, features: list[Features]) -> list[list[int]]:
    """Groups of unit indices, each one fact; every unit is in exactly one group."""
    similarity = vectors @ vectors.T
    rows, cols = np.nonzero(np.triu(similarity >= CANDIDATE_SIMILARITY, k=1))
    order = np.argsort(-similarity[rows, cols], kind="stable")
    group_of = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        a, b = group_of[i], group_of[j]
        if a == b or units[i].article.id == units[j].article.id:
            continue
        if similarity[i, j] < STRONG_SIMILARITY and not _agree(features[i], features[j]):
            continue
        if _slots_clash(units, members[a], members[b]):
            continue
        if similarity[np.ix_(members[a], members[b])].mean() < GROUP_SIMILARITY:
            continue
        for k in members[b]:
            group_of[k] = a
        members[a] += members.pop(b)
    return sorted(members.values(), key=lambda g: min(g))


def _slots_clash(units: list[ClaimUnit], first: list[int], second: list[int]) -> bool:
    slots = {(units[i].article.id, units[i].field) for i in first}
    return any((units[j].article.id, units[j].field) in slots for j in second)


def independent_keys(articles) -> dict[str, str]:
    """Article id -> the id that counts as its independent source (a copy counts as its original)."""
    ids = {a.id for a in articles}
    return {a.id: a.duplicate_of if a.duplicate_of in ids else a.id for a in articles}


def build_claims(groups: list[list[int]], units: list[ClaimUnit], sources: dict[str, str]) -> list[Claim]:
    """Claims with status and importance, ids c1.. in order of importance then story order."""
    total = len(set(sources.values()))
    built = [_claim(group, units, sources, total) for group in groups]
    built.sort(key=lambda pair: (-pair[0].importance, pair[1]))
    claims = []
    for number, (claim, _) in enumerate(built, start=1):
        claim.id = f"c{number}"
        claims.append(claim)
    return claims


def _claim(
    group: list[int], units: list[ClaimUnit], sources: dict[str, str], total: int
) -> tuple[Claim, float]:
    members = sorted(
        (units[i] for i in group),
        key=lambda u: (u.article.published is None, u.article.published or 0, u.article.id, u.index),
    )
    carriers = {sources[u.article.id] for u in members}
    status = (
        "consensus"
        if total >= 2 and len(carriers) == total
        else "partial"
        if len(carriers) >= 2
        else "unique"
    )
    articles = {u.article.id for u in members}
    headline = len({u.article.id for u in members if u.in_headline}) / len(articles)
    lead = len({u.article.id for u in members if u.lead}) / len(articles)
    representative = most_neutral(members)
    claim = Claim(
        id="",
        text=representative.text,
        status=status,
        support=[_support(u, sources) for u in members],
        speaker=representative.speaker,
        importance=round(len(carriers) + HEADLINE_WEIGHT * headline + LEAD_WEIGHT * lead, 3),
    )
    return claim, min(u.position for u in members)


def _support(unit: ClaimUnit, sources: dict[str, str]) -> Support:
    source = sources[unit.article.id]
    copy_of = source if source != unit.article.id else None
    return Support(unit.article.id, unit.text, unit.start, unit.end, unit.field, copy_of)


def most_neutral(units: list[ClaimUnit]) -> ClaimUnit:
    """The variant a careful reader would quote: body text, no loaded words, not opening on a pronoun."""
    lexicon = load_lexicon()

    def rank(unit: ClaimUnit) -> tuple:
        opens_on_pronoun = unit.text.split(" ", 1)[0].lower() in {"he", "she", "they", "it", "this", "we"}
        copy = unit.article.duplicate_of is not None
        return (unit.in_headline, len(lexicon.loaded(unit.text)), opens_on_pronoun, copy)

    return min(units, key=rank)
