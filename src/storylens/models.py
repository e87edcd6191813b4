"""The data model every stage reads and enriches.

An :class:`Article` is created by extraction and annotated in place by analysis and
clustering; a :class:`Story` is built by comparison from its articles. The model knows
no database and no presentation: ``to_dict`` gives the story JSON contract
(``storylens/data/schema/story.schema.json``) and ``from_dict`` reads it back.

Every span holds character offsets into one text field of its article, named by
``field`` ("text" unless stated), so that ``getattr(article, field)[start:end]`` is
exactly the span's text.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeVar

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "EVENT", "OTHER"]
QuoteKind = Literal["direct", "indirect", "mixed"]
ClaimStatus = Literal["consensus", "partial", "unique"]
ConflictKind = Literal["number", "date", "entity", "negation", "other"]
SpanField = Literal["text", "title", "subtitle"]

T = TypeVar("T")


def _empty() -> Any:
    """A fresh empty list default (``field`` is taken: spans name their text field)."""
    return dataclasses.field(default_factory=list)


class Model:
    """Mixin: plain-dict round trip for dataclasses, used for JSON and storage."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        return _load(cls, data)


def _dump(value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(cls: type[T], data: dict[str, Any]) -> T:
    hints = _field_types(cls)
    kwargs = {}
    for name, value in data.items():
        if name not in hints:
            continue  # tolerate fields added by newer writers
        kwargs[name] = _load_value(hints[name], value)
    return cls(**kwargs)


def _load_value(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, type) and issubclass(kind, Model):
        return _load(kind, value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    origin = getattr(kind, "__origin__", None)
    if origin is list:
        (item,) = kind.__args__
        return [_load_value(item, v) for v in value]
    return value


_TYPE_CACHE: dict[type, dict[str, Any]] = {}


def _field_types(cls: type) -> dict[str, Any]:
    """Resolved field types, with ``X | None`` reduced to ``X``."""
    if cls not in _TYPE_CACHE:
        import typing

        hints = typing.get_type_hints(cls)
        resolved = {}
        for f in dataclasses.fields(cls):
            kind = hints[f.name]
            args = [a for a in getattr(kind, "__args__", ()) if a is not type(None)]
            if type(None) in getattr(kind, "__args__", ()) and len(args) == 1:
                kind = args[0]
            resolved[f.name] = kind
        _TYPE_CACHE[cls] = resolved
    return _TYPE_CACHE[cls]


# --------------------------------------------------------------------------- article parts


@dataclass
class Sentence(Model):
    """A sentence of the clean body; ``heading`` marks a section subhead."""

    start: int
    end: int
    heading: bool = False


@dataclass
class Mention(Model):
    """One occurrence of a named entity in an article."""

    text: str
    start: int
    end: int
    type: EntityType
    entity_key: str  # the article-local entity this mention belongs to (see Article.entities)
    field: SpanField = "text"


@dataclass
class Entity(Model):
    """A person, organisation or place; article-local after analysis, story-wide after compare."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = _empty()
    description: str | None = None
    article_ids: list[str] = _empty()


@dataclass
class Quote(Model):
    """Something a speaker said, directly or in paraphrase."""

    article_id: str
    speaker: str | None
    speaker_entity_id: str | None
    speaker_text: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    field: SpanField = "text"
    speaker_form: str | None = None  # name | surname | pronoun | title | according_to | none


@dataclass
class TemporalExpression(Model):
    """A date expression as written, normalised against the article's publication date."""

    expression: str
    start: int
    end: int
    value: str | None  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"; None when it cannot be resolved
    field: SpanField = "text"


@dataclass
class Article(Model):
    """One outlet's article: extracted metadata and clean text, then analysis annotations."""

    id: str
    source: str
    text: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    # the page's date and time when no zone is written anywhere: wall-clock, offset unknown, so
    # naive; ``published`` (an instant) stays None rather than take an invented offset
    published_local: datetime | None = None
    authors: list[str] = _empty()
    language: str = "en"
    summary_only: bool = False  # a feed item whose full text could not be had
    analysis_supported: bool = True  # False where the language is not supported by analysis
    # --- filled by analyze
    sentences: list[Sentence] = _empty()
    mentions: list[Mention] = _empty()
    entities: list[Entity] = _empty()
    quotes: list[Quote] = _empty()
    dates: list[TemporalExpression] = _empty()
    embedding: list[float] | None = None  # article vector for clustering
    # --- filled by cluster
    duplicate_of: str | None = None  # id of the article this is a syndicated copy of
    story_id: str | None = None

    def span_text(self, start: int, end: int, field_name: SpanField = "text") -> str:
        return (getattr(self, field_name) or "")[start:end]

    @property
    def outlet_label(self) -> str:
        """The outlet's name, or for an article of unknown outlet "unknown outlet, id …" (the id
        the reports list it by), never a bare id a reader cannot place."""
        return self.outlet or f"unknown outlet, id {self.id}"

    def contract_dict(self) -> dict[str, Any]:
        """The article's shape in the story JSON contract (plus a few added fields)."""
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "subtitle": self.subtitle,
            "published": self.published.isoformat() if self.published else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "published_local": self.published_local.isoformat() if self.published_local else None,
            "authors": list(self.authors),
            "language": self.language,
            "summary_only": self.summary_only,
            "duplicate_of": self.duplicate_of,
            "text": self.text,
        }


# --------------------------------------------------------------------------- story parts


@dataclass
class Support(Model):
    """A span of one article that states a claim."""

    article_id: str
    text: str
    start: int
    end: int
    field: SpanField = "text"
    copy_of: str | None = None  # set when the article is a syndicated copy: not independent


@dataclass
class Claim(Model):
    """One fact of a story, grouped across the articles that state it."""

    id: str
    text: str
    status: ClaimStatus
    support: list[Support] = _empty()
    speaker: str | None = None  # set when the claim is a quote
    importance: float = 0.0


@dataclass
class Omission(Model):
    """The claims other articles of the story report and this article does not, most important first."""

    article_id: str
    claim_ids: list[str] = _empty()


@dataclass
class ConflictValue(Model):
    article_id: str
    value: str
    published: str | None = None


@dataclass
class Conflict(Model):
    """Aligned claims that disagree; ``update`` marks a later figure superseding an earlier one."""

    claim_ids: list[str]
    kind: ConflictKind
    description: str
    values: list[ConflictValue] = _empty()
    update: bool = False

    @property
    def between_parties(self) -> bool:
        """An article gives two of the values: the parties to the story dispute the figure ("the
        union put it at 19 hours, the port authority at 11"), not the outlets."""
        return len({v.article_id for v in self.values}) < len(self.values)


@dataclass
class FramingVariant(Model):
    article_id: str
    phrase: str
    start: int | None = None
    end: int | None = None
    field: SpanField = "text"
    connotation: str | None = None  # neutral | loaded | negative | positive | ...


@dataclass
class Framing(Model):
    """How different outlets word the same claim."""

    claim_id: str
    variants: list[FramingVariant] = _empty()
    note: str = ""


@dataclass
class Citation(Model):
    article_id: str
    start: int
    end: int
    field: SpanField = "text"


@dataclass
class SummarySentence(Model):
    text: str
    citations: list[Citation] = _empty()
    claim_id: str | None = None


@dataclass
class TimelineEntry(Model):
    date: str  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"
    text: str
    article_id: str
    start: int
    end: int
    expression: str
    field: SpanField = "text"
    also_cited: list[Citation] = _empty()  # the same dated event in other articles


@dataclass
class Story(Model):
    """All coverage of one real-world event and how the outlets compare."""

    id: str
    title: str
    article_ids: list[str] = _empty()
    outlets: list[str] = _empty()
    first_published: datetime | None = None
    last_published: datetime | None = None
    entities: list[Entity] = _empty()
    quotes: list[Quote] = _empty()
    claims: list[Claim] = _empty()
    omissions: list[Omission] = _empty()
    conflicts: list[Conflict] = _empty()
    framing: list[Framing] = _empty()
    summary: list[SummarySentence] = _empty()
    timeline: list[TimelineEntry] = _empty()
    loaded_terms: list[dict[str, Any]] = _empty()  # per outlet and entity


def contract(stories: list[Story], articles: list[Article]) -> dict[str, Any]:
    """The story JSON contract document for these stories and their articles."""
    return {
        "articles": [a.contract_dict() for a in articles],
        "stories": [s.to_dict() for s in stories],
    }
