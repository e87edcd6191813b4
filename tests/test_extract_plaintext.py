"""The scraped-text cleaner: fixtures, clutter patterns, and properties checked by hypothesis."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storylens.extract.plaintext import clean_scraped_text, clutter_kind

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
IST = timezone(timedelta(hours=5, minutes=30))


def test_scraped_page_is_split_into_its_parts() -> None:
    clean = clean_scraped_text((FIXTURES / "ferry-strike.txt").read_text(encoding="utf-8"))
    assert clean.title == "Ferry crews walk out over rota changes"
    assert clean.subtitle == "Services between Port Ashby and the islands cancelled for two days"
    assert clean.authors == ["Nalini Keswani"]
    assert clean.updated == datetime(2025, 3, 3, 14, 20, tzinfo=IST)
    assert clean.body.split("\n\n") == [
        "Ferry crews on the Port Ashby routes walked out on Monday in a dispute over new rotas. "
        "The operator cancelled all sailings until Wednesday.",
        "“Nobody asked us about the changes,” said deckhand Oren Maddox. "
        "He said some crews would lose two rest days a month.",
        "Talks next week",
        "The operator said it would meet union officials next Tuesday.",
    ]


def test_plain_body_comes_through_unchanged() -> None:
    body = (FIXTURES / "plain-body.txt").read_text(encoding="utf-8").strip()
    clean = clean_scraped_text(body)
    assert (clean.body, clean.title, clean.subtitle, clean.authors) == (body, None, None, [])


def test_published_stamp_and_byline() -> None:
    clean = clean_scraped_text(
        "Headline words\n\nPublished: 4 March 2025, 09:05 GMT\nBy Ana Pell and Rui Sato\n\n"
        "Body sentence one. Body sentence two."
    )
    assert clean.published == datetime(2025, 3, 4, 9, 5, tzinfo=UTC)
    assert clean.authors == ["Ana Pell", "Rui Sato"]
    assert clean.body == "Body sentence one. Body sentence two."


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "IMAGE: Reuters | Image:self",
        "Photo credit: Lena Ost/Ledger",
        "Share this article",
        "Facebook | Twitter | Email",
        "Subscribe to our newsletter for the latest updates",
        "Read more: Port fees rise",
        "Follow The Ashby Herald on X",
        "Reported by: Nalini Keswani",
        "Updated March 3rd, 2025 at 14:20 IST",
    ],
)
def test_clutter_lines_are_recognised(line: str) -> None:
    assert clutter_kind(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday the fire was out.",
        "Follow-up talks are planned for Monday.",
        "Advertisements for the job ran for weeks.",
        "The photo showed the harbour at dawn.",
        "Published figures show a fall in trade.",
        "He said share prices had fallen.",
    ],
)
def test_sentences_that_merely_start_like_clutter_are_kept(line: str) -> None:
    assert clutter_kind(line) is None


# --------------------------------------------------------------------------- properties

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéø’'-", min_size=1, max_size=9)
SENTENCE = st.builds(
    lambda words, end, quoted: (
        f"“{' '.join(words).capitalize()}{end}”" if quoted else f"{' '.join(words).capitalize()}{end}"
    ),
    st.lists(WORD, min_size=1, max_size=12),
    st.sampled_from([".", "!", "?", ""]),
    st.booleans(),
)
CLUTTER = st.sampled_from(
    [
        "Advertisement",
        "IMAGE: Reuters | Image:self",
        "Share this article",
        "Reported by: Ana Pell",
        "Updated March 3rd, 2025 at 14:20 IST",
        "Subscribe to our newsletter",
        "Follow us on X",
        "Read more",
    ]
)
LINE = st.one_of(st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join), CLUTTER)
DOCUMENT = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n", "\n\n\n"])), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_cleaner_never_raises_on_any_text(text: str) -> None:
    clean_scraped_text(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r")))
def test_cleaner_never_invents_text(text: str) -> None:
    clean = clean_scraped_text(text)
    for line in clean.body.split("\n"):
        assert line in text
    for part in (clean.title, clean.subtitle):
        assert part is None or part in text


@settings(max_examples=150, deadline=None)
@given(DOCUMENT)
def test_cleaner_keeps_every_line_no_clutter_pattern_claims(lines: list[tuple[str, str]]) -> None:
    text = "".join(line + gap for line, gap in lines)
    clean = clean_scraped_text(text)
    kept = "\n".join(filter(None, (clean.title, clean.subtitle, clean.body)))
    for line, _ in lines:
        if clutter_kind(line) is None:
            assert line.strip() in kept


def test_a_lone_paragraph_after_the_headline_is_the_body_not_a_standfirst() -> None:
    clean = clean_scraped_text(
        "MONDAY, MAY 23, 2005\nFERRY HALTED!!\nThe island ferry was halted today and..."
    )
    assert clean.title == "FERRY HALTED!!"
    assert clean.subtitle is None
    assert clean.body == "The island ferry was halted today and..."


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("IMAGE: Harbour Herald | Image:self", "Harbour Herald"),
        ("© Lantern Wire 2025. All rights reserved.", "Lantern Wire"),
        ("Copyright 2024 Halden Post", "Halden Post"),
        ("OSTRAVEL, March 3 (Lantern Wire) - The ferry ran aground on Monday.", "Lantern Wire"),
        ("Photo: Rob Talley/Harbour Herald", "Harbour Herald"),
    ],
)
def test_the_page_furniture_names_its_outlet(line: str, outlet: str) -> None:
    text = (
        f"Ferry runs aground off Ostravel\n\nThe ferry ran aground on Monday, the coastguard said.\n\n{line}"
    )
    assert clean_scraped_text(text).outlet == outlet


def test_no_outlet_is_guessed_from_plain_prose() -> None:
    text = (
        "Ferry runs aground\n\nThe minister (Lantern Wire reported) said the ferry ran aground.\n\nPhoto: AP"
    )
    assert clean_scraped_text(text).outlet is None
