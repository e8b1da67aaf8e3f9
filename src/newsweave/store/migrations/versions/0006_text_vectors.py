"""Embeddings of short texts, computed once: cross-language quote corroboration embedded
every quote of a story again at each ingest that touched it (``assess.corroboration``).
Keyed by a hash of the model, the e5 prefix and the text.

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "text_vectors",
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("text_vectors")
