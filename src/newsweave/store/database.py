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
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, bindparam, create_engine, delete, event, func, insert, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import ArgumentError, DatabaseError, IntegrityError

from newsweave.link.duplicates import DuplicateMatch, Fingerprint
from newsweave.model import Article, Flag, Rejection, RemovedSpan, Span
from newsweave.offsets import OffsetMap
from newsweave.store import schema

DEFAULT_URL = "sqlite:///newsweave.db"
# How much of a SQLite file is read through a memory map (see _sqlite_pragmas).
SQLITE_MMAP_BYTES = 256 * 2**20
# ``store_info`` key of the embedding space the stored stories were made in, and its value while
# ``newsweave restory`` rebuilds them.
STORY_SPACE_KEY = "story_space"
STORY_SPACE_REBUILDING = "(stories being rebuilt by newsweave restory)"

# Statements run for every stored article, built once with bound parameters. Building a
# statement anew on every call (``select(...).where(column == value)``, ``.values(**row)``) made
# SQLAlchemy coerce every value and compute a cache key each time: about a quarter of the CPU
# time of storing an article, which the one process that stores in a Dask run pays for all workers.
_a, _s, _sa, _sources = schema.articles, schema.stories, schema.story_articles, schema.article_sources
_ARTICLE_WITH_CONTENT = select(_a.c.id).where(_a.c.content_hash == bindparam("content_hash"))
_ARTICLES_WITH_BAND_KEYS = (
    select(_a.c.id, _a.c.signature)
    .join(schema.lsh_bands, schema.lsh_bands.c.article_id == _a.c.id)
    .where(schema.lsh_bands.c.band_key.in_(bindparam("band_keys", expanding=True)))
    .distinct()
)
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
_KNOWS_SOURCE = select(_sources.c.id).where(_sources.c.source == bindparam("source"), _sources.c.raw_sha256 == bindparam("sha"))
_ENTITIES_WITH_KEYS = (
    select(schema.entity_keys.c.key, schema.entities.c.entity_id, schema.entities.c.canonical)
    .join(schema.entities, schema.entities.c.entity_id == schema.entity_keys.c.entity_id)
    .where(schema.entity_keys.c.key.in_(bindparam("keys", expanding=True)))
)
_ENTITIES_BY_ID = select(schema.entities).where(schema.entities.c.entity_id.in_(bindparam("ids", expanding=True)))
_UPDATE_ENTITY = update(schema.entities).where(schema.entities.c.entity_id == bindparam("key"))


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


class Store:
    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        self._inserts_ignoring: dict[tuple[str, str | None], Any] = {}  # see _insert_ignore
        try:
            self.engine = _engine(self.url)
            self._migrate()
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
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- what the link stage needs (DuplicateMemory) ---------------------------------------

    def article_with_content(self, content_hash: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.scalar(_ARTICLE_WITH_CONTENT, {"content_hash": content_hash})

    def articles_with_band_keys(self, band_keys: list[str]) -> list[tuple[str, bytes]]:
        if not band_keys:
            return []
        with self.engine.connect() as connection:
            return [(row.id, bytes(row.signature)) for row in connection.execute(_ARTICLES_WITH_BAND_KEYS, {"band_keys": list(band_keys)})]

    # -- what story assignment needs (link.stories.StoryMemory) ----------------------------

    def stories_since(self, seq: int) -> Iterator[tuple[str, bytes, int]]:
        """``(id, centroid sum, seq)`` of the stories changed after change number ``seq``, in order."""
        with self.engine.connect() as connection:
            for row in connection.execute(_STORIES_SINCE, {"seq": seq}):
                yield row.id, bytes(row.centroid), row.seq

    def latest_story_seq(self) -> int:
        with self.engine.connect() as connection:
            return connection.scalar(select(func.coalesce(func.max(schema.stories.c.seq), 0)))

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
                       list(row.languages or []), row.first, row.last, row.label, row.version)
            for row in rows
        ]

    def story_of(self, article_id: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.scalar(_STORY_OF, {"article_id": article_id})

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
                  "version": story.version + 1}
        with self.engine.begin() as connection:
            _lock_for_story_write(connection)
            if connection.scalar(_STORY_OF, {"article_id": article_id}) is not None:
                return None
            values["seq"] = connection.scalar(_LATEST_SEQ) + 1
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

    # -- what quote corroboration needs (assess.corroboration.QuoteMemory) -----------------

    def story_members(self, story_id: str) -> list[str]:
        sa = schema.story_articles
        with self.engine.connect() as connection:
            return list(connection.scalars(select(sa.c.article_id).where(sa.c.story_id == story_id).order_by(sa.c.article_id)))

    def articles_quoting(self, speakers: list[str]) -> list[str]:
        """Articles with a quote whose speaker entity id or speaker name is one of ``speakers``."""
        if not speakers:
            return []
        q = schema.quotes
        query = select(q.c.article_id).where(or_(q.c.speaker_entity_id.in_(speakers), q.c.speaker_name.in_(speakers)))
        with self.engine.connect() as connection:
            return sorted(set(connection.scalars(query.distinct())))

    def quote_records(self, article_ids: list[str]) -> list[dict[str, Any]]:
        """``{"id", "language", "duplicate_of", "quotes"}`` of each stored article asked for."""
        a = schema.articles
        found = []
        with self.engine.connect() as connection:
            for ids in _chunks(article_ids):
                query = select(a.c.id, a.c.language, a.c.duplicate_of, a.c.annotations).where(a.c.id.in_(ids))
                for row in connection.execute(query):
                    found.append({"id": row.id, "language": row.language, "duplicate_of": row.duplicate_of,
                                  "quotes": (row.annotations or {}).get("quotes", [])})
        return found

    def stories_of(self, article_ids: list[str]) -> dict[str, str]:
        """``{article_id: story_id}`` of those of the articles filed under a story."""
        sa = schema.story_articles
        found: dict[str, str] = {}
        with self.engine.connect() as connection:
            for ids in _chunks(article_ids):
                found.update((row.article_id, row.story_id) for row in connection.execute(select(sa.c.article_id, sa.c.story_id).where(sa.c.article_id.in_(ids))))
        return found

    def members_of_stories(self, story_ids: list[str]) -> dict[str, list[str]]:
        """``{story_id: [article_id, ...]}`` (sorted) of each story asked for."""
        sa = schema.story_articles
        members: dict[str, list[str]] = {story_id: [] for story_id in story_ids}
        with self.engine.connect() as connection:
            for ids in _chunks(story_ids):
                query = select(sa.c.story_id, sa.c.article_id).where(sa.c.story_id.in_(ids)).order_by(sa.c.article_id)
                for row in connection.execute(query):
                    members[row.story_id].append(row.article_id)
        return members

    def save_corroborations(self, results: list[tuple[str, list[dict[str, Any]], list[Flag]]]) -> None:
        """For each ``(article_id, quotes, flags)``: store the quotes with ``corroborated_by`` and
        replace the article's uncorroborated-quote flags. One transaction, a few statements in all
        (quote corroboration rewrites every article of a story an ingest touched)."""
        from newsweave.assess.corroboration import KIND  # the assess stage owns the flag kind

        if not results:
            return
        a, f = schema.articles, schema.flags
        ids = [article_id for article_id, _, _ in results]
        with self.engine.begin() as connection:
            annotations: dict[str, dict[str, Any]] = {}
            for chunk in _chunks(ids):
                query = select(a.c.id, a.c.annotations).where(a.c.id.in_(chunk))
                annotations.update((row.id, dict(row.annotations or {})) for row in connection.execute(query))
            updates, flag_rows = [], []
            for article_id, quotes, flags in results:
                if article_id not in annotations:
                    continue
                kept = [flag for flag in annotations[article_id].get("flags", []) if flag.get("kind") != KIND]
                new = {**annotations[article_id], "quotes": quotes, "flags": kept + [flag.to_json() for flag in flags]}
                updates.append({"key": article_id, "annotations": new})
                flag_rows.extend(
                    {"article_id": article_id, "kind": flag.kind, "severity": flag.severity, "message": flag.message,
                     "evidence": [span.to_json() for span in flag.evidence]}
                    for flag in flags
                )
            if updates:
                connection.execute(update(a).where(a.c.id == bindparam("key")), updates)
            for chunk in _chunks(ids):
                connection.execute(delete(f).where(f.c.article_id.in_(chunk), f.c.kind == KIND))
            if flag_rows:
                connection.execute(insert(f), flag_rows)

    def text_vectors(self, keys: list[str]) -> dict[str, bytes]:
        """Stored embeddings (float32 bytes) of the texts with these keys (see ``schema.text_vectors``)."""
        t = schema.text_vectors
        found: dict[str, bytes] = {}
        with self.engine.connect() as connection:
            for chunk in _chunks(keys):
                found.update((row.key, bytes(row.vector)) for row in connection.execute(select(t).where(t.c.key.in_(chunk))))
        return found

    def save_text_vectors(self, vectors: dict[str, bytes]) -> None:
        if vectors:
            with self.engine.begin() as connection:
                connection.execute(self._insert_ignore(schema.text_vectors),
                                   [{"key": key, "vector": vector} for key, vector in sorted(vectors.items())])

    def articles_ingested_since(self, moment: datetime) -> list[str]:
        a = schema.articles
        with self.engine.connect() as connection:
            return list(connection.scalars(select(a.c.id).where(a.c.ingested_at >= moment).order_by(a.c.id)))

    def article_titles(self, article_ids: list[str]) -> dict[str, dict[str, Any]]:
        """``{id: {"title", "source", "language"}}`` of the given articles (for links)."""
        if not article_ids:
            return {}
        a = schema.articles
        query = select(a.c.id, a.c.title, a.c.source, a.c.language).where(a.c.id.in_(article_ids))
        with self.engine.connect() as connection:
            return {row.id: {"title": row.title, "source": row.source, "language": row.language} for row in connection.execute(query)}

    def flag_counts(self) -> dict[str, dict[str, int]]:
        """``{article_id: {kind: count}}`` for every article with flags (report listings)."""
        f = schema.flags
        counts: dict[str, dict[str, int]] = {}
        with self.engine.connect() as connection:
            for row in connection.execute(select(f.c.article_id, f.c.kind, func.count()).group_by(f.c.article_id, f.c.kind)):
                counts.setdefault(row[0], {})[row[1]] = row[2]
        return counts

    # -- writing ---------------------------------------------------------------------------

    def knows_source(self, source: str, raw_sha256: str) -> bool:
        """True when this exact input (same source, same bytes) was stored or rejected before."""
        with self.engine.connect() as connection:
            return connection.scalar(_KNOWS_SOURCE, {"source": source, "sha": raw_sha256}) is not None

    def add_source_to(self, article_id: str, source: str, raw_sha256: str) -> bool:
        """Record another copy of a stored article; False if this source was known already."""
        with self.engine.begin() as connection:
            added = self._insert_source(connection, article_id, source, raw_sha256)
            if added:
                connection.execute(
                    update(schema.articles)
                    .where(schema.articles.c.id == article_id)
                    .values(copies=schema.articles.c.copies + 1)
                )
            return added

    def save_article(self, article: Article, print_: Fingerprint, match: DuplicateMatch | None,
                     entities: list | None = None) -> bool:
        """Store a new article in one transaction; False if another writer stored it first.

        ``entities`` (``link.entities.EntityRecord``s) are merged into the store's entities in
        the same transaction (``remember_entities``): an article is never stored without them.
        """
        now = datetime.now(UTC)
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(schema.articles), _article_row(article, print_, now))
                self._insert_source(connection, article.id, article.source, article.raw_sha256, now)
                if match is None:
                    rows = [{"band_key": key, "article_id": article.id} for key in print_.band_keys]
                    connection.execute(insert(schema.lsh_bands), rows)
                self._insert_children(connection, article)
                self._index_text(connection, article)
                if entities:
                    self._remember_entities(connection, entities)
        except IntegrityError:
            return False
        return True

    def save_rejection(self, rejection: Rejection) -> bool:
        """Record a rejection once; False if the same input was rejected for the same reason."""
        row = {"source": rejection.source, "reason": rejection.reason, "at": datetime.now(UTC)}
        with self.engine.begin() as connection:
            result = connection.execute(self._insert_ignore(schema.rejections).values(**row).returning(schema.rejections.c.id))
            return result.first() is not None

    def _insert_source(self, connection, article_id: str, source: str, raw_sha256: str, now=None) -> bool:
        row = {"source": source, "raw_sha256": raw_sha256, "article_id": article_id, "ingested_at": now or datetime.now(UTC)}
        # RETURNING, not rowcount: psycopg reports -1 rows for INSERT … ON CONFLICT DO NOTHING.
        return connection.execute(self._insert_ignore(schema.article_sources, "id"), row).first() is not None

    def _insert_ignore(self, table, returning: str | None = None):
        """``INSERT … ON CONFLICT DO NOTHING`` (optionally ``RETURNING`` a column), built once per
        store and table: run it with the row as parameters, never ``.values()``."""
        key = (table.name, returning)
        if key not in self._inserts_ignoring:
            dialect = postgresql if self.dialect == "postgresql" else sqlite
            statement = dialect.insert(table).on_conflict_do_nothing()
            self._inserts_ignoring[key] = statement.returning(table.c[returning]) if returning else statement
        return self._inserts_ignoring[key]

    def _index_text(self, connection, article: Article) -> None:
        """SQLite: add the article to the FTS5 table (migration 0002); PostgreSQL indexes by itself."""
        if self.dialect == "sqlite":
            connection.execute(
                text("INSERT INTO articles_fts (article_id, title, text) VALUES (:id, :title, :text)"),
                {"id": article.id, "title": article.title or "", "text": article.text},
            )

    def _insert_children(self, connection, article: Article) -> None:
        if article.removed:
            connection.execute(
                insert(schema.removed_spans),
                [{"article_id": article.id, **piece.to_json()} for piece in article.removed],
            )
        child_rows = {
            schema.mentions: [_mention_row(article.id, item) for item in article.entities],
            schema.dates: [_span_row(article.id, item, type=item.get("type"), value=item.get("value")) for item in article.dates],
            schema.quotes: [_quote_row(article.id, item) for item in article.quotes],
            schema.events: [_event_row(article.id, item) for item in article.events],
            schema.flags: [
                {"article_id": article.id, "kind": flag.kind, "severity": flag.severity, "message": flag.message,
                 "evidence": [span.to_json() for span in flag.evidence]}
                for flag in article.flags
            ],
        }
        for table, rows in child_rows.items():
            if rows:
                connection.execute(insert(table), rows)

    # -- reading ---------------------------------------------------------------------------

    def iter_articles(self, batch_size: int = 200) -> Iterator[Article]:
        last = ""
        while True:
            with self.engine.connect() as connection:
                rows = connection.execute(
                    select(schema.articles).where(schema.articles.c.id > last).order_by(schema.articles.c.id).limit(batch_size)
                ).all()
                removed = self._removed_for(connection, [row.id for row in rows])
            if not rows:
                return
            for row in rows:
                yield article_from_row(row, removed.get(row.id, []))
            last = rows[-1].id

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(schema.articles).where(schema.articles.c.id == article_id)).first()
            if row is None:
                return None
            return article_from_row(row, self._removed_for(connection, [article_id]).get(article_id, []))

    def articles_in_publication_order(self) -> list[tuple[str, str | None]]:
        """``(id, duplicate_of)`` of every article by publication date (undated last), then
        ingestion time: the order ``newsweave restory`` files them into stories again."""
        a = schema.articles
        query = select(a.c.id, a.c.duplicate_of).order_by(a.c.published.is_(None), a.c.published, a.c.ingested_at, a.c.id)
        with self.engine.connect() as connection:
            return [(row.id, row.duplicate_of) for row in connection.execute(query)]

    def articles_by_ids(self, article_ids: list[str]) -> list[Article]:
        """The stored articles with these ids, in the order asked (unknown ids are skipped)."""
        found: dict[str, Article] = {}
        with self.engine.connect() as connection:
            for ids in _chunks(article_ids):
                rows = connection.execute(select(schema.articles).where(schema.articles.c.id.in_(ids))).all()
                removed = self._removed_for(connection, [row.id for row in rows])
                found.update((row.id, article_from_row(row, removed.get(row.id, []))) for row in rows)
        return [found[article_id] for article_id in article_ids if article_id in found]

    def _removed_for(self, connection, ids: list[str]) -> dict[str, list[RemovedSpan]]:
        found: dict[str, list[RemovedSpan]] = {}
        if not ids:
            return found
        table = schema.removed_spans
        query = select(table).where(table.c.article_id.in_(ids)).order_by(table.c.article_id, table.c.source_start)
        for row in connection.execute(query):
            found.setdefault(row.article_id, []).append(RemovedSpan(row.source_start, row.source_end, row.text, row.reason))
        return found

    def article_summaries(self) -> list[dict[str, Any]]:
        """One light row per article (no texts), for listings and reports."""
        a = schema.articles
        query = select(
            a.c.id, a.c.source, a.c.url, a.c.title, a.c.language, a.c.published, a.c.published_basis,
            a.c.duplicate_of, a.c.duplicate_similarity, a.c.copies, a.c.kind,
            func.length(a.c.text).label("length"),
        ).order_by(a.c.published.desc(), a.c.id)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def rejections(self) -> list[dict[str, Any]]:
        table = schema.rejections
        with self.engine.connect() as connection:
            rows = connection.execute(select(table.c.source, table.c.reason, table.c.at).order_by(table.c.id))
            return [{"source": row.source, "reason": row.reason, "at": row.at.isoformat()} for row in rows]

    def sources_of(self, article_id: str) -> list[str]:
        table = schema.article_sources
        with self.engine.connect() as connection:
            return list(connection.scalars(select(table.c.source).where(table.c.article_id == article_id).order_by(table.c.id)))

    def table_rows(self, table_name: str) -> list[dict[str, Any]]:
        table = schema.metadata.tables[table_name]
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(select(table))]

    # -- what entity linking needs (EntityMemory) -------------------------------------------

    def entities_with_keys(self, keys: list[str]) -> list[tuple[str, str, str]]:
        """``(key, entity_id, canonical)`` of stored entities filed under any of ``keys``."""
        if not keys:
            return []
        with self.engine.connect() as connection:
            return [(row.key, row.entity_id, row.canonical) for row in connection.execute(_ENTITIES_WITH_KEYS, {"keys": list(keys)})]

    def remember_entities(self, records: list) -> None:
        """Insert new entities, merge aliases and languages into known ones, file their keys.

        ``records`` are ``link.entities.EntityRecord``s. The first canonical name stored wins,
        so ids and names stay stable whichever article comes next.
        """
        if not records:
            return
        with self.engine.begin() as connection:
            self._remember_entities(connection, records)

    def _remember_entities(self, connection, records: list) -> None:
        # In id order: two writers then lock shared entity rows in the same order (PostgreSQL
        # would otherwise let two transactions wait on each other's rows).
        records = sorted(records, key=lambda record: record.entity_id)
        ids = [record.entity_id for record in records]
        known = {row.entity_id: row for row in connection.execute(_ENTITIES_BY_ID, {"ids": ids})}
        new_rows = []
        for record in records:
            row = known.get(record.entity_id)
            if row is None:
                new_rows.append({
                    "entity_id": record.entity_id, "canonical": record.canonical, "label": record.label,
                    "aliases": sorted(set(record.aliases)), "languages": sorted(set(record.languages)),
                    "lat": record.lat, "lon": record.lon, "country": record.country})
                continue
            aliases = sorted(set(row.aliases or []) | set(record.aliases))
            languages = sorted(set(row.languages or []) | set(record.languages))
            changes = {"aliases": aliases, "languages": languages}
            if row.lat is None and record.lat is not None:
                changes.update(lat=record.lat, lon=record.lon)
            if row.country is None and record.country:
                changes["country"] = record.country
            if aliases != (row.aliases or []) or languages != (row.languages or []) or len(changes) > 2:
                connection.execute(_UPDATE_ENTITY, {"key": record.entity_id, **changes})
        if new_rows:
            connection.execute(self._insert_ignore(schema.entities), new_rows)
        key_rows = [{"key": key[:128], "entity_id": record.entity_id} for record in records for key in sorted(set(record.keys))]
        if key_rows:
            connection.execute(self._insert_ignore(schema.entity_keys), key_rows)

    def entity_rows(self) -> list[dict[str, Any]]:
        """Every entity with its number of mentions (the ``export --what entities`` rows)."""
        e, m = schema.entities, schema.mentions
        counts = select(m.c.entity_id, func.count().label("mentions")).group_by(m.c.entity_id).subquery()
        query = (
            select(e.c.entity_id, e.c.canonical, e.c.label, e.c.aliases, e.c.languages,
                   func.coalesce(counts.c.mentions, 0).label("mentions"), e.c.lat, e.c.lon, e.c.country)
            .outerjoin(counts, counts.c.entity_id == e.c.entity_id)
            .order_by(func.coalesce(counts.c.mentions, 0).desc(), e.c.entity_id)
        )
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def stats(self) -> dict[str, Any]:
        a = schema.articles
        with self.engine.connect() as connection:
            count = lambda query: connection.scalar(query) or 0  # noqa: E731
            languages = dict(
                connection.execute(select(a.c.language, func.count()).group_by(a.c.language).order_by(func.count().desc())).all()
            )
            reasons = connection.execute(
                select(schema.rejections.c.reason, func.count()).group_by(schema.rejections.c.reason).order_by(func.count().desc())
            ).all()
            return {
                "database": self.engine.url.render_as_string(hide_password=True),
                "articles": count(select(func.count()).select_from(a)),
                "originals": count(select(func.count()).select_from(a).where(a.c.duplicate_of.is_(None))),
                "near_duplicates": count(select(func.count()).select_from(a).where(a.c.duplicate_of.is_not(None))),
                "exact_copies": count(select(func.sum(a.c.copies - 1))),
                "sources": count(select(func.count()).select_from(schema.article_sources)),
                "rejections": count(select(func.count()).select_from(schema.rejections)),
                "languages": {str(key): value for key, value in languages.items()},
                "rejection_reasons": {_reason_family(reason): n for reason, n in reasons},
                "removed_spans": count(select(func.count()).select_from(schema.removed_spans)),
                "entities": count(select(func.count()).select_from(schema.entities)),
                "quotes": count(select(func.count()).select_from(schema.quotes)),
                "events": count(select(func.count()).select_from(schema.events)),
                "stories": count(select(func.count()).select_from(schema.stories)),
                "flags": count(select(func.count()).select_from(schema.flags)),
            }


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


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """Slices of ``items`` short enough for one ``IN (...)`` (SQLite limits bound parameters)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _reason_family(reason: str) -> str:
    return reason.split(":")[0]


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("sqlite:///", 1)[-1]
        if path and path != ":memory:":
            Path(path).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


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


def _article_row(article: Article, print_: Fingerprint, now: datetime) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "kind": article.kind,
        "url": article.url,
        "title": article.title,
        "language": article.language,
        "language_score": article.language_score,
        "published": article.published,
        "published_basis": article.published_basis,
        "raw_sha256": article.raw_sha256,
        "content_hash": print_.content_hash,
        "raw_text": article.raw,
        "text": article.text,
        "offsets": article.offsets.to_json(),
        "links": list(article.links),
        "duplicate_of": article.duplicate_of,
        "duplicate_similarity": article.duplicate_similarity,
        "copies": 1,
        "signature": print_.signature,
        "extraction_method": article.extraction_method,
        "annotations": {
            "entities": article.entities,
            "dates": article.dates,
            "quotes": article.quotes,
            "events": article.events,
            "flags": [flag.to_json() for flag in article.flags],
        },
        "ingested_at": now,
    }


def _span_row(article_id: str, item: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "article_id": article_id,
        **{key: item[key] for key in ("start", "end", "source_start", "source_end", "text")},
        **extra,
    }


def _mention_row(article_id: str, item: dict[str, Any]) -> dict[str, Any]:
    return _span_row(article_id, item, entity_id=item.get("entity_id"), label=item.get("label", "MISC"))


def _quote_row(article_id: str, item: dict[str, Any]) -> dict[str, Any]:
    return _span_row(
        article_id,
        item,
        speaker=item.get("speaker"),
        speaker_name=item.get("speaker_name"),
        speaker_entity_id=item.get("speaker_entity_id"),
        cue=item.get("cue"),
        direct=bool(item.get("direct", True)),
    )


def _event_row(article_id: str, item: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "type": item.get("type", ""),
        "trigger": item.get("trigger") or {},
        "actor": item.get("actor"),
        "target": item.get("target"),
        "location": item.get("location"),
        "date": item.get("date"),
    }


def article_from_row(row, removed: list[RemovedSpan]) -> Article:
    annotations = row.annotations or {}
    return Article(
        id=row.id,
        source=row.source,
        raw=row.raw_text,
        raw_sha256=row.raw_sha256,
        text=row.text,
        offsets=OffsetMap.from_json(row.offsets, len(row.raw_text)),
        kind=row.kind,
        url=row.url,
        title=row.title,
        language=row.language,
        language_score=row.language_score,
        published=row.published,
        published_basis=row.published_basis,
        removed=removed,
        duplicate_of=row.duplicate_of,
        duplicate_similarity=row.duplicate_similarity,
        links=tuple(row.links or ()),
        entities=annotations.get("entities", []),
        dates=annotations.get("dates", []),
        quotes=annotations.get("quotes", []),
        events=annotations.get("events", []),
        flags=[
            Flag(item["kind"], item["severity"], item["message"], [Span(**span) for span in item.get("evidence", [])],
                 item.get("confidence"))
            for item in annotations.get("flags", [])
        ],
        extraction_method=row.extraction_method,
    )


# Keywords kept per story for its label: the counts of rare words never reach the label.
STORY_KEYWORDS_KEPT = 200


def _top_counts(counts: dict[str, int], keep: int = STORY_KEYWORDS_KEPT) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:keep])
