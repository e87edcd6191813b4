"""Dates as written on news pages, read with the UTC offset the page meant.

dateparser converts every zone to UTC and misreads some abbreviations (IST is India,
+05:30, not Israel), so the zone is split off and resolved from our own table first; the
rest is parsed naive and given that offset back.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

# Abbreviations news sites print, with the offset they mean in news usage.
TZ_OFFSETS: dict[str, str] = {
    "UTC": "+00:00",
    "GMT": "+00:00",
    "Z": "+00:00",
    "WET": "+00:00",
    "BST": "+01:00",
    "WEST": "+01:00",
    "CET": "+01:00",
    "WAT": "+01:00",
    "CEST": "+02:00",
    "EET": "+02:00",
    "SAST": "+02:00",
    "CAT": "+02:00",
    "EEST": "+03:00",
    "MSK": "+03:00",
    "EAT": "+03:00",
    "AST": "+03:00",
    "GST": "+04:00",
    "PKT": "+05:00",
    "IST": "+05:30",
    "NPT": "+05:45",
    "ICT": "+07:00",
    "WIB": "+07:00",
    "SGT": "+08:00",
    "HKT": "+08:00",
    "PHT": "+08:00",
    "AWST": "+08:00",
    "JST": "+09:00",
    "KST": "+09:00",
    "ACST": "+09:30",
    "AEST": "+10:00",
    "AEDT": "+11:00",
    "NZST": "+12:00",
    "NZDT": "+13:00",
    "EST": "-05:00",
    "EDT": "-04:00",
    "CST": "-06:00",
    "CDT": "-05:00",
    "MST": "-07:00",
    "MDT": "-06:00",
    "PST": "-08:00",
    "PDT": "-07:00",
    "AKST": "-09:00",
    "AKDT": "-08:00",
    "HST": "-10:00",
}

_OFFSET = r"[+\-−]\d{1,2}(?::?\d{2})?"
_ZONE_AT_END = re.compile(
    rf"\s*\(?(?:(?P<abbr>[A-Z]{{1,4}})\s*(?P<rel>{_OFFSET})?|(?P<offset>{_OFFSET}))\)?\s*$"
)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_AT = re.compile(r"\s+at\s+|\s*[|·•]\s*", re.IGNORECASE)
_DOTTED_DATE = re.compile(
    r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"
)  # 07.03.2025 is day first wherever dots are used
_DOTTED_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})\s*([ap]\.?m\.?)", re.IGNORECASE)  # 6.45pm


def _offset(text: str) -> timezone:
    sign = -1 if text[0] in "-−" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def _split_zone(text: str) -> tuple[str, timezone | None]:
    """The text without its trailing zone, and the zone it names (None when none or unknown)."""
    match = _ZONE_AT_END.search(text)
    if not match:
        return text, None
    head = text[: match.start()]
    if match["offset"]:
        return head, _offset(match["offset"])
    abbr = match["abbr"]
    if abbr in ("UTC", "GMT") and match["rel"]:
        return head, _offset(match["rel"])
    if abbr in TZ_OFFSETS and not match["rel"]:
        return head, _offset(TZ_OFFSETS[abbr])
    return text, None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _normalise(text: str) -> str:
    text = _DOTTED_DATE.sub(r"\3-\2-\1", _DOTTED_TIME.sub(r"\1:\2\3", text))
    return _AT.sub(" ", _ORDINAL.sub(r"\1", text)).strip(" ,")


def parse_date(text: str | None) -> datetime | None:
    """A datetime for ``text`` with the offset it names; naive when it names none, so that no
    offset is invented and a caller can tell that no zone was written."""
    if not text or not text.strip():
        return None
    text = text.strip()
    value = _iso(text)
    if value is None:
        import dateparser  # slow to import; only needed for non-ISO dates

        head, zone = _split_zone(text)
        value = dateparser.parse(
            _normalise(head), languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False}
        )
        if value is None:
            return None
        if zone is not None:
            value = value.replace(tzinfo=zone)
    return value
