"""Refinement on hand-made vectors in one plane (no models): stories of one event fold, the
surest fold first, fragments join the story they nearly fit, a story of two events splits."""

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
    split_gain=100,
    fragment_threshold=100,
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


def test_a_story_of_two_events_splits_when_each_half_fits_itself_better() -> None:
    # a (0 to 10 degrees) and b (60 to 70) were streamed into one story; each article is within
    # 43 degrees of the other five's centroid (cosine 0.74, above the join threshold), so no
    # single article leaves, but each half fits itself (cosine about 0.99) better than the
    # other half (about 0.5) by about 0.5
    config = dataclasses.replace(CENTROID_ONLY, split_gain=0.3)
    angles = {"a1": 0, "a2": 5, "a3": 10, "b1": 60, "b2": 65, "b3": 70}
    articles = [plane_article(a, d) for a, d in angles.items()]
    first = Clusterer(CENTROID_ONLY)
    items = [first.place(a).item for a in articles]
    for item in items:
        item.story_id = "s-a1"
    clusterer = Clusterer(config, items)
    refinement = clusterer.refine(articles)
    assert {a.id: clusterer.story_of(a.id) for a in articles} == {
        **dict.fromkeys(["a1", "a2", "a3"], "s-a1"),
        **dict.fromkeys(["b1", "b2", "b3"], "s-b1"),
    }
    assert refinement.moves == [(b, "s-a1", "s-b1") for b in ("b1", "b2", "b3")]
    assert sorted((p.story_id, p.features["size"]) for p in refinement.profiles) == [("s-a1", 3), ("s-b1", 3)]
    kept = Clusterer(dataclasses.replace(config, split_gain=0.6), items)
    assert kept.refine(articles).moves == []


def test_a_fragment_folds_into_the_story_it_nearly_fits() -> None:
    # r (40 degrees) is 30 degrees from the centroid of p..q (0 to 20): cosine 0.87, below the
    # join threshold of 0.9, so it stays alone article by article; as a fragment of one article
    # it folds when that fit reaches fragment_threshold
    config = dataclasses.replace(CENTROID_ONLY, join_threshold=0.9)
    angles = {"p": 0, "p2": 5, "q2": 15, "q": 20, "r": 40}
    articles = [plane_article(a, d) for a, d in angles.items()]
    first = Clusterer(CENTROID_ONLY)
    items = [first.place(a).item for a in articles]
    for item in items:
        item.story_id = "s-r" if item.article_id == "r" else "s-p"
    folded = Clusterer(dataclasses.replace(config, fragment_threshold=0.8), items)
    assert folded.refine(articles).merges == [("s-r", "s-p")]
    assert folded.story_of("r") == "s-p"
    alone = Clusterer(dataclasses.replace(config, fragment_threshold=0.88), items)
    assert alone.refine(articles).merges == [] and alone.story_of("r") == "s-r"


def test_the_surest_fold_is_made_first() -> None:
    # p (-5 to 5 degrees) and q (35 to 45) are one event's two pieces: as stories they are 40
    # degrees apart (cosine 0.77, above the merge threshold of 0.75). f, one article at -60
    # degrees, nearly fits p (cosine 0.5, above the fragment threshold) but fits it less well
    # than p fits q, so p and q fold first and f then fits neither (cosine 0.17). At -35
    # degrees f fits p better (0.82) than q does, folds in first, and pulls p's centroid to
    # -8.6 degrees, 48.6 from q's (0.66): q stays apart
    config = dataclasses.replace(
        CENTROID_ONLY, join_threshold=0.85, merge_threshold=0.75, fragment_threshold=0.45
    )
    angles = {"p1": -5, "p2": 0, "p3": 5, "q1": 35, "q2": 40, "q3": 45}

    def stories(fragment_degrees: float) -> set[frozenset[str]]:
        articles = [plane_article(a, d) for a, d in {**angles, "f": fragment_degrees}.items()]
        first = Clusterer(CENTROID_ONLY)
        items = [first.place(a).item for a in articles]
        for item in items:
            item.story_id = f"s-{item.article_id[0]}1" if item.article_id != "f" else "s-f"
        clusterer = Clusterer(config, items)
        clusterer.refine(articles)
        groups: dict[str, set[str]] = {}
        for article in articles:
            groups.setdefault(clusterer.story_of(article.id), set()).add(article.id)
        return {frozenset(group) for group in groups.values()}

    assert stories(-60) == {frozenset(angles), frozenset({"f"})}
    assert stories(-35) == {frozenset({"p1", "p2", "p3", "f"}), frozenset({"q1", "q2", "q3"})}
