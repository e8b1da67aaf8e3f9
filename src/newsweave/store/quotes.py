"""Quotes and their corroboration: what ``assess.corroboration.QuoteMemory`` reads and writes, and the
vectors of short texts it keeps so that no quote is embedded twice."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, delete, insert, or_, select, update

from newsweave.model import Flag
from newsweave.store import schema
from newsweave.store.base import StoreBase, chunks


class QuoteRecords(StoreBase):
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
            for ids in chunks(article_ids):
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
            for ids in chunks(article_ids):
                found.update((row.article_id, row.story_id) for row in connection.execute(select(sa.c.article_id, sa.c.story_id).where(sa.c.article_id.in_(ids))))
        return found

    def members_of_stories(self, story_ids: list[str]) -> dict[str, list[str]]:
        """``{story_id: [article_id, ...]}`` (sorted) of each story asked for."""
        sa = schema.story_articles
        members: dict[str, list[str]] = {story_id: [] for story_id in story_ids}
        with self.engine.connect() as connection:
            for ids in chunks(story_ids):
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
            for chunk in chunks(ids):
                query = select(a.c.id, a.c.annotations).where(a.c.id.in_(chunk))
                annotations.update((row.id, dict(row.annotations or {})) for row in connection.execute(query))
            updates: list[dict[str, Any]] = []
            flag_rows: list[dict[str, Any]] = []
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
            for chunk in chunks(ids):
                connection.execute(delete(f).where(f.c.article_id.in_(chunk), f.c.kind == KIND))
            if flag_rows:
                connection.execute(insert(f), flag_rows)

    def text_vectors(self, keys: list[str]) -> dict[str, bytes]:
        """Stored embeddings (float32 bytes) of the texts with these keys (see ``schema.text_vectors``)."""
        t = schema.text_vectors
        found: dict[str, bytes] = {}
        with self.engine.connect() as connection:
            for chunk in chunks(keys):
                found.update((row.key, bytes(row.vector)) for row in connection.execute(select(t).where(t.c.key.in_(chunk))))
        return found

    def save_text_vectors(self, vectors: dict[str, bytes]) -> None:
        if vectors:
            with self.engine.begin() as connection:
                connection.execute(self._insert_ignore(schema.text_vectors),
                                   [{"key": key, "vector": vector} for key, vector in sorted(vectors.items())])
