"""The framing lexicon (``lexicon.json``): speech verbs, loaded terms, polarity opposites, and
the nouns that count one thing.

Framing is judged against this documented list of our own (see ``docs/comparison.md``), never
by guessing at an outlet's leanings.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from storylens.compare.text import content_words

NEUTRAL = "neutral"
_CONTRACTED_NOT = re.compile(r"\w(?:n['’]t)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    form: str
    kind: str  # "speech" | "loaded"
    connotation: str
    neutral: str | None


@dataclass(frozen=True)
class Hit:
    """A lexicon term found at ``start:end`` of a text."""

    term: Term
    start: int
    end: int

    @property
    def loaded(self) -> bool:
        return self.term.connotation != NEUTRAL


class Lexicon:
    def __init__(self, data: dict) -> None:
        self.terms = {
            form: Term(form, kind, entry["connotation"], entry.get("neutral"))
            for kind, key in (("speech", "speech_verbs"), ("loaded", "loaded_terms"))
            for entry in data[key]
            for form in entry["forms"]
        }
        self._pattern = word_pattern(self.terms)
        polarity = data["polarity"]
        self._negation = word_pattern(polarity["negations"])
        self._opposites: list[tuple[str, str]] = [tuple(pair) for pair in polarity["opposites"]]
        self._polar = word_pattern({word for pair in self._opposites for word in pair})
        self.update_cue_words = frozenset(content_words(" ".join(data["update_cues"])))
        self._count_noun = {form: group[0] for group in data["count_nouns"] for form in group}
        self._stage = {form: stage for stage, forms in data["stage_cues"].items() for form in forms}
        self._stage_pattern = word_pattern(self._stage)

    def count_noun(self, noun: str) -> str:
        """The noun that stands for ``noun``'s group of count nouns ("houses" -> "home"), or the
        noun itself, lower case."""
        noun = noun.lower()
        return self._count_noun.get(noun, noun)

    def stage_before(self, text: str, at: int) -> str | None:
        """The stage of a figure at ``at`` by the last stage cue before it in ``text``: "sought"
        ("asking for 9%", "offered 14.50 a share"), "agreed" ("under the agreement, 6.5%"), or
        None when no cue comes before it."""
        cues = [m.group(0).lower() for m in self._stage_pattern.finditer(text, 0, at)]
        return self._stage[cues[-1]] if cues else None

    def find(self, text: str) -> list[Hit]:
        """Every lexicon term in ``text``, longest form first where forms overlap."""
        return [Hit(self.terms[m.group(0).lower()], m.start(), m.end()) for m in self._pattern.finditer(text)]

    def loaded(self, text: str) -> list[Hit]:
        return [hit for hit in self.find(text) if hit.loaded]

    def negated(self, text: str) -> bool:
        return bool(self._negation.search(text) or _CONTRACTED_NOT.search(text))

    def negation_phrase(self, text: str) -> str | None:
        """The negation and the word it negates, as written ("did not resign")."""
        match = _CONTRACTED_NOT.search(text) or self._negation.search(text)
        if match is None:
            return None
        start = text.rfind(" ", 0, match.start()) + 1  # the whole contracted word
        following = re.match(r"\s+[\w’'-]+", text[match.end() :])
        return text[start : match.end() + (following.end() if following else 0)].strip()

    def polar_words(self, text: str) -> frozenset[str]:
        """The words of the polarity opposites ("agreed", "refused") that ``text`` uses."""
        return frozenset(m.group(0).lower() for m in self._polar.finditer(text))

    def opposite_pair(self, first: frozenset[str], second: frozenset[str]) -> tuple[str, str] | None:
        """The opposites one text uses against the other (``polar_words`` of each), if any."""
        for positive, negative in self._opposites:
            if positive in first and negative in second and negative not in first:
                return positive, negative
            if negative in first and positive in second and negative not in second:
                return negative, positive
        return None


def word_pattern(forms) -> re.Pattern[str]:
    """Any of the forms as a whole word, in any case."""
    alternatives = sorted((re.escape(f) for f in forms), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


@functools.cache
def load_lexicon() -> Lexicon:
    text = resources.files("storylens.compare").joinpath("lexicon.json").read_text(encoding="utf-8")
    return Lexicon(json.loads(text))
