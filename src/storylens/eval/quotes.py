"""The quote task: the pipeline's story quotes against the gold quotes of the sample corpus.

A predicted speaker is the gold speaker when it is the gold entity's name or one of its aliases
that is a proper name ("Alexander Petrov" for the gold "Aleksandr Petrov", "Transport
Ministry" for "Ministry of Transport"): which of an entity's spellings a story takes as its
canonical name is a choice, not an attribution error. Aliases that are descriptions ("the
ministry") or that two entities share do not count. The strict figure, canonical names only,
is reported beside it as ``end_to_end_exact_name``.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Hashable
from typing import Any

from storylens.eval.corpus import CorpusRun
from storylens.eval.gold import GoldEvent
from storylens.eval.metrics import QuoteSpan, normalise_name, quote_scores
from storylens.models import Quote


def gold_quotes(run: CorpusRun) -> dict[Hashable, list[QuoteSpan]]:
    """Gold quotes by gold article."""
    return {
        g.key: [QuoteSpan(q.start, q.end, q.speaker, q.kind, q.speaker_form, q.field) for q in g.quotes]
        for g in run.gold
    }


def entity_spellings(event: GoldEvent) -> dict[str, str]:
    """Normalised proper-name spelling -> the gold entity it names, for spellings of one entity only."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in event.entities:
        for form in [entity.name, *entity.aliases]:
            if form[:1].isupper() and not form.lower().startswith("the "):
                owners[normalise_name(form)].add(entity.name)
    return {form: names.pop() for form, names in owners.items() if len(names) == 1}


def _in_gold_coordinates(run: CorpusRun, quote: Quote) -> tuple[Hashable, QuoteSpan]:
    """The quote's gold article and its span there; an article without gold keeps its own id and span."""
    projected = run.to_gold(quote.article_id, quote.field, quote.start, quote.end)
    if projected is None:
        key, (start, end) = ("no gold", quote.article_id), (quote.start, quote.end)
    else:
        (key, _), (start, end) = projected
    return key, QuoteSpan(start, end, quote.speaker, quote.kind, quote.speaker_form, quote.field)


def predicted_quotes(run: CorpusRun, by_entity: bool = True) -> dict[Hashable, list[tuple[QuoteSpan, Quote]]]:
    """Story quotes (the final, story-wide attribution) by gold article, each in gold coordinates
    beside the quote itself; with ``by_entity``, speakers spelt as a gold entity's alias carry its name."""
    spellings = {g.key: entity_spellings(e) for e in run.events for g in e.articles} if by_entity else {}
    found: dict[Hashable, list[tuple[QuoteSpan, Quote]]] = defaultdict(list)
    for story in run.stories:
        for quote in story.quotes:
            key, span = _in_gold_coordinates(run, quote)
            gold_name = spellings.get(key, {}).get(normalise_name(quote.speaker))
            found[key].append((dataclasses.replace(span, speaker=gold_name or span.speaker), quote))
    return found


def _scores(run: CorpusRun, by_entity: bool) -> dict[str, Any]:
    gold, predicted = gold_quotes(run), predicted_quotes(run, by_entity)
    keys = list(gold) + [k for k in predicted if k not in gold]
    return quote_scores((gold.get(k, []), [span for span, _ in predicted.get(k, [])]) for k in keys)


def evaluate_quotes(run: CorpusRun) -> dict[str, Any]:
    """Quote P/R/F1, speaker accuracy and end-to-end F1; quotes of articles without gold count as misses."""
    exact = _scores(run, by_entity=False)["end_to_end"]
    return {"dataset": str(run.folder), **_scores(run, by_entity=True), "end_to_end_exact_name": exact}
