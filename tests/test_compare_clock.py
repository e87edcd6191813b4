"""Clock times, and accounts of one event that put it at hours apart."""

from __future__ import annotations

import pytest

from storylens.compare.alignment import Features
from storylens.compare.claims import article_claims
from storylens.compare.clock import clock_times
from storylens.compare.conflicts import disagreements
from storylens.compare.entities import story_entities
from tests.test_compare_fixtures import make_article


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("It struck at about 3 a.m.", [180]),
        ("Clashes began just after 4 p.m.", [16 * 60]),
        ("The train left the rails at 23:40 on Monday.", [23 * 60 + 40]),
        ("The train left the rails at 23.40.", [23 * 60 + 40]),
        ("It started around 5.45 in the morning.", [5 * 60 + 45]),
        ("Crews arrived shortly before six in the morning.", [6 * 60]),
        ("The fire started at 5.40 in the shed.", []),  # which half of the day: not said
        ("Kaldor offered 14.50 crowns a share.", []),  # a price
        ("The session lasted 3 hours and 12 minutes.", []),
    ],
)
def test_clock_times_are_read_when_their_half_of_the_day_is_certain(text: str, minutes: list[int]):
    assert [t.minutes for t in clock_times(text)] == minutes


def _times(first: str, second: str) -> list[tuple[str, str, str]]:
    articles = [
        make_article(k, k, "2027-09-18T20:00:00+00:00", "Clashes", body)
        for k, body in (("a", first), ("b", second))
    ]
    entities = story_entities(articles)
    units = [next(u for u in article_claims(a) if u.field == "text") for a in articles]
    return [d for d in disagreements(*units, *(Features.of(u, entities) for u in units)) if d[0] == "date"]


def test_one_event_told_at_hours_apart_is_a_dispute_and_minutes_apart_is_not():
    assert _times("Clashes began at about 3 p.m.", "The clashes started just after 4 p.m.") == [
        ("date", "3 p.m.", "4 p.m.")
    ]
    assert not _times("The blaze started at about 5.40 a.m.", "The blaze began just before 6am.")
