"""The pipeline's streaming ingest refines each batch before saving it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storylens.cli import run_summary
from storylens.cluster import Clusterer
from storylens.models import Article
from storylens.pipeline import Pipeline, RunReport
from storylens.store import Store
from tests.test_cluster_refine import CENTROID_ONLY, plane_vector
from tests.test_store import make_article, make_story

#: article id -> angle (degrees) of its vector in one plane: x starts a story; y is too far from
#: x to join it; z and w join y, pulling that story's centroid to within reach of x.
ANGLES = {"x": 0, "y": 70, "z": 40, "w": 35}


class PlaneAnalyzer:
    """Stands in for the analyser: each article's vector is its angle in ``ANGLES``."""

    def analyze(self, articles: list[Article]) -> None:
        for article in articles:
            article.embedding = plane_vector(ANGLES[article.id])


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    rows = [
        {
            "id": article_id,
            "title": f"Report {article_id}",
            "text": f"Report number {i} says {article_id * 30}.",
        }
        for i, article_id in enumerate(ANGLES)
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows))
    return path


def test_ingest_refines_the_batch_and_records_emptied_stories(
    sqlite_store: Store, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline = Pipeline(sqlite_store)
    pipeline._analyzer, pipeline._clusterer = PlaneAnalyzer(), Clusterer(CENTROID_ONLY)
    monkeypatch.setattr(pipeline, "_compare", lambda story_ids, report: None)  # comparison is not at stake
    report = pipeline.ingest([str(inputs)])
    assert sorted(report.added) == ["w", "x", "y", "z"]
    assert report.merges == [("s-x", "s-y")]  # x, alone when placed, moved once y's story came near
    assert sorted(sqlite_store.story_article_ids("s-y")) == ["w", "x", "y", "z"]
    assert sqlite_store.resolve_story_id("s-x") == "s-y"
    rebuilt = Clusterer(CENTROID_ONLY, sqlite_store.cluster_items(), sqlite_store.story_profiles())
    assert rebuilt.story_of("x") == rebuilt.resolve("s-x") == "s-y"
    assert [p.features["size"] for p in sqlite_store.story_profiles()] == [4]


def test_the_run_is_refined_across_batches_and_moves_are_stored(
    sqlite_store: Store, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storylens.pipeline.BATCH_SIZE", 1)  # x is saved before y's story exists
    pipeline = Pipeline(sqlite_store)
    pipeline._analyzer, pipeline._clusterer = PlaneAnalyzer(), Clusterer(CENTROID_ONLY)
    compared: list[set[str]] = []
    monkeypatch.setattr(pipeline, "_compare", lambda story_ids, report: compared.append(set(story_ids)))
    report = pipeline.ingest([str(inputs)])
    assert report.moved == [("x", "s-x", "s-y")] and report.merges == [("s-x", "s-y")]
    assert run_summary(report).endswith(" updated, 1 article moved, 1 story merged")
    assert sorted(sqlite_store.story_article_ids("s-y")) == ["w", "x", "y", "z"]
    assert sqlite_store.resolve_story_id("s-x") == "s-y"
    assert compared[-1] == {"s-x", "s-y"}  # the story left is compared again too (it resolves to s-y)
    rebuilt = Clusterer(CENTROID_ONLY, sqlite_store.cluster_items(), sqlite_store.story_profiles())
    assert rebuilt.story_of("x") == "s-y"
    assert [p.features["size"] for p in sqlite_store.story_profiles()] == [4]


def test_stories_are_compared_in_id_order(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for article_id, story_id in (("a", "s-b"), ("b", "s-c"), ("c", "s-a")):
        sqlite_store.save_article(make_article(article_id, story_id=story_id), f"h-{article_id}")
    compared: list[str] = []

    def compare_story(story_id: str, articles: list[Article]):  # type: ignore[no-untyped-def]
        compared.append(story_id)
        return make_story(story_id, [a.id for a in articles])

    monkeypatch.setattr("storylens.compare.compare_story", compare_story)
    Pipeline(sqlite_store)._compare({"s-c", "s-a", "s-b"}, RunReport())
    assert compared == ["s-a", "s-b", "s-c"]
