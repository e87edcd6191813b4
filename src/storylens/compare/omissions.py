"""Omissions: per article, the facts other outlets had reported by the time it was published and
it does not report, most important first.

A fact first reported after an article was published is no omission of that article: the wire
report of Wednesday's opening did not leave out Thursday's walkout. An unknown publication time
never rules a fact out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from storylens.models import Article, Claim, Omission


def find_omissions(claims: list[Claim], articles: list[Article]) -> list[Omission]:
    shared = [c for c in claims if c.status in ("consensus", "partial")]
    shared.sort(key=lambda c: -c.importance)  # stable: ties keep claim order
    published = {a.id: a.published for a in articles}
    omissions = []
    for article in articles:
        missing = [
            c.id
            for c in shared
            if all(s.article_id != article.id for s in c.support)
            and reported_by(article.published, (published.get(s.article_id) for s in c.support))
        ]
        if missing:
            omissions.append(Omission(article.id, missing))
    return omissions


def reported_by(published: datetime | None, reports: Iterable[datetime | None]) -> bool:
    """One of the ``reports`` (publication times of the articles stating a fact) came out no later
    than ``published``; an unknown time on either side counts as in time."""
    if published is None:
        return True
    return any(report is None or _utc(report) <= _utc(published) for report in reports)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
