"""Marked-up development stories: every statement of every article labelled with its fact.

The sample corpus's gold names a story's key facts only; most sentences are left out, so a
grouping that joins two unlabelled sentences of different facts goes unseen. The stories in
``tests/fixtures/alignment_stories/`` label every statement, so the purity of a story's claim
groups can be measured and the alignment fitted on it (``bench/alignment_stories.py``). They are
development data of our own, never the sample corpus. Markup, in title, subtitle and body:
``[F3 text]`` states the story's fact F3, ``[- text]`` something only this article says; text
outside brackets is connective. Format: ``docs/comparison.md`` (Development stories).

    .venv/bin/python -m storylens.eval.marked tests/fixtures/alignment_stories/*.json
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storylens.models import Article, SpanField

STORIES = Path(__file__).parents[3] / "tests" / "fixtures" / "alignment_stories"
MARK = re.compile(r"\[(F\d+|-) ([^\[\]]*)\]")
OWN = "-"  # a statement only its article makes
CONFLICT_KINDS = {"number", "date", "entity", "polarity"}
CONNECTIVE_WORDS = 8  # more words outside brackets is a statement left unmarked


class MarkupError(ValueError):
    """A marked story that does not follow the format."""


@dataclass(frozen=True)
class Statement:
    """One marked statement: where it lies in its article and the fact it states."""

    article_id: str
    field: SpanField
    start: int
    end: int
    fact: str  # "F3", or for an own statement a label of its own ("<article id>#<field><start>")


@dataclass
class MarkedStory:
    """One story file: its facts, labelled conflicts, articles (ids "<story>/<n>") and statements."""

    story: str
    facts: dict[str, str]
    conflicts: list[dict]
    articles: list[Article]
    statements: list[Statement]


def unmark(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The plain text and its statements as (start, end, label)."""
    plain, spans, at = [], [], 0
    for match in MARK.finditer(marked):
        plain.append(marked[at : match.start()])
        start = sum(map(len, plain))
        plain.append(match.group(2))
        spans.append((start, start + len(match.group(2)), match.group(1)))
        at = match.end()
    plain.append(marked[at:])
    for between in plain[::2]:
        if "[" in between or "]" in between:
            raise MarkupError(f"unbalanced or malformed bracket in: {marked[:80]!r}")
        if len(between.split()) > CONNECTIVE_WORDS:
            raise MarkupError(f"unmarked statement: {between.strip()[:80]!r}")
    return "".join(plain), spans


def load_story(path: Path) -> MarkedStory:
    """Parse one story file; raise :class:`MarkupError` naming the file and the fault."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        story = _parse(data)
    except (MarkupError, KeyError, ValueError, TypeError) as error:
        raise MarkupError(f"{path}: {error}") from error
    return story


def load_stories(folder: Path = STORIES) -> list[MarkedStory]:
    return [load_story(path) for path in sorted(folder.glob("*.json"))]


def _parse(data: dict) -> MarkedStory:
    slug, facts = data["story"], dict(data["facts"])
    articles, statements = [], []
    for number, item in enumerate(data["articles"]):
        article, own = _article(slug, number, item, len(data["articles"]))
        articles.append(article)
        statements += own
    _check(facts, data.get("conflicts", []), statements)
    return MarkedStory(slug, facts, list(data.get("conflicts", [])), articles, statements)


def _article(slug: str, number: int, item: dict, total: int) -> tuple[Article, list[Statement]]:
    ident = f"{slug}/{number}"
    fields: dict[SpanField, str | None] = {}
    statements: list[Statement] = []
    marked: dict[SpanField, str | None] = {
        "title": item["title"],
        "subtitle": item.get("subtitle"),
        "text": "\n\n".join(item["body"]),
    }
    for field, text in marked.items():
        if text is None:
            fields[field] = None
            continue
        plain, spans = unmark(text)
        fields[field] = plain
        for start, end, label in spans:
            fact = f"{ident}#{field}{start}" if label == OWN else label
            statements.append(Statement(ident, field, start, end, fact))
    copy_of = item.get("copy_of")
    if copy_of is not None and not (0 <= copy_of < total and copy_of != number):
        raise MarkupError(f"article {number}: copy_of {copy_of} is no other article")
    article = Article(
        id=ident,
        source=ident,
        text=fields["text"] or "",
        outlet=item["outlet"],
        title=fields["title"],
        subtitle=fields["subtitle"],
        published=datetime.fromisoformat(item["published"]),
        duplicate_of=f"{slug}/{copy_of}" if copy_of is not None else None,
        story_id=slug,
    )
    return article, statements


def _check(facts: dict[str, str], conflicts: list[dict], statements: list[Statement]) -> None:
    used = {s.fact for s in statements}
    undeclared = sorted({s.fact for s in statements if "#" not in s.fact} - set(facts))
    if undeclared:
        raise MarkupError(f"facts used but not declared: {', '.join(undeclared)}")
    carriers = Counter(fact for fact, _ in {(s.fact, s.article_id) for s in statements} if fact in facts)
    lonely = sorted(f for f in facts if carriers[f] < 2)
    if lonely:
        raise MarkupError(f"facts stated by fewer than two articles (mark them '-'): {', '.join(lonely)}")
    for conflict in conflicts:
        if conflict["fact"] not in used or conflict["kind"] not in CONFLICT_KINDS:
            raise MarkupError(f"conflict on an unused fact or of an unknown kind: {conflict}")


def _describe(story: MarkedStory) -> str:
    sources = {a.id: a.duplicate_of or a.id for a in story.articles}
    carriers = Counter(
        f for f, _ in {(s.fact, sources[s.article_id]) for s in story.statements} if f in story.facts
    )
    everyone = len(set(sources.values()))
    consensus = sum(1 for n in carriers.values() if n == everyone)
    return (
        f"{story.story}: {len(story.articles)} articles, {len(story.facts)} facts "
        f"({consensus} consensus, {len(story.facts) - consensus} partial), "
        f"{len(story.statements)} statements, {len(story.conflicts)} conflicts"
    )


def main(paths: list[str]) -> int:
    failed = 0
    for path in paths or [str(p) for p in sorted(STORIES.glob("*.json"))]:
        try:
            print(_describe(load_story(Path(path))))
        except MarkupError as error:
            print(f"error: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
