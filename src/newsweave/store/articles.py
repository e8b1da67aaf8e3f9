"""Articles: storing one in a transaction, reading them back, replacing an analysis, provenance."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from newsweave.link.duplicates import DuplicateMatch, Fingerprint
from newsweave.model import (Article, Entity, Event, Flag, PublishedInterval, Quote, Rejection, RemovedSpan, Skip,
                             Span, Timex)
from newsweave.offsets import OffsetMap
from newsweave.store import schema
from newsweave.store.base import chunks
from newsweave.store.entities import EntityRecords
from newsweave.store.fulltext import index_texts
from newsweave.store.site_votes import write_site_votes

# (site, vote): the divisions an article votes for as its site's home (``link.site_home``).
SiteVote = tuple[str, set[tuple[str, str]]]

_a, _sources = schema.articles, schema.article_sources

_ARTICLE_WITH_CONTENT = select(_a.c.id).where(_a.c.content_hash == bindparam("content_hash"))
_ARTICLES_WITH_BAND_KEYS = (
    select(_a.c.id, _a.c.signature)
    .join(schema.lsh_bands, schema.lsh_bands.c.article_id == _a.c.id)
    .where(schema.lsh_bands.c.band_key.in_(bindparam("band_keys", expanding=True)))
    .distinct()
)
_KNOWS_SOURCE = select(_sources.c.id).where(_sources.c.source == bindparam("source"), _sources.c.raw_sha256 == bindparam("sha"))


def _article_row(article: Article, print_: Fingerprint, now: datetime) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "kind": article.kind,
        "raw_sha256": article.raw_sha256,
        "content_hash": print_.content_hash,
        "raw_text": article.raw,
        "duplicate_of": article.duplicate_of,
        "duplicate_similarity": article.duplicate_similarity,
        "copies": 1,
        "signature": print_.signature,
        "ingested_at": now,
        **_analysis_columns(article),
    }


def _analysis_columns(article: Article) -> dict[str, Any]:
    """The columns an analysis fills, which a new analysis of the same input replaces
    (``Store.replace_analysis``); the identity and duplicate keys above stay."""
    return {
        "url": article.url,
        "title": article.title,
        "language": article.language,
        "language_score": article.language_score,
        "published": article.published,
        "published_basis": article.published_basis,
        "text": article.text,
        "offsets": article.offsets.to_json(),
        "links": list(article.links),
        "extraction_method": article.extraction_method,
        "annotations": _annotations(article),
        "provenance_key": (article.provenance or {}).get("key"),
    }


def _annotations(article: Article) -> dict[str, Any]:
    """The annotations as the article JSON of the contract has them (one JSON column)."""
    found = article.to_json()
    kept = ("entities", "dates", "quotes", "events", "flags", "skipped", "provenance", "published_interval", "fetched")
    return {key: found[key] for key in kept if key in found}


def _span_row(article_id: str, item: Span, **extra: Any) -> dict[str, Any]:
    return {"article_id": article_id, **item.offsets(), **extra}


def _mention_row(article_id: str, item: Entity) -> dict[str, Any]:
    return _span_row(article_id, item, entity_id=item.entity_id, label=item.label)


def _quote_row(article_id: str, item: Quote) -> dict[str, Any]:
    return _span_row(
        article_id,
        item,
        speaker=item.speaker.to_json() if item.speaker else None,
        speaker_name=item.speaker_name,
        speaker_entity_id=item.speaker_entity_id,
        cue=item.cue,
        direct=item.direct,
    )


def _event_row(article_id: str, item: Event) -> dict[str, Any]:
    found = item.to_json()
    return {"article_id": article_id, **{key: found.get(key) for key in ("type", "trigger", "actor", "target", "location", "date")}}


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
        entities=[Entity.from_json(item) for item in annotations.get("entities", [])],
        dates=[Timex.from_json(item) for item in annotations.get("dates", [])],
        quotes=[Quote.from_json(item) for item in annotations.get("quotes", [])],
        events=[Event.from_json(item) for item in annotations.get("events", [])],
        flags=[Flag.from_json(item) for item in annotations.get("flags", [])],
        extraction_method=row.extraction_method,
        skipped=[Skip(item["stage"], item["reason"]) for item in annotations.get("skipped", [])],
        provenance=annotations.get("provenance"),
        published_interval=PublishedInterval.from_json(annotations["published_interval"])
        if annotations.get("published_interval") else None,
        fetched=annotations.get("fetched"),
    )


class ArticleRecords(EntityRecords):
    def article_with_content(self, content_hash: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.scalar(_ARTICLE_WITH_CONTENT, {"content_hash": content_hash})

    def articles_with_band_keys(self, band_keys: list[str]) -> list[tuple[str, bytes]]:
        if not band_keys:
            return []
        with self.engine.connect() as connection:
            return [(row.id, bytes(row.signature)) for row in connection.execute(_ARTICLES_WITH_BAND_KEYS, {"band_keys": list(band_keys)})]

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
                     entities: list | None = None, site_vote: SiteVote | None = None) -> bool:
        """Store a new article in one transaction; False if another writer stored it first.

        ``entities`` (``link.entities.EntityRecord``s) are merged into the store's entities in
        the same transaction (``remember_entities``): an article is never stored without them.
        ``site_vote`` (site, vote: ``link.site_home.vote_to_file``) is filed in it too.
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
                if site_vote is not None:
                    write_site_votes(connection, article.id, *site_vote)
        except IntegrityError:
            return False
        return True

    def replace_analysis(self, article: Article, entities: list | None = None,
                         site_vote: SiteVote | None = None) -> None:
        """Replace a stored article's analysis by a new one of the same input, in one transaction
        (``newsweave reanalyze``), its site vote with it when given (an empty vote removes the
        one it had); stories and corroboration are redone by the caller."""
        with self.engine.begin() as connection:
            connection.execute(
                update(schema.articles).where(schema.articles.c.id == article.id), _analysis_columns(article)
            )
            for table in (schema.removed_spans, schema.mentions, schema.dates, schema.quotes, schema.events, schema.flags):
                connection.execute(delete(table).where(table.c.article_id == article.id))
            self._insert_children(connection, article)
            self._index_text(connection, article, replace=True)
            if entities:
                self._remember_entities(connection, entities)
            if site_vote is not None:
                write_site_votes(connection, article.id, *site_vote)

    def stale_article_ids(self, provenance_key: str) -> list[str]:
        """Articles analysed by other code, models or settings than ``provenance_key`` says."""
        a = schema.articles
        query = select(a.c.id).where(or_(a.c.provenance_key.is_(None), a.c.provenance_key != provenance_key)).order_by(a.c.id)
        with self.engine.connect() as connection:
            return list(connection.scalars(query))

    def article_ids(self) -> list[str]:
        """Every stored article's id, in id order."""
        with self.engine.connect() as connection:
            return list(connection.scalars(select(schema.articles.c.id).order_by(schema.articles.c.id)))

    def provenance_counts(self) -> dict[str | None, int]:
        a = schema.articles
        with self.engine.connect() as connection:
            return dict(connection.execute(select(a.c.provenance_key, func.count()).group_by(a.c.provenance_key)).all())

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

    def _index_text(self, connection, article: Article, replace: bool = False) -> None:
        """SQLite: write the article's FTS5 row and its rowid's map row (``store.fulltext``),
        over its previous row with ``replace``; PostgreSQL indexes by itself."""
        if self.dialect == "sqlite":
            index_texts(connection, [{"id": article.id, "title": article.title, "text": article.text}], replace=replace)

    def _insert_children(self, connection, article: Article) -> None:
        if article.removed:
            connection.execute(
                insert(schema.removed_spans),
                [{"article_id": article.id, **piece.to_json()} for piece in article.removed],
            )
        child_rows = {
            schema.mentions: [_mention_row(article.id, item) for item in article.entities],
            schema.dates: [_span_row(article.id, item, type=item.type, value=item.value) for item in article.dates],
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
            for ids in chunks(article_ids):
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
            func.length(a.c.text).label("length"), schema.lead_column(),
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

    def articles_ingested_since(self, moment: datetime) -> list[str]:
        a = schema.articles
        with self.engine.connect() as connection:
            return list(connection.scalars(select(a.c.id).where(a.c.ingested_at >= moment).order_by(a.c.id)))

    def article_titles(self, article_ids: list[str]) -> dict[str, dict[str, Any]]:
        """``{id: {"title", "source", "language", "lead"}}`` of the given articles (for links)."""
        if not article_ids:
            return {}
        a = schema.articles
        query = select(a.c.id, a.c.title, a.c.source, a.c.language, schema.lead_column()).where(a.c.id.in_(article_ids))
        with self.engine.connect() as connection:
            return {row.id: {"title": row.title, "source": row.source, "language": row.language, "lead": row.lead}
                    for row in connection.execute(query)}
