"""The analyze stage: sentences, entities, quotes with speakers, dates and embeddings.

``Analyzer().analyze(articles)`` annotates articles in place; ``merge_entities(articles)``
joins their article-local entities into story-level ones.
"""

from storylens.analyze.analyzer import Analyzer
from storylens.analyze.entities import merge_entities
from storylens.analyze.story_quotes import story_quotes

__all__ = ["Analyzer", "merge_entities", "story_quotes"]
