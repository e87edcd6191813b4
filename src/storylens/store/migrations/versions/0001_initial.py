"""The first schema: articles, stories, their derived rows, clustering state, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(64)
STAMP = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=True, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False, index=True),
        sa.Column("outlet", sa.Text, nullable=True, index=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("published", sa.String(40), nullable=True),
        sa.Column("published_utc", STAMP, nullable=True, index=True),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("story_id", ID, nullable=True, index=True),
        sa.Column("duplicate_of", ID, nullable=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("ingested_at", STAMP, nullable=False),
    )
    op.create_table(
        "stories",
        sa.Column("id", ID, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("first_published_utc", STAMP, nullable=True, index=True),
        sa.Column("last_published_utc", STAMP, nullable=True, index=True),
        sa.Column("article_count", sa.Integer, nullable=False, index=True),
        sa.Column("outlet_count", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
    )
    op.create_table(
        "story_merges",
        sa.Column("absorbed_id", ID, primary_key=True),
        sa.Column("into_id", ID, nullable=False, index=True),
        sa.Column("merged_at", STAMP, nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, index=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("aliases", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=True),
    )
    op.create_table(
        "story_entities",
        sa.Column("story_id", ID, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("entity_id", ID, sa.ForeignKey("entities.id"), primary_key=True),
        sa.Column("mentions", sa.Integer, nullable=False),
    )
    op.create_index("ix_story_entities_entity", "story_entities", ["entity_id"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "story_id", ID, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("article_id", ID, nullable=False),
        sa.Column("speaker_entity_id", ID, nullable=True, index=True),
        sa.Column("speaker", sa.Text, nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("published_utc", STAMP, nullable=True),
    )
    op.create_table(
        "claims",
        sa.Column("story_id", ID, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("claim_id", ID, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("outlets", sa.Text, nullable=False),
        sa.Column("importance", sa.Float, nullable=False),
    )
    op.create_table(
        "cluster_items",
        sa.Column("article_id", ID, primary_key=True),
        sa.Column("story_id", ID, nullable=False, index=True),
        sa.Column("published_utc", STAMP, nullable=True),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
        sa.Column("features", sa.Text, nullable=False),
    )
    op.create_table(
        "story_profiles",
        sa.Column("story_id", ID, primary_key=True),
        sa.Column("features", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "kind UNINDEXED, ref_id UNINDEXED, story_id UNINDEXED, title, body, tokenize='porter unicode61')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_index")
    for table in (
        "story_profiles",
        "cluster_items",
        "claims",
        "quotes",
        "story_entities",
        "entities",
        "story_merges",
        "stories",
        "articles",
    ):
        op.drop_table(table)
