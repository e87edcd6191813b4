"""The plain records the store persists so a new process can rebuild a :class:`Clusterer`.

``ClusterItem`` is one row per article, ``StoryProfile`` one row per live story; both hold only
JSON-able values and bytes. A placement says what changed: the article's item, the profile of
the story it joined (after any merge) and the merges, absorbed story id first; a refinement
says the same for the articles it moved.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np


@dataclass
class ClusterItem:
    """One placed article. ``published`` is the article's time as clustering saw it (its
    publication time, else the date its lead states); ``vector`` is float16; ``minhash`` the
    uint32 MinHash values; ``features`` holds ``keys`` (entity/number/date keys) and
    ``duplicate_of``."""

    article_id: str
    story_id: str
    published: datetime | None
    vector: bytes
    minhash: bytes
    features: dict[str, Any]


@dataclass
class StoryProfile:
    """One live story's aggregate: size, vector sum, key counts, time span, absorbed ids."""

    story_id: str
    features: dict[str, Any]


@dataclass
class Placement:
    """Where ``place`` put an article. ``item`` is None when the article was placed before."""

    story_id: str
    duplicate_of: str | None
    merges: list[tuple[str, str]] = field(default_factory=list)  # (absorbed, surviving)
    item: ClusterItem | None = None
    profiles: list[StoryProfile] = field(default_factory=list)


@dataclass
class Refinement:
    """What ``Clusterer.refine`` changed: each moved article's (id, story left, story joined),
    the stories its moves emptied as (ended id, surviving id) merges, and the profiles of every
    story still live that changed."""

    moves: list[tuple[str, str, str]]
    merges: list[tuple[str, str]]
    profiles: list[StoryProfile]


def encode_array(values: np.ndarray) -> str:
    """An array as base64 text, so profiles stay JSON-able."""
    return base64.b64encode(np.ascontiguousarray(values).tobytes()).decode("ascii")


def decode_array(text: str, dtype: type) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=dtype).copy()
