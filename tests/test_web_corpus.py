"""A small hand-made store for the web tests: one compared story, one hostile story, many small ones.

Stories are built from model objects and saved through the real store, so the pages read
exactly what the pipeline would have written. Spans are found in the text, never typed in.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from storylens.models import (
    Article,
    Citation,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    Framing,
    FramingVariant,
    Omission,
    Quote,
    Sentence,
    Story,
    SummarySentence,
    Support,
    TimelineEntry,
)
from storylens.store import Store

HOSTILE = '<script>alert("x")</script>'
JS_LINK = '<a href="javascript:alert(1)">click</a>'
IMG = '<img src="x" onerror="alert(2)">'
#: Every page family showing the hostile story's text.
HOSTILE_PAGES = [
    "/",
    "/stories/story-evil",
    "/stories/story-evil/read",
    "/stories/story-evil/claims/x1",
    "/articles/evil-1",
    "/entities/e-evil",
    "/search?q=alert",
]

BRIDGE_TEXTS = {
    "wire-1": (
        "Meridian Wire",
        "Harbour bridge closed after crack found",
        datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
        "The harbour bridge was closed on Monday after engineers found a crack in a main support. "
        "About 40,000 vehicles cross the bridge each day, the city transport office said.\n\n"
        "Mayor Lina Ortiz said the closure would last at least two weeks. “Safety comes first,” Ortiz said.",
    ),
    "clarion-1": (
        "The Daily Clarion",
        "Bridge chaos: city cut in two!",
        datetime(2026, 3, 2, 11, 30, tzinfo=UTC),
        "Chaos hit Kestrel Bay as the harbour bridge was closed on Monday after engineers found a crack "
        "in a main support. Furious commuters faced hours of delays.\n\n"
        "Mayor Lina Ortiz said the closure would last at least two weeks. "
        "About 35,000 vehicles use the bridge daily.",
    ),
    "progress-1": (
        "Progress Daily",
        "Years of warnings before bridge shut",
        datetime(2026, 3, 3, 9, 0, tzinfo=UTC),
        "The harbour bridge was closed on Monday after engineers found a crack in a main support.\n\n"
        "Inspectors had warned of corrosion in 2024. About 45,000 vehicles cross the bridge each day, "
        "according to updated city figures.",
    ),
}


@dataclass
class Corpus:
    bridge: Story
    hostile: Story
    filler_ids: list[str]
    articles: dict[str, Article]


def sentences_of(text: str) -> list[Sentence]:
    return [Sentence(m.start(), m.end()) for m in re.finditer(r"[^\s][^.!?\n]*[.!?”]*", text)]


def make_article(
    article_id: str, outlet: str, title: str, published: datetime, text: str, story_id: str
) -> Article:
    return Article(
        id=article_id,
        source=f"fixtures/{article_id}.txt",
        text=text,
        outlet=outlet,
        url=f"https://example.org/{article_id}",
        title=title,
        published=published,
        authors=["Staff"],
        sentences=sentences_of(text),
        story_id=story_id,
    )


def support(article: Article, phrase: str) -> Support:
    start = article.text.index(phrase)
    return Support(article.id, phrase, start, start + len(phrase))


def _bridge_story(arts: dict[str, Article]) -> Story:
    wire, clarion, progress = arts["wire-1"], arts["clarion-1"], arts["progress-1"]
    closed = "the harbour bridge was closed on Monday after engineers found a crack in a main support."
    claims = [
        Claim(
            "c1",
            "The harbour bridge was closed on Monday after a crack was found.",
            "consensus",
            [
                support(wire, "The" + closed[3:]),
                support(clarion, closed),
                support(progress, "The" + closed[3:]),
            ],
            importance=1.0,
        ),
        Claim(
            "c2",
            "The mayor said the closure would last at least two weeks.",
            "partial",
            [
                support(a, "Mayor Lina Ortiz said the closure would last at least two weeks.")
                for a in (wire, clarion)
            ],
            speaker="Lina Ortiz",
            importance=0.8,
        ),
        Claim(
            "c3",
            "About 40,000 vehicles cross the bridge each day.",
            "consensus",
            [
                support(wire, "About 40,000 vehicles cross the bridge each day"),
                support(clarion, "About 35,000 vehicles use the bridge daily"),
                support(progress, "About 45,000 vehicles cross the bridge each day"),
            ],
            importance=0.7,
        ),
        Claim(
            "c4",
            "commuters faced hours of delays",  # a clause cut from its sentence, as compare cuts them
            "unique",
            [support(clarion, "commuters faced hours of delays")],
            importance=0.4,
        ),
        Claim(
            "c5",
            "Inspectors had warned of corrosion in 2024.",
            "unique",
            [support(progress, "Inspectors had warned of corrosion in 2024.")],
            importance=0.5,
        ),
    ]
    quote_text = "Safety comes first,"
    q_start = wire.text.index(quote_text)
    indirect = "the closure would last at least two weeks"
    quotes = [
        Quote(
            wire.id,
            "Lina Ortiz",
            "e-ortiz",
            "Ortiz",
            quote_text,
            q_start,
            q_start + len(quote_text),
            "direct",
            "said",
        ),
        *(
            Quote(
                a.id,
                "Lina Ortiz",
                "e-ortiz",
                "Mayor Lina Ortiz",
                indirect,
                a.text.index(indirect),
                a.text.index(indirect) + len(indirect),
                "indirect",
                "said",
            )
            for a in (wire, clarion)
        ),
    ]
    monday, in_2024 = support(wire, "on Monday"), support(progress, "in 2024")
    first = support(wire, "The harbour bridge was closed on Monday")
    return Story(
        id="story-bridge",
        title="Kestrel Bay harbour bridge closed after crack found",
        article_ids=list(arts),
        outlets=sorted(a.outlet or "" for a in arts.values()),
        first_published=wire.published,
        last_published=progress.published,
        entities=[
            Entity(
                "e-ortiz",
                "Lina Ortiz",
                "PERSON",
                ["Lina Ortiz", "Ortiz", "Mayor Lina Ortiz"],
                "mayor of Kestrel Bay",
                list(arts)[:2],
            ),
            Entity("e-kestrel", "Kestrel Bay", "GPE", ["Kestrel Bay"], None, ["clarion-1"]),
        ],
        quotes=quotes,
        claims=claims,
        omissions=[
            Omission("wire-1", ["c5", "c4"]),
            Omission("clarion-1", ["c5"]),
            Omission("progress-1", ["c2", "c4"]),
        ],
        conflicts=[
            Conflict(
                ["c3"],
                "number",
                "Daily traffic over the bridge",
                [
                    ConflictValue("progress-1", "45,000", "2026-03-03T09:00:00+00:00"),
                    ConflictValue("wire-1", "40,000", "2026-03-02T08:00:00+00:00"),
                ],
                update=True,
            ),
            Conflict(
                ["c3"],
                "number",
                "Vehicles a day, as first reported",
                [
                    ConflictValue("wire-1", "40,000"),
                    ConflictValue("clarion-1", "35,000"),
                ],
            ),
            Conflict(
                ["c3"],
                "number",
                "The parties disagree on the repair bill",
                [
                    ConflictValue("wire-1", "2 million markas (the council)"),
                    ConflictValue("wire-1", "3 million markas (the contractor)"),
                ],
            ),
        ],
        loaded_terms=[
            {
                "outlet": "The Daily Clarion",
                "entity_id": "e-kestrel",
                "entity": "Kestrel Bay",
                "terms": [
                    {"term": "chaos", "connotation": "alarm", "count": 1},
                    {"term": "furious", "connotation": "alarm", "count": 1},
                ],
                "article_ids": ["clarion-1"],
            }
        ],
        framing=[
            Framing(
                "c1",
                [
                    FramingVariant("wire-1", "was closed", connotation="neutral"),
                    FramingVariant("clarion-1", "Chaos hit Kestrel Bay", connotation="loaded"),
                ],
                note="The Clarion leads with chaos.",
            )
        ],
        summary=[
            SummarySentence(
                "The harbour bridge was closed on Monday after engineers found a crack.",
                [Citation("wire-1", first.start, first.end)],
                "c1",
            )
        ],
        timeline=[
            TimelineEntry(
                "2024",
                "Inspectors had warned of corrosion.",
                "progress-1",
                in_2024.start,
                in_2024.end,
                "in 2024",
            ),
            TimelineEntry(
                "2026-03-02", "The bridge was closed.", "wire-1", monday.start, monday.end, "on Monday"
            ),
        ],
    )


def _hostile_story() -> tuple[Story, Article]:
    text = f"Body with {HOSTILE} and {JS_LINK} and {IMG} inside.\n\nA second paragraph."
    article = make_article(
        "evil-1",
        f"<b>Evil</b> {HOSTILE}",
        f"Title {HOSTILE}",
        datetime(2026, 2, 1, 12, 0, tzinfo=UTC),
        text,
        "story-evil",
    )
    article.url = "javascript:alert(3)"
    claim = Claim("x1", f"Claim {IMG}", "unique", [support(article, HOSTILE)])
    story = Story(
        id="story-evil",
        title=f"Story {HOSTILE}",
        article_ids=[article.id],
        outlets=[article.outlet or ""],
        first_published=article.published,
        last_published=article.published,
        entities=[Entity("e-evil", f"Name {HOSTILE}", "PERSON", [IMG], JS_LINK, [article.id])],
        quotes=[
            Quote(
                article.id,
                f"Name {HOSTILE}",
                "e-evil",
                JS_LINK,
                HOSTILE,
                claim.support[0].start,
                claim.support[0].end,
                "direct",
            )
        ],
        claims=[claim],
        summary=[SummarySentence(f"Summary {JS_LINK}", [Citation(article.id, 0, 4)])],
        framing=[Framing("x1", [FramingVariant(article.id, HOSTILE, connotation=IMG)], note=JS_LINK)],
        loaded_terms=[
            {
                "outlet": article.outlet,
                "entity_id": "e-evil",
                "entity": HOSTILE,
                "terms": [{"term": IMG, "connotation": JS_LINK, "count": 2}],
                "article_ids": [article.id],
            }
        ],
    )
    return story, article


def _filler(number: int) -> tuple[Story, Article]:
    """A one-article story: enough of them to need pagination."""
    published = datetime(2026, 1, 1, 9, 0, tzinfo=UTC) + timedelta(days=number)
    article = make_article(
        f"filler-{number}",
        "Northgate Evening Post",
        f"Council notice number {number}",
        published,
        f"The council published notice number {number} about road repairs.",
        f"story-filler-{number}",
    )
    story = Story(
        id=article.story_id or "",
        title=f"Council notice {number}",
        article_ids=[article.id],
        outlets=[article.outlet or ""],
        first_published=published,
        last_published=published,
    )
    return story, article


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def build_corpus(store: Store, fillers: int = 25) -> Corpus:
    """Save the corpus into ``store`` through its public write methods."""
    bridge_articles = {
        key: make_article(key, outlet, title, published, text, "story-bridge")
        for key, (outlet, title, published, text) in BRIDGE_TEXTS.items()
    }
    bridge = _bridge_story(bridge_articles)
    hostile, evil = _hostile_story()
    fillers_made = [_filler(n) for n in range(fillers)]
    everything = [(bridge, list(bridge_articles.values())), (hostile, [evil])]
    everything += [(story, [article]) for story, article in fillers_made]
    for story, articles in everything:
        for article in articles:
            store.save_article(article, content_hash(article.text))
        store.save_story(story)
    all_articles = {a.id: a for _, arts in everything for a in arts}
    return Corpus(bridge, hostile, [s.id for s, _ in fillers_made], all_articles)


def test_every_span_of_the_corpus_matches_its_text(sqlite_store: Store) -> None:
    corpus = build_corpus(sqlite_store, fillers=1)
    for story in (corpus.bridge, corpus.hostile):
        for claim in story.claims:
            for s in claim.support:
                assert corpus.articles[s.article_id].text[s.start : s.end] == s.text
        for quote in story.quotes:
            assert corpus.articles[quote.article_id].text[quote.start : quote.end] == quote.text
        for entry in story.timeline:
            assert corpus.articles[entry.article_id].text[entry.start : entry.end] == entry.expression


def test_the_corpus_reads_back_from_the_store(sqlite_store: Store) -> None:
    corpus = build_corpus(sqlite_store, fillers=3)
    assert sqlite_store.load_story("story-bridge") == corpus.bridge
    assert sqlite_store.count_articles() == len(corpus.articles)
