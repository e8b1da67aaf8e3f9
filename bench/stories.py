"""Online story assignment against the gold sub-topics of ECB+, and its cost as the store grows.

    .venv/bin/python bench/stories.py [--eval ../shared/eval/stories] [--cache DIR] [--topics N]
    .venv/bin/python bench/stories.py --speed          # assignment cost at 1k and 50k stories

Quality (``ecbplus.jsonl``, English, 982 docs, 86 sub-topics; see the folder's README): each
document is assigned online, in order, by the real :class:`~newsweave.link.stories.StoryLinker`
(usearch index, combined score) over an in-memory :class:`StoryMemory`; BCubed P/R/F1 and
the adjusted Rand index against ``subtopic``, in two settings: all documents in one stream,
and each topic on its own (its two sub-topics share event type and vocabulary). Three
shuffles of the order show its effect. No dates in ECB+, so the time term is idle. Reference:
TF-IDF + agglomerative clustering (average linkage, cosine) cut at the gold number of
clusters — an oracle on the count that online assignment does not get.

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
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from similarity import DEFAULT_CACHE, DEFAULT_EVAL, PRODUCTION, SignalCache, Variant, text_key  # noqa: E402

from newsweave.annotate.embeddings import EMBEDDING_DIM, centre_by_language  # noqa: E402
import newsweave.link.stories as linking  # noqa: E402
from newsweave.link.stories import ArticleSignals, StoryConflict, StoryLinker, StoryState  # noqa: E402

SHUFFLES = 3


class MemoryStories:
    """An in-memory StoryMemory (the store's, without a database), for the quality run."""

    def __init__(self) -> None:
        self.stories: dict[str, StoryState] = {}
        self.members: dict[str, str] = {}
        self.seqs: dict[str, int] = {}

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
                          dict(story.keywords), list(story.languages), story.first, story.last, story.label, story.version)


def assign_online(docs: list[dict], cache: SignalCache) -> dict[str, str]:
    linker = StoryLinker(MemoryStories())
    for doc in docs:
        key = text_key(doc["text"])
        mentions = cache.entities[key]  # entity key -> mentions, most mentioned first
        vector = centre_by_language(cache.vectors[key][None, :], ["en"])[0]  # as annotate/embeddings.py does
        signals = ArticleSignals(vector, {entity: entity for entity in mentions}, [], None, "en", mentions)
        linker.assign_signals(doc["doc_id"], signals)
    return dict(linker.memory.members)


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


def ari(predicted: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    items = sorted(gold)
    return float(adjusted_rand_score([gold[i] for i in items], [predicted[i] for i in items]))


def tfidf_baseline(docs: list[dict], clusters: int) -> dict[str, str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([d["text"] for d in docs]).toarray()
    labels = AgglomerativeClustering(n_clusters=clusters, metric="cosine", linkage="average").fit_predict(matrix)
    return {doc["doc_id"]: str(label) for doc, label in zip(docs, labels, strict=True)}


def evaluate(docs: list[dict], cache: SignalCache) -> None:
    gold = {doc["doc_id"]: doc["subtopic"] for doc in docs}
    topics = defaultdict(list)
    for doc in docs:
        topics[doc["topic"]].append(doc)
    print(f"{len(docs)} docs, {len(topics)} topics, {len(set(gold.values()))} sub-topics")
    print(f"{'setting':34} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'ARI':>6} {'stories':>8}")
    for shuffle in range(SHUFFLES):
        order = list(docs)
        random.Random(shuffle).shuffle(order)
        predicted = assign_online(order, cache)
        p, r, f = bcubed(predicted, gold)
        print(f"{f'ours, all docs, shuffle {shuffle}':34} {p:6.3f} {r:6.3f} {f:6.3f} {ari(predicted, gold):6.3f} {len(set(predicted.values())):8}")
    for shuffle in range(SHUFFLES):
        predicted = {}
        for topic, members in topics.items():
            order = list(members)
            random.Random(shuffle).shuffle(order)
            predicted.update({k: f"{topic}:{v}" for k, v in assign_online(order, cache).items()})
        p, r, f = bcubed(predicted, gold)
        print(f"{f'ours, within topic, shuffle {shuffle}':34} {p:6.3f} {r:6.3f} {f:6.3f} {ari(predicted, gold):6.3f} {len(set(predicted.values())):8}")
    try:
        baseline = tfidf_baseline(docs, len(set(gold.values())))
        p, r, f = bcubed(baseline, gold)
        print(f"{'TF-IDF+agglomerative, all (k=gold)':34} {p:6.3f} {r:6.3f} {f:6.3f} {ari(baseline, gold):6.3f} {len(set(baseline.values())):8}")
        within = {}
        for topic, members in topics.items():
            within.update({k: f"{topic}:{v}" for k, v in tfidf_baseline(members, 2).items()})
        p, r, f = bcubed(within, gold)
        print(f"{'TF-IDF+agglomerative, topic (k=2)':34} {p:6.3f} {r:6.3f} {f:6.3f} {ari(within, gold):6.3f} {len(set(within.values())):8}")
    except ImportError:
        print("baseline skipped: scikit-learn is not installed")


# Grid of the sweep: cosine distributions move with the embedding variant, so it is wide.
SWEEP_THRESHOLDS = [round(0.30 + 0.02 * step, 2) for step in range(26)]
SWEEP_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def use_setting(threshold: float, weight: float) -> None:
    """Set the linker's join threshold and entity weight (module constants, read at each call)."""
    linking.JOIN_THRESHOLD, linking.ENTITY_WEIGHT = threshold, weight


def sweep(docs: list[dict], cache: SignalCache) -> None:
    """Join threshold x entity weight on the all-docs stream (shuffle 0), 2-fold by topic: the setting
    chosen on the odd topics is scored on the even ones and the other way round, so that the figure
    reported for a chosen setting is not measured on the docs that chose it."""
    old = (linking.JOIN_THRESHOLD, linking.ENTITY_WEIGHT)
    halves = {"odd": [d for d in docs if d["topic"] % 2], "even": [d for d in docs if not d["topic"] % 2]}
    f1: dict[tuple[str, float, float], float] = {}
    for half, members in halves.items():
        gold = {doc["doc_id"]: doc["subtopic"] for doc in members}
        order = list(members)
        random.Random(0).shuffle(order)
        for threshold in SWEEP_THRESHOLDS:
            for weight in SWEEP_WEIGHTS:
                use_setting(threshold, weight)
                f1[half, threshold, weight] = bcubed(assign_online(order, cache), gold)[2]
        print(f"{half} topics ({len(members)} docs), BCubed F1 by threshold (rows) x entity weight (columns)")
        print("       " + "".join(f"{weight:>7.2f}" for weight in SWEEP_WEIGHTS))
        for threshold in SWEEP_THRESHOLDS:
            print(f"{threshold:7.2f}" + "".join(f"{f1[half, threshold, weight]:7.3f}" for weight in SWEEP_WEIGHTS))
    def smoothed(half: str, threshold: float, weight: float) -> float:
        """F1 averaged with the neighbouring thresholds: picks the middle of a plateau, not its edge."""
        near = [f1[half, t, weight] for t in SWEEP_THRESHOLDS if abs(t - threshold) < 0.015]
        return sum(near) / len(near)

    for chooser, scored in (("odd", "even"), ("even", "odd")):
        best = max(((t, w) for t in SWEEP_THRESHOLDS for w in SWEEP_WEIGHTS), key=lambda tw: smoothed(chooser, *tw))
        use_setting(*old)
        gold = {doc["doc_id"]: doc["subtopic"] for doc in halves[scored]}
        order = list(halves[scored])
        random.Random(0).shuffle(order)
        baseline = bcubed(assign_online(order, cache), gold)[2]
        print(f"chosen on {chooser}: threshold {best[0]}, weight {best[1]} -> F1 on {scored} {f1[(scored, *best)]:.3f}"
              f" (current {old[0]}/{old[1]}: {baseline:.3f}; best on {scored} itself "
              f"{max(f1[(scored, t, w)] for t in SWEEP_THRESHOLDS for w in SWEEP_WEIGHTS):.3f})")
    use_setting(*old)


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
          f" ef_search={linking.INDEX_EXPANSION_SEARCH}, {linking.CANDIDATES} candidates; shared machine: noisy, read"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE / "ecbplus")
    parser.add_argument("--topics", type=int, default=None, help="use the first N topics only")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--sizes", default="1000,50000", help="--speed: stored stories, comma-separated")
    parser.add_argument("--probes", type=int, default=300, help="--speed: articles assigned after the fill")
    parser.add_argument("--ef-search", type=int, default=None, help="--speed: instead of INDEX_EXPANSION_SEARCH")
    parser.add_argument("--candidates", type=int, default=None, help="--speed: instead of CANDIDATES")
    parser.add_argument("--variant", default=PRODUCTION.name, help="embedding variant (bench/similarity.py names)")
    parser.add_argument("--threshold", type=float, default=None, help="join threshold instead of JOIN_THRESHOLD")
    parser.add_argument("--entity-weight", type=float, default=None, help="instead of ENTITY_WEIGHT")
    parser.add_argument("--sweep", action="store_true", help="threshold x entity weight, 2-fold by topic")
    args = parser.parse_args()
    if args.speed:
        linking.INDEX_EXPANSION_SEARCH = args.ef_search or linking.INDEX_EXPANSION_SEARCH
        linking.CANDIDATES = args.candidates or linking.CANDIDATES
        speed(tuple(int(size) for size in args.sizes.split(",")), args.probes)
        return
    path = args.eval / "ecbplus.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found (set --eval or NEWSWEAVE_EVAL)")
        return
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.topics:
        keep = sorted({doc["topic"] for doc in docs})[: args.topics]
        docs = [doc for doc in docs if doc["topic"] in keep]
    cache = SignalCache(args.cache, Variant.parse(args.variant))
    started = time.perf_counter()
    cache.fill([(doc["text"], "en") for doc in docs])
    print(f"signals (embedding + entities) ready in {time.perf_counter() - started:.0f} s")
    use_setting(args.threshold or linking.JOIN_THRESHOLD,
                linking.ENTITY_WEIGHT if args.entity_weight is None else args.entity_weight)
    print(f"variant {args.variant}, join threshold {linking.JOIN_THRESHOLD}, entity weight {linking.ENTITY_WEIGHT}")
    if args.sweep:
        sweep(docs, cache)
        return
    evaluate(docs, cache)


if __name__ == "__main__":
    main()
