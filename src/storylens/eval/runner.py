"""``storylens eval``: pick the dataset, run the tasks it supports, and lay the scores out.

Datasets: the bundled sample corpus (default; any folder with ``articles/`` and ``gold/``)
scores every task; a fundus-eval folder scores extraction; ECB+ (its folder or its JSONL
file) scores clustering.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rich.table import Table

from storylens.eval.gold import sample_dir

TASKS = ("extraction", "clustering", "quotes", "claims", "entities", "dates")
ECB_FILE = "ecbplus_train_dev.jsonl"


def _sample_task(name: str) -> Callable[[Path], dict[str, Any]]:
    """A task scored on one shared pipeline run over the corpus."""

    def run(path: Path) -> dict[str, Any]:
        from storylens.eval.claims import evaluate_claims
        from storylens.eval.clusters import evaluate_corpus_clustering
        from storylens.eval.corpus import run_corpus
        from storylens.eval.dates import evaluate_dates
        from storylens.eval.entities import evaluate_entities
        from storylens.eval.quotes import evaluate_quotes

        scorer = {
            "clustering": evaluate_corpus_clustering,
            "quotes": evaluate_quotes,
            "claims": evaluate_claims,
            "entities": evaluate_entities,
            "dates": evaluate_dates,
        }
        return scorer[name](run_corpus(path))

    return run


def _sample_extraction(path: Path) -> dict[str, Any]:
    from storylens.eval.extraction import evaluate_sample

    return evaluate_sample(path)


def _fundus_extraction(path: Path) -> dict[str, Any]:
    from storylens.eval.extraction import evaluate_fundus

    return evaluate_fundus(path)


def _ecbplus_clustering(path: Path) -> dict[str, Any]:
    from storylens.eval.clusters import evaluate_ecbplus

    return evaluate_ecbplus(path)


SCORERS: dict[str, dict[str, Callable[[Path], dict[str, Any]]]] = {
    "sample": {"extraction": _sample_extraction, **{t: _sample_task(t) for t in TASKS[1:]}},
    "fundus-eval": {"extraction": _fundus_extraction},
    "ecbplus": {"clustering": _ecbplus_clustering},
}


def resolve_dataset(dataset: str | None) -> tuple[str, Path]:
    """The kind of dataset at ``dataset`` (the bundled sample when None) and the path to read."""
    from storylens.eval.corpus import is_gold_corpus
    from storylens.eval.fundus import is_fundus_dataset

    path = Path(dataset).expanduser().resolve() if dataset else sample_dir()
    if path.is_dir() and is_gold_corpus(path):
        return "sample", path
    if path.is_dir() and is_fundus_dataset(path):
        return "fundus-eval", path
    if path.is_dir() and (path / ECB_FILE).is_file():
        return "ecbplus", path / ECB_FILE
    if path.is_file() and path.name == ECB_FILE:
        return "ecbplus", path
    raise ValueError(
        f"{path}: not a dataset storylens can score (a corpus with articles/ and gold/, "
        f"a fundus-eval folder, or ECB+ {ECB_FILE})"
    )


def run_eval(task: str, dataset: str | None = None) -> dict[str, Any]:
    """Scores by task: every task the dataset supports for "all", else the one asked for."""
    kind, path = resolve_dataset(dataset)
    scorers = SCORERS[kind]
    if task == "all":
        chosen = list(scorers)
    elif task not in TASKS:
        raise ValueError(f"unknown task {task!r}: choose from {', '.join(TASKS)} or all")
    elif task not in scorers:
        raise ValueError(f"{kind} scores {', '.join(scorers)} only, not {task}")
    else:
        chosen = [task]
    return {name: scorers[name](path) for name in chosen}


# --------------------------------------------------------------------------- table


def _format(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _is_record(value: Any) -> bool:
    return isinstance(value, dict) and not any(isinstance(v, dict) for v in value.values())


def _rows(name: str, value: Any) -> Iterator[tuple[str, str]]:
    """One row per scalar, and one row per flat group (P/R/F1 with its counts) read across."""
    if name and _is_record(value):
        yield name, "  ".join(f"{k} {_format(v)}" for k, v in value.items())
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _rows(f"{name}.{key}" if name else key, inner)
    else:
        yield name, _format(value)


def format_table(results: dict[str, Any]) -> Table:
    """The scores of :func:`run_eval` as one table: task, measure, value."""
    table = Table(title="storylens eval")
    table.add_column("task", style="bold")
    table.add_column("measure")
    table.add_column("value")
    for task, scores in results.items():
        for measure, value in _rows("", scores):
            table.add_row(task, measure, value)
    return table
