"""Expand path arguments (files, directories, globs) into the files to read, in a stable order."""

from __future__ import annotations

import glob
from pathlib import Path

# Suffixes ingest reads; a ".gz" after any of them is decompressed first.
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom", ".warc")


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def readable_suffix(path: Path) -> str | None:
    """The format suffix of ``path`` (".html" for "page.html.gz"); None for files ingest does not read."""
    name = path.name.lower().removesuffix(".gz")
    return next((s for s in SUFFIXES if name.endswith(s)), None)


def expand(spec: str) -> list[Path]:
    """A named file as is; a directory's readable files, recursively; a glob's matches."""
    path = Path(spec)
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and readable_suffix(p)
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    return sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())


def read_url_list(path: str) -> list[str]:
    """The URLs in a ``--urls`` file: one a line; blank lines and ``#`` comments ignored."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
