"""Temporal expressions found by pattern and normalised against the publication date.

News writes dates relative to the day it appears ("on Friday", "yesterday", "earlier this
month"), so our own rules resolve them exactly and fast: a weekday is the last one on or before
publication unless the sentence looks ahead ("as early as Saturday", "will ... on Monday"); a
date or month without a year takes the year that puts it nearest publication. Each value keeps
only the precision the text gives: a day, a month or a year. When the publication date is
unknown, the latest full date the article states stands in for it; without one, relative
expressions stay unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storylens.models import SpanField, TemporalExpression

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ],
        start=1,
    )
    for name in names.split()
}
_FULL_MONTH_NAMES = frozenset(date(2000, m, 1).strftime("%B").lower() for m in range(1, 13))
_WEEKDAYS = {
    d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
_MONTH = (
    r"(?P<month>"
    + "|".join(
        m.title() + ("" if m in _FULL_MONTH_NAMES else r"\.?") for m in sorted(_MONTHS, key=len, reverse=True)
    )
    + ")"
)
_WEEKDAY = r"(?P<weekday>" + "|".join(d.title() for d in _WEEKDAYS) + ")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_LEAD_WORDS = (
    "as early as|as late as|no later than|on|in|since|after|before|by|until|from|during|next|last|this|coming"
)
_LEAD = r"\b(?:(?P<lead>(?i:" + _LEAD_WORDS + r"))\s+)?"
_FUTURE_LEADS = frozenset({"as early as", "as late as", "no later than", "next", "coming", "until", "by"})
_FUTURE_CONTEXT = re.compile(
    r"\b(?:will|would|shall|'ll|’ll|(?:is|are|was|were) due|expected|scheduled|set to|plans? to|planned"
    r"|intends? to|to be held)\b",
    re.IGNORECASE,
)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9}  # first month; winter straddles two years
_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
}
_PATTERNS = [
    ("iso", r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b"),
    ("day", _LEAD + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?\b"),
    ("day", _LEAD + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
    ("month", _LEAD + _MONTH + r",?\s+" + _YEAR + r"\b"),
    ("month_of_year", _LEAD + _MONTH + r"\s+(?P<word>last|this|next)\s+year\b"),
    (
        "month",
        r"\b(?P<lead>(?i:(?:(?:by|until|before|at)\s+)?the\s+end\s+of|in|since|by|until|from|during|early"
        r"|late|mid-|earlier in|later in))\s*" + _MONTH + r"(?![\w-])",
    ),
    (
        "month",
        r"\b(?P<month>" + "|".join(m.title() for m in sorted(_FULL_MONTH_NAMES) if m != "may") + r")\b",
    ),
    (
        "season",
        r"\b(?:(?P<lead>(?i:since|by|in|during|until|through|over|before|after))\s+)?(?P<word>(?i:the|last|this|next))"
        r"\s+(?P<season>(?i:spring|summer|autumn))\b(?:\s+of\s+" + _YEAR + r"\b)?",
    ),
    ("holiday", _LEAD + r"(?P<holiday>Christmas(?: Eve| Day)?|Boxing Day)\b"),
    ("weekday", r"\b(?:(?i:in)\s+)?(?i:the\s+(?:early|small)\s+hours\s+of)\s+" + _WEEKDAY + r"\b"),
    ("weekday", _LEAD + _WEEKDAY + r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
    (
        "relative_day",
        r"\b(?P<word>yesterday|today|tomorrow|tonight|last night|this morning|this afternoon|this evening)\b",
    ),
    (
        "relative_month",
        r"(?:\b(?:by|until|before|at)\s+)?\b(?:the\s+)?end\s+of\s+the\s+month\b|"
        r"\b(?P<word>(?:earlier|later) this month|this month|last month|next month)\b",
    ),
    ("relative_week", r"\b(?P<word>(?:earlier|later) this week|this week|last week|next week)\b"),
    (
        "relative_year",
        r"\b(?P<word>(?:earlier|later) this year|(?:the )?end of (?:the|this) year|this year|last year"
        r"|next year)\b",
    ),
    (
        "year",
        r"\b(?P<lead>(?i:in|since|after|before|by|until|from|during|of|for))\s+(?:(?i:early|late|mid-?)\s*)?"
        + _YEAR
        + r"\b",
    ),
]
_COMPILED = [
    (kind, re.compile(pattern, re.IGNORECASE if kind.startswith("relative") else 0))
    for kind, pattern in _PATTERNS
]
_DAY_OFFSETS = {"yesterday": -1, "last night": -1, "tomorrow": 1}
_OFFSET_WORDS = {"last": -1, "this": 0, "next": 1}


@dataclass
class Anchor:
    """The date relative expressions count from; ``exact`` when it is the publication day."""

    day: date
    exact: bool


def find_dates(text: str, field: SpanField, anchor: Anchor | None) -> list[TemporalExpression]:
    """Every temporal expression of ``text``, left to right; the more precise pattern wins an overlap."""
    found: list[TemporalExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            if kind == "weekday" and text[max(0, start - 6) : start].lower() == "every ":
                continue  # a recurring day ("every Saturday") is no one date
            value = _resolve(kind, match, anchor, _looks_ahead(text, start, match))
            found.append(TemporalExpression(text[start:end], start, end, value, field))
    return sorted(found, key=lambda t: t.start)


def anchor_for(published: datetime | None, texts: list[str]) -> Anchor | None:
    """The publication day, else the latest full date the texts state (``exact=False``), else None."""
    if published is not None:
        return Anchor(published.date(), exact=True)
    stated = [
        date(int(m["year"]), _month_number(m), int(m["day"]))
        for text in texts
        for kind, pattern in _COMPILED[:3]
        for m in pattern.finditer(text)
        if m["year"] and _valid_day(m)
    ]
    return Anchor(max(stated), exact=False) if stated else None


def _offset(phrase: str | None) -> int:
    """-1, 0 or +1 for a phrase that opens with "last", "this" or "next" ("last week"); else 0
    ("earlier this month" is this month)."""
    first = (phrase or "").lower().split()[:1]
    return _OFFSET_WORDS.get(first[0], 0) if first else 0


def _month_number(match: re.Match[str]) -> int:
    if "m" in match.groupdict():
        return int(match["m"])
    return _MONTHS[match["month"].rstrip(".").lower()]


def _valid_day(match: re.Match[str]) -> bool:
    """True when the match names a real calendar day (a year is required)."""
    try:
        date(int(match["year"] or "x"), _month_number(match), int(match["day"]))
    except ValueError:
        return False
    return True


def _looks_ahead(text: str, start: int, match: re.Match[str]) -> bool:
    lead = (match.groupdict().get("lead") or "").lower()
    if lead in _FUTURE_LEADS:
        return True
    if lead == "last":
        return False
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(_FUTURE_CONTEXT.search(text, sentence_start, start + len(match.group())))


def _resolve(kind: str, match: re.Match[str], anchor: Anchor | None, ahead: bool) -> str | None:
    groups = match.groupdict()
    if kind in {"iso", "day"}:
        return _full_date(match, anchor)
    if kind == "month" and groups.get("year"):
        return f"{int(groups['year']):04d}-{_month_number(match):02d}"
    if kind == "year" or kind == "season" and groups["year"]:
        return groups["year"]
    if anchor is None:
        return None
    if kind == "month":
        return _month_only(_month_number(match), anchor.day)
    if kind == "month_of_year":
        return f"{anchor.day.year + _OFFSET_WORDS[groups['word'].lower()]:04d}-{_month_number(match):02d}"
    if kind == "relative_month":
        return _shift_month(anchor.day, _offset(groups["word"]))
    if kind == "relative_week":
        return _week(anchor.day, _offset(groups["word"]))
    if kind == "relative_year":
        return str(anchor.day.year + _offset(groups["word"]))
    if kind == "season":
        return _season(_SEASONS[groups["season"].lower()], groups["word"].lower(), anchor.day, ahead)
    if kind == "holiday":
        return _nearest_year_date(*_HOLIDAYS[groups["holiday"].lower()], anchor.day)
    if kind == "weekday":
        return _weekday(
            groups["weekday"].lower(), (groups.get("lead") or "").lower(), anchor.day, ahead
        ).isoformat()
    return (anchor.day + timedelta(days=_DAY_OFFSETS.get(groups["word"].lower(), 0))).isoformat()


def _full_date(match: re.Match[str], anchor: Anchor | None) -> str | None:
    if match["year"]:
        return (
            date(int(match["year"]), _month_number(match), int(match["day"])).isoformat()
            if _valid_day(match)
            else None
        )
    if anchor is None:
        return None
    return _nearest_year_date(_month_number(match), int(match["day"]), anchor.day)


def _nearest_year_date(month: int, day: int, anchor: date) -> str | None:
    """A year-less date in the year that puts it nearest the anchor ("April 17" in March: ahead)."""
    try:
        candidates = [date(anchor.year + offset, month, day) for offset in (-1, 0, 1)]
    except ValueError:
        return None
    return min(candidates, key=lambda d: abs((d - anchor).days)).isoformat()


def _month_only(month: int, anchor: date) -> str:
    """A year-less month in the year that puts it nearest the anchor's month."""
    index = anchor.year * 12 + anchor.month - 1
    candidates = [(anchor.year + offset) * 12 + month - 1 for offset in (-1, 0, 1)]
    nearest = min(candidates, key=lambda c: abs(c - index))
    return f"{nearest // 12:04d}-{nearest % 12 + 1:02d}"


def _week(anchor: date, offset: int) -> str | None:
    """A week as precisely as it can be named: its month when all its days fall in one, else its year."""
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}"
    return str(monday.year) if monday.year == sunday.year else None


def _season(first_month: int, word: str, anchor: date, ahead: bool) -> str:
    """The year of the season meant: "this spring" the anchor's; "next spring" the next to begin;
    one looked ahead to ("by the summer") the next not yet over; "last autumn" the last one over;
    else ("since the autumn") the last one begun."""
    year = anchor.year
    if word == "this":
        return str(year)
    if word == "next":
        return str(year if anchor.month < first_month else year + 1)
    if word == "the" and ahead:
        return str(year if anchor.month < first_month + 3 else year + 1)
    begun = anchor.month >= first_month + (3 if word == "last" else 0)
    return str(year if begun else year - 1)


def _shift_month(anchor: date, offset: int) -> str:
    index = anchor.year * 12 + anchor.month - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _weekday(name: str, lead: str, anchor: date, ahead: bool) -> date:
    """The named weekday: the last one on or before the anchor, or the next one after it."""
    target = _WEEKDAYS[name]
    if ahead:
        days = (target - anchor.weekday()) % 7 or (7 if lead == "next" else 0)
        return anchor + timedelta(days=days)
    days = (anchor.weekday() - target) % 7 or (7 if lead == "last" else 0)
    return anchor - timedelta(days=days)
