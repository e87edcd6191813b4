"""Quoted passages found by their quotation marks, straight or curly.

A quote may run over several sentences and, by newspaper convention, over several paragraphs:
a paragraph that opens a quote without closing it is continued by the next one that opens
with a quotation mark. Apostrophes ("don’t", "the ministers’") are told from closing single
quotes by the letters around them.
"""

from __future__ import annotations

import re

_PAIRS = {"“": "”", "‘": "’", '"': '"'}
_PARAGRAPH = re.compile(r"[^\n]+")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage's content, marks excluded, in text order."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        spans.extend(_paragraph_quotes(text, paragraph.start(), paragraph.end()))
    return spans


def _paragraph_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    i = start
    while i < end:
        opener = text[i]
        if opener in _PAIRS and _opens(text, i):
            close = _closing(text, i + 1, end, _PAIRS[opener])
            spans.append((i + 1, close))  # an unclosed quote runs to the paragraph's end
            i = close + 1
        else:
            i += 1
    return [s for s in spans if s[1] > s[0]]


def _opens(text: str, i: int) -> bool:
    """A mark opens a quote at a word's start (not an apostrophe inside or after a word)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _closing(text: str, start: int, end: int, closer: str) -> int:
    for i in range(start, end):
        if text[i] == closer and _closes(text, i):
            return i
    return end


def _closes(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()
