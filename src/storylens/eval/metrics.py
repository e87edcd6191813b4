"""Scoring functions for extraction, quotes and claims; pure, on plain values.

The callers (``storylens.eval.runner`` and the task modules) bring gold and predictions into
one coordinate system first: every span here counts characters of the same gold text, and
articles are named by the same :data:`~storylens.eval.gold.ArticleKey`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

Span = tuple[int, int]

MATCH_DICE = 0.5  # the matching rule: spans match at character Dice >= 0.5


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with the counts behind them; ``None`` where a ratio has no denominator."""

    tp: float
    predicted: float
    gold: float

    @property
    def precision(self) -> float | None:
        return self.tp / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        total = self.predicted + self.gold
        return 2 * self.tp / total if total else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def mean_or_none(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


# --------------------------------------------------------------------------- text


_WORD = re.compile(r"\w+")


def tokens(text: str | None) -> list[str]:
    """Word tokens, case kept: the unit of body P/R/F1 (punctuation and layout do not count)."""
    return _WORD.findall(text or "")


def token_prf(predicted: str | None, gold: str | None) -> PRF:
    """Bag-of-tokens overlap of one predicted body against its gold body."""
    pred, ref = Counter(tokens(predicted)), Counter(tokens(gold))
    return PRF(sum((pred & ref).values()), sum(pred.values()), sum(ref.values()))


def mean_prf(scores: Sequence[PRF]) -> dict[str, float | None]:
    """Macro average over documents: each article weighs the same whatever its length."""
    return {
        "precision": mean_or_none(s.precision for s in scores),
        "recall": mean_or_none(s.recall for s in scores),
        "f1": mean_or_none(s.f1 for s in scores),
        "documents": len(scores),
    }


def collapse_space(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def normalise_name(name: str | None) -> str:
    """A person's name for comparison: accents, case, punctuation and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters.casefold()).split())


# --------------------------------------------------------------------------- spans


def char_dice(a: Span, b: Span) -> float:
    """Character Dice of two half-open spans: 2|A∩B| / (|A| + |B|)."""
    overlap = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    total = (a[1] - a[0]) + (b[1] - b[0])
    return 2 * overlap / total if total > 0 else 0.0


def held_share(gold: Span, predicted: Span) -> float:
    """The share of the gold span's characters that the predicted span holds."""
    overlap = max(0, min(gold[1], predicted[1]) - max(gold[0], predicted[0]))
    return overlap / (gold[1] - gold[0]) if gold[1] > gold[0] else 0.0


def best_dice(
    spans: Iterable[Span], others: Iterable[Span], score: Callable[[Span, Span], float] = char_dice
) -> float:
    """The best ``score`` (character Dice unless told) of a span of ``spans`` against one of ``others``."""
    others = list(others)
    return max((score(a, b) for a in spans for b in others), default=0.0)


def match_one_to_one(scores: dict[tuple[int, int], float], threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: the best-scoring free pair first; ties by index, for repeatability."""
    ranked = sorted((pair for pair, s in scores.items() if s >= threshold), key=lambda p: (-scores[p], p))
    used_left: set[int] = set()
    used_right: set[int] = set()
    matched = []
    for left, right in ranked:
        if left not in used_left and right not in used_right:
            matched.append((left, right))
            used_left.add(left)
            used_right.add(right)
    return matched


# --------------------------------------------------------------------------- quotes


@dataclass(frozen=True)
class QuoteSpan:
    """A gold or predicted quote reduced to what scoring needs; offsets into the gold text."""

    start: int
    end: int
    speaker: str | None
    kind: str
    speaker_form: str | None = None
    field: str = "text"


def match_spans(gold: Sequence[Any], predicted: Sequence[Any]) -> list[tuple[int, int]]:
    """Gold/predicted index pairs of one article's spans (quotes, dates: anything with ``start``,
    ``end`` and ``field``), one-to-one by character Dice >= 0.5 in the same field."""
    scores = {
        (i, j): char_dice((g.start, g.end), (p.start, p.end))
        for i, g in enumerate(gold)
        for j, p in enumerate(predicted)
        if g.field == p.field
    }
    return match_one_to_one(scores, MATCH_DICE)


def same_speaker(gold: QuoteSpan, predicted: QuoteSpan) -> bool:
    """Canonical names equal once normalised; an unattributed gold quote wants no speaker."""
    return normalise_name(gold.speaker) == normalise_name(predicted.speaker)


@dataclass
class _Tally:
    gold: int = 0
    matched: int = 0
    speaker_right: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "recall": ratio(self.matched, self.gold),
            "speaker_accuracy": ratio(self.speaker_right, self.matched),
            "end_to_end_recall": ratio(self.speaker_right, self.gold),
        }


@dataclass
class _QuoteCounts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    kind_right: int = 0
    by_kind: dict[str, _Tally] = field(default_factory=dict)
    by_speaker_form: dict[str, _Tally] = field(default_factory=dict)


def quote_scores(articles: Iterable[tuple[Sequence[QuoteSpan], Sequence[QuoteSpan]]]) -> dict[str, Any]:
    """Quote detection and attribution over (gold, predicted) quote lists, one pair per article.

    The breakdowns by kind and by speaker form are by the gold quote's label (recall side):
    predictions carry no trustworthy speaker form to split precision by.
    """
    counts = _QuoteCounts()
    for gold, predicted in articles:
        _count_article(counts, gold, predicted)
    return {
        "quotes": PRF(counts.matched, counts.predicted, counts.gold).to_dict(),
        "speaker_accuracy": ratio(counts.speaker_right, counts.matched),
        "kind_accuracy": ratio(counts.kind_right, counts.matched),
        "end_to_end": PRF(counts.speaker_right, counts.predicted, counts.gold).to_dict(),
        "by_kind": {k: t.to_dict() for k, t in sorted(counts.by_kind.items())},
        "by_speaker_form": {k: t.to_dict() for k, t in sorted(counts.by_speaker_form.items())},
    }


def _count_article(counts: _QuoteCounts, gold: Sequence[QuoteSpan], predicted: Sequence[QuoteSpan]) -> None:
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    found = dict(match_spans(gold, predicted))
    for i, g in enumerate(gold):
        tallies = [
            counts.by_kind.setdefault(g.kind, _Tally()),
            counts.by_speaker_form.setdefault(g.speaker_form or "unknown", _Tally()),
        ]
        hit = i in found
        right = hit and same_speaker(g, predicted[found[i]])
        counts.matched += hit
        counts.speaker_right += right
        counts.kind_right += hit and predicted[found[i]].kind == g.kind
        for tally in tallies:
            tally.gold += 1
            tally.matched += hit
            tally.speaker_right += right


# --------------------------------------------------------------------------- claims

SpanMap = dict[Any, list[Span]]  # article key -> spans of the gold text supporting a fact or claim


@dataclass(frozen=True)
class FactSpans:
    """A gold fact or a predicted claim: id, status and its supporting spans per article."""

    id: str
    status: str
    spans: SpanMap
    event: str = ""


def _best_per_article(fact: FactSpans, claim: FactSpans, held: bool = False) -> list[float]:
    """For each article (and field) of the fact: the claim's best Dice against the fact's spans
    there; with ``held``, the largest share of a gold span that a claim span holds."""
    score = held_share if held else char_dice
    return [best_dice(spans, claim.spans.get(place, []), score) for place, spans in fact.spans.items()]


def coverage(fact: FactSpans, claim: FactSpans, held: bool = False) -> float | None:
    """Mean best Dice over the fact's articles when the claim covers every one at Dice >= 0.5, else
    None; with ``held``, by the share of each gold span the claim holds (>= 0.5) instead of Dice."""
    best = _best_per_article(fact, claim, held)
    if not best or min(best) < MATCH_DICE:
        return None
    return fmean(best)


def covered_share(fact: FactSpans, claim: FactSpans) -> float:
    """The share of the fact's articles in which the claim states it (Dice >= 0.5 there)."""
    best = _best_per_article(fact, claim)
    return sum(b >= MATCH_DICE for b in best) / len(best) if best else 0.0


def touches(fact: FactSpans, claim: FactSpans) -> bool:
    """The claim states the fact in at least one of its articles: Dice >= 0.5 with its gold span
    there, or it holds half of that span (a fact told in a phrase, "for its 1,150 members", inside
    a longer claim)."""
    return any(b >= MATCH_DICE for held in (False, True) for b in _best_per_article(fact, claim, held))


def judged(facts: Sequence[FactSpans], claim: FactSpans) -> bool:
    """The claim's support shares a character with some fact's gold span (same article and field).

    Gold facts are a sample of each event's statements: a claim wholly in text no fact
    annotates can be neither right nor wrong, so partial-gold precision leaves it out."""
    return any(
        best_dice(gold, claim.spans.get(place, [])) > 0
        for fact in facts
        for place, gold in fact.spans.items()
    )


def match_claims(
    facts: Sequence[FactSpans], claims: Sequence[FactSpans], held: bool = False
) -> list[tuple[int, int]]:
    """Fact/claim index pairs, one-to-one, where the claim covers all of the fact's gold spans
    (by Dice, or with ``held`` by the share of each gold span it holds: see :func:`coverage`)."""
    scores = {}
    for i, fact in enumerate(facts):
        for j, claim in enumerate(claims):
            score = coverage(fact, claim, held)
            if score is not None:
                scores[(i, j)] = score
    return match_one_to_one(scores, MATCH_DICE)


STATUSES = ("consensus", "partial", "unique")


def status_scores(
    facts: Sequence[FactSpans], claims: Sequence[FactSpans], pairs: Iterable[tuple[int, int]]
) -> dict[str, dict[str, Any]]:
    """P/R/F1 per status (a hit needs the predicted status to equal the gold one) and for any status."""
    pairs = list(pairs)
    result = {"any": PRF(len(pairs), len(claims), len(facts)).to_dict()}
    for status in STATUSES:
        hits = sum(1 for i, j in pairs if facts[i].status == status == claims[j].status)
        result[status] = PRF(
            hits, sum(c.status == status for c in claims), sum(f.status == status for f in facts)
        ).to_dict()
    return result


def judged_scores(
    facts: Sequence[FactSpans], claims: Sequence[FactSpans], pairs: Iterable[tuple[int, int]]
) -> tuple[dict[str, dict[str, Any]], set[str]]:
    """:func:`status_scores` over the judged claims only (see :func:`judged`), and the ids of the
    unjudged ones. A matched claim covers a gold span, so it is always judged."""
    kept = [j for j, claim in enumerate(claims) if judged(facts, claim)]
    position = {j: n for n, j in enumerate(kept)}
    scores = status_scores(facts, [claims[j] for j in kept], [(i, position[j]) for i, j in pairs])
    return scores, {c.id for j, c in enumerate(claims) if j not in position}


def omission_scores(
    gold: set[tuple[Any, str]], predicted: set[tuple[Any, str]], claim_to_fact: dict[str, str]
) -> dict[str, Any]:
    """P/R/F1 of (article, fact) omissions; a predicted (article, claim) counts through its matched fact."""
    mapped = {(article, claim_to_fact.get(claim)) for article, claim in predicted}
    hits = len({pair for pair in mapped if pair in gold})
    return PRF(hits, len(predicted), len(gold)).to_dict()


@dataclass(frozen=True)
class ConflictSet:
    """A gold conflict (its fact ids) or a predicted one (its claim ids) with its kind and the
    figures its values give ("19 (union) / 11 (port authority)": 19 and 11)."""

    ids: frozenset[str]
    kind: str
    figures: frozenset[float] = frozenset()


def conflict_scores(
    gold: Sequence[ConflictSet], predicted: Sequence[ConflictSet], touched: dict[str, set[str]]
) -> dict[str, Any]:
    """One-to-one match of conflicts: a predicted one matches a gold one when its claims touch its
    facts and, for a dispute over figures, it names two of the gold's figures: a claim may state
    two disputed facts (the union's 1,150 members and its 19 hours of overtime in one sentence),
    and a conflict over the one is no finding of the other.

    ``touched`` maps a claim id to the ids of the facts it states somewhere; the score of a
    pair is how many of the gold conflict's facts its claims touch.
    """
    scores: dict[tuple[int, int], float] = {}
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            reached = set().union(*(touched.get(c, set()) for c in p.ids)) & g.ids
            if reached and same_figures(g, p):
                scores[(i, j)] = len(reached)
    pairs = match_one_to_one(scores, 1)
    kinds_right = sum(gold[i].kind == predicted[j].kind for i, j in pairs)
    return {
        "conflicts": PRF(len(pairs), len(predicted), len(gold)).to_dict(),
        "conflict_kind_accuracy": ratio(kinds_right, len(pairs)),
    }


def same_figures(gold: ConflictSet, predicted: ConflictSet) -> bool:
    """A dispute over two figures or more is found only by a conflict naming two of them."""
    if gold.kind != "number" or len(gold.figures) < 2:
        return True
    return len(gold.figures & predicted.figures) >= 2
