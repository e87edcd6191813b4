"""The text helpers behind the pages: marked paragraphs, spans in context, safe links, safe FTS queries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storylens.models import Article
from storylens.store.queries import fts_query
from storylens.web.present import Mark, article_when, in_context, initials, marked_paragraphs, when
from storylens.web.security import safe_url
from tests.test_web_corpus import sentences_of

TEXT = "First sentence here. Second one, marked.\n\nA new paragraph. It ends."


@st.composite
def text_and_marks(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(st.text(alphabet="ab \n.", min_size=1, max_size=60))
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=6))
    return text, [Mark(min(a, b), max(a, b), f"k{i}") for i, (a, b) in enumerate(spans)]


@given(text_and_marks())
def test_marked_paragraphs_keep_every_character_and_mark_exact_spans(case: tuple[str, list[Mark]]) -> None:
    text, marks = case
    pieces = [piece for para in marked_paragraphs(text, marks) for piece in para]
    assert "".join(p.text for p in pieces).replace("\n", "") == text.replace("\n", "")
    for piece in pieces:
        if piece.mark:
            assert text[piece.mark.start : piece.mark.end] == piece.text


def test_overlapping_marks_keep_the_one_listed_first() -> None:
    cited = Mark(0, 5, "cited")
    claim = Mark(0, 20, "c1")
    (para, _second) = marked_paragraphs(TEXT, [cited, claim])
    assert [(p.text, p.mark.key if p.mark else None) for p in para[:2]] == [
        ("First", "cited"),
        (" sentence here. Second one, marked.", None),  # the overlapping claim is dropped
    ]


def test_marks_across_paragraphs_are_split_per_paragraph() -> None:
    start, end = TEXT.index("marked"), TEXT.index("new")
    first, second = marked_paragraphs(TEXT, [Mark(start, end, "c")])
    assert first[-1].text == "marked." and second[0].text == "A "


def test_in_context_gives_the_sentence_and_its_neighbours_within_the_paragraph() -> None:
    article = Article(id="a", source="s", text=TEXT, sentences=sentences_of(TEXT))
    start = TEXT.index("Second")
    shown = in_context(article, start, start + 6)
    assert (shown.before, shown.hit, shown.after) == ("First sentence here. ", "Second", " one, marked.")
    title = Article(id="b", source="s", text="", title="A title")
    assert in_context(title, 2, 7, "title").hit == "title"


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("//evil.example/x", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_url_keeps_only_http_links(url: str | None, kept: bool) -> None:
    assert (safe_url(url) is not None) is kept


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("bridge closed", '"bridge" "closed"'),
        ('"( NEAR OR', '"NEAR" "OR"'),
        ("x' OR 1=1 --", '"x" "OR" "1" "1"'),
        ("  ", ""),
    ],
)
def test_fts_query_quotes_every_word(query: str, expression: str) -> None:
    assert fts_query(query) == expression


def test_labels_and_dates() -> None:
    assert initials("The Daily Clarion") == "DC" and initials(None) == "?"
    assert when("2026-03-02T08:00:00") == "2 Mar 2026, 08:00 UTC"
    assert when("2026-03-02T08:00:00+05:30") == "2 Mar 2026, 08:00 +05:30"
    assert when("2026-03-02T08:00:00", with_time=False) == "2 Mar 2026"


def test_an_article_without_a_zone_shows_its_printed_time_as_local() -> None:
    article = Article(id="a", source="s", text="", published_local=datetime(2025, 3, 20, 18, 45))
    assert article_when(article) == "20 Mar 2025, 18:45 local time"
    assert article_when(Article(id="b", source="s", text="")) == "undated"
    stamped = Article(id="c", source="s", text="", published=datetime(2025, 3, 20, 18, 45, tzinfo=UTC))
    assert article_when(stamped) == "20 Mar 2025, 18:45 UTC"
