"""A table of each stored article's vote for its site's home (``link.site_home``): the
(country, first-level division) pairs its sure places lie in, filed under its site (the host
of its address, without "www."), so that a site's latest votes are read by an index on
``(site, id)`` instead of a scan of ``articles.url``. Articles stored before this revision have
no votes: a site's home then comes from the articles stored after it, and its batches.

Revision ID: 0015_places_site_votes
Revises: 0014_ui_entity_page
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_places_site_votes"
down_revision = "0014_ui_entity_page"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site_votes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=32), nullable=False),
        sa.Column("site", sa.String(length=255), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=False),
        sa.Column("division", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("article_id", "country", "division", name="uq_site_votes_article_division"),
    )
    op.create_index("ix_site_votes_article_id", "site_votes", ["article_id"], unique=False)
    op.create_index("ix_site_votes_site_id", "site_votes", ["site", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_site_votes_site_id", table_name="site_votes")
    op.drop_index("ix_site_votes_article_id", table_name="site_votes")
    op.drop_table("site_votes")
