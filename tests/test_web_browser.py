"""End to end in Debian's Chromium (Playwright, never ``playwright install``) against a real uvicorn."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn

from storylens.store import Store
from storylens.web.app import create_app
from storylens.web.views import story as story_views
from tests.test_web_corpus import BRIDGE_TEXTS, HOSTILE_PAGES, build_corpus

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def running_server(store: Store) -> Iterator[str]:
    """Serve the app on a free loopback port in a thread; yields the base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(store), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = Store(str(tmp_path_factory.mktemp("browser") / "web.db"))
    build_corpus(store, fillers=3)
    with running_server(store) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        reason = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("STORYLENS_REQUIRE_BROWSER"):  # CI installs it: a skip there would hide a failure
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, base_url: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=base_url)
    opened = context.new_page()
    opened.dialogs = []  # type: ignore[attr-defined]
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def test_search_open_story_expand_claim_read_side_by_side_follow_entity(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    assert page.locator("h1").inner_text() == "Stories"
    page.get_by_label("Search articles and claims").fill("corrosion")
    page.get_by_role("button", name="Search", exact=True).first.click()
    page.wait_for_url("**/search?q=corrosion")
    page.get_by_role("link", name="Kestrel Bay harbour bridge closed after crack found").first.click()
    page.wait_for_url("**/stories/story-bridge")

    claim = page.locator("#claim-c1")
    contexts = claim.locator("blockquote.context")
    assert not contexts.first.is_visible()
    claim.locator("summary").click()
    assert contexts.count() == len(BRIDGE_TEXTS)
    for index in range(contexts.count()):
        assert contexts.nth(index).is_visible()
        assert "bridge was closed on Monday" in contexts.nth(index).locator("mark").inner_text()

    page.locator("#read").get_by_label("Progress Daily").check()  # a third next to the two chosen by default
    page.get_by_role("button", name="Read side by side").click()
    page.wait_for_url("**/stories/story-bridge/read?**")
    columns = page.locator(".column")
    assert columns.count() == 3
    first_mark = columns.nth(0).locator('mark[data-claim="c1"]')
    twin = columns.nth(1).locator('mark[data-claim="c1"]')
    first_mark.hover()
    assert "lit" in (twin.get_attribute("class") or "")  # the same claim lights up in the other column
    first_mark.locator("a.claim-num").click()
    assert page.evaluate("location.hash") == "#c1-c1"

    page.get_by_role("link", name="← Kestrel Bay harbour bridge closed after crack found").click()
    page.locator("#entities").get_by_role("link", name="Lina Ortiz").click()
    page.wait_for_url("**/entities/e-ortiz")
    assert page.locator("h1").inner_text() == "Lina Ortiz"
    assert page.locator(".quote").count() == 3


def test_a_claim_past_the_budget_loads_its_sentences_when_opened(
    page, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(story_views, "INLINE_SUPPORTS", 3)
    page.goto("/stories/story-bridge")
    claim = page.locator("#claim-c3")
    claim.locator("summary").click()
    sentences = claim.locator("blockquote.context")
    sentences.first.wait_for()
    assert sentences.count() == 3
    assert "About 35,000 vehicles use the bridge daily" in claim.inner_text()


def test_claims_open_from_the_keyboard(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/stories/story-bridge")
    summary = page.locator("#claim-c2 summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("#claim-c2 details").get_attribute("open") is not None


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_text_stays_inert_in_the_browser(page, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(path)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    for link in page.locator("a").all():
        href = link.get_attribute("href") or ""
        assert not href.strip().lower().startswith("javascript:")
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # our own, from /static
    page.wait_for_timeout(200)
    assert page.dialogs == []  # no alert() ran
    if path != "/search?q=alert":
        assert '<script>alert("x")</script>' in page.locator("main").inner_text()


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled sample corpus through the whole pipeline, served."""
    from storylens.cli import SAMPLE_DIR
    from storylens.pipeline import ingest_paths

    store = Store(str(tmp_path_factory.mktemp("sample") / "sample.db"))
    report = ingest_paths([str(SAMPLE_DIR)], store)
    assert report.errors == [], [str(e) for e in report.errors]
    with running_server(store) as url:
        yield url
    store.close()


@pytest.mark.slow
def test_sample_corpus_home_story_claim_and_side_by_side(browser, sample_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=sample_url)
    page = context.new_page()
    page.goto("/?order=largest")
    page.locator(".story-list").last.locator("h3 a").first.click()
    page.wait_for_url("**/stories/**")
    claim = page.locator("li.claim").first
    claim.locator("summary").click()
    supports = claim.locator("li.support")
    supports.first.wait_for()
    assert supports.count() >= 2 and claim.locator("blockquote.context mark").count() == supports.count()
    page.get_by_role("button", name="Read side by side").click()
    assert page.locator(".column").count() == 2
    assert page.locator(".column mark.claim").count() > 0
    context.close()
