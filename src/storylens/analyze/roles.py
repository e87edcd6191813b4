"""Roles and titles written beside a name: "the Deputy Foreign Minister, Amara Okafor",
"Amara Okafor, the deputy foreign minister,", "spokesperson Lena Ortiz".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storylens.analyze.lexicon import ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_ROLE_TOKENS = 10
ROLE_WORD_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_TITLE_LINKS = frozenset({"of", "for"})
_APPOSITION_LINKS = frozenset({"of", "for", "the", "a", "an", "and", "at", "in"})
_CLAUSE_ENDS = frozenset({",", ".", ";", "—", "–", ")"})


def is_role(token: Token) -> bool:
    """True for a role noun, including hyphenated ones ("secretary-general", "vice-president")."""
    lower = token.lower_
    return lower in ROLE_NOUNS or lower.rsplit("-", 1)[-1] in ROLE_NOUNS


def role_before(span: Span) -> str | None:
    """A title written before a name: "the Deputy Foreign Minister, Amara Okafor"."""
    doc = span.doc
    end = span.start - 1 if span.start > 0 and doc[span.start - 1].text == "," else span.start
    i = end - 1
    while i >= 0 and end - i <= MAX_ROLE_TOKENS and _in_role_phrase(doc[i], _TITLE_LINKS):
        i -= 1
    return _role_phrase(doc[i + 1 : end], must_end_with_role=True)


def role_after(span: Span) -> str | None:
    """A title in apposition after a name: "Amara Okafor, the deputy foreign minister,"."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    start = end = span.end + 1
    while end < len(doc) and end - start < MAX_ROLE_TOKENS and _in_role_phrase(doc[end], _APPOSITION_LINKS):
        end += 1
    if end < len(doc) and doc[end].text not in _CLAUSE_ENDS:
        return None
    return _role_phrase(doc[start:end], must_end_with_role=False)


def _in_role_phrase(token: Token, links: frozenset[str]) -> bool:
    if token.ent_type_ == "PERSON":
        return False
    return token.pos_ in ROLE_WORD_POS or token.lower_ in links or token.text in {"-", "’s", "'s"}


def _role_phrase(tokens: Span, must_end_with_role: bool) -> str | None:
    """The phrase when it names a role, without a leading article or preposition."""
    while len(tokens) and (tokens[0].pos_ in {"DET", "ADP", "CCONJ", "PART"}):
        tokens = tokens[1:]
    if not len(tokens) or not any(is_role(t) for t in tokens):
        return None
    if must_end_with_role and not is_role(tokens[-1]):
        return None
    return tokens.text
