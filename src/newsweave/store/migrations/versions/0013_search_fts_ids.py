"""SQLite: a map from the FTS5 table's rowids to article ids, and the article ids in the
language/date index, so a words search reads neither the FTS5 rows' stored text nor the
articles' rows to learn ids (``store/fulltext.py`` says why and how they are read).

``articles_fts_ids`` holds one row per article: ``fts_rowid`` (INTEGER PRIMARY KEY, kept by
``VACUUM``) is the rowid of the article's row in ``articles_fts``. The upgrade fills it from the
FTS rows a store has: where an article has more than one FTS row (none should), the first is
kept and the others deleted; FTS rows of articles no longer stored are deleted; an article
without an FTS row gets one.

``ix_articles_search`` (language, published, id, url) covers what a search by language and
dates reads of each article: checking a candidate's words needs its id, the facets its
language, month and outlet (the URL's host), the page order its date and id. Without it each
candidate's row is read, text and all (~12 µs a row: a common word within two months of one
language, 963 matches, 14 ms to 2.3 ms for the matches with their facet columns).

PostgreSQL: nothing (its tsvector is a column of ``articles``).

Revision ID: 0013_search
Revises: 0012_latency
"""

from alembic import op

revision = "0013_search"
down_revision = "0012_latency"
branch_labels = None
depends_on = None

INDEX = "ix_articles_search"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE articles_fts_ids ("
               "fts_rowid INTEGER PRIMARY KEY, "
               "article_id VARCHAR(32) NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE)")
    op.execute("DELETE FROM articles_fts WHERE rowid NOT IN "
               "(SELECT min(rowid) FROM articles_fts WHERE article_id IN (SELECT id FROM articles) GROUP BY article_id)")
    op.execute("INSERT INTO articles_fts_ids (fts_rowid, article_id) SELECT rowid, article_id FROM articles_fts")
    op.execute("INSERT INTO articles_fts_ids (article_id) "
               "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM articles_fts_ids)")
    op.execute("INSERT INTO articles_fts (rowid, article_id, title, text) "
               "SELECT fts_ids.fts_rowid, articles.id, coalesce(articles.title, ''), articles.text "
               "FROM articles JOIN articles_fts_ids AS fts_ids ON fts_ids.article_id = articles.id "
               "WHERE fts_ids.fts_rowid NOT IN (SELECT rowid FROM articles_fts)")
    op.execute(f"CREATE INDEX {INDEX} ON articles (language, published, id, url)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"DROP INDEX {INDEX}")
    op.execute("DROP TABLE articles_fts_ids")
