"""What a figure counts, for comparing the figures of two claims (``conflicts``).

A figure counts the noun written right after it ("around 60 *firefighters*", "15 *cents* a
litre"), past a modifier that a noun follows ("500 terrified *residents*"), or past a word that
makes it a number added ("40 *additional* dockers", hires, is no count of the 60 dockers at a
protest); when no such noun follows (a date, a clause word, the end: "the death toll rose to 12
last night", "put the turnout at 12,000"), what it counts is named before it, in its clause,
and those words stand for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storylens.compare.text import STOPWORDS, Figure, content_words, words

_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z][\w’'-]*)")
# endings of participles and adjectives that stand before the counted noun ("12 injured workers",
# "300 local residents"); followed by no content word, the word itself is what is counted
_MODIFIER_ENDING = re.compile(r"(?:ed|ing|ful|ous|ive|al)$", re.IGNORECASE)
_CLAUSE_START = re.compile(r".*[;,:—–(]\s*", re.DOTALL)
# written between a figure and its noun, they make it a number added or taken, not a total
INCREMENT_WORDS = frozenset({"additional", "extra", "more", "new", "further", "fewer"})
WORDS_BEFORE = 8  # how far back in its clause a figure without a noun looks for what it counts
# Nouns too common to name one thing by themselves: "12 people" and "40 people" may be the dead
# and the evacuated, "three hours" and "five hours" any two spans of time.
GENERIC_NOUNS = frozenset(
    content_words(
        "people person persons men women children adults others times "
        "seconds minutes hours days weeks months years"
    )
)


@dataclass(frozen=True)
class Count:
    """A figure with what it counts."""

    figure: Figure
    noun: str | None  # the noun right after the figure, as written ("firefighters"); None when none follows
    words: frozenset[str]  # stems naming what is counted: the words after it, or else those before it
    increment: bool = False  # a number added ("40 additional dockers"), not how many there are

    @property
    def key(self) -> str | None:
        """The noun's stem: "firefighter" for "firefighters" and "Firefighters"."""
        return next(iter(content_words(self.noun)), None) if self.noun else None


def counts(
    text: str, figures: list[Figure], dates: list[tuple[int, int]], cues: frozenset[str]
) -> list[Count]:
    """Each figure of ``text`` with what it counts; ``dates``: the date spans, ``cues``: update cue
    words ("rose"), which say how a figure changed, not what it counts."""
    return [_count(text, figure, dates, cues) for figure in figures]


def _count(text: str, figure: Figure, dates: list[tuple[int, int]], cues: frozenset[str]) -> Count:
    end, increment = _past_increment(text, figure.end)
    noun = _noun_after(text, end, dates)
    if noun is not None:
        return Count(figure, noun, frozenset(content_words(" ".join(figure.context))), increment)
    before = _CLAUSE_START.sub("", text[: figure.start])
    named = content_words(" ".join(words(before)[-WORDS_BEFORE:])) - cues
    return Count(figure, None, frozenset(named), increment)


def _past_increment(text: str, end: int) -> tuple[int, bool]:
    """Where the counted noun may start: past an increment word right after the figure ("40
    *new* dockers"), with whether there was one."""
    match = _NEXT_WORD.match(text, end)
    if match is not None and match.group(1).lower() in INCREMENT_WORDS:
        return match.end(1), True
    return end, False


def _noun_after(text: str, end: int, dates: list[tuple[int, int]]) -> str | None:
    """The word right after the figure when it can be what is counted: a content word outside
    a date expression ("12 *last night*" counts nothing named there)."""
    word = _content_word_at(text, end, dates)
    if word is not None and _MODIFIER_ENDING.search(word):
        after = _content_word_at(text, end + text[end:].index(word) + len(word), dates)
        return after or word
    return word


def _content_word_at(text: str, end: int, dates: list[tuple[int, int]]) -> str | None:
    """The word right after ``end`` when it is a content word outside a date expression."""
    match = _NEXT_WORD.match(text, end)
    if match is None or any(s <= match.start(1) < e for s, e in dates):
        return None
    word = match.group(1).strip("’'")
    return word if content_words(word) and word.lower() not in STOPWORDS else None
