"""The timeline: the story's dated events, merged across outlets and ordered.

An event is a claim holding a resolved date expression. The same date in the same aligned claim
from several outlets is one entry, cited to the most neutral wording and also to the rest.
"""

from __future__ import annotations

from collections import defaultdict

from storylens.compare.alignment import most_neutral
from storylens.compare.claims import ClaimUnit
from storylens.models import Citation, TemporalExpression, TimelineEntry


def build_timeline(units: list[ClaimUnit], claim_ids: list[str]) -> list[TimelineEntry]:
    events: dict[tuple[str, str], list[tuple[ClaimUnit, TemporalExpression]]] = defaultdict(list)
    for unit, claim_id in zip(units, claim_ids, strict=True):
        for date in unit.dates:
            events[(date.value, claim_id)].append((unit, date))
    entries = [_entry(value, mentions) for (value, _), mentions in events.items()]
    return [entry for _, entry in sorted(entries, key=lambda pair: (pair[1].date, pair[0]))]


def _entry(value: str, mentions: list[tuple[ClaimUnit, TemporalExpression]]) -> tuple[float, TimelineEntry]:
    unit = most_neutral([u for u, _ in mentions])
    date = next(d for u, d in mentions if u is unit)
    also = [Citation(u.article.id, u.start, u.end, u.field) for u, _ in mentions if u is not unit]
    entry = TimelineEntry(
        value,
        unit.text,
        unit.article.id,
        unit.start,
        unit.end,
        date.expression,
        unit.field,
        list({(c.article_id, c.start): c for c in also}.values()),
    )
    return min(u.position for u, _ in mentions), entry
