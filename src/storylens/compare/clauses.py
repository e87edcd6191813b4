"""Clause boundaries from a dependency parse: where one sentence joins statements.

A reader lists "the company rejected the plan" and "the union called a strike" as two facts
even when one sentence says "The company rejected the plan and the union called a strike". The
parse finds such joints: a second verb coordinated with the main one and with its own subject
("..., but the union said ...") or its own object or complement ("accepted the resignation and
appointed ..."). A relative clause ("..., which was never marked after 1991", "..., who spent
20 years mapping ...") or a subordinate one ("... was interrupted after the other side
refused ...") depends on its main clause and stays with it: cut off, it reads as no statement.
Only pieces that may hold a joint are parsed (a cheap word test first), in one batch, so the
cost stays small.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storylens.analyze.nlp import parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MIN_CLAUSE_WORDS = 4
_MAY_JOIN = re.compile(r"\b(?:and|but|yet)\b", re.I)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_COMPLEMENTS = frozenset({"dobj", "attr", "ccomp", "xcomp", "oprd", "dative", "prep", "agent"})
_SENTENCE_END = frozenset(".!?\"'”’")


def split_clauses(texts: list[str]) -> list[list[tuple[int, int]]]:
    """For each text, its clauses as character spans of it (the whole text when it has no joint)."""
    todo = [i for i, text in enumerate(texts) if _may_join(text)]
    spans = [[(0, len(text))] for text in texts]
    for i, doc in zip(todo, parse([texts[i] for i in todo]), strict=True):
        spans[i] = clause_spans(doc)
    return spans


def _may_join(text: str) -> bool:
    return len(text.split()) >= 2 * MIN_CLAUSE_WORDS and bool(_MAY_JOIN.search(text))


def clause_spans(doc: Doc) -> list[tuple[int, int]]:
    """The doc cut before each clause that states a fact of its own; each piece keeps 4+ words."""
    cuts = sorted(token.left_edge.i for token in doc if _opens_clause(token) and token.left_edge.i > 0)
    pieces, begin = [], 0
    for cut in cuts:
        if _words(doc[begin:cut]) >= MIN_CLAUSE_WORDS and _words(doc[cut:]) >= MIN_CLAUSE_WORDS:
            pieces.append((begin, cut))
            begin = cut
    pieces.append((begin, len(doc)))
    return [span for span in (_trimmed(doc, b, e) for b, e in pieces) if span]


def _opens_clause(token: Token) -> bool:
    """``token`` heads a second verb of the main clause that states a fact of its own."""
    return (
        token.dep_ == "conj"
        and token.pos_ in {"VERB", "AUX"}
        and _main_verb(token.head)
        and _states_own_fact(token)
    )


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


def _words(span) -> int:
    return sum(not t.is_punct for t in span)


def _trimmed(doc: Doc, begin: int, end: int) -> tuple[int, int] | None:
    """The piece's character span without a joining word or comma at either edge."""
    while begin < end and (doc[begin].is_punct or doc[begin].dep_ == "cc"):
        begin += 1
    while end > begin and (
        (doc[end - 1].is_punct and doc[end - 1].text not in _SENTENCE_END) or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    if begin == end:
        return None
    return doc[begin].idx, doc[end - 1].idx + len(doc[end - 1].text)
