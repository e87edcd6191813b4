"""Story page and API latency with a large SQLite store, from a bounded load generator on loopback.

    .venv/bin/python bench/web_latency.py [--articles 100000] [--db PATH] [--requests 400] [--seconds 60]

Fills a store with synthetic articles and stories of realistic size (bulk inserts in the
store's own row format, FTS included), serves it with uvicorn in a separate process on
127.0.0.1, and times requests with httpx: each endpoint gets at most ``--requests``
requests and ``--seconds`` seconds. A static file is timed the same way as a baseline, so
the figures can be read as ratios on a noisy shared machine. An existing ``--db`` with
enough articles is reused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert, text

from storylens.models import (
    Article,
    Citation,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    Framing,
    FramingVariant,
    Mention,
    Omission,
    Quote,
    Sentence,
    Story,
    SummarySentence,
    Support,
    TemporalExpression,
    TimelineEntry,
)
from storylens.store import Store, _article_row, _story_row, schema  # the store's exact row format

OUTLETS = [
    o["name"]
    for o in json.loads((Path(__file__).parents[1] / "src/storylens/data/sample/outlets.json").read_text())
]
SYLLABLES = [c + v for c in "bdfghklmnprstvz" for v in "aeiou"]
#: Articles per story: mostly singletons and small stories, a few large ones (mean about 6).
STORY_SIZES = [(0.40, 1, 1), (0.20, 2, 3), (0.20, 4, 8), (0.15, 9, 20), (0.05, 21, 40)]
BATCH_ARTICLES = 2000
SEED = 7
INDEX_ROW = "INSERT INTO search_index (kind, ref_id, story_id, title, body) VALUES (:k, :r, :s, :t, :b)"


# ---------------------------------------------------------------------- synthetic corpus


class Writer:
    """Synthetic prose: sentences of pseudo-words, paragraphs of three sentences."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = ["".join(rng.choices(SYLLABLES, k=rng.randint(1, 3))) for _ in range(3000)]
        self.names = [w.capitalize() + " " + rng.choice(self.words).capitalize() for w in self.words[:400]]

    def sentence(self) -> str:
        words = self.rng.choices(self.words, k=self.rng.randint(9, 22))
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def body(self, sentences: int) -> tuple[str, list[Sentence]]:
        text, spans = "", []
        for i in range(sentences):
            text += ("\n\n" if i % 3 == 0 else " ") if i else ""
            sentence = self.sentence()
            spans.append(Sentence(len(text), len(text) + len(sentence)))
            text += sentence
        return text, spans


def make_article(writer: Writer, number: int, story_id: str, published: datetime) -> Article:
    rng = writer.rng
    body, sentences = writer.body(rng.randint(14, 30))
    picks = rng.sample(sentences, min(6, len(sentences)))
    mentions = [
        Mention(body[s.start : s.start + 5], s.start, s.start + 5, "PERSON", f"k{i % 4}")
        for i, s in enumerate(picks)
    ]
    quotes = [
        Quote(
            f"art-{number}",
            rng.choice(writer.names),
            None,
            "she",
            body[s.start : s.end],
            s.start,
            s.end,
            "direct",
        )
        for s in picks[:3]
    ]
    return Article(
        id=f"art-{number}",
        source=f"synthetic/{number}.txt",
        text=body,
        outlet=rng.choice(OUTLETS),
        url=f"https://example.org/{number}",
        title=writer.sentence()[:80],
        published=published,
        authors=[rng.choice(writer.names)],
        sentences=sentences,
        mentions=mentions,
        entities=[Entity(f"k{i}", rng.choice(writer.names), "PERSON") for i in range(4)],
        quotes=quotes,
        dates=[
            TemporalExpression("on Monday", picks[0].start, picks[0].start + 5, published.date().isoformat())
        ],
        story_id=story_id,
    )


def _span(article: Article, rng: random.Random) -> Support:
    s = rng.choice(article.sentences)
    return Support(article.id, article.text[s.start : s.end], s.start, s.end)


def supporters(rng: random.Random, articles: int) -> int:
    """How many articles state a claim: half the claims one, most of the rest a few, some nearly all."""
    roll = rng.random()
    if roll < 0.5 or articles == 1:
        return 1
    if roll < 0.85:
        return rng.randint(2, max(2, articles // 3))
    return rng.randint(max(2, articles // 2), articles)


def make_story(writer: Writer, story_id: str, articles: list[Article]) -> Story:
    """A comparison of the size compare produces for this many articles."""
    rng = writer.rng
    claims = []
    for i in range(min(80, 6 + 4 * len(articles))):
        stating = rng.sample(articles, supporters(rng, len(articles)))
        status = (
            "unique" if len(stating) == 1 else "consensus" if len(stating) == len(articles) else "partial"
        )
        claims.append(Claim(f"{story_id}-c{i}", writer.sentence(), status, [_span(a, rng) for a in stating]))
    stated = {a.id: {c.id for c in claims if any(s.article_id == a.id for s in c.support)} for a in articles}
    entities = [
        Entity(
            f"ent-{rng.randrange(5000)}",
            rng.choice(writer.names),
            "PERSON",
            [],
            None,
            [a.id for a in articles],
        )
        for _ in range(8)
    ]
    first = _span(articles[0], rng)
    return Story(
        id=story_id,
        title=writer.sentence()[:90],
        article_ids=[a.id for a in articles],
        outlets=sorted({a.outlet or "" for a in articles}),
        first_published=articles[0].published,
        last_published=articles[-1].published,
        entities=entities,
        quotes=[q for a in articles for q in a.quotes],
        claims=claims,
        omissions=[Omission(a.id, [c.id for c in claims if c.id not in stated[a.id]][:20]) for a in articles],
        conflicts=[
            Conflict(
                [claims[0].id],
                "number",
                "a figure",
                [ConflictValue(a.id, str(rng.randint(5, 90))) for a in articles],
            )
        ],
        framing=[
            Framing(
                claims[0].id, [FramingVariant(a.id, rng.choice(writer.words)) for a in articles], "a note"
            )
        ],
        summary=[
            SummarySentence(writer.sentence(), [Citation(first.article_id, first.start, first.end)])
            for _ in range(4)
        ],
        timeline=[
            TimelineEntry(
                "2026-03-02", writer.sentence(), first.article_id, first.start, first.end, "on Monday"
            )
        ],
    )


def search_terms(seed: int = SEED) -> list[str]:
    """Queries from the corpus' own vocabulary: common single words and pairs."""
    words = Writer(random.Random(seed)).words
    return [words[0], words[1], f"{words[2]} {words[3]}", f"{words[4]} {words[5]}"]


def story_sizes(rng: random.Random, total: int) -> Iterator[int]:
    left = total
    while left > 0:
        _, low, high = rng.choices(STORY_SIZES, weights=[w for w, _, _ in STORY_SIZES])[0]
        size = min(left, rng.randint(low, high))
        left -= size
        yield size


def fill(store: Store, total: int, seed: int = SEED) -> None:
    """Bulk-insert ``total`` synthetic articles and their stories, a batch per transaction."""
    rng = random.Random(seed)
    writer = Writer(rng)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    number, batch = 0, Batch()
    for story_number, size in enumerate(story_sizes(rng, total)):
        story_id = f"story-{story_number}"
        published = start + timedelta(minutes=7 * story_number)
        articles = [
            make_article(writer, number + i, story_id, published + timedelta(minutes=13 * i))
            for i in range(size)
        ]
        number += size
        batch.add(make_story(writer, story_id, articles), articles)
        if len(batch.articles) >= BATCH_ARTICLES:
            batch.flush(store)
            print(f"  {number} articles", file=sys.stderr)
    batch.flush(store)


class Batch:
    """Rows waiting for one executemany per table."""

    def __init__(self) -> None:
        self.articles: list[dict] = []
        self.stories: list[dict] = []
        self.search: list[dict] = []

    def add(self, story: Story, articles: list[Article]) -> None:
        for article in articles:
            self.articles.append(_article_row(article, hashlib.sha1(article.text.encode()).hexdigest()))
            self.search.append(
                {"k": "article", "r": article.id, "s": story.id, "t": article.title, "b": article.text}
            )
        self.stories.append(_story_row(story))
        self.search += [
            {"k": "claim", "r": c.id, "s": story.id, "t": story.title, "b": c.text} for c in story.claims
        ]

    def flush(self, store: Store) -> None:
        if not self.articles:
            return
        with store.engine.begin() as conn:
            conn.execute(insert(schema.articles), self.articles)
            conn.execute(insert(schema.stories), self.stories)
            conn.execute(
                text(INDEX_ROW),
                self.search,
            )
        self.articles, self.stories, self.search = [], [], []


# ---------------------------------------------------------------------- server and load


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    code = (
        "import sys, uvicorn; from storylens.store import Store; from storylens.web.app import create_app; "
        "uvicorn.run(create_app(Store(sys.argv[1])), host='127.0.0.1', port=int(sys.argv[2]), "
        "log_level='warning', access_log=False)"
    )
    process = subprocess.Popen([sys.executable, "-c", code, db, str(port)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/static/favicon.svg", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


@dataclass
class Timing:
    name: str
    latencies: list[float]
    errors: int

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    def row(self, baseline: float) -> str:
        p50 = statistics.median(self.latencies) * 1000
        return (
            f"| {self.name} | {len(self.latencies)} | {p50:.1f} | {self.percentile(0.95):.1f} | "
            f"{max(self.latencies) * 1000:.1f} | {p50 / baseline:.1f} | {self.errors} |"
        )


def hammer(base: str, name: str, paths: list[str], requests: int, seconds: float, concurrency: int) -> Timing:
    """Request ``paths`` round-robin from ``concurrency`` threads until the count or the time runs out."""
    latencies: list[float] = []
    errors = 0
    counter = iter(range(requests))
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < deadline:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                began = time.perf_counter()
                response = client.get(paths[n % len(paths)])
                elapsed = time.perf_counter() - began
                with lock:
                    latencies.append(elapsed)
                    errors += response.status_code != 200

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Timing(name, latencies, errors)


def targets(store: Store, rng: random.Random) -> tuple[list[str], list[str]]:
    """Story ids drawn uniformly, and the largest stories."""
    with store.engine.connect() as conn:
        ids = list(conn.execute(text("SELECT id FROM stories")).scalars())
        largest = list(
            conn.execute(text("SELECT id FROM stories ORDER BY article_count DESC LIMIT 50")).scalars()
        )
    return rng.sample(ids, min(500, len(ids))), largest


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "storylens-web-bench.db"))
    parser.add_argument("--requests", type=int, default=400, help="most requests per endpoint")
    parser.add_argument("--seconds", type=float, default=60, help="most seconds per endpoint")
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()

    store = Store(args.db)
    if store.count_articles() < args.articles:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
        store = Store(args.db)
        began = time.monotonic()
        fill(store, args.articles)
        print(f"filled {args.articles} articles in {time.monotonic() - began:.0f} s", file=sys.stderr)
    rng = random.Random(11)
    sampled, largest = targets(store, rng)
    print(
        f"{store.count_articles()} articles, {store.count_stories()} stories, "
        f"{os.path.getsize(args.db) / 1e6:.0f} MB",
        file=sys.stderr,
    )
    store.close()

    port = free_port()
    server = start_server(args.db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        plan = [
            ("baseline: static file", ["/static/favicon.svg"]),
            ("story page (random story)", [f"/stories/{s}" for s in sampled]),
            ("story page (50 largest)", [f"/stories/{s}" for s in largest]),
            ("/api/stories/{id} (random)", [f"/api/stories/{s}" for s in sampled]),
            ("/api/stories/{id} (50 largest)", [f"/api/stories/{s}" for s in largest]),
            ("home page", ["/", "/?page=2", "/?order=largest"]),
            ("search page", ["/search?q=" + q for q in search_terms()]),
        ]
        for name, paths in plan:  # warm up code paths and the page cache
            hammer(base, name, paths, 30, 10, 1)
        timings = [
            hammer(base, name, paths, args.requests, args.seconds, args.concurrency) for name, paths in plan
        ]
    finally:
        server.terminate()
        server.wait(10)
    baseline = statistics.median(timings[0].latencies) * 1000
    limits = f"at most {args.requests} requests or {args.seconds:.0f} s per endpoint"
    print(f"\nconcurrency {args.concurrency}, {limits}\n")
    print("| endpoint | requests | p50 ms | p95 ms | max ms | p50 / baseline | errors |")
    print("|---|---|---|---|---|---|---|")
    for timing in timings:
        print(timing.row(baseline))


if __name__ == "__main__":
    main()
