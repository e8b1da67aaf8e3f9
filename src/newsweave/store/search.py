"""Faceted article search: full text plus filters, counts per facet value, stable pages.

Filters: words (SQLite FTS5 / PostgreSQL ``tsvector``, as ``GET /api/articles``), language,
publication date range, entity, place within a radius, story, flag kind and source (the
host of the article's URL, the outlet). Each filter narrows the article ids with a
parameterised subquery; facet counts are GROUP BYs over the narrowed set, every filter
applied. Pages are ordered by publication date (newest first, undated last), then id, so a
page boundary never moves between two requests on an unchanged store.

A place filter looks up the entities with coordinates in the circle (a bounding box in SQL,
then the great-circle distance here, over the few entities the box holds) and keeps the
articles that mention one of them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select, text
from sqlalchemy.sql import Select

from newsweave.assess.corroboration import KIND as UNCORROBORATED
from newsweave.assess.dates import KIND as DATE_INCONSISTENT
from newsweave.assess.filler import KIND as GENERIC_FILLER
from newsweave.assess.leaks import KIND as BOILERPLATE_LEAK
from newsweave.assess.promotion import KIND as UNDISCLOSED_PROMOTION
from newsweave.assess.quotes import KIND as UNSOURCED_QUOTE
from newsweave.assess.translation import KIND as MACHINE_TRANSLATION
from newsweave.store import schema
from newsweave.store.database import Store

# Every flag kind the assessors write (a store may hold more, from newer code).
FLAG_KINDS = tuple(sorted({UNCORROBORATED, DATE_INCONSISTENT, GENERIC_FILLER, BOILERPLATE_LEAK, UNDISCLOSED_PROMOTION,
                           UNSOURCED_QUOTE, MACHINE_TRANSLATION}))
EARTH_RADIUS_KM = 6371.0088
# Facet values listed per facet (the most frequent); languages and flag kinds are few anyway.
FACET_VALUES = 10
SUMMARY_COLUMNS = ("id", "source", "url", "title", "language", "published", "published_basis", "duplicate_of", "copies")
_PG_MATCH = (
    "to_tsvector('simple', coalesce(articles.title, '') || ' ' || articles.text) "
    "@@ websearch_to_tsquery('simple', :fulltext)"
)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Near:
    """A circle on the globe: centre (degrees) and radius (km)."""

    lat: float
    lon: float
    km: float


@dataclass(frozen=True)
class SearchFilter:
    q: str | None = None
    language: str | None = None
    since: date | None = None
    until: date | None = None
    entity: str | None = None
    near: Near | None = None
    story: str | None = None
    flag: str | None = None
    source: str | None = None

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def known_flag_kind(store: Store, kind: str) -> bool:
    if kind in FLAG_KINDS:
        return True
    with store.engine.connect() as connection:
        return connection.scalar(select(schema.flags.c.id).where(schema.flags.c.kind == kind).limit(1)) is not None


def outlet(store: Store) -> ColumnElement:
    """The host of ``articles.url`` (lower case) as a SQL expression; NULL without a URL."""
    url = schema.articles.c.url
    if store.dialect == "postgresql":
        host = func.split_part(func.split_part(url, "://", 2), "/", 1)
        return case((url.like("%://%"), func.lower(host)), else_=None)
    rest = func.substr(url, func.instr(url, "://") + 3)
    cut = func.instr(rest, "/")
    host = func.substr(rest, 1, case((cut > 0, cut - 1), else_=func.length(rest)))
    return case((func.instr(url, "://") > 0, func.lower(host)), else_=None)


def fts5_query(words: str) -> str | None:
    """A user's words as a safe FTS5 query: every word a quoted phrase, all required."""
    tokens = _WORD.findall(words)
    return " ".join(f'"{token}"' for token in tokens) or None


def matching_ids(store: Store, words: str) -> Select:
    """Article ids whose title or text holds all the words."""
    if store.dialect == "postgresql":
        return select(schema.articles.c.id).where(text(_PG_MATCH).bindparams(fulltext=words))
    query = fts5_query(words)
    if query is None:
        return select(schema.articles.c.id).where(text("1 = 0"))
    return select(text("article_id")).select_from(text("articles_fts")).where(
        text("articles_fts MATCH :fulltext").bindparams(fulltext=query)
    )


def entities_near(store: Store, near: Near) -> list[str]:
    """Ids of entities with coordinates within ``near.km`` of the centre."""
    e = schema.entities
    lat_span = math.degrees(near.km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(near.lat)), 1e-6)
    lon_span = min(math.degrees(near.km / EARTH_RADIUS_KM / cos_lat), 180.0)
    box = and_(e.c.lat.is_not(None), e.c.lon.is_not(None), e.c.lat.between(near.lat - lat_span, near.lat + lat_span))
    if lon_span < 180.0:
        low, high = near.lon - lon_span, near.lon + lon_span
        # A box over the antimeridian wraps round: two ranges.
        box = and_(box, (e.c.lon.between(low, high)) | (e.c.lon <= high - 360) | (e.c.lon >= low + 360))
    with store.engine.connect() as connection:
        rows = connection.execute(select(e.c.entity_id, e.c.lat, e.c.lon).where(box)).all()
    return [row.entity_id for row in rows if distance_km(near.lat, near.lon, row.lat, row.lon) <= near.km]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def filtered(store: Store, wanted: SearchFilter, columns: list | None = None) -> Select:
    """The articles matching every filter (``columns`` of ``articles``; the summary by default)."""
    a = schema.articles
    query = select(*(columns if columns is not None else [a.c[name] for name in SUMMARY_COLUMNS]))
    if wanted.language:
        query = query.where(a.c.language == wanted.language)
    if wanted.since:
        query = query.where(a.c.published >= wanted.since.isoformat())
    if wanted.until:
        # ``published`` is a day or a timestamp string; everything before the next day counts.
        query = query.where(a.c.published < (wanted.until + timedelta(days=1)).isoformat())
    if wanted.story:
        sa = schema.story_articles
        query = query.where(a.c.id.in_(select(sa.c.article_id).where(sa.c.story_id == wanted.story)))
    if wanted.entity:
        m = schema.mentions
        query = query.where(a.c.id.in_(select(m.c.article_id).where(m.c.entity_id == wanted.entity)))
    if wanted.near:
        m = schema.mentions
        query = query.where(a.c.id.in_(select(m.c.article_id).where(m.c.entity_id.in_(entities_near(store, wanted.near)))))
    if wanted.flag:
        f = schema.flags
        query = query.where(a.c.id.in_(select(f.c.article_id).where(f.c.kind == wanted.flag)))
    if wanted.source:
        query = query.where(outlet(store) == wanted.source.lower())
    if wanted.q:
        query = query.where(a.c.id.in_(matching_ids(store, wanted.q)))
    return query


def search(store: Store, wanted: SearchFilter, limit: int = 20, offset: int = 0, facets: bool = True) -> dict[str, Any]:
    """One page of matching articles (newest first, then by id), the total, and facet counts."""
    a = schema.articles
    query = filtered(store, wanted).add_columns(outlet(store).label("outlet"), a.c.ingested_at)
    with store.engine.connect() as connection:
        total = connection.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = connection.execute(
            query.order_by(a.c.published.desc().nulls_last(), a.c.id).limit(limit).offset(offset)
        ).all()
        counts = facet_counts(store, connection, wanted) if facets else {}
    return {"total": total, "limit": limit, "offset": offset, "items": [dict(row._mapping) for row in rows],
            "facets": counts}


def facet_counts(store: Store, connection, wanted: SearchFilter) -> dict[str, list[dict[str, Any]]]:
    """Articles per language, source, flag kind, story, entity and month, among the matches."""
    a = schema.articles
    ids = filtered(store, wanted, [a.c.id]).subquery()
    facets: dict[str, list[dict[str, Any]]] = {}

    def grouped(name: str, key, joined: Select, extra=None) -> None:
        count = func.count(func.distinct(ids.c.id)).label("count")
        columns = [key.label("value"), count] + ([extra.label("label")] if extra is not None else [])
        query = joined.with_only_columns(*columns).where(key.is_not(None)).group_by(key, *([extra] if extra is not None else []))
        rows = connection.execute(query.order_by(count.desc(), key).limit(FACET_VALUES)).all()
        facets[name] = [dict(row._mapping) for row in rows]

    on_articles = select(ids.c.id).join(a, a.c.id == ids.c.id)
    grouped("language", a.c.language, on_articles)
    grouped("source", outlet(store), on_articles)
    grouped("month", func.substr(a.c.published, 1, 7), on_articles)
    f = schema.flags
    grouped("flag", f.c.kind, select(ids.c.id).join(f, f.c.article_id == ids.c.id))
    sa, s = schema.story_articles, schema.stories
    grouped("story", sa.c.story_id, select(ids.c.id).join(sa, sa.c.article_id == ids.c.id).join(s, s.c.id == sa.c.story_id),
            s.c.label)
    m, e = schema.mentions, schema.entities
    grouped("entity", m.c.entity_id, select(ids.c.id).join(m, m.c.article_id == ids.c.id).join(e, e.c.entity_id == m.c.entity_id),
            e.c.canonical)
    return facets
