"""Alignment: claims of different articles that state the same fact, grouped.

Sentence embeddings propose candidates; what must agree checks them. Two claims are compared by
the mean of their cosine with names and with names masked (``grouping_similarity``): who is
named and what is said of them must both agree. A pair joins at ``group``, when no other check
keeps it apart (other days' events, what is said of the parties). A figure,
date or negation that disagrees does not split such a pair: it makes it a candidate conflict,
which ``conflicts`` then reads. Groups form best pair first (average linkage): two claims of one
article and text field share a group only when they say the same thing themselves (an article
restating a fact), and a claim joins a group only when it is close to the group as a whole, not
to one member; then each claim moves to the group it is closest to on average, if another.
Headlines and standfirsts join last, so they never bridge two body claims. The
thresholds are fitted on our own development data, never on the sample corpus: ``group`` and
``backs`` on whole stories with every statement labelled (``bench/alignment_stories.py``), the
others on labelled pairs (``bench/alignment_fit.py``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

import numpy as np

from storylens.compare.claims import ClaimUnit, lead_day
from storylens.compare.clock import ClockTime, clock_times
from storylens.compare.contrast import Contrast, contrasts
from storylens.compare.counts import Count, counts
from storylens.compare.entities import StoryEntities
from storylens.compare.lexicon import load_lexicon
from storylens.compare.text import Figure, content_words, figures, jaccard
from storylens.models import Claim, Support, TemporalExpression


@dataclass(frozen=True)
class Thresholds:
    """When two claims state the same fact."""

    candidate: float  # cosine similarity of a candidate pair (conflicts, summary; fitted on pairs)
    strong: float  # cosine similarity that joins a pair with nothing else shared
    shared_wording: float  # content-word Jaccard that anchors a candidate pair
    same_fact: float = 1.0  # cosine at which claims of different groups are compared for conflicts
    same_day: float = 0.0  # added to the cosine of two claims telling an event of the same day
    backs: float = 1.0  # similarity at which a claim that does not disagree says the same (summary)
    said: float = -1.0  # least cosine of the claims with names masked: what they say of them
    # least ``grouping_similarity`` of a pair that joins, and of a claim to a group it joins
    group: float = 1.0


# Fitted on our own development data (docs/comparison.md): `group` and `backs` by
# bench/alignment_stories.py on whole stories (tests/fixtures/alignment_stories/), the others by
# bench/alignment_fit.py on labelled pairs (tests/fixtures/alignment_dev.jsonl).
THRESHOLDS = Thresholds(
    candidate=0.4,
    strong=0.95,
    shared_wording=0.0,
    same_fact=0.65,
    same_day=0.15,
    backs=0.6,
    said=0.3,
    group=0.45,
)
HEADLINE_WEIGHT, LEAD_WEIGHT = 0.5, 0.25  # below one outlet: breadth of coverage comes first
SAME_WORDING = 0.5  # Jaccard of content words: the same statement, perhaps with another date
DAY_LENGTH = len("2025-03-05")  # a date resolved to the day
# A plan ("will meet on Tuesday"): the analysis resolves a weekday to the past one, so its date
# may be misread.
PLAN = re.compile(r"\b(?:will|would|shall|(?:is|are|was|were) due to|plans? to)\b", re.IGNORECASE)
# A figure that sets a limit: "a cap of 12 hours", "capped at a maximum of 12", "a 12-hour cap".
_LIMIT = r"(?:cap|capped|limit|limited|ceiling|maximum)"
# what it limits may come between: "a limit of overtime work of 10 hours", "a cap on overtime at 12"
_LIMITED = r"(?:\s+(?:on|of)(?:\s+[\w'’-]+){1,3}?)?"
_LIMIT_BEFORE = re.compile(_LIMIT + _LIMITED + r"\s+(?:(?:of|at|to)\s+)?(?:(?:a|an|the)\s+)?$", re.IGNORECASE)
_LIMIT_AFTER = re.compile(r"\W*(?:[\w-]+\W+)?" + _LIMIT + r"\b", re.IGNORECASE)


@dataclass
class Features:
    """What must agree between two claims stating the same fact."""

    words: set[str]
    figures: list[Figure]
    dates: set[str]
    entities: set[str]
    negated: bool
    polar: frozenset[str]  # polarity words used ("agreed", "refused")
    named: dict[str, tuple[str, str]]  # story entity id -> (type, text as first written), in order
    frame: set[str]  # the content words outside names: what is said of them
    plan: bool = False  # speaks of a plan, so its date may be misread (``PLAN``)
    event: set[str] = field(default_factory=set)  # what happened on its date (``_event``)
    # its date: the first, the day of the event it tells ("since 2023" follows); a headline with
    # none tells its lead's event, so it takes the lead's day (``claims.lead_day``)
    when: str | None = None
    denies: list[Contrast] = field(default_factory=list)  # actors it denies ("not the chairman")
    counts: list[Count] = field(default_factory=list)  # its figures with what they count (``_counts``)
    clocks: list[ClockTime] = field(default_factory=list)  # its times of day (``compare.clock``)
    # figure start -> its stage, "sought" or "agreed", where a cue before it says (``Lexicon.stage_before``)
    stages: dict[int, str] = field(default_factory=dict)
    limits: set[int] = field(default_factory=set)  # starts of figures that set a limit (``_limits``)

    @classmethod
    def of(cls, unit: ClaimUnit, entities: StoryEntities) -> Features:
        date_spans = [(d.start - unit.start, d.end - unit.start) for d in unit.dates]
        named = named_entities(unit, entities)
        words = content_words(unit.text)
        found = figures(unit.text, date_spans)
        frame = words - content_words(" ".join(text for _, text in named.values()))
        return cls(
            words=words,
            figures=found,
            dates={d.value for d in unit.dates if d.value},
            entities=set(named),
            negated=load_lexicon().negated(unit.text),
            polar=load_lexicon().polar_words(unit.text),
            named=named,
            frame=frame,
            plan=_plan(unit),
            event=_event(unit),
            when=_when(unit),
            denies=contrasts(unit.text),
            counts=_counts(unit, found, date_spans, frame),
            clocks=clock_times(unit.text),
            stages=_stages(unit, found),
            limits=_limits(unit.text, found),
        )


def _counts(
    unit: ClaimUnit, found: list[Figure], dates: list[tuple[int, int]], frame: set[str]
) -> list[Count]:
    """The claim's figures with what they count, names left out (every claim of a story names its
    place: "Ashby" ties no two counts)."""
    cues = load_lexicon().update_cue_words
    return [replace(c, words=c.words & frame) for c in counts(unit.text, found, dates, cues)]


def story_features(units: list[ClaimUnit], entities: StoryEntities) -> list[Features]:
    """Each unit's features, a figure no cue stages taking the stage its article gives the same
    value elsewhere, when that is one stage ("9% pay grab" in a headline over the body's
    "radical demands: a 9% pay hike"): an article uses one value for one thing."""
    features = [Features.of(unit, entities) for unit in units]
    known: dict[tuple[str, float, bool], set[str]] = defaultdict(set)
    for unit, own in zip(units, features, strict=True):
        for figure in own.figures:
            if figure.start in own.stages:
                known[(unit.article.id, figure.value, figure.percent)].add(own.stages[figure.start])
    for unit, own in zip(units, features, strict=True):
        for figure in own.figures:
            stages = known.get((unit.article.id, figure.value, figure.percent), set())
            if figure.start not in own.stages and len(stages) == 1:
                own.stages[figure.start] = next(iter(stages))
    return features


def _stages(unit: ClaimUnit, found: list[Figure]) -> dict[int, str]:
    """Each figure's stage by the cues before it in its sentence, from the sentence's start: a
    clause cut from "… a list of radical demands: a 9% pay hike …" keeps its cue."""
    before = _sentence_before(unit)
    text = before + unit.text
    staged = {f.start: load_lexicon().stage_before(text, len(before) + f.start) for f in found}
    return {start: stage for start, stage in staged.items() if stage}


def _limits(text: str, found: list[Figure]) -> set[int]:
    """The figures that set a limit ("a cap of 12 hours", "capped at 12 hours", "a 10-hour
    cap"), which are no value of the measure they limit ("averaged 19 hours")."""
    return {
        f.start for f in found if _LIMIT_BEFORE.search(text[: f.start]) or _LIMIT_AFTER.match(text[f.end :])
    }


def _sentence_before(unit: ClaimUnit) -> str:
    """The text of the unit's sentence before the unit (a clause's sentence start to it)."""
    if unit.in_headline:
        return ""
    starts = [s.start for s in unit.article.sentences if s.start <= unit.start]
    return unit.article.span_text(max(starts), unit.start, "text") if starts else ""


def _when(unit: ClaimUnit) -> str | None:
    dated = [d for d in unit.dates if not d.expression.lower().startswith("since ")]
    if dated:
        return min(dated, key=lambda d: d.start).value
    return lead_day(unit.article) if unit.in_headline else None


def _first_date(unit: ClaimUnit) -> TemporalExpression:
    return min(unit.dates, key=lambda d: d.start)


def _plan(unit: ClaimUnit) -> bool:
    """A plan word before the claim's date ("will meet on Tuesday"), not one after it ("suspended
    on Thursday, a day before they were due to end")."""
    end = _first_date(unit).end - unit.start if unit.dates else len(unit.text)
    return bool(PLAN.search(unit.text[:end]))


def _event(unit: ClaimUnit) -> set[str]:
    """The content words before the claim's date in its clause: what happened on that date."""
    if not unit.dates:
        return set()
    before = unit.text[: _first_date(unit).start - unit.start]
    return content_words(re.split(r"[;,:—–]", before)[-1])


def named_entities(unit: ClaimUnit, entities: StoryEntities) -> dict[str, tuple[str, str]]:
    """Story entity id -> (type, text as first written) of each entity the claim names, in order."""
    named: dict[str, tuple[str, str]] = {}
    for mention in sorted(unit.mentions, key=lambda m: m.start):
        story_id = entities.of_mention(mention.entity_key)
        if story_id:
            named.setdefault(story_id, (mention.type, mention.text))
    return named


def anchored(a: Features, b: Features, thresholds: Thresholds = THRESHOLDS) -> bool:
    """Something besides the embedding ties the pair: an entity, a date, a figure or wording."""
    return bool(
        a.entities & b.entities
        or a.dates & b.dates
        or {f.value for f in a.figures} & {f.value for f in b.figures}
        or jaccard(a.words, b.words) >= thresholds.shared_wording
    )


def dates_disagree(first: set[str], second: set[str]) -> bool:
    """One date each, different at their common precision ("2025-03" agrees with "2025-03-04")."""
    if len(first) != 1 or len(second) != 1:
        return False
    (a,), (b,) = first, second
    common = min(len(a), len(b))
    return a[:common] != b[:common]


def dated_apart(a: Features, b: Features) -> bool:
    """Two events of different days ("talks began on 5 March" / "Thursday's session lasted three
    hours"): the claims' dates (``Features.when``) different, worded apart. Worded alike, they are one
    fact told with two dates, a conflict to report, as are claims whose words before the date
    (what happened then), names aside, are alike: "talks opened on Wednesday" and "talks were
    suspended on Thursday" name the same two countries but tell two events. A plan's date may be
    misread, so it never keeps claims apart."""
    return (
        a.when is not None
        and b.when is not None
        and dates_disagree({a.when}, {b.when})
        and not (a.plan or b.plan)
        and jaccard(a.frame, b.frame) < SAME_WORDING
        and jaccard(a.event & a.frame, b.event & b.frame) < SAME_WORDING
    )


def pair_joins(
    similarity: float,
    a: Features,
    b: Features,
    thresholds: Thresholds = THRESHOLDS,
    said: float = 1.0,
    floor: float | None = None,
) -> bool:
    """The two claims state the same fact, agreeing or not on its figure, date or polarity; not
    two events of different days (``dated_apart``), nor two things said of the same parties
    (``said``: their cosine with names masked, ``similarity.said_similarity``, under
    ``thresholds.said``). A shared day adds ``same_day`` to their similarity ("opened on
    Wednesday" / "began on 5 March", that Wednesday). ``floor``: the least similarity, by default
    ``candidate`` (a cosine, as the pair fit compares); grouping passes ``group`` with its own
    similarity (``_joins``)."""
    if dated_apart(a, b) or said < thresholds.said:
        return False
    similarity += thresholds.same_day * same_day(a, b)
    return similarity >= thresholds.strong or (
        similarity >= (thresholds.candidate if floor is None else floor) and anchored(a, b, thresholds)
    )


def same_day(a: Features, b: Features) -> bool:
    """Both claims tell an event of one day, the same ("on Wednesday" read as "2025-03-05")."""
    return a.when is not None and len(a.when) == DAY_LENGTH and a.when == b.when


def align(
    units: list[ClaimUnit],
    similarity: np.ndarray,
    features: list[Features],
    thresholds: Thresholds = THRESHOLDS,
    said: np.ndarray | None = None,
) -> list[list[int]]:
    """Groups of unit indices, each one fact; every unit is in exactly one group.
    ``similarity``: cosine similarity of the units' embeddings; ``said``: the same with names
    masked. Claims group on the mean of the two (``grouping_similarity``) at ``group``; none
    given, on ``similarity`` alone, and no pair is kept apart by ``said`` (``pair_joins``).

    Body claims group first; then each headline or standfirst joins the group it is closest to.
    A headline tells several facts at once ("Chaos in Geneva as peace bid collapses"), so it is
    close to claims that are not close to each other: linked with them, it would bridge them
    into one group. Headlines no body group takes group among themselves."""
    clash = _clashes(units, similarity, thresholds)
    votes = _date_votes(features)
    body = [i for i, u in enumerate(units) if not u.in_headline]
    heads = [i for i, u in enumerate(units) if u.in_headline]
    alike = similarity if said is None else grouping_similarity(similarity, said)
    said = np.ones_like(similarity) if said is None else said
    link = (units, alike, said, features, clash, votes, thresholds)
    groups = _reassign(_link(body, *link), clash, alike, votes, thresholds)
    alone = _attach(heads, groups, units, alike, said, features, votes, thresholds)
    groups = [*groups, *_link(alone, *link)]
    return sorted(groups, key=lambda g: min(g))


def grouping_similarity(similarity: np.ndarray, said: np.ndarray) -> np.ndarray:
    """How alike two claims are when grouping: the mean of their cosine with and without names.
    Who is named and what is said of them must both agree for one fact. In a story most claims
    name the same parties, so the plain cosine joined sentences that share a name only; the
    masked cosine alone joins what is said of different parties. On our development stories
    (``bench/alignment_stories.py``) the mean groups better than either, and a logistic fit of the
    two weighs them alike."""
    return (similarity + said) / 2


def _link(
    among: list[int],
    units: list[ClaimUnit],
    similarity: np.ndarray,
    said: np.ndarray,
    features: list[Features],
    clash: np.ndarray,
    votes: np.ndarray,
    thresholds: Thresholds,
) -> list[list[int]]:
    """Groups of the claims ``among``, best pair first, average linkage (see the module's doc);
    two groups holding claims that clash (``_clashes``) stay apart."""
    index = np.array(among, dtype=int)
    local = similarity[np.ix_(index, index)]
    rows, cols = np.nonzero(np.triu(local >= thresholds.group, k=1))
    order = np.argsort(-local[rows, cols], kind="stable")
    group_of = {i: i for i in among}
    members: dict[int, list[int]] = {i: [i] for i in among}
    for i, j in zip(index[rows[order]].tolist(), index[cols[order]].tolist(), strict=True):
        a, b = group_of[i], group_of[j]
        if a == b or units[i].article.id == units[j].article.id:
            continue
        if not _joins(i, j, similarity, said, features, thresholds):
            continue
        pairs = np.ix_(members[a], members[b])
        if clash[pairs].any() or votes[pairs].sum() > 0 or similarity[pairs].mean() < thresholds.group:
            continue
        for k in members[b]:
            group_of[k] = a
        members[a] += members.pop(b)
    return list(members.values())


def _joins(
    i: int, j: int, similarity: np.ndarray, said: np.ndarray, features: list[Features], thresholds: Thresholds
) -> bool:
    """Claims i and j may share a group (``pair_joins`` on the grouping similarity)."""
    pair = (float(similarity[i, j]), features[i], features[j], thresholds, float(said[i, j]))
    return pair_joins(*pair, floor=thresholds.group)


def _attach(
    heads: list[int],
    groups: list[list[int]],
    units: list[ClaimUnit],
    similarity: np.ndarray,
    said: np.ndarray,
    features: list[Features],
    votes: np.ndarray,
    thresholds: Thresholds,
) -> list[int]:
    """Add each headline claim to the body group it is closest to on average, when that mean is
    at least ``group``, one member pair joins (``pair_joins``), its date tells no other day's
    event, and, for a title, the group is told by its own article's body or by two other
    articles' (a title tells several facts loosely: one other outlet's clause is too weak a
    witness; a standfirst is a sentence of the article's own and joins as before); return the
    headline claims left alone. Means are taken over body claims only, so a
    headline never draws another into a group."""
    alone = []
    bodies = [list(g) for g in groups]
    for h in heads:
        means = [similarity[h, members].mean() for members in bodies]
        for g in np.argsort(means)[::-1].tolist():
            if means[g] < thresholds.group:
                alone.append(h)
                break
            members = bodies[g]
            if not _witnessed(h, members, units):
                continue
            if votes[h, members].sum() <= 0 and any(
                _joins(h, j, similarity, said, features, thresholds) for j in members
            ):
                groups[g].append(h)
                break
        else:
            alone.append(h)
    return alone


def _witnessed(head: int, members: list[int], units: list[ClaimUnit]) -> bool:
    """The body group states what the headline may tell: any group for a standfirst; for a
    title, one its own article's body states, or two other articles' (``_attach``)."""
    articles = {units[j].article.id for j in members}
    own = units[head].article.id
    return units[head].field != "title" or own in articles or len(articles) >= 2


def _reassign(
    groups: list[list[int]],
    clash: np.ndarray,
    similarity: np.ndarray,
    votes: np.ndarray,
    thresholds: Thresholds,
    rounds: int = 3,
) -> list[list[int]]:
    """Move each claim to the group it is closest to on average, if that is not its own.

    Best pair first never moves a claim once joined: a clause whose closest neighbour was in a
    loosely related group stays there, though another group states its fact and is closer to
    it as a whole (average linkage then kept the two groups apart). A claim moves to the group
    of highest mean similarity to it when that mean is at least ``group`` and above its mean
    to its own group's other members, no claim there clashes with it (``_clashes``), and
    its dated members tell no other day's event (``_date_votes``); a few rounds, until nothing
    moves. Sums are kept per group and updated on each move, so a round costs one pass over the
    claims. The groups may hold some of the claims only (the body's); the others stay out."""
    if not groups:
        return groups
    index = np.array(sorted(i for members in groups for i in members), dtype=int)
    position = {i: n for n, i in enumerate(index.tolist())}
    groups = [[position[i] for i in members] for members in groups]
    inside = np.ix_(index, index)
    clash, similarity, votes = clash[inside], similarity[inside], votes[inside]
    group_of = np.empty(len(index), dtype=int)
    for g, members in enumerate(groups):
        group_of[members] = g
    sizes = np.bincount(group_of, minlength=len(groups)).astype(float)
    order = np.argsort(group_of, kind="stable")
    sums = np.add.reduceat(similarity[:, order], np.searchsorted(group_of[order], range(len(groups))), axis=1)
    clashes = np.zeros_like(sums)  # per claim and group: members it clashes with
    rows, cols = np.nonzero(clash)
    np.add.at(clashes, (rows, group_of[cols]), 1)
    against = np.add.reduceat(votes[:, order], np.searchsorted(group_of[order], range(len(groups))), axis=1)
    for _ in range(rounds):
        moved = False
        for i in range(len(index)):
            own = group_of[i]
            mates = sizes[own] - 1
            own_mean = (sums[i, own] - similarity[i, i]) / mates if mates else -np.inf
            means = np.where((clashes[i] == 0) & (against[i] <= 0), sums[i] / np.maximum(sizes, 1), -np.inf)
            means[own] = -np.inf
            best = int(np.argmax(means))
            if means[best] <= own_mean or means[best] < thresholds.group:
                continue
            for table, column in ((sums, similarity[:, i]), (clashes, clash[:, i]), (against, votes[:, i])):
                table[:, own] -= column
                table[:, best] += column
            sizes[own] -= 1
            sizes[best] += 1
            group_of[i] = best
            moved = True
        if not moved:
            break
    regrouped: dict[int, list[int]] = {}
    for i, g in zip(index.tolist(), group_of.tolist(), strict=True):
        regrouped.setdefault(g, []).append(i)
    return list(regrouped.values())


def _clashes(units: list[ClaimUnit], similarity: np.ndarray, thresholds: Thresholds) -> np.ndarray:
    """Per pair of claims: both of one article's text field, and saying different things: two
    facts of that article, never one group's. An article may restate a fact (its lead, then a
    quote or a recap), and its headline and lead may both carry one; but its closest clause to
    a group must not be kept out because a looser one of its clauses joined first. Two clauses
    of one article are topically close, so they count as one fact only at ``same_fact``, the
    similarity the fit found to mark one fact across groups."""
    slot = _slot_ids(units)
    return (slot[:, None] == slot[None, :]) & (similarity < thresholds.same_fact)


def _date_votes(features: list[Features]) -> np.ndarray:
    """Per pair of claims with one date each (no plan): 1 when they tell events of different days
    (``dated_apart``), -1 when not; else 0. Two groups are kept apart when their cross pairs sum
    above 0, most of their dated pairs telling other days: an undated claim close to both
    ("the talks in Geneva ran for hours") must not bridge "began on 5 March" and "Thursday's
    session lasted three hours"; a group that already holds the other's day agrees with it."""
    votes = np.zeros((len(features), len(features)), dtype=np.float32)
    dated = [i for i, f in enumerate(features) if f.when and not f.plan]
    for n, i in enumerate(dated):
        for j in dated[n + 1 :]:
            votes[i, j] = votes[j, i] = 1 if dated_apart(features[i], features[j]) else -1
    return votes


def _slot_ids(units: list[ClaimUnit]) -> np.ndarray:
    """One number per (article, text field)."""
    ids: dict[tuple[str, str], int] = {}
    return np.array([ids.setdefault((u.article.id, u.field), len(ids)) for u in units])


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
    # a copy's support is shown but never counts: a line only an edited copy adds is no
    # independent report, and its original's own report is counted from the original
    carriers = {u.article.id for u in members if sources[u.article.id] == u.article.id}
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
    """The variant a careful reader would quote: body text opening as a sentence does (not a
    clause cut from mid-sentence, "injuring 12 workers"), no loaded words, not opening on a
    pronoun."""
    lexicon = load_lexicon()

    def rank(unit: ClaimUnit) -> tuple:
        opens_on_pronoun = unit.text.split(" ", 1)[0].lower() in {"he", "she", "they", "it", "this", "we"}
        mid_sentence = not unit.text.lstrip("\"'“‘")[:1].isupper()
        copy = unit.article.duplicate_of is not None
        return (unit.in_headline, mid_sentence, len(lexicon.loaded(unit.text)), opens_on_pronoun, copy)

    return min(units, key=rank)
