"""Live blogs and teasers: every listed update is kept, in page order; teaser cards are not."""

from __future__ import annotations

import json

import pytest

from storylens.extract import extract
from storylens.extract.body import article_paragraphs, main_blocks
from storylens.extract.liveblog import with_live_updates
from storylens.extract.metadata import article_objects, parse_html
from storylens.ingest import RawDocument
from storylens.models import Article

SUMMARY = [
    "Rescue crews reached the last stranded hikers on Kellan Ridge late on Sunday, ending a two-day search.",
    "All eleven walkers were flown to Brannock hospital, where two are being treated for hypothermia.",
    "The group had set out on Saturday morning on a guided walk that should have taken six hours.",
    "Police said the guide raised the alarm when a storm cut the path back to the car park.",
    "Volunteers from three villages joined the search, which at its height involved ninety people.",
]
UPDATES = [
    (
        "Last group reached",
        [
            "The mountain rescue team confirmed at 9.40pm that the final four hikers had been found alive.",
            "“They were cold and hungry but in remarkably good spirits,” said team leader Orla Venn.",
        ],
    ),
    (
        "Helicopter grounded by fog",
        ["Fog over the northern face kept the coastguard helicopter grounded for most of the afternoon."],
    ),
]


def _post(headline: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<div class="live-post"><time>8:02PM</time><h3 class="live-post__title">{headline}</h3>'
        f'<div class="post-text">{body}</div><button>Share</button></div>'
    )


def _page(with_json_ld: bool = True) -> str:
    updates = [
        {"@type": "BlogPosting", "headline": head, "articleBody": " ".join(text)} for head, text in UPDATES
    ]
    json_ld = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "liveBlogUpdate": updates}
    script = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>' if with_json_ld else ""
    key_events = "".join(f'<li><a href="#u{i}">{head}</a></li>' for i, (head, _) in enumerate(UPDATES))
    summary = "".join(f"<p>{p}</p>" for p in SUMMARY)
    posts = "".join(_post(head, text) for head, text in UPDATES)
    return (
        f"<html><head><title>Kellan Ridge rescue live</title>{script}</head><body>"
        "<h1>Kellan Ridge rescue: all hikers found</h1>"
        f'<aside><h3>Key events</h3><ul class="key-events">{key_events}</ul></aside>'
        f'<div itemprop="articleBody">{summary}</div>'
        f'<article class="live-stream" itemprop="articleBody">{posts}</article>'
        "<footer><p>Share this page</p></footer></body></html>"
    )


def _paragraphs(markup: str) -> list[str]:
    tree = parse_html(markup)
    blocks = main_blocks(tree, None)
    return with_live_updates(article_paragraphs(blocks), [t for _, t in blocks], tree, article_objects(tree))


def test_trafilatura_alone_keeps_only_the_summary() -> None:
    """The case the live-blog step is for: without JSON-LD the updates are lost."""
    paragraphs = _paragraphs(_page(with_json_ld=False))
    assert paragraphs == SUMMARY


def test_every_listed_update_comes_back_with_its_headline_in_page_order() -> None:
    expected = SUMMARY + [block for head, text in UPDATES for block in (head, *text)]
    assert _paragraphs(_page()) == expected


def test_live_blog_article_has_no_furniture_from_the_stream() -> None:
    article = extract(RawDocument(source="live.html", kind="html", content=_page()))
    assert "Orla Venn" in article.text
    for furniture in ("Share", "8:02PM", "Key events"):
        assert furniture not in article.text


def _story(extra: str, byline: str = "") -> Article:
    """A plain story page: headline, byline, the summary paragraphs, then ``extra``."""
    body = "".join(f"<p>{sentence}</p>" for sentence in SUMMARY)
    page = f"<html><body><article><h1>Ridge rescue</h1>{byline}{body}{extra}</article></body></html>"
    return extract(RawDocument(source="p.html", kind="html", content=page))


@pytest.mark.parametrize(
    ("markup", "kept", "dropped"),
    [
        (  # a teaser card: a headline that only links elsewhere and its one-line blurb
            "<h2><span class='sr-only'>Dam talks stall</span><a href='/dam'>Dam talks stall</a></h2>"
            "<p>Negotiators left without a date for the next round.</p>",
            [],
            ["Dam talks stall", "Negotiators left"],
        ),
        (  # a linked subhead over a long entry is article text, not a blurb
            "<h2><a href='/mill'>The Old Mill, Dunmore</a></h2>"
            "<p>The mill reopened in May. Its kitchen serves lunch daily. Bookings open a week ahead.</p>",
            ["The mill reopened in May."],
            ["The Old Mill, Dunmore"],
        ),
    ],
)
def test_teaser_cards_are_dropped_and_linked_entries_kept(
    markup: str, kept: list[str], dropped: list[str]
) -> None:
    text = _story(markup + "<p>The search was the largest in the park's history, rangers said.</p>").text
    assert "largest in the park" in text
    for phrase in kept:
        assert phrase in text
    for phrase in dropped:
        assert phrase not in text


def test_inline_markup_joins_without_a_space_before_punctuation() -> None:
    text = _story(
        "<p>The search was led by <a href='/t'>Kellan Mountain Rescue</a>, with <b>Brannock</b> "
        "coastguard<br>and volunteers from three villages.</p>"
    ).text
    assert "led by Kellan Mountain Rescue, with Brannock coastguard and volunteers" in text


def test_author_bio_with_a_short_first_name_is_dropped() -> None:
    bio = "<p>Kate Moyle is a news writer who covers the outdoors and rural affairs.</p>"
    article = _story(bio, byline="<p class='byline'>By Katherine Moyle</p>")
    assert article.authors == ["Katherine Moyle"]
    assert "news writer" not in article.text
