"""Ingest from files: every format, directories and globs, and every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from storylens.errors import InputError
from storylens.ingest import IngestOptions, RawDocument, iter_documents

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def documents(*inputs: str | Path, **options: object) -> list[RawDocument | InputError]:
    return list(iter_documents([str(i) for i in inputs], IngestOptions(**options)))  # type: ignore[arg-type]


def only(items: list[RawDocument | InputError]) -> RawDocument:
    assert len(items) == 1 and isinstance(items[0], RawDocument), items
    return items[0]


def error_reason(path: Path, **options: object) -> str:
    (item,) = documents(path, **options)
    assert isinstance(item, InputError), item
    assert item.source == str(path)
    return item.reason


def test_html_and_text_files_are_read_as_such() -> None:
    assert only(documents(FIXTURES / "harbour-bridge.html")).kind == "html"
    text = only(documents(FIXTURES / "ferry-strike.txt"))
    assert text.kind == "text" and text.content.startswith("Ferry crews walk out")


def test_gzipped_page_reads_like_the_page() -> None:
    assert (
        only(documents(FIXTURES / "harbour-bridge.html.gz")).content
        == only(documents(FIXTURES / "harbour-bridge.html")).content
    )


def test_windows_1252_reads_with_curly_quotes() -> None:
    text = only(documents(FIXTURES / "cp1252.txt")).content
    assert "café" in text and "“new rules”" in text and "Zoë" in text


def test_jsonl_bad_lines_are_named_by_line_and_the_rest_go_on() -> None:
    items = documents(FIXTURES / "articles.jsonl")
    good = [i for i in items if isinstance(i, RawDocument)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [d.source.rsplit("#", 1)[1] for d in good] == ["rec-1", "rec-2", "5"]
    assert [d.fields["item"] for d in good] == ["rec-1", "rec-2", None]
    assert good[1].fields["html"].startswith("<p>")
    assert [e.source for e in bad] == [f"{FIXTURES / 'articles.jsonl'}:line {n}" for n in (3, 4)]
    assert "text" in bad[0].reason and "JSON" in bad[1].reason


def test_rss_full_content_and_summary_only_items() -> None:
    full, summary = documents(FIXTURES / "islands.rss.xml")
    assert full.fields["item"] == "https://ashbyherald.example/2025/03/04/school-roof"
    assert full.source.endswith("#https://ashbyherald.example/2025/03/04/school-roof")
    assert "fundraising" in full.fields["html"] and not full.fields.get("summary_only")
    assert summary.fields["summary_only"] is True and "6%" in summary.fields["html"]


def test_atom_entry_carries_its_metadata() -> None:
    entry = only(documents(FIXTURES / "valley.atom.xml"))
    assert entry.fields["authors"] == ["Kaito Brenner"]
    assert entry.fields["published"].startswith("2025-05-02T11:00")


def test_directory_is_read_recursively_and_glob_expands(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "one.txt").write_text("Headline here\n\nA body sentence here.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    assert [d.source for d in documents(tmp_path)] == [str(nested / "one.txt")]
    assert [d.source for d in documents(f"{tmp_path}/**/*.txt")] == [str(nested / "one.txt")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.txt", "empty"),
        ("binary.html", "binary"),
        ("script-only.html", "no visible text"),
        ("truncated.html", "truncated"),
        ("broken.rss.xml", "not a readable RSS/Atom feed"),
    ],
)
def test_bad_inputs_are_errors_naming_the_reason(name: str, expected: str) -> None:
    assert expected in error_reason(FIXTURES / name)


def test_undecodable_bytes_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 50 + b"\x00\x01\x02" * 300)
    assert error_reason(path)


def test_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body><p>" + b"word " * 2_200_000 + b"</p></body></html>")
    assert "over the 10,485,760-byte limit" in error_reason(path)


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b" " * 5_000_000, compresslevel=9))
    assert "decompression bomb" in error_reason(path, max_bytes=1_000_000)


def test_missing_path_and_unsupported_type(tmp_path: Path) -> None:
    assert "no such file" in error_reason(tmp_path / "absent.html")
    (tmp_path / "sheet.csv").write_text("a,b\n", encoding="utf-8")
    assert "unsupported file type" in error_reason(tmp_path / "sheet.csv")


def test_one_bad_input_does_not_stop_the_others() -> None:
    items = documents(FIXTURES / "empty.txt", FIXTURES / "plain-body.txt")
    assert isinstance(items[0], InputError) and isinstance(items[1], RawDocument)


def test_feed_is_read_in_its_declared_encoding(tmp_path: Path) -> None:
    path = tmp_path / "old.rss"
    feed = (
        '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Old Desk</title>'
        "<item><title>Caf\u00e9 owners \u201cangry\u201d</title><link>https://old.example/a</link>"
        "<description>Owners of the caf\u00e9 met.</description></item></channel></rss>"
    )
    path.write_bytes(feed.encode("cp1252"))
    assert only(documents(path)).fields["title"] == "Caf\u00e9 owners \u201cangry\u201d"


def test_feed_file_holding_a_url_is_not_fetched(tmp_path: Path) -> None:
    path = tmp_path / "pointer.xml"
    path.write_text("http://127.0.0.1:9/feed.xml", encoding="utf-8")
    assert "not a readable RSS/Atom feed" in error_reason(path)
