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

Speed: stories with generated unit vectors (and entity sets) fill the memory to 1k and 50k;
the time to assign 300 more articles is measured excluding embedding (embedding throughput
is printed by the quality run: it dominates). The machine is shared: timings are noisy.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from similarity import DEFAULT_CACHE, DEFAULT_EVAL, PRODUCTION, SignalCache, Variant, text_key  # noqa: E402

from newsweave.annotate.embeddings import EMBEDDING_DIM  # noqa: E402
import newsweave.link.stories as linking  # noqa: E402
from newsweave.link.stories import ArticleSignals, StoryLinker, StoryState  # noqa: E402

SHUFFLES = 3


class MemoryStories:
    """An in-memory StoryMemory (the store's, without a database), for benchmarks."""

    def __init__(self) -> None:
        self.stories: dict[str, StoryState] = {}
        self.members: dict[str, str] = {}

    def story_centroids(self):
        return [(story.id, story.centroid_sum.tobytes()) for story in self.stories.values()]

    def stories_by_id(self, story_ids: list[str]) -> list[StoryState]:
        return [self._copy(self.stories[i]) for i in story_ids if i in self.stories]

    def story_of(self, article_id: str) -> str | None:
        return self.members.get(article_id)

    def save_story(self, story: StoryState, article_id: str) -> None:
        self.stories[story.id] = self._copy(story)
        self.members[article_id] = story.id

    @staticmethod
    def _copy(story: StoryState) -> StoryState:
        return StoryState(story.id, story.centroid_sum.copy(), story.size, {k: dict(v) for k, v in story.entities.items()},
                          dict(story.keywords), list(story.languages), story.first, story.last, story.label)


def assign_online(docs: list[dict], cache: SignalCache) -> dict[str, str]:
    linker = StoryLinker(MemoryStories())
    for doc in docs:
        key = text_key(doc["text"])
        keys = cache.entities[key]  # most mentioned first (caches written before 13:00 on 23 Nov: alphabetical)
        mentions = {entity: len(keys) - rank for rank, entity in enumerate(keys)}
        signals = ArticleSignals(cache.vectors[key], {entity: entity for entity in keys}, [], None, "en", mentions)
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
SWEEP_THRESHOLDS = [round(0.80 + 0.01 * step, 2) for step in range(17)]
SWEEP_WEIGHTS = (0.0, 0.05, 0.10, 0.15, 0.25)


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
    for chooser, scored in (("odd", "even"), ("even", "odd")):
        best = max(((t, w) for t in SWEEP_THRESHOLDS for w in SWEEP_WEIGHTS), key=lambda tw: f1[(chooser, *tw)])
        use_setting(*old)
        gold = {doc["doc_id"]: doc["subtopic"] for doc in halves[scored]}
        order = list(halves[scored])
        random.Random(0).shuffle(order)
        baseline = bcubed(assign_online(order, cache), gold)[2]
        print(f"chosen on {chooser}: threshold {best[0]}, weight {best[1]} -> F1 on {scored} {f1[(scored, *best)]:.3f}"
              f" (current {old[0]}/{old[1]}: {baseline:.3f}; best on {scored} itself "
              f"{max(f1[(scored, t, w)] for t in SWEEP_THRESHOLDS for w in SWEEP_WEIGHTS):.3f})")
    use_setting(*old)


def speed(sizes: tuple[int, ...] = (1_000, 50_000), probes: int = 300) -> None:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(2_000, EMBEDDING_DIM)).astype(np.float32)

    def vector() -> np.ndarray:
        v = centres[rng.integers(len(centres))] + rng.normal(scale=1.2, size=EMBEDDING_DIM).astype(np.float32)
        return (v / np.linalg.norm(v)).astype(np.float32)

    def signals() -> ArticleSignals:
        entities = {f"e{n}": f"e{n}" for n in rng.integers(0, 5_000, size=8)}
        return ArticleSignals(vector(), entities, [], None, "en")

    print(f"story assignment cost, excluding embedding ({probes} articles after the fill; shared machine, noisy)")
    results = {}
    for size in sizes:
        memory = MemoryStories()
        for number in range(size):
            story = StoryState(f"{number + 1:016x}", vector(), 1, {}, {}, ["en"])
            memory.stories[story.id] = story
        started = time.perf_counter()
        linker = StoryLinker(memory)
        rebuild = time.perf_counter() - started
        started = time.perf_counter()
        for number in range(probes):
            linker.assign_signals(f"probe{number}", signals())
        per_article = (time.perf_counter() - started) / probes
        results[size] = per_article
        print(f"  {size:>6} stories: index rebuild {rebuild:.2f} s, {per_article * 1000:.2f} ms per article")
    if len(results) == 2:
        small, large = sorted(results)
        print(f"  ratio {large}/{small}: {results[large] / results[small]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE / "ecbplus")
    parser.add_argument("--topics", type=int, default=None, help="use the first N topics only")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--variant", default=PRODUCTION.name, help="embedding variant (bench/similarity.py names)")
    parser.add_argument("--threshold", type=float, default=None, help="join threshold instead of JOIN_THRESHOLD")
    parser.add_argument("--entity-weight", type=float, default=None, help="instead of ENTITY_WEIGHT")
    parser.add_argument("--sweep", action="store_true", help="threshold x entity weight, 2-fold by topic")
    args = parser.parse_args()
    if args.speed:
        speed()
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
