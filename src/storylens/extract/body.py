"""Main text of an HTML page (trafilatura) or of an HTML fragment (a feed item's content)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import html as lxml_html

BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dd"}
)
# trafilatura's XML: paragraphs, subheads, list items, quotes
_TEXT_BLOCKS = frozenset({"p", "head", "item", "quote"})
# Posts embedded from social networks are other people's text, not the article's.
SOCIAL_EMBEDS = [
    '//blockquote[contains(@class, "twitter-tweet") or contains(@class, "twitter-video") '
    'or contains(@class, "instagram-media") or contains(@class, "tiktok-embed") '
    'or contains(@class, "bluesky-embed") or contains(@class, "reddit-embed")]',
    "//iframe",
]
# Text only screen readers announce ("Opens in a new tab", a card's headline said twice) is not
# what a reader sees.
SCREEN_READER_ONLY = (
    '//*[contains(@class, "sr-only") or contains(@class, "screen-reader-text") '
    'or contains(@class, "visually-hidden") or contains(@class, "visuallyhidden")]'
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s")
# a teaser's summary is a line or two; a listed item's text under a linked name runs longer
_BLURB_SENTENCES = 2


# Byte-order marks and zero-width characters: invisible in the page, noise in the text.
_INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060")


_LINE_BREAKS = frozenset({"lb", "br"})  # trafilatura's and HTML's
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})


def _inner_text(node: Any) -> Iterator[str]:
    """The text under ``node`` as a reader sees it: inline elements join without a space
    ("<a>Awards</a>, which"), a line break reads as one."""
    yield node.text or ""
    for child in node:
        if child.tag in _LINE_BREAKS:
            yield " "
        elif isinstance(child.tag, str) and child.tag not in _NOT_TEXT:  # not a comment
            yield from _inner_text(child)
        yield child.tail or ""


def _block_text(node: Any) -> str:
    return " ".join("".join(_inner_text(node)).translate(_INVISIBLE).split())


def _only_link(node: Any, text: str) -> bool:
    """A block that is nothing but a link: a teaser for another page, not article text."""
    linked = "".join(_block_text(ref) for ref in node.iter("ref")).replace(" ", "")
    return bool(linked) and linked == text.replace(" ", "")


def _teaser_blurb(previous: tuple[Any, str] | None, node: Any, text: str) -> bool:
    """The one- or two-sentence paragraph under a headline that only links elsewhere: a teaser
    card's summary ("related" boxes, cards embedded in a live blog)."""
    if previous is None or previous[0].tag != "head" or node.tag != "p":
        return False
    return _only_link(*previous) and len(_SENTENCE_END.findall(text.rstrip() + " ")) <= _BLURB_SENTENCES


def main_blocks(tree: Any, url: str | None) -> list[tuple[Any, str]]:
    """trafilatura's main text as its innermost blocks (paragraphs, subheads, list items, quotes),
    each with its text; tables (not prose) and embedded social posts left out."""
    import trafilatura  # imports lxml-heavy modules; only extraction needs it

    document = trafilatura.bare_extraction(
        tree,
        url=url,
        output_format="xml",  # keeps the element tree; no text or markup is serialised
        include_links=True,
        include_tables=False,
        include_comments=False,
        include_images=False,
        prune_xpath=SOCIAL_EMBEDS + [SCREEN_READER_ONLY],
    )
    main = document.body if document is not None else None
    innermost = _innermost(main, _TEXT_BLOCKS) if main is not None else ()
    return [(node, text) for node in innermost if (text := _block_text(node))]


def article_paragraphs(blocks: list[tuple[Any, str]]) -> list[str]:
    """The blocks' text without teasers: link-only blocks and the blurbs under link-only headlines."""
    previous = [None, *blocks]
    return [
        text
        for before, (node, text) in zip(previous, blocks, strict=False)
        if not _only_link(node, text) and not _teaser_blurb(before, node, text)
    ]


def leaf_blocks(root: Any) -> list[str]:
    """The text of each block element holding no other block, in document order."""
    return [text for text in map(_block_text, _innermost(root, BLOCK_TAGS)) if text]


def _innermost(root: Any, tags: frozenset[str]) -> Iterator[Any]:
    """The elements of ``root`` with one of ``tags`` that hold no other such element, in order."""
    return (node for node in root.iter(*tags) if next(node.iterdescendants(*tags), None) is None)


def fragment_paragraphs(markup: str) -> list[str]:
    """The text of each block element of a fragment; loose text counts as one paragraph."""
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    for node in root.xpath("//script|//style|//figure|//iframe"):
        node.drop_tree()
    paragraphs = leaf_blocks(root) or [" ".join(root.text_content().split())]
    return [p for p in paragraphs if p]
