"""Throughput of the whole ingest (extract → analyze → cluster → compare → store) on ECB+ dev.

Beside it, in the same run and on the same texts, bare spaCy (``nlp.pipe`` with the full
small English pipeline): the ratio is what we quote, because this machine is shared and
absolute speeds drift. Each measurement is repeated and the median taken.

    .venv/bin/python bench/ingest_throughput.py [--repeats 3] [--split dev]
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import tempfile
import time
from pathlib import Path

from storylens.eval.ecbplus import load_ecbplus
from storylens.pipeline import Pipeline
from storylens.store import Store


def write_jsonl(texts: dict[str, str], folder: Path) -> Path:
    path = folder / "ecbplus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for doc_id, text in texts.items():
            handle.write(json.dumps({"id": doc_id, "text": text}) + "\n")
    return path


def time_ingest(path: Path, folder: Path, run: int) -> float:
    store = Store(str(folder / f"run{run}.db"))
    pipeline = Pipeline(store)
    pipeline.analyzer  # models load outside the timed part, as in a long-running ingest  # noqa: B018
    start = time.perf_counter()
    report = pipeline.ingest([str(path)])
    elapsed = time.perf_counter() - start
    assert not report.errors, report.errors[:3]
    store.close()
    return elapsed


def time_bare_spacy(texts: list[str]) -> float:
    """The full small English pipeline as spaCy ships it, nothing disabled."""
    nlp = bare_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


@functools.cache
def bare_nlp():  # type: ignore[no-untyped-def]
    import spacy

    from storylens.analyze.nlp import chosen_model

    return spacy.load(chosen_model())  # the pipeline the ingest runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    documents = load_ecbplus(args.split)
    texts = {d.doc_id: d.text for d in documents}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_jsonl(texts, folder)
        time_bare_spacy(list(texts.values())[:8])  # warm-up
        bare, whole = [], []
        for run in range(args.repeats):
            bare.append(time_bare_spacy(list(texts.values())))
            whole.append(time_ingest(path, folder, run))
    n = len(texts)
    result = {
        "documents": n,
        "bare_spacy_docs_per_s": round(n / statistics.median(bare), 1),
        "ingest_docs_per_s": round(n / statistics.median(whole), 1),
        "ingest_time_over_bare_spacy": round(
            statistics.median(w / b for w, b in zip(whole, bare, strict=True)), 2
        ),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
