"""Group articles into developing stories, online: each new article joins a stored story or
starts one, with no all-pairs pass.

An article is compared with stories on three general signals:

* its multilingual embedding (:mod:`newsweave.annotate.embeddings`) against the story's
  centroid (the mean of its articles' embeddings) — carries meaning across languages;
* the canonical entities it shares with the story's most mentioned ones — "Zelensky",
  "Ukraine" and "Tirana" have one id in every language;
* time: a story only takes articles within ``LinkSettings.story_max_gap_days`` of its first/last dates, and a
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

What is compared lives beside this module: ``story_signals`` (an article's signals),
``story_score`` (the join rule), ``story_state`` (a story's state and how an article is folded
in), ``story_labels`` (titles) and ``story_snapshot`` (the index file); their names are
re-exported here.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from usearch.index import Index

from newsweave.annotate.embeddings import EMBEDDING_DIM
from newsweave.link import story_changes, story_score, story_snapshot
from newsweave.link.story_labels import LABEL_ENTITIES, LABEL_KEYWORDS, keyword_label, story_label, story_title
from newsweave.link.story_score import (
    EntityFrequencies,
    combined_score, day_conflict, day_gap, entity_evidence, entity_overlap, event_conflict, score_story,
)
from newsweave.link.story_signals import (
    ENTITY_LABELS, KEYWORD_MIN_LETTERS, ArticleSignals, article_signals, entity_keys, entity_mentions,
    headline_and_summary, keywords, parse_day, reported_days,
)
from newsweave.link.story_snapshot import (
    INDEX_CONNECTIVITY, INDEX_EXPANSION_ADD, INDEX_EXPANSION_SEARCH, SNAPSHOT_FORMAT, SNAPSHOT_MAGIC, SnapshotError,
    read_snapshot, write_snapshot,
)
from newsweave.link.story_state import STORY_TOP_ENTITIES, StoryConflict, StoryMemory, StoryState, add_to_story
from newsweave.model import Article

__all__ = [
    "ENTITY_LABELS", "EMBEDDING_DIM", "INDEX_CONNECTIVITY", "INDEX_EXPANSION_ADD",
    "INDEX_EXPANSION_SEARCH", "KEYWORD_MIN_LETTERS", "LABEL_ENTITIES", "LABEL_KEYWORDS",
    "SNAPSHOT_FORMAT", "SNAPSHOT_MAGIC", "STORY_TOP_ENTITIES",
    "ArticleSignals", "Assignment", "EntityFrequencies", "SnapshotError", "StoryConflict", "StoryLinker",
    "StoryMemory", "StoryState", "add_to_story", "article_signals", "assign_story", "combined_score",
    "day_conflict", "day_gap", "entity_evidence", "entity_keys", "entity_mentions", "entity_overlap",
    "event_conflict", "forget_linker", "headline_and_summary", "keyword_label", "keywords", "linker_for",
    "parse_day", "read_snapshot", "reported_days", "save_story_index", "score_story", "story_label",
    "story_title", "write_snapshot",
]

# The join threshold, entity weight and time rule live in ``story_score`` (module constants read
# at each call, so benches set them there).
# Nearest stories looked at per article (re-scored exactly after the index search).
CANDIDATES = 20
# Stories written by a process between two snapshots of its index (it also writes one when
# its ingest ends): a 50k-story snapshot is ~100 MB, so not after every article.
SNAPSHOT_EVERY = 5_000

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


@dataclass(frozen=True)
class Assignment:
    story_id: str
    score: float
    new: bool



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
        self.snapshot_path: Path | None = located[0] if located else None
        self._instance = located[1] if located else ""
        self.seen = 0
        self.loaded_from_snapshot = False
        loaded = self._load_snapshot()
        self.index = loaded if loaded is not None else _new_index()
        self._pending = PendingCentroids()
        self._snapshot_seq = self.seen if self.loaded_from_snapshot else -1
        self._written = 0  # own story writes since the last snapshot
        self.frequencies = _stored_frequencies(memory)
        self.last_fits: list[tuple[StoryState, float]] = []
        self.last_near: list[str] = []
        self.compared_pairs: set[tuple[str, str, int, int]] = set()  # story_changes.first_comparison
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
        matrix = (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32)
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
            write_snapshot(self.snapshot_path, payload or b"", seq, count, self._instance)
        except OSError as error:
            log.warning("story index: could not write snapshot %s: %s", self.snapshot_path, error)
            return None
        self._snapshot_seq = seq
        return self.snapshot_path

    # -- assignment ------------------------------------------------------------------------

    def nearest_stories(self, embedding: np.ndarray) -> list[tuple[str, float]]:
        """(story id, cosine) of the ``CANDIDATES`` nearest stories, nearest first (``story_changes``)."""
        return self._nearest(embedding)

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
        threshold = story_score.SETTINGS.story_join_threshold  # read at each call: benches swap it
        nearest = self._nearest(signals.embedding)
        self.last_near = [story_id for story_id, _ in nearest]  # where a new story looks for its topic
        bounded = [(story_id, combined_score(cosine, 1.0, 0) + COSINE_SLACK) for story_id, cosine in nearest]
        best: tuple[StoryState, float] | None = None
        self.last_fits = []  # every story read that the article fits (story_changes: converging stories)
        for batch in (bounded[:READ_FIRST], bounded[READ_FIRST:]):
            floor = threshold if best is None else max(threshold, best[1])
            wanted = [story_id for story_id, bound in batch if bound >= floor]
            for story in self.memory.stories_by_id(wanted, keywords=False):
                score = score_story(signals, story, self.frequencies)
                if score is None or score < threshold:
                    continue
                self.last_fits.append((story, score))
                if best is None or score > best[1]:
                    best = (story, score)
        return best

    def assign(self, article: Article) -> Assignment:
        """Put the article in its story (stored), starting one when none is close enough."""
        assignment = self.assign_signals(article.id, article_signals(article), article.duplicate_of)
        article.work.story_id = assignment.story_id
        return assignment

    def assign_signals(self, article_id: str, signals: ArticleSignals, duplicate_of: str | None = None) -> Assignment:
        with self._lock:
            self.sync()
            original = self._story_of_original(duplicate_of)  # read whole already
            self.last_fits, self.last_near = [], []
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
            self.frequencies.add(signals.entities)
            if seq == self.seen + 1:  # nothing anyone wrote in between: no need to pull our own write
                self.seen = seq
            self._written += 1
            # Splits, merges and topics (link/story_changes.py): the article may end in another story.
            final = story_changes.after_filing(self, story, signals, article_id, story.version == 1, self.last_fits)
            snapshot_due = self.snapshot_path is not None and self._written >= SNAPSHOT_EVERY
        if snapshot_due:
            self.save_snapshot()
        return Assignment(final, round(score, 4), story.version == 1)

    def index_story(self, story: StoryState) -> None:
        """Put a story changed by a split or merge (``story_changes``) in the index."""
        self._upsert([story_key(story.id)], [story.centroid_sum])

    def drop_story(self, story_id: str) -> None:
        """Take a story merged into another out of the index (other processes' indexes keep it
        until they rebuild: the store no longer has it, so it is never read as a candidate)."""
        key = story_key(story_id)
        if len(self.index) and self.index.contains(key):
            self.index.remove(key)
        self._pending.discard(key)

    def _whole(self, story: StoryState) -> StoryState:
        found = self.memory.stories_by_id([story.id])
        if not found:  # merged into another meanwhile (story_changes): fold into the survivor
            found = story_changes.successor_of(self.memory, story.id)
        return found[0] if found else StoryState(story.id, np.zeros(EMBEDDING_DIM, np.float32))

    def _fold_and_save(self, story: StoryState, signals: ArticleSignals,
                       article_id: str) -> tuple[int | None, StoryState]:
        """Add the article to the story and store it; on a conflict re-read the story and fold again."""
        for _ in range(SAVE_ATTEMPTS):
            add_to_story(story, signals, article_id)
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

    def discard(self, key: int) -> None:
        """Forget a story (merged away): its row takes the last row's place."""
        row = self.rows.pop(key, None)
        last = len(self.rows)
        if row is None or row == last:
            return
        moved = int(self._keys[last])
        self._keys[row], self._matrix[row] = self._keys[last], self._matrix[last]
        self.rows[moved] = row

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Keys and centroids, row by row (views, valid until the next ``put``)."""
        return self._keys[:len(self.rows)], self._matrix[:len(self.rows)]


def _new_index() -> Index:
    return story_snapshot.new_index()


# One lock for making linkers: two threads assigning on one fresh store must share one linker.
_making_linker = threading.Lock()


def _stored_frequencies(memory: StoryMemory) -> EntityFrequencies:
    """Entity document frequencies from the stored stories, when the store can count them."""
    counted = getattr(memory, "entity_frequencies", None)
    return EntityFrequencies(*counted()) if callable(counted) else EntityFrequencies()


def linker_for(memory: StoryMemory) -> StoryLinker:
    """The store object's own linker (``memory.story_linker``), made on first use: loaded from its
    snapshot or rebuilt once, then kept in step. The store owns it, so closing or dropping the
    store ends it; nothing of it is global to the process."""
    with _making_linker:
        linker = memory.story_linker
        if linker is None:
            linker = StoryLinker(memory)
            memory.story_linker = linker
        return linker


def save_story_index(memory: StoryMemory) -> None:
    """Write the snapshot of this store's linker if it has stories the file lacks (``Store.close``,
    the end of an ingest)."""
    linker = memory.story_linker
    if linker is not None and linker.unsaved:
        try:
            linker.save_snapshot()
        except Exception as error:  # noqa: BLE001 - a snapshot is a cache: losing one costs a rebuild, never data
            log.warning("story index: snapshot not written: %s", error)


def assign_story(article: Article, memory: StoryMemory) -> Assignment:
    return linker_for(memory).assign(article)


def forget_linker(memory: StoryMemory) -> None:
    """Drop the store's linker without saving its snapshot (its stories were deleted,
    ``newsweave restory``): the next assignment builds one from the database."""
    with _making_linker:
        memory.story_linker = None
