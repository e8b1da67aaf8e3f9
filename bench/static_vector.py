"""SemEval-2022: does a static whole-text vector from e5's input token table add to the story vector?

    PYTHONPATH=src .venv/bin/python bench/static_vector.py [--eval ../shared/eval/stories] [--limit 600]
                                                           [--cache DIR] [--cost N]

The static vector (``bench/e5_static.py``) is the weighted mean of the input embeddings
of every token of the whole text. Rows: its cosine per weighting (SIF ``a``, or uniform) and per
post-processing: none; minus each language's mean; minus the global mean and the first principal
component(s) (Arora et al. 2017). Means and components are fitted on the texts of the SemEval pairs
*outside* the first ``--limit`` (as ``bench/make_embedding_means.py`` does), never on scored texts.
Then least-squares combiners of the production centred cosine, entity overlap and the static cosine,
fitted on the tune half only (``bench/similarity.py``'s hash split), |r| on the check half, overall,
cross-lingual and one language. ``--cost N``: CPU time per text of the static vector on the N longest
texts, cold (first sight of each word) and warm (words' pieces cached). Uses the caches of
``bench/similarity.py`` for the production embedding and entities (run it first with ``--limit 600``).

    PYTHONPATH=src .venv/bin/python bench/static_vector.py --ecb off linear:0.2:0.6 floor:0.5:0.5 mix:0.2:0
                                                           [--half tune] [--ecb-cache DIR]

``--ecb``: the static cosine as a term of the story score on ECB+ (``bench/stories.py``'s online run,
all docs of the half in one stream, mean of its orders), a term per SPEC ``MODE:W:C`` against the
static centroid of the story's current members (English mean from SemEval texts outside the scored
pairs; sif 1e-5): ``linear`` adds W × (cos − C); ``floor`` takes W × (C − cos) below C; ``mix`` adds
W × (static cos − production cos) + C; ``off`` is the production score. The score function is wrapped
here; nothing under ``src/`` changes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from similarity import (DEFAULT_CACHE, DEFAULT_EVAL, MEANS_KEPT_APART, PRODUCTION, SignalCache,  # noqa: E402
                        bootstrap_gain, centred_cosines, check_half, ordered_pairs, pearson, text_key,
                        tune_fitted)

import e5_static as sv  # noqa: E402
from newsweave.link.stories import entity_overlap  # noqa: E402

WEIGHTINGS = {"sif 1e-3": 1e-3, "sif 1e-4": 1e-4, "sif 1e-5": 1e-5, "uniform": None}


def weighted_vectors(texts: list[str], a: float | None) -> np.ndarray:
    """Unnormalised weighted sums of token input embeddings, one row per text."""
    rows = []
    for text in texts:
        ids = np.asarray(sv.token_ids(text), dtype=np.int64)
        if not len(ids):
            rows.append(np.zeros(sv.EMBEDDING_DIM, dtype=np.float32))
            continue
        unique, counts = np.unique(ids, return_counts=True)
        weights = counts * (a / (a + np.exp(sv.vocabulary().scores[unique])) if a else 1.0)
        rows.append(weights @ sv.dequantise(np.asarray(sv.vocabulary().word_table[unique])))
    return np.vstack(rows).astype(np.float32)


def unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=-1, keepdims=True), 1e-12)


def post_processings(fit: np.ndarray, fit_languages: list[str]) -> dict:
    """Ways to remove what all texts (or one language's texts) share, fitted on ``fit`` only."""
    fit = unit(fit)
    by_language = defaultdict(list)
    for vector, language in zip(fit, fit_languages, strict=True):
        by_language[language].append(vector)
    means = {language: np.mean(rows, axis=0) for language, rows in by_language.items() if len(rows) >= 100}
    fallback = np.mean(list(means.values()), axis=0)
    centred = fit - np.vstack([means.get(language, fallback) for language in fit_languages])
    global_mean = fit.mean(axis=0)
    components = np.linalg.svd(fit - global_mean, full_matrices=False)[2]
    centred_components = np.linalg.svd(centred, full_matrices=False)[2]

    def language_centred(vectors, languages):
        return unit(unit(vectors) - np.vstack([means.get(language, fallback) for language in languages]))

    def pc_removed(count):
        def apply(vectors, languages):
            rest = unit(vectors) - global_mean
            top = components[:count]
            return unit(rest - rest @ top.T @ top)
        return apply

    def language_pc_removed(vectors, languages):
        rest = unit(vectors) - np.vstack([means.get(language, fallback) for language in languages])
        top = centred_components[:1]
        return unit(rest - rest @ top.T @ top)

    return {"raw": lambda vectors, languages: unit(vectors), "language-centred": language_centred,
            "mean + PC1 removed": pc_removed(1), "mean + PC1-2 removed": pc_removed(2),
            "language-centred + PC1 removed": language_pc_removed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--limit", type=int, default=MEANS_KEPT_APART)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE / "semeval")
    parser.add_argument("--cost", type=int, default=0, metavar="N")
    parser.add_argument("--ecb", nargs="+", default=None, metavar="SPEC", help="story-score terms on ECB+")
    parser.add_argument("--half", default="tune", choices=("tune", "check", "all"))
    parser.add_argument("--ecb-cache", type=Path, default=DEFAULT_CACHE / "ecbplus")
    args = parser.parse_args()
    path = args.eval / "semeval2022-train.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    every = ordered_pairs([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
    rows, outside = every[: args.limit], every[args.limit:]
    if args.cost:
        cost([row[f"text{side}"] for row in rows for side in (1, 2)], args.cost)
        return
    if args.ecb:
        scored_texts = {row[f"text{side}"] for row in rows for side in (1, 2)}
        english = list(dict.fromkeys(row[f"text{side}"] for row in outside for side in (1, 2)
                                     if row[f"lang{side}"] == "en" and row[f"text{side}"] not in scored_texts))
        ecb_terms(args.eval, args.ecb_cache, args.half, english, args.ecb)
        return
    scored = {row[f"text{side}"] for row in rows for side in (1, 2)}
    fit_items = list(dict.fromkeys((row[f"text{side}"], row[f"lang{side}"]) for row in outside for side in (1, 2)
                                   if row[f"text{side}"] not in scored))
    production = SignalCache(args.cache, PRODUCTION)
    gold = np.array([row["overall"] for row in rows], dtype=float)
    check = np.array([check_half(row) for row in rows])
    cross = np.array([row["lang1"] != row["lang2"] for row in rows])
    masks = {"tune": ~check, "check": check, "check cross-lingual": check & cross, "check one language": check & ~cross}
    base = {"production centred cos": centred_cosines(rows, production.vectors),
            "entity overlap": np.array([entity_overlap(production.entities[text_key(r["text1"])],
                                                       production.entities[text_key(r["text2"])]) for r in rows])}
    same = (~cross).astype(float)

    def line(name, values):
        return f"{name:58}" + "".join(f"{abs(pearson(values[mask], gold[mask])):>22.3f}" for mask in masks.values())

    print(f"|r| with gold 'overall', {len(rows)} pairs; static-vector fits on {len(fit_items)} outside texts")
    print(f"{'signal':58}" + "".join(f"{name + f' (n={int(m.sum())})':>22}" for name, m in masks.items()))
    for name, values in base.items():
        print(line(name, values))
    combos = {}
    for weighting, a in WEIGHTINGS.items():
        fit = weighted_vectors([text for text, _ in fit_items], a)
        sides = {side: weighted_vectors([row[f"text{side}"] for row in rows], a) for side in (1, 2)}
        for post, apply in post_processings(fit, [language for _, language in fit_items]).items():
            first = apply(sides[1], [row["lang1"] for row in rows])
            second = apply(sides[2], [row["lang2"] for row in rows])
            cosines = np.sum(first * second, axis=1)
            name = f"static {weighting}, {post}"
            print(line(name, cosines))
            combos[name] = cosines
    print("\ncombiners fitted on the tune half only (check never seen)")
    columns = [base["production centred cos"], base["entity overlap"]]
    predicted, weights, intercept = tune_fitted(np.column_stack(columns), gold, ~check)
    print(line("tune-fit cos + entity", -predicted))
    predicted, weights, intercept = tune_fitted(np.column_stack(columns + [same, same * columns[0]]), gold, ~check)
    print(line("tune-fit cos + entity (+ same, same x cos)", -predicted))
    references = {with_same: tune_fitted(np.column_stack(columns + ([same, same * columns[0]] if with_same else [])),
                                         gold, ~check)[0] for with_same in (False, True)}
    # Chosen by |r| alone on the tune half; the check half only reports.
    ranked = sorted(combos, key=lambda name: -abs(pearson(combos[name][~check], gold[~check])))
    for name in ranked[:6]:
        for with_same in (False, True):
            features = columns + [combos[name]] + ([same, same * columns[0], same * combos[name]] if with_same else [])
            predicted, weights, intercept = tune_fitted(np.column_stack(features), gold, ~check)
            print(line(f"tune-fit cos + entity + {name.removeprefix('static ')}{' (+ same)' if with_same else ''}",
                       -predicted))
            low, high = bootstrap_gain(-predicted[check], -references[with_same][check], gold[check])
            print("    weights: " + ", ".join(f"{w:+.3f}" for w in weights) + f", intercept {intercept:+.3f};"
                  f" check gain in |r| over the same fit without it, 95% bootstrap [{low:+.3f}, {high:+.3f}]")


def ecb_terms(folder: Path, cache: Path, half: str, english: list[str], specs: list[str]) -> None:
    """The online ECB+ run of ``bench/stories.py`` with the static cosine as one more term (see the docstring)."""
    import stories as bench_stories

    import newsweave.link.stories as linking
    from newsweave.link import story_changes, story_score

    docs = [json.loads(line) for line in (folder / "ecbplus.jsonl").read_text(encoding="utf-8").splitlines() if line]
    docs = [{**doc, "text": bench_stories.repair_detokenised(doc["text"])} for doc in docs]
    signals = bench_stories.annotated_signals(docs, cache)
    mean = unit(weighted_vectors(english, 1e-5)).mean(axis=0)
    vectors = unit(unit(weighted_vectors([doc["text"] for doc in docs], 1e-5)) - mean)
    static = {doc["doc_id"]: vector for doc, vector in zip(docs, vectors, strict=True)}
    # Frozen signals: their static vectors are found by identity (the objects are kept alive here).
    by_signals = {id(signals[key]): (signals[key], vector) for key, vector in static.items()}
    state: dict = {"term": ("off", 0.0, 0.0)}

    def story_static(story_id: str) -> np.ndarray | None:
        memory = state["memory"]
        version = (memory.latest_story_seq(), len(memory.members))
        if state.get("version") != version:  # members changed: sums again
            sums: dict[str, np.ndarray] = {}
            for article, story in memory.members.items():
                sums[story] = sums.get(story, 0) + static[article]
            state["sums"], state["version"] = sums, version
        total = state["sums"].get(story_id)
        return None if total is None else unit(total)

    original_score, original_as_signals = story_score.score_story, story_changes.story_as_signals

    def as_signals(story):
        seen = original_as_signals(story)
        vector = story_static(story.id)
        if vector is not None:
            by_signals[id(seen)] = (seen, vector)
        return seen

    def score(signals_, story, frequencies=story_score.NO_FREQUENCIES):
        base = original_score(signals_, story, frequencies)
        mode, weight, offset = state["term"]
        entry, centroid = by_signals.get(id(signals_)), story_static(story.id)
        if base is None or mode == "off" or entry is None or centroid is None:
            return base
        cosine = float(entry[1] @ centroid)
        if mode == "linear":
            return base + weight * (cosine - offset)
        if mode == "floor":
            return base - weight * max(0.0, offset - cosine)
        return base + weight * (cosine - float(signals_.embedding @ story.centroid)) + offset

    def assign(ordered: list[dict], signals_: dict) -> dict[str, str]:
        linker = linking.StoryLinker(bench_stories.ChangingStories())
        state["memory"], state["version"] = linker.memory, None
        for doc in ordered:
            linker.assign_signals(doc["doc_id"], signals_[doc["doc_id"]])
        return dict(linker.memory.members)

    linking.score_story = story_changes.score_story = score
    story_changes.story_as_signals = as_signals
    bench_stories.assign_online = assign
    members = docs if half == "all" else bench_stories.halves(docs)[half]
    print(f"ECB+ {half} half, all docs one stream, mean of {bench_stories.SHUFFLES} orders")
    for spec in specs:
        mode, weight, offset = (spec.split(":") + ["0", "0"])[:3]
        state["term"] = (mode, float(weight), float(offset))
        p, r, f, _, n = bench_stories.online_scores(members, signals)
        print(f"  {spec:22} P {p:.3f} R {r:.3f} F1 {f:.3f} stories {n:.0f}", flush=True)


def cost(texts: list[str], count: int) -> None:
    """CPU per text of ``static_vector``: first with an empty word cache, then again (cached)."""
    longest = sorted(set(texts), key=len, reverse=True)[:count]
    sv.vocabulary()
    started = time.process_time()
    sv.vocabulary.cache_clear()
    sv.vocabulary()
    load = time.process_time() - started
    sv.word_pieces.cache_clear()
    for label in ("cold word cache", "warm word cache"):
        started = time.process_time()
        for text in longest:
            sv.static_vector(text)
        seconds = (time.process_time() - started) / len(longest)
        print(f"static vector, {label}: {seconds * 1000:.2f} ms CPU per text"
              f" ({np.mean([len(t) for t in longest]):.0f} chars, {len(longest)} texts)")
    print(f"vocabulary load (once per process): {load * 1000:.0f} ms CPU")


if __name__ == "__main__":
    main()
