"""How well an article fits a candidate story: several signals, one weighted sum.

Signals, each in [0, 1]: cosine to the story centroid; the best cosine to one of its articles
(``link``, from the ANN neighbours); for people, other entities, entities of the title or lead,
years, other numbers and dates, the cosine between the article's keys and the story's, each key
weighted by rarity (idf over the articles seen) and, on the story side, by the share of its
articles that carry it, so an article naming a different person than the story's is penalised
as much as one missing the story's names; and a time cost that grows with the gap between the
article and the story's span, zero when a date is unknown.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import astuple, dataclass
from datetime import datetime

import numpy as np

from storylens.cluster.config import ClusterConfig
from storylens.cluster.features import DATE, ENTITY, FAMILIES, LEAD, NUMBER, PERSON, YEAR
from storylens.cluster.stories import StoryState


class KeyStats:
    """Document frequencies of keys over every placed article, for rarity weights."""

    def __init__(self) -> None:
        self.documents = 0
        self.frequency: Counter[str] = Counter()

    def add(self, keys: set[str]) -> None:
        self.documents += 1
        self.frequency.update(keys)

    def idf(self, key: str) -> float:
        """Smoothed idf, at least 1: while few articles have been seen, shared keys still count."""
        return math.log((1 + self.documents) / (1 + self.frequency[key])) + 1.0


@dataclass(frozen=True)
class Signals:
    centroid: float
    link: float
    person: float
    entity: float
    lead: float
    year: float
    number: float
    date: float
    time: float

    def score(self, config: ClusterConfig) -> float:
        return (
            config.weight_centroid * self.centroid
            + config.weight_link * self.link
            + config.weight_person * self.person
            + config.weight_entity * self.entity
            + config.weight_lead * self.lead
            + config.weight_year * self.year
            + config.weight_number * self.number
            + config.weight_date * self.date
            - config.weight_time * self.time
        )

    def as_tuple(self) -> tuple[float, ...]:
        return astuple(self)


def signals(
    vector: np.ndarray,
    keys: set[str],
    published: datetime | None,
    link: float,
    story: StoryState,
    stats: KeyStats,
    config: ClusterConfig,
) -> Signals:
    """The signals of placing an article (vector, keys, date) in ``story``."""

    def shared(family: str) -> float:
        return _key_cosine([k for k in keys if k.startswith(family)], family, story, stats)

    return Signals(
        centroid=float(vector @ story.centroid()),
        link=link,
        person=shared(PERSON),
        entity=shared(ENTITY),
        lead=shared(LEAD),
        year=shared(YEAR),
        number=shared(NUMBER),
        date=shared(DATE),
        time=_time_cost(published, story, config.time_scale_days),
    )


def _key_cosine(keys: list[str], family: str, story: StoryState, stats: KeyStats) -> float:
    """Cosine of idf-weighted article keys with idf-and-share-weighted story keys of one family."""
    if not keys:
        return 0.0
    weights = [stats.idf(key) for key in keys]
    dot = sum(w * w * story.key_share(k) for w, k in zip(weights, keys, strict=True))
    norm = math.sqrt(sum(w * w for w in weights)) * story_norm(story, family, stats)
    return dot / norm if norm else 0.0


def story_norm(story: StoryState, family: str, stats: KeyStats) -> float:
    """Length of the story's weighted key vector, cached until the story changes (adding or
    removing an article clears the cache) or the article count has grown by a tenth (idf drifts
    slowly once a few hundred articles are in)."""
    cached = story.norms
    if not cached or stats.documents > cached["documents"] * 1.1:
        squares = dict.fromkeys(FAMILIES, 0.0)
        for key, count in story.key_counts.items():
            squares[key[:2]] += (stats.idf(key) * count / story.size) ** 2
        norms = {family: math.sqrt(total) for family, total in squares.items()}
        cached = {"documents": stats.documents, **norms}
        story.norms = cached
    return cached[family]


def _time_cost(published: datetime | None, story: StoryState, scale_days: float) -> float:
    if published is None or story.first is None or story.last is None:
        return 0.0
    if story.first <= published <= story.last:
        return 0.0
    gap = story.first - published if published < story.first else published - story.last
    return min(gap.total_seconds() / 86400 / scale_days, 1.0)
