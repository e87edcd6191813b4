"""Sentence spans over an article body, with section subheads marked as headings.

A subhead is a short line standing as its own paragraph without final punctuation; the
pipeline already starts a sentence at every line break, so a subhead is one sentence of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storylens.models import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_HEADING_WORDS = 12
_FINAL_PUNCTUATION = tuple(".!?:;…\"”’'),")
_OPENING_QUOTES = tuple("\"“‘'")
# Where a sentence ends without a parser: final punctuation (and a closing quote) before a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»]?\s+(?=[\"“‘«¿¡(]?\s?[A-Z0-9À-Ý])")
_LINE = re.compile(r"[^\n]+")


def is_heading(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a whole line that reads as a subhead."""
    line_start = start == 0 or text[start - 1] == "\n"
    line_end = end == len(text) or text[end] == "\n"
    span = text[start:end]
    return (
        line_start
        and line_end
        and end < len(text)  # the last line is the end of a paragraph, not a subhead before one
        and len(span.split()) <= MAX_HEADING_WORDS
        and not span.endswith(_FINAL_PUNCTUATION)
        and not span.startswith(_OPENING_QUOTES)
        and any(c.isalpha() for c in span)
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding white space (spans must be exactly their text)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence(text: str, start: int, end: int) -> Sentence | None:
    start, end = trim_span(text, start, end)
    if start == end:
        return None
    return Sentence(start=start, end=end, heading=is_heading(text, start, end))


def sentences_from_doc(doc: Doc) -> list[Sentence]:
    """Sentences of a parsed text."""
    found = (_sentence(doc.text, s.start_char, s.end_char) for s in doc.sents)
    return [s for s in found if s is not None]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences by punctuation alone, for texts the pipeline does not support."""
    sentences = []
    for line in _LINE.finditer(text):
        start = line.start()
        for boundary in _SENTENCE_END.finditer(line.group()):
            sentences.append(
                _sentence(text, start, line.start() + boundary.start() + len(boundary.group().rstrip()))
            )
            start = line.start() + boundary.end()
        sentences.append(_sentence(text, start, line.end()))
    return [s for s in sentences if s is not None]
