"""HTML pages and records to articles: body, reconciled metadata, ids, language."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from storylens.errors import InputError
from storylens.extract import content_hash, extract, extract_all
from storylens.extract.metadata import strip_site_name
from storylens.ingest import RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BST = timezone(timedelta(hours=1))


@pytest.fixture(scope="module")
def bridge():  # type: ignore[no-untyped-def]
    page = (FIXTURES / "harbour-bridge.html").read_text(encoding="utf-8")
    return extract(RawDocument(source="harbour-bridge.html", kind="html", content=page))


def test_body_paragraphs_without_page_furniture(bridge) -> None:  # type: ignore[no-untyped-def]
    paragraphs = bridge.text.split("\n\n")
    assert paragraphs[0].startswith("The Fenwick harbour bridge reopened")
    assert "Traffic returns" in paragraphs  # the subhead is its own paragraph
    assert paragraphs[-1].startswith("Bus services that were diverted")
    for furniture in (
        "cookies",
        "Advertisement",
        "Related stories",
        "Great news",
        "All rights reserved",
        "Harbour bridge reopens",
        "By Maren",
    ):
        assert furniture not in bridge.text
    assert "“We are proud of the crews" in bridge.text  # curly quotes kept


def test_metadata_is_reconciled(bridge) -> None:  # type: ignore[no-untyped-def]
    assert bridge.title == "Harbour bridge reopens after storm repairs"
    assert bridge.subtitle == "Commuters return to the crossing after six weeks of closure and a £4m rebuild"
    # metadata says "Ledger Staff"; the visible byline names the reporters, and wins
    assert bridge.authors == ["Maren Oduya", "Tobias Vell"]
    assert bridge.published == datetime(2025, 4, 2, 8, 15, tzinfo=BST)
    assert bridge.updated == datetime(2025, 4, 2, 11, 40, tzinfo=BST)
    assert bridge.outlet == "The Fenwick Ledger"
    assert bridge.url == "https://fenwickledger.example/news/harbour-bridge-reopens"
    assert bridge.language == "en" and bridge.analysis_supported


def test_id_is_the_url_hash_then_the_given_id() -> None:
    import hashlib

    url = "https://fenwickledger.example/news/harbour-bridge-reopens"
    page = (FIXTURES / "harbour-bridge.html").read_text(encoding="utf-8")
    assert (
        extract(RawDocument(source="x", kind="html", content=page)).id
        == hashlib.sha1(url.encode()).hexdigest()[:16]
    )
    record = RawDocument(source="r", kind="record", fields={"id": "own-7", "text": "A short body sentence."})
    assert extract(record).id == "own-7"


def test_site_name_is_stripped_from_either_end_only_when_it_is_the_site() -> None:
    assert strip_site_name("Bridge reopens | The Fenwick Ledger", "The Fenwick Ledger") == "Bridge reopens"
    assert strip_site_name("Fenwick Ledger - Bridge reopens", "fenwickledger.example") == "Bridge reopens"
    assert strip_site_name("Talks fail - again", "The Fenwick Ledger") == "Talks fail - again"


def test_non_english_is_marked_unsupported() -> None:
    text = (
        "Le pont du port a rouvert mercredi matin, six semaines après une tempête. "
        "Les ingénieurs ont remplacé quatorze sections du tablier."
    )
    article = extract(RawDocument(source="fr.txt", kind="text", content=text))
    assert article.language == "fr" and not article.analysis_supported


def test_page_without_article_text_raises() -> None:
    page = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(InputError) as caught:
        extract(RawDocument(source="nav.html", kind="html", content=page))
    assert caught.value.source == "nav.html" and "no article text" in caught.value.reason


def test_records_use_their_fields() -> None:
    articles, errors = extract_all([str(FIXTURES / "articles.jsonl"), str(FIXTURES / "islands.rss.xml")])
    by_item = {a.source.rsplit("#", 1)[1]: a for a in articles}
    first = by_item["rec-1"]
    assert (first.title, first.outlet, first.authors) == (
        "Dam inspection finds cracks",
        "Vale Watch",
        ["Kaito Brenner"],
    )
    assert first.published == datetime(2025, 5, 1, 9, tzinfo=timezone(timedelta(hours=2)))
    assert (
        by_item["rec-2"].text
        == "The Lowen valley council met on Friday.\n\nIt approved money for the dam repairs."
    )
    school = by_item["https://ashbyherald.example/2025/03/04/school-roof"]
    assert school.authors == ["Lio Marsh"] and school.outlet == "The Ashby Herald" and not school.summary_only
    assert school.updated is None
    assert by_item["https://ashbyherald.example/2025/03/05/harbour-fees"].summary_only
    assert len(errors) == 2


def test_content_hash_ignores_case_whitespace_and_unicode_form() -> None:
    assert content_hash("Café  opens\n\nToday") == content_hash("cafe\u0301 opens today")
    assert content_hash("Café opens") != content_hash("Café closes")


def test_extract_all_does_not_import_nlp_models() -> None:
    code = (
        "import sys; from storylens.extract import extract_all; "
        f"extract_all([{str(FIXTURES)!r}]); "
        "heavy = ('spacy', 'torch', 'sentence_transformers', 'onnxruntime'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
