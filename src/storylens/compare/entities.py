"""Story-wide entities and quotes: analysis's ``merge_entities`` applied to the story.

Entities are ordered by how many articles name them, so the first are the story's main ones;
quote speakers are rewritten to the story entity so quotes group by person across outlets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from storylens.analyze.entities import merge_entities
from storylens.models import Article, Entity, Quote


@dataclass
class StoryEntities:
    entities: list[Entity]
    story_id_of: dict[str, str]  # article-local entity id -> story entity id

    def __post_init__(self) -> None:
        self._names = {e.id: e.name for e in self.entities}

    def of_mention(self, entity_key: str | None) -> str | None:
        return self.story_id_of.get(entity_key or "")

    def name(self, story_entity_id: str | None) -> str | None:
        return self._names.get(story_entity_id or "")


def story_entities(articles: list[Article]) -> StoryEntities:
    entities, mapping = merge_entities(articles)
    entities = _one_per_id(entities)
    entities.sort(key=lambda e: (-len(e.article_ids), e.name))
    return StoryEntities(entities, mapping)


def _one_per_id(entities: list[Entity]) -> list[Entity]:
    """Groups given the same id (same type and canonical name) joined: a story names each once."""
    by_id: dict[str, Entity] = {}
    for entity in entities:
        kept = by_id.setdefault(entity.id, entity)
        if kept is not entity:
            kept.aliases = sorted(set(kept.aliases) | set(entity.aliases))
            kept.article_ids = sorted(set(kept.article_ids) | set(entity.article_ids))
            kept.description = kept.description or entity.description
    return list(by_id.values())


def story_quotes(articles: list[Article], entities: StoryEntities) -> list[Quote]:
    """Every quote of the story, its speaker named by the story entity."""
    quotes = []
    for article in articles:
        for quote in article.quotes:
            story_id = entities.of_mention(quote.speaker_entity_id)
            quotes.append(
                replace(quote, speaker=entities.name(story_id) or quote.speaker, speaker_entity_id=story_id)
            )
    return quotes
