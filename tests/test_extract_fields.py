"""Dates with the offsets pages mean, and author names cleaned of bylines and roles."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from storylens.extract import extract
from storylens.extract.authors import clean_authors
from storylens.extract.dates import parse_date
from storylens.ingest import RawDocument


def zone(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 3rd, 2025 at 14:20 IST", datetime(2025, 3, 3, 14, 20, tzinfo=zone(5.5))),
        ("3 March 2025 09:05 GMT", datetime(2025, 3, 3, 9, 5, tzinfo=zone(0))),
        ("Mar 3, 2025 2:20 PM EST", datetime(2025, 3, 3, 14, 20, tzinfo=zone(-5))),
        ("Mar 3, 2025 2:20 PM (UTC+05:30)", datetime(2025, 3, 3, 14, 20, tzinfo=zone(5.5))),
        ("Tue, 04 Mar 2025 10:30:00 +0000", datetime(2025, 3, 4, 10, 30, tzinfo=zone(0))),
        ("2025-03-03T14:20:00Z", datetime(2025, 3, 3, 14, 20, tzinfo=zone(0))),
        ("2025-03-03T14:20:00-04:00", datetime(2025, 3, 3, 14, 20, tzinfo=zone(-4))),
        ("3 March 2025", datetime(2025, 3, 3)),  # no zone written: naive, none invented
    ],
)
def test_dates_keep_the_offset_the_page_meant(text: str, expected: datetime) -> None:
    value = parse_date(text)
    assert value == expected and value.utcoffset() == expected.utcoffset()


def test_unreadable_date_is_none() -> None:
    assert parse_date("sometime soon-ish") is None and parse_date("") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe and John Smith, Political Editor", ["Jane Doe", "John Smith"]),
        (["Reported by: Priya Raman in New Delhi", "priya@example.org"], ["Priya Raman"]),
        ("By Ana de la Cruz | Senior Reporter", ["Ana de la Cruz"]),
        ("BY MELISSA GOLDIN", ["Melissa Goldin"]),
        ("Jean-Luc O’Neill & Mary Ann Evans", ["Jean-Luc O’Neill", "Mary Ann Evans"]),
        (["https://example.org/staff/jd", "Staff Reporter"], []),
        (["Kaito Brenner", "Kaito Brenner"], ["Kaito Brenner"]),
    ],
)
def test_author_names_are_clean(raw: str | list[str], expected: list[str]) -> None:
    assert clean_authors(raw) == expected


def test_a_stamp_with_no_zone_anywhere_gets_no_invented_offset() -> None:
    text = (
        "Ferry timetable changes from Monday\n"
        "Thursday 20 March 2025 6.45pm\n"
        "By Callum Ferris\n\n"
        "The harbour board said the winter timetable would end on Monday, a week earlier than planned.\n"
    )
    article = extract(RawDocument(source="ferry.txt", kind="text", content=text))
    assert article.published is None  # the instant is unknown
    assert article.published_local == datetime(2025, 3, 20, 18, 45)
    assert article.published_local.tzinfo is None
    assert article.contract_dict()["published_local"] == "2025-03-20T18:45:00"
