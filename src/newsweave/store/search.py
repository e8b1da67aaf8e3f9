"""Faceted article search: full text plus filters, counts per facet value, stable pages.

Filters: words (SQLite FTS5 / PostgreSQL ``tsvector``, as ``GET /api/articles``), language,
publication date range, entity, place within a radius, story, flag kind and source (the
host of the article's URL, the outlet). Each filter narrows the article ids with a
parameterised subquery; facet counts are over the narrowed set, every filter applied. Pages are ordered by publication date (newest first, undated last), then id, so a
page boundary never moves between two requests on an unchanged store.

A place filter looks up the entities with coordinates in the circle (a bounding box in SQL,
then the great-circle distance here, over the few entities the box holds) and keeps the
articles that mention one of them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, select, text, union_all
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
# ``search_document``: the stored tsvector of the title and text (PostgreSQL only, revision 0011).
_PG_MATCH = "articles.search_document @@ websearch_to_tsquery('simple', :fulltext)"
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
    """One page of matching articles (newest first, then by id), the total, and facet counts.

    The filters are evaluated once for the page, the total and the counts by language, source
    and month: a light row per match (id, language, outlet, month) is read and counted here,
    which costs less than a GROUP BY per facet that would each evaluate the filters again.
    Flag kinds, stories and entities are counted in the database (a join each).
    """
    a = schema.articles
    host = outlet(store).label("outlet")
    order = (a.c.published.desc().nulls_last(), a.c.id)
    with store.engine.connect() as connection:
        if facets:
            light = connection.execute(
                filtered(store, wanted, [a.c.id, a.c.language, host, func.substr(a.c.published, 1, 7).label("month")]).order_by(*order)
            ).all()
            total = len(light)
            page_ids = [row.id for row in light[offset:offset + limit]]
        else:
            total = connection.scalar(select(func.count()).select_from(filtered(store, wanted, [a.c.id]).subquery())) or 0
            page_ids = list(connection.scalars(filtered(store, wanted, [a.c.id]).order_by(*order).limit(limit).offset(offset)))
        rows = {row.id: dict(row._mapping) for row in connection.execute(
            select(*(a.c[name] for name in SUMMARY_COLUMNS), host, a.c.ingested_at).where(a.c.id.in_(page_ids))
        )} if page_ids else {}
        counts = {}
        if facets:
            counts = {"language": _counted(row.language for row in light), "source": _counted(row.outlet for row in light),
                      "month": _counted(row.month for row in light), **joined_facets(store, connection, wanted)}
    return {"total": total, "limit": limit, "offset": offset, "items": [rows[i] for i in page_ids if i in rows], "facets": counts}


def _counted(values) -> list[dict[str, Any]]:
    """The ``FACET_VALUES`` most frequent non-null values with their counts (ties by value)."""
    counts = Counter(value for value in values if value is not None)
    return [{"value": value, "count": count} for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:FACET_VALUES]]


def joined_facet_counts(store: Store, wanted: SearchFilter):
    """The statement counting the matches per flag kind, story and entity (``FACET_VALUES``
    rows each: facet, value, count).

    One statement: the matches are a MATERIALIZED common table expression, evaluated once
    and read three times (an ``IN (subquery)`` per facet evaluated the filters again each).
    """
    a = schema.articles
    matched = filtered(store, wanted, [a.c.id]).cte("matched").prefix_with("MATERIALIZED")
    f, sa, m = schema.flags, schema.story_articles, schema.mentions
    parts = []
    for name, key, article in (("flag", f.c.kind, f.c.article_id), ("story", sa.c.story_id, sa.c.article_id),
                               ("entity", m.c.entity_id, m.c.article_id)):
        # Each (article, value) pair once, then counted: cheaper than COUNT(DISTINCT) per group.
        # ``IN (matched)``, not a join: with a join SQLite (no table statistics) read every
        # mention through an index and probed the matches; with IN it looks up the matched
        # articles' own rows in the (article_id, value) indexes of revision 0011.
        pairs = (select(article.label("article_id"), key.label("value"))
                 .where(article.in_(select(matched.c.id)), key.is_not(None)).distinct().subquery(f"pairs_{name}"))
        count = func.count().label("count")
        part = (select(literal(name).label("facet"), pairs.c.value, count).group_by(pairs.c.value)
                .order_by(count.desc(), pairs.c.value).limit(FACET_VALUES).subquery(f"top_{name}"))
        parts.append(select(*part.c))
    return union_all(*parts)


def joined_facets(store: Store, connection, wanted: SearchFilter) -> dict[str, list[dict[str, Any]]]:
    """Matching articles per flag kind, story and entity (most frequent first, with labels)."""
    facets: dict[str, list[dict[str, Any]]] = {"flag": [], "story": [], "entity": []}
    for row in connection.execute(joined_facet_counts(store, wanted)):
        facets[row.facet].append({"value": row.value, "count": row.count})
    for name, table, key, label in (("story", schema.stories, schema.stories.c.id, schema.stories.c.label),
                                    ("entity", schema.entities, schema.entities.c.entity_id, schema.entities.c.canonical)):
        values = facets[name]
        if values:
            labels = dict(connection.execute(select(key, label).where(key.in_([value["value"] for value in values]))).all())
            for value in values:
                value["label"] = labels.get(value["value"])
        facets[name].sort(key=lambda value: (-value["count"], value["value"]))
    facets["flag"].sort(key=lambda value: (-value["count"], value["value"]))
    return facets
