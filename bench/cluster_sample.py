"""Clustering on the bundled sample corpus against its gold events and syndicated copies.

    python bench/cluster_sample.py

Extracts and analyses the sample articles with the storylens stages, clusters them in batch and
in three seeded streaming orders, and scores stories (BCubed, pairwise F1, ARI) and copies
(precision and recall of the flagged ``duplicate_of`` pairs against gold ``copy_of``).
"""

from __future__ import annotations

import json
import random
from importlib import resources
from pathlib import Path

from storylens.analyze import Analyzer
from storylens.cluster import Clusterer, cluster_batch, story_title
from storylens.eval.clustering import score_clustering
from storylens.extract import extract_all
from storylens.models import Article

SAMPLE = Path(str(resources.files("storylens") / "data" / "sample"))


def gold_key(source: str, item: str | None) -> str:
    return f"{source}#{item}" if item else source


def article_key(article: Article) -> str:
    return article.source.split(f"{SAMPLE.name}/", 1)[1]


def load_gold() -> tuple[dict[str, str], dict[str, str]]:
    """Event per article key, and original per copy key."""
    events, copies = {}, {}
    for path in sorted((SAMPLE / "gold").glob("*.json")):
        gold = json.loads(path.read_text())
        for entry in gold["articles"]:
            key = gold_key(entry["source"], entry["item"])
            events[key] = gold["event"]
            if entry["copy_of"]:
                copies[key] = gold_key(entry["copy_of"]["source"], entry["copy_of"]["item"])
    return events, copies


def copy_scores(articles: list[Article], copies: dict[str, str]) -> tuple[float, float]:
    key_of = {a.id: article_key(a) for a in articles}
    found = {(key_of[a.id], key_of[a.duplicate_of]) for a in articles if a.duplicate_of}
    expected = set(copies.items())
    hits = len(found & expected)
    return hits / len(found) if found else 1.0, hits / len(expected) if expected else 1.0


def main() -> None:
    articles, errors = extract_all([str(SAMPLE / "articles")])
    Analyzer().analyze(articles)
    events, copies = load_gold()
    gold = [events[article_key(a)] for a in articles]
    batch = [p.story_id for p in cluster_batch(articles)]
    scores = score_clustering(gold, batch)
    precision, recall = copy_scores(articles, copies)
    print(
        f"sample corpus: {len(articles)} articles, {len(set(gold))} gold events, {len(errors)} input errors"
    )
    print(
        f"batch: BCubed P {scores.bcubed_precision:.3f} R {scores.bcubed_recall:.3f}"
        f" F1 {scores.bcubed_f1:.3f} | pairwise F1 {scores.pairwise_f1:.3f} | ARI {scores.ari:.3f}"
        f" | stories {len(set(batch))}"
        f" | copies P {precision:.2f} R {recall:.2f} ({len(copies)} gold copies)"
    )
    for seed in (1, 2, 3):
        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        clusterer = Clusterer()
        for i in order:
            clusterer.place(articles[i])
        streamed = [clusterer.story_of(a.id) for a in articles]
        s = score_clustering(gold, streamed)
        print(
            f"stream seed {seed}: BCubed F1 {s.bcubed_f1:.3f} | pairwise F1 {s.pairwise_f1:.3f}"
            f" | ARI {s.ari:.3f} | ARI vs batch {score_clustering(batch, streamed).ari:.3f}"
        )
    by_story: dict[str, list[Article]] = {}
    for article, story_id in zip(articles, batch, strict=True):
        by_story.setdefault(story_id, []).append(article)
    for story_id, members in sorted(by_story.items()):
        labels = sorted({events[article_key(a)] for a in members})
        print(f"  {story_id}: {len(members)} articles, gold {labels}: {story_title(members)}")


if __name__ == "__main__":
    main()
