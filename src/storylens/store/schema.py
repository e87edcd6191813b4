"""Table definitions (SQLAlchemy Core), shared by the repository and the read queries.

The schema itself is created and changed by the Alembic migrations in ``migrations/``;
these definitions must match the head revision.

Datetimes are stored twice: ``published`` as written (ISO 8601 with its UTC offset) and
``published_utc`` (ISO 8601 in UTC, no offset) so that ordering and range filters compare
strings correctly on every backend.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text, nullable=True, unique=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("outlet", Text, nullable=True, index=True),
    Column("title", Text, nullable=True),
    Column("published", String(40), nullable=True),
    Column("published_utc", String(32), nullable=True, index=True),
    Column("language", String(16), nullable=False),
    Column("story_id", String(64), nullable=True, index=True),
    Column("duplicate_of", String(64), nullable=True),
    Column("data", Text, nullable=False),  # Article.to_dict() as JSON, embedding left out
    Column("ingested_at", String(32), nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_published_utc", String(32), nullable=True, index=True),
    Column("last_published_utc", String(32), nullable=True, index=True),
    Column("article_count", Integer, nullable=False, index=True),
    Column("outlet_count", Integer, nullable=False),
    Column("data", Text, nullable=False),  # Story.to_dict() as JSON
    Column("updated_at", String(32), nullable=False),
)

story_merges = Table(
    "story_merges",
    metadata,
    Column("absorbed_id", String(64), primary_key=True),
    Column("into_id", String(64), nullable=False, index=True),
    Column("merged_at", String(32), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list
    Column("description", Text, nullable=True),
)

story_entities = Table(
    "story_entities",
    metadata,
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", String(64), ForeignKey("entities.id"), primary_key=True),
    Column("mentions", Integer, nullable=False),  # articles of the story naming it
    Index("ix_story_entities_entity", "entity_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("article_id", String(64), nullable=False),
    Column("speaker_entity_id", String(64), nullable=True, index=True),
    Column("speaker", Text, nullable=True),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("published_utc", String(32), nullable=True),
)

claims = Table(
    "claims",
    metadata,
    Column("story_id", String(64), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", String(64), primary_key=True),
    Column("text", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("outlets", Text, nullable=False),  # JSON list of the outlets carrying it
    Column("importance", Float, nullable=False),
)

cluster_items = Table(
    "cluster_items",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("story_id", String(64), nullable=False, index=True),
    Column("published_utc", String(32), nullable=True),
    Column("vector", LargeBinary, nullable=False),
    Column("minhash", LargeBinary, nullable=False),
    Column("features", Text, nullable=False),  # JSON
)

story_profiles = Table(
    "story_profiles",
    metadata,
    Column("story_id", String(64), primary_key=True),
    Column("features", Text, nullable=False),  # JSON
)
