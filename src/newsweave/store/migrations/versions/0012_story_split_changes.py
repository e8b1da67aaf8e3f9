"""Stories that change online (``link/story_changes.py``): splits, merges and topics.

* ``story_members``: each filed article's story signals (embedding as float32 bytes; entities,
  days, events, participants, headline as JSON), in filing order, so that a story can be
  regrouped when it turns out to hold two events. Articles filed before this revision have
  none: their stories are not split until ``newsweave restory`` files them again.
* ``story_changes``: every split and merge — which story changed, its successor (the new part
  of a split; the survivor of a merge), the articles that moved, the score that decided — so an
  old story id resolves to the story that holds its articles now.
* ``topics`` and ``stories.topic_id``: the looser grouping of event stories into topics.

Revision ID: 0012_story_split
Revises: 0011
"""

from alembic import op
import sqlalchemy as sa

revision = "0012_story_split"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_members",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(length=32), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("embedding", sa.LargeBinary(), nullable=False),
        sa.Column("signals", sa.JSON(), nullable=False),
    )
    op.create_table(
        "story_changes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("story_id", sa.String(length=32), nullable=False),
        sa.Column("successor", sa.String(length=32), nullable=False),
        sa.Column("articles", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_story_changes_story_id", "story_changes", ["story_id"])
    op.create_index("ix_story_changes_successor", "story_changes", ["successor"])
    op.create_table(
        "topics",
        sa.Column("id", sa.String(length=32), primary_key=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("first", sa.String(length=40)),
        sa.Column("last", sa.String(length=40)),
        sa.Column("centroid", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("entity_counts", sa.JSON(), nullable=False),
        sa.Column("keyword_counts", sa.JSON(), nullable=False),
    )
    # A plain column and index (no foreign key): SQLite adds it without copying ``stories``.
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("topic_id", sa.String(length=32), nullable=True))
    op.create_index("ix_stories_topic_id", "stories", ["topic_id"])


def downgrade() -> None:
    op.drop_index("ix_stories_topic_id", table_name="stories")
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_column("topic_id")
    op.drop_table("topics")
    op.drop_table("story_changes")
    op.drop_table("story_members")
