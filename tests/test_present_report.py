"""Markdown and HTML reports of one story: every section present, article text inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from storylens.compare import compare_story
from storylens.models import Article, Claim, Conflict, ConflictValue, Story, Support
from storylens.present.markdown import escape, render_markdown
from storylens.present.report_html import render_html
from tests.test_compare_fixtures import strike_story

pytestmark = pytest.mark.slow  # compare embeds the claims

HOSTILE = "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>"


@pytest.fixture(scope="module")
def hostile_story():
    articles = strike_story()
    articles[1].title = HOSTILE
    articles[1].outlet = "Evil <b>Outlet</b> | *x*"
    return compare_story("strike", articles), articles


def test_markdown_report_has_every_section_and_cites_outlets(hostile_story):
    story, articles = hostile_story
    report = render_markdown(story, articles)
    for heading in (
        "Summary",
        "What every outlet reports",
        "What some outlets report",
        "Conflicts and updates",
        "Framing",
        "What each outlet leaves out",
        "Timeline",
    ):
        assert f"\n## {heading}\n" in report
    assert "1. Dock workers at the Port of Kestrel Bay walked off the job" in report
    assert "Meridian Wire" in report and "The Halden Chronicle (copy)" in report


def test_markdown_escapes_article_text(hostile_story):
    story, articles = hostile_story
    report = render_markdown(story, articles)
    assert not re.search(r"(?<!\\)<", report)  # no live inline HTML
    assert not re.search(r"(?<!\\)\]\(", report)  # no live Markdown link
    assert escape("a *b* <c>") == r"a \*b\* \<c\>"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += attrs


def test_html_report_is_self_contained_and_inert(hostile_story):
    story, articles = hostile_story
    page = render_html([story], articles)
    parser = _Tags()
    parser.feed(page)
    assert {"script", "img", "a", "link", "iframe"}.isdisjoint(parser.tags)
    assert not [a for a in parser.attributes if a[0].startswith("on") or a[0] in {"src", "href"}]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"https?://", page)
    assert "<h2>Summary</h2>" in page and page.startswith("<!DOCTYPE html>")


def test_html_report_holds_several_stories(hostile_story):
    story, articles = hostile_story
    page = render_html([story, story], articles)
    assert page.count("<article>") == 2 and "<title>storylens stories</title>" in page


def test_an_article_of_unknown_outlet_is_cited_by_the_id_the_coverage_shows():
    claim = Claim(
        "c1", "The mill reopened.", "partial", [Support(i, "The mill reopened.", 0, 18) for i in ("a1", "a2")]
    )
    story = Story(id="s1", title="Mill", article_ids=["a1", "a2"], claims=[claim])
    articles = [
        Article(id="a1", source="a1", text="x", outlet="Meridian Wire"),
        Article(id="a2", source="a2", text="x"),
    ]
    report = render_markdown(story, articles)
    assert "- The mill reopened. — *Meridian Wire, unknown outlet, id a2*" in report
    assert "- a2 — *unknown outlet* `id a2`" in report  # the Coverage list


def _mill_story() -> tuple[Story, list[Article]]:
    support = [
        Support("a1", "The mill reopened on Monday.", 0, 28),
        Support("a2", "Brenner mill opens its doors again", 0, 34, "title"),
        Support("a2", "the mill was back at work", 10, 35),
        Support("a3", "the mill was back at work", 10, 35, copy_of="a2"),
    ]
    claim = Claim("c1", "The mill reopened on Monday.", "partial", support)
    story = Story(id="s1", title="Mill", article_ids=["a1", "a2", "a3"], claims=[claim])
    articles = [
        Article(id="a1", source="a1", text="x", outlet="Meridian Wire"),
        Article(id="a2", source="a2", text="x", outlet="The Halden Chronicle"),
        Article(id="a3", source="a3", text="x", outlet="Northgate Evening Post", duplicate_of="a2"),
    ]
    return story, articles


def test_a_claim_of_several_outlets_shows_each_outlets_own_words():
    report = render_markdown(*_mill_story())
    outlets = "Meridian Wire, The Halden Chronicle, Northgate Evening Post (copy)"
    claim_line = f"- The mill reopened on Monday. — *{outlets}*"
    wordings = [
        "  - Brenner mill opens its doors again — *The Halden Chronicle* `headline`",
        "  - … the mill was back at work … — *The Halden Chronicle, Northgate Evening Post (copy)*",
    ]
    lines = report.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(claim_line))
    assert lines[start + 1 : start + 3] == wordings  # the shown span itself is not repeated


def test_the_html_report_nests_each_outlets_words_under_the_claim():
    story, articles = _mill_story()
    page = render_html([story], articles)
    assert '<ul class="wordings"><li>Brenner mill opens its doors again' in page


def test_a_dispute_between_parties_is_marked_so():
    story, articles = _mill_story()
    said = [ConflictValue("a1", "19 hours (the union)"), ConflictValue("a1", "11 (the port authority)")]
    story.conflicts = [Conflict(["c1"], "number", "The parties disagree on the figure.", said)]
    report = render_markdown(story, articles)
    assert "- The parties disagree on the figure. `number, between parties`" in report
