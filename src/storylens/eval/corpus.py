"""One run of the whole pipeline over a gold corpus, aligned with its gold annotations.

The run is shared by the clustering, quote and claim scores (``storylens eval all`` runs the
pipeline once). Predicted spans are brought into gold coordinates here, so the scorers only
ever compare like with like.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from storylens.errors import InputError
from storylens.eval.align import SpanProjector, match_articles
from storylens.eval.gold import ArticleKey, GoldArticle, GoldEvent, gold_articles, load_gold
from storylens.models import Article, Story

GoldPlace = tuple[ArticleKey, str]  # an article and the field a span counts into


def is_gold_corpus(path: Path) -> bool:
    return (path / "gold").is_dir() and (path / "articles").is_dir()


@dataclass
class CorpusRun:
    """The pipeline's articles and stories for a corpus folder, next to its gold."""

    folder: Path
    events: list[GoldEvent]
    articles: list[Article]
    stories: list[Story]
    errors: list[InputError]
    _projectors: dict[GoldPlace, SpanProjector] = field(default_factory=dict, repr=False)

    @cached_property
    def gold(self) -> list[GoldArticle]:
        return gold_articles(self.events)

    @cached_property
    def matched(self) -> dict[ArticleKey, Article]:
        """Each gold article's predicted counterpart (missing when the pipeline lost it)."""
        return match_articles(self.articles, self.gold)

    @cached_property
    def key_of(self) -> dict[str, ArticleKey]:
        """Predicted article id -> gold article key, for matched articles."""
        return {article.id: key for key, article in self.matched.items()}

    @cached_property
    def _gold_by_key(self) -> dict[ArticleKey, GoldArticle]:
        return {g.key: g for g in self.gold}

    def to_gold(
        self, article_id: str, field_name: str, start: int, end: int
    ) -> tuple[GoldPlace, tuple[int, int]] | None:
        """A predicted span as a span of the gold text, or None when its article has no gold."""
        key = self.key_of.get(article_id)
        if key is None:
            return None
        place = (key, field_name)
        if place not in self._projectors:
            predicted = getattr(self.matched[key], field_name) or ""
            self._projectors[place] = SpanProjector(predicted, self._gold_by_key[key].field_text(field_name))
        return place, self._projectors[place].project(start, end)


@cache
def run_corpus(folder: Path) -> CorpusRun:
    """Run the pipeline once per process over ``folder/articles`` and load ``folder/gold``."""
    from storylens.pipeline import analyze_paths

    articles, stories, errors = analyze_paths([str(folder / "articles")])
    return CorpusRun(folder, load_gold(folder), articles, stories, errors)
