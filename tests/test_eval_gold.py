"""The gold loader reads the documented format and names the file when it cannot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storylens.eval.gold import GoldFormatError, GoldRef, load_event, load_gold

BODY = "A fire broke out at the mill on Monday.\n\n“We ran,” said Lena Hardwick."


def _event() -> dict[str, Any]:
    quote_start = BODY.index("We ran,")
    return {
        "event": "E01",
        "title": "Mill fire",
        "articles": [
            {
                "source": "articles/a.txt",
                "item": None,
                "outlet": "Meridian Wire",
                "title": "Mill fire",
                "subtitle": None,
                "published": "2025-03-03T11:48:00+05:30",
                "authors": ["Irena Sokol"],
                "body": BODY,
                "copy_of": None,
                "quotes": [
                    {
                        "text": "We ran,",
                        "start": quote_start,
                        "end": quote_start + 7,
                        "speaker": "Lena Hardwick",
                        "speaker_text": "Lena Hardwick",
                        "kind": "direct",
                        "speaker_form": "name",
                    }
                ],
                "dates": [{"expression": "on Monday", "start": 29, "end": 38, "value": "2025-03-03"}],
            },
            {
                "source": "articles/wire.jsonl",
                "item": "w2",
                "outlet": "Progress Daily",
                "title": "Fire",
                "subtitle": None,
                "published": None,
                "authors": [],
                "body": BODY,
                "copy_of": {"source": "articles/a.txt", "item": None},
            },
        ],
        "entities": [{"name": "Lena Hardwick", "type": "PERSON", "aliases": ["Lena"]}],
        "facts": [
            {
                "id": "E01-F1",
                "statement": "A fire broke out.",
                "status": "unique",
                "support": [
                    {
                        "source": "articles/a.txt",
                        "item": None,
                        "text": "A fire broke out",
                        "start": 0,
                        "end": 16,
                    }
                ],
            }
        ],
        "conflicts": [
            {
                "facts": ["E01-F1"],
                "kind": "date",
                "update": True,
                "description": "when",
                "values": [{"source": "articles/a.txt", "item": None, "value": 3}],
            }
        ],
        "timeline": [
            {
                "date": "2025-03-03",
                "statement": "Fire.",
                "support": [{"source": "articles/a.txt", "item": None, "expression": "on Monday"}],
            }
        ],
    }


def _write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    (folder / "gold").mkdir(exist_ok=True)
    path = folder / "gold" / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_load_event_reads_every_part(tmp_path: Path) -> None:
    event = load_event(_write(tmp_path, "E01.json", _event()))
    first, copy = event.articles
    assert first.key == ("articles/a.txt", None)
    assert first.published_at is not None and first.published_at.utcoffset().total_seconds() == 19800
    assert first.field_text("text")[first.quotes[0].start : first.quotes[0].end] == "We ran,"
    assert first.dates[0].value == "2025-03-03"
    assert copy.copy_of == GoldRef("articles/a.txt") and copy.event == "E01"
    assert event.facts[0].support[0].ref.key == ("articles/a.txt", None)
    assert event.conflicts[0].values[0].value == "3" and event.conflicts[0].update
    assert event.timeline[0].support[0].start is None
    assert event.entities[0].aliases == ["Lena"]


def test_copy_of_may_name_just_the_source(tmp_path: Path) -> None:
    data = _event()
    data["articles"][1]["copy_of"] = "articles/a.txt"
    assert load_event(_write(tmp_path, "E01.json", data)).articles[1].copy_of == GoldRef("articles/a.txt")


def test_load_gold_reads_files_in_name_order(tmp_path: Path) -> None:
    _write(tmp_path, "E02.json", {**_event(), "event": "E02"})
    _write(tmp_path, "E01.json", _event())
    assert [e.event for e in load_gold(tmp_path)] == ["E01", "E02"]


def test_a_missing_key_names_the_file(tmp_path: Path) -> None:
    data = _event()
    del data["articles"][0]["body"]
    with pytest.raises(GoldFormatError, match=r"E01\.json.*body"):
        load_event(_write(tmp_path, "E01.json", data))


def test_broken_json_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "E09.json").write_text("{", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"E09\.json"):
        load_event(tmp_path / "E09.json")
