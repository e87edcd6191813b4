"""Analysis speed on ECB+: ``Analyzer(embed=False).analyze`` beside bare ``nlp.pipe``.

Both run over the same detokenised ECB+ texts in the same process, alternating, so the figure
that matters is the ratio (goal: analysis costs at most 1.5 times bare spaCy with its full
default pipeline); medians of the runs are reported.

    .venv/bin/python bench/analysis_speed.py [--runs 3] [--limit N] [--data PATH]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from storylens.analyze import Analyzer
from storylens.analyze.nlp import DEFAULT_MODEL, get_nlp
from storylens.eval.ecbplus import DEFAULT_PATH, load_ecbplus, to_article

BATCH_SIZE = 32


def time_bare(texts: list[str], model: str) -> float:
    """Seconds for the model's whole default pipeline over the texts."""
    import spacy

    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - start


def time_analysis(documents: list, model: str) -> float:
    """Seconds for the full per-article analysis (no embeddings) of fresh articles."""
    articles = [to_article(d) for d in documents]
    analyzer = Analyzer(model=model, embed=False, batch_size=BATCH_SIZE)
    start = time.perf_counter()
    analyzer.analyze(articles)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    documents = load_ecbplus(path=args.data)[: args.limit]
    texts = [d.text for d in documents]
    get_nlp(args.model)  # load outside the timings
    bare, analysis = [], []
    for run in range(args.runs):
        bare.append(time_bare(texts, args.model))
        analysis.append(time_analysis(documents, args.model))
        print(
            f"run {run + 1}: bare {len(texts) / bare[-1]:.1f} art/s, "
            f"analysis {len(texts) / analysis[-1]:.1f} art/s"
        )
    ratios = [a / b for a, b in zip(analysis, bare, strict=True)]
    print(f"articles: {len(texts)}  runs: {args.runs}")
    print(f"bare nlp.pipe: {len(texts) / statistics.median(bare):.1f} articles/s (median)")
    print(
        f"Analyzer(embed=False).analyze: {len(texts) / statistics.median(analysis):.1f} articles/s (median)"
    )
    print(f"cost ratio analysis / bare: {statistics.median(ratios):.2f} (median of per-run ratios)")


if __name__ == "__main__":
    main()
