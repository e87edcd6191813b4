"""Omissions: what other outlets had reported by the time an article was published."""

from __future__ import annotations

from datetime import datetime

from storylens.compare.omissions import find_omissions, reported_by
from storylens.models import Article, Claim, Support


def _article(article_id: str, published: str | None) -> Article:
    when = datetime.fromisoformat(published) if published else None
    return Article(
        id=article_id, source=f"{article_id}.txt", text="", outlet=article_id.upper(), published=when
    )


def test_a_fact_first_reported_later_is_no_omission():
    articles = [
        _article("early", "2025-03-05T08:00:00+00:00"),
        _article("monday", "2025-03-05T10:00:00+00:00"),
        _article("tuesday", "2025-03-06T10:00:00+01:00"),
        _article("later", "2025-03-07T10:00:00+00:00"),
        _article("undated", None),
    ]
    walkout = Claim(
        "c1", "The envoy walked out.", "partial", [Support(a, "", 0, 1) for a in ("monday", "tuesday")]
    )
    omitted = {o.article_id: o.claim_ids for o in find_omissions([walkout], articles)}
    assert omitted == {"later": ["c1"], "undated": ["c1"]}


def test_times_in_other_zones_and_unknown_times_compare_as_in_time():
    noon_utc = datetime.fromisoformat("2025-03-05T12:00:00+00:00")
    assert reported_by(noon_utc, [datetime.fromisoformat("2025-03-05T12:45:00+01:00")])  # 11:45 UTC
    assert not reported_by(noon_utc, [datetime.fromisoformat("2025-03-05T14:00:00+01:00")])
    assert reported_by(noon_utc, [None]) and reported_by(None, [noon_utc])
