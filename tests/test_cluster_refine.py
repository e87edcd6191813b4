"""Refinement on hand-made vectors in one plane (no models): stories that turn out to be one fold."""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from storylens.cluster import ClusterConfig, Clusterer
from storylens.models import Article

CENTROID_ONLY = ClusterConfig(
    weight_centroid=1,
    weight_link=0,
    weight_person=0,
    weight_entity=0,
    weight_lead=0,
    weight_year=0,
    weight_number=0,
    weight_date=0,
    weight_time=0,
    join_threshold=0.5,
    merge_threshold=100,
)


def plane_vector(degrees: float) -> list[float]:
    """A unit vector at ``degrees`` in the plane of the first two dimensions."""
    vector = np.zeros(384, dtype=np.float32)
    vector[:2] = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return vector.tolist()


def plane_article(article_id: str, degrees: float) -> Article:
    return Article(
        id=article_id, source=article_id, text=f"Report {article_id}.", embedding=plane_vector(degrees)
    )


def test_two_stories_of_one_event_fold_while_each_article_stays() -> None:
    # u, v (0 and 10 degrees) and w, z (25 and 35) each sit closer to their own partner than to
    # the other pair, so no single article moves; as stories, the pairs are 25 degrees apart
    config = dataclasses.replace(CENTROID_ONLY, merge_threshold=0.9)
    articles = [plane_article(a, d) for a, d in (("u", 0), ("v", 10), ("w", 25), ("z", 35))]
    first = Clusterer(CENTROID_ONLY)
    items = [first.place(a).item for a in articles]
    for item in items:
        item.story_id = "s-u" if item.article_id in "uv" else "s-w"
    clusterer = Clusterer(config, items)
    refinement = clusterer.refine(articles)
    assert refinement.moves == []
    assert refinement.merges == [("s-w", "s-u")]
    assert {clusterer.story_of(a.id) for a in articles} == {"s-u"} and clusterer.resolve("s-w") == "s-u"
    assert [(p.story_id, p.features["size"]) for p in refinement.profiles] == [("s-u", 4)]
    unfolded = Clusterer(dataclasses.replace(config, merge_threshold=0.95), items)
    assert unfolded.refine(articles).merges == []  # 25 degrees apart: cosine 0.906
