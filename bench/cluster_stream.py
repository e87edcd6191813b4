"""Streaming cost: ms to place one article as the store grows, and index memory per article.

    python bench/cluster_stream.py [--sizes 10000 100000 1000000] [--full-max 100000]

Synthetic unit vectors drawn around one centre per ten articles stand in for article
embeddings. For every size: the ANN index (faiss HNSW, 8-bit codes) search time per query beside
an exact flat search over the same vectors in the same process (the baseline), and the index's
serialised bytes per article. Up to ``--full-max`` articles, also a whole ``Clusterer.place``
(MinHash, LSH query, candidate scoring, index insert) on a clusterer rebuilt from synthetic items.
Medians over the queries. Finally the clusterer's Python-side memory per article (MinHash LSH and
signatures, id maps, story aggregates; tracemalloc, which sees numpy but not faiss) at
``--memory-size`` articles.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterator

import numpy as np

from storylens.analyze.embed import DIMENSIONS
from storylens.cluster import ClusterConfig, Clusterer, ClusterItem
from storylens.cluster.index import VectorIndex
from storylens.models import Article, Entity

QUERIES = 200
CHUNK = 50_000
WORDS = [f"w{i}" for i in range(5000)]


def synthetic_vectors(count: int, seed: int) -> Iterator[np.ndarray]:
    """Chunks of unit vectors, ten per random centre."""
    rng = np.random.default_rng(seed)
    for start in range(0, count, CHUNK):
        size = min(CHUNK, count - start)
        centres = rng.standard_normal((size // 10 + 1, DIMENSIONS)).astype(np.float32)
        noise = 0.6 * rng.standard_normal((size, DIMENSIONS)).astype(np.float32)
        vectors = np.repeat(centres, 10, axis=0)[:size] + noise
        yield vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def median_ms(action: Callable[[int], object], runs: int = QUERIES) -> float:
    timings = []
    for i in range(runs):
        start = time.perf_counter()
        action(i)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def index_figures(size: int, neighbours: int) -> dict[str, float]:
    import faiss

    index, flat = VectorIndex(), faiss.IndexFlatIP(DIMENSIONS)
    for chunk in synthetic_vectors(size, seed=size):
        index.add(chunk)
        flat.add(chunk)
    queries = next(synthetic_vectors(QUERIES, seed=1))
    return {
        "hnsw_ms": median_ms(lambda i: index.search(queries[i], neighbours)),
        "flat_ms": median_ms(lambda i: flat.search(queries[i : i + 1], neighbours)),
        "bytes_per_article": index.memory_bytes() / size,
    }


def synthetic_article(article_id: str, vector: np.ndarray, rng: random.Random) -> Article:
    article = Article(id=article_id, source="synthetic", text=" ".join(rng.choices(WORDS, k=600)))
    names = rng.sample(WORDS, 8)
    article.entities = [Entity(id=f"{article_id}-{i}", name=n, type="PERSON") for i, n in enumerate(names)]
    article.embedding = vector.tolist()
    return article


def synthetic_items(size: int, rng: random.Random) -> Iterator[ClusterItem]:
    hashes = np.random.default_rng(size)
    ordinal = 0
    for chunk in synthetic_vectors(size, seed=size):
        for vector in chunk:
            keys = [f"p:{w}" for w in rng.sample(WORDS, 8)] + [f"n:{rng.randrange(10, 999)}"]
            yield ClusterItem(
                f"a{ordinal}",
                f"s-a{ordinal - ordinal % 10}",
                None,
                vector.astype(np.float16).tobytes(),
                hashes.integers(0, 2**32, 128, dtype=np.uint32).tobytes(),
                {"keys": keys, "duplicate_of": None},
            )
            ordinal += 1


def place_ms(size: int) -> float:
    rng = random.Random(0)
    clusterer = Clusterer(ClusterConfig(), synthetic_items(size, rng))
    vectors = next(synthetic_vectors(QUERIES, seed=2))
    articles = [synthetic_article(f"new{i}", vectors[i], rng) for i in range(QUERIES)]
    return median_ms(lambda i: clusterer.place(articles[i]))


def python_bytes_per_article(size: int) -> float:
    """Traced Python memory held by a clusterer rebuilt from ``size`` synthetic items."""
    items = list(synthetic_items(size, random.Random(0)))
    tracemalloc.start()
    clusterer = Clusterer(ClusterConfig(), items)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del clusterer
    return held / size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--full-max", type=int, default=1_000_000)
    parser.add_argument("--memory-size", type=int, default=20_000)
    args = parser.parse_args()
    neighbours = ClusterConfig().neighbours
    for size in args.sizes:
        figures = index_figures(size, neighbours)
        text = (
            f"{size:>9} articles | HNSW search {figures['hnsw_ms']:.3f} ms | flat search (baseline) "
            f"{figures['flat_ms']:.3f} ms | ratio {figures['flat_ms'] / figures['hnsw_ms']:.1f}x | "
            f"index {figures['bytes_per_article']:.0f} B/article"
        )
        if size <= args.full_max:
            text += f" | Clusterer.place {place_ms(size):.2f} ms"
        print(text, flush=True)
    per_article = python_bytes_per_article(args.memory_size)
    print(f"Python-side clusterer state: {per_article:.0f} B/article", flush=True)


if __name__ == "__main__":
    main()
