"""A neutral extractive summary: whole claims as the outlets wrote them, each cited to all.

Consensus facts are chosen first (facts the outlets dispute are left out), then the main facts
only some outlets carry; the chosen sentences are told in the order the story was first told
(the earliest article carrying each fact, and where in it), so the event comes before its
details whatever their status. For each fact the most neutral wording among the outlets'
variants free of loaded terms (a fact told only in slanted words is left out); nothing that
repeats a sentence already chosen, even when alignment kept the two wordings apart; nothing that
no source says, since every sentence is a cited span.
"""

from __future__ import annotations

import numpy as np

from storylens.compare.alignment import THRESHOLDS, most_neutral, named_entities
from storylens.compare.claims import ClaimUnit
from storylens.compare.entities import StoryEntities
from storylens.compare.lexicon import load_lexicon
from storylens.compare.text import figures
from storylens.models import Citation, Claim, Conflict, SummarySentence

MAX_SENTENCES = 8
MIN_WORDS = 5
_PRONOUNS = {"he", "she", "they", "it", "this", "we", "i", "that"}


def summarise(
    claims: list[Claim],
    units_of: dict[str, list[ClaimUnit]],
    conflicts: list[Conflict],
    entities: StoryEntities,
) -> list[SummarySentence]:
    """A contested fact is told only in words that leave the disputed value out (``_undisputed``),
    if any; an updated figure in the latest article's words."""
    usable = {claim_id: units for claim_id, units in units_of.items()}
    for conflict in conflicts:
        for claim_id in conflict.claim_ids:
            usable[claim_id] = [u for u in usable[claim_id] if _undisputed(u, conflict)]
    units_of = {claim_id: units for claim_id, units in usable.items() if units}
    claims = [c for c in claims if c.id in units_of]
    independent = len({s.copy_of or s.article_id for c in claims for s in c.support})
    tiers = [["consensus"], ["partial"]] + ([["unique"]] if independent == 1 else [])
    chosen: list[tuple[Claim, ClaimUnit]] = []
    for statuses in tiers:
        tier = [c for c in claims if c.status in statuses]  # claims come most important first
        chosen += _pick(tier, units_of, chosen, entities)
    chosen.sort(key=lambda pair: _first_told(units_of[pair[0].id]))
    return [_sentence(claim, unit, units_of[claim.id]) for claim, unit in chosen]


def _undisputed(unit: ClaimUnit, conflict: Conflict) -> bool:
    """The variant may tell a disputed fact: for an update, only the latest article's; for a figure
    or a date, one that gives none (an outlet outside the dispute may still give its own, "Nine
    workers" beside "12" and "14"; a party may state the rest of the fact without it); otherwise,
    an outlet outside the dispute."""
    if conflict.update:
        return unit.article.id == conflict.values[-1].article_id
    if conflict.kind == "number":
        return not figures(unit.text, [(d.start - unit.start, d.end - unit.start) for d in unit.dates])
    if conflict.kind == "date":
        return not unit.dates
    return unit.article.id not in {v.article_id for v in conflict.values}


def _pick(
    tier: list[Claim],
    units_of: dict[str, list[ClaimUnit]],
    chosen: list[tuple[Claim, ClaimUnit]],
    entities: StoryEntities,
) -> list[tuple[Claim, ClaimUnit]]:
    picked: list[tuple[Claim, ClaimUnit]] = []
    for claim in tier:
        if len(chosen) + len(picked) >= MAX_SENTENCES:
            break
        neutral = [u for u in units_of[claim.id] if not u.in_headline and _readable(u) and _neutral(u)]
        if not neutral:
            continue
        unit = most_neutral(neutral)
        if not any(_repeats(unit, other, entities) for _, other in chosen + picked):
            picked.append((claim, unit))
    return picked


def _readable(unit: ClaimUnit) -> bool:
    """A sentence that stands on its own: long enough, opening as a sentence does (not mid-clause),
    and not on a pronoun it cannot resolve."""
    words = unit.text.split()
    first = words[0].strip("“\"'‘") if words else ""
    return (
        len(words) >= MIN_WORDS
        and first[:1].isupper()
        and first.lower() not in _PRONOUNS
        and _quotes_balanced(unit.text)
    )


def _neutral(unit: ClaimUnit) -> bool:
    """No loaded term of the lexicon: a fact told only in slanted words stays out of the summary."""
    return not load_lexicon().loaded(unit.text)


def _quotes_balanced(text: str) -> bool:
    """No quotation left open or closed mid-claim: a piece of a longer quote misleads alone."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _repeats(unit: ClaimUnit, other: ClaimUnit, entities: StoryEntities) -> bool:
    """The two sentences may tell one fact, though alignment kept their claims apart (average
    linkage can): as close as one fact across groups (``same_fact``); a candidate pair by one
    speaker (a quote and its paraphrase: "The sprinklers did their job there," she said /
    Castellane said the sprinkler system had activated); or an event of the same day naming the
    same party ("opened talks in Geneva on Wednesday" / "Negotiations began on 5 March in
    Geneva"). A summary is short: better one fact too few than one told twice."""
    similarity = float(np.dot(unit.vector, other.vector))
    if similarity >= THRESHOLDS.same_fact:
        return True
    if unit.speaker and unit.speaker == other.speaker and similarity >= THRESHOLDS.candidate:
        return True
    if not {d.value for d in unit.dates} & {d.value for d in other.dates}:
        return False
    return bool(named_entities(unit, entities).keys() & named_entities(other, entities).keys())


def _first_told(units: list[ClaimUnit]) -> tuple:
    """Where the story first told the fact: the earliest article carrying it, its place there."""
    return min(
        (
            u.article.published is None,
            u.article.published.timestamp() if u.article.published else 0,
            u.position,
        )
        for u in units
    )


def _sentence(claim: Claim, unit: ClaimUnit, carriers: list[ClaimUnit]) -> SummarySentence:
    """The sentence cited to every span that states it: its own first, then the other carriers
    (in a disputed or updated fact, only those outside the dispute or with the latest figure)."""
    ordered = [unit] + [u for u in carriers if u is not unit]
    return SummarySentence(
        unit.text, [Citation(u.article.id, u.start, u.end, u.field) for u in ordered], claim.id
    )
