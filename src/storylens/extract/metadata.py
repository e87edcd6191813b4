"""Page metadata from <meta>, Open Graph, JSON-LD and the visible page, reconciled.

Each source is read into the same :class:`PageMetadata` shape; :func:`reconcile` then
picks field by field. The visible page wins where it states a thing (the byline a reader
sees, the headline on the page) because metadata is often stale or templated.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

from storylens.extract.authors import clean_authors
from storylens.extract.dates import parse_date
from storylens.extract.plaintext import clutter_kind

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "blogposting",
        "liveblogposting",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "report",
        "socialmediaposting",
    }
)
_MIN_STORY_PARAGRAPHS = 2
_MAX_ZONE_GAP = timedelta(hours=14)  # the widest offset from UTC in use
_STANDFIRST_MAX = 400  # characters; longer marked blocks are body text or promos
_BODY_PARAGRAPH_WORDS = 20  # a <p> this long is body text: the standfirst comes before it
_BLOCK_DESCENDANTS = ".//p|.//div|.//h1|.//h2|.//h3|.//ul|.//ol"
_TITLE_SEPARATORS = re.compile(r"\s+[|–—:·•-]\s+")


@dataclass
class PageMetadata:
    """One source's view of the article; every field may be missing."""

    title: str | None = None
    subtitle: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None  # a summary: the standfirst only when the body does not begin with it


def _text(node: Any) -> str:
    return " ".join(node.text_content().split()) if node is not None else ""


def _first(tree: Any, xpath: str) -> str | None:
    values = [" ".join(str(v).split()) for v in tree.xpath(xpath)]
    return next((v for v in values if v), None)


def _meta_values(tree: Any) -> dict[str, list[str]]:
    """Every <meta> content by its name, property or itemprop (lower-cased), read in one pass."""
    values: dict[str, list[str]] = {}
    for node in tree.iter("meta"):
        content = " ".join(html.unescape(node.get("content") or "").split())  # often escaped twice
        for attribute in ("property", "name", "itemprop"):
            if content and node.get(attribute):
                values.setdefault(node.get(attribute).lower(), []).append(content)
    return values


def from_meta(tree: Any) -> PageMetadata:
    """<meta name/property>, Open Graph, <title>, <link rel=canonical> and <html lang>."""
    values = _meta_values(tree)

    def meta(*keys: str) -> str | None:
        return next((values[key][0] for key in keys if key in values), None)

    authors = values.get("author", []) + values.get("article:author", [])
    return PageMetadata(
        title=meta("og:title", "twitter:title", "headline") or _first(tree, "//title/text()"),
        description=meta("og:description", "description", "twitter:description"),
        published=meta(
            "article:published_time",
            "datepublished",
            "pubdate",
            "publish-date",
            "parsely-pub-date",
            "date",
            "dc.date",
            "dc.date.issued",
        ),
        updated=meta("article:modified_time", "datemodified", "og:updated_time", "last-modified"),
        authors=clean_authors(authors),
        outlet=meta("og:site_name", "application-name", "publisher"),
        url=_first(tree, '//link[@rel="canonical"]/@href') or meta("og:url"),
        language=_first(tree, "/html/@lang") or meta("og:locale", "language"),
    )


def _walk(value: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object, through lists and @graph."""
    if isinstance(value, list):
        return [obj for item in value for obj in _walk(item)]
    if isinstance(value, dict):
        return [value] + _walk(value.get("@graph", []))
    return []


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type", [])
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    if isinstance(value, dict):
        return _names(value.get("name"))
    return [value] if isinstance(value, str) else []


def _string(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    return " ".join(html.unescape(value).split()) if isinstance(value, str) and value.strip() else None


def article_objects(tree: Any) -> list[dict[str, Any]]:
    """Every schema.org article object in the page's ld+json scripts, in page order."""
    objects = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            found = _walk(json.loads(script))
        except ValueError:
            continue
        objects.extend(obj for obj in found if _types(obj) & ARTICLE_TYPES)
    return objects


def from_json_ld(objects: list[dict[str, Any]]) -> PageMetadata:
    """The first schema.org article object's metadata."""
    if not objects:
        return PageMetadata()
    obj = objects[0]
    publisher = _names(obj.get("publisher"))
    return PageMetadata(
        title=_string(obj.get("headline") or obj.get("name")),
        subtitle=_string(obj.get("alternativeHeadline")),
        description=_string(obj.get("description")),
        published=_string(obj.get("datePublished") or obj.get("dateCreated")),
        updated=_string(obj.get("dateModified")),
        authors=clean_authors(_names(obj.get("author"))),
        outlet=publisher[0] if publisher else None,
        url=_string(obj.get("url") or obj.get("mainEntityOfPage")),
        language=_string(obj.get("inLanguage")),
    )


_BYLINE_XPATH = (
    './/*[@rel="author" or contains(@itemprop, "author") or '
    'contains(translate(@class, "BYLINE", "byline"), "byline") or '
    'contains(translate(@class, "AUTHOR", "author"), "author")]'
)
_EXPLICIT_BYLINE = re.compile(
    r"^\s*(?:(?:(?:written|reported|words|story)\s+)?by\b|(?:author|correspondent|reporter|writer)s?\s*:)",
    re.IGNORECASE,
)
# The last word of a class name says what an element is ("news-lead", "post-date"); earlier
# words are site prefixes, and later ones change the meaning ("mw-lead-image").
STANDFIRST_ROLES = frozenset(
    {
        "standfirst",
        "dek",
        "deck",
        "lead",
        "lede",
        "summary",
        "excerpt",
        "subtitle",
        "subheadline",
        "strapline",
        "intro",
    }
)
PUBLISHED_ROLES = frozenset({"date", "time", "pubdate", "dateline", "timestamp", "published", "posted"})
UPDATED_ROLES = frozenset({"updated", "modified", "update"})
_CLASS_WORD = re.compile(r"[-_]")


def _roles(node: Any) -> set[str]:
    return {_CLASS_WORD.split(name)[-1].lower() for name in (node.get("class") or "").split()}


def _classified(scope: Any) -> list[tuple[Any, set[str]]]:
    """Every element of the scope that has a class, with its roles; read once per page."""
    return [(n, _roles(n)) for n in scope.xpath(".//*[@class]")]


def _with_role(classified: list[tuple[Any, set[str]]], roles: frozenset[str]) -> list[Any]:
    return [node for node, node_roles in classified if node_roles & roles]


def _article_scope(tree: Any) -> Any:
    """The element holding the story: the <article> with the most paragraphs (teaser cards are
    <article>s too), else <main>, else the page. Bylines and dates outside it belong to other stories."""
    articles = sorted(tree.xpath("//article"), key=lambda a: len(a.xpath(".//p")), reverse=True)
    if articles and len(articles[0].xpath(".//p")) >= _MIN_STORY_PARAGRAPHS:
        return articles[0]
    mains = tree.xpath("//main") or tree.xpath('//*[@role="main"]')
    return mains[0] if mains else tree


def _visible_authors(scope: Any) -> list[str]:
    """Names from the byline a reader sees: an explicit "By ..." first, then author markup.

    Only the outermost marked element counts (nested author spans would repeat it), and
    a class merely containing "author" counts only when its text reads as a byline.
    """
    nodes = [n for n in scope.xpath(_BYLINE_XPATH) if n.tag not in ("meta", "link", "script")]
    marked_nodes = set(nodes)
    outer = [n for n in nodes if marked_nodes.isdisjoint(n.iterancestors())]
    texts = [_text(n) for n in outer if 0 < len(_text(n)) < 200]
    explicit = [t for t in texts if _EXPLICIT_BYLINE.match(t)]
    marked = [
        _text(n)
        for n in outer
        if n.get("rel") == "author"
        or "author" in (n.get("itemprop") or "")
        or "byline" in (n.get("class") or "").lower()
    ]
    return clean_authors(explicit) or clean_authors([t for t in marked if len(t) < 200])


def _body_start(scope: Any, marked: list[Any]) -> Any:
    """The first unmarked paragraph long enough to be body text; a standfirst comes before it."""
    long_enough = (p for p in scope.iter("p") if len(_text(p).split()) >= _BODY_PARAGRAPH_WORDS)
    return next((p for p in long_enough if p not in marked), None)


def _standfirst(scope: Any, classified: list[tuple[Any, set[str]]]) -> str | None:
    """The first standfirst-marked element before the body that reads as one: a single block
    (not a header holding headline and byline), short, and not a promo."""
    marked = _with_role(classified, STANDFIRST_ROLES)
    order = {node: index for index, node in enumerate(scope.iter())}
    limit = order.get(_body_start(scope, marked), len(order))
    for node in marked:
        if order[node] >= limit or node.xpath(_BLOCK_DESCENDANTS) or node.xpath("ancestor::aside"):
            continue  # a header block, or a box beside the story (a live blog's "key moments")
        text = _text(node)
        if 0 < len(text) <= _STANDFIRST_MAX and not clutter_kind(text):
            return text
    return None


def _headline(tree: Any, scope: Any) -> str | None:
    """The article's <h1> (else the page's), unless it is only a link (a site logo)."""
    for node in scope.xpath(".//h1") + tree.xpath("//h1"):
        text = _text(node)
        linked = " ".join(_text(a) for a in node.xpath(".//a"))
        if text and linked != text:
            return text
    return None


def _visible_date(
    scope: Any, classified: list[tuple[Any, set[str]]], roles: frozenset[str], itemprop: str
) -> str | None:
    """A machine-readable <time datetime>, else the text of the first date-marked element that parses."""
    marked = scope.xpath(f'.//time[contains(@itemprop, "{itemprop}")]/@datetime')
    if marked:
        return str(marked[0])
    for node in _with_role(classified, roles):
        for text in (node.get("datetime"), _text(node)):
            if text and len(text) < 80 and any(c.isdigit() for c in text) and parse_date(text):
                return text
    return None


def from_visible(tree: Any) -> PageMetadata:
    """What the reader sees: the article's headline, standfirst, byline and dates."""
    scope = _article_scope(tree)
    classified = _classified(scope)
    return PageMetadata(
        title=_headline(tree, scope),
        subtitle=_standfirst(scope, classified),
        published=_visible_date(scope, classified, PUBLISHED_ROLES - UPDATED_ROLES, "datePublished"),
        updated=_visible_date(scope, classified, UPDATED_ROLES, "dateModified"),
        authors=_visible_authors(scope),
    )


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold().removeprefix("the "))


def strip_site_name(title: str, outlet: str | None) -> str:
    """ "Headline | Site" and "Site - Headline" lose the site part; a headline with a dash keeps it."""
    separators = _TITLE_SEPARATORS.findall(title)
    site = _squash(outlet or "")
    if not separators or not site:
        return title
    head, tail = title.split(separators[0], 1)[0], title.rsplit(separators[-1], 1)[-1]
    if _squash(tail) and (_squash(tail) in site or site in _squash(tail)):
        return title.rsplit(separators[-1], 1)[0].strip()
    if _squash(head) and (_squash(head) in site or site in _squash(head)):
        return title.split(separators[0], 1)[1].strip()
    return title


def domain_outlet(url: str | None) -> str | None:
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.") or None


def _pick(name: str, *sources: PageMetadata) -> Any:
    return next((getattr(s, name) for s in sources if getattr(s, name)), None)


def _same_moment_shown_locally(shown: datetime, stated: datetime) -> bool:
    """A zoneless page date that is the metadata's instant in some local zone, or its day without a time."""
    gap = shown - stated.replace(tzinfo=None)
    if shown.time() == time(0) and shown.date() == stated.date():
        return True
    return abs(gap) <= _MAX_ZONE_GAP and gap % timedelta(minutes=15) == timedelta(0)


def _reconcile_date(visible: str | None, claimed: str | None) -> str | None:
    """The visible date wins where it says something else; a zoneless one takes the metadata's
    offset, and stays zoneless when the metadata states none."""
    shown, stated = parse_date(visible), parse_date(claimed)
    if shown is None or (shown.tzinfo is None and stated and _same_moment_shown_locally(shown, stated)):
        return stated.isoformat() if stated else None
    if shown.tzinfo is None and stated is not None:
        shown = shown.replace(tzinfo=stated.tzinfo)
    return shown.isoformat()


def reconcile(
    visible: PageMetadata, json_ld: PageMetadata, meta: PageMetadata, url: str | None
) -> PageMetadata:
    """Field by field: visible first where it is a reader-facing fact, then JSON-LD, then <meta>."""
    pick = _pick

    outlet = pick("outlet", json_ld, meta) or domain_outlet(pick("url", meta, json_ld) or url)
    meta_title = pick("title", json_ld, meta)
    title = visible.title or (strip_site_name(meta_title, outlet) if meta_title else None)
    return PageMetadata(
        title=title,
        subtitle=pick("subtitle", visible, json_ld),
        description=pick("description", json_ld, meta),
        published=_reconcile_date(visible.published, pick("published", json_ld, meta)),
        updated=_reconcile_date(visible.updated, pick("updated", json_ld, meta)),
        authors=[
            a for a in pick("authors", visible, json_ld, meta) or [] if _squash(a) != _squash(outlet or "")
        ],
        outlet=outlet,
        url=pick("url", meta, json_ld) or url,
        language=pick("language", meta, json_ld),
    )


def read_metadata(tree: Any, url: str | None, objects: list[dict[str, Any]]) -> PageMetadata:
    """The page's metadata; ``objects`` are its JSON-LD article objects (``article_objects``)."""
    return reconcile(from_visible(tree), from_json_ld(objects), from_meta(tree), url)


def parse_html(markup: str) -> Any:
    """An lxml tree of the page; raises ValueError on markup lxml cannot read."""
    tree = lxml_html.document_fromstring(markup)
    if tree is None:
        raise ValueError("no document")
    return tree
