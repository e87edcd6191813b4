"""The clustering task: stories against gold events, on the sample corpus or on ECB+ dev.

On the sample corpus the whole pipeline's stories are scored; an article the pipeline lost
counts as a story of its own. On ECB+ the dev documents are analysed and clustered as one
batch (no gold count of events is given); thresholds are fitted on train, never on dev.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

from storylens.eval.clustering import score_clustering
from storylens.eval.corpus import CorpusRun

ECB_SPLIT = "dev"


def _scores(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[str, Any]:
    return {
        **dataclasses.asdict(score_clustering(gold, predicted)),
        "articles": len(gold),
        "events": len(set(gold)),
        "stories": len(set(predicted)),
    }


def evaluate_corpus_clustering(run: CorpusRun) -> dict[str, Any]:
    gold = [g.event for g in run.gold]
    predicted = [run.matched[g.key].story_id if g.key in run.matched else ("lost", g.key) for g in run.gold]
    return {
        "dataset": str(run.folder),
        "lost_articles": len(run.gold) - len(run.matched),
        **_scores(gold, predicted),
    }


def evaluate_ecbplus(path: Path) -> dict[str, Any]:
    """Analyse and cluster the ECB+ dev split; gold events are its subtopics."""
    from storylens.analyze import Analyzer
    from storylens.cluster.clusterer import cluster_batch
    from storylens.eval.ecbplus import load_ecbplus, to_article

    documents = load_ecbplus(ECB_SPLIT, path)
    articles = [to_article(d) for d in documents]
    Analyzer().analyze(articles)
    placements = cluster_batch(articles)
    return {
        "dataset": f"{path} ({ECB_SPLIT})",
        **_scores([d.event for d in documents], [p.story_id for p in placements]),
    }
