"""Invented articles ingested for real (annotators, embedding, story linker, SQLite store), and the
story each one ends in: what the tests of event-aware stories read."""

from __future__ import annotations

from pathlib import Path

from newsweave.pipeline import ingest
from newsweave.store import Store


def stories_by_url(data: Path, db_path: Path) -> dict[str, dict]:
    """Ingest the articles of ``data`` into a new store at ``db_path``; the story row of each
    article, keyed by the article's URL."""
    store = Store(str(db_path))
    try:
        ingest([str(data)], store)
        stories = store.story_rows()
        return {summary["url"]: next(s for s in stories if summary["id"] in s["article_ids"])
                for summary in store.article_summaries()}
    finally:
        store.close()
