"""Read queries behind the HTTP API and the web UI: filtered, paginated, parameterised only.

Every value a client sends reaches the database as a bound parameter (SQLAlchemy Core
expressions or ``text()`` with ``:name`` binds); nothing is formatted into SQL. Article
filters are ``store.search``'s (one :class:`SearchFilter` for every route that filters
articles).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.sql import Select

from newsweave.report.stories import story_heading, story_timeline
from newsweave.store import Store, schema
from newsweave.store.feedback import VERDICTS, flag_json
from newsweave.store.entity_pages import ENTITY_COLUMNS
# fts5_query is part of this module's interface (tests/api/test_app.py).
from newsweave.store.search import SUMMARY_COLUMNS, SearchFilter, filtered, fts5_query, page_order  # noqa: F401

# Longest page a client may ask for: enough for a UI list, small enough that one request
# cannot make the server serialise the whole store.
MAX_PAGE = 200


@dataclass(frozen=True)
class Page:
    limit: int = 20
    offset: int = 0


# Columns clients see (articles: ``store.search.SUMMARY_COLUMNS``): tables also hold working
# state (story centroids, signatures) that is neither JSON nor meant for readers.
STORY_COLUMNS = ("id", "label", "languages", "first", "last")
TIMELINE_KEYS = ("date", "article_id", "start", "end", "text", "event_type", "inferred", "inferred_reason")


def list_articles(store: Store, wanted: SearchFilter, page: Page) -> dict[str, Any]:
    """One page of article summaries (newest first, undated last), with the total that matched."""
    a = schema.articles
    query = filtered(store, wanted, [*(a.c[name] for name in SUMMARY_COLUMNS), func.length(a.c.text).label("length"), schema.lead_column()])
    with store.engine.connect() as connection:
        total = connection.scalar(select(func.count()).select_from(filtered(store, wanted, [a.c.id]).subquery())) or 0
        rows = connection.execute(query.order_by(*page_order()).limit(page.limit).offset(page.offset)).all()
    return {"total": total, "limit": page.limit, "offset": page.offset, "items": [dict(row._mapping) for row in rows]}


def article_detail(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article JSON of the contract plus where it came from and which stories hold it."""
    article = store.get_article(article_id)
    if article is None:
        return None
    sa = schema.story_articles
    with store.engine.connect() as connection:
        stories = list(connection.scalars(select(sa.c.story_id).where(sa.c.article_id == article_id)))
    marks = store.feedback_counts(article_id)
    flags = [_with_marks(flag_json(article.id, flag), marks) for flag in article.flags]
    return {**article.to_json(), "flags": flags, "sources": store.sources_of(article_id), "stories": stories}


def _with_marks(flag: dict[str, Any], marks: dict[str, dict[str, int]]) -> dict[str, Any]:
    """A flag's JSON with its id and readers' marks: ``{"wrong": n, "right": n}``."""
    found = marks.get(flag["id"], {})
    return {**flag, "feedback": {verdict: found.get(verdict, 0) for verdict in VERDICTS}}


def flag_detail(store: Store, flag_id: str) -> dict[str, Any] | None:
    """One flag with its article id and readers' marks, or None when no stored flag has the id."""
    found = store.find_flag(flag_id)
    if found is None:
        return None
    article, flag = found
    return {**_with_marks(flag_json(article.id, flag), store.feedback_counts(article.id)), "article_id": article.id}


def entity_detail(store: Store, entity_id: str, page: Page) -> dict[str, Any] | None:
    e, m = schema.entities, schema.mentions
    with store.engine.connect() as connection:
        row = connection.execute(select(*(e.c[name] for name in ENTITY_COLUMNS)).where(e.c.entity_id == entity_id)).first()
    if row is None:
        return None
    mentions = select(m.c.article_id, m.c.label, m.c.start, m.c.end, m.c.source_start, m.c.source_end, m.c.text).where(
        m.c.entity_id == entity_id
    )
    return {**dict(row._mapping), "mentions": _page_of(store, mentions.order_by(m.c.article_id, m.c.start), page)}


def list_stories(store: Store, page: Page) -> dict[str, Any]:
    s, sa = schema.stories, schema.story_articles
    counts = select(sa.c.story_id, func.count().label("articles")).group_by(sa.c.story_id).subquery()
    query = select(*(s.c[name] for name in STORY_COLUMNS), func.coalesce(counts.c.articles, 0).label("articles")).outerjoin(counts, counts.c.story_id == s.c.id)
    return _page_of(store, query.order_by(s.c.last.desc(), s.c.id), page)


def story_row(store: Store, story_id: str) -> dict[str, Any] | None:
    """A story's columns and its article ids (the shape of ``Store.story_rows``), or None."""
    s, sa = schema.stories, schema.story_articles
    with store.engine.connect() as connection:
        row = connection.execute(select(*(s.c[name] for name in STORY_COLUMNS)).where(s.c.id == story_id)).first()
        if row is None:
            return None
        ids = list(connection.scalars(select(sa.c.article_id).where(sa.c.story_id == story_id).order_by(sa.c.article_id)))
    return {**dict(row._mapping), "article_ids": ids}


def story_detail(store: Store, story_id: str, language: str | None = None) -> dict[str, Any] | None:
    """A story with its articles and its timeline (the report's, ``report.stories``), in date
    order; its ``summary`` (the first sentence of the article that titles it), and its
    ``label`` in the reader's ``language`` when one of its articles is written in it."""
    row = story_row(store, story_id)
    if row is None:
        return None
    heading = story_heading(store, story_id, language)
    if language and heading and heading["language"] == language:
        row["label"] = heading["title"]
    row["summary"] = heading["summary"] if heading else None
    row["label_language"] = heading["language"] if heading else None
    articles = list_articles(store, SearchFilter(story=story_id), Page(limit=MAX_PAGE))["items"]
    entries, _ = story_timeline(store, row["article_ids"])
    timeline = [{key: entry.get(key) for key in TIMELINE_KEYS} for entry in entries]
    return {**row, "articles": articles, "timeline": timeline, "topic": store.topic_of_story(story_id),
            "changes": store.story_change_rows(story_id)}


def list_topics(store: Store, page: Page) -> dict[str, Any]:
    """A page of topics with their stories, latest first."""
    return {"total": store.topic_count(), "limit": page.limit, "offset": page.offset,
            "items": store.topic_rows(limit=page.limit, offset=page.offset)}


def topic_detail(store: Store, topic_id: str) -> dict[str, Any] | None:
    rows = store.topic_rows(topic_id)
    return rows[0] if rows else None


def list_quotes(store: Store, speaker: str | None, words: str | None, page: Page) -> dict[str, Any]:
    q = schema.quotes
    query = select(
        q.c.article_id, q.c.start, q.c.end, q.c.source_start, q.c.source_end, q.c.text, q.c.speaker,
        q.c.speaker_name, q.c.speaker_entity_id, q.c.cue, q.c.direct,
    )
    if speaker:
        query = query.where(q.c.speaker_name.icontains(speaker, autoescape=True))
    if words:
        query = query.where(q.c.text.icontains(words, autoescape=True))
    return _page_of(store, query.order_by(q.c.article_id, q.c.start), page)


def _page_of(store: Store, query: Select, page: Page) -> dict[str, Any]:
    with store.engine.connect() as connection:
        total = connection.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = connection.execute(query.limit(page.limit).offset(page.offset)).all()
    return {"total": total, "limit": page.limit, "offset": page.offset, "items": [dict(row._mapping) for row in rows]}


def stored_article_for(store: Store, source: str, raw_sha256: str) -> str | None:
    """The article an input became (None if it was rejected or never seen)."""
    sources = schema.article_sources
    with store.engine.connect() as connection:
        return connection.scalar(
            select(sources.c.article_id).where(sources.c.source == source, sources.c.raw_sha256 == raw_sha256)
        )


def rejection_reasons(store: Store, source: str) -> list[str]:
    """Why an input was rejected (every recorded reason, oldest first)."""
    table = schema.rejections
    with store.engine.connect() as connection:
        return list(connection.scalars(select(table.c.reason).where(table.c.source == source).order_by(table.c.id)))
