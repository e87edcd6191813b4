"""Score clustering on ECB+ dev (and train, for reference) with the fitted defaults.

    python bench/cluster_ecbplus.py [--analyzer] [--split dev]

Batch mode, plus streaming in three seeded random arrival orders (median reported, with the ARI
between each streamed result and the batch result to show how little order matters).
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

SEEDS = (1, 2, 3)


def streamed(articles: list[Article], seed: int) -> tuple[list[str], float]:
    """Story ids after streaming in a seeded order, and the median ms per placement."""
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    clusterer, timings = Clusterer(ClusterConfig()), []
    for i in order:
        start = time.perf_counter()
        clusterer.place(articles[i])
        timings.append((time.perf_counter() - start) * 1000)
    return [clusterer.story_of(a.id) for a in articles], statistics.median(timings)


def line(name: str, s: ClusteringScores, stories: int) -> str:
    return (
        f"{name:<22} BCubed P {s.bcubed_precision:.3f} R {s.bcubed_recall:.3f} F1 {s.bcubed_f1:.3f}"
        f" | pairwise F1 {s.pairwise_f1:.3f} | ARI {s.ari:.3f} | stories {stories}"
    )


def report(split: str, use_analyzer: bool) -> None:
    articles, gold = analysed_ecbplus(split, use_analyzer)
    print(f"ECB+ {split}: {len(articles)} documents, {len(set(gold))} gold events")
    batch = [p.story_id for p in cluster_batch(articles)]
    print(line("batch", score_clustering(gold, batch), len(set(batch))))
    f1s = []
    for seed in SEEDS:
        stories, ms = streamed(articles, seed)
        scores = score_clustering(gold, stories)
        f1s.append(scores.bcubed_f1)
        agreement = score_clustering(batch, stories).ari
        print(
            line(f"stream seed {seed}", scores, len(set(stories)))
            + f" | ARI vs batch {agreement:.3f} | {ms:.2f} ms/article"
        )
    print(f"stream median BCubed F1 {statistics.median(f1s):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--analyzer", action="store_true", help="analyse with storylens.analyze.Analyzer")
    parser.add_argument("--split", action="append", choices=["train", "dev"])
    args = parser.parse_args()
    for split in args.split or ["dev", "train"]:
        report(split, args.analyzer)


if __name__ == "__main__":
    main()
