"""Story state for online assignment: each story's centroid (sum of its articles'
embeddings, float32 bytes), its size, and the entity and keyword counts its label is built
from. Processes rebuild their vector index from the centroids (see ``link/stories.py``).

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("centroid", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("size", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("entity_counts", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("keyword_counts", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_column("keyword_counts")
        batch_op.drop_column("entity_counts")
        batch_op.drop_column("size")
        batch_op.drop_column("centroid")
