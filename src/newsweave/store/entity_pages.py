"""What an entity page shows: its spellings by language, its articles and stories over time,
its quotes by language, and the entities it appears with most.

One entity is one ``entities`` row, linked across spellings and languages by the link stage;
its mentions (``mentions.entity_id``) say where it is named, ``quotes.speaker_entity_id``
what it said. Every query is parameterised and bounded (``LIST_LIMIT`` rows a list), so a
page about a much-named entity costs the same few queries as one about a rare one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Text, cast, func, or_, select

from newsweave.store import schema
from newsweave.store.database import Store
from newsweave.store.search import page_order

ENTITY_COLUMNS = ("entity_id", "canonical", "label", "aliases", "languages", "lat", "lon", "country")
# Rows per list on an entity page (articles, quotes per language, stories, companions).
LIST_LIMIT = 50
COMPANIONS = 12
# Companions are counted over at most this many articles naming the entity (the newest):
# past it the counts are a sample (``companions_exact``), and the most named entity's page
# costs what a common one's does (counting every article weighed ~30,000 mention pairs).
COMPANION_SAMPLE = 1000


def entity_row(store: Store, entity_id: str) -> dict[str, Any] | None:
    e = schema.entities
    with store.engine.connect() as connection:
        row = connection.execute(select(*(e.c[name] for name in ENTITY_COLUMNS)).where(e.c.entity_id == entity_id)).first()
    return dict(row._mapping) if row else None


def entity_profile(store: Store, entity_id: str) -> dict[str, Any] | None:
    """Everything an entity page lists, or None for an unknown id."""
    row = entity_row(store, entity_id)
    if row is None:
        return None
    with store.engine.connect() as connection:
        spellings = _spellings(connection, entity_id)
        total = _article_count(connection, entity_id)
        profile = {
            **row,
            "spellings": spellings,
            "mention_languages": sorted({item["language"] or "?" for item in spellings}),
            "articles_total": total,
            "per_day": _per_day(connection, entity_id),
            "articles": _articles(connection, entity_id),
            "stories": _stories(connection, entity_id),
            "quotes": _quotes_by_language(connection, entity_id),
            "companions": _companions(connection, entity_id, sampled=total > COMPANION_SAMPLE),
            "companions_exact": total <= COMPANION_SAMPLE,
        }
    return profile


def _mentioning(entity_id: str):
    m = schema.mentions
    return select(m.c.article_id).where(m.c.entity_id == entity_id)


def _spellings(connection, entity_id: str) -> list[dict[str, Any]]:
    m, a = schema.mentions, schema.articles
    count = func.count().label("mentions")
    rows = connection.execute(
        select(m.c.text, a.c.language, count, func.count(func.distinct(m.c.article_id)).label("articles"))
        .join(a, a.c.id == m.c.article_id).where(m.c.entity_id == entity_id)
        .group_by(m.c.text, a.c.language).order_by(count.desc(), m.c.text, a.c.language).limit(LIST_LIMIT)
    ).all()
    return [dict(row._mapping) for row in rows]


def _article_count(connection, entity_id: str) -> int:
    m = schema.mentions
    return connection.scalar(select(func.count(func.distinct(m.c.article_id))).where(m.c.entity_id == entity_id)) or 0


def _per_day(connection, entity_id: str) -> list[dict[str, Any]]:
    """Articles naming the entity per publication day (undated ones are left out)."""
    a = schema.articles
    day = func.substr(a.c.published, 1, 10)
    rows = connection.execute(
        select(day.label("day"), func.count().label("articles")).where(a.c.id.in_(_mentioning(entity_id)), a.c.published.is_not(None))
        .group_by(day).order_by(day)
    ).all()
    return [dict(row._mapping) for row in rows]


def _articles(connection, entity_id: str) -> list[dict[str, Any]]:
    a = schema.articles
    rows = connection.execute(
        select(a.c.id, a.c.title, a.c.language, a.c.published, a.c.source, a.c.url, a.c.duplicate_of, a.c.ingested_at,
               schema.lead_column())
        .where(a.c.id.in_(_mentioning(entity_id))).order_by(*page_order()).limit(LIST_LIMIT)
    ).all()
    return [dict(row._mapping) for row in rows]


def _stories(connection, entity_id: str) -> list[dict[str, Any]]:
    s, sa = schema.stories, schema.story_articles
    count = func.count().label("articles")
    rows = connection.execute(
        select(s.c.id, s.c.label, s.c.first, s.c.last, count).join(sa, sa.c.story_id == s.c.id)
        .where(sa.c.article_id.in_(_mentioning(entity_id)))
        .group_by(s.c.id, s.c.label, s.c.first, s.c.last).order_by(s.c.first.nulls_last(), s.c.id).limit(LIST_LIMIT)
    ).all()
    return [dict(row._mapping) for row in rows]


def _quotes_by_language(connection, entity_id: str) -> dict[str, list[dict[str, Any]]]:
    q, a = schema.quotes, schema.articles
    rows = connection.execute(
        select(q.c.article_id, q.c.text, q.c.start, q.c.end, q.c.direct, q.c.cue, a.c.language, a.c.published, a.c.title, a.c.source,
               schema.lead_column())
        .join(a, a.c.id == q.c.article_id).where(q.c.speaker_entity_id == entity_id)
        .order_by(a.c.language, a.c.published.desc().nulls_last(), q.c.article_id, q.c.start).limit(LIST_LIMIT * 4)
    ).all()
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        items = grouped.setdefault(row.language or "?", [])
        if len(items) < LIST_LIMIT:
            items.append(dict(row._mapping))
    return grouped


def _companions(connection, entity_id: str, sampled: bool = False) -> list[dict[str, Any]]:
    """The entities named in the most articles that also name this one; ``sampled``: among
    the newest ``COMPANION_SAMPLE`` of them (walking the articles in page order finds them
    fast only when the entity is in many: for fewer, every article naming it is read)."""
    m, e, a = schema.mentions, schema.entities, schema.articles
    articles_of: Any = _mentioning(entity_id)
    if sampled:
        articles_of = (select(a.c.id).where(a.c.id.in_(articles_of))
                       .order_by(*page_order()).limit(COMPANION_SAMPLE))
    # Each (article, entity) pair once, then counted: cheaper than COUNT(DISTINCT) per group.
    pairs = (select(m.c.article_id, m.c.entity_id).where(m.c.article_id.in_(articles_of), m.c.entity_id != entity_id)
             .distinct().subquery("pairs"))
    articles = func.count().label("articles")
    top = (select(pairs.c.entity_id, articles).group_by(pairs.c.entity_id).order_by(articles.desc(), pairs.c.entity_id)
           .limit(COMPANIONS).subquery("top"))
    rows = connection.execute(
        select(e.c.entity_id, e.c.canonical, e.c.label, top.c.articles).join(top, top.c.entity_id == e.c.entity_id)
        .order_by(top.c.articles.desc(), e.c.entity_id)
    ).all()
    return [dict(row._mapping) for row in rows]


def entity_list(store: Store, words: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Entities whose name, any alias or any spelling met in an article holds ``words``
    (case-insensitive), most mentioned first."""
    e, m = schema.entities, schema.mentions
    counts = select(m.c.entity_id, func.count().label("mentions")).group_by(m.c.entity_id).subquery()
    mentions = func.coalesce(counts.c.mentions, 0).label("mentions")
    query = select(*(e.c[name] for name in ENTITY_COLUMNS), mentions).outerjoin(counts, counts.c.entity_id == e.c.entity_id)
    if words:
        spelled = select(m.c.entity_id).where(m.c.text.icontains(words, autoescape=True))
        query = query.where(or_(
            e.c.canonical.icontains(words, autoescape=True),
            cast(e.c.aliases, Text).icontains(words, autoescape=True),
            e.c.entity_id.in_(spelled),
        ))
    query = query.order_by(mentions.desc(), e.c.entity_id)
    with store.engine.connect() as connection:
        total = connection.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = connection.execute(query.limit(limit).offset(offset)).all()
    return {"total": total, "limit": limit, "offset": offset, "items": [dict(row._mapping) for row in rows]}
