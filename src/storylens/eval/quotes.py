"""The quote task: the pipeline's story quotes against the gold quotes of the sample corpus."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from typing import Any

from storylens.eval.corpus import CorpusRun
from storylens.eval.metrics import QuoteSpan, quote_scores
from storylens.models import Quote


def _gold_quotes(run: CorpusRun) -> dict[Hashable, list[QuoteSpan]]:
    return {
        g.key: [QuoteSpan(q.start, q.end, q.speaker, q.kind, q.speaker_form, q.field) for q in g.quotes]
        for g in run.gold
    }


def _in_gold_coordinates(run: CorpusRun, quote: Quote) -> tuple[Hashable, QuoteSpan]:
    """The quote's gold article and its span there; an article without gold keeps its own id and span."""
    projected = run.to_gold(quote.article_id, quote.field, quote.start, quote.end)
    if projected is None:
        key, (start, end) = ("no gold", quote.article_id), (quote.start, quote.end)
    else:
        (key, _), (start, end) = projected
    return key, QuoteSpan(start, end, quote.speaker, quote.kind, quote.speaker_form, quote.field)


def _predicted_quotes(run: CorpusRun) -> dict[Hashable, list[QuoteSpan]]:
    """Story quotes (the final, story-wide attribution), by gold article."""
    found: dict[Hashable, list[QuoteSpan]] = defaultdict(list)
    for story in run.stories:
        for quote in story.quotes:
            key, span = _in_gold_coordinates(run, quote)
            found[key].append(span)
    return found


def evaluate_quotes(run: CorpusRun) -> dict[str, Any]:
    """Quote P/R/F1, speaker accuracy and end-to-end F1; quotes of articles without gold count as misses."""
    gold, predicted = _gold_quotes(run), _predicted_quotes(run)
    keys = list(gold) + [k for k in predicted if k not in gold]
    scores = quote_scores((gold.get(k, []), predicted.get(k, [])) for k in keys)
    return {"dataset": str(run.folder), **scores}
