"""Group articles into developing stories, online: each new article joins a stored story or
starts one, with no all-pairs pass.

An article is compared with stories on three general signals:

* its multilingual embedding (:mod:`newsweave.annotate.embeddings`) against the story's
  centroid (the mean of its articles' embeddings) — carries meaning across languages;
* the canonical entities it shares with the story's most mentioned ones — "Zelensky",
  "Ukraine" and "Tirana" have one id in every language;
* time: a story only takes articles within ``MAX_GAP_DAYS`` of its first/last dates, and a
  gap costs a little score on the way there.

Candidate stories come from an approximate nearest-neighbour index (usearch, HNSW) over the
centroids, so assignment costs about the same with 1k or 50k stored stories. The centroids
live in the store (the ``stories`` table, via :class:`StoryMemory`), which stays the one
source of truth; each process keeps its own index in step with it:

* every story write takes the next change number (``seq``), and before each assignment the
  linker pulls only the stories changed after the highest number it has seen — so two
  processes ingesting into one database see each other's new stories at once;
* the index is saved as a snapshot file (:func:`write_snapshot`: usearch's own format behind
  a small header with the change number it covers, the database's instance id, the settings
  and a checksum), every ``SNAPSHOT_EVERY`` stories written and when a process ends its
  ingest; a process starts from the snapshot and syncs the rest. A missing, corrupt, foreign,
  wrong-dimension or too-new snapshot is logged and the index rebuilt from the database;
* writes are optimistic: a story is written only if nobody changed it since it was read,
  else it is read again and the article folded in again (:class:`StoryConflict`), so two
  writers adding to one story both count.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import logging
import os
import re
import tempfile
import threading
import weakref
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from usearch.index import Index

from newsweave.annotate.embeddings import EMBEDDING_DIM, embed_articles
from newsweave.model import Article

# --- thresholds, chosen with ``bench/stories.py --sweep`` on all 43 ECB+ topics for the
# production embedding (title + 150 chars, centred by language: annotate/embeddings.py) and the
# mention-weighted entity overlap: join thresholds 0.30–0.80 × entity weights 0–0.5, 2-fold by
# topic (the setting chosen on one half scored on the other). Centred cosines spread out
# (ECB+ means: 0.56 within a sub-topic, 0.35 between the two sub-topics of a topic, 0.06
# otherwise, against 0.90 / 0.85 / 0.78 raw), hence the low threshold. The halves choose
# 0.48 / 0.3 and 0.62 / 0.5 (held-out F1 0.831 and 0.856); 0.56 / 0.5 is the middle of the plateau
# both share (0.866 and 0.852 on the halves; mean of three orders 0.851 all docs, 0.857 within
# topic). ECB+ is English only; across languages the entity term is what joins reports of one
# story (the en/fr seeds: centred cosine 0.23, weighted overlap 0.82, score 0.64), while the French
# weather article scores 0.10 against the French seed and shares no entity. The price: an
# article about the same main actors joins on a low cosine (0.06 with every entity shared), and
# an article in a language without an NER model brings only its geocoded places to the
# entity term. Figures in docs/quality.md.
# Combined score (cosine + entity bonus − time cost) an article needs to join a story.
JOIN_THRESHOLD = 0.56
# Weight of the entity overlap (0..1) added to the cosine similarity: shared canonical entities
# ("Zelensky", "Kyiv" have one id in every language) are what tells a cross-lingual report of
# the same story from other news, where the cosine of two short leads is weak evidence.
ENTITY_WEIGHT = 0.5
# A story takes no article dated further than this from its first/last dates …
MAX_GAP_DAYS = 45
# … and pays up to TIME_WEIGHT for a gap growing to TIME_SCALE_DAYS.
TIME_WEIGHT = 0.03
TIME_SCALE_DAYS = 30
# Nearest stories looked at per article (re-scored exactly after the index search).
CANDIDATES = 20
# HNSW graph settings (usearch's defaults: 16/128/64). News embeddings crowd into a narrow
# cone, where a light graph loses neighbours: on 50k generated clustered centroids,
# expansion_add 32 / search 64 missed the story an article was written from for 11 % of
# such articles; 64 / 128 misses 0.7 % (recall@20 0.996) for +0.04 ms per search and twice
# the build time (33 s on the shared machine, paid only when no snapshot can be used);
# 128 / 64 misses none but builds in 75 s and slows every per-article update.
# bench/stories.py --speed prints the candidates' recall against exact search.
INDEX_CONNECTIVITY = 16
INDEX_EXPANSION_ADD = 64
INDEX_EXPANSION_SEARCH = 128
# Stories written by a process between two snapshots of its index (it also writes one when
# its ingest ends): a 50k-story snapshot is ~100 MB, so not after every article.
SNAPSHOT_EVERY = 5_000
SNAPSHOT_MAGIC = b"newsweave story index\n"
SNAPSHOT_FORMAT = 1
# Tries at folding an article into a story that other writers keep changing under it.
SAVE_ATTEMPTS = 20
# Stories added to the index per call when syncing (bounds memory on a rebuild).
SYNC_CHUNK = 10_000
# Changed stories held beside the index (searched exactly) until this many are re-indexed in one
# go. usearch has no update, and its first call after a remove costs a pass over its whole key
# table (usearch 2.26: ~1 ms at 50k stories, 2.4 ms at 100k, whatever the batch size), so
# re-indexing each story as it grew made every join slower as the store grew. A story joined
# again while held is re-indexed once. CANDIDATES + PENDING_LIMIT stays within
# INDEX_EXPANSION_SEARCH, so that over-fetching past the held ones costs no extra search work.
PENDING_LIMIT = 100
# Pending stories expected among an article's nearest (see StoryLinker._nearest).
HELD_NEAR = 4
# Stories a rebuild adds on one thread before going parallel: grown in parallel from nothing, the
# graph left a few of its first nodes unreachable (1 in 120 test stories, 2 of the first 200 in
# 2,000, never found even by their own centroid); none when the start is sequential (~0.1 s).
SEQUENTIAL_START = 1_000
# Margin between the index's float32 cosine distance and the score's float64 cosine, when
# candidates that cannot win are left unread (StoryLinker.best_story).
COSINE_SLACK = 1e-3
# Candidates read first; the others only if their bound beats the best score among these.
READ_FIRST = 4

log = logging.getLogger(__name__)
# Entities of a story compared with an article's: those in most of its articles, then most
# mentioned (a one-article story keeps its 30 most mentioned).
STORY_TOP_ENTITIES = 30
# Entity labels whose mentions count when no canonical id is available.
ENTITY_LABELS = frozenset({"PER", "ORG", "LOC", "PERSON", "GPE"})
LABEL_ENTITIES = 2
LABEL_KEYWORDS = 3
KEYWORD_MIN_LETTERS = 4


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

    @property
    def centroid(self) -> np.ndarray:
        return _unit(self.centroid_sum)

    def top_entities(self, count: int = STORY_TOP_ENTITIES) -> list[str]:
        ranked = sorted(self.entities.items(), key=lambda item: (-item[1]["n"], -item[1].get("m", 0), item[0]))
        return [key for key, _ in ranked[:count]]

    def entity_weights(self) -> dict[str, int]:
        """Mentions of the top entities, what an article's entities are compared with."""
        return {key: self.entities[key].get("m") or self.entities[key]["n"] for key in self.top_entities()}


class StoryConflict(Exception):
    """Another writer changed the story after it was read (raised by ``StoryMemory.save_story``)."""


class StoryMemory(Protocol):
    """What story assignment needs from the store."""

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


@dataclass(frozen=True)
class ArticleSignals:
    """What is compared for one article."""

    embedding: np.ndarray
    entities: dict[str, str]  # key → display name
    keywords: list[str]
    day: date | None
    language: str | None
    mentions: dict[str, int] = field(default_factory=dict)  # key → mentions in the article

    def entity_weights(self) -> dict[str, int]:
        """Mentions per entity (1 for an entity whose count is not known)."""
        return {key: self.mentions.get(key, 1) for key in self.entities}


@dataclass(frozen=True)
class Assignment:
    story_id: str
    score: float
    new: bool


# --- signals ------------------------------------------------------------------------------


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm).astype(np.float32) if norm > 0 else vector.astype(np.float32)


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def entity_keys(article: Article) -> dict[str, str]:
    """Canonical entities of an article (id → name), most mentioned first; spaCy's when there are no ids."""
    return {key: name for key, (name, _) in entity_mentions(article).items()}


def entity_mentions(article: Article) -> dict[str, tuple[str, int]]:
    """Canonical entities of an article: id → (name, mentions), most mentioned first."""
    names: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for entity in article.entities:
        name = entity.get("canonical") or entity.get("text") or ""
        key = entity.get("entity_id") or (_fold_key(name) if entity.get("label") in ENTITY_LABELS else None)
        if key and name:
            names.setdefault(key, name)
            counts[key] += 1
    if not names and "doc" in article.extras:
        for ent in article.extras["doc"].ents:
            if ent.label_ in ENTITY_LABELS:
                names.setdefault(_fold_key(ent.text), ent.text)
                counts[_fold_key(ent.text)] += 1
    return {key: (names[key], count) for key, count in counts.most_common()}


def _fold_key(name: str) -> str:
    return "name:" + " ".join(re.findall(r"\w+", name.casefold()))


def keywords(article: Article, stop_words: frozenset[str] = frozenset()) -> list[str]:
    """Content words of the title and lead, for labels (the stop words come from spaCy's language data)."""
    lead = f"{article.title or ''} {article.text[:600]}"
    words = [word for word in re.findall(r"[^\W\d_]+", lead.casefold()) if len(word) >= KEYWORD_MIN_LETTERS]
    return [word for word in words if word not in stop_words]


@cache  # spaCy's language class and its stop list are built anew on every lookup
def _stop_words(language: str | None) -> frozenset[str]:
    import spacy

    try:
        return frozenset(spacy.util.get_lang_class(language or "xx").Defaults.stop_words)
    except Exception:  # noqa: BLE001 - a language spaCy does not know has no stop list
        return frozenset()


def article_signals(article: Article) -> ArticleSignals:
    embed_articles([article])
    mentioned = entity_mentions(article)
    return ArticleSignals(
        embedding=article.extras["embedding"],
        entities={key: name for key, (name, _) in mentioned.items()},
        mentions={key: count for key, (_, count) in mentioned.items()},
        keywords=keywords(article, _stop_words(article.language)),
        day=parse_day(article.published),
        language=article.language,
    )


# --- scoring ------------------------------------------------------------------------------


def entity_overlap(article: Mapping[str, float] | Iterable[str], story: Mapping[str, float] | Iterable[str]) -> float:
    """The share of entity weight the two sides have in common, on the side where it is larger.

    Weights are mention counts (``{key: mentions}``); plain keys weigh 1 each, and then this is
    the overlap coefficient |A ∩ S| / min(|A|, |S|). With mentions, the actors a report keeps
    coming back to count for more than names dropped once: a French report naming Zelensky,
    Ukraine and Russia a dozen times and two side figures once shares nearly all its weight
    with an English one about the same people, whatever else the longer one lists.
    """
    a, s = _entity_weights(article), _entity_weights(story)
    shared = a.keys() & s.keys()
    if not shared:
        return 0.0
    return max(sum(a[key] for key in shared) / sum(a.values()), sum(s[key] for key in shared) / sum(s.values()))


def _entity_weights(entities: Mapping[str, float] | Iterable[str]) -> dict[str, float]:
    if isinstance(entities, Mapping):
        return {key: float(weight) for key, weight in entities.items() if weight > 0}
    return dict.fromkeys(entities, 1.0)


def day_gap(day: date | None, first: str | None, last: str | None) -> int:
    """Days between a date and the span [first, last]; 0 inside it or when a date is unknown."""
    start, end = parse_day(first), parse_day(last)
    if day is None or start is None or end is None:
        return 0
    if day < start:
        return (start - day).days
    if day > end:
        return (day - end).days
    return 0


def combined_score(cosine: float, overlap: float, gap_days: int) -> float:
    """The score compared with ``JOIN_THRESHOLD``; also the article-pair similarity of the bench."""
    return cosine + ENTITY_WEIGHT * overlap - TIME_WEIGHT * min(gap_days / TIME_SCALE_DAYS, 1.0)


def score_story(signals: ArticleSignals, story: StoryState) -> float | None:
    """The article's score against one story, or None when time rules the story out."""
    gap = day_gap(signals.day, story.first, story.last)
    if gap > MAX_GAP_DAYS:
        return None
    cosine = float(np.dot(signals.embedding, story.centroid))
    return combined_score(cosine, entity_overlap(signals.entity_weights(), story.entity_weights()), gap)


# --- the online linker --------------------------------------------------------------------


def story_key(story_id: str) -> int:
    """Story ids are 16 hex digits, so they are their own uint64 index keys."""
    return int(story_id, 16)


def new_story_id(article_id: str) -> str:
    return hashlib.blake2b(f"story:{article_id}".encode(), digest_size=8).hexdigest()


class StoryLinker:
    """A vector index over the stored stories' centroids, kept in step with the store.

    ``seen`` is the highest change number the index holds: every story changed up to it is
    in the index with that state or a newer one. Own writes go into the index at once;
    ``sync`` pulls everything after ``seen`` (other processes' writes, and own ones again,
    which is harmless) before each assignment. "In the index" includes ``_pending``: stories
    whose centroid changed after they were indexed, kept with the new centroid beside the
    index until ``PENDING_LIMIT`` of them are re-indexed together; searches score them exactly.
    """

    def __init__(self, memory: StoryMemory) -> None:
        self.memory = memory
        self._lock = threading.Lock()
        located = memory.story_index_file()
        self.snapshot_path, self._instance = located if located else (None, "")
        self.seen = 0
        self.loaded_from_snapshot = False
        loaded = self._load_snapshot()
        self.index = loaded if loaded is not None else _new_index()
        self._pending = PendingCentroids()
        self._snapshot_seq = self.seen if self.loaded_from_snapshot else -1
        self._written = 0  # own story writes since the last snapshot
        self.sync()

    # -- keeping in step with the store ----------------------------------------------------

    def sync(self) -> int:
        """Pull the stories changed since ``seen`` into the index; returns how many."""
        pulled, keys, vectors, high = 0, [], [], self.seen
        for story_id, centroid, seq in self.memory.stories_since(self.seen):
            keys.append(story_key(story_id))
            vectors.append(np.frombuffer(centroid, dtype=np.float32))
            high = max(high, seq)
            if len(keys) >= SYNC_CHUNK:
                pulled += self._upsert(keys, vectors)
                keys, vectors = [], []
        pulled += self._upsert(keys, vectors) if keys else 0
        self.seen = high  # only once they are in the index
        return pulled

    def _upsert(self, keys: list[int], vectors: list[np.ndarray]) -> int:
        """Put stories in the index: new ones at once, changed ones among the pending (each key once per call)."""
        key_array = np.array(keys, dtype=np.uint64)
        matrix = np.vstack(vectors).astype(np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        matrix = matrix / np.where(norms > 0, norms, 1.0)
        present = np.atleast_1d(self.index.contains(key_array)) if len(self.index) else np.zeros(len(keys), bool)
        if not present.all():
            self._add_new(key_array[~present], matrix[~present])
        if present.any():
            self._pending.put(key_array[present].tolist(), matrix[present])
            if len(self._pending) >= PENDING_LIMIT:
                self._reindex_pending()
        return len(keys)

    def _add_new(self, keys: np.ndarray, matrix: np.ndarray) -> None:
        start = min(max(SEQUENTIAL_START - len(self.index), 0), len(keys))
        if start:
            self.index.add(keys[:start], matrix[:start], threads=1)
        if start < len(keys):
            self.index.add(keys[start:], matrix[start:])

    def _reindex_pending(self) -> None:
        """Replace the pending stories' old centroids in the index, all in one remove and one add."""
        if not len(self._pending):
            return
        keys, matrix = self._pending.arrays()
        self.index.remove(keys)
        # One thread: inserted in parallel, the graph depends on thread timing (runs stop being
        # repeatable) and can leave stories unreachable (see SEQUENTIAL_START).
        self.index.add(keys, matrix, threads=1)
        self._pending = PendingCentroids()

    # -- snapshots -------------------------------------------------------------------------

    def _load_snapshot(self) -> Index | None:
        """The index saved in the snapshot file, or None (and a log line) when it cannot be used."""
        path = self.snapshot_path
        if path is None:
            return None
        if not path.exists():
            log.info("story index: no snapshot at %s; building it from the database", path)
            return None
        try:
            index, seq = read_snapshot(path, self._instance)
            latest = self.memory.latest_story_seq()
            if seq > latest:
                raise SnapshotError(f"it covers change {seq} but the database's latest is {latest}"
                                    " (restored from a backup?)")
        except SnapshotError as error:
            log.warning("story index: snapshot %s not used: %s; rebuilding from the database", path, error)
            return None
        self.seen, self.loaded_from_snapshot = seq, True
        return index

    @property
    def unsaved(self) -> bool:
        """True when the snapshot file lacks stories this index has (or there is none yet)."""
        return self.snapshot_path is not None and (self._written > 0 or self.seen != self._snapshot_seq)

    def save_snapshot(self) -> Path | None:
        """Write the index to its snapshot file (atomically); None when it has no place or failed."""
        if self.snapshot_path is None:
            return None
        with self._lock:
            self.sync()
            self._reindex_pending()  # the file holds every story's latest centroid
            payload, seq, count = self.index.save(), self.seen, len(self.index)
            self._written = 0
        try:
            write_snapshot(self.snapshot_path, payload, seq, count, self._instance)
        except OSError as error:
            log.warning("story index: could not write snapshot %s: %s", self.snapshot_path, error)
            return None
        self._snapshot_seq = seq
        return self.snapshot_path

    # -- assignment ------------------------------------------------------------------------

    def candidates(self, embedding: np.ndarray) -> list[str]:
        """The ``CANDIDATES`` nearest stories, nearest first."""
        return [story_id for story_id, _ in self._nearest(embedding)]

    def _nearest(self, embedding: np.ndarray) -> list[tuple[str, float]]:
        """(story id, cosine) of the nearest stories, nearest first: the index's, less the stale
        entries of pending stories, merged with the pending stories scored exactly."""
        if len(self.index) == 0:
            return []
        held, (held_keys, held_matrix) = self._pending.rows, self._pending.arrays()
        # Dropping stale entries leaves fewer than asked for, so ask for a few more, and for as
        # many more as there are pending in the rare case that more than a few were that near
        # (free while within INDEX_EXPANSION_SEARCH: the search keeps that many anyway).
        nearest = self._indexed_nearest(embedding, CANDIDATES + min(len(held), HELD_NEAR), held)
        if len(nearest) < CANDIDATES and len(held) > HELD_NEAR:
            nearest = self._indexed_nearest(embedding, CANDIDATES + len(held), held)
        if held:
            query = np.asarray(embedding, dtype=np.float32)
            cosines = (held_matrix @ query) / max(float(np.sqrt(query @ query)), 1e-12)
            floor = nearest[-1][1] if len(nearest) == CANDIDATES else -np.inf
            if cosines.max() >= floor:  # most articles are near none of them
                close = np.flatnonzero(cosines >= floor)
                exact = zip(held_keys[close].tolist(), cosines[close].astype(np.float64).tolist(), strict=True)
                nearest = sorted([*nearest, *exact], key=lambda pair: -pair[1])[:CANDIDATES]
        return [(f"{key:016x}", cosine) for key, cosine in nearest]

    def _indexed_nearest(self, embedding: np.ndarray, wanted: int, held: dict[int, int]) -> list[tuple[int, float]]:
        """(key, cosine) of up to ``CANDIDATES`` nearest in the index among ``wanted``, leaving out ``held``."""
        matches = self.index.search(embedding, min(wanted, len(self.index)))
        pairs = zip(matches.keys.tolist(), (1.0 - matches.distances.astype(np.float64)).tolist(), strict=True)
        return [pair for pair in pairs if pair[0] not in held][:CANDIDATES]

    def best_story(self, signals: ArticleSignals) -> tuple[StoryState, float] | None:
        """The best-scoring candidate at or above the threshold, reading as few stories as it can.

        A candidate's score is at most ``combined_score(cosine, 1, 0)`` (every entity shared,
        no time gap), and the index gives the cosine: candidates whose bound is under the
        threshold, or under the best score found among the ``READ_FIRST`` nearest, cannot win
        and are never read from the store. Same answer as scoring all of them.
        """
        bounded = [(story_id, combined_score(cosine, 1.0, 0) + COSINE_SLACK)
                   for story_id, cosine in self._nearest(signals.embedding)]
        best: tuple[StoryState, float] | None = None
        for batch in (bounded[:READ_FIRST], bounded[READ_FIRST:]):
            floor = JOIN_THRESHOLD if best is None else max(JOIN_THRESHOLD, best[1])
            wanted = [story_id for story_id, bound in batch if bound >= floor]
            for story in self.memory.stories_by_id(wanted, keywords=False):
                score = score_story(signals, story)
                if score is not None and score >= JOIN_THRESHOLD and (best is None or score > best[1]):
                    best = (story, score)
        return best

    def assign(self, article: Article) -> Assignment:
        """Put the article in its story (stored), starting one when none is close enough."""
        assignment = self.assign_signals(article.id, article_signals(article), article.duplicate_of)
        article.extras["story_id"] = assignment.story_id
        return assignment

    def assign_signals(self, article_id: str, signals: ArticleSignals, duplicate_of: str | None = None) -> Assignment:
        with self._lock:
            self.sync()
            original = self._story_of_original(duplicate_of)  # read whole already
            chosen = original or self.best_story(signals)
            if chosen is None:
                story, score = StoryState(new_story_id(article_id), np.zeros(EMBEDDING_DIM, np.float32)), 1.0
            elif original:
                story, score = original
            else:  # read whole (candidates are read without their keywords), just before the write
                story, score = self._whole(chosen[0]), chosen[1]
            seq, story = self._fold_and_save(story, signals, article_id)
            if seq is None:  # filed before (a re-run, or another process took this article)
                return Assignment(self.memory.story_of(article_id) or story.id, round(score, 4), False)
            self._upsert([story_key(story.id)], [story.centroid_sum])
            if seq == self.seen + 1:  # nothing anyone wrote in between: no need to pull our own write
                self.seen = seq
            self._written += 1
            snapshot_due = self.snapshot_path is not None and self._written >= SNAPSHOT_EVERY
        if snapshot_due:
            self.save_snapshot()
        return Assignment(story.id, round(score, 4), story.version == 1)

    def _whole(self, story: StoryState) -> StoryState:
        found = self.memory.stories_by_id([story.id])
        return found[0] if found else StoryState(story.id, np.zeros(EMBEDDING_DIM, np.float32))

    def _fold_and_save(self, story: StoryState, signals: ArticleSignals,
                       article_id: str) -> tuple[int | None, StoryState]:
        """Add the article to the story and store it; on a conflict re-read the story and fold again."""
        for _ in range(SAVE_ATTEMPTS):
            add_to_story(story, signals)
            try:
                seq = self.memory.save_story(story, article_id)
            except StoryConflict:
                story = self._whole(story)
                continue
            story.version += 1
            return seq, story
        raise RuntimeError(f"story {story.id} changed under {SAVE_ATTEMPTS} attempts to add article {article_id}")

    def _story_of_original(self, duplicate_of: str | None) -> tuple[StoryState, float] | None:
        """A near-duplicate belongs to its original's story, whatever its score."""
        if not duplicate_of:
            return None
        story_id = self.memory.story_of(duplicate_of)
        found = self.memory.stories_by_id([story_id]) if story_id else []
        return (found[0], 1.0) if found else None


class PendingCentroids:
    """Unit centroids of stories that changed after they were indexed, by story key: rows of
    one matrix, overwritten in place when a story changes again."""

    def __init__(self) -> None:
        self.rows: dict[int, int] = {}
        self._keys = np.empty(PENDING_LIMIT, dtype=np.uint64)
        self._matrix = np.empty((PENDING_LIMIT, EMBEDDING_DIM), dtype=np.float32)

    def __len__(self) -> int:
        return len(self.rows)

    def put(self, keys: list[int], matrix: np.ndarray) -> None:
        if len(self.rows) + len(keys) > len(self._keys):  # a large sync, re-indexed right after
            grown = max(2 * len(self._keys), len(self.rows) + len(keys))
            self._keys = np.resize(self._keys, grown)
            self._matrix = np.resize(self._matrix, (grown, EMBEDDING_DIM))
        for key, vector in zip(keys, matrix, strict=True):
            row = self.rows.setdefault(key, len(self.rows))
            self._keys[row], self._matrix[row] = key, vector

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Keys and centroids, row by row (views, valid until the next ``put``)."""
        return self._keys[:len(self.rows)], self._matrix[:len(self.rows)]


def _new_index() -> Index:
    return Index(ndim=EMBEDDING_DIM, metric="cos", dtype="f32", connectivity=INDEX_CONNECTIVITY,
                 expansion_add=INDEX_EXPANSION_ADD, expansion_search=INDEX_EXPANSION_SEARCH)


class SnapshotError(ValueError):
    """A snapshot file that cannot be used (the index is rebuilt instead)."""


def _snapshot_settings(instance: str) -> dict[str, Any]:
    """What a snapshot must agree on with this process and database to be used."""
    return {"format": SNAPSHOT_FORMAT, "instance": instance, "ndim": EMBEDDING_DIM, "metric": "cos",
            "dtype": "f32", "connectivity": INDEX_CONNECTIVITY}


def _checksum(payload: bytes | bytearray | memoryview) -> str:
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def write_snapshot(path: Path, payload: bytes | bytearray, seq: int, count: int, instance: str) -> None:
    """Magic line, header length (4 bytes), JSON header, usearch's serialised index; written
    to a temp file in the same folder, synced, then renamed over the old one, so a reader
    (or a crash) only ever sees a whole old or a whole new snapshot."""
    header = json.dumps({**_snapshot_settings(instance), "seq": seq, "count": count,
                         "checksum": _checksum(payload)}).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(SNAPSHOT_MAGIC + len(header).to_bytes(4, "big") + header)
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it 0600; the index is no more private than the database
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def read_snapshot(path: Path, instance: str) -> tuple[Index, int]:
    """The index in a snapshot file and the change number it covers; SnapshotError when unusable."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SnapshotError(f"unreadable ({error.strerror or error})") from None
    if not data.startswith(SNAPSHOT_MAGIC):
        raise SnapshotError("not a newsweave story index file")
    start = len(SNAPSHOT_MAGIC) + 4
    try:
        size = int.from_bytes(data[len(SNAPSHOT_MAGIC):start], "big")
        header = json.loads(data[start:start + size])
        seq, count = int(header["seq"]), int(header["count"])
    except (ValueError, KeyError, TypeError) as error:
        raise SnapshotError(f"unreadable header ({error})") from None
    for key, expected in _snapshot_settings(instance).items():
        if header.get(key) != expected:
            raise SnapshotError(f"made for {key} {header.get(key)!r}, this one is {expected!r}")
    payload = memoryview(data)[start + size:]
    if _checksum(payload) != header.get("checksum"):
        raise SnapshotError("checksum does not match (truncated or corrupt)")
    try:
        index = Index.restore(payload)
    except (ValueError, RuntimeError) as error:
        raise SnapshotError(f"usearch cannot read it ({error})") from None
    if index is None or index.ndim != EMBEDDING_DIM or len(index) != count:
        raise SnapshotError("index does not match its header")
    index.expansion_add, index.expansion_search = INDEX_EXPANSION_ADD, INDEX_EXPANSION_SEARCH  # not stored by usearch
    return index, seq


def add_to_story(story: StoryState, signals: ArticleSignals) -> None:
    """Fold one article's signals into the story: centroid, entities, keywords, dates, label."""
    story.centroid_sum = (story.centroid_sum + signals.embedding).astype(np.float32)
    story.size += 1
    for key, name in signals.entities.items():
        entry = story.entities.setdefault(key, {"n": 0, "m": 0, "name": name})
        entry["n"] += 1
        entry["m"] = entry.get("m", 0) + signals.mentions.get(key, 1)
    for word, count in Counter(signals.keywords).items():
        story.keywords[word] = story.keywords.get(word, 0) + count
    if signals.language and signals.language not in story.languages:
        story.languages = sorted([*story.languages, signals.language])
    if signals.day:
        day = signals.day.isoformat()
        story.first = min(filter(None, [story.first, day]))
        story.last = max(filter(None, [story.last, day]))
    story.label = story_label(story)


def story_label(story: StoryState) -> str:
    """Top entities and keywords, e.g. "Ukraine, Volodymyr Zelensky: support, summit, coalition"."""
    top = story.top_entities()
    # Two keys may carry one name (the model tags a town it does not know as a person in one
    # article and as a place in another: per:val-sorel, loc:val-sorel); the label shows it once.
    shown: dict[str, str] = {}
    for key in top:
        shown.setdefault(story.entities[key]["name"].casefold(), story.entities[key]["name"])
    names = list(shown.values())[:LABEL_ENTITIES]
    # Keywords say what the story is about beyond its actors, so no word of any main entity's
    # name is one, shown in the label or not ("volodymyr, zelensky" after "Ukraine, Russia").
    name_words = {word for key in top for word in re.findall(r"\w+", story.entities[key]["name"].casefold())}
    words = [word for word, _ in sorted(story.keywords.items(), key=lambda item: (-item[1], item[0]))
             if word not in name_words][:LABEL_KEYWORDS]
    return f"{', '.join(names)}: {', '.join(words)}" if names else ", ".join(words) or "untitled story"


_linkers: weakref.WeakKeyDictionary[Any, StoryLinker] = weakref.WeakKeyDictionary()
_linkers_lock = threading.Lock()


def linker_for(memory: StoryMemory) -> StoryLinker:
    """One linker per store object and process (loaded or rebuilt once, then kept in step)."""
    with _linkers_lock:
        if memory not in _linkers:
            _linkers[memory] = StoryLinker(memory)
        return _linkers[memory]


def save_story_index(memory: StoryMemory) -> None:
    """Write the snapshot of this store's linker if it has stories the file lacks (end of an ingest)."""
    with _linkers_lock:
        linker = _linkers.get(memory)
    if linker is not None and linker.unsaved:
        try:
            linker.save_snapshot()
        except Exception as error:  # noqa: BLE001 - a snapshot is a cache: losing one costs a rebuild, never data
            log.warning("story index: snapshot not written: %s", error)


def save_story_indexes() -> None:
    """At exit: the snapshots of every linker of this process."""
    with _linkers_lock:
        memories = list(_linkers.keys())
    for memory in memories:
        save_story_index(memory)


# A process that ingested writes its snapshots when it ends (the CLI never closes its store).
atexit.register(save_story_indexes)


def assign_story(article: Article, memory: StoryMemory) -> Assignment:
    return linker_for(memory).assign(article)


def forget_linker(memory: StoryMemory) -> None:
    """Drop this process's linker of the store without saving its snapshot (its stories were
    deleted, ``newsweave restory``): the next assignment builds one from the database."""
    with _linkers_lock:
        _linkers.pop(memory, None)
