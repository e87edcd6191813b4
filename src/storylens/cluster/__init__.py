"""Stories: near-duplicate detection and streaming same-event clustering (see docs/clustering.md)."""

from storylens.cluster.clusterer import Clusterer, cluster_batch, story_id_for
from storylens.cluster.config import ClusterConfig
from storylens.cluster.records import ClusterItem, Placement, Refinement, StoryProfile
from storylens.cluster.title import story_title

__all__ = [
    "ClusterConfig",
    "ClusterItem",
    "Clusterer",
    "Placement",
    "Refinement",
    "StoryProfile",
    "cluster_batch",
    "story_id_for",
    "story_title",
]
