"""The fundus-eval loader, on a tiny dataset of our own and on the shared copy when present."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storylens.eval.fundus import DEFAULT_PATH, is_fundus_dataset, load_fundus


def test_loads_pages_and_joins_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "Gazette_0.html.gz").write_bytes(
        gzip.compress(b"<html><p>One.</p><p>Two.</p></html>")
    )
    truth = {"Gazette_0.html.gz": {"body": ["One.", "Two."], "url": "https://g.example/1", "crawl_date": "x"}}
    (tmp_path / "ground_truth.json").write_text(json.dumps(truth), encoding="utf-8")
    assert is_fundus_dataset(tmp_path)
    (page,) = load_fundus(tmp_path)
    assert (page.publisher, page.url, page.body) == ("Gazette", "https://g.example/1", "One.\n\nTwo.")
    assert page.html.startswith(b"<html>")


def test_a_folder_without_ground_truth_is_no_fundus_dataset(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    assert not is_fundus_dataset(tmp_path)


@pytest.mark.shared_data
@pytest.mark.skipif(not DEFAULT_PATH.is_dir(), reason="../shared/data/fundus-eval is absent")
def test_shared_fundus_eval_loads_whole() -> None:
    pages = load_fundus()
    assert len(pages) == 80
    assert len({p.publisher for p in pages}) == 16
    assert all(p.paragraphs and p.html.lstrip().startswith(b"<") for p in pages)
