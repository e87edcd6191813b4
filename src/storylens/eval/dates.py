"""The dates task: each article's normalised temporal expressions against the gold dates.

A predicted expression finds a gold one when their spans overlap by character Dice >= 0.5 in
the same field (one to one); it is right when its normalised value ("YYYY", "YYYY-MM" or
"YYYY-MM-DD") is the gold value too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storylens.eval.corpus import CorpusRun
from storylens.eval.metrics import PRF, match_spans


@dataclass(frozen=True)
class DateSpan:
    """A gold or predicted date in gold coordinates."""

    start: int
    end: int
    value: str | None
    field: str = "text"


def date_scores(articles: Iterable[tuple[Sequence[DateSpan], Sequence[DateSpan]]]) -> dict[str, Any]:
    """Expressions found (P/R/F1), and found with the right value (P/R/F1), over all articles."""
    found = right = predicted_total = gold_total = 0
    for gold, predicted in articles:
        pairs = match_spans(gold, predicted)
        found += len(pairs)
        right += sum(gold[i].value == predicted[j].value for i, j in pairs)
        predicted_total += len(predicted)
        gold_total += len(gold)
    return {
        "expressions": PRF(found, predicted_total, gold_total).to_dict(),
        "right_value": PRF(right, predicted_total, gold_total).to_dict(),
        "value_accuracy_on_found": right / found if found else None,
    }


def _predicted(run: CorpusRun, key: Any) -> list[DateSpan]:
    article = run.matched.get(key)
    spans = []
    for date in article.dates if article else []:
        projected = run.to_gold(article.id, date.field, date.start, date.end)
        if projected is not None:
            _, (start, end) = projected
            spans.append(DateSpan(start, end, date.value, date.field))
    return spans


def evaluate_dates(run: CorpusRun) -> dict[str, Any]:
    """Date scores over every gold article; an article the pipeline lost counts as all misses."""
    pairs = (
        ([DateSpan(d.start, d.end, d.value, d.field) for d in g.dates], _predicted(run, g.key))
        for g in run.gold
    )
    return {"dataset": str(run.folder), **date_scores(pairs)}
