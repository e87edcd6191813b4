"""Corrections of who did it: "It was X, not Y, who ...", "... by X rather than by Y".

An outlet that disputes another account of who did something often says so in one phrase: it
names the actor it denies ("and not the Ostrelian side", "not the chairman", "rather than by a
contractor", "instead of the ministry"). Another outlet's claim of the same fact that names that
actor, and not the one asserted, is the account disputed: a conflict of kind ``entity``. The
denied phrase is matched to the other claim by its names ("Ostrelian" and "Ostrelia's", a
demonym and its country, share a stem), or, when it has none, by its head noun ("the chairman"
and "Chairman Gregory Haskett").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from storylens.compare.text import content_words

_DETERMINER = r"(?:the|a|an|its|his|her|their|our|[A-Z][\w'’-]*)"
_DENIED = re.compile(
    rf"(?:(?:,|\band)\s+not|\brather than|\binstead of)\s+(?:(?:by|from|with)\s+)?"
    rf"(?P<denied>{_DETERMINER}\b[^,.;:!?\"“”]{{0,60}}?)"
    r"(?=\s*(?:[,.;:!?\"“”]|$|\b(?:who|which|that|as|but)\b))"
)
# "not only", "not least", "not for the first time": no actor follows
_NOT_ACTOR = frozenset(
    {"only", "just", "least", "yet", "even", "quite", "long", "for", "always", "all", "merely"}
)
# "not the first time", "not on Tuesday", "not in March": a time, not an actor
_NOT_ACTOR_WORDS = frozenset(
    {"time", "times", "day", "days", "week", "year"}
    | {name.lower() for name in (*calendar.day_name, *calendar.month_name) if name}
)
MAX_ACTOR_WORDS = 5  # "Corwin Abara's consortium", "the Ostrelian side": an actor is named briefly
_ASSERTED = (
    re.compile(r"\bit was (?P<actor>[^,]{3,60}?)(?:,| who\b| which\b| that\b)", re.IGNORECASE),
    # the last "by"/"from" before the denial, else the sentence's start ("An outside researcher, not ...")
    re.compile(
        r"(?:.*\b(?:by|from) |^)(?P<actor>[^,]{3,60}?)(?:, (?:and )?not\b| rather than\b| instead of\b)"
    ),
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_GENERIC = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "own", "side", "team", "first"})
EVENT_SHARE = 0.5  # as ``alignment.SAME_WORDING``: half the words alike tell the same thing
_REPORTING = frozenset({"report", "reported", "said", "first", "who", "which"})
MIN_STEM = 5  # a place name this short or shorter is matched exactly
DEMONYM_ENDINGS = frozenset({"", "n", "an", "ian", "ean", "i", "ese", "ish"})


@dataclass(frozen=True)
class Contrast:
    """One actor a claim denies, and the one it asserts instead, as written."""

    denied: str
    asserted: str | None
    clause: str  # from the asserted actor on: the correction without who reports it
    event: frozenset[str] = field(default_factory=frozenset)  # the clause's words, actors aside

    def tells_event(self, words: set[str]) -> bool:
        """Another claim with these content words tells the corrected event (half its words)."""
        return bool(self.event) and len(self.event & words) >= EVENT_SHARE * len(self.event)


def contrasts(text: str) -> list[Contrast]:
    """The actors ``text`` denies ("and not the Ostrelian side"), each with the asserted one."""
    found = []
    for match in _DENIED.finditer(text):
        denied = match.group("denied").strip()
        words = denied.lower().split()
        if words[0] in _NOT_ACTOR or len(words) > MAX_ACTOR_WORDS or _NOT_ACTOR_WORDS & set(words):
            continue
        if not _keys(denied):
            continue
        found.append(_contrast(text, denied))
    return found


def _contrast(text: str, denied: str) -> Contrast:
    asserted, clause = None, text
    for pattern in _ASSERTED:
        match = pattern.search(text)
        if match:
            asserted, clause = match.group("actor").strip(), text[match.start("actor") :]
            break
    actors = content_words(f"{asserted or ''} {denied}")
    return Contrast(denied, asserted, clause, frozenset(content_words(clause) - actors - _REPORTING))


def _keys(phrase: str) -> list[str]:
    """The words that name the actor: its capitalised words, else its head noun."""
    words = [w for w in _WORD.findall(phrase) if w.lower() not in _GENERIC]
    names = [w for w in words if w[:1].isupper()]
    return names or words[-1:]


def names_denied(contrast: Contrast, other: str) -> str | None:
    """The word of ``other`` that names the actor ``contrast`` denies, when ``other`` does not also
    name the asserted one (then it tells both sides, not the disputed account)."""
    if contrast.asserted and any(_names(key, other) for key in _keys(contrast.asserted)):
        return None
    return next((word for key in _keys(contrast.denied) if (word := _names(key, other))), None)


def _names(key: str, text: str) -> str | None:
    """The word of ``text`` that is ``key`` or, for a name, shares its stem ("Ostrelia's")."""
    for word in _WORD.findall(text):
        bare = re.sub(r"['’]s$", "", word)
        if bare.lower() == key.lower():
            return bare
        if key[:1].isupper() and bare[:1].isupper() and _same_stem(key, bare):
            return bare
    return None


def _same_stem(first: str, second: str) -> bool:
    """A place and its people's adjective: "Ostrelia" and "Ostrelian", "Canada" and "Canadian",
    "Israel" and "Israeli" (the place's final vowel gives way to a demonym ending)."""
    shorter, longer = sorted((first.lower(), second.lower()), key=len)
    stem = shorter[:-1] if shorter[-1] in "aeiou" else shorter
    return len(shorter) >= MIN_STEM and longer.startswith(stem) and longer[len(stem) :] in DEMONYM_ENDINGS
