"""Who gives a figure: the party a reporting verb attributes it to, read from the parse.

"The union put the average at 19 hours a week; the port authority put it at 11": each figure
hangs under a reporting verb ("put … at", "said", "estimated") whose subject, or whose agent
("the 19 hours claimed by the union"), is the party that gives it; or the verb is left out and
the party named before "at" ("…, the port authority at 11"). Every outlet may report
both figures, so no two outlets disagree, yet the figure is disputed: ``conflicts`` tells such
a dispute between parties. Only sentences that set two accounts against each other (a
semicolon, ", while", ", whereas", ", but", or a party and "at" after a comma) are parsed, so
the cost stays small.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storylens.analyze.nlp import parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# word forms (the compare stage's parse has no lemmatiser)
REPORTING_VERBS = frozenset(
    {
        *("put", "puts", "putting", "estimate", "estimates", "estimated", "say", "says", "said"),
        *("claim", "claims", "claimed", "count", "counts", "counted", "report", "reports", "reported"),
        *("give", "gives", "gave", "record", "records", "recorded", "insist", "insists", "insisted"),
        *("state", "states", "stated", "reckon", "reckons", "reckoned"),
        *("calculate", "calculates", "calculated"),
    }
)
# a second account set against the first: after a semicolon or ", while", or a party with its
# verb left out (", the port authority at 11")
CONTRAST = re.compile(r";|,\s*(?:while|whereas|but)\b|,\s+[^,;]{1,40}?\s+at\s", re.IGNORECASE)
MAX_CLIMB = 8  # tokens from a figure up to its reporting verb
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLAUSES = frozenset({"relcl", "acl", "advcl", "appos"})  # "the police, whose estimates tend …,"


def figure_parties(sentences: list[str], starts: list[list[int]]) -> list[list[str | None]]:
    """For each sentence, the party giving each figure that starts at ``starts`` (character
    offsets), or None; a sentence that sets no two accounts against each other gives None for all."""
    parties: list[list[str | None]] = [[None] * len(at) for at in starts]
    todo = [i for i, text in enumerate(sentences) if len(starts[i]) >= 2 and CONTRAST.search(text)]
    for i, doc in zip(todo, parse([sentences[i] for i in todo]), strict=True):
        parties[i] = [_party(doc, start) for start in starts[i]]
    return parties


def _party(doc: Doc, start: int) -> str | None:
    """The subject or agent of the reporting verb the figure hangs under ("organisers said 12,000
    people took part") or that describes what it counts ("the 19 hours claimed by the union"),
    unless the figure is part of it ("his brother, 24, gave the orders" gives no figure)."""
    token = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
    for _ in range(MAX_CLIMB):
        if token is None:
            return None
        if _reports(token):
            return _giver(token, start)
        if _elided(token):
            return _phrase(token.head, before=token)
        described = next((c for c in token.children if c.dep_ == "acl" and _reports(c)), None)
        if described is not None:
            return _giver(described, start)
        token = token.head if token.head.i != token.i else None
    return None


def _elided(token: Token) -> bool:
    """The token is the "at" after a party named on its own, the reporting verb left out as the
    account before it gave it: "the union put it at 19 hours a week, *the port authority at* 11",
    "the ministry put the cost at 40 million; *the opposition, at* 65 million"."""
    head = token.head
    before = head.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    return (
        token.dep_ == "prep"
        and token.lower_ == "at"
        and head.pos_ in {"NOUN", "PROPN"}
        and before is not None
        and before.text in {",", ";"}
    )


def _reports(token: Token) -> bool:
    return token.lower_ in REPORTING_VERBS and token.pos_ in {"VERB", "AUX"}


def _giver(verb: Token, start: int) -> str | None:
    givers = [c for c in verb.children if c.dep_ in _SUBJECTS] + [
        g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
    ]
    if not givers:
        return None
    giver = givers[0]
    if giver.left_edge.idx <= start < giver.right_edge.idx + len(giver.right_edge.text):
        return None
    return _phrase(giver)


def _phrase(head: Token, before: Token | None = None) -> str:
    """The noun phrase as written, without the clauses that describe it, and ending ``before``
    a token of its own (the "at 11" of "the port authority at 11")."""
    left = [t for t in head.lefts if t.dep_ not in _CLAUSES and not t.is_punct]
    start = min([head.i] + [t.left_edge.i for t in left])
    end = head.i + 1
    for right in head.rights:
        if right.dep_ in _CLAUSES or right.is_punct or (before is not None and right.i >= before.i):
            break
        end = right.right_edge.i + 1
    return head.doc[start:end].text.rstrip(",;: ")
