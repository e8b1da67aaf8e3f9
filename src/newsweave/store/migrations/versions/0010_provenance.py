"""Provenance of each article's annotations: the key of the code, models and settings that
made them (``newsweave.provenance``), indexed so that the stale ones are found at once.
Articles stored before this revision have none and count as stale.

Revision ID: 0010
Revises: 0008
"""

from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE (no batch copy): SQLite adds a nullable column in place.
    op.add_column("articles", sa.Column("provenance_key", sa.String(length=16), nullable=True))
    op.create_index("ix_articles_provenance_key", "articles", ["provenance_key"])


def downgrade() -> None:
    op.drop_index("ix_articles_provenance_key", table_name="articles")
    op.drop_column("articles", "provenance_key")
