"""Atom feeds (RFC 4287) of a search, a story and an entity, built with ``feedgen``.

Each feed is made when a reader asks for it, from the store as it is then, so whatever
``newsweave watch`` (or ``POST /api/articles``) has stored since is in it: a feed reader
polling a search is alerted to new matches. Entries are the newest ``FEED_ENTRIES``
articles, each linking to its page in the UI; their ids are tag URIs of the article id, so
they stay the same whichever host name serves them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from newsweave.api.filters import search_filter
from newsweave.api.queries import story_row
from newsweave.report.entities import entity_slug
from newsweave.report.wording import article_name
from newsweave.store.entity_pages import entity_row
from newsweave.store.search import SearchFilter, search

FEED_ENTRIES = 50
ATOM_TYPE = "application/atom+xml; charset=utf-8"
TAG_AUTHORITY = "newsweave,2024"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (an article title may hold one)."""
    return _NOT_XML.sub("", text)


def _moment(value: Any) -> datetime | None:
    """A publication string (a day or a timestamp) or a datetime as an aware datetime."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def atom_feed(*, feed_id: str, title: str, subtitle: str, self_url: str, page_url: str, base_url: str,
              articles: list[dict[str, Any]]) -> Response:
    """An Atom document of ``articles`` (rows with id, title, language, published, ingested_at, source, url)."""
    feed = FeedGenerator()
    feed.id(f"tag:{TAG_AUTHORITY}:{feed_id}")
    feed.title(_xml(title))
    feed.subtitle(_xml(subtitle))
    feed.link(href=self_url, rel="self", type="application/atom+xml")
    feed.link(href=page_url, rel="alternate", type="text/html")
    feed.author({"name": "newsweave"})
    feed.generator("newsweave")
    moments = []
    for article in reversed(articles[:FEED_ENTRIES]):  # feedgen puts each new entry first
        entry = feed.add_entry()
        entry.id(f"tag:{TAG_AUTHORITY}:article:{article['id']}")
        entry.title(_xml(article_name(article)))
        # One link per entry: feedgen 1.0.0 writes entry links without their rel (its loop
        # variable is shadowed), so a second link would be a second "alternate", which Atom
        # forbids. The original's URL goes in the summary.
        entry.link({"href": f"{base_url}articles/{article['id']}.html", "rel": "alternate", "type": "text/html"})
        updated = _moment(article.get("ingested_at")) or _moment(article.get("published")) or datetime.now(UTC)
        entry.updated(updated)
        moments.append(updated)
        if published := _moment(article.get("published")):
            entry.published(published)
        language = article.get("language") or "unknown language"
        origin = article.get("url") or article.get("source") or ""
        entry.summary(_xml(f"{language} · published {article.get('published') or 'unknown'} · {origin}"))
    feed.updated(max(moments) if moments else datetime.now(UTC))
    return Response(feed.atom_str(pretty=True), media_type=ATOM_TYPE)


def feeds_router() -> APIRouter:
    """``/feeds/search.atom`` (the search's query parameters), ``/feeds/stories/{id}.atom``,
    ``/feeds/entities/{id}.atom``."""
    router = APIRouter(prefix="/feeds", tags=["feeds"])

    def newest(request: Request, wanted: SearchFilter) -> list[dict[str, Any]]:
        return search(request.app.state.store, wanted, limit=FEED_ENTRIES, facets=False)["items"]

    @router.get("/search.atom", summary="Atom feed of a search (same parameters as GET /api/search)",
                response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
    def search_feed(request: Request, wanted: Annotated[SearchFilter, Depends(search_filter)]) -> Response:
        query = request.url.query
        described = ", ".join(f"{key}={value}" for key, value in request.query_params.items()) or "all articles"
        base = str(request.base_url)
        return atom_feed(feed_id=f"search:{query}", title=f"newsweave search: {described}", subtitle="Newest matching articles",
                         self_url=str(request.url), page_url=f"{base}search" + (f"?{query}" if query else ""), base_url=base,
                         articles=newest(request, wanted))

    @router.get("/stories/{story_id}.atom", summary="Atom feed of a story's articles",
                response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
    def story_feed(request: Request, story_id: str) -> Response:
        story = story_row(request.app.state.store, story_id)
        if story is None:
            raise HTTPException(404, f"no story with id {story_id!r}")
        base = str(request.base_url)
        return atom_feed(feed_id=f"story:{story_id}", title=f"newsweave story: {story['label']}", subtitle="Newest articles of the story",
                         self_url=str(request.url), page_url=f"{base}stories/{story_id}", base_url=base,
                         articles=newest(request, SearchFilter(story=story_id)))

    @router.get("/entities/{entity_id}.atom", summary="Atom feed of the articles naming an entity",
                response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
    def entity_feed(request: Request, entity_id: str) -> Response:
        entity = entity_row(request.app.state.store, entity_id)
        if entity is None:
            raise HTTPException(404, f"no entity with id {entity_id!r}")
        base = str(request.base_url)
        return atom_feed(feed_id=f"entity:{entity_id}", title=f"newsweave: {entity['canonical']}",
                         subtitle=f"Newest articles naming {entity['canonical']}", self_url=str(request.url),
                         page_url=f"{base}entities/{entity_slug(entity_id)}.html", base_url=base,
                         articles=newest(request, SearchFilter(entity=entity_id)))

    return router
