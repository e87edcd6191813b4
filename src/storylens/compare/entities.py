"""Story-wide entities: analysis's ``merge_entities`` applied to the story.

Entities are ordered by how many articles name them, so the first are the story's main ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from storylens.analyze.entities import merge_entities
from storylens.models import Article, Entity


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
    entities.sort(key=lambda e: (-len(e.article_ids), e.name))
    return StoryEntities(entities, mapping)
