"""The sample corpus's gold annotations (``docs/gold-format.md``) as typed objects.

One gold file per event. An article is named by ``source`` (its path relative to the
sample folder) and ``item`` (the record id in a JSONL file, the item link in a feed,
``None`` for a one-article file); :data:`ArticleKey` is that pair. Offsets count
characters of the gold ``body`` (or of ``title``/``subtitle`` when a span names that field).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

ArticleKey = tuple[str, str | None]


class GoldFormatError(ValueError):
    """A gold file that does not follow ``docs/gold-format.md``."""


def sample_dir() -> Path:
    """The bundled sample corpus folder (articles, gold, outlets.json)."""
    return Path(str(resources.files("storylens").joinpath("data/sample")))


@dataclass(frozen=True)
class GoldRef:
    """A reference to one article of the corpus."""

    source: str
    item: str | None = None

    @property
    def key(self) -> ArticleKey:
        return (self.source, self.item)


@dataclass
class GoldSpan:
    """A quoted stretch of an article's gold text, with the field its offsets count into."""

    text: str
    start: int
    end: int
    field: str = "text"


@dataclass
class GoldQuote(GoldSpan):
    speaker: str | None = None
    speaker_text: str = ""
    kind: str = "direct"
    speaker_form: str | None = None


@dataclass
class GoldDate:
    expression: str
    start: int
    end: int
    value: str | None  # None: the article gives nothing to resolve it against
    field: str = "text"


@dataclass
class GoldArticle:
    event: str
    ref: GoldRef
    outlet: str
    title: str | None
    subtitle: str | None
    published: str | None
    authors: list[str]
    body: str
    copy_of: GoldRef | None = None
    quotes: list[GoldQuote] = field(default_factory=list)
    dates: list[GoldDate] = field(default_factory=list)

    @property
    def key(self) -> ArticleKey:
        return self.ref.key

    @property
    def published_at(self) -> datetime | None:
        return datetime.fromisoformat(self.published) if self.published else None

    def field_text(self, name: str) -> str:
        """The gold text a span's offsets count into: ``body`` for "text", else the named field."""
        return self.body if name == "text" else (getattr(self, name) or "")


@dataclass
class GoldEntity:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class GoldSupport:
    """A span of one article that states a fact."""

    ref: GoldRef
    text: str
    start: int
    end: int
    field: str = "text"


@dataclass
class GoldFact:
    id: str
    statement: str
    status: str
    support: list[GoldSupport]


@dataclass
class GoldConflictValue:
    ref: GoldRef
    value: str


@dataclass
class GoldConflict:
    facts: list[str]
    kind: str
    update: bool
    values: list[GoldConflictValue]
    description: str = ""


@dataclass
class GoldTimelineSupport:
    ref: GoldRef
    expression: str
    start: int | None = None
    end: int | None = None


@dataclass
class GoldTimelineEntry:
    date: str
    statement: str
    support: list[GoldTimelineSupport]


@dataclass
class GoldEvent:
    event: str
    title: str
    path: Path
    articles: list[GoldArticle]
    entities: list[GoldEntity]
    facts: list[GoldFact]
    conflicts: list[GoldConflict]
    timeline: list[GoldTimelineEntry]


# --------------------------------------------------------------------------- parsing


def _ref(data: dict[str, Any]) -> GoldRef:
    return GoldRef(data["source"], data.get("item"))


def _copy_of(value: str | dict[str, Any] | None) -> GoldRef | None:
    """``copy_of`` names the original by its source, or by a ``{"source", "item"}`` object."""
    if value is None:
        return None
    return GoldRef(value) if isinstance(value, str) else _ref(value)


def _span_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": data["text"],
        "start": data["start"],
        "end": data["end"],
        "field": data.get("field", "text"),
    }


def _quote(data: dict[str, Any]) -> GoldQuote:
    return GoldQuote(
        **_span_fields(data),
        speaker=data.get("speaker"),
        speaker_text=data.get("speaker_text", ""),
        kind=data["kind"],
        speaker_form=data.get("speaker_form"),
    )


def _date(data: dict[str, Any]) -> GoldDate:
    return GoldDate(data["expression"], data["start"], data["end"], data["value"], data.get("field", "text"))


def _article(event: str, data: dict[str, Any]) -> GoldArticle:
    return GoldArticle(
        event=event,
        ref=_ref(data),
        outlet=data["outlet"],
        title=data.get("title"),
        subtitle=data.get("subtitle"),
        published=data.get("published"),
        authors=list(data.get("authors") or []),
        body=data["body"],
        copy_of=_copy_of(data.get("copy_of")),
        quotes=[_quote(q) for q in data.get("quotes", [])],
        dates=[_date(d) for d in data.get("dates", [])],
    )


def _fact(data: dict[str, Any]) -> GoldFact:
    support = [GoldSupport(_ref(s), **_span_fields(s)) for s in data["support"]]
    return GoldFact(data["id"], data["statement"], data["status"], support)


def _conflict(data: dict[str, Any]) -> GoldConflict:
    values = [GoldConflictValue(_ref(v), str(v["value"])) for v in data.get("values", [])]
    update = bool(data.get("update", False))
    return GoldConflict(list(data["facts"]), data["kind"], update, values, data.get("description", ""))


def _timeline(data: dict[str, Any]) -> GoldTimelineEntry:
    support = [
        GoldTimelineSupport(_ref(s), s["expression"], s.get("start"), s.get("end"))
        for s in data.get("support", [])
    ]
    return GoldTimelineEntry(data["date"], data["statement"], support)


def parse_event(data: dict[str, Any], path: Path) -> GoldEvent:
    """A gold event from its decoded JSON; :class:`GoldFormatError` names the file and the missing key."""
    try:
        event = data["event"]
        return GoldEvent(
            event=event,
            title=data.get("title", ""),
            path=path,
            articles=[_article(event, a) for a in data["articles"]],
            entities=[
                GoldEntity(e["name"], e["type"], list(e.get("aliases", []))) for e in data.get("entities", [])
            ],
            facts=[_fact(f) for f in data.get("facts", [])],
            conflicts=[_conflict(c) for c in data.get("conflicts", [])],
            timeline=[_timeline(t) for t in data.get("timeline", [])],
        )
    except (KeyError, TypeError) as exc:
        raise GoldFormatError(f"{path}: malformed gold ({type(exc).__name__}: {exc})") from exc


def load_event(path: Path) -> GoldEvent:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: {exc}") from exc
    return parse_event(data, path)


def gold_files(folder: Path | None = None) -> list[Path]:
    return sorted(((folder or sample_dir()) / "gold").glob("*.json"))


def load_gold(folder: Path | None = None) -> list[GoldEvent]:
    """Every gold event of a corpus folder (the bundled sample by default), in file-name order."""
    return [load_event(p) for p in gold_files(folder)]


def gold_articles(events: list[GoldEvent]) -> list[GoldArticle]:
    return [a for e in events for a in e.articles]
