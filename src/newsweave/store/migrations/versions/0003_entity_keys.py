"""Entity keys: the lookup keys each canonical entity is filed under (a person's surname
key, a title such as ``title:president:UA``), so cross-article linking finds candidates
with one indexed query.

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_keys",
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("key", "entity_id"),
    )


def downgrade() -> None:
    op.drop_table("entity_keys")
