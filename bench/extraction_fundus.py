"""Body-extraction benchmark on fundus-eval: storylens ``extract`` beside bare trafilatura.

Scores ROUGE-LSum F1 (union LCS over sentences, as in Lin 2004 and ``rouge_score``) of each
extractor's body against the gold paragraphs, and times both extractors on the same
decompressed pages in the same process, alternating page by page, so the speed figure is a
ratio, not an absolute.

    .venv/bin/python bench/extraction_fundus.py [--data ../shared/data/fundus-eval]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura

from storylens.errors import InputError
from storylens.eval.fundus import DEFAULT_PATH, FundusPage, load_fundus
from storylens.extract import extract
from storylens.ingest import RawDocument
from storylens.models import Article

_TOKEN = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")


def sentences(text: str) -> list[list[str]]:
    """Tokenised sentences: paragraphs split at sentence ends, lower-cased alphanumeric tokens."""
    result = []
    for paragraph in text.split("\n"):
        for sentence in _SENTENCE_END.split(paragraph):
            tokens = _TOKEN.findall(sentence.lower())
            if tokens:
                result.append(tokens)
    return result


def _lcs_indices(ref: list[str], cand: list[str]) -> set[int]:
    """Indices into ``ref`` of one longest common subsequence with ``cand``.

    Tokens the two do not share cannot be in it, so both are filtered to the shared ones
    first: exact, and far faster for sentence pairs that only share a few function words.
    """
    shared = set(ref).intersection(cand)
    positions = [i for i, token in enumerate(ref) if token in shared]
    ref, cand = [ref[i] for i in positions], [t for t in cand if t in shared]
    rows, cols = len(ref), len(cand)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows):
        row, nxt = table[i], table[i + 1]
        for j in range(cols):
            nxt[j + 1] = row[j] + 1 if ref[i] == cand[j] else max(row[j + 1], nxt[j])
    picked, i, j = set(), rows, cols
    while i and j:
        if ref[i - 1] == cand[j - 1]:
            picked.add(positions[i - 1])
            i, j = i - 1, j - 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return picked


def rouge_lsum_f1(reference: str, candidate: str) -> float:
    """Summary-level ROUGE-L F1: each reference sentence's union LCS with all candidate sentences."""
    ref, cand = sentences(reference), sentences(candidate)
    ref_total, cand_total = sum(map(len, ref)), sum(map(len, cand))
    if not ref_total or not cand_total:
        return 0.0
    ref_left = Counter(t for s in ref for t in s)
    cand_left = Counter(t for s in cand for t in s)
    hits = 0
    for ref_sentence in ref:
        union: set[int] = set()
        for cand_sentence in cand:
            union |= _lcs_indices(ref_sentence, cand_sentence)
        for index in sorted(union):
            token = ref_sentence[index]
            if ref_left[token] > 0 and cand_left[token] > 0:
                hits += 1
                ref_left[token] -= 1
                cand_left[token] -= 1
    precision, recall = hits / cand_total, hits / ref_total
    return 0.0 if not hits else 2 * precision * recall / (precision + recall)


def ours(html: str, url: str) -> Article | None:
    try:
        return extract(RawDocument(source=url, kind="html", content=html, fields={"url": url}))
    except InputError:
        return None


def main_text(article: Article | None) -> str:
    """Standfirst and body: fundus-eval's gold body opens with the standfirst or key points
    (43 of 80 pages), which storylens keeps in ``subtitle``."""
    return "\n".join(filter(None, (article.subtitle, article.text))) if article else ""


def body_only(article: Article | None) -> str:
    return article.text if article else ""


def bare_trafilatura(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def timed_pairs(
    pages: list[FundusPage], first: Callable[[str, str], Any], second: Callable[[str, str], Any]
) -> tuple[list[Any], float, list[Any], float]:
    """Both extractors' outputs and seconds, alternating page by page, so that a change in the
    shared machine's load falls on both alike."""
    outputs: tuple[list[Any], list[Any]] = ([], [])
    seconds = [0.0, 0.0]
    for page in pages:
        for index, extractor in enumerate((first, second)):
            started = time.perf_counter()
            outputs[index].append(extractor(page.markup, page.url))
            seconds[index] += time.perf_counter() - started
    return outputs[0], seconds[0], outputs[1], seconds[1]


def scores(pages: list[FundusPage], texts: list[str]) -> list[float]:
    return [rouge_lsum_f1(page.body, text) for page, text in zip(pages, texts, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds; the median is reported")
    parser.add_argument("--per-page", action="store_true", help="print each page's scores")
    args = parser.parse_args()
    pages = load_fundus(args.data)
    for page in pages[:3]:  # one-time set-up (stop lists, date locales) is not per-page speed
        ours(page.markup, page.url)
        bare_trafilatura(page.markup, page.url)
    ours_times, base_times = [], []
    for _ in range(args.rounds):
        articles, ours_seconds, baseline, base_seconds = timed_pairs(pages, ours, bare_trafilatura)
        ours_times.append(ours_seconds)
        base_times.append(base_seconds)
    results = {
        "ours (standfirst + body)": scores(pages, [main_text(a) for a in articles]),
        "ours (body only)": scores(pages, [body_only(a) for a in articles]),
        "trafilatura.extract": scores(pages, baseline),
    }
    if args.per_page:
        for index, page in enumerate(pages):
            print(f"{page.key:34s}", "  ".join(f"{values[index] * 100:6.1f}" for values in results.values()))
    print(f"pages: {len(pages)}")
    for label, values in results.items():
        print(
            f"ROUGE-LSum F1 {label:26s} mean {statistics.mean(values) * 100:.1f}  "
            f"median {statistics.median(values) * 100:.1f}"
        )
    ours_rate = len(pages) / statistics.median(ours_times)
    base_rate = len(pages) / statistics.median(base_times)
    print(
        f"pages/s (median of {args.rounds}) ours {ours_rate:.1f}  trafilatura {base_rate:.1f}  "
        f"ratio {ours_rate / base_rate:.2f}"
    )


if __name__ == "__main__":
    main()
