"""Main text of an HTML page (trafilatura) or of an HTML fragment (a feed item's content)."""

from __future__ import annotations

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


# Byte-order marks and zero-width characters: invisible in the page, noise in the text.
_INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060")


def _block_text(node: Any) -> str:
    return " ".join(" ".join(node.itertext()).translate(_INVISIBLE).split())


def _only_link(node: Any, text: str) -> bool:
    """A block that is nothing but a link: a teaser for another page, not article text."""
    linked = " ".join(" ".join(" ".join(ref.itertext()) for ref in node.iter("ref")).split())
    return bool(linked) and linked == text


def page_paragraphs(tree: Any, url: str | None) -> list[str]:
    """trafilatura's main text, one paragraph or subhead per item; tables (not prose) and link-only
    blocks (teasers) left out."""
    import trafilatura  # imports lxml-heavy modules; only extraction needs it

    document = trafilatura.bare_extraction(
        tree,
        url=url,
        output_format="xml",  # keeps the element tree; no text or markup is serialised
        include_links=True,
        include_tables=False,
        include_comments=False,
        include_images=False,
        prune_xpath=SOCIAL_EMBEDS,
    )
    main = document.body if document is not None else None
    paragraphs = []
    for node in main.iter(*_TEXT_BLOCKS) if main is not None else ():
        if any(child.tag in _TEXT_BLOCKS for child in node.iterdescendants()):
            continue  # its inner blocks are visited on their own
        text = _block_text(node)
        if text and not _only_link(node, text):
            paragraphs.append(text)
    return paragraphs


def fragment_paragraphs(markup: str) -> list[str]:
    """The text of each block element of a fragment; loose text counts as one paragraph."""
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    for node in root.xpath("//script|//style|//figure|//iframe"):
        node.drop_tree()
    blocks = [n for n in root.iter() if isinstance(n.tag, str) and n.tag in BLOCK_TAGS]
    leaves = [n for n in blocks if not any(child in blocks for child in n.iterdescendants())]
    paragraphs = [" ".join(n.text_content().split()) for n in leaves]
    if not leaves:
        paragraphs = [" ".join(root.text_content().split())]
    return [p for p in paragraphs if p]
