"""Story change numbers: a ``seq`` on every story, raised on each insert and update, so a
process's story index pulls only the stories changed since it last looked (instead of
rebuilding from every centroid), and a ``version`` for optimistic concurrency, so two
writers adding to one story cannot lose an update (see ``Store.save_story``). Also a small
``store_info`` table with a random ``instance`` id, which a story index snapshot records so
that a snapshot of another database is never taken for this one.

Existing stories are numbered in row order (SQLite ``rowid``; PostgreSQL: by id) — any
order will do as long as the numbers are distinct — and get version 1 (0 means "not stored
yet" to the linker).

Revision ID: 0005
Revises: 0004
"""

import uuid

from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable at the database level: making it NOT NULL would make SQLite copy the table,
    # and dropping the old ``stories`` under ``PRAGMA foreign_keys=ON`` cascades to
    # ``story_articles``. The store always sets it.
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE stories SET seq = numbered.n FROM "
                   "(SELECT id, row_number() OVER (ORDER BY id) AS n FROM stories) AS numbered "
                   "WHERE stories.id = numbered.id")
    else:
        op.execute("UPDATE stories SET seq = rowid")
    op.execute("UPDATE stories SET version = 1")
    op.create_index("ix_stories_seq", "stories", ["seq"], unique=True)
    info = op.create_table(
        "store_info",
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.bulk_insert(info, [{"key": "instance", "value": uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table("store_info")
    op.drop_index("ix_stories_seq", table_name="stories")
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_column("version")
        batch_op.drop_column("seq")
