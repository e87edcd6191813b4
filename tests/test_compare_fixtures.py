"""Fictional articles for the compare and present tests, annotated by hand.

The annotations are what analysis would give: sentences, entity mentions, dates and quotes, each
found in the text by its exact wording, so every span is true to the text.
"""

from __future__ import annotations

import re
from datetime import datetime

from storylens.models import Article, Entity, Mention, Quote, Sentence, TemporalExpression

_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")


def make_article(
    article_id: str,
    outlet: str,
    published: str,
    title: str,
    body: str,
    *,
    names: dict[str, str] | None = None,
    dates: dict[str, str] | None = None,
    quotes: list[tuple[str, str]] | None = None,
    subtitle: str | None = None,
    duplicate_of: str | None = None,
) -> Article:
    """``names``: name -> entity type; ``dates``: expression -> value; ``quotes``: (quoted text, speaker)."""
    names, dates, quotes = names or {}, dates or {}, quotes or []
    article = Article(
        id=article_id,
        source=f"{article_id}.txt",
        text=body,
        outlet=outlet,
        title=title,
        subtitle=subtitle,
        published=datetime.fromisoformat(published),
        duplicate_of=duplicate_of,
    )
    article.sentences = _sentences(body)
    article.entities = [Entity(_key(n), n, t, [], None, [article_id]) for n, t in names.items()]
    article.mentions = [
        Mention(m.group(0), m.start(), m.end(), t, _key(n), field_name)
        for n, t in names.items()
        for field_name in ("text", "title", "subtitle")
        for m in re.finditer(re.escape(n), getattr(article, field_name) or "")
    ]
    article.dates = [
        TemporalExpression(expr, body.index(expr), body.index(expr) + len(expr), value)
        for expr, value in dates.items()
    ]
    article.quotes = [
        Quote(
            article_id,
            speaker,
            _key(speaker),
            speaker,
            text,
            body.index(text),
            body.index(text) + len(text),
            "direct",
            "said",
        )
        for text, speaker in quotes
    ]
    return article


def _key(name: str) -> str:
    return "k-" + name.lower().replace(" ", "-")


def _sentences(body: str) -> list[Sentence]:
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(body)]
    ends = [m.start() for m in _SENTENCE_END.finditer(body)] + [len(body.rstrip())]
    return [Sentence(s, e) for s, e in zip(starts, ends, strict=True)]


STRIKE_NAMES = {
    "Port of Kestrel Bay": "ORG",
    "Harbour Authority": "ORG",
    "Dockworkers Union": "ORG",
    "Mara Velling": "PERSON",
}


def strike_story() -> list[Article]:
    """Four outlets on one dock strike: a wire report, a tabloid, a partisan site, a syndicated copy."""
    wire_body = (
        "Dock workers at the Port of Kestrel Bay walked off the job on Monday after talks with the "
        "Harbour Authority broke down. The Dockworkers Union said 1,200 members joined the strike. "
        "Union leader Mara Velling said the workers wanted a fair deal on overtime. "
        "The union's proposals include doubling overtime pay for night shifts. "
        "The Harbour Authority agreed to resume talks with the union on Thursday. "
        "The port handles most of the region's grain exports."
    )
    wire = make_article(
        "wire",
        "Meridian Wire",
        "2025-03-03T10:00:00+00:00",
        "Kestrel Bay dock workers strike over pay",
        wire_body,
        names=STRIKE_NAMES,
        dates={"on Monday": "2025-03-03", "on Thursday": "2025-03-06"},
    )
    tabloid = make_article(
        "tabloid",
        "The Daily Clarion",
        "2025-03-03T10:30:00+00:00",
        "Chaos at the docks as strike bites",
        "Dock workers at the Port of Kestrel Bay walked out on Monday after talks with the Harbour Authority "
        "collapsed. The Dockworkers Union said 1,500 members joined the strike. "
        "Mara Velling admitted the workers wanted a fair deal on overtime. "
        "The Harbour Authority refused to resume talks with the union on Thursday. "
        "Lorries queued for miles on the coast road as the gates stayed shut.",
        names=STRIKE_NAMES,
        dates={"on Monday": "2025-03-03", "on Thursday": "2025-03-06"},
    )
    partisan = make_article(
        "partisan",
        "The Liberty Beacon",
        "2025-03-03T12:00:00+00:00",
        "Union shuts down Kestrel Bay port",
        "Dock workers at the Port of Kestrel Bay walked off the job on Monday after talks with the "
        "Harbour Authority broke down. "
        "The union's radical demands include doubling overtime pay for night shifts. "
        "Union leader Mara Velling said the workers wanted a fair deal on overtime. "
        "The port handles most of the region's grain exports.",
        names=STRIKE_NAMES,
        dates={"on Monday": "2025-03-03"},
    )
    copy = make_article(
        "copy",
        "The Halden Chronicle",
        "2025-03-03T13:00:00+00:00",
        "Dock strike halts Kestrel Bay port",
        wire_body,
        names=STRIKE_NAMES,
        dates={"on Monday": "2025-03-03", "on Thursday": "2025-03-06"},
        duplicate_of="wire",
    )
    return [wire, tabloid, partisan, copy]


def test_fixture_spans_match_their_text():
    for article in strike_story():
        assert article.sentences and all(article.text[s.start] != " " for s in article.sentences)
        for mention in article.mentions:
            assert getattr(article, mention.field)[mention.start : mention.end] == mention.text
        for date in article.dates:
            assert article.text[date.start : date.end] == date.expression
