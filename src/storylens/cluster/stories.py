"""A live story's running aggregate: what candidate scoring compares a new article with."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from storylens.cluster.records import StoryProfile, decode_array, encode_array


@dataclass
class StoryState:
    story_id: str
    vector_sum: np.ndarray
    size: int = 0
    key_counts: Counter[str] = field(default_factory=Counter)
    first: datetime | None = None
    last: datetime | None = None
    absorbed: list[str] = field(default_factory=list)
    norms: dict[str, float] = field(default_factory=dict)  # scoring's cache, never persisted

    @classmethod
    def empty(cls, story_id: str, dimensions: int) -> StoryState:
        return cls(story_id, np.zeros(dimensions, dtype=np.float64))

    def add(self, vector: np.ndarray, keys: set[str], published: datetime | None) -> None:
        self.vector_sum += vector
        self.size += 1
        self.key_counts.update(keys)
        self._extend_span(published, published)
        self.norms = {}

    def remove(self, vector: np.ndarray, keys: set[str]) -> None:
        """Take an article out (refinement moves it). The time span is kept: narrowing it would
        need every member's date, and a span only ever loosens the time cost."""
        self.vector_sum -= vector
        self.size -= 1
        self.key_counts.subtract(keys)
        self.key_counts = +self.key_counts  # drop keys no article carries any more
        self.norms = {}

    def absorb(self, other: StoryState) -> None:
        """Take in a story found to be the same event (a bridging article joined both)."""
        self.vector_sum += other.vector_sum
        self.size += other.size
        self.key_counts.update(other.key_counts)
        self._extend_span(other.first, other.last)
        self.absorbed += [other.story_id, *other.absorbed]
        self.norms = {}

    def centroid(self) -> np.ndarray:
        return self.vector_sum / max(float(np.linalg.norm(self.vector_sum)), 1e-12)

    def key_share(self, key: str) -> float:
        """The fraction of the story's articles that carry ``key``."""
        return self.key_counts[key] / self.size if self.size else 0.0

    def _extend_span(self, first: datetime | None, last: datetime | None) -> None:
        if first is not None:
            self.first = first if self.first is None else min(self.first, first)
        if last is not None:
            self.last = last if self.last is None else max(self.last, last)

    def to_profile(self) -> StoryProfile:
        return StoryProfile(
            self.story_id,
            {
                "size": self.size,
                "vector_sum": encode_array(self.vector_sum.astype(np.float32)),
                "keys": dict(self.key_counts),
                "first": self.first.isoformat() if self.first else None,
                "last": self.last.isoformat() if self.last else None,
                "absorbed": list(self.absorbed),
            },
        )

    @classmethod
    def from_profile(cls, profile: StoryProfile) -> StoryState:
        f = profile.features
        return cls(
            profile.story_id,
            decode_array(f["vector_sum"], np.float32).astype(np.float64),
            f["size"],
            Counter(f["keys"]),
            datetime.fromisoformat(f["first"]) if f["first"] else None,
            datetime.fromisoformat(f["last"]) if f["last"] else None,
            list(f["absorbed"]),
        )
