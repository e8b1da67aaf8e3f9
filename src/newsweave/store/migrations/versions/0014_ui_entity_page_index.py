"""PostgreSQL: an index of ``articles (id, language)``, so an entity page's spellings (mentions
grouped by spelling and their article's language, ``store.entity_pages._spellings``) read the
language from the index instead of hashing every article row.

Without it PostgreSQL's planner joined a much-named entity's mentions to a sequential scan of
``articles`` (wide rows: title and text), 38 ms on ``bench/api_latency.py``'s 20,000-article
store for an entity in 1,700 mentions; with it, a merge join over an index-only scan, 9 ms.
SQLite looks the articles up by id per mention already (its gain was small): not added there.

Revision ID: 0014_ui_entity_page
Revises: 0013_search
"""

from alembic import op

revision = "0014_ui_entity_page"
down_revision = "0013_search"
branch_labels = None
depends_on = None

INDEX = "ix_articles_id_language"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX {INDEX} ON articles (id, language)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX {INDEX}")
