"""Omissions: per article, the facts other outlets report and it does not, most important first."""

from __future__ import annotations

from storylens.models import Article, Claim, Omission


def find_omissions(claims: list[Claim], articles: list[Article]) -> list[Omission]:
    shared = [c for c in claims if c.status in ("consensus", "partial")]
    shared.sort(key=lambda c: -c.importance)  # stable: ties keep claim order
    omissions = []
    for article in articles:
        missing = [c.id for c in shared if all(s.article_id != article.id for s in c.support)]
        if missing:
            omissions.append(Omission(article.id, missing))
    return omissions
