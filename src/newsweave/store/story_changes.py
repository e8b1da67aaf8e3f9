"""The store's part of stories that change (``link/story_changes.py``, revision 0012_story_split):
member signals, splits and merges written in one transaction each and recorded in
``story_changes``, topics, and the resolution of an old story id to the story that holds its
articles now.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import bindparam, delete, func, insert, select, update

from newsweave.store import schema
from newsweave.store.base import StoreBase

# Merges followed from an old id to its survivor, at most (a chain is one merge per step).
RESOLVE_STEPS = 64

_s, _sa, _m, _c, _t = schema.stories, schema.story_articles, schema.story_members, schema.story_changes, schema.topics
_STORY_MEMBERS = (
    select(_m.c.article_id, _m.c.embedding, _m.c.signals)
    .join(_sa, _sa.c.article_id == _m.c.article_id)
    .where(_sa.c.story_id == bindparam("story_id")).order_by(_m.c.id)
)
_UPDATE_READ_STORY = update(_s).where(_s.c.id == bindparam("story_id"), _s.c.version == bindparam("read_version"))
# Statements of every new story, built once (see database.py: building them per call cost more
# than running them).
_TOPICS_OF = select(_s.c.id, _s.c.topic_id).where(_s.c.id.in_(bindparam("story_ids", expanding=True)),
                                                  _s.c.topic_id.is_not(None))
_TOPICS_BY_ID = select(_t).where(_t.c.id.in_(bindparam("topic_ids", expanding=True)))
_UPDATE_TOPIC = update(_t).where(_t.c.id == bindparam("topic"))
_SET_STORY_TOPIC = update(_s).where(_s.c.id == bindparam("story"))


def story_values(story: Any) -> dict[str, Any]:
    """A ``link.story_state.StoryState``'s columns, as ``Store.save_story`` writes them."""
    from newsweave.store.database import _top_counts

    return {"label": story.label, "languages": story.languages, "first": story.first, "last": story.last,
            "centroid": np.asarray(story.centroid_sum, dtype=np.float32).tobytes(), "size": story.size,
            "entity_counts": story.entities, "keyword_counts": _top_counts(story.keywords),
            "version": story.version + 1, "profile": story.profile}


class _Undo(Exception):
    """Rolls a change's transaction back."""


class StoryChangeRecords(StoreBase):
    """``link.story_changes.StoryChangeMemory`` for the store, and the reads the API and report make."""

    # -- member signals ----------------------------------------------------------------------

    def save_member(self, article_id: str, embedding: bytes, signals: dict[str, Any]) -> None:
        with self.engine.begin() as connection:
            connection.execute(self._insert_ignore(_m), {"article_id": article_id, "embedding": embedding,
                                                        "signals": signals})

    def member_signals(self, story_id: str) -> list[tuple[str, bytes, dict[str, Any]]]:
        with self.engine.connect() as connection:
            return [(row.article_id, bytes(row.embedding), dict(row.signals))
                    for row in connection.execute(_STORY_MEMBERS, {"story_id": story_id})]

    # -- splits and merges -------------------------------------------------------------------

    def split_story(self, kept: Any, new: Any, moved: list[str], score: float) -> bool:
        """Write the larger part under the old id and the smaller as a new story in the same
        topic, move its articles, record the split; False (nothing written) if the story
        changed since it was read."""
        from newsweave.store.database import _LATEST_SEQ, _lock_for_story_write

        try:
            with self.engine.begin() as connection:
                _lock_for_story_write(connection)
                seq = int(connection.scalar(_LATEST_SEQ) or 0)
                written = connection.execute(_UPDATE_READ_STORY.returning(_s.c.topic_id),
                                             {"story_id": kept.id, "read_version": kept.version,
                                              **story_values(kept), "seq": seq + 1}).first()
                if written is None:
                    return False
                made = connection.scalar(self._insert_ignore(_s, "id"), {
                    "id": new.id, **story_values(new), "version": 1, "seq": seq + 2, "topic_id": written.topic_id})
                if made is None:  # the new part's id is taken (a story made by an earlier split): undo
                    raise _Undo
                connection.execute(update(_sa).where(_sa.c.article_id.in_(moved)).values(story_id=new.id))
                self._record_change(connection, "split", kept.id, new.id, moved, score)
        except _Undo:
            return False
        return True

    def merge_stories(self, kept: Any, gone: Any, score: float) -> bool:
        """Write the survivor, move the other's articles to it, delete it and record the merge;
        False (nothing written) if either changed since it was read."""
        from newsweave.store.database import _LATEST_SEQ, _lock_for_story_write

        with self.engine.begin() as connection:
            _lock_for_story_write(connection)
            rows = connection.execute(select(_s.c.id, _s.c.version, _s.c.topic_id)
                                      .where(_s.c.id.in_([kept.id, gone.id]))).all()
            current = {row.id: row for row in rows}
            if {key: row.version for key, row in current.items()} != {kept.id: kept.version, gone.id: gone.version}:
                return False
            seq = int(connection.scalar(_LATEST_SEQ) or 0)
            topic = current[kept.id].topic_id or current[gone.id].topic_id
            connection.execute(_UPDATE_READ_STORY, {"story_id": kept.id, "read_version": kept.version,
                                                    **story_values(kept), "seq": seq + 1, "topic_id": topic})
            moved = list(connection.scalars(select(_sa.c.article_id).where(_sa.c.story_id == gone.id)
                                            .order_by(_sa.c.article_id)))
            connection.execute(update(_sa).where(_sa.c.story_id == gone.id).values(story_id=kept.id))
            connection.execute(delete(_s).where(_s.c.id == gone.id))
            # An id that was merged into ``gone`` before now resolves through it to ``kept``.
            self._record_change(connection, "merge", gone.id, kept.id, moved, score)
        return True

    def _record_change(self, connection, kind: str, story_id: str, successor: str, moved: list[str],
                       score: float) -> None:
        connection.execute(insert(_c), {"kind": kind, "story_id": story_id, "successor": successor,
                                        "articles": sorted(moved), "score": round(float(score), 4),
                                        "at": datetime.now(UTC)})

    def story_change_rows(self, story_id: str) -> list[dict[str, Any]]:
        """The splits and merges a story took part in, oldest first."""
        with self.engine.connect() as connection:
            rows = connection.execute(select(_c.c.kind, _c.c.story_id, _c.c.successor, _c.c.articles, _c.c.score,
                                             _c.c.at).where((_c.c.story_id == story_id) | (_c.c.successor == story_id))
                                      .order_by(_c.c.id)).all()
        return [{**dict(row._mapping), "at": row.at.isoformat() if row.at else None} for row in rows]

    def resolve_story(self, story_id: str) -> str | None:
        """The story that holds an id's articles now: the id itself while it exists (a split keeps
        the old id on its larger part), else the survivor of the merge it went into, followed
        through later merges; None for an id never stored."""
        current = story_id
        with self.engine.connect() as connection:
            for _ in range(RESOLVE_STEPS):
                if connection.scalar(select(_s.c.id).where(_s.c.id == current)) is not None:
                    return current
                successor = connection.scalar(select(_c.c.successor).where(_c.c.story_id == current, _c.c.kind == "merge")
                                              .order_by(_c.c.id.desc()).limit(1))
                if successor is None:
                    return None
                current = successor
        return None

    def merged_stories(self) -> list[tuple[str, str]]:
        """(old id, the story that holds its articles now) of every story merged away."""
        with self.engine.connect() as connection:
            gone = sorted(set(connection.scalars(select(_c.c.story_id).where(_c.c.kind == "merge"))))
        resolved = [(story_id, self.resolve_story(story_id)) for story_id in gone]
        return [(story_id, successor) for story_id, successor in resolved if successor and successor != story_id]

    # -- topics ------------------------------------------------------------------------------

    def topics_of(self, story_ids: list[str]) -> dict[str, str]:
        if not story_ids:
            return {}
        with self.engine.connect() as connection:
            return {row.id: row.topic_id for row in connection.execute(_TOPICS_OF, {"story_ids": list(story_ids)})}

    def topics_by_id(self, topic_ids: list[str]) -> list:
        from newsweave.link.story_state import StoryState  # the link stage owns the shape

        if not topic_ids:
            return []
        with self.engine.connect() as connection:
            rows = connection.execute(_TOPICS_BY_ID, {"topic_ids": list(topic_ids)}).all()
        return [StoryState(row.id, np.frombuffer(bytes(row.centroid), dtype=np.float32).copy(), row.size,
                           dict(row.entity_counts or {}), dict(row.keyword_counts or {}), list(row.languages or []),
                           row.first, row.last, row.label) for row in rows]

    def save_topic(self, topic: Any, story_id: str) -> None:
        """Write the topic (last writer wins: a topic is a loose grouping, and two processes adding
        a story to one topic at once lose at most one story's entity counts) and put the story in it."""
        from newsweave.store.database import _top_counts

        values = {"label": topic.label, "languages": topic.languages, "first": topic.first, "last": topic.last,
                  "centroid": np.asarray(topic.centroid_sum, dtype=np.float32).tobytes(), "size": topic.size,
                  "entity_counts": _top_entities(topic.entities), "keyword_counts": _top_counts(topic.keywords)}
        with self.engine.begin() as connection:
            # A topic of one story is new (an update finds no row for it either way).
            if topic.size > 1:
                connection.execute(_UPDATE_TOPIC, {"topic": topic.id, **values})
            else:
                connection.execute(insert(_t), {"id": topic.id, **values})
            connection.execute(_SET_STORY_TOPIC, {"story": story_id, "topic_id": topic.id})

    def topic_rows(self, topic_id: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Topics (one, or a page of all, latest first) with their stories' ids, labels and dates,
        and their span (the topic's own first and last, widened by its stories')."""
        with self.engine.connect() as connection:
            query = select(_t.c.id, _t.c.label, _t.c.languages, _t.c.first, _t.c.last)
            query = query.where(_t.c.id == topic_id) if topic_id else query.order_by(_t.c.last.desc(), _t.c.id)
            topics = connection.execute(query.limit(limit).offset(offset) if limit else query).all()
            stories: dict[str, list[dict[str, Any]]] = {}
            story_query = select(_s.c.id, _s.c.label, _s.c.first, _s.c.last, _s.c.size, _s.c.topic_id).where(
                _s.c.topic_id.in_([topic.id for topic in topics]))
            for row in connection.execute(story_query.order_by(_s.c.first, _s.c.id)):
                stories.setdefault(row.topic_id, []).append(
                    {"id": row.id, "label": row.label, "first": row.first, "last": row.last, "articles": row.size})
        rows = []
        for topic in topics:
            members = stories.get(topic.id, [])
            firsts = [day for day in [topic.first, *(s["first"] for s in members)] if day]
            lasts = [day for day in [topic.last, *(s["last"] for s in members)] if day]
            rows.append({"id": topic.id, "label": topic.label, "languages": list(topic.languages or []),
                         "first": min(firsts) if firsts else None, "last": max(lasts) if lasts else None,
                         "stories": members})
        return rows

    def topic_count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(_t)) or 0)

    def topic_of_story(self, story_id: str) -> dict[str, Any] | None:
        """``{"id", "label", "stories": n}`` of the story's topic, or None."""
        with self.engine.connect() as connection:
            row = connection.execute(select(_t.c.id, _t.c.label).join(_s, _s.c.topic_id == _t.c.id)
                                     .where(_s.c.id == story_id)).first()
            if row is None:
                return None
            count = connection.scalar(select(func.count()).select_from(_s).where(_s.c.topic_id == row.id))
        return {"id": row.id, "label": row.label, "stories": int(count or 0)}

    def clear_story_changes(self, connection) -> None:
        """Within ``clear_stories``' transaction: members, changes and topics go with the stories."""
        for table in (_m, _c, _t):
            connection.execute(delete(table))


# Entities kept per topic (a topic is compared on its most shared ones).
TOPIC_ENTITIES_KEPT = 200


def _top_entities(entities: dict[str, dict[str, Any]], keep: int = TOPIC_ENTITIES_KEPT) -> dict[str, dict[str, Any]]:
    ranked = sorted(entities.items(), key=lambda item: (-item[1].get("n", 0), -item[1].get("m", 0), item[0]))
    return dict(ranked[:keep])
