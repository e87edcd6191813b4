"""Compare the sample corpus's gold events and write the reader's-check reports.

Isolates the compare stage: articles are built from the gold (clean body, metadata, syndicated
copies) and grouped by gold event, then analysed for real and compared; the three largest
events' Markdown reports are written here, and the claim scores of ``storylens.eval.claims``
are printed for all events.

    .venv/bin/python docs/examples/make_examples.py [--json]
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from storylens.analyze import Analyzer
from storylens.compare import compare_story
from storylens.eval.corpus import CorpusRun
from storylens.eval.gold import GoldArticle, GoldRef, load_gold, sample_dir
from storylens.models import Article
from storylens.present.markdown import render_markdown

EXAMPLES = Path(__file__).parent
LARGEST = 3


def _article_id(ref: GoldRef) -> str:
    return hashlib.sha1(f"{ref.source}#{ref.item}".encode()).hexdigest()[:16]


def _article(gold: GoldArticle) -> Article:
    source = gold.ref.source + (f"#{gold.ref.item}" if gold.ref.item else "")
    return Article(
        id=_article_id(gold.ref),
        source=source,
        text=gold.body,
        outlet=gold.outlet,
        title=gold.title,
        subtitle=gold.subtitle,
        published=gold.published_at,
        authors=list(gold.authors),
        duplicate_of=_article_id(gold.copy_of) if gold.copy_of else None,
        story_id=gold.event,
    )


def main() -> None:
    events = load_gold()
    by_event = {e.event: [_article(a) for a in e.articles] for e in events}
    every = [a for articles in by_event.values() for a in articles]
    Analyzer(embed=False).analyze(every)
    stories = [compare_story(event, articles) for event, articles in by_event.items()]
    for story in sorted(stories, key=lambda s: -len(s.article_ids))[:LARGEST]:
        articles = sorted(
            (a for a in every if a.id in story.article_ids), key=lambda a: story.article_ids.index(a.id)
        )
        (EXAMPLES / f"{story.id}.md").write_text(render_markdown(story, articles), encoding="utf-8")
    scores = _claim_scores(events, every, stories)
    print(json.dumps(scores, indent=2) if "--json" in sys.argv else _table(scores))


def _claim_scores(events, articles, stories) -> dict:
    from storylens.eval.claims import evaluate_claims

    return evaluate_claims(CorpusRun(sample_dir(), events, articles, stories, []))


def _table(scores: dict) -> str:
    lines = []
    for name, value in scores.items():
        if name != "by_event":
            lines.append(f"{name}: {json.dumps(value)}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
