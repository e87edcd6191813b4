"""Bring the pipeline's output into gold coordinates.

Predicted articles are matched to gold articles by source path and item; predicted spans
count characters of the *extracted* text, which may differ from the gold body, so they are
projected onto the gold text through the two texts' matching blocks before any Dice is taken.
"""

from __future__ import annotations

import bisect
from difflib import Match, SequenceMatcher
from pathlib import PurePosixPath

from storylens.eval.gold import ArticleKey, GoldArticle
from storylens.models import Article

_ITEM_SEPARATORS = "#:?@!"  # what a source may put between a file path and a record within it


def source_matches(predicted_source: str, gold_source: str) -> bool:
    """True when the gold path (relative to the sample folder) ends the predicted path.

    A record suffix after the path (``feed.rss.xml#3``) is allowed; a partial file name
    (``xfire.txt`` for ``fire.txt``) is not.
    """
    predicted = PurePosixPath(predicted_source.replace("\\", "/")).as_posix()
    at = predicted.rfind(gold_source)
    while at >= 0:
        before_ok = at == 0 or predicted[at - 1] == "/"
        rest = predicted[at + len(gold_source) :]
        if before_ok and (not rest or rest[0] in _ITEM_SEPARATORS):
            return True
        at = predicted.rfind(gold_source, 0, at)
    return False


def item_matches(article: Article, item: str | None) -> bool:
    """The record id (JSONL) or item link (feeds) names this article; ``None`` means the whole file."""
    if item is None:
        return True
    return item in (article.id, article.url) or article.source.endswith(item)


def match_articles(predicted: list[Article], gold: list[GoldArticle]) -> dict[ArticleKey, Article]:
    """Each gold article's predicted counterpart, where there is one (first come, one-to-one)."""
    matched: dict[ArticleKey, Article] = {}
    taken: set[int] = set()
    for g in gold:
        for index, article in enumerate(predicted):
            if (
                index not in taken
                and source_matches(article.source, g.ref.source)
                and item_matches(article, g.ref.item)
            ):
                matched[g.key] = article
                taken.add(index)
                break
    return matched


class SpanProjector:
    """Maps character offsets of one predicted text onto the corresponding gold text.

    A span whose text occurs verbatim in the gold text goes to the nearest occurrence; others
    go through the texts' matching blocks, computed only when first needed (they are slow).
    """

    def __init__(self, predicted: str, gold: str) -> None:
        self.predicted = predicted
        self.gold = gold
        self._blocks: list[Match] | None = None
        self._starts: list[int] = []

    def project(self, start: int, end: int) -> tuple[int, int]:
        """The gold span holding the predicted span's characters (empty when none are there)."""
        if self.predicted == self.gold:
            return start, end
        found = self._nearest_occurrence(self.predicted[start:end], start)
        if found is not None:
            return found, found + end - start
        first, last = self._map_start(start), self._map_end(end)
        return (first, max(first, last))

    def _nearest_occurrence(self, text: str, start: int) -> int | None:
        if not text:
            return None
        expected = start * len(self.gold) / max(len(self.predicted), 1)
        occurrences = []
        at = self.gold.find(text)
        while at >= 0:
            occurrences.append(at)
            at = self.gold.find(text, at + 1)
        return min(occurrences, key=lambda o: abs(o - expected), default=None)

    @property
    def blocks(self) -> list[Match]:
        if self._blocks is None:
            matcher = SequenceMatcher(None, self.predicted, self.gold, autojunk=False)
            self._blocks = [b for b in matcher.get_matching_blocks() if b.size]
            self._starts = [b.a for b in self._blocks]
        return self._blocks

    def _map_start(self, offset: int) -> int:
        """Gold offset of the first matched character at or after ``offset``."""
        blocks = self.blocks
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < blocks[i].a + blocks[i].size:
            return blocks[i].b + offset - blocks[i].a
        if i + 1 < len(blocks):
            return blocks[i + 1].b
        return blocks[-1].b + blocks[-1].size if blocks else 0

    def _map_end(self, offset: int) -> int:
        """Gold offset just after the last matched character before ``offset``."""
        blocks = self.blocks
        i = bisect.bisect_left(self._starts, offset) - 1
        if i < 0:
            return blocks[0].b if blocks else 0
        return blocks[i].b + min(offset - blocks[i].a, blocks[i].size)
