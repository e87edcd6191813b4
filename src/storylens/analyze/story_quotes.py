"""A story's quotes with their speakers named by the story-level entities.

An article may name its speaker only by a title ("the council said") that another outlet's
article of the same story spells out ("Port Halden City Council"); once the story's entities
are merged, such titles resolve against all of them, starting from what the article-level resolution
concluded ("ministry" for "the ministry's spokesperson", "city council" for "the council").
"""

from __future__ import annotations

import dataclasses
import re

from storylens.analyze.names import fold, singular
from storylens.analyze.speakers import institution_for
from storylens.models import Article, Entity, Quote

_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "our", "one", "some", "this", "that"}
)
_PHRASE_END = re.compile(r",| who | which | whose | of | for | at | in ")


def story_quotes(
    articles: list[Article], entities: list[Entity], local_to_story: dict[str, str]
) -> list[Quote]:
    """Copies of the articles' quotes whose speakers are story-level entities where known."""
    by_id = {e.id: e for e in entities}
    quotes = []
    for article in articles:
        for quote in article.quotes:
            entity = by_id.get(local_to_story.get(quote.speaker_entity_id or "", ""))
            if entity is None and quote.speaker_form in {"title", "according_to"}:
                entity = _by_title(_fuller(quote.speaker or "", quote.speaker_text), entities)
            if entity is not None:
                quote = dataclasses.replace(quote, speaker=entity.name, speaker_entity_id=entity.id)
            quotes.append(quote)
    return quotes


def _fuller(speaker: str, written: str) -> str:
    """The more telling of the article's reading ("city council" for "the council") and the words
    as written ("the Maravian foreign ministry" where the article settled on "ministry"), when
    both have one head noun ("the ministry's spokesperson" read as "ministry" stays so)."""
    phrases = [_phrase(text) for text in (speaker, written)]
    if not all(phrases) or phrases[0][-1] != phrases[1][-1]:
        return speaker or written
    return written if len(phrases[1]) > len(phrases[0]) else speaker


def _phrase(text: str) -> list[str]:
    """The folded words of a title's noun phrase, up to a comma, a relative pronoun or a preposition."""
    return _PHRASE_END.split(f" {fold(text)} ")[0].split()


def _by_title(text: str, entities: list[Entity]) -> Entity | None:
    """The organisation a title names ("the city council"), judged by the words before its head."""
    words = [singular(w) for w in _phrase(text) if w not in _DETERMINERS and w != "according" and w != "to"]
    return institution_for(set(words), words[-1], entities, lambda e: len(e.article_ids)) if words else None
