"""Readers' marks on flags (``POST /api/flags/{id}/feedback``): one row per verdict, with a copy
of the flag it judged, so the marks outlive a re-analysis that rewrites the flags.

Revision ID: 0012_feedback
Revises: 0012_story_split (stories' splits and merges)
"""

from alembic import op
import sqlalchemy as sa

revision = "0012_feedback"
down_revision = "0012_story_split"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flag_feedback",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("flag_id", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("verdict", sa.String(length=8), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_flag_feedback_flag_id", "flag_feedback", ["flag_id"])
    op.create_index("ix_flag_feedback_article_id", "flag_feedback", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_flag_feedback_article_id", table_name="flag_feedback")
    op.drop_index("ix_flag_feedback_flag_id", table_name="flag_feedback")
    op.drop_table("flag_feedback")
