"""Story profiles: the days a story's articles report, their event types and the headline
of each language's most central article (``link.story_state``), as one JSON column. Stories
made before it have none until ``newsweave restory`` files their articles again.

Revision ID: 0008
Revises: 0006
"""

from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("profile", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_column("profile")
