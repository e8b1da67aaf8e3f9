"""Alembic on SQLite and PostgreSQL: the read indexes of revision 0011 (faceted search,
trending, entity pages) come with ``alembic upgrade``, go with a downgrade to 0010, and a
store at 0010 with articles in it upgrades in place.

The upgrade runs as the ``alembic`` command line does (a URL in the configuration, no
connection handed over: ``migrations/env.py``'s first branch) and as ``Store`` does.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, select, text

from newsweave.store import Store, schema
from newsweave.store.database import database_url
from newsweave.store.search import SearchFilter, filtered, joined_facet_counts, search
from newsweave.store.trending import trending_stories

READ_INDEXES = {
    "ix_articles_ingested_at": ("articles", ["ingested_at"]),
    "ix_articles_language_published": ("articles", ["language", "published"]),
    "ix_mentions_entity_article": ("mentions", ["entity_id", "article_id"]),
    "ix_mentions_article_entity": ("mentions", ["article_id", "entity_id"]),
    "ix_flags_kind_article": ("flags", ["kind", "article_id"]),
    "ix_flags_article_kind": ("flags", ["article_id", "kind"]),
    "ix_story_articles_story_article": ("story_articles", ["story_id", "article_id"]),
}


def _config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("newsweave.store") / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url(url))
    return config


def _indexes(url: str) -> dict[str, tuple[str, list[str]]]:
    engine = create_engine(database_url(url))
    try:
        found = inspect(engine)
        return {index["name"]: (table, list(index["column_names"]))
                for table in ("articles", "mentions", "flags", "story_articles") for index in found.get_indexes(table)}
    finally:
        engine.dispose()


def _revision(url: str) -> str:
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as connection:
            return connection.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()


def _head(url: str) -> str:
    """The newest revision (whichever engineer's migration the lead chained last)."""
    return ScriptDirectory.from_config(_config(url)).get_current_head() or ""


def test_alembic_upgrade_downgrade_and_upgrade_again(store_url: str) -> None:
    config = _config(store_url)
    command.upgrade(config, "head")
    assert _revision(store_url) == _head(store_url)
    found = _indexes(store_url)
    assert {name: found.get(name) for name in READ_INDEXES} == READ_INDEXES
    postgresql = store_url.startswith("postgresql")
    if postgresql:  # the stored tsvector's index replaces 0002's expression index; pages read in index order
        assert "ix_articles_search_document" in found and "ix_articles_fulltext" not in found
        assert found["ix_articles_page_order"] == ("articles", ["published", "id"])
    command.downgrade(config, "0010")
    assert _revision(store_url) == "0010" and not set(READ_INDEXES) & set(_indexes(store_url))
    assert "ix_articles_page_order" not in _indexes(store_url)
    if postgresql:
        assert "ix_articles_fulltext" in _indexes(store_url) and "ix_articles_search_document" not in _indexes(store_url)
    command.upgrade(config, "head")
    assert set(READ_INDEXES) <= set(_indexes(store_url))
    Store(store_url).engine.dispose()  # a store opens a database the command line migrated


def test_story_changes_revision_goes_down_and_up(store_url: str) -> None:
    """0012_story_split adds story members, changes and topics and a story's topic, and takes them away."""
    config = _config(store_url)
    command.upgrade(config, "head")
    engine = create_engine(database_url(store_url))
    try:
        tables = set(inspect(engine).get_table_names())
        assert {"story_members", "story_changes", "topics"} <= tables
        assert "topic_id" in {column["name"] for column in inspect(engine).get_columns("stories")}
        command.downgrade(config, "0011")
        engine.dispose()
        assert not {"story_members", "story_changes", "topics"} & set(inspect(engine).get_table_names())
        assert "topic_id" not in {column["name"] for column in inspect(engine).get_columns("stories")}
        command.upgrade(config, "head")
    finally:
        engine.dispose()


def test_a_store_at_0010_with_articles_upgrades_in_place(store_url: str) -> None:
    command.upgrade(_config(store_url), "0010")
    now = datetime.now(UTC)
    engine = create_engine(database_url(store_url))
    with engine.begin() as connection:
        connection.execute(schema.stories.insert(), [{"id": "s1", "label": "Story", "languages": ["en"]}])
        connection.execute(schema.articles.insert(), [{
            "id": f"a{number}", "source": f"a{number}.txt", "kind": "text", "url": f"https://outlet{number}.example/x",
            "title": f"Tide {number}", "language": "en", "published": "2026-12-01", "published_basis": "given",
            "raw_sha256": f"{number}", "content_hash": f"{number}", "raw_text": "x", "text": "x", "offsets": [],
            "links": [], "copies": 1, "signature": b"", "annotations": {}, "ingested_at": now - timedelta(hours=number),
        } for number in range(3)])
        connection.execute(schema.story_articles.insert(), [{"story_id": "s1", "article_id": f"a{number}"} for number in range(3)])
    engine.dispose()
    store = Store(store_url)  # migrates to head
    try:
        assert _revision(store_url) == _head(store_url) and set(READ_INDEXES) <= set(_indexes(store_url))
        with store.engine.connect() as connection:
            assert connection.scalar(select(schema.articles.c.id).order_by(schema.articles.c.id).limit(1)) == "a0"
        # SQLite: revision 0013_search wrote the FTS rows these articles lacked; PostgreSQL's
        # document is a generated column.
        found = search(store, SearchFilter(q="tide", language="en"), facets=True)
        assert found["total"] == 3 and [value["value"] for value in found["facets"]["story"]] == ["s1"]
        assert search(store, SearchFilter(q="ebb"))["total"] == 0
        ranked = trending_stories(store, hours=24, now=now + timedelta(minutes=1))
        assert [(item["id"], item["recent_articles"]) for item in ranked] == [("s1", 3)]
    finally:
        store.engine.dispose()


def test_sqlite_reads_use_the_read_indexes(tmp_path) -> None:
    """The planner takes the new indexes for the reads they were made for (SQLite's plan
    does not depend on table sizes without ANALYZE, so an empty store shows it)."""
    store = Store(str(tmp_path / "plan.db"))
    try:
        with store.engine.connect() as connection:
            def plan(sql: str) -> str:
                return " ".join(row[-1] for row in connection.execute(text("EXPLAIN QUERY PLAN " + sql)))

            assert "ix_articles_ingested_at" in plan("SELECT id FROM articles WHERE ingested_at >= '2026-12-01'")
            assert "COVERING INDEX ix_mentions_entity_article" in plan(
                "SELECT article_id FROM mentions WHERE entity_id = 'geo:x'")
            assert "COVERING INDEX ix_mentions_article_entity" in plan(
                "SELECT DISTINCT entity_id FROM mentions WHERE article_id IN ('a', 'b')")
            assert "COVERING INDEX ix_flags_kind_article" in plan("SELECT article_id FROM flags WHERE kind = 'k'")
            assert "COVERING INDEX ix_story_articles_story_article" in plan(
                "SELECT article_id FROM story_articles WHERE story_id = 's'")
    finally:
        store.engine.dispose()


def test_sqlite_facet_counts_read_only_the_matched_articles_rows(tmp_path) -> None:
    """The flag, story and entity facets look up the matched articles' rows; they never scan
    ``mentions`` or ``flags`` whole (a join did, through the entity_id index: 3× slower on
    20,000 articles, ``bench/api_latency.py``)."""
    store = Store(str(tmp_path / "plan.db"))
    try:
        statement = joined_facet_counts(store, SearchFilter(q="vote", language="en", since=date(2024, 1, 1)))
        compiled = statement.compile(store.engine, compile_kwargs={"literal_binds": True})
        with store.engine.connect() as connection:
            plan = [row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]
        assert not [step for step in plan if step.startswith(("SCAN mentions", "SCAN flags", "SCAN story_articles"))], plan
        assert any("ix_mentions_article_entity (article_id=?" in step for step in plan), plan
        assert any("ix_flags_article_kind (article_id=?" in step for step in plan), plan
    finally:
        store.engine.dispose()


def test_a_closed_sqlite_store_keeps_planner_statistics(tmp_path) -> None:
    """After a store is closed (the end of an ingest) SQLite has statistics, and a search by
    a rare flag within a language starts from the flagged articles, not from every article
    in the language (what it did without statistics: 0.50 s against 0.03 s on 20,000)."""
    path = tmp_path / "stats.db"
    store = Store(str(path))
    with store.engine.begin() as connection:
        connection.execute(schema.articles.insert(), [{
            "id": f"a{number:05d}", "source": f"a{number}.txt", "kind": "text", "url": None, "title": "T",
            "language": ("en", "fr")[number % 2], "published": f"2024-{number % 12 + 1:02d}-01", "published_basis": "given",
            "raw_sha256": f"{number}", "content_hash": f"{number}", "raw_text": "x", "text": "x", "offsets": [],
            "links": [], "copies": 1, "signature": b"", "annotations": {}, "ingested_at": datetime.now(UTC),
        } for number in range(2000)])
        connection.execute(schema.flags.insert(), [{"article_id": f"a{number:05d}", "kind": ("rare", "common")[number % 3 > 0],
                                                    "severity": "warning", "message": "m", "evidence": []}
                                                   for number in range(0, 2000, 20)])
    store.close()
    store = Store(str(path))
    try:
        statement = filtered(store, SearchFilter(language="en", flag="rare"), [schema.articles.c.id])
        compiled = statement.compile(store.engine, compile_kwargs={"literal_binds": True})
        with store.engine.connect() as connection:
            assert connection.scalar(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'articles'"))
            plan = [row[-1] for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]
        assert any(step.startswith("SEARCH articles USING INDEX sqlite_autoindex_articles_1 (id=?)") for step in plan), plan
    finally:
        store.engine.dispose()


def _store_at_0012_with_fts_rows(url: str) -> None:
    """Three articles and their FTS rows as code before 0013_search wrote them, plus a second
    row for one article and a row for an article that is gone (what the upgrade cleans)."""
    command.upgrade(_config(url), "0012_latency")
    engine = create_engine(database_url(url))
    with engine.begin() as connection:
        connection.execute(schema.articles.insert(), [{
            "id": f"a{number}", "source": f"a{number}.txt", "kind": "text", "url": None, "title": f"Quay {number}",
            "language": "en", "published": "2026-12-01", "published_basis": "given", "raw_sha256": f"{number}",
            "content_hash": f"{number}", "raw_text": "x", "text": ("gull" if number == 1 else "x"), "offsets": [], "links": [],
            "copies": 1, "signature": b"", "annotations": {}, "ingested_at": datetime.now(UTC),
        } for number in range(3)])
        connection.execute(text("INSERT INTO articles_fts (article_id, title, text) SELECT id, title, text FROM articles"))
        connection.execute(text("INSERT INTO articles_fts (article_id, title, text) VALUES ('a1', 'Quay 1', 'gull'), "
                                "('gone', 'Quay gone', 'gull')"))
    engine.dispose()


def test_0013_search_maps_every_article_to_one_fts_row_and_goes_down(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    _store_at_0012_with_fts_rows(url)
    store = Store(url)  # migrates to head
    try:
        with store.engine.connect() as connection:
            mapped = connection.execute(text("SELECT m.article_id, f.article_id FROM articles_fts_ids AS m "
                                             "JOIN articles_fts AS f ON f.rowid = m.fts_rowid ORDER BY 1")).all()
            assert mapped == [("a0", "a0"), ("a1", "a1"), ("a2", "a2")]
            assert connection.scalar(text("SELECT count(*) FROM articles_fts")) == 3
        assert [item["id"] for item in search(store, SearchFilter(q="gull"))["items"]] == ["a1"]
        assert search(store, SearchFilter(q="quay", language="en"))["total"] == 3
        assert "ix_articles_search" in _indexes(url)
    finally:
        store.engine.dispose()
    command.downgrade(_config(url), "0012_latency")
    engine = create_engine(database_url(url))
    try:
        assert "articles_fts_ids" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    assert "ix_articles_search" not in _indexes(url)
    command.upgrade(_config(url), "head")


def test_0014_ui_indexes_article_languages_on_postgresql_and_goes_down(store_url) -> None:
    """PostgreSQL gets ``articles (id, language)`` for entity pages' spellings; SQLite does not
    need it; a downgrade to 0013_search drops it and the store upgrades again."""
    Store(store_url).engine.dispose()  # migrates to head
    wanted = store_url.startswith("postgresql")
    assert ("ix_articles_id_language" in _indexes(store_url)) == wanted
    if wanted:
        assert _indexes(store_url)["ix_articles_id_language"] == ("articles", ["id", "language"])
    command.downgrade(_config(store_url), "0013_search")
    assert "ix_articles_id_language" not in _indexes(store_url) and _revision(store_url) == "0013_search"
    command.upgrade(_config(store_url), "head")
    assert ("ix_articles_id_language" in _indexes(store_url)) == wanted and _revision(store_url) == _head(store_url)
