"""Names of institutions read by rule: capitalised runs holding an institution word.

The small model splits or misses long organisation names ("Dunmore Fire and Rescue Service",
"the Anti-Corruption Prosecutor's Office"); a run of capitalised words joined by "of", "and",
"the", "-" or "'s" (or "at" after the institution word: "the UN Office at Geneva") that holds a
word such as ministry, council, service or police is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storylens.analyze.lexicon import INSTITUTION_WORDS, PLACE_WORDS
from storylens.analyze.names import singular

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NOT_PEOPLE = frozenset({"DATE", "TIME", "GPE", "LOC", "NORP", "FAC"})
_NAME_LINKS = frozenset({"of", "and", "the", "for", "-", "'s", "’s", "'", "’", "&"})


def institution_spans(doc: Doc) -> list[Span]:
    """Runs of capitalised words (joined by "of", "and", "the", "-", "'s") holding an institution word.

    A lower-case institution word may close a run: "the Halden police".
    """
    spans, i = [], 0
    while i < len(doc):
        end = i
        while end < len(doc) and (
            _is_name_word(doc[end]) or end > i and (doc[end].lower_ in _NAME_LINKS or _seat(doc, end))
        ):
            end += 1
        if end == i:
            i += 1
            continue
        if end < len(doc) and doc[end].lower_ in INSTITUTION_WORDS:
            end += 1
        spans.extend(
            s for part in _split_at_and(doc[i:end]) if (s := _trim_name(part)) and _names_institution(s)
        )
        i = end
    return spans


def split_apposed_name(span: Span) -> tuple[Span, Span | None]:
    """The institution's name, and a name of two or three words written straight after its last
    institution word, which the run took in: "the Dunmore Growers' Association Owen Pritchard"."""
    last = max(i for i, t in enumerate(span) if institutional([t.text]))
    tail = span[last + 1 :]
    if last >= 1 and 2 <= len(tail) <= 3 and all(_may_name_a_person(t) for t in tail):
        return span[: last + 1], tail
    return span, None


_INSTITUTION_OR_PLACE = INSTITUTION_WORDS | PLACE_WORDS


def _may_name_a_person(token: Token) -> bool:
    """A capitalised word that is no institution, place, date or nationality ("Bank Holiday Monday")."""
    return (
        token.is_alpha
        and token.is_title
        and token.ent_type_ not in _NOT_PEOPLE
        and not institutional([token.text], _INSTITUTION_OR_PLACE)
    )


def _seat(doc: Doc, i: int) -> bool:
    """ "at" naming where an institution sits, as part of its name: "the UN Office at Geneva"."""
    return (
        doc[i].lower_ == "at"
        and 0 < i < len(doc) - 1
        and doc[i - 1].is_title
        and doc[i - 1].lower_ in INSTITUTION_WORDS
        and _is_name_word(doc[i + 1])
    )


def _names_institution(span: Span) -> bool:
    return institutional([t.text for t in span])


def _split_at_and(run: Span) -> list[Span]:
    """ "X Ministry and Y Hospital" is two names; "Fire and Rescue Service" is one."""
    for token in run:
        if token.lower_ == "and" and _names_institution(run[: token.i - run.start]):
            return [run[: token.i - run.start], *_split_at_and(run[token.i - run.start + 1 :])]
    return [run]


def _is_name_word(token: Token) -> bool:
    if token.ent_type_ == "PERSON":
        return False
    return (
        token.is_alpha
        and (token.is_title or token.is_upper)
        and not token.is_sent_start
        or token.pos_ == "PROPN"
    )


def _trim_name(span: Span) -> Span | None:
    """The run without leading links or articles and without trailing links."""
    while len(span) and (
        span[0].lower_ in _NAME_LINKS or span[0].lower_ == "the" or not _is_name_word(span[0])
    ):
        span = span[1:]
    while len(span) and span[-1].lower_ in _NAME_LINKS:
        span = span[:-1]
    return span if len(span) >= 2 else None


def institutional(words: list[str], vocabulary: frozenset[str] = INSTITUTION_WORDS) -> bool:
    """True when a word (or its singular) is in the vocabulary: "Council", "Textiles"."""
    return any(w.lower() in vocabulary or singular(w.lower()) in vocabulary for w in words)
