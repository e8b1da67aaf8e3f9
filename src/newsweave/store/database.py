"""The article store: SQLite by default (WAL), PostgreSQL by URL, migrated with Alembic.

Every write of one article happens in one transaction, so a reader (or a crash) never
sees half an article. Writes are idempotent: an input already stored (same source, same
bytes) is recognised before any work is done, and unique constraints catch the rest.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, bindparam, create_engine, delete, event, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import ArgumentError, DatabaseError

from newsweave.store import schema
from newsweave.store.feedback import FeedbackRecords
from newsweave.store.quotes import QuoteRecords
from newsweave.store.stats import StatsRecords
from newsweave.store.site_votes import SiteVoteRecords
from newsweave.store.story_changes import StoryChangeRecords

DEFAULT_URL = "sqlite:///newsweave.db"
# How much of a SQLite file is read through a memory map (see _sqlite_pragmas).
SQLITE_MMAP_BYTES = 256 * 2**20
# Rows sampled per index when SQLite's planner statistics are refreshed (Store.refresh_statistics).
SQLITE_ANALYSIS_ROWS = 1000
# ``store_info`` key of the embedding space the stored stories were made in, and its value while
# ``newsweave restory`` rebuilds them.
STORY_SPACE_KEY = "story_space"
STORY_SPACE_REBUILDING = "(stories being rebuilt by newsweave restory)"

# Statements run for every stored article, built once with bound parameters. Building a
# statement anew on every call (``select(...).where(column == value)``, ``.values(**row)``) made
# SQLAlchemy coerce every value and compute a cache key each time: about a quarter of the CPU
# time of storing an article, which the one process that stores in a Dask run pays for all workers.
_a, _s, _sa, _sources = schema.articles, schema.stories, schema.story_articles, schema.article_sources
_STORIES_SINCE = (
    select(_s.c.id, _s.c.centroid, _s.c.seq).where(_s.c.seq > bindparam("seq"), _s.c.centroid.is_not(None)).order_by(_s.c.seq)
)
_STORIES_BY_ID = {
    keywords: select(*[column for column in _s.c if keywords or column.name != "keyword_counts"]).where(
        _s.c.id.in_(bindparam("story_ids", expanding=True)), _s.c.centroid.is_not(None))
    for keywords in (True, False)
}
_STORY_OF = select(_sa.c.story_id).where(_sa.c.article_id == bindparam("article_id"))
_LATEST_SEQ = select(func.coalesce(func.max(_s.c.seq), 0))
_UPDATE_STORY = update(_s).where(_s.c.id == bindparam("story_id"), _s.c.version == bindparam("read_version")).returning(_s.c.id)


class StoreError(RuntimeError):
    """The database cannot be used (bad URL, unreadable file, failed migration)."""


def database_url(value: str | None) -> str:
    """Accept a SQLAlchemy URL or a plain file path (taken as SQLite)."""
    if not value:
        return DEFAULT_URL
    if "://" in value:
        return value.replace("postgres://", "postgresql+psycopg://", 1).replace(
            "postgresql://", "postgresql+psycopg://", 1
        )
    return f"sqlite:///{value}"


class Store(FeedbackRecords, QuoteRecords, StatsRecords, StoryChangeRecords, SiteVoteRecords):
    """One store: its parts by concern live in ``store.articles``, ``store.entities``,
    ``store.quotes``, ``store.stats`` and ``store.feedback`` (marks on flags, over the articles) and
    ``store.story_changes`` (splits, merges, topics), ``store.site_votes`` (each article's vote for its
    site's home); the stories' part is here."""

    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        """Open (and migrate) the store at ``url``; ``create=False`` refuses a SQLite file that
        does not exist yet, for commands that only read (a typo must not give an empty store)."""
        self.url = database_url(url)
        self._inserts_ignoring: dict[tuple[str, str | None], Any] = {}  # see _insert_ignore
        self.story_linker: Any = None  # this store's story index, made by link.stories.linker_for
        if not create:
            _require_existing_sqlite_file(self.url)
        try:
            self.engine = _engine(self.url)
            self._migrate()
            if self.dialect == "sqlite" and not _has_statistics(self.engine):
                self.refresh_statistics()  # a store filled before statistics were kept
        except (DatabaseError, ArgumentError, OSError, ValueError, ImportError) as error:
            # DatabaseError: not a database file, server unreachable; ArgumentError: unknown
            # URL scheme; OSError: the SQLite file's folder cannot be made.
            raise StoreError(f"cannot open database {self.url}: {str(error).splitlines()[0]}") from None

    # -- setup -----------------------------------------------------------------------------

    def _migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(resources.files("newsweave.store") / "migrations"))
        with self.engine.begin() as connection:
            _lock_for_migration(connection)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def close(self) -> None:
        from newsweave.link.stories import save_story_index  # the end of an ingest: keep its story index

        save_story_index(self)
        self.refresh_statistics()
        self.engine.dispose()

    def refresh_statistics(self) -> None:
        """SQLite: sample the tables for the query planner (``ANALYZE``, at most
        ``SQLITE_ANALYSIS_ROWS`` rows an index: 0.2 s on 20,000 articles). Without statistics
        SQLite takes any indexed equality as selective and read half the store through
        ``ix_articles_language`` for a search whose flag and place matched two articles
        (0.50 s against 0.03 s). PostgreSQL keeps its own (autovacuum)."""
        if self.dialect != "sqlite":
            return
        try:
            with self.engine.begin() as connection:
                connection.execute(text(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_ROWS}"))
                connection.execute(text("ANALYZE"))
        except DatabaseError:
            pass  # a read-only or busy file: the planner goes on with what it had

    # -- what story assignment needs (link.stories.StoryMemory) ----------------------------

    def stories_since(self, seq: int) -> Iterator[tuple[str, bytes, int]]:
        """``(id, centroid sum, seq)`` of the stories changed after change number ``seq``, in order."""
        with self.engine.connect() as connection:
            for row in connection.execute(_STORIES_SINCE, {"seq": seq}):
                yield row.id, bytes(row.centroid), row.seq

    def latest_story_seq(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.scalar(select(func.coalesce(func.max(schema.stories.c.seq), 0))) or 0)

    def stories_by_id(self, story_ids: list[str], keywords: bool = True) -> list:
        """``link.stories.StoryState``s of the given stories (unknown ids are skipped); without
        ``keywords`` their keyword counts are left out (empty): enough to score candidates,
        and the largest column of a story row."""
        from newsweave.link.stories import StoryState  # the link stage owns the shape

        if not story_ids:
            return []
        with self.engine.connect() as connection:
            rows = connection.execute(_STORIES_BY_ID[keywords], {"story_ids": list(story_ids)}).all()
        return [
            StoryState(row.id, np.frombuffer(bytes(row.centroid), dtype=np.float32).copy(), row.size,
                       dict(row.entity_counts or {}), dict(row.keyword_counts or {}) if keywords else {},
                       list(row.languages or []), row.first, row.last, row.label, row.version,
                       dict(row.profile or {}))
            for row in rows
        ]

    def entity_frequencies(self) -> tuple[int, dict[str, int]]:
        """Articles filed under stories, and per entity how many of them name it (the stories'
        entity counts added up): the linker's starting IDF (``link.story_score.EntityFrequencies``)."""
        s = schema.stories
        counts: dict[str, int] = {}
        with self.engine.connect() as connection:
            articles = connection.scalar(select(func.coalesce(func.sum(s.c.size), 0))) or 0
            for row in connection.execute(select(s.c.entity_counts).where(s.c.entity_counts.is_not(None))):
                for key, entry in (row.entity_counts or {}).items():
                    counts[key] = counts.get(key, 0) + int(entry.get("n", 0))
        return int(articles), counts

    def story_of(self, article_id: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.scalar(_STORY_OF, {"article_id": article_id})

    def story_publications(self, story_id: str, limit: int) -> list[tuple[str, str | None, str]]:
        """(article id, published, published_basis) of up to ``limit`` articles of a story, the
        latest filed first (``link.story_dates``)."""
        a = schema.articles
        query = (select(a.c.id, a.c.published, a.c.published_basis)
                 .join(_sa, _sa.c.article_id == a.c.id).where(_sa.c.story_id == story_id)
                 .order_by(a.c.ingested_at.desc()).limit(limit))
        with self.engine.connect() as connection:
            return [(row.id, row.published, row.published_basis) for row in connection.execute(query)]

    def save_story(self, story, article_id: str) -> int | None:
        """Write a story's new state and file the article under it, in one transaction.

        Returns the story's new change number (``seq``), or None when the article was filed
        under a story before (nothing is written: a re-run never counts an article twice).
        Optimistic concurrency: the row is written only if its ``version`` is still the one
        ``story`` was read with (0: a new story); otherwise ``link.stories.StoryConflict`` is
        raised and the linker re-reads the story and folds the article in again. Centroid
        sums and entity counts could not be added up in SQL portably (a float32 blob, JSON
        counts), and this way every field follows the same rule.
        """
        from newsweave.link.stories import StoryConflict  # the link stage owns the protocol

        values = {"label": story.label, "languages": story.languages, "first": story.first, "last": story.last,
                  "centroid": story.centroid_sum.astype(np.float32).tobytes(), "size": story.size,
                  "entity_counts": story.entities, "keyword_counts": _top_counts(story.keywords),
                  "version": story.version + 1, "profile": story.profile}
        with self.engine.begin() as connection:
            _lock_for_story_write(connection)
            if connection.scalar(_STORY_OF, {"article_id": article_id}) is not None:
                return None
            values["seq"] = int(connection.scalar(_LATEST_SEQ) or 0) + 1
            # RETURNING, not rowcount: psycopg reports no rowcount for an INSERT … ON CONFLICT DO NOTHING.
            if story.version == 0:
                written = connection.scalar(self._insert_ignore(schema.stories, "id"), {"id": story.id, **values})
            else:
                written = connection.scalar(_UPDATE_STORY, {"story_id": story.id, "read_version": story.version, **values})
            if written is None:
                raise StoryConflict(story.id)
            connection.execute(insert(schema.story_articles), {"story_id": story.id, "article_id": article_id})
            if values["seq"] == 1:  # the first story of an empty table: say which space it is in
                self._record_first_story_space(connection)
        return values["seq"]

    def resave_story(self, story) -> bool:
        """Write a story's date profile, first and last day again (``link.story_dates``: a member
        dated anew), nothing else; False when its ``version`` is no longer the one ``story`` was
        read with (the caller reads it again). A new change number tells other linkers."""
        values = {"first": story.first, "last": story.last, "profile": story.profile, "version": story.version + 1}
        with self.engine.begin() as connection:
            _lock_for_story_write(connection)
            values["seq"] = int(connection.scalar(_LATEST_SEQ) or 0) + 1
            written = connection.scalar(_UPDATE_STORY, {"story_id": story.id, "read_version": story.version, **values})
        if written is None:
            return False
        story.version += 1
        return True

    # -- the space story centroids were made in (annotate.embeddings.STORY_SPACE) ---------

    def story_space(self) -> str | None:
        """The embedding space recorded for the stored stories (None: not recorded, a store made
        before it was; ``STORY_SPACE_REBUILDING`` while ``newsweave restory`` runs)."""
        info = schema.store_info
        with self.engine.connect() as connection:
            return connection.scalar(select(info.c.value).where(info.c.key == STORY_SPACE_KEY))

    def record_story_space(self, space: str) -> None:
        with self.engine.begin() as connection:
            self._write_info(connection, STORY_SPACE_KEY, space)

    def has_stories(self) -> bool:
        with self.engine.connect() as connection:
            return connection.scalar(select(schema.stories.c.id).limit(1)) is not None

    def clear_stories(self) -> int:
        """Delete every story and story membership in one transaction (``newsweave restory``);
        returns how many stories there were. The recorded space becomes ``STORY_SPACE_REBUILDING``
        until the caller records the new one, so stories left half rebuilt by a crash are
        reported at the next ingest like stories of another space."""
        s, sa = schema.stories, schema.story_articles
        with self.engine.begin() as connection:
            _lock_for_story_write(connection)
            count = connection.scalar(select(func.count()).select_from(s)) or 0
            self.clear_story_changes(connection)
            connection.execute(delete(sa))
            connection.execute(delete(s))
            self._write_info(connection, STORY_SPACE_KEY, STORY_SPACE_REBUILDING)
        return count

    def _record_first_story_space(self, connection) -> None:
        """Record the current space unless one is recorded (a rebuild records its own at the end)."""
        from newsweave.annotate.embeddings import STORY_SPACE  # the annotate stage owns the space

        connection.execute(self._insert_ignore(schema.store_info).values(key=STORY_SPACE_KEY, value=STORY_SPACE))

    def _write_info(self, connection, key: str, value: str) -> None:
        info = schema.store_info
        dialect = postgresql if self.dialect == "postgresql" else sqlite
        upsert = dialect.insert(info).values(key=key, value=value)
        connection.execute(upsert.on_conflict_do_update(index_elements=[info.c.key], set_={"value": value}))

    def story_index_file(self) -> tuple[Path, str] | None:
        """Where this database's story index snapshot is kept, and the database's instance id
        (recorded in the snapshot); None for an in-memory database or when switched off.

        ``NEWSWEAVE_STORY_INDEX_DIR`` names a folder for snapshots (``off``: none). Default: next to
        a SQLite file (``news.db.stories.usearch``); for PostgreSQL, which has no such place,
        ``$XDG_CACHE_HOME/newsweave`` (``~/.cache/newsweave``), one file per database instance.
        """
        with self.engine.connect() as connection:
            instance = connection.scalar(select(schema.store_info.c.value).where(schema.store_info.c.key == "instance"))
        folder = os.environ.get("NEWSWEAVE_STORY_INDEX_DIR", "")
        if folder.lower() == "off" or not instance:
            return None
        sqlite_file = (self.engine.url.database or "") if self.dialect == "sqlite" else ""
        if self.dialect == "sqlite" and sqlite_file in ("", ":memory:"):
            return None
        if folder:
            return Path(folder).expanduser() / f"{instance}.stories.usearch", instance
        if sqlite_file:
            path = Path(sqlite_file).expanduser().resolve()
            return path.with_name(path.name + ".stories.usearch"), instance
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsweave"
        return cache / f"{instance}.stories.usearch", instance

    def story_rows(self) -> list[dict[str, Any]]:
        """Every story with its article ids (no centroids), most recent first."""
        s, sa = schema.stories, schema.story_articles
        with self.engine.connect() as connection:
            stories = connection.execute(
                select(s.c.id, s.c.label, s.c.languages, s.c.first, s.c.last, s.c.size).order_by(s.c.last.desc(), s.c.id)
            ).all()
            members: dict[str, list[str]] = {}
            for row in connection.execute(select(sa.c.story_id, sa.c.article_id).order_by(sa.c.article_id)):
                members.setdefault(row.story_id, []).append(row.article_id)
        return [{**dict(row._mapping), "article_ids": members.get(row.id, [])} for row in stories]




# Any fixed number: the PostgreSQL advisory lock that serialises migrations of one database.
_MIGRATION_LOCK_KEY = 7_141_905_001
# Another: the one that serialises story writes (``_lock_for_story_write``).
_STORY_LOCK_KEY = 7_141_905_006


def _lock_for_migration(connection) -> None:
    """Hold the database's write lock for the migration, so two processes opening a fresh
    database at once do not both create the tables (the second waits, then finds them).

    SQLite: pysqlite runs DDL outside any transaction unless one is begun by hand, so
    ``BEGIN IMMEDIATE`` takes the write lock now (waiting up to the busy timeout).
    PostgreSQL: a transaction-scoped advisory lock, released at commit.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})


def _lock_for_story_write(connection) -> None:
    """Serialise story writes between processes until commit, so change numbers (max + 1)
    are unique and become visible in the order they were taken: a linker that has seen
    number 11 can never miss a 10 committed later. SQLite: the write lock
    (``BEGIN IMMEDIATE``); PostgreSQL: a transaction-scoped advisory lock (a sequence alone
    hands out numbers in call order, not commit order). Story writes are small and short.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _STORY_LOCK_KEY})


def _require_existing_sqlite_file(url: str) -> None:
    if not url.startswith("sqlite"):
        return
    path = url.split("sqlite:///", 1)[-1]
    if path and path != ":memory:" and not Path(path).expanduser().is_file():
        raise StoreError(f"no store at {path}: give the --db of an existing store, or create one with `newsweave ingest`")


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("sqlite:///", 1)[-1]
        if path and path != ":memory:":
            Path(path).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _has_statistics(engine: Engine) -> bool:
    """Whether a SQLite store has planner statistics, or nothing to sample yet."""
    with engine.connect() as connection:
        if connection.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")):
            return True
        return connection.scalar(select(schema.articles.c.id).limit(1)) is None


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    _enter_wal_mode(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=60000")
    # Reads through a memory map instead of a read() per page: story assignment reads ~12 random
    # rows per article, and at 50k stories (a ~225 MB file) the default 2 MiB page cache holds
    # few of them (bench/stories.py --speed: candidate reads 0.73 -> 0.66 ms per article).
    # Mapped pages are the OS's file cache, but RSS counts them once touched: reading every story
    # of the 50k bench file (215 MiB) peaks at 404 MiB RSS with the map, 191 MiB without.
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def _enter_wal_mode(cursor, patience_s: float = 60.0) -> None:
    """Switch the database to WAL, retrying while another process holds it.

    The busy timeout does not cover this pragma: when several processes open a fresh database
    at once, one of them can get "database is locked" at once (seen in 2 to 5 of 150 races of
    four processes, tests/test_concurrency.py), while another is still creating the WAL files
    or is closing and checkpointing them. A short retry lets that finish.
    """
    deadline = time.monotonic() + patience_s
    pause = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


# Keywords kept per story for its label: the counts of rare words never reach the label.
STORY_KEYWORDS_KEPT = 200


def _top_counts(counts: dict[str, int], keep: int = STORY_KEYWORDS_KEPT) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:keep])
