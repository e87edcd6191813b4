"""PostgreSQL: full-text search (``search_index``, a stored tsvector, its GIN index) and an index
for the latest-first story list.

SQLite has had its FTS5 ``search_index`` since 0001 (and lists undated stories last by itself),
so this revision does nothing there. On
PostgreSQL the table has the same columns (``kind, ref_id, story_id, title, body``) so the store
writes both alike, plus ``id`` (the order rows were indexed in, as FTS5's rowid) and ``body_tsv``,
the body's English tsvector kept up to date by PostgreSQL itself. A store created before this
revision gets its articles and claims indexed here.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BACKFILL = [
    "INSERT INTO search_index (kind, ref_id, story_id, title, body) "
    "SELECT 'article', id, story_id, coalesce(title, ''), CAST(data AS json) ->> 'text' "
    "FROM articles ORDER BY ingested_at, id",
    "INSERT INTO search_index (kind, ref_id, story_id, title, body) "
    "SELECT 'claim', c.claim_id, c.story_id, s.title, c.text "
    "FROM claims c JOIN stories s ON s.id = c.story_id ORDER BY s.updated_at, c.story_id, c.claim_id",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_table(
        "search_index",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref_id", sa.String(64), nullable=False),
        sa.Column("story_id", sa.String(64), nullable=True, index=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("body_tsv", TSVECTOR, sa.Computed("to_tsvector('english', body)", persisted=True)),
    )
    op.create_index("ix_search_index_body_tsv", "search_index", ["body_tsv"], postgresql_using="gin")
    # undated stories list last, as on SQLite; the plain index serves NULLS FIRST only
    op.create_index("ix_stories_latest", "stories", [sa.text("last_published_utc DESC NULLS LAST"), "id"])
    for statement in BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_stories_latest", "stories")
        op.drop_table("search_index")
