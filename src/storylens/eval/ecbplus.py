"""ECB+ documents (Cybulska & Vossen, 2014) as storylens articles, for fitting and scoring clustering.

The shared copy, beside the repository in ``../shared/data/ecbplus/ecbplus_train_dev.jsonl``,
is one JSON line per document with PTB-tokenised text; the gold event of a document is its
``subtopic`` (a topic holds two different events of one kind, e.g. two celebrities entering
rehab, which is exactly the distinction stories must make). ECB+ has no publication dates.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from storylens.models import Article

# ../shared/data beside the repository (src/storylens/eval/ecbplus.py -> repository root -> ..)
SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
DEFAULT_PATH = SHARED_DATA / "ecbplus" / "ecbplus_train_dev.jsonl"

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_DETOKENISE = [
    (re.compile(r"(``|\u201c)\s*"), "\u201c"),
    (re.compile(r"\s*(''|\u201d)"), "\u201d"),
    (re.compile(r"(\w)\s+\u2019\s*(s|t|re|ve|ll|d|m)\b"), "\\1\u2019\\2"),
    (re.compile(r"(\w)\s+\u2019(?=\s|$)"), "\\1\u2019"),
    (re.compile(r"(\d)\s*:\s+(\d)"), r"\1:\2"),
    (re.compile(r"(\S)\s+(n't|'s|'re|'ve|'m|'ll|'d|')(?=\s|$)", re.IGNORECASE), r"\1\2"),
    (re.compile(r"\s+([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$])\s+"), r"\1"),
    (re.compile(r"(\w)\s+-\s+(\w)"), r"\1-\2"),
    (re.compile(r"[ \t]{2,}"), " "),
]


@dataclass(frozen=True)
class EcbDocument:
    doc_id: str
    topic: int
    event: str  # the gold event: ECB+ subtopic, e.g. "1_ecb" or "1_ecbplus"
    split: str
    text: str  # detokenised


def detokenise(text: str) -> str:
    """Undo Penn Treebank tokenisation line by line (quotes become curly, clitics rejoin)."""
    return "\n".join(_detokenise_line(line) for line in text.split("\n"))


def _detokenise_line(line: str) -> str:
    line = " ".join(_BRACKETS.get(token, token) for token in line.split(" "))
    for pattern, replacement in _DETOKENISE:
        line = pattern.sub(replacement, line)
    return line.strip()


def load_ecbplus(split: str | None = None, path: Path = DEFAULT_PATH) -> list[EcbDocument]:
    """The documents of one split ("train" or "dev"), or all, in file order."""
    documents = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if split is None or row["split"] == split:
                documents.append(
                    EcbDocument(
                        row["doc_id"], row["topic"], row["subtopic"], row["split"], detokenise(row["text"])
                    )
                )
    return documents


def to_article(document: EcbDocument) -> Article:
    """An unanalysed article; ECB+ gives neither title nor date, so the whole text is the body."""
    return Article(id=document.doc_id, source=f"ecbplus:{document.doc_id}", text=document.text)
