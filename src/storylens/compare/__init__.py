"""Compare: one story's articles, claim by claim (see ``docs/comparison.md``).

Our own code, no language model: every statement of the resulting :class:`Story` is a span of an
article, or is built only from such spans and cites them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storylens.analyze.story_quotes import story_quotes
from storylens.compare.alignment import Features, align, build_claims, independent_keys, story_features
from storylens.compare.claims import ClaimUnit, article_claims
from storylens.compare.conflicts import find_conflicts
from storylens.compare.entities import StoryEntities, story_entities
from storylens.compare.framing import find_framing, loaded_terms
from storylens.compare.omissions import find_omissions
from storylens.compare.similarity import claim_similarity, clear_vector_cache, said_similarity
from storylens.compare.summary import summarise
from storylens.compare.timeline import build_timeline
from storylens.models import Article, Claim, Story

__all__ = ["Alignment", "align_story", "clear_vector_cache", "compare_story"]


@dataclass
class Alignment:
    """A story's claim units and the claims they group into: what conflicts, framing, summary and
    timeline read (and ``bench/conflict_misses.py`` inspects)."""

    articles: list[Article]  # in publication order
    entities: StoryEntities
    units: list[ClaimUnit]
    features: list[Features]
    similarity: np.ndarray  # how alike the units are in meaning (``similarity.claim_similarity``)
    said: np.ndarray  # how alike what they say is, names masked (``similarity.said_similarity``)
    sources: dict[str, str]  # article id -> its independent source
    claims: list[Claim]
    claim_of_unit: list[str]  # claim id of each unit

    def units_of(self) -> dict[str, list[ClaimUnit]]:
        """Claim id -> its units, in story order."""
        grouped: dict[str, list[ClaimUnit]] = {c.id: [] for c in self.claims}
        for unit, claim_id in zip(self.units, self.claim_of_unit, strict=True):
            grouped[claim_id].append(unit)
        return grouped


def align_story(articles: list[Article]) -> Alignment:
    """Cut the story's analysed articles into claims and group those stating the same fact."""
    articles = sorted(articles, key=_publication_order)
    entities = story_entities(articles)
    units = [unit for article in articles for unit in article_claims(article)]
    for unit in units:
        unit.speaker = _speaker(unit, entities)
    similarity = claim_similarity(units)
    features = story_features(units, entities)
    sources = independent_keys(articles)
    said = said_similarity(units)
    claims = build_claims(align(units, similarity, features, said=said), units, sources)
    claim_of_unit = _claim_of_unit(claims, units)
    return Alignment(articles, entities, units, features, similarity, said, sources, claims, claim_of_unit)


def compare_story(story_id: str, articles: list[Article]) -> Story:
    """The comparison of a story's analysed articles; a pure function of them."""
    aligned = align_story(articles)
    articles, entities, units, claims = aligned.articles, aligned.entities, aligned.units, aligned.claims
    claim_of_unit, features = aligned.claim_of_unit, aligned.features
    units_of = aligned.units_of()
    conflicts = find_conflicts(units, features, aligned.similarity, claim_of_unit, aligned.sources)
    return Story(
        id=story_id,
        title=_title(articles),
        article_ids=[a.id for a in articles],
        outlets=list(dict.fromkeys(a.outlet for a in articles if a.outlet)),
        first_published=min((a.published for a in articles if a.published), default=None),
        last_published=max((a.published for a in articles if a.published), default=None),
        entities=entities.entities,
        quotes=story_quotes(articles, entities.entities, entities.story_id_of),
        claims=claims,
        omissions=find_omissions(claims, articles),
        conflicts=conflicts,
        framing=find_framing(claims, units_of),
        summary=summarise(claims, units_of, conflicts, (units, features, aligned.similarity, aligned.said)),
        timeline=build_timeline(units, claim_of_unit),
        loaded_terms=loaded_terms(units, entities),
    )


def _publication_order(article: Article) -> tuple:
    return (article.published is None, article.published.timestamp() if article.published else 0, article.id)


def _speaker(unit: ClaimUnit, entities: StoryEntities) -> str | None:
    if unit.quote is None:
        return None
    return entities.name(entities.of_mention(unit.quote.speaker_entity_id)) or unit.quote.speaker


def _claim_of_unit(claims: list[Claim], units: list[ClaimUnit]) -> list[str]:
    by_first_support = {(s.article_id, s.field, s.start): c.id for c in claims for s in c.support}
    return [by_first_support[(u.article.id, u.field, u.start)] for u in units]


def _title(articles: list[Article]) -> str:
    from storylens.cluster.title import story_title  # here: cluster.title reads compare's lexicon

    return story_title(articles)
