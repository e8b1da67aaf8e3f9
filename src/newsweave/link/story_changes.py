"""Stories change as news does: online, a story that turns out to hold two events splits, two
stories that converge merge, and each story sits in a looser topic.

All three decisions use the linker's own join score (``story_score.score_story``), so a change
never contradicts what assignment would have done with what is known now:

* **split** — when a story reaches one of the review sizes (``review_due``), its members'
  signals (kept per article in the store, :class:`StoryChangeMemory`) are grouped in two by
  average linkage over their pairwise join scores; when the two groups score against each other
  under the join threshold less ``story_split_margin`` (a negative margin: see
  ``LinkSettings``), the smaller group leaves as a new story.
  The larger group keeps the old id, so links to it stay valid;
* **merge** — an article that fits two stories (both at or above the join threshold) is a sign
  that they converge: when the two stories score against each other at least the threshold plus
  ``story_merge_margin`` (``story_merge_language_margin`` for two stories told in no common
  language that report a common day, ``merge_margin``), the smaller is folded into the larger, and
  its id resolves to the survivor from then on (the store records every change: ``story_changes``);
* **topics** — a new story joins the topic of a nearby story when its first article fits the
  topic on a looser rule (cosine plus entity evidence, no day rule, a wider time window):
  "Hamburg port strike" within "German port labour dispute". A split's new part stays in the
  topic of the story it left.

Two stories are compared by scoring each, seen as one article (:func:`story_as_signals`: its
centroid, entities, days, events and participants), against the other, and taking the mean.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from functools import cache
from typing import Any, Protocol, runtime_checkable

import numpy as np

from newsweave.link import story_score
from newsweave.link.story_score import EntityFrequencies, article_gap, entity_evidence, score_story
from newsweave.link.story_signals import ArticleSignals, parse_day
from newsweave.link.story_state import (STORY_DAYS_KEPT, STORY_QUANTITIES_KEPT, StoryState, add_to_story, fold_signals,
                                        most_counted, story_span, unit)

# Days of a story offered as its own "reported days" when it is compared as one article.
STORY_DAYS_COMPARED = 6
# Keywords kept per member (only labels read them).
MEMBER_KEYWORDS = 40
# Growth between two split reviews of one story (each costs a read of its members).
REVIEW_GROWTH = 1.3


@runtime_checkable
class StoryChangeMemory(Protocol):
    """What splits, merges and topics need from the store beside ``StoryMemory``."""

    def save_member(self, article_id: str, embedding: bytes, signals: dict[str, Any]) -> None:
        """Keep an article's story signals (what a later split regroups)."""
        ...

    def member_signals(self, story_id: str) -> list[tuple[str, bytes, dict[str, Any]]]:
        """(article id, embedding, signals) of the story's members that have them, in filing order."""
        ...

    def split_story(self, kept: StoryState, new: StoryState, moved: list[str], score: float) -> bool:
        """Write both parts and move ``moved`` to ``new``, if ``kept.version`` is still the stored one."""
        ...

    def merge_stories(self, kept: StoryState, gone: StoryState, score: float) -> bool:
        """Write ``kept`` (both folded in), move ``gone``'s articles to it and delete ``gone``,
        if both versions are still the stored ones; ``gone.id`` resolves to ``kept.id`` after."""
        ...

    def resolve_story(self, story_id: str) -> str | None:
        """The story that holds an id's articles now (itself, or the survivor of its merges)."""
        ...

    def topics_of(self, story_ids: list[str]) -> dict[str, str]:
        """Story id → topic id, for those of the given stories that have a topic."""
        ...

    def topics_by_id(self, topic_ids: list[str]) -> list[StoryState]:
        """Topics in the shape of a story (centroid of their stories' first articles, entities,
        span; ``size``: stories)."""
        ...

    def save_topic(self, topic: StoryState, story_id: str) -> None:
        """Write the topic and put the story in it."""
        ...


def supports_changes(memory: object) -> bool:
    """Stores keep member signals and record changes; a bare ``StoryMemory`` (a bench's) does not."""
    return isinstance(memory, StoryChangeMemory)


def successor_of(memory: Any, story_id: str) -> list[StoryState]:
    """The survivor of a story merged away (read whole), as a one-item list; [] when there is
    none: another writer's article then folds into the survivor instead of making the old id anew."""
    successor = memory.resolve_story(story_id) if supports_changes(memory) else None
    return memory.stories_by_id([successor]) if successor and successor != story_id else []


# --- member signals ------------------------------------------------------------------------


def signals_json(signals: ArticleSignals) -> dict[str, Any]:
    """An article's signals less its embedding (stored apart, as float32 bytes)."""
    return {
        "entities": signals.entities, "mentions": signals.mentions, "labels": signals.labels,
        "keywords": signals.keywords[:MEMBER_KEYWORDS], "language": signals.language,
        "day": signals.day.isoformat() if signals.day else None,
        "days": [day.isoformat() for day in signals.days], "events": list(signals.events),
        "participants": list(signals.participants), "headline": signals.headline, "summary": signals.summary,
        "year": signals.year, "quantities": list(signals.quantities), "weekdays": list(signals.weekdays),
    }


def signals_from_json(embedding: bytes, data: dict[str, Any]) -> ArticleSignals:
    days = tuple(day for day in map(parse_day, data.get("days") or []) if day)
    return ArticleSignals(
        np.frombuffer(embedding, dtype=np.float32).copy(), dict(data.get("entities") or {}),
        list(data.get("keywords") or []), parse_day(data.get("day")), data.get("language"),
        dict(data.get("mentions") or {}), days, tuple(data.get("events") or ()), dict(data.get("labels") or {}),
        data.get("headline") or "", data.get("summary") or "", tuple(data.get("participants") or ()),
        data.get("year"), tuple(data.get("quantities") or ()), tuple(data.get("weekdays") or ()),
    )


def remember_member(memory: StoryChangeMemory, article_id: str, signals: ArticleSignals) -> None:
    memory.save_member(article_id, np.asarray(signals.embedding, dtype=np.float32).tobytes(), signals_json(signals))


# --- comparing two stories -----------------------------------------------------------------


def story_as_signals(story: StoryState, against: StoryState | None = None) -> ArticleSignals:
    """A story seen as one article: its centroid, entities with their mentions, its most reported
    days, its event types and participants, and its language when all its reports are in one
    (``sole_language``; ``against``: the story it is compared with). No publication day: a story's days are compared
    through its reported days (the day conflict), not by the time rule meant for one article."""
    days = sorted(story.days.items(), key=lambda item: (-item[1], item[0]))[:STORY_DAYS_COMPARED]
    reported = tuple(day for day in (parse_day(value) for value, _ in days) if day)
    return ArticleSignals(
        unit(story.centroid_sum), {key: str(entry.get("name", key)) for key, entry in story.entities.items()},
        [], None, sole_language(story, against), story.entity_weights(), reported, tuple(story.events),
        story.entity_labels(), participants=tuple(story.participants),
        year=story_year(story), quantities=tuple(story.profile.get("quantities") or ()),
        weekdays=tuple(int(weekday) for weekday in story.profile.get("weekdays") or ()),
    )


def sole_language(story: StoryState, against: StoryState | None = None) -> str | None:
    """The language a story seen as one article is read in: its own when all its reports are in
    one, or one of its own when none of them is a language of the story it is compared with
    (``against``); else None. A story told in languages new to the other story reads less alike
    to it for the languages alone, as one article does (``story_score.language_gap``), and the
    names of the two are read across their spellings."""
    if len(story.languages) == 1 or (story.languages and against is not None
                                     and set(story.languages).isdisjoint(against.languages)):
        return story.languages[0]
    return None


def story_year(story: StoryState) -> int | None:
    """The latest year most of the story's articles name (the later on a tie)."""
    years = story.profile.get("years") or {}
    return int(max(years, key=lambda year: (years[year], year))) if years else None


def pair_score(a: StoryState, b: StoryState, frequencies: EntityFrequencies) -> float | None:
    """Mean of each story's join score against the other; None when time rules them apart."""
    there, back = score_story(story_as_signals(a, b), b, frequencies), score_story(story_as_signals(b, a), a, frequencies)
    return None if there is None or back is None else (there + back) / 2


def state_of(story_id: str, members: Iterable[tuple[str, ArticleSignals]], version: int = 0) -> StoryState:
    """A story rebuilt from its members' signals, in filing order."""
    story = StoryState(story_id, np.zeros(0, np.float32))
    for article_id, signals in members:
        add_to_story(story, signals, article_id)  # the first sizes the centroid (fold_signals)
    story.version = version
    return story


# --- split ---------------------------------------------------------------------------------


def review_due(size: int) -> bool:
    """Whether a story of this size is reviewed for a split: at ``story_split_min_size`` and each
    ``REVIEW_GROWTH`` of growth after it, so a story's reviews cost O(1) member reads per article."""
    settings = story_score.SETTINGS
    if size < settings.story_split_min_size or size > settings.story_split_max_size:
        return False
    return size in _review_sizes(settings.story_split_min_size, settings.story_split_max_size)


@cache
def _review_sizes(start: int, end: int) -> frozenset[int]:
    """The sizes from ``start`` to ``end`` growing by ``REVIEW_GROWTH``; asked at every filing
    (split review and re-offer), so computed once per pair of bounds."""
    sizes, size = set(), float(start)
    while size <= end:
        sizes.add(int(size))
        size = max(size * REVIEW_GROWTH, int(size) + 1)
    return frozenset(sizes)


def pairwise_scores(signals: list[ArticleSignals], frequencies: EntityFrequencies) -> np.ndarray:
    """Each pair of members' join score (mean of both directions, each seen as a one-article
    story); a pair that time rules apart scores -1."""
    singles = [state_of("", [("", one)]) for one in signals]
    count = len(signals)
    scores = np.full((count, count), -1.0)
    for i in range(count):
        for j in range(i + 1, count):
            there = score_story(signals[i], singles[j], frequencies)
            back = score_story(signals[j], singles[i], frequencies)
            if there is not None and back is not None:
                scores[i, j] = scores[j, i] = (there + back) / 2
    return scores


def two_groups(scores: np.ndarray) -> tuple[list[int], list[int]]:
    """Average-linkage agglomeration of the members down to two groups, larger first (on a tie,
    the one holding the first member)."""
    groups: list[list[int]] = [[i] for i in range(len(scores))]
    linkage = scores.astype(np.float64).copy()
    np.fill_diagonal(linkage, -np.inf)
    while len(groups) > 2:
        found = np.unravel_index(int(np.argmax(linkage)), linkage.shape)
        i, j = sorted((int(found[0]), int(found[1])))
        a, b = len(groups[i]), len(groups[j])
        merged = (linkage[i] * a + linkage[j] * b) / (a + b)  # average linkage (Lance–Williams)
        linkage[i], linkage[:, i] = merged, merged
        linkage[i, i] = -np.inf
        linkage = np.delete(np.delete(linkage, j, axis=0), j, axis=1)
        groups[i] += groups.pop(j)
    first, second = sorted(groups, key=lambda group: (-len(group), min(group)))
    return sorted(first), sorted(second)


def spectral_halves(scores: np.ndarray) -> tuple[list[int], list[int]]:
    """The members cut in two by the sign of the Fiedler vector of the normalised Laplacian of
    their join-score graph (negative scores weigh nothing), larger first (on a tie, the one
    holding the first member). numpy's ``eigh`` is enough at review sizes (≤ a few dozen)."""
    weights = np.clip(scores.astype(np.float64), 0.0, None)
    np.fill_diagonal(weights, 0.0)
    degree = weights.sum(axis=1)
    scale = np.where(degree > 0, 1.0 / np.sqrt(np.where(degree > 0, degree, 1.0)), 0.0)
    laplacian = np.eye(len(weights)) - scale[:, None] * weights * scale[None, :]
    _, vectors = np.linalg.eigh(laplacian)
    fiedler = vectors[:, 1] * scale  # back to the random-walk form: its sign gives the cut
    one = [i for i in range(len(weights)) if fiedler[i] >= 0]
    two = [i for i in range(len(weights)) if fiedler[i] < 0]
    first, second = sorted((one, two), key=lambda group: (-len(group), min(group) if group else len(weights)))
    return first, second


def neighbour_purity(scores: np.ndarray, larger: list[int], smaller: list[int], neighbours: int) -> float:
    """Mean share of each member's nearest members (by join score) that lie in its own half.
    Each member looks at ``neighbours`` of them, fewer when the smaller half cannot hold that
    many (a part of two could never be pure at three neighbours); 0 when a half is a single member."""
    count = min(neighbours, len(smaller) - 1)
    if count < 1:
        return 0.0
    side = np.zeros(len(scores), dtype=bool)
    side[smaller] = True
    ranked = scores.astype(np.float64).copy()
    np.fill_diagonal(ranked, -np.inf)
    nearest = np.argsort(-ranked, axis=1, kind="stable")[:, :count]
    return float(np.mean(side[nearest] == side[:, None]))


def split_groups(scores: np.ndarray) -> tuple[list[int], list[int], bool]:
    """The two groups a review weighs: (larger, smaller, pure). ``pure``: the spectral halves'
    members keep their nearest neighbours at home (``story_split_purity``), which splits the
    story whatever the groups score together; otherwise the average-linkage groups, which split
    only when they score apart (``review_split``)."""
    settings = story_score.SETTINGS
    if settings.story_split_spectral and len(scores) >= 2 * settings.story_split_min_part:
        larger, smaller = spectral_halves(scores)
        if len(smaller) >= settings.story_split_min_part and \
                neighbour_purity(scores, larger, smaller, settings.story_split_neighbours) >= settings.story_split_purity:
            return larger, smaller, True
    larger, smaller = two_groups(scores)
    return larger, smaller, False


def parted_by_language(kept: StoryState, new: StoryState) -> bool:
    """Whether the two halves share no language and report a day in common: one event told in two
    languages falls into pure halves by language (reports in one language read most alike to each
    other), so such halves split, like impure ones, only when they also score apart. Two events of
    one kind a week apart, each told in its own languages, report no common day and split as before."""
    return (bool(kept.languages and new.languages) and set(kept.languages).isdisjoint(new.languages)
            and not set(kept.days).isdisjoint(new.days))


def split_id(story_id: str, first_moved: str) -> str:
    return hashlib.blake2b(f"story-split:{story_id}:{first_moved}".encode(), digest_size=8).hexdigest()


def review_split(memory: StoryChangeMemory, story: StoryState,
                 frequencies: EntityFrequencies) -> tuple[StoryState, StoryState, list[str]] | None:
    """Split the story if it holds two events: (kept, new, the articles moved to new) as written, or None."""
    settings = story_score.SETTINGS
    rows = memory.member_signals(story.id)
    if len(rows) != story.size or len(rows) < 2:
        return None  # members filed before their signals were kept: the story cannot be regrouped
    members = [(article_id, signals_from_json(vector, data)) for article_id, vector, data in rows]
    larger, smaller, pure = split_groups(pairwise_scores([signals for _, signals in members], frequencies))
    if len(smaller) < settings.story_split_min_part:
        return None
    kept = state_of(story.id, [members[i] for i in larger], story.version)
    moved = [members[i] for i in smaller]
    new = state_of(split_id(story.id, moved[0][0]), moved)
    score = pair_score(kept, new, frequencies)
    parted = parted_by_language(kept, new)
    if (not pure or parted) and score is not None and score >= settings.story_join_threshold - settings.story_split_margin:
        return None
    if parted and score is not None and score >= settings.story_join_threshold + settings.story_merge_language_margin:
        return None  # halves told in two languages that would merge again (``merge_margin``) stay one
    moved_ids = [article_id for article_id, _ in moved]
    if not memory.split_story(kept, new, moved_ids, -1.0 if score is None else score):
        return None  # changed meanwhile: reviewed again when it grows
    kept.version += 1
    new.version = 1
    return kept, new, moved_ids


# --- merge ---------------------------------------------------------------------------------


def review_merge(memory: StoryChangeMemory, story: StoryState, rival: StoryState,
                 frequencies: EntityFrequencies) -> tuple[StoryState, str] | None:
    """Merge two stories that score together: (the survivor as written, the id that went), or None."""
    settings = story_score.SETTINGS
    if span_gap(story, rival) > settings.story_max_gap_days:
        return None  # as the linker's time rule: no article that far off joins a story
    score = pair_score(story, rival, frequencies)
    if score is None or score < settings.story_join_threshold + merge_margin(story, rival):
        return None
    kept, gone = (story, rival) if story.size >= rival.size else (rival, story)
    merged = combined_states(kept, gone)
    if not memory.merge_stories(merged, gone, score):
        return None
    merged.version += 1
    return merged, gone.id


def merge_margin(story: StoryState, rival: StoryState) -> float:
    """What two stories an article fits both must score over the join threshold to merge:
    ``story_merge_margin``, or ``story_merge_language_margin`` when they share no language and
    report a day in common (``parted_by_language``): one event told apart in two languages, each
    language's reports gathered first because they read most alike to each other."""
    settings = story_score.SETTINGS
    return settings.story_merge_language_margin if parted_by_language(story, rival) else settings.story_merge_margin


def span_gap(a: StoryState, b: StoryState) -> int:
    """Days between two stories' spans (0 when they overlap or one is undated)."""
    a_first, a_last, b_first, b_last = (parse_day(value) for value in (a.first, a.last, b.first, b.last))
    if a_first is None or a_last is None or b_first is None or b_last is None:
        return 0
    if a_last < b_first:
        return (b_first - a_last).days
    return (a_first - b_last).days if b_last < a_first else 0


# Profile counts a merge adds up (``heads`` and the span are combined apart).
MERGED_PARTS = ("days", "inferred", "events", "participants", "quantities", "years", "weekdays")


def combined_states(kept: StoryState, gone: StoryState) -> StoryState:
    """``kept`` with ``gone`` folded in (counts added, spans joined, each language's most central
    headline); ``kept``'s id and read version."""
    from newsweave.link.story_labels import story_label  # labels read the state this builds

    merged = StoryState(kept.id, (kept.centroid_sum + gone.centroid_sum).astype(np.float32), kept.size + gone.size,
                        {key: dict(entry) for key, entry in kept.entities.items()}, dict(kept.keywords),
                        sorted({*kept.languages, *gone.languages}), version=kept.version)
    for key, entry in gone.entities.items():
        mine = merged.entities.setdefault(key, {"n": 0, "m": 0, "name": entry.get("name", key)})
        mine["n"] += entry.get("n", 0)
        mine["m"] = mine.get("m", 0) + entry.get("m", 0)
        if entry.get("label") and not mine.get("label"):
            mine["label"] = entry["label"]
    for word, count in gone.keywords.items():
        merged.keywords[word] = merged.keywords.get(word, 0) + count
    for part in MERGED_PARTS:
        counts = dict(kept.profile.get(part) or {})
        for key, count in (gone.profile.get(part) or {}).items():
            counts[key] = counts.get(key, 0) + count
        if counts:
            merged.profile[part] = counts
    if "quantities" in merged.profile:
        merged.profile["quantities"] = most_counted(merged.profile["quantities"], STORY_QUANTITIES_KEPT)
    merged.profile["days"] = most_counted(merged.days, STORY_DAYS_KEPT)
    merged.profile["heads"] = _central_heads(kept.heads, gone.heads)
    merged.first, merged.last = _span(merged, kept, gone)
    merged.label = story_label(merged)
    return merged


def _central_heads(*sides: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    heads: dict[str, dict[str, Any]] = {}
    for side in sides:
        for language, head in side.items():
            held = heads.get(language)
            rank = (bool(head.get("headline", True)), float(head.get("centrality", -1.0)))
            if held is None or rank > (bool(held.get("headline", True)), float(held.get("centrality", -1.0))):
                heads[language] = dict(head)
    return heads


def _span(merged: StoryState, *parts: StoryState) -> tuple[str | None, str | None]:
    if merged.days or merged.profile.get("inferred"):
        no_article = ArticleSignals(np.zeros(0, np.float32), {}, [], None, None)
        return story_span(merged, no_article)
    firsts = [part.first for part in parts if part.first]
    lasts = [part.last for part in parts if part.last]
    return (min(firsts) if firsts else None, max(lasts) if lasts else None)


# --- topics --------------------------------------------------------------------------------


def topic_score(signals: ArticleSignals, topic: StoryState, frequencies: EntityFrequencies) -> float | None:
    """The looser rule: cosine to the topic plus its entity evidence, None past its time window."""
    settings = story_score.SETTINGS
    # An undated article is timed by the days it reports, as for stories (``article_gap``).
    if article_gap(signals, topic) > settings.topic_max_gap_days:
        return None
    labels = {**topic.entity_labels(), **signals.labels}
    evidence = entity_evidence(signals.entity_weights(), topic.entity_weights(), labels, frequencies)
    return float(np.dot(signals.embedding, topic.centroid)) + settings.topic_entity_weight * evidence


def best_topic(signals: ArticleSignals, topics: list[StoryState],
               frequencies: EntityFrequencies) -> StoryState | None:
    best: tuple[float, StoryState] | None = None
    for topic in topics:
        score = topic_score(signals, topic, frequencies)
        if score is not None and score >= story_score.SETTINGS.topic_join_threshold and (best is None or score > best[0]):
            best = (score, topic)
    return best[1] if best else None


def add_to_topic(topic: StoryState, signals: ArticleSignals) -> None:
    """Fold a story's first article into its topic: centroid, entities, keywords, span, label."""
    from newsweave.link.story_labels import keyword_label

    fold_signals(topic, signals)
    days = [day for day in (*signals.report_days(), *(d for d in (parse_day(topic.first), parse_day(topic.last)) if d))]
    if days:
        topic.first, topic.last = min(days).isoformat(), max(days).isoformat()
    topic.label = keyword_label(topic)


def topic_id(story_id: str) -> str:
    return hashlib.blake2b(f"topic:{story_id}".encode(), digest_size=8).hexdigest()


def place_in_topic(memory: StoryChangeMemory, story_id: str, signals: ArticleSignals, nearby: list[str],
                   frequencies: EntityFrequencies) -> str:
    """Put a new story in the best-fitting topic of the nearby stories, or in a topic of its own."""
    held = memory.topics_of([other for other in nearby if other != story_id])
    topic = best_topic(signals, memory.topics_by_id(sorted(set(held.values()))), frequencies)
    if topic is None:
        topic = StoryState(topic_id(story_id), np.zeros(0, np.float32))
    add_to_topic(topic, signals)
    memory.save_topic(topic, story_id)
    return topic.id


# Pairs of stories remembered as compared for a merge; past this many the memory starts anew.
COMPARED_KEPT = 200_000


def size_step(size: int) -> int:
    """The growth step a story's size is in (``REVIEW_GROWTH`` apart)."""
    return int(math.log(max(size, 1)) / math.log(REVIEW_GROWTH))


def first_comparison(compared: set[tuple[str, str, int, int]], story: StoryState, rival: StoryState) -> bool:
    """Whether two stories are yet to be compared for a merge at their present growth step (and
    remember them if so). Two stories that keep drawing the same articles are compared again only
    when one has grown by ``REVIEW_GROWTH``: each comparison reads a story whole, and an article
    fits the same two stories over and over while they run side by side."""
    a, b = sorted(((story.id, size_step(story.size)), (rival.id, size_step(rival.size))))
    key = (a[0], b[0], a[1], b[1])
    if key in compared:
        return False
    if len(compared) >= COMPARED_KEPT:
        compared.clear()
    compared.add(key)
    return True


# --- early reports offered again --------------------------------------------------------------

# Size at which a story first takes in the small stories near it (then at each REVIEW_GROWTH).
# A story of two has rarely grown enough to fit a report that fitted neither of its articles.
REOFFER_FROM = 3
# Stories read at a re-offer, at most: the nearest of those whose cosine could reach the bar.
# The small story a grown one takes in is among its nearest; reading every candidate that passes
# the bound made the re-offer's cost grow with the density of the index.
REOFFER_READ = 5


def reoffer_due(size: int) -> bool:
    """Whether a story of this size offers itself to the small stories near it: at ``REOFFER_FROM``
    and each ``REVIEW_GROWTH`` of growth after it, so the searches cost O(1) per article."""
    settings = story_score.SETTINGS
    if settings.story_reoffer_max_size < 1 or not REOFFER_FROM <= size <= settings.story_reoffer_until:
        return False
    return size in _review_sizes(REOFFER_FROM, settings.story_reoffer_until)


def reoffer_small(linker: ChangingLinker, story: StoryState) -> StoryState:
    """Fold into a story that grew the small stories near its centroid that now fit it: reports
    that came before the story formed and so found nothing to join. Each small story, seen as one
    article, must score against the story at least the join threshold plus
    ``story_reoffer_margin``; the story keeps its id and each merge is recorded as any other.
    Only the nearest ``CANDIDATES`` of the index are looked at, and of those whose cosine could
    reach the bar only the ``REOFFER_READ`` nearest are read. Returns the story as written."""
    settings = story_score.SETTINGS
    bar = settings.story_join_threshold + settings.story_reoffer_margin
    memory = linker.memory
    near = [story_id for story_id, cosine in linker.nearest_stories(unit(story.centroid_sum))
            if story_id != story.id and story_score.combined_score(cosine, 1.0, 0) >= bar][:REOFFER_READ]
    for small in memory.stories_by_id(near, keywords=False) if near else []:
        if small.size > settings.story_reoffer_max_size or small.size >= story.size \
                or span_gap(story, small) > settings.story_max_gap_days:
            continue
        score = score_story(story_as_signals(small, story), story, linker.frequencies, span_gap(story, small))
        whole = memory.stories_by_id([small.id]) if score is not None and score >= bar else []
        if not whole:
            continue
        merged = combined_states(story, whole[0])
        if memory.merge_stories(merged, whole[0], score):
            merged.version += 1
            story = merged
            linker.index_story(story)
            linker.drop_story(small.id)
    return story


# --- the hook the linker calls -------------------------------------------------------------


class ChangingLinker(Protocol):
    """What ``after_filing`` needs of ``link.stories.StoryLinker``."""

    memory: Any
    frequencies: EntityFrequencies
    compared_pairs: set[tuple[str, str, int, int]]  # see ``first_comparison``

    last_near: list[str]  # the stories nearest the article, as ``best_story`` found them

    def index_story(self, story: StoryState) -> None: ...

    def drop_story(self, story_id: str) -> None: ...

    def nearest_stories(self, embedding: np.ndarray) -> list[tuple[str, float]]: ...


def after_filing(linker: ChangingLinker, story: StoryState, signals: ArticleSignals, article_id: str,
                 new: bool, rivals: list[tuple[StoryState, float]]) -> str:
    """Keep the article's signals, then let its story change: a new story finds its topic; a story
    the article fits beside another may merge with it; a story at a review size may split.
    Returns the id of the story that holds the article afterwards."""
    memory = linker.memory
    if not supports_changes(memory):
        return story.id
    remember_member(memory, article_id, signals)
    if new:
        place_in_topic(memory, story.id, signals, linker.last_near, linker.frequencies)
        return story.id
    for rival, _ in rivals:
        if rival.id == story.id or not first_comparison(linker.compared_pairs, story, rival):
            continue
        whole = memory.stories_by_id([rival.id])
        merged = review_merge(memory, story, whole[0], linker.frequencies) if whole else None
        if merged:
            story, gone = merged
            linker.index_story(story)
            linker.drop_story(gone)
    if review_due(story.size):
        split = review_split(memory, story, linker.frequencies)
        if split:
            kept, part, moved = split
            linker.index_story(kept)
            linker.index_story(part)
            return part.id if article_id in moved else kept.id
    if reoffer_due(story.size):
        reoffer_small(linker, story)
    return story.id
