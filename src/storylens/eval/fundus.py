"""The fundus-eval main-text benchmark: 80 English news pages (gzipped HTML) with their gold body.

Layout: ``html/<Publisher>_<n>.html.gz`` and ``ground_truth.json`` mapping each page's file
name to ``{"body": [paragraph, ...], "url", "crawl_date"}``. The dataset is not ours and is
never copied into the repository; it is read where it lies (``../shared/data/fundus-eval``).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

# ../shared/data beside the repository (src/storylens/eval/fundus.py -> repository root -> ..)
DEFAULT_PATH = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "fundus-eval"


@dataclass(frozen=True)
class FundusPage:
    key: str  # the file name, e.g. "APNews_0.html.gz"
    publisher: str
    url: str
    html: bytes
    paragraphs: list[str]

    @property
    def markup(self) -> str:
        """The page as text (every fundus-eval page is UTF-8)."""
        return self.html.decode("utf-8", errors="replace")

    @property
    def body(self) -> str:
        """The gold body in our clean-body convention: paragraphs split by one blank line."""
        return "\n\n".join(self.paragraphs)


def is_fundus_dataset(path: Path) -> bool:
    return (path / "ground_truth.json").is_file() and (path / "html").is_dir()


def load_fundus(path: Path = DEFAULT_PATH) -> list[FundusPage]:
    """Every page with a gold body, in file-name order."""
    truth = json.loads((path / "ground_truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        entry = truth[key]
        html = gzip.decompress((path / "html" / key).read_bytes())
        pages.append(FundusPage(key, key.rsplit("_", 1)[0], entry.get("url", ""), html, list(entry["body"])))
    return pages
