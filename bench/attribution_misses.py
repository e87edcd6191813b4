"""Every end-to-end quote miss on the sample corpus, grouped by cause.

    .venv/bin/python bench/attribution_misses.py [--json PATH]

Runs the pipeline once over the bundled sample (as ``storylens eval quotes`` does) and lists each
gold quote that is not found with the right speaker, and each predicted quote that matches no
gold quote: the gold quote and speaker as written, the predicted quote, speaker and the words
it took as the speaker, and why it missed (not found, no speaker, wrong speaker, spurious).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from storylens.eval.corpus import CorpusRun, run_corpus
from storylens.eval.gold import GoldArticle, GoldQuote, sample_dir
from storylens.eval.metrics import QuoteSpan, match_spans, same_speaker
from storylens.eval.quotes import predicted_quotes
from storylens.models import Quote

SHOWN_CHARS = 90


@dataclass
class Miss:
    """One end-to-end miss: a gold quote not attributed right, or a prediction with no gold quote."""

    cause: str
    article: str
    kind: str
    form: str
    gold_quote: str = ""
    gold_speaker: str | None = None
    gold_speaker_text: str = ""
    quote: str = ""
    speaker: str | None = None
    speaker_text: str | None = None


def _short(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _gold_miss(article: GoldArticle, gold: GoldQuote, found: Quote | None, cause: str) -> Miss:
    return Miss(
        cause=cause,
        article=article.ref.source,
        kind=gold.kind,
        form=gold.speaker_form or "unknown",
        gold_quote=_short(gold.text),
        gold_speaker=gold.speaker,
        gold_speaker_text=gold.speaker_text,
        quote=_short(found.text) if found else "",
        speaker=found.speaker if found else None,
        speaker_text=found.speaker_text if found else None,
    )


def _cause(gold: QuoteSpan, found: QuoteSpan | None) -> str | None:
    if found is None:
        return "not found"
    if same_speaker(gold, found):
        return None
    return "no speaker" if found.speaker is None else "wrong speaker"


def article_misses(article: GoldArticle, predicted: list[tuple[QuoteSpan, Quote]]) -> Iterator[Miss]:
    """The misses of one gold article."""
    spans = [QuoteSpan(q.start, q.end, q.speaker, q.kind, q.speaker_form, q.field) for q in article.quotes]
    pairs = dict(match_spans(spans, [span for span, _ in predicted]))
    for i, gold in enumerate(article.quotes):
        found = predicted[pairs[i]] if i in pairs else None
        cause = _cause(spans[i], found[0] if found else None)
        if cause is not None:
            yield _gold_miss(article, gold, found[1] if found else None, cause)
    for j in set(range(len(predicted))) - set(pairs.values()):
        span, quote = predicted[j]
        yield Miss(
            "spurious", article.ref.source, quote.kind, quote.speaker_form or "unknown",
            quote=_short(quote.text), speaker=quote.speaker, speaker_text=quote.speaker_text,
        )  # fmt: skip


def all_misses(run: CorpusRun) -> list[Miss]:
    predicted = predicted_quotes(run)
    return [miss for article in run.gold for miss in article_misses(article, predicted.get(article.key, []))]


def report(misses: list[Miss]) -> str:
    """Counts by cause and speaker form, then each miss under its cause."""
    counts = Counter((m.cause, m.form) for m in misses)
    lines = [f"{len(misses)} misses"]
    lines += [f"  {n:3d}  {cause:14s} {form}" for (cause, form), n in sorted(counts.items())]
    for miss in sorted(misses, key=lambda m: (m.cause, m.form, m.article)):
        lines += [
            "",
            f"[{miss.cause} | {miss.kind} | {miss.form}] {miss.article}",
            f"  gold: {miss.gold_quote!r}  <- {miss.gold_speaker} ({miss.gold_speaker_text!r})",
            f"  pred: {miss.quote!r}  <- {miss.speaker} ({miss.speaker_text!r})",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, help="also write the misses as JSON here")
    args = parser.parse_args()
    misses = all_misses(run_corpus(sample_dir()))
    print(report(misses))
    if args.json:
        args.json.write_text(json.dumps([asdict(m) for m in misses], indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
