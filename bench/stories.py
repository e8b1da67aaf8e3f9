"""Online story assignment against the gold sub-topics of ECB+, and its cost as the store grows.

    .venv/bin/python bench/stories.py [--eval ../shared/eval/stories] [--cache DIR] [--topics N] [--set NAME=VALUE] [--orders N]
    .venv/bin/python bench/stories.py --sweep          # the SWEEP grid on the tune half
    .venv/bin/python bench/stories.py --speed          # assignment cost at 1k and 50k stories
    .venv/bin/python bench/stories.py --errors         # tune-half stories that hold two sub-topics
    .venv/bin/python bench/stories.py --articles FILE.jsonl --gold GOLD.json --half tune [--orders N]
                                                       # a held-out set through ``newsweave run``

Quality (``ecbplus.jsonl``, English, 982 docs, 86 sub-topics; see the folder's README): each
document runs once through the real annotators (language, entities, dates, events, embedding;
cached under ``--cache``) and is assigned online, in order, by the real
:class:`~newsweave.link.stories.StoryLinker` (usearch index, ``link/story_score.py``'s score)
over an in-memory :class:`StoryMemory`; BCubed P/R/F1 and the adjusted Rand index against
``subtopic``, in two settings: all documents in one stream (the two sub-topics of each topic
mixed: same kind of event, another event) and each topic on its own; mean of three shuffles of
the order (``--orders N``: N), with the range of F1 over them. Topics are split into a tune and a
check half by a hash of the topic id (``halves``),
fixed before any tuning: ``--sweep`` sees only the tune half, and figures are printed for both.
ECB+ has no publication dates: only dates written in the texts reach the day term, the year clue, the
weekday term (an undated text's "Sunday" against a dated story's days) and the time rule (an undated
article is timed by the days it reports and pays ``story_reported_gap_penalty`` from
``story_reported_gap_days``). Quantities (numbers outside the dates) are read off each
document's text at load time, so the cache need not change. Numbers that ECB+'s detokenisation split
("4. 6", "20, 000", "19: 47") are joined when the texts load (``repair_detokenised``; ``--raw-text`` keeps
them split). Reference:
TF-IDF + agglomerative clustering (average linkage, cosine) cut at the gold number of
clusters — an oracle on the count that online assignment does not get.

Held-out set (``--articles``, ``--gold``): a JSON-lines file of articles (``url``, ``language``, ``published``,
``title``, ``text``) and a gold file ``{url: {"story": …, "half": "tune"|"check"}}``. The articles of the chosen half
go, in a shuffled order per ``--orders``, through the real command (``newsweave run`` into a fresh SQLite file:
annotators, embedding, linker, store, report); each order is scored by pairwise P/R and BCubed against the gold
stories, and the pairs joined wrongly or missed are listed.

Speed (``--speed``): a SQLite file store is filled with 1k and 50k generated stories
(clustered embeddings shaped like e5's, see ``ClusteredNews``; entities, dates, keyword
counts), then 300 articles are assigned by the real linker — half written from a stored
story, half new — with database reads and writes, the sync before each assignment and the
index update included (stories that grew are re-indexed ``PENDING_LIMIT`` at a time: that
batch falls in whichever round fills it), embedding excluded (embedding throughput is printed
by the quality run: it dominates). The two sizes alternate in rounds so that the shared machine's load
falls on both; the ratio is the median of the rounds' ratios. Also: start-up time with a
rebuild vs from the snapshot, the candidates' recall against exact search, and where the
time goes. The machine is shared: timings are noisy.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from similarity import DEFAULT_CACHE, DEFAULT_EVAL, text_key  # noqa: E402

from newsweave.annotate.embeddings import EMBEDDING_DIM  # noqa: E402
import newsweave.link.stories as linking  # noqa: E402
from newsweave.link import story_score, story_snapshot  # noqa: E402
from newsweave.link.stories import ArticleSignals, StoryConflict, StoryLinker, StoryState  # noqa: E402
from newsweave.link.story_signals import (  # noqa: E402
    entity_labels, entity_mentions, event_participants, event_types, latest_year, named_weekdays, quantities, reported_days)

SHUFFLES = 3


class MemoryStories:
    """An in-memory StoryMemory (the store's, without a database), for the quality run."""

    def __init__(self) -> None:
        self.stories: dict[str, StoryState] = {}
        self.members: dict[str, str] = {}
        self.seqs: dict[str, int] = {}
        self.story_linker = None  # StoryMemory's slot; this bench makes its linkers itself

    def stories_since(self, seq: int):
        changed = sorted((s, i) for i, s in self.seqs.items() if s > seq)
        return [(i, self.stories[i].centroid_sum.tobytes(), s) for s, i in changed]

    def latest_story_seq(self) -> int:
        return max(self.seqs.values(), default=0)

    def stories_by_id(self, story_ids: list[str], keywords: bool = True) -> list[StoryState]:
        return [self._copy(self.stories[i]) for i in story_ids if i in self.stories]

    def story_of(self, article_id: str) -> str | None:
        return self.members.get(article_id)

    def save_story(self, story: StoryState, article_id: str) -> int | None:
        if article_id in self.members:
            return None
        stored = self.stories.get(story.id)
        if (stored.version if stored else 0) != story.version:
            raise StoryConflict(story.id)
        self.stories[story.id] = self._copy(story)
        self.stories[story.id].version += 1
        self.members[article_id] = story.id
        self.seqs[story.id] = self.latest_story_seq() + 1
        return self.seqs[story.id]

    def story_index_file(self):
        return None

    @staticmethod
    def _copy(story: StoryState) -> StoryState:
        return StoryState(story.id, story.centroid_sum.copy(), story.size, {k: dict(v) for k, v in story.entities.items()},
                          dict(story.keywords), list(story.languages), story.first, story.last, story.label, story.version,
                          json.loads(json.dumps(story.profile)))


class ChangingStories(MemoryStories):
    """MemoryStories that also keeps member signals, splits, merges and topics
    (``link.story_changes.StoryChangeMemory``), so the run measures stories that change online."""

    def __init__(self) -> None:
        super().__init__()
        self.signals: dict[str, tuple[int, bytes, dict]] = {}
        self.story_topic: dict[str, str] = {}
        self.topics: dict[str, StoryState] = {}
        self.merged: dict[str, str] = {}

    def save_member(self, article_id: str, embedding: bytes, signals: dict) -> None:
        self.signals.setdefault(article_id, (len(self.signals), embedding, signals))

    def member_signals(self, story_id: str):
        rows = sorted((order, a, e, d) for a, (order, e, d) in self.signals.items() if self.members.get(a) == story_id)
        return [(a, e, d) for _, a, e, d in rows]

    def _write(self, story: StoryState, version: int) -> None:
        self.stories[story.id] = self._copy(story)
        self.stories[story.id].version = version
        self.seqs[story.id] = self.latest_story_seq() + 1

    def split_story(self, kept: StoryState, new: StoryState, moved: list[str], score: float) -> bool:
        if self.stories[kept.id].version != kept.version:
            return False
        self._write(kept, kept.version + 1)
        self._write(new, 1)
        for article_id in moved:
            self.members[article_id] = new.id
        if kept.id in self.story_topic:
            self.story_topic[new.id] = self.story_topic[kept.id]
        return True

    def merge_stories(self, kept: StoryState, gone: StoryState, score: float) -> bool:
        if (self.stories[kept.id].version, self.stories[gone.id].version) != (kept.version, gone.version):
            return False
        self._write(kept, kept.version + 1)
        for article_id, story_id in list(self.members.items()):
            if story_id == gone.id:
                self.members[article_id] = kept.id
        del self.stories[gone.id], self.seqs[gone.id]
        self.merged[gone.id] = kept.id
        topic = self.story_topic.pop(gone.id, None)
        if topic and kept.id not in self.story_topic:
            self.story_topic[kept.id] = topic
        return True

    def resolve_story(self, story_id: str) -> str | None:
        while story_id not in self.stories and story_id in self.merged:
            story_id = self.merged[story_id]
        return story_id if story_id in self.stories else None

    def topics_of(self, story_ids: list[str]) -> dict[str, str]:
        return {i: self.story_topic[i] for i in story_ids if i in self.story_topic}

    def topics_by_id(self, topic_ids: list[str]) -> list[StoryState]:
        return [self._copy(self.topics[i]) for i in topic_ids if i in self.topics]

    def save_topic(self, topic: StoryState, story_id: str) -> None:
        self.topics[topic.id] = self._copy(topic)
        self.story_topic[story_id] = topic.id


# False (``--no-changes``): stories never split or merge, as before stop 24.
CHANGES = True


# ECB+'s texts are its tokens joined with a space after each punctuation token, so one number of
# the original reads as two ("4. 6 magnitude", "20, 000 people", "19: 47 GMT"). Joined back only
# where the split cannot be a sentence or list boundary: the first part has at most three digits
# (a year such as "2008. 4" may end a sentence or a dateline), a thousands group is exactly three
# digits, and a comma join never follows a letter or a hyphen ("i7, 750 GB", "6 - foot - 9, 260 - pound").
_SPLIT_DECIMAL = re.compile(r"(?<![\w.,:])(?<!\d[.,:] )\d{1,3}(?:\. \d+)+(?![\d])")
_SPLIT_THOUSANDS = re.compile(r"(?<![\w.,:])(?<!\d[.,:] )(?<!- )\d{1,3}(?:, \d{3})+(?!\d)")
_SPLIT_CLOCK = re.compile(r"(?<![\w.,:])(?<!\d: )\d{1,2}(?:: \d{2})+(?!\d)")


def repair_detokenised(text: str) -> str:
    """``text`` with the numbers that ECB+'s detokenisation split written whole again (a repair of the
    bench's input: production reads the publisher's text, which has no such splits)."""
    for pattern, split in ((_SPLIT_DECIMAL, ". "), (_SPLIT_THOUSANDS, ", "), (_SPLIT_CLOCK, ": ")):
        text = pattern.sub(lambda match, split=split: match.group(0).replace(split, split.strip()), text)
    return text


def annotated_signals(docs: list[dict], folder: Path) -> dict[str, ArticleSignals]:
    """Each document run through the real annotators (language, entities, dates, events, embedding),
    its signals read off as ingest reads them; cached per document under ``folder`` (outside the repo)."""
    from newsweave.annotate import annotate_batch
    from newsweave.model import Article
    from newsweave.offsets import OffsetMap

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "annotations.jsonl"
    cached = {}
    if path.exists():
        cached = {row["key"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    todo = [doc for doc in docs if text_key(doc["text"]) not in cached]
    with path.open("a", encoding="utf-8") as out:
        for begin in range(0, len(todo), 32):
            chunk = todo[begin : begin + 32]
            articles = [Article(id=doc["doc_id"], source="bench", raw=doc["text"], raw_sha256="", text=doc["text"],
                                offsets=OffsetMap.identity(len(doc["text"])), language="en") for doc in chunk]
            annotate_batch(articles, overlap=False)
            for doc, article in zip(chunk, articles, strict=True):
                row = {"key": text_key(doc["text"]), "entities": [e.to_json() for e in article.entities],
                       "events": [e.to_json() for e in article.events],
                       "dates": [d.to_json() for d in article.dates],
                       "embedding": article.work.embedding.tolist()}
                cached[row["key"]] = row
                out.write(json.dumps(row) + "\n")
            out.flush()
            print(f"  annotated {begin + len(chunk)}/{len(todo)}", file=sys.stderr, flush=True)
    return {doc["doc_id"]: signals_of(cached[text_key(doc["text"])], doc["text"]) for doc in docs}


def signals_of(row: dict, text: str = "") -> ArticleSignals:
    from newsweave.model import Article, Entity, Event, Timex
    from newsweave.offsets import OffsetMap

    # Rows cached before the typed model hold the same fields as dicts; a date row may lack
    # its span's offsets beyond start/end.
    article = Article(id="", source="", raw="", raw_sha256="", text=text, offsets=OffsetMap.identity(len(text)), language="en",
                      entities=[Entity.from_json(e) for e in row["entities"]],
                      dates=[Timex.from_json({"source_start": d["start"], "source_end": d["end"], "text": "", **d})
                             for d in row["dates"]],
                      events=[Event.from_json(e) for e in row["events"]])
    mentioned = entity_mentions(article)
    labels = entity_labels(article)
    days = reported_days(article)
    return ArticleSignals(np.asarray(row["embedding"], dtype=np.float32), {k: n for k, (n, _) in mentioned.items()},
                          [], None, "en", {k: c for k, (_, c) in mentioned.items()}, days,
                          event_types(article), {k: labels.get(k, "") for k in mentioned},
                          participants=event_participants(article), year=latest_year(article, days),
                          quantities=quantities(article), weekdays=named_weekdays(article))


def assign_online(docs: list[dict], signals: dict[str, ArticleSignals]) -> dict[str, str]:
    linker = StoryLinker(ChangingStories() if CHANGES else MemoryStories())
    for doc in docs:
        linker.assign_signals(doc["doc_id"], signals[doc["doc_id"]])
    return dict(linker.memory.members)


def halves(docs: list[dict]) -> dict[str, list[dict]]:
    """Tune and check halves by a hash of the topic id (fixed before any tuning)."""
    import hashlib

    def half(topic: int) -> str:
        return "tune" if hashlib.blake2b(str(topic).encode(), digest_size=2).digest()[0] % 2 == 0 else "check"

    split: dict[str, list[dict]] = {"tune": [], "check": []}
    for doc in docs:
        split[half(doc["topic"])].append(doc)
    return split


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item, cluster in predicted.items():
        by_pred[cluster].add(item)
    for item, cluster in gold.items():
        by_gold[cluster].add(item)
    precision = recall = 0.0
    for item in gold:
        same_pred, same_gold = by_pred[predicted[item]], by_gold[gold[item]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    p, r = precision / len(gold), recall / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def item_pairs(gold: dict[str, str]) -> list[tuple[str, str]]:
    items = sorted(gold)
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1:]]


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall: of the pairs put in one story, the share that share a gold story, and the reverse."""
    pairs = item_pairs(gold)
    joined = {(a, b) for a, b in pairs if predicted[a] == predicted[b]}
    true = {(a, b) for a, b in pairs if gold[a] == gold[b]}
    return (len(joined & true) / len(joined) if joined else 1.0), (len(joined & true) / len(true) if true else 1.0)


def ari(predicted: dict[str, str], gold: dict[str, str]) -> float:
    try:
        from sklearn.metrics import adjusted_rand_score
    except ImportError:  # the bench extra is not installed: BCubed alone, as the baseline is skipped
        return float("nan")

    items = sorted(gold)
    return float(adjusted_rand_score([gold[i] for i in items], [predicted[i] for i in items]))


def tfidf_baseline(docs: list[dict], clusters: int) -> dict[str, str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([d["text"] for d in docs]).toarray()
    labels = AgglomerativeClustering(n_clusters=clusters, metric="cosine", linkage="average").fit_predict(matrix)
    return {doc["doc_id"]: str(label) for doc, label in zip(docs, labels, strict=True)}


def online_rows(docs: list[dict], signals: dict[str, ArticleSignals], by_topic: bool = False) -> list[tuple[float, ...]]:
    """BCubed P, R, F1, ARI and the number of stories of online assignment, one row per order
    (``SHUFFLES`` orders): all docs in one stream (both sub-topics of every topic mixed), or each
    topic in a stream of its own."""
    gold = {doc["doc_id"]: doc["subtopic"] for doc in docs}
    topics = defaultdict(list)
    for doc in docs:
        topics[doc["topic"] if by_topic else 0].append(doc)
    rows = []
    for shuffle in range(SHUFFLES):
        predicted = {}
        for topic, members in topics.items():
            order = list(members)
            random.Random(shuffle).shuffle(order)
            predicted.update({k: f"{topic}:{v}" for k, v in assign_online(order, signals).items()})
        rows.append((*bcubed(predicted, gold), ari(predicted, gold), len(set(predicted.values()))))
    return rows


def online_scores(docs: list[dict], signals: dict[str, ArticleSignals], by_topic: bool = False) -> tuple[float, ...]:
    """``online_rows``' mean over the orders."""
    rows = online_rows(docs, signals, by_topic)
    return tuple(float(np.mean([row[i] for row in rows])) for i in range(5))


def oracle_scores(docs: list[dict], by_topic: bool = False) -> tuple[float, ...]:
    gold = {doc["doc_id"]: doc["subtopic"] for doc in docs}
    if by_topic:
        topics = defaultdict(list)
        for doc in docs:
            topics[doc["topic"]].append(doc)
        predicted = {}
        for topic, members in topics.items():
            predicted.update({k: f"{topic}:{v}" for k, v in tfidf_baseline(members, 2).items()})
    else:
        predicted = tfidf_baseline(docs, len(set(gold.values())))
    return (*bcubed(predicted, gold), ari(predicted, gold), len(set(predicted.values())))


def evaluate(docs: list[dict], signals: dict[str, ArticleSignals]) -> None:
    print(f"{'half':6} {'setting':40} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'ARI':>6} {'stories':>8}")
    for name, members in (*halves(docs).items(), ("all", docs)):
        label = f"{name} ({len({d['topic'] for d in members})} topics, {len(members)} docs)"
        print(label)
        if not members:
            continue  # --topics N can leave a half without topics
        for setting, by_topic in (("all docs, one stream", False), ("each topic on its own", True)):
            rows = online_rows(members, signals, by_topic)
            p, r, f, a, n = (float(np.mean([row[i] for row in rows])) for i in range(5))
            # The order the articles come in moves F1 by about as much as most changes do: its range is
            # printed beside the mean, so that a difference can be read against it.
            spread = f"F1 {min(row[2] for row in rows):.3f}-{max(row[2] for row in rows):.3f}"
            print(f"{name:6} {'ours, ' + setting + f', mean of {SHUFFLES} orders':40} {p:6.3f} {r:6.3f} {f:6.3f} {a:6.3f}"
                  f" {n:8.0f}  ({spread})")
            try:
                p, r, f, a, n = oracle_scores(members, by_topic)
                print(f"{name:6} {'TF-IDF+agglomerative, k=gold, ' + ('per topic' if by_topic else 'all'):40}"
                      f" {p:6.3f} {r:6.3f} {f:6.3f} {a:6.3f} {n:8.0f}")
            except ImportError:
                print("baseline skipped: scikit-learn is not installed")


def merge_errors(docs: list[dict], signals: dict[str, ArticleSignals], shown: int = 4) -> None:
    """The tune half's stories that hold more than one gold sub-topic (all docs in one stream,
    order 0), and what each sub-topic's articles carry: its most named people and organisations,
    event types and first reported days, to read what could have told the events apart."""
    members = halves(docs)["tune"]
    order = list(members)
    random.Random(0).shuffle(order)
    predicted = assign_online(order, signals)
    gold = {doc["doc_id"]: doc["subtopic"] for doc in members}
    print(f"tune half, order 0: B3 P / R / F1 {' / '.join(f'{v:.3f}' for v in bcubed(predicted, gold))}")
    stories = defaultdict(list)
    for doc_id, story in predicted.items():
        stories[story].append(doc_id)
    for story, ids in stories.items():
        parts = Counter(gold[doc_id] for doc_id in ids)
        if len(parts) < 2:
            continue
        print(f"\nstory {story}: " + ", ".join(f"{name} {n}" for name, n in parts.most_common()))
        for part in parts:
            names: Counter[str] = Counter()
            events: Counter[str] = Counter()
            days: Counter[str] = Counter()
            for doc_id in (doc_id for doc_id in ids if gold[doc_id] == part):
                found = signals[doc_id]
                names.update(found.entities[key] for key in found.entities if found.labels.get(key) in ("PER", "ORG"))
                events.update(found.events)
                days.update(str(day) for day in found.days[:2])
            print(f"  {part}: named {names.most_common(shown)}; events {events.most_common(shown)};"
                  f" days {days.most_common(shown)}")


# The settings swept on the tune half (fields of LinkSettings that link/story_score.py reads).
SWEEP = {
    "story_join_threshold": [0.48, 0.52, 0.56, 0.60, 0.64, 0.68],
    "story_entity_weight": [0.5],
    "story_day_penalty": [0.0, 0.2, 0.4],
    "story_shared_needed": [0.01, 1.0],
    "story_event_penalty": [0.0],
    "story_participant_penalty": [0.0, 0.1, 0.2, 0.3],
    "story_reported_gap_days": [365],
    "story_reported_gap_penalty": [0.0, 0.2],
    "story_year_penalty": [0.2],
    "story_year_gap": [2],
    "story_quantity_penalty": [0.0, 0.1, 0.2, 0.3],
    "story_quantity_min": [2],
    "story_weekday_penalty": [0.3],
    "story_reoffer_max_size": [3],
    "story_reoffer_margin": [0.2],
}


def use_setting(**values: float) -> None:
    """Swap the settings that link/story_score.py reads (it reads them at each call)."""
    story_score.SETTINGS = dataclasses.replace(story_score.SETTINGS, **values)


def sweep(docs: list[dict], signals: dict[str, ArticleSignals]) -> None:
    """Every setting of ``SWEEP`` on the tune half's all-docs stream (one order: shuffle 0); the
    best by F1 averaged with its neighbouring thresholds (the middle of a plateau, not its
    edge) is printed, to be scored on the check half by a plain run."""
    import itertools

    tune = halves(docs)["tune"]
    gold = {doc["doc_id"]: doc["subtopic"] for doc in tune}
    order = list(tune)
    random.Random(0).shuffle(order)
    names = list(SWEEP)
    old = {name: getattr(story_score.SETTINGS, name) for name in names}
    f1: dict[tuple, tuple[float, float]] = {}
    for values in itertools.product(*SWEEP.values()):
        use_setting(**dict(zip(names, values, strict=True)))
        p, _, f = bcubed(assign_online(order, signals), gold)
        f1[values] = (f, p)
    use_setting(**old)

    def smoothed(values: tuple) -> float:
        near = [f1[(t, *values[1:])][0] for t in SWEEP["story_join_threshold"] if abs(t - values[0]) < 0.05]
        return sum(near) / len(near)

    ranked = sorted(f1, key=smoothed, reverse=True)
    print(f"tune half ({len(tune)} docs), best settings by F1 smoothed over neighbouring thresholds:")
    for values in ranked[:10]:
        print("  " + ", ".join(f"{n}={v}" for n, v in zip(names, values, strict=True))
              + f": F1 {f1[values][0]:.3f} (P {f1[values][1]:.3f}), smoothed {smoothed(values):.3f}")
    current = tuple(old[name] for name in names)
    if current in f1:
        print(f"  current: F1 {f1[current][0]:.3f}, smoothed {smoothed(current):.3f}")


SPEED_TOPICS = 400  # broad subjects; stories are variations on one
SPEED_ENTITIES = 20_000


class ClusteredNews:
    """Generated embeddings shaped like e5's of news leads once centred by language: a small
    direction shared by all texts, topics, stories within topics, article noise. The weights
    give the mean cosines that the production embedding gives the ECB+ documents (English,
    cached by the quality run, centred): 0.56 within a sub-topic, 0.35 between sub-topics of one
    topic, 0.06 otherwise — only the shape of the cloud is taken from the eval data, nothing
    is tuned on it.
    Uniform random vectors would be the worst case for HNSW and unlike any real corpus."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.common = self._unit(self.rng.normal(size=EMBEDDING_DIM))
        self.topics = [self._unit(v) for v in self.rng.normal(size=(SPEED_TOPICS, EMBEDDING_DIM))]

    @staticmethod
    def _unit(vector: np.ndarray) -> np.ndarray:
        return (vector / np.linalg.norm(vector)).astype(np.float32)

    def story_centre(self) -> np.ndarray:
        topic = self.topics[self.rng.integers(len(self.topics))]
        # Two stories of one topic: centre cosine 0.58 = (0.35 - 0.06) / (0.56 - 0.06).
        return self._unit(0.762 * topic + 0.648 * self._unit(self.rng.normal(size=EMBEDDING_DIM)))

    def article(self, centre: np.ndarray) -> np.ndarray:
        noise = self._unit(self.rng.normal(size=EMBEDDING_DIM))
        # Squared weights 0.06 / 0.50 / 0.44: unrelated 0.06, same story 0.06 + 0.50 = 0.56.
        return self._unit(0.245 * self.common + 0.707 * centre + 0.663 * noise)

    def entities(self) -> dict[str, str]:
        return {f"geo:{n}": f"Entity {n}" for n in self.rng.integers(0, SPEED_ENTITIES, size=self.rng.integers(4, 16))}


def _stub_articles(store, ids: list[str]) -> None:
    """Minimal article rows: the probes' stories file them (story_articles points at articles)."""
    from datetime import UTC, datetime

    from sqlalchemy import insert

    from newsweave.store import schema

    now = datetime.now(UTC)
    rows = [{"id": i, "source": f"bench:{i}", "kind": "text", "published_basis": "unknown", "raw_sha256": i,
             "content_hash": i, "raw_text": "", "text": "", "offsets": [], "links": [], "signature": b"",
             "annotations": {}, "ingested_at": now} for i in ids]
    with store.engine.begin() as connection:
        connection.execute(insert(schema.articles), rows)


def fill_store(store, news: ClusteredNews, count: int) -> list[tuple[str, np.ndarray, dict[str, str]]]:
    """``count`` stories of 1–8 generated articles each, written in bulk (seq 1..count); returns
    (id, centre, entities, day) of each, for probes that belong to them."""
    from sqlalchemy import insert

    from newsweave.store import schema
    from newsweave.link.stories import story_label

    kept, rows = [], []
    for number in range(count):
        centre, entities = news.story_centre(), news.entities()
        story = StoryState(f"{number + 1:016x}", np.zeros(EMBEDDING_DIM, np.float32))
        day = f"2024-{news.rng.integers(1, 13):02d}-{news.rng.integers(1, 29):02d}"
        for _ in range(int(news.rng.integers(1, 9))):
            linking.add_to_story(story, ArticleSignals(news.article(centre), entities, [f"word{n}" for n in
                                 news.rng.integers(0, 3_000, size=25)], linking.parse_day(day), "en"))
        story.label = story_label(story)
        rows.append({"id": story.id, "label": story.label, "languages": story.languages, "first": story.first,
                     "last": story.last, "centroid": story.centroid_sum.tobytes(), "size": story.size,
                     "entity_counts": story.entities, "keyword_counts": story.keywords, "seq": number + 1,
                     "version": 1})
        kept.append((story.id, centre, entities, day))
        if len(rows) == 5_000 or number == count - 1:
            with store.engine.begin() as connection:
                connection.execute(insert(schema.stories), rows)
            rows = []
    return kept


def probe_signals(news: ClusteredNews, stories: list, count: int) -> list[ArticleSignals]:
    """Half the probes report a stored story (its entities, near its centre), half a new one."""
    probes = []
    for number in range(count):
        if number % 2 == 0:
            _, centre, entities, day = stories[int(news.rng.integers(len(stories)))]
        else:
            centre, entities = news.story_centre(), news.entities()
            day = f"2024-{news.rng.integers(1, 13):02d}-{news.rng.integers(1, 29):02d}"
        day = linking.parse_day(day)
        probes.append(ArticleSignals(news.article(centre), entities, [], day, "en"))
    return probes


class Timed:
    """Adds up the time spent in chosen methods of an object (wraps them on the instance)."""

    def __init__(self, target, names: list[str]) -> None:
        self.totals = dict.fromkeys(names, 0.0)
        self.read = 0  # stories asked for from stories_by_id
        for name in names:
            setattr(target, name, self._wrap(name, getattr(target, name)))

    def _wrap(self, name, method):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            self.read += len(args[0]) if name == "stories_by_id" else 0
            try:
                result = method(*args, **kwargs)
                return list(result) if name == "stories_since" else result
            finally:
                self.totals[name] += time.perf_counter() - started
        return timed


def recall(linker: StoryLinker, queries: list[np.ndarray]) -> tuple[float, float]:
    """Recall@CANDIDATES of the HNSW candidates against exact search, and how often the exact
    nearest story is among them."""
    found = top = 0
    for query in queries:
        exact = [f"{int(k):016x}" for k in linker.index.search(query, linking.CANDIDATES, exact=True).keys]
        approximate = set(linker.candidates(query))
        found += len(approximate & set(exact))
        top += exact[0] in approximate
    return found / (len(queries) * linking.CANDIDATES), top / len(queries)


class SpeedRun:
    """One stored-story count: a filled SQLite store, start-up timings, then probes assigned in rounds."""

    def __init__(self, size: int, probes: int, folder: Path) -> None:
        import os

        from newsweave.store import Store

        self.size, path = size, folder / f"stories-{size}.db"
        os.environ["NEWSWEAVE_STORY_INDEX_DIR"] = str(folder / f"snapshots-{size}")
        news = ClusteredNews(seed=size)
        store = Store(str(path))
        started = time.perf_counter()
        stories = fill_store(store, news, size)
        filled = time.perf_counter() - started
        store.close()
        store = Store(str(path))  # a fresh process's view: no snapshot yet
        started = time.perf_counter()
        linker = StoryLinker(store)
        self.rebuild = time.perf_counter() - started
        started = time.perf_counter()
        snapshot = linker.save_snapshot()
        saved = time.perf_counter() - started
        store.close()
        self.store = Store(str(path))
        started = time.perf_counter()
        self.linker = StoryLinker(self.store)
        self.load = time.perf_counter() - started
        assert self.linker.loaded_from_snapshot and len(self.linker.index) == size
        self.probes = probe_signals(news, stories, probes)
        self.ids = [f"probe{size}-{n}" for n in range(probes)]
        _stub_articles(self.store, self.ids)
        self.recall = recall(self.linker, [p.embedding for p in self.probes[:200]])
        self.timed = Timed(self.store, ["stories_since", "stories_by_id", "save_story"])
        self.index_work = Timed(self.linker, ["_nearest", "_upsert"])
        self.per_round: list[float] = []
        self.joined = self.done = 0
        print(f"  {size:>6} stories: fill {filled:.0f} s; start-up: rebuild {self.rebuild:.2f} s, snapshot write"
              f" {saved:.2f} s ({snapshot.stat().st_size / 2**20:.0f} MiB), snapshot load {self.load:.2f} s;"
              f" candidates vs exact search (200 probes): recall@{linking.CANDIDATES} {self.recall[0]:.3f},"
              f" exact nearest among them {self.recall[1]:.3f}")

    def assign(self, start: int, end: int) -> float:
        """Assign probes [start, end); returns ms per article."""
        started = time.perf_counter()
        for article_id, signals in zip(self.ids[start:end], self.probes[start:end], strict=True):
            self.joined += not self.linker.assign_signals(article_id, signals).new
        self.done += end - start
        self.per_round.append((time.perf_counter() - started) / (end - start) * 1000)
        return self.per_round[-1]

    def report(self) -> None:
        idle = time.perf_counter()
        for _ in range(200):
            self.linker.sync()
        idle = (time.perf_counter() - idle) / 200
        parts = {**self.timed.totals, "index search": self.index_work.totals["_nearest"],
                 "index update": self.index_work.totals["_upsert"]}
        print(f"  {self.size:>6} stories: {statistics.median(self.per_round):.2f} ms/article (median of"
              f" {len(self.per_round)} rounds; min {min(self.per_round):.2f}, max {max(self.per_round):.2f});"
              f" {self.joined}/{self.done} joined a story; {self.timed.read / self.done:.1f} stories read per article;"
              " of which " + ", ".join(f"{name} {total / self.done * 1000:.2f}" for name, total in parts.items())
              + f" ms; an idle sync {idle * 1000:.3f} ms")
        self.store.close()


def speed(sizes: tuple[int, ...] = (1_000, 50_000), probes: int = 300, rounds: int = 6) -> None:
    """Per-article assignment cost on a SQLite file store (database reads and writes, index
    search and update, the sync before each assignment; no embedding), start-up with and
    without a snapshot, and the candidates' recall. The sizes are measured in alternating
    rounds, so load from other processes falls on both alike; the ratio is the median of the
    per-round ratios."""
    import tempfile

    print(f"story assignment cost, excluding embedding ({probes} articles after the fill, {rounds} rounds; SQLite"
          f" file store; HNSW M={linking.INDEX_CONNECTIVITY} ef_add={linking.INDEX_EXPANSION_ADD}"
          f" ef_search={story_snapshot.INDEX_EXPANSION_SEARCH}, {linking.CANDIDATES} candidates; shared machine: noisy, read"
          " the ratios)")
    with tempfile.TemporaryDirectory(prefix="newsweave-speed-") as work:
        runs = [SpeedRun(size, probes, Path(work)) for size in sizes]
        step = probes // rounds
        for number in range(rounds):
            for run in runs if number % 2 == 0 else reversed(runs):
                run.assign(number * step, (number + 1) * step)
        for run in runs:
            run.report()
    if len(runs) == 2:
        small, large = runs
        ratios = [b / a for a, b in zip(small.per_round, large.per_round, strict=True)]
        print(f"  ratio {large.size}/{small.size}: assignment {statistics.median(ratios):.2f} (median of the rounds'"
              f" ratios {', '.join(f'{r:.2f}' for r in ratios)}; goal <= 1.3); start-up at {large.size}:"
              f" rebuild {large.rebuild:.1f} s vs snapshot {large.load:.2f} s")


def stories_of_run(articles: list[dict], folder: Path) -> dict[str, str]:
    """Run ``newsweave run`` on ``articles`` (in this order) into a fresh store under ``folder``; the story id of
    each article, keyed by its URL."""
    from newsweave.store import Store

    folder.mkdir(parents=True, exist_ok=True)
    source, db = folder / "articles.jsonl", folder / "stories.db"
    db.unlink(missing_ok=True)
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    command = [sys.executable, "-c", "import sys; from newsweave.cli import main; sys.exit(main())",
               "run", str(source), "--db", str(db), "--out", str(folder / "report")]
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    store = Store(str(db))
    try:
        story_of = {article: row["id"] for row in store.story_rows() for article in row["article_ids"]}
        return {row["url"]: story_of[row["id"]] for row in store.article_summaries()}
    finally:
        store.close()


def held_out(articles_path: Path, gold_path: Path, half: str, folder: Path) -> None:
    """Score the chosen half of a held-out set through ``newsweave run``, one run per order."""
    gold_rows = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = [json.loads(line) for line in articles_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [a for a in articles if gold_rows[a["url"]]["half"] == half]
    gold = {a["url"]: gold_rows[a["url"]]["story"] for a in articles}
    print(f"{half}: {len(articles)} articles, {len(set(gold.values()))} gold stories")
    rows = []
    for order in range(SHUFFLES):
        shuffled = list(articles)
        random.Random(order).shuffle(shuffled)
        predicted = stories_of_run(shuffled, folder / f"order{order}")
        rows.append((*pairwise(predicted, gold), *bcubed(predicted, gold), len(set(predicted.values()))))
        print(f"order {order}: pairwise P {rows[-1][0]:.3f} R {rows[-1][1]:.3f}  BCubed P {rows[-1][2]:.3f} R {rows[-1][3]:.3f}"
              f" F1 {rows[-1][4]:.3f}  stories {rows[-1][5]}")
        for url_a, url_b in pair_errors(predicted, gold):
            print(f"    {'joined' if predicted[url_a] == predicted[url_b] else 'missed'}: {gold[url_a]} {url_a.split('/')[-1]}"
                  f" ~ {gold[url_b]} {url_b.split('/')[-1]}")
    means = [float(np.mean([row[i] for row in rows])) for i in range(6)]
    print(f"mean of {SHUFFLES} orders: pairwise P {means[0]:.3f} R {means[1]:.3f}  BCubed P {means[2]:.3f} R {means[3]:.3f}"
          f" F1 {means[4]:.3f}  stories {means[5]:.1f}")


def pair_errors(predicted: dict[str, str], gold: dict[str, str]) -> list[tuple[str, str]]:
    """The pairs joined in one story against gold, and the gold pairs left apart."""
    return [(a, b) for a, b in item_pairs(gold) if (predicted[a] == predicted[b]) != (gold[a] == gold[b])]


def main() -> None:
    global CHANGES, SHUFFLES
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE / "ecbplus")
    parser.add_argument("--topics", type=int, default=None, help="use the first N topics only")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--sizes", default="1000,50000", help="--speed: stored stories, comma-separated")
    parser.add_argument("--probes", type=int, default=300, help="--speed: articles assigned after the fill")
    parser.add_argument("--ef-search", type=int, default=None, help="--speed: instead of INDEX_EXPANSION_SEARCH")
    parser.add_argument("--candidates", type=int, default=None, help="--speed: instead of CANDIDATES")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a LinkSettings field for this run, e.g. --set story_join_threshold=0.6")
    parser.add_argument("--sweep", action="store_true", help="the SWEEP grid on the tune half")
    parser.add_argument("--errors", action="store_true", help="the tune half's stories that merge sub-topics")
    parser.add_argument("--raw-text", action="store_true", help="ECB+ texts as detokenised, numbers left split")
    parser.add_argument("--no-changes", action="store_true", help="stories never split or merge (as before stop 24)")
    parser.add_argument("--orders", type=int, default=SHUFFLES, help="orders of the stream, each scored (default 3)")
    parser.add_argument("--articles", type=Path, default=None, help="a held-out set: JSON lines of articles")
    parser.add_argument("--gold", type=Path, default=None, help="with --articles: {url: {story, half}}")
    parser.add_argument("--half", default="tune", choices=("tune", "check"), help="with --articles: which half to run")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsweave-held-out"), help="with --articles: run folders")
    args = parser.parse_args()
    CHANGES = not args.no_changes
    SHUFFLES = args.orders
    if args.speed:
        story_snapshot.INDEX_EXPANSION_SEARCH = args.ef_search or story_snapshot.INDEX_EXPANSION_SEARCH
        linking.CANDIDATES = args.candidates or linking.CANDIDATES
        speed(tuple(int(size) for size in args.sizes.split(",")), args.probes)
        return
    if args.articles:
        held_out(args.articles, args.gold, args.half, args.work)
        return
    path = args.eval / "ecbplus.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found (set --eval or NEWSWEAVE_EVAL)")
        return
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.raw_text:
        print("texts as detokenised (no repair)")
    else:
        repaired = [{**doc, "text": repair_detokenised(doc["text"])} for doc in docs]
        print(f"split numbers joined in {sum(a['text'] != b['text'] for a, b in zip(docs, repaired))} of {len(docs)} texts")
        docs = repaired
    if args.topics:
        keep = sorted({doc["topic"] for doc in docs})[: args.topics]
        docs = [doc for doc in docs if doc["topic"] in keep]
    started = time.perf_counter()
    signals = annotated_signals(docs, args.cache)
    print(f"signals (annotators + embedding) ready in {time.perf_counter() - started:.0f} s")
    use_setting(**{name: float(value) for name, value in (item.split("=", 1) for item in args.set)})
    print("settings: " + ", ".join(f"{name} {getattr(story_score.SETTINGS, name)}" for name in SWEEP))
    if args.sweep:
        sweep(docs, signals)
        return
    if args.errors:
        merge_errors(docs, signals)
        return
    evaluate(docs, signals)


if __name__ == "__main__":
    main()
