"""Clean text scraped from a news page: headline, standfirst, byline and dates out, clutter gone.

Every line is judged by :func:`clutter_kind` alone; a line no pattern claims is kept word
for word, so the cleaner can drop page furniture but never a body sentence. Bylines and
date stamps are clutter that carries metadata: it is read before the line is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from storylens.analyze.lexicon import OUTLET_SUFFIXES
from storylens.extract.authors import clean_authors
from storylens.extract.dates import parse_date

_ADVERT = re.compile(
    r"^(?:advertisement|advert|ad|sponsored(?: content)?|story continues below(?: advertisement)?|"
    r"continue reading(?: below)?|scroll to continue(?: with content)?)\W*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?:image|photo|photograph|picture|pic|video|illustration|graphic)s?(?:\s+credits?)?\s*[:|]"
    r"|^credits?\s*:"
    r"|^\(?(?:photo|image|picture)s?\s*:[^)]*\)?$"
    r"|\b(?:(?:photo|image|picture|pic)s?(?:\s+credits?)?|credits?)\s*:\s*[^.!?]*$",
    re.IGNORECASE,
)
_SHARE_ITEM = (
    r"(?:share(?: this(?: article| story| page)?)?(?: on \w+)?|tweet|e-?mail(?: this (?:article|story))?|"
    r"print|copy link|whatsapp|facebook|twitter|x|linkedin|reddit|telegram)"
)
_SHARE = re.compile(
    rf"^{_SHARE_ITEM}(?:\s*[|·•/,]\s*{_SHARE_ITEM})*\W*$"
    r"|^(?:subscribe (?:to|now|today|for)|sign up|get our)\b[^\n]{0,160}$"
    r"|^(?=[^\n]{0,200}$).*\b(?:start|get|begin) your [\w ]{0,30}subscription\b"
    r"|^(?:read more|also read|read also|see also|related|recommended|more on this story|watch|"
    r"more from\b[^:]{0,40}|live(?: updates| blog)?)\s*(?:[:|–—-].*)?$"
    r"|^follow\s+(?:us\b|@|[\w’'.&-]+(?:\s+[\w’'.&-]+){0,4}\s+on\s+(?:twitter|x|facebook|instagram|"
    r"telegram|whatsapp|linkedin|tiktok|threads|bluesky|google news)\b)[^\n]{0,120}$",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"^(?=[^\n]{0,160}$).*\b(?:support (?:independent |our )?journalism|free to read|"
    r"become a (?:member|subscriber)|donate (?:now|today))\b"
    r"|^(?:reading time\s*:?\s*\d+\s*min\w*|\d+\s*min(?:ute)?s?\s+read)\W*$"
    r"|^got a (?:story|tip|news tip)\b",
    re.IGNORECASE,
)
# Page furniture below or beside the story: desk credits, copyright, corrections, attachments.
_FOOTER = re.compile(
    r"^\(?\[?(?:(?:additional\s+)?(?:reporting|writing|editing)\s+by\b[^.!?]*)\]?\)?$"
    r"|^(?:©|\(c\)|copyright\b)[^\n]{0,160}$"
    r"|^corrections?(?: and clarifications)?\s*:"
    r"|^(?:our|editorial) (?:standards|policies|guidelines)\b[^\n]{0,120}$"
    r"|^(?:chart|graphic|map|table|documents?|download|audio|listen)\s*:[^\n]{0,160}$",
    re.IGNORECASE,
)
# Furniture that names the page's own outlet, strongest first: a self-credited image
# ("IMAGE: Daily Clarion | Image:self"), a copyright line ("© Meridian Wire 2025."), a wire
# dateline opening the body ("DUNMORE, March 3 (Meridian Wire) - ...").
_NAME = r"(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)"
_OUTLET_CLUES = (
    re.compile(rf"^(?:image|photo|picture)s?\s*:\s*{_NAME}\s*\|\s*image\s*:\s*self\b", re.IGNORECASE),
    re.compile(
        rf"^(?:©|\(c\)|(?i:copyright))\s*(?:(?:19|20)\d\d\s+)?{_NAME}"
        r"(?:\s+(?:19|20)\d\d)?\s*(?:[.,]|all rights|$)"
    ),
    re.compile(rf"^[A-Z][A-Z .'’-]{{1,40}},\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}\s+\({_NAME}\)\s+[-–—]"),
)
# A staff photo credit ("Photo: Rob Talley/Daily Clarion") names the outlet only when the name
# after the slash reads as a publication's; "Photo: NBS/Ivan Tomic" puts the agency first.
_PHOTO_CREDIT = re.compile(
    rf"^(?:photo(?:graph)?s?|picture)\s*:\s*[^/|]{{2,40}}/\s*{_NAME}\s*$", re.IGNORECASE
)
# "Outlet | Section" at the head of a scraped page
_MASTHEAD = re.compile(r"^(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)\s+\|\s+[\w&.'’ -]{1,30}$")
# A line that is only a date: "Tuesday 4 March 2025 8.25pm"
_DATELINE = re.compile(
    r"^(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+"
    r"(?:19|20)\d{2}(?:,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?)?(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2}(?::\d{2})?)?)?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:(?:reported|written|words|reporting|text)\s+)?by\s*:?\s+(?P<names>[^.!?]+)$", re.IGNORECASE
)
_BYLINE_WORD = re.compile(
    r"^(?:[A-Z\u00C0-\u024F][\w\u00C0-\u024F.'’-]*|and|&|in|for|at|with|de|van|von|"
    r"der|da|di|del|la|le|bin|al|[,|;/])$"
)
_STAMP = re.compile(
    r"^(?:(?P<updated>last\s+updated|updated)|(?:first\s+)?(?:published|posted))(?:\s+on)?\s*:?\s+(?P<date>.+)$",
    re.IGNORECASE,
)
_WORDS_IN_STAMP = 14
_CLOSERS = "\"'”’)]»"


@dataclass
class CleanText:
    """What the cleaner read off a scraped page."""

    body: str
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    updated: datetime | None = None
    outlet: str | None = None


def _byline_names(line: str) -> list[str]:
    match = _BYLINE.match(line)
    if not match:
        return []
    words = re.findall(r"[,|;/]|[^\s,|;/]+", match["names"])
    if len(words) > _WORDS_IN_STAMP or not all(_BYLINE_WORD.match(w) for w in words):
        return []
    return clean_authors(match["names"])


def _stamp(line: str) -> tuple[str, datetime] | None:
    match = _STAMP.match(line)
    if not match or len(line.split()) > _WORDS_IN_STAMP:
        return None
    when = parse_date(match["date"])
    return ("updated" if match["updated"] else "published", when) if when else None


def clutter_kind(line: str) -> str | None:
    """Which clutter pattern claims this line (advert, credit, share, promo, footer, byline, published,
    updated, masthead, dateline), or None: then the line is text and is kept."""
    text = line.strip()
    if not text:
        return None
    for kind, pattern in (
        ("advert", _ADVERT),
        ("credit", _CREDIT),
        ("share", _SHARE),
        ("promo", _PROMO),
        ("footer", _FOOTER),
    ):
        if pattern.search(text):
            return kind
    if _byline_names(text):
        return "byline"
    stamp = _stamp(text)
    if stamp:
        return stamp[0]
    if _MASTHEAD.match(text) and not text.rstrip().endswith((".", "!", "?")):
        return "masthead"
    return "dateline" if _DATELINE.match(text) and parse_date(text) else None


def is_heading(text: str) -> bool:
    """A single short line that does not end like a sentence: a headline or a section subhead."""
    stripped = text.strip().rstrip(_CLOSERS)
    return (
        bool(stripped)
        and "\n" not in text.strip()
        and len(stripped.split()) <= 25
        and stripped[-1] not in ".:;,"
    )


METADATA_KINDS = frozenset({"byline", "published", "updated", "dateline", "masthead"})


@dataclass
class _Block:
    """Consecutive non-blank lines of the input, clutter lines left out."""

    lines: list[str]
    first_line: int
    had_metadata: bool = False  # a byline, stamp or masthead line sat inside it


def _read(text: str, found: CleanText) -> tuple[list[_Block], list[int]]:
    """Blocks of kept lines and the numbers of metadata lines, recording the metadata in ``found``."""
    blocks: list[_Block] = []
    meta_lines: list[int] = []
    current: _Block | None = None
    for number, line in enumerate(text.split("\n") + [""]):
        if not line.strip():
            if current and current.lines:
                blocks.append(current)
            current = None
            continue
        kind = clutter_kind(line)
        current = current or _Block([], number)
        if kind in METADATA_KINDS:
            meta_lines.append(number)
            current.had_metadata = True
            _record(found, kind, line.strip())
        if kind:
            continue
        if not current.lines:
            current.first_line = number
        current.lines.append(line.rstrip())
    return blocks, meta_lines


def _record(found: CleanText, kind: str, line: str) -> None:
    if kind == "byline":
        found.authors.extend(n for n in _byline_names(line) if n not in found.authors)
    elif kind == "masthead":
        found.outlet = found.outlet or _MASTHEAD.match(line)["outlet"]  # type: ignore[index]
    elif kind == "dateline":
        found.published = found.published or parse_date(line)
    elif (stamp := _stamp(line)) and getattr(found, kind) is None:
        setattr(found, kind, stamp[1])


def _paragraphs(lines: list[str]) -> list[str]:
    """A block as paragraphs: a subhead on its first line becomes a paragraph of its own."""
    if len(lines) > 1 and is_heading(lines[0]) and len(lines[0].split()) <= 10:
        return [lines[0], "\n".join(lines[1:])]
    return ["\n".join(lines)]


def _take_headline(blocks: list[_Block], meta_lines: list[int], found: CleanText) -> None:
    """Move the headline (and a standfirst) out of the leading blocks into ``found``.

    A header block ("Headline / Standfirst / By ... / Updated ...") gives both at once; a
    headline alone on its line gives the title, and the next block is the standfirst when
    metadata lines separate it from the body.
    """
    first = blocks[0]
    if not is_heading(first.lines[0]):
        return
    rest = first.lines[1:]
    if rest and not (first.had_metadata or is_heading(rest[0])):
        return  # prose wrapped over lines, or a headline glued to the body: leave it be
    if not rest and len(blocks) == 1:
        return
    found.title = first.lines[0].strip()
    if rest:
        if len(rest) > 1 or len(blocks) > 1:  # a standfirst only when a body remains after it
            found.subtitle = rest[0].strip()
            rest = rest[1:]
        first.lines = rest
        if not first.lines:
            blocks.pop(0)
        return
    blocks.pop(0)
    if (
        len(blocks) > 1
        and len(blocks[0].lines) == 1
        and any(blocks[0].first_line < m < blocks[1].first_line for m in meta_lines)
    ):
        found.subtitle = blocks.pop(0).lines[0].strip()


def clean_scraped_text(text: str, find_headline: bool = True) -> CleanText:
    """Split a scraped page into headline, standfirst, byline, dates and body; never raises.

    ``find_headline=False`` is for records that carry their own title: the text is all body.
    """
    found = CleanText(body="")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks, meta_lines = _read(text, found)
    if find_headline and blocks:
        _take_headline(blocks, meta_lines, found)
    found.body = "\n\n".join(p for block in blocks for p in _paragraphs(block.lines))
    found.outlet = found.outlet or _outlet_clue(text.split("\n"))
    return found


def _outlet_clue(lines: list[str]) -> str | None:
    """The outlet a page names as its own in its furniture, by the strongest kind of clue."""
    for pattern in _OUTLET_CLUES:
        for line in lines:
            match = pattern.match(line.strip())
            if match:
                return match["outlet"].strip()
    for line in lines:
        match = _PHOTO_CREDIT.match(line.strip())
        if match and OUTLET_SUFFIXES & set(match["outlet"].casefold().split()):
            return match["outlet"].strip()
    return None
