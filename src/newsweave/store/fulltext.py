"""SQLite full text: the FTS5 table ``articles_fts`` (revision 0002) and the map from its rowids
to article ids, ``articles_fts_ids`` (revision 0013_search); writing both, and matching words.

Why a map: the article id is a column of the FTS5 table, stored beside the article's title and
text, and reading it loads each match's stored row, text included. For a common word (5,800 of
20,000 articles, ``bench/api_latency.py``) listing the matches' article ids took ~20 ms where
their rowids took ~2 ms. The map gives the id from the rowid, or the rowid from the id, through
an index. Its rowids are the FTS rows' rowids (an INTEGER PRIMARY KEY on both sides, which
``VACUUM`` keeps; ``articles.rowid`` would not do, ``VACUUM`` may renumber it).

The FTS table keeps its ``article_id`` column (written as before), so older code reading a
store this code wrote still finds its matches.

PostgreSQL needs none of this: its tsvector is a generated column of ``articles``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import TextClause, text

MAP = "articles_fts_ids"
_WORD = re.compile(r"\w+", re.UNICODE)
# One map row per article (its FTS rowid is allocated here); an article indexed again keeps it.
_ALLOCATE = text(f"INSERT OR IGNORE INTO {MAP} (article_id) VALUES (:id)")
# The article's previous FTS row, if any (re-analysis writes the text again at the same rowid).
_DROP = text(f"DELETE FROM articles_fts WHERE rowid = (SELECT fts_rowid FROM {MAP} WHERE article_id = :id)")
_WRITE = text(f"INSERT INTO articles_fts (rowid, article_id, title, text) "
              f"SELECT fts_rowid, :id, :title, :text FROM {MAP} WHERE article_id = :id")


def index_texts(connection, articles: Sequence[dict[str, str | None]], replace: bool = False) -> None:
    """Write the FTS rows of ``articles`` (``id``, ``title``, ``text``) and their map rows, in
    the caller's transaction; ``replace``: an article may have a row already (re-analysis)."""
    if not articles:
        return
    rows = [{"id": row["id"], "title": row["title"] or "", "text": row["text"] or ""} for row in articles]
    connection.execute(_ALLOCATE, [{"id": row["id"]} for row in rows])
    if replace:
        connection.execute(_DROP, [{"id": row["id"]} for row in rows])
    connection.execute(_WRITE, rows)


def fts5_query(words: str) -> str | None:
    """A user's words as a safe FTS5 query: every word a quoted phrase, all required."""
    tokens = _WORD.findall(words)
    return " ".join(f'"{token}"' for token in tokens) or None


def matched_ids(words: str) -> TextClause | None:
    """``SELECT article_id`` of the articles holding all the words (None when there are no
    words): the matches' rowids from FTS5, their ids from the map."""
    query = fts5_query(words)
    if query is None:
        return None
    return text(f"SELECT article_id FROM {MAP} WHERE fts_rowid IN "
                "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fulltext)").bindparams(fulltext=query)


def holds_words(words: str) -> TextClause:
    """A condition on each candidate row of ``articles``: its map row's rowid is among the
    matches' (``EXISTS``), where :func:`matched_ids` lists every match's id for ``IN``.

    Cheaper when the other filters leave few candidates against many matches: a word in 5,700
    of 20,000 articles, within two months of one language (1,650 candidates), counted in 1.8 ms
    (with the index of revision 0013_search) against 13 (``IN`` the map's ids) and 44 (``IN``
    the ids read from the FTS table); and for a page in order, which stops once it is full.
    Dearer for a rare word (every candidate is looked up): ``search.per_candidate`` chooses."""
    query = fts5_query(words)
    if query is None:
        return text("1 = 0")
    return text(f"EXISTS (SELECT 1 FROM {MAP} AS fts_ids WHERE fts_ids.article_id = articles.id "
                "AND fts_ids.fts_rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fulltext))"
                ).bindparams(fulltext=query)


def match_count(connection, words: str) -> int:
    """How many articles hold all the words (FTS5 counts its doclists: ~0.3 ms for 5,700)."""
    query = fts5_query(words)
    if query is None:
        return 0
    return int(connection.scalar(text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :fulltext"),
                                 {"fulltext": query}) or 0)
