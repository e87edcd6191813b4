"""Claim texts as a reader sees them: a clause cut from a longer sentence is shown as a quotation
in part.

A claim's ``text`` is an exact span of an article (the story contract keeps it so), and the
compare stage cuts sentences that join independent statements into clauses: "ended with an
agreement to set up a joint commission …" or "A fire broke out at the mill early on Monday".
Shown bare, such a clause reads as a broken sentence; an ellipsis where the sentence goes on
tells the reader it is quoted in part, as a careful writer would mark it. Headlines and
standfirsts end without a full stop of their own, so only a cut start is marked on them, and on
texts whose field is not known. Quotes likewise: a span that stops inside the quotation marks it
opened is shown with them closed (``quotation``).
"""

from __future__ import annotations

import re

from storylens.models import Claim, SpanField, SummarySentence

ELLIPSIS = "…"
_CLOSING = {"“": "”", "‘": "’"}
# a sentence's end: its punctuation, then any closing quotes or brackets
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def excerpt(text: str, field: SpanField | None = None) -> str:
    """``text`` with an ellipsis before a start cut from mid-sentence (its first letter lower
    case) and, when ``field`` is the body text, after an end that is not a sentence's."""
    shown = text.strip()
    first = next((char for char in shown if char.isalnum()), "")
    if first.islower():
        shown = f"{ELLIPSIS} {shown}"
    if field == "text" and shown and not _SENTENCE_END.search(shown):
        shown = f"{shown} {ELLIPSIS}"
    return shown


def shown_text(item: Claim | SummarySentence | str) -> str:
    """The ``excerpt`` of a claim (in the field of the span its text is), of a summary sentence
    (in the field of its own citation, the first) or of a bare text (field unknown)."""
    if isinstance(item, Claim):
        field = next((s.field for s in item.support if s.text == item.text), None)
        return excerpt(item.text, field)
    if isinstance(item, SummarySentence):
        return excerpt(item.text, item.citations[0].field if item.citations else None)
    return excerpt(item)


def quotation(text: str) -> str:
    """A quote as shown: the span of a mixed quote stops inside the quotation marks it opened
    ('wanted "a fair line drawn by surveyors, not by soldiers.'), and a direct one keeps the comma
    that led back to its attribution ("… for another decade,"); the mark is closed and the comma
    dropped, so the words read as a whole quotation."""
    shown = text.strip().removesuffix(",")
    if shown.count('"') % 2:
        shown += '"'
    for opening in ("“", "‘"):
        if shown.count(opening) > shown.count(_CLOSING[opening]):
            shown += _CLOSING[opening]
    return shown
