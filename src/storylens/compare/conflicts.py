"""Conflicts: aligned claims that disagree on a number, a date, who did it, or polarity.

Only claims stating the same fact are compared: the same aligned claim, or two claims whose
embeddings are close enough (``Thresholds.same_fact``, fitted on our own conflict pairs); and
claims that alignment kept apart when they count the same uncommon noun ("300 tractors", "500
tractors"). A figure that changes between articles published at different times, each later
article giving the newer figure with an update cue ("has risen to"), is an update of a
developing story; a later figure without a cue is a contradiction. A dispute between the
parties to a story that an article reports in one sentence ("the union put it at 19 hours; the
port authority, at 11") is told too (``party_disputes``), though no two outlets disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from storylens.compare.alignment import SAME_WORDING, THRESHOLDS, Features, dates_disagree
from storylens.compare.claims import ClaimUnit
from storylens.compare.clock import apart, clock_times
from storylens.compare.contrast import Contrast, names_denied
from storylens.compare.counts import GENERIC_NOUNS, Count
from storylens.compare.lexicon import load_lexicon
from storylens.compare.parties import figure_parties
from storylens.compare.similarity import embed
from storylens.compare.text import Figure, content_words, figures, jaccard
from storylens.models import Article, Conflict, ConflictKind, ConflictValue, Sentence

ROUNDING = 0.05  # a round figure this close to an exact one says the same
MAX_RATIO = 3.0  # police and organisers' crowd counts, the most apart accounts of one count, differ less
NEGATION_WORDING = 0.8  # a bare negation is a clash only between nearly the same words
TIMES_APART = 60  # minutes: accounts of one moment differ by less ("5.40 a.m.", "just before 6am")
CUE_WINDOW = 3  # an update cue counts within this many words before its figure ("has risen to 15")
_ACTOR_TYPES = ("PERSON", "ORG", "GPE")
# a word before a figure that rounds it ("about 5,000"), shown with it
APPROXIMATIONS = frozenset({"about", "around", "nearly", "almost", "roughly", "some", "over"})


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
    """Disagreements between claims of independent sources that state the same fact, and
    between the parties to the story (``party_disputes``)."""
    found: dict[tuple[tuple[str, ...], ConflictKind], _Found] = {}
    compared = comparable_pairs(units, features, similarity, claim_ids, sources)
    said = [
        (i, j, disagreement)
        for i, j in compared
        for disagreement in disagreements(units[i], units[j], features[i], features[j])
    ]
    said += [
        (i, j, ("number", a, b))
        for i, j, a, b in _counts_apart(units, features, similarity, claim_ids, sources, compared)
    ]
    for i, j, (kind, value_i, value_j) in said:
        key = (tuple(sorted({claim_ids[i], claim_ids[j]})), kind)
        entry = found.setdefault(key, _Found(kind))
        for unit, value in ((units[i], value_i), (units[j], value_j)):
            entry.values[unit.article.id] = _fuller(kind, entry.values.get(unit.article.id), value)
            if kind == "number" and _cued(unit, value):
                entry.cued.add(value)
    articles = {u.article.id: u.article for u in units}
    conflicts = [_conflict(in_order(ids), entry, articles) for ids, entry in _joined(found)]
    disputed = party_disputes(units, features, claim_ids)
    kept = [c for c in conflicts if len({v.value for v in c.values}) > 1 and not _told_by(c, disputed)]
    return kept + disputed


def _told_by(conflict: Conflict, disputed: list[Conflict]) -> bool:
    """The outlets' figures are a dispute between parties already told ("12,000" from the union's
    side, "about 5,000" from the police's): one dispute, told once, with who gives which."""
    if conflict.kind != "number" or conflict.update:
        return False
    told = value_figures(v.value for v in conflict.values)
    return any(told <= value_figures(v.value for v in d.values) for d in disputed)


def value_figures(values: Iterable[str]) -> frozenset[float]:
    """The figures a conflict's values give ("19 hours (the union)": 19), read as claims are."""
    return frozenset(f.value for value in values for f in figures(value))


@dataclass
class _PartyDispute:
    """Two parties' figures for one quantity: per article reporting both, each party's figure as
    the article words it, and the claims holding them."""

    told: dict[str, tuple[Article, list[tuple[str, str]]]] = field(default_factory=dict)
    claim_ids: set[str] = field(default_factory=set)


def party_disputes(units: list[ClaimUnit], features: list[Features], claim_ids: list[str]) -> list[Conflict]:
    """Disputes between the parties to a story that an article reports in one sentence ("the union
    put the average at 19 hours a week; the port authority, using its payroll data, put it at 11",
    "Police estimated the crowd at about 4,500, while organisers said 12,000"): two figures of one
    kind (``_differ``) counting one thing, each given by another party
    (``parties.figure_parties``). Every outlet may report both, so no two outlets disagree; one
    conflict per dispute names every article reporting it, each value with its party, and holds
    every claim giving one of the two figures ("Around 12,000 nurses marched"), which the summary
    then tells only in words that leave the figure out."""
    sentences = [
        (article, sentence, _sentence_figures(article, sentence))
        for article in {u.article.id: u.article for u in units}.values()
        for sentence in article.sentences
        if not sentence.heading
    ]
    sentences = [(a, s, found) for a, s, found in sentences if len(found) >= 2]
    texts = [a.text[s.start : s.end] for a, s, _ in sentences]
    parties = figure_parties(texts, [[f.start for f in found] for _, _, found in sentences])
    disputes: dict[frozenset[float], _PartyDispute] = {}
    for (article, _, found), text, given in zip(sentences, texts, parties, strict=True):
        pair = _disputed(list(zip(given, found, strict=True)))
        if pair is None:
            continue
        dispute = disputes.setdefault(frozenset(f.value for _, f in pair), _PartyDispute())
        told = [(_as_party(party), _as_written(text, figure)) for party, figure in pair]
        dispute.told.setdefault(article.id, (article, told))
        dispute.claim_ids |= {
            claim_id
            for own, claim_id in zip(features, claim_ids, strict=True)
            if any(f.value == g.value and _one_thing(f, g) for f in own.figures for _, g in pair)
        }
    return [_party_conflict(d) for d in disputes.values() if d.claim_ids]


def in_order(claim_ids: Iterable[str]) -> list[str]:
    """Claim ids in the story's order: "c2" before "c10"."""
    return sorted(claim_ids, key=lambda claim_id: (len(claim_id), claim_id))


def _sentence_figures(article: Article, sentence: Sentence) -> list[Figure]:
    """The sentence's figures outside its dates, offsets within the sentence."""
    dates = [(d.start - sentence.start, d.end - sentence.start) for d in article.dates if d.field == "text"]
    return figures(article.text[sentence.start : sentence.end], dates)


def _disputed(given: list[tuple[str | None, Figure]]) -> tuple[tuple[str, Figure], tuple[str, Figure]] | None:
    """The first two figures given by two different parties that give one thing two values."""
    attributed = [(party, figure) for party, figure in given if party]
    for n, (party, figure) in enumerate(attributed):
        for other, theirs in attributed[n + 1 :]:
            apart = _party_key(other) != _party_key(party)
            if apart and _differ(figure, theirs) and _one_thing(figure, theirs):
                return (party, figure), (other, theirs)
    return None


def _party_key(party: str) -> str:
    return " ".join(w for w in party.lower().split() if w not in {"the", "a", "an"})


def _one_thing(a: Figure, b: Figure) -> bool:
    """What the two figures count agrees where both say it ("19 hours", "11": one may leave it to
    the other)."""
    if a.head is None or b.head is None:
        return True
    count_noun = load_lexicon().count_noun
    return count_noun(a.head) == count_noun(b.head)


def _party_conflict(dispute: _PartyDispute) -> Conflict:
    told = sorted(dispute.told.values(), key=lambda pair: _when(pair[0]))
    values = [
        ConflictValue(article.id, f"{value} ({party})", _published(article))
        for article, said in told
        for party, value in said
    ]
    reporters = ", ".join(dict.fromkeys(article.outlet_label for article, _ in told))
    said = "; ".join(f'{party}: "{value}"' for party, value in told[0][1])
    description = f"The parties disagree on the figure (reported by {reporters}): {said}."
    return Conflict(in_order(dispute.claim_ids), "number", description, values)


def _as_party(party: str) -> str:
    """A party as a sentence goes on to name it: "The union" opening one is "the union"."""
    return "the" + party[3:] if party.startswith("The ") else party


def _as_written(text: str, figure: Figure) -> str:
    """The figure as the sentence gives it: with a word that rounds it before ("about 5,000") and
    what it counts right after ("19 hours"), if there."""
    before = text[: figure.start].split()[-1:]
    after = text[figure.end :].split()[:1]
    shown = figure.raw
    if before and before[0].lower() in APPROXIMATIONS:
        shown = f"{before[0]} {shown}"
    if after and figure.head and after[0].strip(".,;:") == figure.head and not figure.percent:
        shown = f"{shown} {figure.head}"
    return shown


def _joined(found: dict[tuple[tuple[str, ...], ConflictKind], _Found]) -> list[tuple[set[str], _Found]]:
    """Disagreements of one kind that are one dispute (``_one_dispute``: the injured count as
    each outlet gives it) are told once, with one value per article. A claim
    that mixes facts may hold two disputes with no value in common (members, hours): they stay
    apart."""
    joined: list[tuple[set[str], _Found]] = []
    for (claim_ids, kind), entry in found.items():
        ids, merged = set(claim_ids), _Found(kind, dict(entry.values), set(entry.cued))
        for other in [j for j in joined if j[1].kind == kind and _one_dispute(j, (ids, merged))]:
            joined.remove(other)
            ids |= other[0]
            merged.values = {**merged.values, **other[1].values}
            merged.cued |= other[1].cued
        joined.append((ids, merged))
    return joined


def _one_dispute(first: tuple[set[str], _Found], second: tuple[set[str], _Found]) -> bool:
    """Two disagreements are one dispute when they share a claim and a value (a figure by its
    number: "Eleven workers", "eleven people"), or two values (the count told in claims that
    alignment kept apart)."""
    shared = _said(first[1]) & _said(second[1])
    return len(shared) >= 2 or bool(shared and first[0] & second[0])


def _said(found: _Found) -> set[str | float | None]:
    if found.kind != "number":
        return set(found.values.values())
    return {_number(value) for value in found.values.values()}


def _number(value: str) -> float | None:
    return next((f.value for f in figures(value)), None)


def _fuller(kind: ConflictKind, current: str | None, value: str) -> str:
    """An article's value: the first found, or the same figure told with what it counts ("12
    workers" in the body rather than "12" in the headline)."""
    if current is None or (
        kind == "number" and _number(current) == _number(value) and len(value) > len(current)
    ):
        return value
    return current


def comparable_pairs(
    units: list[ClaimUnit],
    features: list[Features],
    similarity: np.ndarray,
    claim_ids: list[str],
    sources: dict[str, str],
) -> list[tuple[int, int]]:
    """Pairs of independent sources in one aligned claim, or close enough to state one fact; a
    claim denying an actor ("it was X, not Y, who left") is also read against the claims that
    tell the event it corrects (``_corrections``), as the account it disputes is worded otherwise."""
    ids = np.array(claim_ids)
    corrected = _corrections(units, features)
    close = np.triu((ids[:, None] == ids[None, :]) | (similarity >= THRESHOLDS.same_fact) | corrected, k=1)
    return [
        (int(i), int(j))
        for i, j in zip(*np.nonzero(close), strict=True)
        if sources[units[i].article.id] != sources[units[j].article.id]
    ]


def _corrections(units: list[ClaimUnit], features: list[Features]) -> np.ndarray:
    """Per pair of claims: one corrects who did what the other tells (``corrects``) and its
    correction clause ("it was the other delegation which first left, and not ours") is close to
    the other claim, or the other tells the event in the correction's words. A reported
    correction ("The envoy declared on Friday that it was ...") is close to the account it
    disputes only without its reporting frame, so the clause is embedded apart."""
    found = np.zeros((len(units), len(units)), dtype=bool)
    owners = [(i, contrast) for i, f in enumerate(features) for contrast in f.denies]
    if not owners:
        return found
    claims = np.stack([u.vector for u in units])
    clauses = embed([contrast.clause for _, contrast in owners]) @ claims.T
    for (i, contrast), close in zip(owners, clauses >= THRESHOLDS.candidate, strict=True):
        for j, theirs in enumerate(features):
            # ``corrects`` and close, or its event told in its words (which ``corrects`` holds)
            found[i, j] |= contrast.tells_event(theirs.words) or bool(
                close[j] and features[i].dates & theirs.dates
            )
    return found | found.T


def corrects(own: Features, contrast: Contrast, theirs: Features) -> bool:
    """``theirs`` tells the event ``contrast`` corrects: half its words, or a date of the
    correction ("walked out on Thursday"); a claim naming the denied actor about something else
    ("Y sent its envoy") disputes nothing."""
    return contrast.tells_event(theirs.words) or bool(own.dates & theirs.dates)


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
        and not _far_apart(a.value, b.value)
        and _same_head(a, b)
        and _same_count(a, b)
        and not any(c.value == a.value for c in second)
        and not any(c.value == b.value for c in first)
    ]


def _lone_figures_disagree(a: Figure, b: Figure) -> bool:
    """A claim's only figure against another's: the same fact's value when they count the same
    thing ("180 porters took part", "95 porters joined"; not "600 soldiers" against "12 as the
    river rose"), or for shares, when one of them does not say of what ("by 4.9 per cent")."""
    if not _differ(a, b):
        return False
    return _same_head(a, b) or (a.percent and not (a.context and b.context))


def _same_head(a: Figure, b: Figure) -> bool:
    """The same first word after both, or two of the lexicon's nouns for one count ("14 houses",
    "20 homes"); for a common noun ("people") another word besides: "nine people have lost their
    lives" and "four people were still missing" count two things."""
    if a.head is None or b.head is None:
        return False
    count_noun = load_lexicon().count_noun
    if count_noun(a.head) != count_noun(b.head):
        return False
    return not content_words(a.head) <= GENERIC_NOUNS or bool((a.context & b.context) - {a.head})


def _far_apart(first: float, second: float) -> bool:
    """Figures more than ``MAX_RATIO`` apart count different things ("18,000 patients" across the
    country, "4,000 patients" at one hospital): accounts of one count differ by less."""
    low, high = sorted((first, second))
    return low <= 0 or high / low > MAX_RATIO


def _rounded_alike(first: float, second: float) -> bool:
    """Equal, or one a round figure (three significant digits or fewer: "18,400", "1.2 million")
    within 5% of the other (18,412)."""
    if first == second:
        return True
    rounded = any(v >= 100 and v % 10 ** (len(str(int(v))) - 3) == 0 for v in (first, second))
    return rounded and abs(first - second) <= ROUNDING * max(first, second)


def _same_count(a: Figure, b: Figure) -> bool:
    """What the figures count agrees: most words after them shared, or all of the shorter's (two or more)."""
    smaller, larger = sorted((a.context, b.context), key=len)
    return jaccard(set(a.context), set(b.context)) >= 0.5 or (len(smaller) >= 2 and smaller <= larger)


def disagreements(
    a: ClaimUnit, b: ClaimUnit, fa: Features, fb: Features
) -> Iterator[tuple[ConflictKind, str, str]]:
    """Figures are compared by what they count; the rest only between claims worded alike."""
    ca, cb = fa.counts, fb.counts
    alike = _of_one_kind(fa, fb)
    for x, y in (alike(figures_disagree(fa.figures, fb.figures)) or alike(counts_disagree(ca, cb)))[:1]:
        yield "number", _figure_value(x, ca), _figure_value(y, cb)
    if _dates_clash(a, b, fa, fb):
        yield "date", _date_value(a), _date_value(b)
    times = _times_clash(fa, fb)
    if times:
        yield "date", *times
    actors = _actor_denied(a, b, fa, fb)
    if actors:
        yield "entity", *actors
        return
    if jaccard(fa.words, fb.words) < SAME_WORDING:
        return
    opposite = load_lexicon().opposite_pair(fa.polar, fb.polar)
    if opposite:
        yield "negation", opposite[0], opposite[1]
    elif fa.negated != fb.negated and jaccard(fa.words, fb.words) >= NEGATION_WORDING:
        yield "negation", _polarity(a, fa), _polarity(b, fb)
    names = _names_differ(a, b, fa, fb)
    if names:
        yield "entity", *names


def counts_disagree(first: list[Count], second: list[Count]) -> list[tuple[Figure, Figure]]:
    """Figures read by what they count (``compare.counts``) that give one thing different values:
    the same noun right after both, unless it is too common to name one thing ("60 firefighters",
    "70 firefighters"; not "12 people" against "40 people"), or each claim's only figure when one
    is named by the words before it and those share a word ("1.2 million customers' data" against
    "people caught up in the data breach has risen to 2.1 million"); a number added ("40
    additional dockers") is never a total's value."""
    if len(first) == len(second) == 1 and None in (first[0].noun, second[0].noun):
        a, b = first[0], second[0]
        alike = a.increment == b.increment and bool(a.words & b.words)
        return [(a.figure, b.figure)] if alike and _differ(a.figure, b.figure) else []
    return [
        (a.figure, b.figure)
        for a in first
        for b in second
        if a.key is not None
        and a.key == b.key
        and a.increment == b.increment
        and a.key not in GENERIC_NOUNS
        and _differ(a.figure, b.figure)
        and not any(c.figure.value == a.figure.value for c in second)
        and not any(c.figure.value == b.figure.value for c in first)
    ]


def _differ(first: Figure, second: Figure) -> bool:
    """Two values of one kind (both shares or neither) that neither rounding nor scale explains."""
    return (
        first.percent == second.percent
        and not _rounded_alike(first.value, second.value)
        and not _far_apart(first.value, second.value)
    )


def _counts_apart(
    units: list[ClaimUnit],
    features: list[Features],
    similarity: np.ndarray,
    claim_ids: list[str],
    sources: dict[str, str],
    compared: list[tuple[int, int]],
) -> list[tuple[int, int, str, str]]:
    """The same thing counted differently in claims that alignment kept apart ("about 450
    tractors had taken part", "nearly 500 tractors clogged every road"): claims of independent
    sources, close enough to be a candidate pair (``THRESHOLDS.candidate``), giving different
    values for the same uncommon noun; not claims dated in different years ("38 million markas
    set aside in 2021", "released 50 million markas on Tuesday"): a count that changes within
    days is an update of one count ("four dead" on Monday, "nine dead" on Tuesday), one of
    another year is another count."""
    counted = [own.counts for own in features]
    seen = set(compared)
    found = []
    for i, j in sorted(_same_noun_pairs(counted)):
        if (
            (i, j) in seen
            or claim_ids[i] == claim_ids[j]
            or sources[units[i].article.id] == sources[units[j].article.id]
            or similarity[i, j] < THRESHOLDS.candidate
            or _other_years(features[i], features[j])
        ):
            continue
        for x, y in _of_one_kind(features[i], features[j])(counts_disagree(counted[i], counted[j]))[:1]:
            found.append((i, j, _figure_value(x, counted[i]), _figure_value(y, counted[j])))
    return found


def _of_one_kind(
    fa: Features, fb: Features
) -> Callable[[list[tuple[Figure, Figure]]], list[tuple[Figure, Figure]]]:
    """A filter keeping the figure pairs of one kind. Of one stage: a figure asked for or offered
    ("asking for 9%") is no value of the figure agreed ("under the agreement, 6.5%"), and a
    figure of no stage is compared with any. Both limits or neither: a cap ("a cap of 12 hours")
    is no value of the measure it limits ("averaged 19 hours")."""

    def alike(pairs: list[tuple[Figure, Figure]]) -> list[tuple[Figure, Figure]]:
        return [
            (x, y)
            for x, y in pairs
            if (x.start in fa.limits) == (y.start in fb.limits)
            and (
                None in (stage_x := fa.stages.get(x.start), stage_y := fb.stages.get(y.start))
                or stage_x == stage_y
            )
        ]

    return alike


def _other_years(a: Features, b: Features) -> bool:
    """The claims are dated in different years."""
    return a.when is not None and b.when is not None and a.when[:4] != b.when[:4]


def _same_noun_pairs(counted: list[list[Count]]) -> set[tuple[int, int]]:
    """Pairs of units (by index, first < second) counting one uncommon noun."""
    by_noun: dict[str, list[int]] = defaultdict(list)
    for i, own in enumerate(counted):
        for key in {c.key for c in own if c.key} - GENERIC_NOUNS:
            by_noun[key].append(i)
    return {(i, j) for members in by_noun.values() for n, i in enumerate(members) for j in members[n + 1 :]}


def _cued(unit: ClaimUnit, value: str) -> bool:
    """The figure that ``value`` names is stated as new: an update cue of the lexicon ("has risen
    to", "now") right before it, within ``CUE_WINDOW`` words."""
    cues = load_lexicon().update_cue_words
    for figure in figures(unit.text):
        if value == figure.raw or value.startswith(figure.raw + " "):
            before = unit.text[: figure.start].split()[-CUE_WINDOW:]
            return bool(content_words(" ".join(before)) & cues)
    return False


def _figure_value(figure: Figure, counted: list[Count]) -> str:
    """The figure as written and the noun right after it, if any ("12 workers", "2.1 million")."""
    noun = next((c.noun for c in counted if c.figure == figure), None)
    return f"{figure.raw} {noun}" if noun and not figure.percent else figure.raw


def _dates_clash(a: ClaimUnit, b: ClaimUnit, fa: Features, fb: Features) -> bool:
    """One date each, different, for one event: the claims worded alike, or the words before
    each date in its clause (what happened then: "Whitlock resigned", "Whitlock quit") alike;
    not when a date is its own article's day ("today" in articles of different days)."""
    if not dates_disagree(fa.dates, fb.dates) or _said_of_today(a) or _said_of_today(b):
        return False
    if fa.plan or fb.plan:
        return False  # a plan against an event ("would send inspectors on Tuesday"), or a weekday misread
    return jaccard(fa.words, fb.words) >= SAME_WORDING or jaccard(fa.event, fb.event) >= SAME_WORDING


def _times_clash(fa: Features, fb: Features) -> tuple[str, str] | None:
    """One clock time each (``Features.clocks``), ``TIMES_APART`` or more apart, on no other day,
    neither a plan: "clashes began at about 3 p.m." / "just after 4 p.m."; not "5.40 a.m." /
    "just before 6am", which tell one moment."""
    if fa.plan or fb.plan or dates_disagree(fa.dates, fb.dates):
        return None
    first, second = fa.clocks, fb.clocks
    if len(first) != 1 or len(second) != 1 or apart(first[0], second[0]) < TIMES_APART:
        return None
    return first[0].raw, second[0].raw


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


def _names_differ(a: ClaimUnit, b: ClaimUnit, fa: Features, fb: Features) -> tuple[str, str] | None:
    """The same thing said of another person, organisation or place: the words outside names
    alike, and each claim naming one of a type that the other's article never names ("Fire broke
    out on the ferry off Lunesse" and "Fire broke out aboard the Lisandra" name the port and the
    ship, both of which each article names)."""
    if jaccard(fa.frame, fb.frame) < SAME_WORDING:
        return None
    in_a, in_b = _article_text(a), _article_text(b)
    for kind in _ACTOR_TYPES:
        own = [text for sid, (t, text) in fa.named.items() if t == kind and sid not in fb.named]
        other = [text for sid, (t, text) in fb.named.items() if t == kind and sid not in fa.named]
        own, other = [t for t in own if t not in in_b], [t for t in other if t not in in_a]
        if own and other:
            return own[0], other[0]
    return None


def _article_text(unit: ClaimUnit) -> str:
    article = unit.article
    return " ".join(t for t in (article.title, article.subtitle, article.text) if t)


def _actor_denied(a: ClaimUnit, b: ClaimUnit, fa: Features, fb: Features) -> tuple[str, str] | None:
    """One claim denies the actor the other names ("it was X, not Y" against "Y walked out") in
    its account of the corrected event (``corrects``): the asserted actor (or "not Y") and the
    other's name for Y, in the order a, b."""
    for second, own, theirs, flip in ((b, fa, fb, False), (a, fb, fa, True)):
        for contrast in own.denies:
            if not corrects(own, contrast, theirs):
                continue
            word = names_denied(contrast, second.text)
            if word:
                said = contrast.asserted or f"not {contrast.denied}"
                named = _actor_phrase(second, word)
                return (named, said) if flip else (said, named)
    return None


def _actor_phrase(unit: ClaimUnit, word: str) -> str:
    """The name that holds ``word`` ("Ostrelia"), or the word with the name it titles ("chairman
    Odo Brant")."""
    at = unit.text.find(word) + unit.start
    for mention in unit.mentions:
        if mention.start <= at < mention.end:
            return mention.text
        if 0 <= mention.start - (at + len(word)) <= 1:
            return unit.article.span_text(at, mention.end, unit.field)
    return word


def _conflict(claim_ids: list[str], found: _Found, articles: dict[str, Article]) -> Conflict:
    values = [
        ConflictValue(article_id, value, _published(articles[article_id]))
        for article_id, value in sorted(found.values.items(), key=lambda kv: _when(articles[kv[0]]))
    ]
    update = found.kind == "number" and _is_update(values, articles, found.cued)
    return Conflict(claim_ids, found.kind, _describe(found.kind, values, articles, update), values, update)


def _is_update(values: list[ConflictValue], articles: dict[str, Article], cued: set[str]) -> bool:
    """Each figure's articles all published after the previous figure's, and each later figure
    said to be new ("has risen to", "now"): a developing story. A later figure without a cue is
    another outlet's account, a contradiction."""
    spans: dict[str, list] = defaultdict(list)
    for value in values:
        published = articles[value.article_id].published
        if published is None:
            return False
        spans[value.value].append(published)
    periods = sorted((min(times), max(times), value) for value, times in spans.items())
    return all(
        later[0] > earlier[1] and later[2] in cued
        for earlier, later in zip(periods, periods[1:], strict=False)
    )


_WHAT = {"number": "figure", "date": "date", "entity": "actor", "negation": "outcome", "other": "account"}


def _describe(
    kind: ConflictKind, values: list[ConflictValue], articles: dict[str, Article], update: bool
) -> str:
    said = [f'{articles[v.article_id].outlet_label}: "{v.value}"' for v in values]
    what = "time" if kind == "date" and all(clock_times(v.value) for v in values) else _WHAT[kind]
    if update:
        dated = [f"{s} ({v.published})" for s, v in zip(said, values, strict=True)]
        return f"The {what} was updated as the story developed: " + ", then ".join(dated) + "."
    return f"The outlets disagree on the {what}: " + "; ".join(said) + "."


def _published(article: Article) -> str | None:
    return article.published.isoformat() if article.published else None


def _when(article: Article) -> tuple:
    return (article.published is None, article.published.timestamp() if article.published else 0, article.id)
