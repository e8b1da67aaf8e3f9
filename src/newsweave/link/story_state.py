"""What the linker keeps of a story (:class:`StoryState`), how an article is folded into it,
and what it needs from the store (:class:`StoryMemory`).

Beside the centroid and the entity counts a story keeps a ``profile`` (stored as JSON):

* ``days``: how many of its articles report each day (TIMEX3 dates of day precision, event
  dates; an article with none counts its publication day, marked ``inferred``). The story's
  first and last dates are the span of these days, so a story dated by what it reports, not
  by when one article appeared;
* ``years``: how many of its articles have each latest year named (``ArticleSignals.year``),
  the date clue of articles that report no day;
* ``quantities``: the numbers its articles report outside dates (``ArticleSignals.quantities``)
  and how many articles have each;
* ``weekdays``: how many of its articles name each weekday of no known week
  (``ArticleSignals.weekdays``: "on Sunday" in a report with no date), the day clue of undated reports;
* ``events``: PLOVER event types and how many articles have each;
* ``participants``: entity keys of its events' actors and targets, and how many articles have each;
* ``heads``: per language, the headline and first sentence of its most central article so far
  (the highest cosine to the story's centroid when it joined), which title the story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from newsweave.link.story_signals import ArticleSignals

# Entities of a story compared with an article's: those in most of its articles, then most
# mentioned (a one-article story keeps its 30 most mentioned).
STORY_TOP_ENTITIES = 30
# Reported days kept per story (the most reported; a long story's background dates fall off).
STORY_DAYS_KEPT = 60
# Quantities a story keeps (the most reported).
STORY_QUANTITIES_KEPT = 60
# Longest title made from a first sentence when the article has no headline.
TITLE_MAX_CHARS = 110


def unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm).astype(np.float32) if norm > 0 else vector.astype(np.float32)


@dataclass(frozen=True)
class ComparedEntities:
    """A story's side of the entity comparison with an article (``story_score.score_story``):
    its top entities' weights and names, and every entity's label."""

    weights: dict[str, int]
    names: dict[str, str]
    labels: dict[str, str]


@dataclass
class StoryState:
    """What the linker keeps of a story: enough to score, update and label it."""

    id: str
    centroid_sum: np.ndarray
    size: int = 0
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)  # key → {"n": articles, "m": mentions, "name"}
    keywords: dict[str, int] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    first: str | None = None
    last: str | None = None
    label: str = ""
    version: int = 0  # as read from the store; 0: not stored yet
    profile: dict[str, Any] = field(default_factory=dict)  # days, events, heads (see the module docstring)
    # ``compared_entities`` as built at a size (a copy or a replaced state builds its own).
    _compared: tuple[int, ComparedEntities] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def centroid(self) -> np.ndarray:
        return unit(self.centroid_sum)

    def top_entities(self, count: int = STORY_TOP_ENTITIES) -> list[str]:
        ranked = sorted(self.entities.items(), key=lambda item: (-item[1]["n"], -item[1].get("m", 0), item[0]))
        return [key for key, _ in ranked[:count]]

    def entity_weights(self) -> dict[str, int]:
        """Mentions of the top entities, what an article's entities are compared with."""
        return {key: self.entities[key].get("m") or self.entities[key]["n"] for key in self.top_entities()}

    def entity_labels(self) -> dict[str, str]:
        return {key: str(self.entities[key].get("label", "")) for key in self.entities}

    def compared_entities(self) -> ComparedEntities:
        """The story's side of an entity comparison, built once per size: its entities change only
        as articles fold in (``fold_signals``), and a split review scores each member's one-article
        story against every other member."""
        if self._compared is None or self._compared[0] != self.size:
            weights = self.entity_weights()
            names = {key: self.entities[key].get("name", "") for key in weights}
            self._compared = (self.size, ComparedEntities(weights, names, self.entity_labels()))
        return self._compared[1]

    @property
    def days(self) -> dict[str, int]:
        return self.profile.setdefault("days", {})

    @property
    def events(self) -> dict[str, int]:
        return self.profile.setdefault("events", {})

    @property
    def participants(self) -> dict[str, int]:
        return self.profile.setdefault("participants", {})

    @property
    def heads(self) -> dict[str, dict[str, Any]]:
        return self.profile.setdefault("heads", {})


class StoryConflict(Exception):
    """Another writer changed the story after it was read (raised by ``StoryMemory.save_story``)."""


class StoryMemory(Protocol):
    """What story assignment needs from the store."""

    # The store object's own story linker (``link.stories.linker_for``), None until first used.
    story_linker: Any

    def stories_since(self, seq: int) -> Iterable[tuple[str, bytes, int]]:
        """(id, centroid sum as float32 bytes, seq) of stories changed after ``seq``, in seq order."""
        ...

    def latest_story_seq(self) -> int: ...

    def stories_by_id(self, story_ids: list[str], keywords: bool = True) -> list[StoryState]:
        """Stored stories; without ``keywords``, for scoring only (keyword counts left empty)."""
        ...

    def story_of(self, article_id: str) -> str | None: ...

    def save_story(self, story: StoryState, article_id: str) -> int | None:
        """Write if ``story.version`` is still the stored one (else raise StoryConflict); the new
        seq, or None when the article was filed under a story before (nothing written)."""
        ...

    def story_index_file(self) -> tuple[Path, str] | None:
        """Where to keep the index snapshot, and an id of this database it must match."""
        ...


def add_to_story(story: StoryState, signals: ArticleSignals, article_id: str = "") -> None:
    """Fold one article's signals into the story: centroid, entities, keywords, days, events,
    headline, label."""
    from newsweave.link.story_labels import story_label  # labels read the state this builds

    fold_signals(story, signals)
    _add_days(story, signals)
    for kind in signals.events:
        story.events[kind] = story.events.get(kind, 0) + 1
    for key in signals.participants:
        story.participants[key] = story.participants.get(key, 0) + 1
    _add_quantities(story, signals)
    if signals.weekdays:
        weekdays = story.profile.setdefault("weekdays", {})
        for weekday in signals.weekdays:
            weekdays[str(weekday)] = weekdays.get(str(weekday), 0) + 1
    _consider_head(story, signals, article_id)
    story.label = story_label(story)


def fold_signals(state: StoryState, signals: ArticleSignals) -> None:
    """What a story and a topic both keep of an article: centroid, size, entities, keywords,
    languages."""
    if state.centroid_sum.size == 0:
        state.centroid_sum = np.zeros_like(signals.embedding, dtype=np.float32)
    state.centroid_sum = (state.centroid_sum + signals.embedding).astype(np.float32)
    state.size += 1
    for key, name in signals.entities.items():
        entry = state.entities.setdefault(key, {"n": 0, "m": 0, "name": name})
        entry["n"] += 1
        entry["m"] = entry.get("m", 0) + signals.mentions.get(key, 1)
        if signals.labels.get(key) and not entry.get("label"):
            entry["label"] = signals.labels[key]
    for word, count in Counter(signals.keywords).items():
        state.keywords[word] = state.keywords.get(word, 0) + count
    if signals.language and signals.language not in state.languages:
        state.languages = sorted([*state.languages, signals.language])


def most_counted(counts: dict[str, int], keep: int) -> dict[str, int]:
    """A bounded part of the profile: ``counts`` itself within ``keep`` entries, else its
    ``keep`` most counted (ties by key, so that every process keeps the same)."""
    if len(counts) <= keep:
        return counts
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:keep])


def _add_quantities(story: StoryState, signals: ArticleSignals) -> None:
    """Count the article's quantities; past ``STORY_QUANTITIES_KEPT`` the least reported go."""
    if not signals.quantities:
        return
    kept = story.profile.setdefault("quantities", {})
    for value in signals.quantities:
        kept[value] = kept.get(value, 0) + 1
    story.profile["quantities"] = most_counted(kept, STORY_QUANTITIES_KEPT)


def _add_days(story: StoryState, signals: ArticleSignals) -> None:
    """Reported days (or the publication day, marked inferred), and the span they give."""
    days = story.days
    for day in signals.days:
        days[day.isoformat()] = days.get(day.isoformat(), 0) + 1
    if not signals.days and signals.day:
        inferred = story.profile.setdefault("inferred", {})
        inferred[signals.day.isoformat()] = inferred.get(signals.day.isoformat(), 0) + 1
    if signals.year:
        years = story.profile.setdefault("years", {})
        years[str(signals.year)] = years.get(str(signals.year), 0) + 1
    story.profile["days"] = most_counted(days, STORY_DAYS_KEPT)
    story.first, story.last = story_span(story, signals)


def story_span(story: StoryState, signals: ArticleSignals) -> tuple[str | None, str | None]:
    """First and last day: of the days its articles report, and the publication days of those
    that report none (a publication date says when a report appeared, not when the events it
    reports happened); the article's publication day only while nothing else dates the story."""
    span = profile_span(story)
    if span is None and signals.day:
        return signals.day.isoformat(), signals.day.isoformat()
    return span or (story.first, story.last)


def profile_span(story: StoryState) -> tuple[str, str] | None:
    """The first and last day of the story's date profile (reported days and the inferred
    publication days), or None when it holds none."""
    dated = list(story.days) + list(story.profile.get("inferred", {}))
    return (min(dated), max(dated)) if dated else None


def _consider_head(story: StoryState, signals: ArticleSignals, article_id: str) -> None:
    """Keep the article's headline for its language when it is the most central so far (an
    article with a headline before one without: a text with none is titled by its first
    sentence, shortened). Centrality is the cosine to the centroid at the time the article
    joined (stories drift, so an old score is only an estimate; re-reading every member
    would cost a pass over them at each join)."""
    title = signals.headline or short_title(signals.summary)
    if not title:
        return
    centrality = float(np.dot(unit(signals.embedding), story.centroid))
    rank = (bool(signals.headline), centrality)
    language = signals.language or "und"
    held = story.heads.get(language)
    if held is None or rank > (bool(held.get("headline", True)), float(held.get("centrality", -1.0))):
        story.heads[language] = {"title": title, "summary": signals.summary, "article": article_id,
                                 "centrality": round(centrality, 4), "headline": bool(signals.headline)}


def short_title(sentence: str) -> str:
    """A first sentence cut at a word boundary to ``TITLE_MAX_CHARS``, marked with an ellipsis."""
    if len(sentence) <= TITLE_MAX_CHARS:
        return sentence
    return sentence[:TITLE_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"
