"""WARC archives: HTML responses become candidates, the rest is counted, a broken record is reported."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storylens.errors import InputError
from storylens.extract import extract
from storylens.ingest import IngestOptions, RawDocument, iter_documents

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = (FIXTURES / "harbour-bridge.html").read_bytes()
INDEX = (
    b'<html><head><meta property="og:type" content="website"></head><body><p>Latest news</p></body></html>'
)


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> None:
    """(url, status, body, content type) as gzipped response records."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, status, body, content_type in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )


def read(path: Path) -> tuple[list[RawDocument | InputError], list[tuple[str, str]]]:
    skipped: list[tuple[str, str]] = []
    items = list(iter_documents([str(path)], IngestOptions(on_skip=lambda s, r: skipped.append((s, r)))))
    return items, skipped


def test_article_records_are_candidates_and_the_rest_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            ("https://fenwickledger.example/news/harbour-bridge-reopens", "200 OK", ARTICLE, "text/html"),
            ("https://fenwickledger.example/", "200 OK", INDEX, "text/html"),
            ("https://fenwickledger.example/tag/transport", "200 OK", INDEX, "text/html; charset=utf-8"),
            ("https://fenwickledger.example/logo.png", "200 OK", b"\x89PNG....", "image/png"),
            ("https://fenwickledger.example/old", "404 Not Found", b"gone", "text/html"),
        ],
    )
    items, skipped = read(path)
    (document,) = items
    assert document.source == f"{path}#https://fenwickledger.example/news/harbour-bridge-reopens"
    assert document.fields["item"] == "https://fenwickledger.example/news/harbour-bridge-reopens"
    assert extract(document).title == "Harbour bridge reopens after storm repairs"
    ((source, reason),) = skipped
    assert source == str(path) and reason.startswith("skipped 4 records that are not articles")


def test_broken_record_is_reported_after_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    good = tmp_path / "good.warc"
    with good.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://a.example/story", "response", payload=io.BytesIO(ARTICLE), http_headers=headers
            )
        )
    path.write_bytes(
        good.read_bytes() + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntrunc"
    )
    items, _ = read(path)
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], InputError) and "broken WARC record after" in items[-1].reason
