"""Full-text search over articles' titles and cleaned text.

SQLite: a standalone FTS5 table ``articles_fts`` (article_id unindexed, title, text) with the
``unicode61`` tokenizer folding diacritics, so "Genève" matches "geneve" in every language.
It is standalone rather than an external-content table keyed on ``rowid`` because Alembic's
batch mode on SQLite rebuilds tables (new rowids, triggers dropped); ``Store.save_article``
writes the row in the article's own transaction instead. Existing articles are copied in.

PostgreSQL: a GIN index on ``to_tsvector('simple', title || text)``: the 'simple'
configuration does no stemming, which suits a multilingual corpus; nothing to write.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Kept identical to the expression the API searches with, or PostgreSQL ignores the index.
PG_DOCUMENT = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')"
        )
        op.execute("INSERT INTO articles_fts (article_id, title, text) SELECT id, coalesce(title, ''), text FROM articles")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_articles_fulltext ON articles USING GIN ({PG_DOCUMENT})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_fulltext")
