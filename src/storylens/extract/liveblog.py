"""Live blogs: every update a page's schema.org ``LiveBlogPosting`` lists belongs to the article.

trafilatura keeps the first main-text container it finds; on a live blog that is often the
summary above the stream of updates, or the updates without their headlines. The publisher's
JSON-LD lists the updates (headline and text). Each update is found among the page's own
blocks by that text, so paragraphs and subheads keep the page's structure and nothing else in
the stream (timestamps, share buttons, adverts) comes in; the blocks trafilatura missed are
put back where they stand in the page.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from typing import Any

from storylens.extract.body import leaf_blocks

_WORD = re.compile(r"[^\W_]+")


def text_key(text: str) -> str:
    """Words only, case-folded, entities decoded: how text from markup and from JSON-LD compare."""
    return " ".join(_WORD.findall(html.unescape(text).casefold()))


@dataclass(frozen=True)
class Update:
    """One live-blog update as the JSON-LD states it, as text keys."""

    headline: str
    text: str  # headline and body

    def starts(self, key: str) -> bool:
        """Whether a page block with this key can open the update: its headline, else its first words."""
        if self.headline:
            return key == self.headline
        return bool(key) and f"{self.text} ".startswith(f"{key} ")


def live_updates(objects: list[dict[str, Any]]) -> list[Update]:
    """The updates listed by the page's JSON-LD article objects (``liveBlogUpdate``)."""
    updates = []
    for obj in objects:
        entries = obj.get("liveBlogUpdate") or []
        for entry in entries if isinstance(entries, list) else [entries]:
            if not isinstance(entry, dict) or not isinstance(entry.get("articleBody"), str):
                continue
            headline = text_key(str(entry.get("headline") or ""))
            body = text_key(entry["articleBody"])
            if body:
                updates.append(Update(headline, f"{headline} {body}".strip()))
    return updates


def _scan(keys: list[str], start: int, update: Update, stops: set[str]) -> list[int]:
    """The blocks from ``start`` on that hold the update's text in order, until its text is used up
    or another update's headline begins."""
    padded, cursor, found = f" {update.text} ", 0, []
    for index in range(start, len(keys)):
        key = keys[index]
        if index > start and key in stops:
            break
        at = padded.find(f" {key} ", cursor) if key else -1
        if at >= 0:
            found.append(index)
            cursor = at + len(key) + 1
            if cursor >= len(padded) - 1:
                break
    return found


def _update_blocks(keys: list[str], update: Update, stops: set[str]) -> list[int]:
    """The page blocks of one update: of the places it could start (a headline can also stand in a
    list of key events), the one followed by most of its text."""
    scans = (_scan(keys, start, update, stops) for start, key in enumerate(keys) if update.starts(key))
    return max(scans, key=lambda found: sum(len(keys[i]) for i in found), default=[])


def _page_positions(paragraphs: list[str], keys: list[str]) -> list[int]:
    """Each paragraph's block index in the page (its first match after the previous paragraph's),
    else the previous paragraph's, so order is kept."""
    where: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        where.setdefault(key, []).append(index)
    positions, last = [], -1
    for paragraph in paragraphs:
        matches = where.get(text_key(paragraph), [])
        after = bisect.bisect_right(matches, last)
        last = matches[after] if after < len(matches) else last
        positions.append(last)
    return positions


def with_live_updates(
    paragraphs: list[str], seen: list[str], tree: Any, objects: list[dict[str, Any]]
) -> list[str]:
    """``paragraphs`` with the blocks of every listed live-blog update that trafilatura did not
    ``see`` (what it saw and was left out, as a teaser, stays out), in page order."""
    updates = live_updates(objects)
    if not updates:
        return paragraphs
    blocks = leaf_blocks(tree)
    keys = [text_key(block) for block in blocks]
    stops = {update.headline for update in updates if update.headline}
    have = {text_key(text) for text in seen}
    missing = sorted(
        {i for update in updates for i in _update_blocks(keys, update, stops) if keys[i] not in have}
    )
    if not missing:
        return paragraphs
    placed = list(zip(_page_positions(paragraphs, keys), paragraphs, strict=True))
    placed += [(index, blocks[index]) for index in missing]
    return [text for _, text in sorted(placed, key=lambda item: item[0])]
