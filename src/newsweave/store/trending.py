"""What is growing now: stories ranked by what they gained in the last hours against their
past rate (the idea of EMM NewsBrief's breaking-news alert: a story is "breaking" when its
article count rises well above what its own history predicts).

Time is arrival time (``articles.ingested_at``): a feed of news is watched as it comes, and
an article's stated publication date may be missing or days old. For each story with an
article in the window ``[now - hours, now)``:

* ``recent``: its articles in the window; ``before``: its articles in the ``baseline_days``
  before the window; ``expected`` = ``before`` scaled to the window's length;
* ``ratio`` = (recent + 1) / (expected + 1): +1 on both sides so that a brand-new story
  with one article does not outrank an old one that doubled;
* ``new_sources`` and ``new_languages``: outlets (URL hosts) and languages in the window
  that the story had not had in the baseline period: a story spreading to other newsrooms
  and languages is growing, not just repeating. Only the window and the baseline are read,
  so the cost does not grow with a story's age.

The score is ``ratio × (1 + new_languages / 2 + new_sources / 4)``, the weights set by hand
(no gold data for "trending"); the parts are returned so a reader sees why a story ranks.
"""

from __future__ import annotations

import threading
import time
import weakref
from datetime import UTC, datetime, timedelta
from typing import Any
from sqlalchemy import and_, case, func, select

from newsweave.store import schema
from newsweave.store.database import Store
from newsweave.store.search import outlet

LANGUAGE_WEIGHT, SOURCE_WEIGHT = 0.5, 0.25


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def trending_stories(store: Store, hours: float = 24.0, baseline_days: float = 7.0, limit: int = 10,
                     now: datetime | None = None) -> list[dict[str, Any]]:
    """Stories that gained articles in the last ``hours``, fastest-growing first."""
    now = _aware(now or datetime.now(UTC))
    window_start = now - timedelta(hours=hours)
    baseline_start = window_start - timedelta(days=baseline_days)
    a, sa, s = schema.articles, schema.story_articles, schema.stories
    recent_stories = (
        select(sa.c.story_id).join(a, a.c.id == sa.c.article_id)
        .where(a.c.ingested_at >= window_start, a.c.ingested_at < now).distinct()
    )
    # One row per story, language and outlet: counts in the window and the baseline, and when
    # that language or outlet first reached the story. Counted in the database, so the rows
    # read here do not grow with the stories' lengths.
    host = outlet(store).label("outlet")
    in_window = case((a.c.ingested_at >= window_start, 1), else_=0)
    in_baseline = case((and_(a.c.ingested_at >= baseline_start, a.c.ingested_at < window_start), 1), else_=0)
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(sa.c.story_id, a.c.language, host, func.sum(in_window).label("recent"), func.sum(in_baseline).label("before"),
                   func.count().label("total"), func.min(a.c.ingested_at).label("first_seen"))
            .join(a, a.c.id == sa.c.article_id)
            .where(sa.c.story_id.in_(recent_stories), a.c.ingested_at >= baseline_start, a.c.ingested_at < now)
            .group_by(sa.c.story_id, a.c.language, host)
        ).all()
        labels = {row.id: row for row in connection.execute(
            select(s.c.id, s.c.label, s.c.languages, s.c.first, s.c.last).where(s.c.id.in_(recent_stories))
        )}
    stats: dict[str, dict[str, Any]] = {}
    for row in rows:
        item = stats.setdefault(row.story_id, {"recent": 0, "before": 0, "total": 0, "languages": {}, "sources": {}})
        item["recent"] += int(row.recent or 0)
        item["before"] += int(row.before or 0)
        item["total"] += int(row.total or 0)  # in the window and the baseline
        first = _aware(row.first_seen)
        for kind, value in (("languages", row.language), ("sources", row.outlet)):
            if value:
                item[kind][value] = min(item[kind].get(value, first), first)
    ranked = []
    scale = hours / (baseline_days * 24.0)
    for story_id, item in stats.items():
        new_sources = {value for value, first in item["sources"].items() if first >= window_start}
        new_languages = {value for value, first in item["languages"].items() if first >= window_start}
        expected = item["before"] * scale
        ratio = (item["recent"] + 1) / (expected + 1)
        score = ratio * (1 + LANGUAGE_WEIGHT * len(new_languages) + SOURCE_WEIGHT * len(new_sources))
        story = labels.get(story_id)
        ranked.append({
            "id": story_id, "label": story.label if story else story_id, "languages": story.languages if story else [],
            "first": story.first if story else None, "last": story.last if story else None,
            "recent_articles": item["recent"], "articles_before": item["before"],
            "expected": round(expected, 3), "ratio": round(ratio, 3), "new_sources": sorted(new_sources),
            "new_languages": sorted(new_languages), "score": round(score, 3),
        })
    ranked.sort(key=lambda entry: (-entry["score"], -entry["recent_articles"], entry["id"]))
    return ranked[:limit]


# Answers of ``recent_trending`` kept this long (s): the list is the same for every reader
# and moves by the minute, not by the request.
CACHE_SECONDS = 30.0
_cache: weakref.WeakKeyDictionary[Store, dict[tuple, tuple[float, list[dict[str, Any]]]]] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def recent_trending(store: Store, hours: float = 24.0, baseline_days: float = 7.0, limit: int = 10) -> list[dict[str, Any]]:
    """:func:`trending_stories` as of now, computed at most once per ``CACHE_SECONDS`` per
    store and parameters (a served home page and the API ask for it on every request)."""
    key = (hours, baseline_days, limit)
    moment = time.monotonic()
    with _cache_lock:
        cached = _cache.get(store, {}).get(key)
        if cached and moment - cached[0] < CACHE_SECONDS:
            return cached[1]
    ranked = trending_stories(store, hours, baseline_days, limit)
    with _cache_lock:
        _cache.setdefault(store, {})[key] = (moment, ranked)
    return ranked
