"""Word-level helpers shared by alignment, conflicts and framing: content words and figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storylens.compare.clock import written_as_time

_WORD = re.compile(r"[A-Za-z][\w’'-]*|\d[\d,]*(?:\.\d+)?")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "during",
        "between",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "its",
        "it",
        "it's",
        "his",
        "her",
        "hers",
        "their",
        "theirs",
        "our",
        "ours",
        "your",
        "my",
        "me",
        "him",
        "them",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "no",
        "so",
        "such",
        "also",
        "just",
        "very",
        "more",
        "most",
        "less",
        "least",
        "some",
        "any",
        "all",
        "each",
        "both",
        "other",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "why",
        "how",
        "said",
        "says",
        "say",
        "told",
        "according",
    ]
)
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
    if word not in {"zero", "one"}  # mostly pronouns and idiom ("one of the largest")
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
_FIGURE = re.compile(
    r"(?<![\w.:])(?:(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)|(?P<word>"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\b)(?:\s*(?P<scale>thousand|million|billion|trillion|m|bn)\b)?(?P<percent>\s*(?:%|per ?cent))?",
    re.IGNORECASE,
)
_CONTEXT_WORDS = 3
_TIME_OF_DAY = frozenset(
    [
        "am",
        "pm",
        "a.m",
        "p.m",
        "morning",
        "afternoon",
        "evening",
        "night",
        "o'clock",
        "midnight",
        "noon",
        "gmt",
        "utc",
    ]
)
_CLAUSE_END = re.compile(r"[;,.:!?—–]")


def words(text: str) -> list[str]:
    return [w.lower().strip("’'") for w in _WORD.findall(text)]


def content_words(text: str) -> set[str]:
    """Stems of the words that carry meaning (no stopwords, no figures): "resigned" ~ "resign"."""
    return {_stem(w) for w in words(text) if w not in STOPWORDS and not w[0].isdigit() and len(w) > 1}


def _stem(word: str) -> str:
    """A crude English suffix strip, enough to match inflections of one word."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def jaccard(first: set[str], second: set[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


@dataclass(frozen=True)
class Figure:
    """A number as written, with the content words right after it ("12 *people killed*")."""

    value: float
    raw: str
    start: int
    end: int
    context: frozenset[str]  # content words right after the number: what it counts
    head: str | None  # the first of them ("people", "killed")
    percent: bool = False  # a share ("4.9 per cent"), not a count


def figures(text: str, exclude: list[tuple[int, int]] = ()) -> list[Figure]:
    """The figures of ``text`` outside the ``exclude`` spans (dates), years left out."""
    found = []
    for match in _FIGURE.finditer(text):
        if (
            any(s <= match.start() < e for s, e in exclude)
            or _is_year(match)
            or written_as_time(text, match.start())
        ):
            continue
        value = _value(match)
        clause_rest = _CLAUSE_END.split(text[match.end() :], maxsplit=1)[0]
        context = [
            w
            for w in words(clause_rest)
            if w not in STOPWORDS and w not in _NUMBER_WORDS and not w[0].isdigit()
        ][:_CONTEXT_WORDS]
        raw = match.group(0).strip()
        head = context[0] if context else None
        if head in _TIME_OF_DAY:
            continue
        end = match.start() + len(raw)
        found.append(
            Figure(value, raw, match.start(), end, frozenset(context), head, bool(match.group("percent")))
        )
    return found


def _is_year(match: re.Match[str]) -> bool:
    digits = match.group("digits")
    return bool(
        digits
        and len(digits) == 4
        and digits.isdigit()
        and 1800 <= int(digits) <= 2100
        and not match.group("scale")
    )


def _value(match: re.Match[str]) -> float:
    if match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
    else:
        value = float(_NUMBER_WORDS[match.group("word").lower()])
    scale = match.group("scale")
    return value * _SCALES[scale.lower()] if scale else value
