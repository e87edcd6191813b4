"""Clause boundaries from a dependency parse: where one sentence states several facts.

A reader lists "the boiler exploded" and "a fire broke out" as two facts even when one
sentence says "A fire broke out after the boiler exploded". The parse finds such joints: a
second verb coordinated with the main one and with its own subject ("..., but the union said
...") or its own object or complement ("accepted the resignation and appointed ..."), a
clause with its own subject opened by "after", "before", "while", "whereas", "although" or
"though" that ends or opens the sentence, and a trailing non-restrictive relative clause that
carries a figure or a date (", which employs 300 people"). Only pieces that may hold such a
joint are parsed (a cheap word test first), in one batch, so the cost stays small.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MIN_CLAUSE_WORDS = 4
SPLIT_MARKS = frozenset({"after", "before", "while", "whereas", "although", "though"})
_MAY_JOIN = re.compile(
    r"\b(?:and|but|yet|after|before|while|whereas|although|though|which|who|where)\b", re.I
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_COMPLEMENTS = frozenset({"dobj", "attr", "ccomp", "xcomp", "oprd", "dative", "prep", "agent"})
# Month and day names as written (capitalised, so the modal "may" is no date).
_DATE_WORDS = frozenset(
    [
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December", "Monday", "Tuesday", "Wednesday"),
        *("Thursday", "Friday", "Saturday", "Sunday"),
    ]
)
_SENTENCE_END = frozenset(".!?\"'”’")


def split_clauses(texts: list[str]) -> list[list[tuple[int, int]]]:
    """For each text, its clauses as character spans of it (the whole text when it has no joint)."""
    todo = [i for i, text in enumerate(texts) if _may_join(text)]
    spans = [[(0, len(text))] for text in texts]
    if todo:
        from storylens.analyze.nlp import get_nlp

        for i, doc in zip(todo, get_nlp().pipe((texts[i] for i in todo), disable=["ner"]), strict=True):
            spans[i] = clause_spans(doc)
    return spans


def _may_join(text: str) -> bool:
    return len(text.split()) >= 2 * MIN_CLAUSE_WORDS and bool(_MAY_JOIN.search(text))


def clause_spans(doc: Doc) -> list[tuple[int, int]]:
    """The doc cut before each clause that states a fact of its own; each piece keeps 4+ words."""
    starts = {i for token in doc for i in _clause_starts(token)} | set(_relative_starts(doc))
    cuts = sorted(i for i in starts if 0 < i < len(doc))
    pieces, begin = [], 0
    for cut in cuts:
        if _words(doc[begin:cut]) >= MIN_CLAUSE_WORDS and _words(doc[cut:]) >= MIN_CLAUSE_WORDS:
            pieces.append((begin, cut))
            begin = cut
    pieces.append((begin, len(doc)))
    return [span for span in (_trimmed(doc, b, e) for b, e in pieces) if span]


def _clause_starts(token: Token) -> list[int]:
    """Token indices where a clause headed by ``token`` begins, or the sentence resumes after it."""
    if not _main_verb(token.head):
        return []
    if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"} and _states_own_fact(token):
        return [token.left_edge.i]
    if not any(child.dep_ in _SUBJECTS for child in token.children):
        return []
    if token.dep_ == "advcl" and _opens_on_mark(token):
        if _trailing(token):
            return [token.left_edge.i]
        if token.left_edge.i == 0:
            return [token.right_edge.i + 1]
    return []


def _main_verb(token: Token) -> bool:
    """The sentence's main verb: its root, or what a trailing attribution reports ("The minister
    resigned and ..., the office said": "resigned", the root "said" coming after it)."""
    return token.dep_ == "ROOT" or (
        token.dep_ == "ccomp" and token.head.dep_ == "ROOT" and token.i < token.head.i
    )


def _states_own_fact(token: Token) -> bool:
    """A verb coordinated with the main one states a second fact when it has its own subject, or
    its own object or complement though it shares the subject ("accepted the resignation and
    appointed Horvath as acting minister", "began in the dyeing shed and spread into the weaving
    hall"); not a bare second verb ("rose and fell")."""
    own = _SUBJECTS | (_COMPLEMENTS if token.pos_ == "VERB" else frozenset())
    return any(child.dep_ in own for child in token.children)


def _opens_on_mark(token: Token) -> bool:
    """The clause begins with its "after", "while", ...: not "a day before they were due to end"."""
    first = token.doc[token.left_edge.i]
    return first.dep_ == "mark" and first.lower_ in SPLIT_MARKS and first.head.i == token.i


def _relative_starts(doc: Doc) -> list[int]:
    """Trailing non-restrictive relative clauses carrying a figure or a date."""
    return [
        token.left_edge.i
        for token in doc
        if token.dep_ == "relcl"
        and token.left_edge.i > 0
        and doc[token.left_edge.i - 1].text == ","
        and _trailing(token)
        and any(t.like_num or t.text in _DATE_WORDS for t in token.subtree)
    ]


def _trailing(token: Token) -> bool:
    """Nothing but punctuation follows the token's subtree."""
    return all(t.is_punct for t in token.doc[token.right_edge.i + 1 :])


def _words(span) -> int:
    return sum(not t.is_punct for t in span)


def _trimmed(doc: Doc, begin: int, end: int) -> tuple[int, int] | None:
    """The piece's character span without a joining word or comma at either edge."""
    while begin < end and (doc[begin].is_punct or _joiner(doc[begin])):
        begin += 1
    while end > begin and (
        (doc[end - 1].is_punct and doc[end - 1].text not in _SENTENCE_END) or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    if begin == end:
        return None
    return doc[begin].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _joiner(token: Token) -> bool:
    return token.dep_ == "cc" or (token.dep_ == "mark" and token.lower_ in SPLIT_MARKS)
