"""Readers' marks on flags: a flag's stable id, its verdicts ("wrong" / "right"), and their export.

Stored flag rows get a new autoincrement id whenever an article is analysed again
(``replace_analysis``, corroboration), so a mark cannot point at the row. A flag's id is
derived instead from what makes it that flag: its article, its kind and its evidence offsets
(``<article id>-<12 hex>``). The same finding on the same words keeps its id across analyses,
and the article id at its front finds the flag without an extra table.

Each mark keeps a copy of the flag it judged (kind, message, evidence): the detectors change,
and the marks are data for the next round only if they still say what the reader saw.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select

from newsweave.model import Article, Flag
from newsweave.store import schema
from newsweave.store.articles import ArticleRecords

VERDICTS = ("wrong", "right")
# A reader's comment on a flag: a sentence or two; more is not feedback.
MAX_COMMENT_CHARS = 2000
# ``<article id>-<digest>``: article ids are the first 16 hex digits of a content hash.
FLAG_ID = re.compile(r"^(?P<article>[0-9a-f]{16})-(?P<digest>[0-9a-f]{12})$")


def flag_id(article_id: str, flag: Flag) -> str:
    """The flag's stable id: its article, kind and evidence offsets (the message when it has
    no evidence, so two evidence-less flags of one kind stay apart)."""
    where = ";".join(f"{span.start}:{span.end}" for span in flag.evidence) or flag.message
    digest = hashlib.sha256(f"{flag.kind}|{where}".encode()).hexdigest()[:12]
    return f"{article_id}-{digest}"


def flag_article_id(ident: str) -> str | None:
    """The article id inside a flag id, or None when ``ident`` is not a flag id at all."""
    found = FLAG_ID.match(ident)
    return found.group("article") if found else None


def flags_with_ids(article: Article) -> list[tuple[str, Flag]]:
    return [(flag_id(article.id, flag), flag) for flag in article.flags]


def flag_json(article_id: str, flag: Flag) -> dict[str, Any]:
    """The contract's flag JSON with its ``id`` first (API and report)."""
    return {"id": flag_id(article_id, flag), **flag.to_json()}


class FeedbackRecords(ArticleRecords):
    """Marks on flags: written by the API and the web UI, read by the pages and ``export``."""

    def find_flag(self, ident: str) -> tuple[Article, Flag] | None:
        """The article and flag a flag id names, or None (malformed id, gone article or flag)."""
        article_id = flag_article_id(ident)
        article = self.get_article(article_id) if article_id else None
        if article is None:
            return None
        return next(((article, flag) for found, flag in flags_with_ids(article) if found == ident), None)

    def add_feedback(self, ident: str, verdict: str, comment: str | None = None) -> dict[str, Any] | None:
        """Store a reader's verdict on the flag ``ident``; returns the stored mark (None: no such flag)."""
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}")
        found = self.find_flag(ident)
        if found is None:
            return None
        article, flag = found
        row = {
            "flag_id": ident, "article_id": article.id, "kind": flag.kind, "message": flag.message,
            "evidence": [span.to_json() for span in flag.evidence], "verdict": verdict,
            "comment": (comment or "").strip() or None, "at": datetime.now(UTC),
        }
        with self.engine.begin() as connection:
            statement = insert(schema.flag_feedback).returning(schema.flag_feedback.c.id)
            new_id = connection.execute(statement, row).scalar_one()
        return _public({**row, "id": new_id})

    def feedback_counts(self, article_id: str) -> dict[str, dict[str, int]]:
        """``{flag id: {verdict: count}}`` for the marks on one article's flags."""
        t = schema.flag_feedback
        counts: dict[str, dict[str, int]] = {}
        query = (select(t.c.flag_id, t.c.verdict, func.count()).where(t.c.article_id == article_id)
                 .group_by(t.c.flag_id, t.c.verdict))
        with self.engine.connect() as connection:
            for ident, verdict, count in connection.execute(query):
                counts.setdefault(ident, {})[verdict] = count
        return counts

    def feedback_rows(self) -> Iterator[dict[str, Any]]:
        """Every mark, oldest first (``export --what feedback``)."""
        t = schema.flag_feedback
        with self.engine.connect() as connection:
            rows = connection.execute(select(t).order_by(t.c.id)).all()
        for row in rows:
            yield _public(dict(row._mapping))


def _public(row: dict[str, Any]) -> dict[str, Any]:
    """A mark as clients see it: the time as ISO 8601 text (SQLite hands back a naive datetime)."""
    at = row["at"]
    if isinstance(at, datetime):
        at = (at if at.tzinfo else at.replace(tzinfo=UTC)).isoformat()
    keys = ("id", "flag_id", "article_id", "kind", "message", "evidence", "verdict", "comment")
    return {**{key: row[key] for key in keys}, "at": at}
