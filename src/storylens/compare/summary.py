"""A neutral extractive summary: whole claims as the outlets wrote them, each cited to what
says the same thing.

Consensus facts are chosen first (facts the outlets dispute are left out), then the main facts
only some outlets carry; the chosen sentences are told in the order the story was first told
(the earliest article carrying each fact, and where in it), so the event comes before its
details whatever their status. For each fact the most neutral wording among the outlets'
variants free of loaded terms (a fact told only in slanted words is left out); nothing that
repeats a sentence already chosen, even when alignment kept the two wordings apart; nothing that
no source says, since every sentence is a cited span. A sentence is cited only to the variants
that say the same (an aligned claim holds looser neighbours too), needs two independent sources
of its own, and a disputed account is told only with its speaker, never as fact.
"""

from __future__ import annotations

import re

import numpy as np

from storylens.compare.alignment import (
    SAME_WORDING,
    THRESHOLDS,
    Features,
    Thresholds,
    dates_disagree,
    most_neutral,
    same_day,
)
from storylens.compare.claims import ClaimUnit
from storylens.compare.conflicts import disagreements
from storylens.compare.lexicon import load_lexicon
from storylens.compare.text import content_words, figures, jaccard
from storylens.models import Citation, Claim, Conflict, SummarySentence

MAX_SENTENCES = 8
VALUE_KINDS = ("number", "date")  # disputes over a value of one fact (see ``_Story``)
MIN_WORDS = 5
_OWN_VOICE = re.compile(r"\b(?:we|us|our|ours)\b", re.IGNORECASE)  # the first person plural
# the writer judging or prescribing ("X deserves credit", "Y should resign"): opinion, not fact
_OPINION = re.compile(
    r"\b(?:should(?:n't| not)?|ought to|deserves?|deserved|shameful|"
    r"disgraceful|admirabl[ey]|to (?:his|her|their|its) credit)\b",
    re.IGNORECASE,
)
_PRONOUNS = {"he", "she", "they", "it", "this", "we", "i", "that"}
# a figure named only by reference to one told before ("The authority puts the figure at 11
# hours"), unlike "the figure of 300" or "the figure for March"
_FIGURE_REFERENCE = re.compile(
    r"\b(?:the|that|this|these|those) (?:figures?|estimates?)\b(?! (?:of|for)\b)", re.I
)


def summarise(
    claims: list[Claim],
    units_of: dict[str, list[ClaimUnit]],
    conflicts: list[Conflict],
    featured: tuple[list[ClaimUnit], list[Features], np.ndarray, np.ndarray],
    thresholds: Thresholds = THRESHOLDS,
) -> list[SummarySentence]:
    """A contested fact is told only in words that leave the disputed value out (``_undisputed``),
    if any; an updated figure in the latest article's words. ``featured``: the story's units, their
    features, and the alignment's similarity between them and with names masked; ``thresholds``:
    the alignment's (``bench/alignment_stories.py`` fits ``backs`` through this)."""
    usable = {claim_id: units for claim_id, units in units_of.items()}
    told = {claim_id: _first_told(units) for claim_id, units in units_of.items() if units}
    valued: set[int] = set()  # units left out as a side of a figure or date dispute
    for conflict in conflicts:
        for claim_id in conflict.claim_ids:
            kept = [u for u in usable[claim_id] if _undisputed(u, conflict)]
            if conflict.kind in VALUE_KINDS and not conflict.between_parties:
                valued |= {id(u) for u in usable[claim_id]} - {id(u) for u in kept}
            usable[claim_id] = kept
    left = {id(u) for units in usable.values() for u in units}
    reported = {cid: [u for u in units if id(u) not in left] for cid, units in units_of.items()}
    sides = {cid: [u for u in units if id(u) in valued] for cid, units in reported.items()}
    story = _Story(*featured, reported, sides, thresholds)
    units_of = {claim_id: units for claim_id, units in usable.items() if units}
    claims = [c for c in claims if c.id in units_of]
    independent = len({s.copy_of or s.article_id for c in claims for s in c.support})
    tiers = [["consensus"], ["partial"]] + ([["unique"]] if independent == 1 else [])
    chosen: list[tuple[Claim, list[ClaimUnit]]] = []
    for statuses in tiers:
        tier = [c for c in claims if c.status in statuses]  # claims come most important first
        chosen += _pick(tier, units_of, chosen, story, min(independent, 2))
    chosen.sort(key=lambda pair: told[pair[0].id])  # by every carrier, not only the variants cited
    return [_sentence(claim, backing) for claim, backing in chosen]


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
    chosen: list[tuple[Claim, list[ClaimUnit]]],
    story: _Story,
    sources: int,
) -> list[tuple[Claim, list[ClaimUnit]]]:
    """Per claim, its most neutral readable wording with what backs it (``_backing``), when that
    is at least ``sources`` independent sources and the wording repeats no chosen sentence."""
    picked: list[tuple[Claim, list[ClaimUnit]]] = []
    for claim in tier:
        if len(chosen) + len(picked) >= MAX_SENTENCES:
            break
        neutral = [u for u in units_of[claim.id] if not u.in_headline and _readable(u) and _neutral(u)]
        if not neutral:
            continue
        unit = most_neutral(neutral)
        backing = story.backing(unit, units_of[claim.id])
        if backing is None or _sources(backing + story.sides_of[claim.id]) < sources:
            continue
        if not any(story.repeats(unit, other[0]) for _, other in chosen + picked):
            picked.append((claim, backing))
    return picked


class _Story:
    """The story's claim units with their features: what may back a summary sentence."""

    def __init__(
        self,
        units: list[ClaimUnit],
        features: list[Features],
        similarity: np.ndarray,
        said: np.ndarray,
        reported: dict[str, list[ClaimUnit]],
        sides: dict[str, list[ClaimUnit]],
        thresholds: Thresholds = THRESHOLDS,
    ) -> None:
        """``similarity``, ``said``: the alignment's, per pair of units. ``reported``: per claim,
        its units that a reported conflict keeps out of the summary (a side of the dispute, an
        earlier figure): they back no sentence, and leave no dispute to find. ``sides``: those
        of them that state the fact with another figure or date ("Fourteen people were hurt when
        a fire broke out"), so they count as its sources; a side of a dispute over who did it or
        whether it happened tells something else than an outside outlet's sentence, and does
        not."""
        self.units, self.similarity, self.said, self.sides_of = units, similarity, said, sides
        self.thresholds = thresholds
        self.reported = {id(u) for units in reported.values() for u in units}
        self.features = {id(u): f for u, f in zip(units, features, strict=True)}
        self.row = {id(u): i for i, u in enumerate(units)}

    def alike(self, unit: ClaimUnit, other: ClaimUnit) -> float:
        return float(self.similarity[self.row[id(unit)], self.row[id(other)]])

    def says_alike(self, unit: ClaimUnit, other: ClaimUnit) -> bool:
        """What the two say of the parties they name is alike (``Thresholds.said``)."""
        return float(self.said[self.row[id(unit)], self.row[id(other)]]) >= self.thresholds.said

    def backing(self, unit: ClaimUnit, group: list[ClaimUnit]) -> list[ClaimUnit] | None:
        """The variants that say what ``unit`` says (``_backs``), ``unit`` first. A claim holds
        looser neighbours too ("the envoy had left to consult her capital" beside "the other
        delegation left first"): they back nothing. None when a variant of its claim, or one as
        close, disagrees with it (figure, date, polarity, actor) and it is not attributed: a
        disputed account is told only as someone's (its speaker's), never as fact."""
        members = {id(u) for u in group}
        close = self.similarity[self.row[id(unit)]] >= self.thresholds.same_fact
        nearby = [u for u, near in zip(self.units, close, strict=True) if near and id(u) not in members]
        own = self.features[id(unit)]
        backing, disputed = [unit], False
        for other in group + nearby:
            if other is unit or id(other) in self.reported:
                continue
            theirs = self.features[id(other)]
            if any(disagreements(unit, other, own, theirs)):
                disputed = True
            elif (
                _same_voice(unit, other)
                and self.says_alike(unit, other)
                and _backs(
                    self.alike(unit, other), other, (own, theirs), id(other) in members, self.thresholds
                )
            ):
                backing.append(other)
        return None if disputed and not unit.speaker else backing

    def repeats(self, unit: ClaimUnit, other: ClaimUnit) -> bool:
        """The two sentences may tell one fact, though alignment kept their claims apart (average
        linkage can): as close as one fact across groups (``same_fact``); a candidate pair by one
        speaker (a quote and its paraphrase: "The sprinklers did their job there," she said /
        Castellane said the sprinkler system had activated); or an event of the same day naming the
        same party ("opened talks in Geneva on Wednesday" / "Negotiations began on 5 March in
        Geneva"). A summary is short: better one fact too few than one told twice."""
        similarity = self.alike(unit, other)
        if similarity >= self.thresholds.same_fact:
            return True
        if unit.speaker and unit.speaker == other.speaker and similarity >= self.thresholds.candidate:
            return True
        if not {d.value for d in unit.dates} & {d.value for d in other.dates}:
            return False
        return bool(self.features[id(unit)].entities & self.features[id(other)].entities)


def _backs(
    similarity: float,
    other: ClaimUnit,
    features: tuple[Features, Features],
    same_claim: bool,
    thresholds: Thresholds,
) -> bool:
    """``other`` says what the unit says (``features``: the unit's and theirs; ``similarity``:
    between them): close enough
    (``backs``, a shared day adding ``same_day`` as in alignment); no other date (even one of a
    plan or of its own day: "suspended on Thursday" backs no "opened on Wednesday"), and a body
    sentence of its claim or worded alike (alignment may keep one fact's wordings apart, and a
    headline tells several facts at once); a headline of its claim backs it when both tell an
    event of the same day ("The talks that opened yesterday ..." / "opened talks on Wednesday",
    that Wednesday)."""
    own, theirs = features
    similarity += thresholds.same_day * same_day(own, theirs)
    return (
        similarity >= thresholds.backs
        and not _another_date(own.dates, theirs.dates)
        and (
            (same_claim and (not other.in_headline or same_day(own, theirs)))
            or jaccard(own.words, theirs.words) >= SAME_WORDING
        )
    )


def _same_voice(unit: ClaimUnit, other: ClaimUnit) -> bool:
    """A quote in its speaker's own words is backed only by what that speaker said: another
    outlet's own words near it ("X should make it plain that ...") or another person's tell
    something else; and when the other quotes the speaker's words too, by the same words (two
    outlets quoting one statement quote alike; "welcomes the talks and urges ..." is not "would
    'stand ready' to host a new round"). A fact reported with its source ("..., the fire service
    said") is backed by any outlet stating it."""
    if not _in_own_words(unit):
        return True
    if unit.speaker != other.speaker:
        return False
    return not _in_own_words(other) or jaccard(_quoted(unit), _quoted(other)) >= SAME_WORDING


def _in_own_words(unit: ClaimUnit) -> bool:
    return unit.quote is not None and unit.quote.kind != "indirect"


def _quoted(unit: ClaimUnit) -> set[str]:
    return content_words(unit.quote.text) if unit.quote else set()


def _another_date(own: set[str], theirs: set[str]) -> bool:
    """``theirs`` gives a date that agrees with none of ``own``'s (at their common precision)."""
    return bool(own) and any(all(dates_disagree({t}, {o}) for o in own) for t in theirs)


def _sources(units: list[ClaimUnit]) -> int:
    return len({u.article.duplicate_of or u.article.id for u in units})


def _readable(unit: ClaimUnit) -> bool:
    """A sentence that stands on its own: long enough, opening as a sentence does (not mid-clause),
    not on a pronoun it cannot resolve, and not naming a figure only as one told before."""
    words = unit.text.split()
    first = words[0].strip("“\"'‘") if words else ""
    return (
        len(words) >= MIN_WORDS
        and first[:1].isupper()
        and first.lower() not in _PRONOUNS
        and _quotes_balanced(unit.text)
        and not _FIGURE_REFERENCE.search(unit.text)
    )


def _neutral(unit: ClaimUnit) -> bool:
    """No loaded term of the lexicon, and, outside a quote, no outlet speaking as a party ("Our
    own minister stayed put") or giving its own verdict ("The minister deserves credit"): a fact
    told only in slanted words, and an opinion, stay out of the summary. Quoted, both are what
    someone said."""
    if load_lexicon().loaded(unit.text):
        return False
    return unit.quote is not None or not (_OWN_VOICE.search(unit.text) or _OPINION.search(unit.text))


def _quotes_balanced(text: str) -> bool:
    """No quotation left open or closed mid-claim: a piece of a longer quote misleads alone."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


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


def _sentence(claim: Claim, backing: list[ClaimUnit]) -> SummarySentence:
    """The sentence cited to every span that states it (``_backing``), its own first."""
    return SummarySentence(
        backing[0].text, [Citation(u.article.id, u.start, u.end, u.field) for u in backing], claim.id
    )
