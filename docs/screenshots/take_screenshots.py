"""Screenshots of every page family over the sample corpus, in Debian's headless Chromium.

    .venv/bin/python docs/screenshots/take_screenshots.py [--db sample.db]

Without ``--db`` the sample corpus is ingested into a temporary store first (a minute or two).
Writes PNGs next to this file.
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import uvicorn
from playwright.sync_api import sync_playwright
from sqlalchemy import text

from storylens.store import Store
from storylens.web.app import create_app

HERE = Path(__file__).parent
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
MOST_NAMED_ENTITY = (
    "SELECT entity_id FROM story_entities GROUP BY entity_id ORDER BY count(*) DESC, entity_id"
)
OPEN_FIRST_CLAIM = {"story-claim-open", "story-phone-dark"}


def pages(store: Store) -> list[tuple[str, str, dict, str]]:
    """(file name, path, viewport, colour scheme) for each shot, from what the store holds."""
    with store.engine.connect() as conn:
        story = conn.execute(text("SELECT id FROM stories ORDER BY article_count DESC, id LIMIT 1")).scalar()
        entity = conn.execute(text(MOST_NAMED_ENTITY)).scalar()
        outlet = conn.execute(
            text("SELECT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")
        ).scalar()
        article, start, end = _cited_span(store, story)
    s = f"/stories/{quote(story, safe='')}"
    return [
        ("home", "/", DESKTOP, "light"),
        ("home-phone-dark", "/", PHONE, "dark"),
        ("story", s, DESKTOP, "light"),
        ("story-claim-open", f"{s}#claims", DESKTOP, "light"),
        ("story-omissions-conflicts", f"{s}#omissions", DESKTOP, "light"),
        ("story-framing-quotes", f"{s}#framing", DESKTOP, "light"),
        ("story-phone-dark", f"{s}#claims", PHONE, "dark"),
        ("side-by-side", f"{s}/read", DESKTOP, "light"),
        ("article-cited", f"/articles/{quote(article, safe='')}?hl={start}-{end}#cited", DESKTOP, "light"),
        ("entity", f"/entities/{quote(entity, safe='')}", DESKTOP, "light"),
        ("outlet", f"/outlets/{quote(outlet, safe='')}", DESKTOP, "dark"),
        ("search", "/search?q=sprinklers", DESKTOP, "light"),
    ]


def _cited_span(store: Store, story_id: str) -> tuple[str, int, int]:
    story = store.load_story(story_id)
    assert story is not None and story.summary and story.summary[0].citations
    citation = story.summary[0].citations[0]
    return citation.article_id, citation.start, citation.end


def serve(store: Store) -> tuple[uvicorn.Server, str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(store), log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{sock.getsockname()[1]}"


def shoot(base: str, shots: list[tuple[str, str, dict, str]]) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, path, viewport, scheme in shots:
            context = browser.new_context(viewport=viewport, color_scheme=scheme, reduced_motion="reduce")
            page = context.new_page()
            page.goto(base + path)
            if name in OPEN_FIRST_CLAIM:
                page.locator("li.claim summary").first.click()
            page.screenshot(path=str(HERE / f"{name}.png"))
            context.close()
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="a store holding the sample corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(args.db or str(Path(tmp) / "sample.db"))
        if not args.db:
            from storylens.cli import SAMPLE_DIR
            from storylens.pipeline import ingest_paths

            ingest_paths([str(SAMPLE_DIR)], store)
        server, base = serve(store)
        try:
            shoot(base, pages(store))
        finally:
            server.should_exit = True
            store.close()


if __name__ == "__main__":
    main()
