"""A standalone Markdown report of one story, for ``storylens story ID --markdown``.

The report's sections are built once here (:func:`report_sections`) and rendered both as
Markdown and, by :mod:`storylens.present.report_html`, as HTML. Every line shown is a span of an
article or a statement built from spans, with the outlets that carry it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from storylens.models import Article, Claim, Conflict, Story
from storylens.present.excerpt import excerpt, quotation, shown_text

UNIQUE_PER_OUTLET = 5
OMISSIONS_PER_ARTICLE = 5
QUOTES_PER_SPEAKER = 3
_FIELD_NOTES = {"title": "headline", "subtitle": "standfirst"}  # a wording's note: which span it is


@dataclass
class Item:
    text: str
    sources: str = ""  # the outlets that carry it, or who says it
    note: str = ""
    wordings: list[Item] = field(default_factory=list)  # the same claim in each other outlet's words


@dataclass
class Section:
    heading: str
    intro: str = ""
    items: list[Item] = field(default_factory=list)
    ordered: bool = False


@dataclass
class Report:
    title: str
    byline: str
    sections: list[Section]


def report_sections(story: Story, articles: list[Article]) -> Report:
    outlets = _Outlets(articles)
    claims = {c.id: c for c in story.claims}
    sections = [
        _coverage(articles),
        Section(
            "Summary",
            "Sentences as the outlets wrote them, the most neutral wording of each fact.",
            [Item(shown_text(s), outlets.names(c.article_id for c in s.citations)) for s in story.summary],
            True,
        ),
        _claims("What every outlet reports", "consensus", story, outlets),
        _claims("What some outlets report", "partial", story, outlets),
        _unique(story, outlets),
        Section(
            "Conflicts and updates",
            "",
            [Item(c.description, note=_conflict_note(c)) for c in story.conflicts],
        ),
        Section(
            "Framing",
            "The same fact in different words (lexicon: docs/comparison.md).",
            [Item(f.note, shown_text(claims[f.claim_id])) for f in story.framing],
        ),
        Section(
            "Loaded terms by outlet",
            "",
            [
                Item(
                    ", ".join(f'"{t["term"]}" ({t["connotation"]})' for t in row["terms"]),
                    f"{row['outlet']} about {row['entity']}",
                )
                for row in story.loaded_terms
            ],
        ),
        _omissions(story, claims, outlets),
        _quotes(story, outlets),
        Section(
            "Timeline",
            "",
            [
                Item(
                    t.text,
                    outlets.names([t.article_id, *(c.article_id for c in t.also_cited)]),
                    f'{t.date} ("{t.expression}")',
                )
                for t in story.timeline
            ],
        ),
        Section(
            "People, organisations and places",
            "Those named in more than one article." if len(articles) > 1 else "",
            [
                Item(
                    e.name,
                    f"{len(e.article_ids)} of {len(articles)} articles",
                    "; ".join(x for x in [e.type, e.description, _aliases(e.aliases)] if x),
                )
                for e in story.entities
                if len(e.article_ids) > 1 or len(articles) == 1
            ],
        ),
    ]
    byline = f"{len(articles)} articles from {len(story.outlets)} outlets" + _period(story)
    return Report(story.title, byline, [s for s in sections if s.items])


class _Outlets:
    """Names articles by outlet, marking syndicated copies."""

    def __init__(self, articles: list[Article]) -> None:
        self._articles = {a.id: a for a in articles}

    def name(self, article_id: str) -> str:
        article = self._articles.get(article_id)
        if article is None:
            return article_id
        label = article.outlet_label
        return f"{label} (copy)" if article.duplicate_of else label

    def names(self, article_ids) -> str:
        return ", ".join(dict.fromkeys(self.name(i) for i in article_ids))


def _coverage(articles: list[Article]) -> Section:
    return Section(
        "Coverage",
        "",
        [
            Item(
                a.title or a.id,
                a.outlet or "unknown outlet",
                ", ".join(
                    x
                    for x in [
                        a.published.isoformat() if a.published else "",
                        f"copy of {a.duplicate_of}" if a.duplicate_of else "",
                        f"id {a.id}",
                    ]
                    if x
                ),
            )
            for a in articles
        ],
    )


def _claims(heading: str, status: str, story: Story, outlets: _Outlets) -> Section:
    items = [_claim_item(c, outlets, wordings=True) for c in story.claims if c.status == status]
    return Section(heading, "Below each, how the other outlets word it." if items else "", items)


def _claim_item(claim: Claim, outlets: _Outlets, wordings: bool = False) -> Item:
    note = f"[{claim.id}]" + (f" speaker: {claim.speaker}" if claim.speaker else "")
    sources = outlets.names(s.article_id for s in claim.support)
    return Item(shown_text(claim), sources, note, _wordings(claim, outlets) if wordings else [])


def _wordings(claim: Claim, outlets: _Outlets) -> list[Item]:
    """Each supporting span but the one shown, as its outlet words it: a reader checks that the
    outlets named say the same thing, not just that a sentence of theirs was grouped with it. The
    same words in several articles (syndicated copies) are listed once with all their outlets."""
    by_text: dict[tuple[str, str], list[str]] = {}
    for support in claim.support:
        if support.text != claim.text:
            by_text.setdefault((excerpt(support.text, support.field), support.field), []).append(
                support.article_id
            )
    return [
        Item(text, outlets.names(ids), _FIELD_NOTES.get(span_field, ""))
        for (text, span_field), ids in by_text.items()
    ]


def _unique(story: Story, outlets: _Outlets) -> Section:
    by_outlet: dict[str, list[Claim]] = defaultdict(list)
    for claim in story.claims:
        if claim.status == "unique":
            by_outlet[outlets.names(s.article_id for s in claim.support)].append(claim)
    items = []
    for carrier, claims in by_outlet.items():
        items += [_claim_item(c, outlets) for c in claims[:UNIQUE_PER_OUTLET]]
        if len(claims) > UNIQUE_PER_OUTLET:
            items.append(Item(f"… and {len(claims) - UNIQUE_PER_OUTLET} more", carrier))
    return Section("What only one outlet reports", "The most important first.", items)


def _omissions(story: Story, claims: dict[str, Claim], outlets: _Outlets) -> Section:
    items = []
    for omission in story.omissions:
        shown = [shown_text(claims[i]) for i in omission.claim_ids[:OMISSIONS_PER_ARTICLE]]
        more = len(omission.claim_ids) - len(shown)
        items += [Item(text, outlets.name(omission.article_id), "left out") for text in shown]
        if more > 0:
            items.append(Item(f"… and {more} more", outlets.name(omission.article_id), "left out"))
    return Section(
        "What each outlet leaves out",
        "Facts other outlets had reported by the time it was published, most important first.",
        items,
    )


def _quotes(story: Story, outlets: _Outlets) -> Section:
    by_speaker: dict[str, list] = defaultdict(list)
    for quote in story.quotes:
        by_speaker[quote.speaker or f"unattributed ({quote.speaker_text})"].append(quote)
    items = []
    for speaker, quotes in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        items += [
            Item(quotation(q.text), f"{speaker}, in {outlets.name(q.article_id)}", q.kind)
            for q in quotes[:QUOTES_PER_SPEAKER]
        ]
    return Section("Who said what", "", items)


def _conflict_note(conflict: Conflict) -> str:
    if conflict.update:
        return "update"
    return f"{conflict.kind}, between parties" if conflict.between_parties else conflict.kind


def _aliases(aliases: list[str]) -> str:
    return "also " + ", ".join(aliases) if aliases else ""


def _period(story: Story) -> str:
    if not story.first_published or not story.last_published:
        return ""
    first, last = story.first_published.date().isoformat(), story.last_published.date().isoformat()
    return f", {first}" if first == last else f", {first} to {last}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Article text shown literally: Markdown and inline HTML characters escaped, lines joined."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(story: Story, articles: list[Article]) -> str:
    report = report_sections(story, articles)
    lines = [f"# {escape(report.title)}", "", f"*{escape(report.byline)}*"]
    for section in report.sections:
        lines += ["", f"## {section.heading}", ""]
        if section.intro:
            lines += [f"*{section.intro}*", ""]
        for number, item in enumerate(section.items, start=1):
            bullet = f"{number}." if section.ordered else "-"
            lines.append(f"{bullet} {_line(item)}")
            indent = " " * (len(bullet) + 1)  # a nested list under the item
            lines += [f"{indent}- {_line(wording)}" for wording in item.wordings]
    return "\n".join(lines) + "\n"


def _line(item: Item) -> str:
    sources = f" — *{escape(item.sources)}*" if item.sources else ""
    note = f" `{item.note.replace('`', '')}`" if item.note else ""
    return f"{escape(item.text)}{sources}{note}"
