"""Claim texts cut from longer sentences are shown with an ellipsis; the stored text stays exact."""

from __future__ import annotations

import pytest

from storylens.models import Article, Citation, Claim, Story, SummarySentence, Support
from storylens.present.excerpt import excerpt, quotation, shown_text
from storylens.present.markdown import render_markdown


@pytest.mark.parametrize(
    ("text", "field", "shown"),
    [
        ("The mill employs 340 people.", "text", "The mill employs 340 people."),
        (
            "ended with an agreement to survey the frontier.",
            "text",
            "… ended with an agreement to survey the frontier.",
        ),
        (
            "A fire broke out at the mill early on Monday",
            "text",
            "A fire broke out at the mill early on Monday …",
        ),
        ("injuring 12 workers, the service said", "text", "… injuring 12 workers, the service said …"),
        ('"There was no water, nothing.', "text", '"There was no water, nothing.'),
        ('He called the plan "fair."', "text", 'He called the plan "fair."'),
        (
            "MILL INFERNO HORROR! 14 hurt as flames rip through factory",
            "title",
            "MILL INFERNO HORROR! 14 hurt as flames rip through factory",
        ),
        ("talks resume in Geneva", "subtitle", "… talks resume in Geneva"),
        (
            "A fire broke out at the mill early on Monday",
            None,
            "A fire broke out at the mill early on Monday",
        ),
        ("14 hurt in mill fire", "text", "14 hurt in mill fire …"),
    ],
)
def test_excerpt_marks_where_the_sentence_goes_on(text, field, shown):
    assert excerpt(text, field) == shown


def _claim(text: str, field: str) -> Claim:
    support = [
        Support("a1", "Fire at the mill", 0, 16, "title"),
        Support("a2", text, 40, 40 + len(text), field),
    ]
    return Claim("c1", text, "partial", support)


def test_a_claim_is_shown_in_the_field_of_the_span_its_text_is():
    assert shown_text(_claim("Fire at the mill", "text")) == "Fire at the mill"  # the title's span
    assert shown_text(_claim("the roof fell in", "text")) == "… the roof fell in …"
    sentence = SummarySentence("the roof fell in", [Citation("a2", 40, 56, "text")])
    assert shown_text(sentence) == "… the roof fell in …"
    assert shown_text("the roof fell in") == "… the roof fell in"  # field unknown: the start only


def test_report_shows_the_excerpt_and_the_story_keeps_the_exact_span():
    claim = _claim("ended with an agreement to survey the frontier", "text")
    story = Story(id="s1", title="Talks", article_ids=["a1", "a2"], claims=[claim])
    articles = [Article(id=i, source=i, text="x", outlet=f"Outlet {i}") for i in ("a1", "a2")]
    report = render_markdown(story, articles)
    assert "- … ended with an agreement to survey the frontier … — *Outlet a1, Outlet a2*" in report
    assert story.to_dict()["claims"][0]["text"] == "ended with an agreement to survey the frontier"


@pytest.mark.parametrize(
    ("span", "shown"),
    [
        (
            'Ostrelia wanted "a fair line drawn by surveyors.',
            'Ostrelia wanted "a fair line drawn by surveyors."',
        ),
        ("she was “neither optimistic nor pessimistic", "she was “neither optimistic nor pessimistic”"),
        ("We have come to settle this, not to manage it,", "We have come to settle this, not to manage it"),
        ("Maravia had come “to settle this”, a phrase", "Maravia had come “to settle this”, a phrase"),
        ("Maravia’s line is fair", "Maravia’s line is fair"),
    ],
)
def test_a_quote_is_shown_with_its_quotation_marks_closed(span, shown):
    assert quotation(span) == shown
