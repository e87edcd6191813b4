"""Clock times in a claim ("about 3 a.m.", "23:40", "six in the morning"), as minutes after
midnight, for comparing when two accounts say one event happened (``conflicts``).

A time is read only when its half of the day is certain: "a.m."/"p.m.", a 24-hour hour ("23:40",
"at 04.10"), or "in the morning", "in the afternoon", "in the evening", "at night"; "at 5.40"
alone is left out, and so is "14.50" without a word of time before it ("14.50 crowns a share").
"Just before", "shortly after", "about" are left as written: accounts of one moment differ by
minutes, and ``conflicts`` reads a time as disputed only when the accounts lie far apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HOURS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_HALF = r"(?P<half>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
_PART = r"(?P<part>in the morning|in the afternoon|in the evening|at night|tonight)"
_CLOCK = re.compile(
    r"(?<![\w.:])(?:"
    rf"(?P<hour>\d{{1,2}})(?:[.:](?P<minute>\d{{2}}))?\s*(?:{_HALF}|(?:o'clock\s+)?{_PART})?"
    rf"|(?P<word>{'|'.join(_HOURS)})(?:\s+o'clock)?\s+{_PART.replace('part', 'wpart')}"
    r"|(?P<named>midnight|noon|midday)"
    r")",
    re.IGNORECASE,
)
_AFTERNOON = ("afternoon", "evening", "night", "tonight")
# A number written as a time, whatever its half of the day: "14:50", "5.40 a.m.", "6pm"; "5.40"
# with a dot only after a word of time ("at 5.40", "until 6.15"): "14.50 crowns a share" is a price.
_WRITTEN_TIME = re.compile(r"\d{1,2}:\d{2}|\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m|p\.?m)\b", re.IGNORECASE)
_DOTTED_TIME = re.compile(r"\d{1,2}\.\d{2}\b")
_BEFORE_TIME = re.compile(
    r"\b(?:at|until|till|by|from|before|after)(?:\s+(?:about|around|roughly))?\s+$", re.IGNORECASE
)


@dataclass(frozen=True)
class ClockTime:
    minutes: int  # after midnight
    raw: str


def clock_times(text: str) -> list[ClockTime]:
    """Every clock time of ``text`` whose half of the day is certain."""
    found = []
    for match in _CLOCK.finditer(text):
        minutes = _minutes(match, text)
        if minutes is not None:
            found.append(ClockTime(minutes, match.group(0).strip()))
    return found


def _minutes(match: re.Match[str], text: str) -> int | None:
    if match.group("named"):
        return 0 if match.group("named").lower() == "midnight" else 12 * 60
    if match.group("word"):
        hour = _HOURS.index(match.group("word").lower()) + 1
        return _twelve_hour(hour, 0, afternoon=match.group("wpart").lower().endswith(_AFTERNOON))
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    if hour > 23 or minute > 59:
        return None
    if match.group("half"):
        return _twelve_hour(hour, minute, afternoon=match.group("half").lower().startswith("p"))
    if match.group("part"):
        return _twelve_hour(hour, minute, afternoon=match.group("part").lower().endswith(_AFTERNOON))
    twenty_four = hour >= 13 or match.group("hour").startswith("0")
    if (
        match.group("minute")
        and twenty_four
        and (":" in match.group(0) or after_time_word(text, match.start()))
    ):
        return hour * 60 + minute  # a 24-hour clock: "23:40", "at 23.40" (not "14.50 crowns")
    return None


def written_as_time(text: str, start: int) -> bool:
    """The number at ``start`` is written as a time of day, so it is no figure
    (``text.figures``), whether or not its half of the day is known."""
    return bool(
        _WRITTEN_TIME.match(text, start) or (_DOTTED_TIME.match(text, start) and after_time_word(text, start))
    )


def after_time_word(text: str, start: int) -> bool:
    """``start`` follows a word that introduces a time ("at", "until", "from about")."""
    return bool(_BEFORE_TIME.search(text[max(0, start - 24) : start]))


def _twelve_hour(hour: int, minute: int, afternoon: bool) -> int | None:
    if not 1 <= hour <= 12:
        return None
    return (hour % 12 + (12 if afternoon else 0)) * 60 + minute


def apart(first: ClockTime, second: ClockTime) -> int:
    """Minutes between two times of day, the short way round midnight."""
    gap = abs(first.minutes - second.minutes)
    return min(gap, 24 * 60 - gap)
