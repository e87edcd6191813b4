"""Score clustering on ECB+ dev (and train, for reference) with the fitted defaults.

    python bench/cluster_ecbplus.py [--split dev]

Batch mode (stream in publication order, then refine); the pipeline's ingest (file order, each
batch of 32 placed then refined, then the whole run refined); plus streaming in three seeded
random arrival orders, each scored as streamed and after ``Clusterer.refine`` (medians reported,
with the ARI between each result and the batch result to show how little arrival order matters).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from cluster_data import analysed_ecbplus

from storylens.cluster import ClusterConfig, Clusterer, cluster_batch
from storylens.eval.clustering import ClusteringScores, score_clustering
from storylens.models import Article
from storylens.pipeline import BATCH_SIZE, RUN_REFINE_WINDOW

SEEDS = (1, 2, 3)


def streamed(articles: list[Article], seed: int) -> tuple[list[str], list[str], float]:
    """Story ids after streaming in a seeded order and after refining that, and the median ms
    per placement."""
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    clusterer, timings = Clusterer(ClusterConfig()), []
    for i in order:
        start = time.perf_counter()
        clusterer.place(articles[i])
        timings.append((time.perf_counter() - start) * 1000)
    stories = [clusterer.story_of(a.id) for a in articles]
    clusterer.refine([articles[i] for i in order])
    return stories, [clusterer.story_of(a.id) for a in articles], statistics.median(timings)


def ingested(articles: list[Article]) -> list[str]:
    """Story ids as the pipeline's streaming ingest leaves them: file order, batches of
    ``BATCH_SIZE`` each placed and refined (``Clusterer.place_all``), then the run's latest
    ``RUN_REFINE_WINDOW`` items refined together (``Clusterer.refine_items``)."""
    clusterer, placed = Clusterer(ClusterConfig()), []
    for start in range(0, len(articles), BATCH_SIZE):
        placements, _ = clusterer.place_all(articles[start : start + BATCH_SIZE])
        placed += [p.item for p in placements if p.item is not None]
    if len(placed) > BATCH_SIZE:
        clusterer.refine_items(placed[-RUN_REFINE_WINDOW:])
    return [clusterer.story_of(a.id) for a in articles]


def line(name: str, s: ClusteringScores, stories: int) -> str:
    return (
        f"{name:<22} BCubed P {s.bcubed_precision:.3f} R {s.bcubed_recall:.3f} F1 {s.bcubed_f1:.3f}"
        f" | pairwise F1 {s.pairwise_f1:.3f} | ARI {s.ari:.3f} | stories {stories}"
    )


def report(split: str) -> None:
    articles, gold = analysed_ecbplus(split)
    print(f"ECB+ {split}: {len(articles)} documents, {len(set(gold))} gold events")
    batch = [p.story_id for p in cluster_batch(articles)]
    print(line("batch", score_clustering(gold, batch), len(set(batch))))
    ingest = ingested(articles)
    print(line("ingest batches", score_clustering(gold, ingest), len(set(ingest))))
    f1s: dict[str, list[float]] = {"stream": [], "stream+refine": []}
    for seed in SEEDS:
        stories, refined, ms = streamed(articles, seed)
        for mode, result in zip(f1s, (stories, refined), strict=True):
            scores = score_clustering(gold, result)
            f1s[mode].append(scores.bcubed_f1)
            agreement = score_clustering(batch, result).ari
            print(
                line(f"{mode} seed {seed}", scores, len(set(result)))
                + f" | ARI vs batch {agreement:.3f} | {ms:.2f} ms/article"
            )
    for mode, values in f1s.items():
        print(f"{mode} median BCubed F1 {statistics.median(values):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="append", choices=["train", "dev"])
    args = parser.parse_args()
    for split in args.split or ["dev", "train"]:
        report(split)


if __name__ == "__main__":
    main()
