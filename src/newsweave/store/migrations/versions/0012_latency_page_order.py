"""PostgreSQL: an index in the order of search and article pages (newest first, undated last,
then id), so a page of a broad search is read from the index instead of sorting every match.

``ORDER BY published DESC NULLS LAST, id`` (``store.search.page_order``) could not use the
plain ``published`` index of revision 0001 (its descending order puts NULLs first): the first
page of ``GET /api/search`` with no filter, or only a language, sorted all 20,000 articles
(36 ms, ``bench/api_latency.py``'s store) to return 20. SQLite needs no new index: its
``DESC`` order already puts NULLs last and its planner walks ``ix_articles_published``.

Revision ID: 0012_latency
Revises: 0012_feedback
"""

from alembic import op

revision = "0012_latency"
down_revision = "0012_feedback"
branch_labels = None
depends_on = None

INDEX = "ix_articles_page_order"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {INDEX} ON articles (published DESC NULLS LAST, id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX {INDEX}")
