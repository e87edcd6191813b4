"""Fit the clusterer's weights and thresholds on ECB+ train; write them into cluster/config.py.

    python bench/cluster_fit.py [--trials 45] [--dry-run]

Random search, then local perturbation of the best (starting from the current defaults),
maximising the mean BCubed F1 of clustering the train split with ``cluster_batch`` (publication
order, undated last, then refine) and as a stream in three seeded random arrival orders, each
refined. Only
ECB+ train is read: the number of events is never given, and dev is left for
``bench/cluster_ecbplus.py``.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import statistics
from pathlib import Path

from cluster_data import analysed_ecbplus

from storylens.cluster import clusterer as clusterer_module
from storylens.cluster.clusterer import Clusterer, cluster_batch
from storylens.cluster.config import ClusterConfig
from storylens.eval.clustering import bcubed
from storylens.models import Article

CONFIG_PATH = Path(__file__).resolve().parents[1] / "src/storylens/cluster/config.py"
FITTED = (
    "weight_link",
    "weight_person",
    "weight_entity",
    "weight_lead",
    "weight_number",
    "weight_time",
    "join_threshold",
    "merge_threshold",
    "split_gain",
    "fragment_threshold",
)
ORDERS = (None, 1, 2, 3)  # None: cluster_batch's own order


def cache_article_features() -> None:
    """Compute each article's keys and MinHash once for all trials (they do not depend on the
    fitted weights); only this script does so, by wrapping the clusterer's helpers."""
    keys: dict[str, set[str]] = {}
    minhashes: dict[tuple[str, int, int], object] = {}
    article_keys, text_minhash = clusterer_module.article_keys, clusterer_module.text_minhash

    def cached_keys(article: Article) -> set[str]:
        if article.id not in keys:
            keys[article.id] = article_keys(article)
        return keys[article.id]

    def cached_minhash(text: str, size: int, num_perm: int) -> object:
        key = (text, size, num_perm)
        if key not in minhashes:
            minhashes[key] = text_minhash(text, size, num_perm)
        return minhashes[key]

    clusterer_module.article_keys, clusterer_module.text_minhash = cached_keys, cached_minhash


def refined_f1(articles: list[Article], gold: list[str], config: ClusterConfig, seed: int | None) -> float:
    if seed is None:
        return bcubed(gold, [p.story_id for p in cluster_batch(articles, config)])[2]
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    clusterer = Clusterer(config)
    for i in order:
        clusterer.place(articles[i])
    clusterer.refine([articles[i] for i in order])
    return bcubed(gold, [clusterer.story_of(a.id) for a in articles])[2]


def objective(articles: list[Article], gold: list[str], config: ClusterConfig) -> float:
    return statistics.mean(refined_f1(articles, gold, config, seed) for seed in ORDERS)


def random_config(rng: random.Random) -> ClusterConfig:
    join = rng.uniform(0.8, 3.0)
    return dataclasses.replace(
        ClusterConfig(),
        weight_link=rng.uniform(0, 2),
        weight_person=rng.uniform(0, 3),
        weight_entity=rng.uniform(0, 3),
        weight_lead=rng.uniform(0, 3),
        weight_number=rng.uniform(0, 3),
        weight_time=rng.uniform(0, 4),
        join_threshold=join,
        merge_threshold=join + rng.choice([rng.uniform(0, 1.5), 99.0]),
        split_gain=rng.choice([rng.uniform(0, 3), 99.0]),
        fragment_threshold=rng.choice([rng.uniform(0, join), 99.0]),
    )


def perturbed(config: ClusterConfig, rng: random.Random) -> ClusterConfig:
    name = rng.choice(FITTED)
    value = max(0.0, getattr(config, name) * rng.uniform(0.85, 1.15) + rng.uniform(-0.1, 0.1))  # 0 can move
    changed = dataclasses.replace(config, **{name: value})
    if changed.merge_threshold < changed.join_threshold:
        changed = dataclasses.replace(changed, merge_threshold=changed.join_threshold)
    return changed


def search(articles: list[Article], gold: list[str], trials: int) -> tuple[ClusterConfig, float]:
    rng = random.Random(0)
    best, best_f1 = ClusterConfig(), objective(articles, gold, ClusterConfig())
    for trial in range(trials):
        candidate = random_config(rng) if trial < trials // 3 else perturbed(best, rng)
        f1 = objective(articles, gold, candidate)
        if f1 > best_f1:
            best, best_f1 = candidate, f1
            print(f"trial {trial}: train BCubed F1 {f1:.4f}", flush=True)
    return best, best_f1


def write_config(config: ClusterConfig, path: Path = CONFIG_PATH) -> None:
    lines = [f"    {name}: float = {round(getattr(config, name), 3)}" for name in FITTED]
    fitted = "\n".join(["    weight_centroid: float = 1.0", *lines])
    source = path.read_text()
    source = re.sub(
        r"(# FITTED-BEGIN\n).*?(\n\s*# FITTED-END)", lambda m: m[1] + fitted + m[2], source, flags=re.DOTALL
    )
    path.write_text(source)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=45)
    parser.add_argument("--dry-run", action="store_true", help="print the fit, leave config.py alone")
    args = parser.parse_args()
    articles, gold = analysed_ecbplus("train")
    cache_article_features()
    config, f1 = search(articles, gold, args.trials)
    print(f"best train BCubed F1 {f1:.4f}:", {name: round(getattr(config, name), 3) for name in FITTED})
    if not args.dry_run:
        write_config(config)


if __name__ == "__main__":
    main()
