"""Figures about what a store holds (``newsweave stats``, ``GET /api/stats``)."""

from __future__ import annotations

from typing import Any


from sqlalchemy import func, select

from newsweave.store import schema
from newsweave.store.base import StoreBase

def _reason_family(reason: str) -> str:
    return reason.split(":")[0]


class StatsRecords(StoreBase):
    def flag_counts(self) -> dict[str, dict[str, int]]:
        """``{article_id: {kind: count}}`` for every article with flags (report listings)."""
        f = schema.flags
        counts: dict[str, dict[str, int]] = {}
        with self.engine.connect() as connection:
            for row in connection.execute(select(f.c.article_id, f.c.kind, func.count()).group_by(f.c.article_id, f.c.kind)):
                counts.setdefault(row[0], {})[row[1]] = row[2]
        return counts

    def stats(self) -> dict[str, Any]:
        a = schema.articles
        with self.engine.connect() as connection:
            count = lambda query: connection.scalar(query) or 0  # noqa: E731
            languages: dict[str | None, int] = dict(
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
