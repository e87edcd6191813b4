"""The polite fetcher against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import ipaddress
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storylens.errors import InputError
from storylens.ingest import IngestOptions, RawDocument, iter_documents
from storylens.ingest.fetch import USER_AGENT, Fetcher

PAGE = (
    b"<!DOCTYPE html><html><head><title>Quay wall repaired</title></head><body><article>"
    b"<h1>Quay wall repaired</h1><p>The quay wall at Fenwick was repaired on Monday after months of "
    b"delays, the harbour board said.</p><p>Fishing boats can moor there again from Friday.</p>"
    b"</article></body></html>"
)
BOMB = gzip.compress(b"<p>" + b"a" * 20_000_000, compresslevel=9)


class Handler(BaseHTTPRequestHandler):
    """Routes for each behaviour under test; records the User-Agent it saw."""

    seen_agents: list[str] = []
    seen_hosts: list[str] = []
    failures_left = {"flaky": 1}

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        self.seen_hosts.append(self.headers.get("Host", ""))
        routes = {
            "/robots.txt": lambda: self.send(200, b"User-agent: *\nDisallow: /private/\n"),
            "/article": lambda: self.send(200, PAGE, Content_Type="text/html; charset=utf-8"),
            "/private/page": lambda: self.send(200, PAGE, Content_Type="text/html"),
            "/moved": lambda: self.send(301, Location="/article"),
            "/loop": lambda: self.send(302, Location="/loop"),
            "/big": lambda: self.send(200, b"<p>" + b"x" * 300_000 + b"</p>", Content_Type="text/html"),
            "/bomb": lambda: self.send(200, BOMB, Content_Type="text/html", Content_Encoding="gzip"),
            "/gone": lambda: self.send(404, b"not here"),
            "/flaky": self.flaky,
        }
        routes.get(self.path, lambda: self.send(404))()

    def flaky(self) -> None:
        if self.failures_left["flaky"]:
            self.failures_left["flaky"] -= 1
            self.send(503)
        else:
            self.send(200, PAGE, Content_Type="text/html")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def options(**overrides: object) -> IngestOptions:
    settings = {"allow_private": True, "per_host_interval": 0.0, "backoff": 0.01, "max_bytes": 200_000}
    return IngestOptions(**{**settings, **overrides})  # type: ignore[arg-type]


def fetch_error(url: str, **overrides: object) -> str:
    fetcher = Fetcher(options(**overrides))
    with pytest.raises(InputError) as caught:
        fetcher.fetch(url)
    fetcher.close()
    assert caught.value.source == url
    return caught.value.reason


def test_page_is_fetched_with_a_storylens_user_agent(server: str) -> None:
    (document,) = iter_documents([f"{server}/article"], options())
    assert isinstance(document, RawDocument) and document.kind == "html"
    assert "Quay wall repaired" in document.content and document.fields["url"] == f"{server}/article"
    assert Handler.seen_agents[-1] == USER_AGENT and "storylens" in USER_AGENT


def test_redirect_is_followed_and_a_loop_is_cut(server: str) -> None:
    assert Fetcher(options()).fetch(f"{server}/moved").url == f"{server}/article"
    assert "redirects" in fetch_error(f"{server}/loop", max_redirects=3)


def test_robots_txt_is_honoured(server: str) -> None:
    assert "robots.txt disallows" in fetch_error(f"{server}/private/page")


def test_size_cap_and_decompression_bomb(server: str) -> None:
    assert "over the 200,000-byte limit" in fetch_error(f"{server}/big")
    assert "decompression bomb" in fetch_error(f"{server}/bomb")


def test_http_error_is_reported_and_transient_failure_retried(server: str) -> None:
    assert "status 404" in fetch_error(f"{server}/gone")
    assert Fetcher(options(retries=1)).fetch(f"{server}/flaky").body == PAGE


def test_private_addresses_are_refused_unless_allowed(server: str) -> None:
    assert "refusing private, loopback or link-local" in fetch_error(f"{server}/article", allow_private=False)
    link_local = "http://169.254.169.254/latest/meta-data"
    assert "refusing" in fetch_error(link_local, allow_private=False)


def test_only_http_urls() -> None:
    assert "only http and https" in fetch_error("http:///no-host")


def test_rate_limit_spaces_requests_to_one_host(server: str) -> None:
    import time

    fetcher = Fetcher(options(per_host_interval=0.3))
    started = time.monotonic()
    for _ in range(2):
        fetcher.fetch(f"{server}/article")
    # robots.txt + 2 pages = 3 requests, so at least 2 intervals
    assert time.monotonic() - started >= 0.6
    fetcher.close()


def test_feed_summary_item_is_fetched_when_allowed(server: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "local.rss.xml"
    feed.write_text(
        f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Quay News</title>
        <item><title>Quay wall repaired</title><link>{server}/article</link>
        <description>Short summary.</description></item></channel></rss>""",
        encoding="utf-8",
    )
    (fetched,) = iter_documents([str(feed)], options(allow_fetch=True))
    assert fetched.kind == "html" and "months of delays" in fetched.content
    assert fetched.fields["item"] == f"{server}/article"
    (summary,) = iter_documents([str(feed)], options(allow_fetch=False))
    assert summary.fields["summary_only"] is True


def test_connections_go_to_the_checked_address_not_a_second_dns_answer(server: str) -> None:
    """DNS rebinding: the first answer is checked, later answers would point elsewhere. Every
    request must reach the checked address while naming the host. ``.test`` names never resolve
    in real DNS, so a request that httpx resolved on its own could not connect at all."""
    answers = [ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("10.255.255.1")]
    asked: list[str] = []

    def rebinding_dns(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        asked.append(host)
        return [answers[min(len(asked), len(answers)) - 1]]

    port = server.rsplit(":", 1)[1]
    fetcher = Fetcher(options(connect_timeout=2.0), resolve=rebinding_dns)
    for _ in range(2):
        fetched = fetcher.fetch(f"http://news.rebind.test:{port}/moved")
        assert fetched.body == PAGE and fetched.url == f"http://news.rebind.test:{port}/article"
    fetcher.close()
    assert asked == ["news.rebind.test"]  # resolved once; robots.txt, redirects and pages pinned
    assert Handler.seen_hosts[-1] == f"news.rebind.test:{port}"


def test_a_private_first_answer_is_refused_before_any_connection() -> None:
    def private_dns(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        return [ipaddress.ip_address("93.184.215.14"), ipaddress.ip_address("192.168.1.20")]

    fetcher = Fetcher(options(allow_private=False), resolve=private_dns)
    with pytest.raises(InputError, match="refusing private.*192.168.1.20"):
        fetcher.fetch("http://mixed.rebind.test/article")
    fetcher.close()


def test_an_international_host_goes_out_in_its_ascii_form(server: str) -> None:
    def local_dns(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        return [ipaddress.ip_address("127.0.0.1")]

    port = server.rsplit(":", 1)[1]
    fetcher = Fetcher(options(connect_timeout=2.0), resolve=local_dns)
    fetched = fetcher.fetch(f"http://nachrichten.bücher.test:{port}/article")
    fetcher.close()
    assert fetched.body == PAGE
    assert Handler.seen_hosts[-1] == f"nachrichten.xn--bcher-kva.test:{port}"


@pytest.mark.parametrize("url", ["http://example.org:abc/a", "http://example.org:99999/a", "http://[::1/a"])
def test_a_malformed_url_is_an_input_error(url: str) -> None:
    assert "not a valid URL" in fetch_error(url)
