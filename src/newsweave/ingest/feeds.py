"""RSS and Atom feeds: items that carry their content become articles.

Item links are recorded with the article; they are never fetched.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from newsweave.ingest.documents import document_from_bytes
from newsweave.model import RawDocument, Rejection


def read_feed(data: bytes, source: str) -> Iterator[RawDocument | Rejection]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = "feed has no items"
        if parsed.get("bozo"):
            reason = f"unreadable feed: {parsed.get('bozo_exception')}"
        yield Rejection(source, reason)
        return
    # The feed's own build time is when its items were fetched at the latest: a clue to an
    # item's publication day when the item carries no date.
    fetched = _entry_date(parsed.feed)
    for number, entry in enumerate(parsed.entries, start=1):
        yield from _document_from_entry(entry, f"{source}#item-{number}", fetched)


def _document_from_entry(entry: feedparser.FeedParserDict, source: str,
                         fetched: str | None = None) -> Iterator[RawDocument | Rejection]:
    link = entry.get("link")
    body, body_type = _entry_body(entry)
    if not body:
        where = f" (link recorded, not fetched: {link})" if link else ""
        yield Rejection(source, f"feed item has no content{where}")
        return
    kind = "html" if "html" in body_type or "<" in body else "text"
    links = tuple(sorted({item.get("href") for item in entry.get("links", []) if item.get("href")}))
    yield from document_from_bytes(
        body.encode("utf-8"),
        source,
        kind,
        declared_charset="utf-8",
        url=link,
        title=entry.get("title"),
        published=_entry_date(entry),
        language=_entry_language(entry),
        links=links,
        fetched=fetched,
    )


def _entry_body(entry: feedparser.FeedParserDict) -> tuple[str, str]:
    contents = entry.get("content") or []
    best = max(contents, key=lambda item: len(item.get("value", "")), default=None)
    if best and best.get("value", "").strip():
        return best["value"], best.get("type", "")
    summary = entry.get("summary", "")
    detail = entry.get("summary_detail") or {}
    return summary, detail.get("type", "")


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", value)
    return None


def _entry_language(entry: feedparser.FeedParserDict) -> str | None:
    detail = entry.get("content", [{}])[0] if entry.get("content") else entry.get("summary_detail") or {}
    language = (detail.get("language") or "").split("-")[0].lower()
    return language or None
