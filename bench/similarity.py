"""How well our article similarity follows human judgements of "same story", per embedding variant.

    .venv/bin/python bench/similarity.py [--eval ../shared/eval/stories] [--limit N] [--cache DIR] [--cost N]
                                         [--variants production|all|NAME,NAME...]

Data: SemEval-2022 Task 8 training pairs (``semeval2022-train.jsonl``; ``overall`` 1 = same
story … 4 = unrelated; see the folder's README). Scores: Pearson r with ``overall`` (negative
is right: more similar, lower score) for

* word overlap: Jaccard of the two texts' word sets (the README's reference, r ≈ −0.44);
* embedding cosine, one row per embedding variant (e5 prefix × what is embedded: the first N
  characters, a title stand-in, the closing chunk; head+tail rows combine the opening and
  closing chunks by averaging the vectors or by the best of the four chunk pairs);
* entity overlap alone (canonical entities from the pipeline's entities stage);
* ours: ``link.stories.combined_score`` with the production variant — cosine plus the
  entity overlap bonus (the data has no dates, so the time term is idle);
* linear combiners of a few signals, fitted by least squares and reported only as 10-fold
  cross-validated r (folds by pair, seed 0); their weights fitted on all pairs are printed so
  that they can be documented, not to be trusted as figures;

on all pairs, on pairs flagged ``likely_original_text``, and on cross-lingual pairs.
Embeddings are cached per variant (``emb-<variant>.npz``) and entities per text under
``--cache`` (outside the repo; keyed by text hash), so comparing variants costs each text's
embedding once per variant and a second run only recomputes scores. Pairs are taken in turn
from likely-original, cross-lingual and other pairs, so ``--limit`` keeps all three kinds.
``--cost N`` prints instead the CPU time per text by lead length (one OpenMP thread, as the
pipeline runs the engine) on the N longest texts. Skips with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsweave.annotate.settings import SETTINGS  # noqa: E402
from newsweave.annotate.embeddings import STORY_PREFIX, centre_by_language, embed_texts, lead_text  # noqa: E402
from newsweave.link.settings import SETTINGS as LINK_SETTINGS  # noqa: E402
from newsweave.link.stories import combined_score, entity_mentions, entity_overlap  # noqa: E402
from newsweave.model import Article  # noqa: E402
from newsweave.offsets import OffsetMap  # noqa: E402

DEFAULT_EVAL = Path(os.environ.get("NEWSWEAVE_EVAL", ROOT.parent / "shared" / "eval")) / "stories"
# Pairs whose texts bench/make_embedding_means.py leaves out of the language means.
MEANS_KEPT_APART = 600
DEFAULT_CACHE = Path(os.environ.get("NEWSWEAVE_BENCH_CACHE", Path.home() / ".cache" / "newsweave-bench"))
CHUNK = 64
FOLDS = 10
# Check pairs a language pair needs for a row of its own in the per-pair table.
PAIR_MIN = 10
BOOTSTRAP = 1000
# Longest first sentence taken as the title: SemEval texts begin with the title but do not
# mark where it ends (title1/title2 are empty), so "title only" is approximated.
TITLE_MAX_CHARS = 150


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Variant:
    """What is embedded for a text: ``part`` is ``lead`` (first ``chars``), ``tail`` (last ``chars``) or ``title``."""

    prefix: str
    part: str
    chars: int = 0

    @property
    def name(self) -> str:
        return f"{self.prefix}:{self.part}{self.chars or ''}"

    @classmethod
    def parse(cls, name: str) -> Variant:
        prefix, _, rest = name.partition(":")
        part = re.match(r"[a-z]+", rest).group(0)
        return cls(prefix, part, int(rest[len(part):] or 0))

    def input(self, text: str) -> str:
        body = text.strip()
        if self.part == "lead":
            return lead_text(body, chars=self.chars)
        if self.part == "tail":
            return body[-self.chars:]
        if self.part == "title":
            return title_stand_in(body)
        raise ValueError(self.name)


PRODUCTION = Variant(STORY_PREFIX, "lead", SETTINGS.embedding_lead_chars)
# The grid of issue 6: both prefixes × lead lengths, a title stand-in, and closing chunks
# (with the 250-char leads they make the head+tail rows).
ALL_VARIANTS = [Variant(prefix, part, chars) for prefix in ("passage", "query")
                for part, chars in (("lead", 250), ("lead", 400), ("lead", 600), ("lead", 1000), ("lead", 1200),
                                    ("title", 0), ("tail", 250))]
HEAD_TAIL_CHARS = 250


def title_stand_in(text: str) -> str:
    """The first line or sentence, at most ``TITLE_MAX_CHARS`` characters."""
    first = re.match(rf"[^\n]{{10,{TITLE_MAX_CHARS}}}?(?:\n|[.!?。](?=\s)|$)", text)
    return (first.group(0) if first else text[:TITLE_MAX_CHARS]).strip()


class SignalCache:
    """Embeddings of one variant (npz) and entity keys (json) per text, saved as they are computed."""

    def __init__(self, folder: Path, variant: Variant = PRODUCTION) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.variant = variant
        self.vectors_path = folder / f"emb-{variant.name.replace(':', '-')}.npz"
        legacy = folder / "embeddings.npz"  # written before variants existed: passage, lead 1,200
        if not self.vectors_path.exists() and legacy.exists() and variant == Variant("passage", "lead", 1200):
            shutil.copyfile(legacy, self.vectors_path)
        # Entity mentions per text, most mentioned first (older caches, entities.json and
        # entities-ranked.json, kept only the keys and are not read).
        self.entities_path = folder / "entity-mentions.json"
        self.vectors: dict[str, np.ndarray] = dict(np.load(self.vectors_path)) if self.vectors_path.exists() else {}
        self.entities: dict[str, dict[str, int]] = (
            json.loads(self.entities_path.read_text()) if self.entities_path.exists() else {}
        )
        self.seconds_per_text: float | None = None

    def save(self) -> None:
        """Write the vectors (through a temporary file, so that a reader never sees half a file)."""
        partial = self.vectors_path.with_suffix(".partial")
        with partial.open("wb") as handle:
            np.savez(handle, **self.vectors)
        os.replace(partial, self.vectors_path)

    def save_entities(self) -> None:
        partial = self.entities_path.with_suffix(".partial")
        partial.write_text(json.dumps(self.entities))
        os.replace(partial, self.entities_path)

    def fill(self, texts: list[tuple[str, str | None]], entities: bool = True) -> None:
        """Compute what is missing for (text, language) items, in chunks, saving after each."""
        items = list(dict.fromkeys(texts))
        todo = [text for text, _ in items if text_key(text) not in self.vectors]
        started = time.perf_counter()
        for begin in range(0, len(todo), CHUNK):
            chunk = todo[begin : begin + CHUNK]
            vectors = embed_texts([self.variant.input(text) for text in chunk], self.variant.prefix)
            self.vectors.update({text_key(text): vector for text, vector in zip(chunk, vectors, strict=True)})
            self.save()
            done = begin + len(chunk)
            self.seconds_per_text = (time.perf_counter() - started) / done
            print(f"  {self.variant.name}: {done}/{len(todo)} texts, {self.seconds_per_text * 1000:.0f} ms/text",
                  file=sys.stderr, flush=True)
        if entities:
            self.fill_entities([(text, language) for text, language in items if text_key(text) not in self.entities])

    def fill_entities(self, todo: list[tuple[str, str | None]]) -> None:
        from newsweave.annotate import annotate_language
        from newsweave.annotate.entities import annotate_entities

        for begin in range(0, len(todo), CHUNK):
            chunk = todo[begin : begin + CHUNK]
            articles = [Article(id=text_key(text), source="bench", raw=text, raw_sha256="", text=text,
                                offsets=OffsetMap.identity(len(text)), language=language) for text, language in chunk]
            annotate_language(articles)
            annotate_entities(articles)
            for (text, _), article in zip(chunk, articles, strict=True):
                self.entities[text_key(text)] = {key: count for key, (_, count) in entity_mentions(article).items()}
            self.save_entities()
            print(f"  entities: {begin + len(chunk)}/{len(todo)} texts", file=sys.stderr, flush=True)


def word_jaccard(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.casefold())), set(re.findall(r"\w+", b.casefold()))
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def ordered_pairs(rows: list[dict]) -> list[dict]:
    """Round robin over likely-original, cross-lingual and other pairs, so ``--limit`` keeps all three."""
    groups: list[list[dict]] = [[], [], []]
    for row in sorted(rows, key=lambda row: row["pair_id"]):
        groups[0 if row["likely_original_text"] else 1 if row["lang1"] != row["lang2"] else 2].append(row)
    ordered = []
    for position in range(max(len(group) for group in groups)):
        ordered.extend(group[position] for group in groups if position < len(group))
    return ordered


def pearson(x, y) -> float:
    if len(x) <= 2:
        return float("nan")
    return float(np.corrcoef(np.asarray(x, dtype=float), np.asarray(y, dtype=float))[0, 1])


def pair_cosines(rows: list[dict], vectors: dict[str, np.ndarray]) -> np.ndarray:
    return np.array([float(np.dot(vectors[text_key(r["text1"])], vectors[text_key(r["text2"])])) for r in rows])


def head_tail(rows: list[dict], head: dict[str, np.ndarray], tail: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Opening and closing chunks: cosine of the averaged vectors, and the best of the four chunk pairs."""
    mean, best = [], []
    for row in rows:
        k1, k2 = text_key(row["text1"]), text_key(row["text2"])
        a = [head[k1], tail[k1]]
        b = [head[k2], tail[k2]]
        ma, mb = a[0] + a[1], b[0] + b[1]
        mean.append(float(np.dot(ma, mb) / (np.linalg.norm(ma) * np.linalg.norm(mb))))
        best.append(max(float(np.dot(x, y)) for x in a for y in b))
    return {"mean": np.array(mean), "max": np.array(best)}


def cross_validated(features: np.ndarray, gold: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Out-of-fold predictions of a least-squares line (folds by pair, seed 0), and the all-pairs fit."""
    from sklearn.linear_model import LinearRegression
    from sklearn.model_selection import KFold, cross_val_predict

    folds = KFold(FOLDS, shuffle=True, random_state=0)
    predicted = cross_val_predict(LinearRegression(), features, gold, cv=folds)
    fitted = LinearRegression().fit(features, gold)
    return predicted, fitted.coef_, float(fitted.intercept_)


def tfidf_cosines(rows: list[dict], fit_rows: list[dict], analyzer: str = "char_wb") -> np.ndarray:
    """Cosine of the two texts' TF-IDF vectors (sublinear counts; character 3–5-grams within words,
    which also meet on names written alike in two languages and need no word splitter for
    Chinese, or words); the IDF is learnt from the texts of ``fit_rows`` only."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    grams = (3, 5) if analyzer == "char_wb" else (1, 1)
    vectorizer = TfidfVectorizer(sublinear_tf=True, analyzer=analyzer, ngram_range=grams, min_df=2)
    vectorizer.fit([row[f"text{side}"] for row in fit_rows for side in (1, 2)])
    first = vectorizer.transform([row["text1"] for row in rows])
    second = vectorizer.transform([row["text2"] for row in rows])
    return np.asarray(first.multiply(second).sum(axis=1)).ravel()


def tune_fitted(features: np.ndarray, gold: np.ndarray, tune: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Predictions for every pair of a least-squares line fitted on the tune-half pairs only."""
    from sklearn.linear_model import LinearRegression

    fitted = LinearRegression().fit(features[tune], gold[tune])
    return fitted.predict(features), fitted.coef_, float(fitted.intercept_)


def bootstrap_gain(values: np.ndarray, reference: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """95% interval of |r(values)| - |r(reference)| over pair resamples: is a difference more than noise?"""
    rng = np.random.default_rng(0)
    gains = []
    for _ in range(BOOTSTRAP):
        pick = rng.integers(0, len(gold), len(gold))
        gains.append(abs(pearson(values[pick], gold[pick])) - abs(pearson(reference[pick], gold[pick])))
    return float(np.percentile(gains, 2.5)), float(np.percentile(gains, 97.5))


def pick_variants(spec: str) -> list[Variant]:
    if spec == "production":
        return [PRODUCTION]
    if spec == "all":
        return list(dict.fromkeys([PRODUCTION, *ALL_VARIANTS]))
    return [Variant.parse(name) for name in spec.split(",")]


def embedding_cost(texts: list[str], lengths: tuple[int, ...] = (250, 400, 600, 1000, 1200)) -> None:
    """CPU time per text at each lead length with one OpenMP thread (how the pipeline runs the
    engine, beside the parse): process CPU time, unlike wall time, hardly moves when other work
    shares the machine, so the figures are comparable between lengths even under load."""
    from threadpoolctl import threadpool_limits

    from newsweave.annotate.embeddings import _model

    model = _model()
    print(f"embedding cost, one OpenMP thread, {len(texts)} texts, CPU time (not wall time)")
    with threadpool_limits(limits=1, user_api="openmp"):
        embed_texts([lead_text(text, chars=250) for text in texts[:16]])  # warm-up
        for chars in lengths:
            leads = [lead_text(text, chars=chars) for text in texts]
            tokens = np.mean([model.token_count(lead) for lead in leads])
            started = time.process_time()
            embed_texts(leads)
            seconds = (time.process_time() - started) / len(texts)
            print(f"  lead {chars:>5} chars: {tokens:6.0f} tokens, {seconds * 1000:6.1f} ms CPU per text")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--limit", type=int, default=None, help="pairs to use (all three kinds in turn)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE / "semeval")
    parser.add_argument("--variants", default="production",
                        help="production, all, or names such as query:lead400,passage:tail250,query:title")
    parser.add_argument("--compute-only", action="store_true", help="fill the caches, print no table")
    parser.add_argument("--cost", type=int, default=0, metavar="N",
                        help="only print the CPU cost per text by lead length, on the N longest texts")
    args = parser.parse_args()
    path = args.eval / "semeval2022-train.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found (set --eval or NEWSWEAVE_EVAL)")
        return
    rows = ordered_pairs([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
    rows = rows[: args.limit] if args.limit else rows
    texts = [(row[f"text{side}"], row[f"lang{side}"]) for row in rows for side in (1, 2)]
    if args.cost:
        embedding_cost(sorted({text for text, _ in texts}, key=len, reverse=True)[: args.cost])
        return
    production = SignalCache(args.cache, PRODUCTION)
    production.fill_entities([(t, lang) for t, lang in dict.fromkeys(texts) if text_key(t) not in production.entities])
    caches: dict[str, SignalCache] = {PRODUCTION.name: production}
    for variant in dict.fromkeys([PRODUCTION, *pick_variants(args.variants)]):
        caches[variant.name] = caches.get(variant.name) or SignalCache(args.cache, variant)
        caches[variant.name].fill(texts, entities=False)
    if args.compute_only:
        return
    report(rows, caches, production.entities)


def centred_cosines(rows: list[dict], vectors: dict[str, np.ndarray]) -> np.ndarray:
    """Cosines as production compares articles: each vector minus its language's mean (annotate/embeddings.py)."""
    def centred(side: str, row: dict) -> np.ndarray:
        return centre_by_language(vectors[text_key(row[f"text{side}"])][None, :], [row[f"lang{side}"]])[0]
    return np.array([float(np.dot(centred("1", row), centred("2", row))) for row in rows])


def check_half(row: dict) -> bool:
    return hashlib.blake2b(str(row["pair_id"]).encode(), digest_size=2).digest()[0] % 2 == 1


def language_pair(row: dict) -> str:
    return "-".join(sorted({row["lang1"], row["lang2"]})) if row["lang1"] != row["lang2"] else row["lang1"]


def by_language_pair(rows: list[dict], gold: np.ndarray, signals: dict[str, np.ndarray]) -> None:
    """|r| per language pair on the check half (pairs of one language, then cross-lingual);
    a pair with fewer than ``PAIR_MIN`` check pairs is pooled under "other"."""
    check = np.array([check_half(row) for row in rows])
    pairs = np.array([language_pair(row) for row in rows])
    counts = {pair: int((check & (pairs == pair)).sum()) for pair in sorted(set(pairs[check]))}
    kept = sorted((pair for pair, n in counts.items() if n >= PAIR_MIN), key=lambda pair: ("-" in pair, pair))
    masks = {pair: check & (pairs == pair) for pair in kept}
    masks["other"] = check & ~np.isin(pairs, kept)
    print(f"\ncheck half by language pair, |r| (pairs with fewer than {PAIR_MIN} check pairs pooled as other)")
    print(f"{'language pair':16}{'n':>6}" + "".join(f"{name:>18}" for name in signals))
    for pair, mask in masks.items():
        if mask.sum() >= 3:
            print(f"{pair:16}{int(mask.sum()):>6}"
                  + "".join(f"{abs(pearson(values[mask], gold[mask])):>18.3f}" for values in signals.values()))


def report(rows: list[dict], caches: dict[str, SignalCache], entities: dict[str, dict[str, int]]) -> None:
    if len(rows) > MEANS_KEPT_APART:
        print(f"note: the language means (bench/make_embedding_means.py) were computed on the texts of the pairs"
              f" after the first {MEANS_KEPT_APART}; with more pairs the centred rows are partly measured on them")
    gold = np.array([row["overall"] for row in rows], dtype=float)
    scores: dict[str, np.ndarray] = {
        "word overlap": np.array([word_jaccard(r["text1"], r["text2"]) for r in rows]),
        "entity overlap": np.array([entity_overlap(entities[text_key(r["text1"])], entities[text_key(r["text2"])])
                                    for r in rows]),
        "entity overlap, unweighted": np.array([entity_overlap(list(entities[text_key(r["text1"])]),
                                                               list(entities[text_key(r["text2"])])) for r in rows]),
    }
    for name, cache in caches.items():
        scores[f"cos {name}"] = pair_cosines(rows, cache.vectors)
    for prefix in ("passage", "query"):
        head, tail = (f"{prefix}:{part}{HEAD_TAIL_CHARS}" for part in ("lead", "tail"))
        if head in caches and tail in caches:
            for how, values in head_tail(rows, caches[head].vectors, caches[tail].vectors).items():
                scores[f"cos {prefix}:head+tail{HEAD_TAIL_CHARS} {how}"] = values
    production = centred_cosines(rows, caches[PRODUCTION.name].vectors)
    scores[f"cos {PRODUCTION.name}, centred by language"] = production
    scores[f"ours (centred cos + {LINK_SETTINGS.story_entity_weight} x ent)"] = np.array(
        [combined_score(c, o, 0) for c, o in zip(production, scores["entity overlap"], strict=True)])
    subsets = {
        "all": np.ones(len(rows), dtype=bool),
        "likely original": np.array([bool(row["likely_original_text"]) for row in rows]),
        "cross-lingual": np.array([row["lang1"] != row["lang2"] for row in rows]),
        # Pairs never used to fit a weight (the combiners below are cross-validated; the story
        # score's constants are chosen on ECB+): split by a hash of pair_id, fixed in advance.
        "check half": np.array([check_half(row) for row in rows]),
        "check, cross-lingual": np.array([check_half(row) and row["lang1"] != row["lang2"] for row in rows]),
        "check, one language": np.array([check_half(row) and row["lang1"] == row["lang2"] for row in rows]),
    }

    def line(name: str, values: np.ndarray) -> str:
        return f"{name:44}" + "".join(f"{pearson(values[mask], gold[mask]):>22.3f}" for mask in subsets.values())

    print(f"Pearson r with gold 'overall' (1 = same story, 4 = unrelated; negative is right), {len(rows)} pairs")
    print(f"{'signal':44}" + "".join(f"{name + f' (n={int(mask.sum())})':>22}" for name, mask in subsets.items()))
    for name, values in scores.items():
        print(line(name, values))
    by_language_pair(rows, gold, {"centred cosine": production,
                                  "ours": scores[f"ours (centred cos + {LINK_SETTINGS.story_entity_weight} x ent)"]})
    cosines = {name: values for name, values in scores.items() if name.startswith("cos ")}
    best = min(cosines, key=lambda name: pearson(cosines[name], gold))
    print(f"\nlinear combiners predicting 'overall', {FOLDS}-fold cross-validated r of their negated out-of-fold"
          f" predictions (folds by pair, seed 0); best cosine: {best}")
    production_cos = f"cos {PRODUCTION.name}, centred by language"
    combos = {
        "cos + entity overlap": [best, "entity overlap"],
        "cos + entity + word overlap": [best, "entity overlap", "word overlap"],
        "production cos + entity + word": [production_cos, "entity overlap", "word overlap"],
    }
    head_tail_max = [name for name in cosines if "head+tail" in name and name.endswith("max")]
    if head_tail_max:
        combos["cos + head+tail max + entity + word"] = [best, head_tail_max[-1], "entity overlap", "word overlap"]
    for label, names in combos.items():
        predicted, weights, intercept = cross_validated(np.column_stack([scores[n] for n in names]), gold)
        print(line(f"CV {label}", -predicted))  # negated: a similarity, like the other rows
        print("    weights on all pairs: " + ", ".join(f"{n} {w:+.3f}" for n, w in zip(names, weights, strict=True))
              + f", intercept {intercept:+.3f}")
    tune = ~subsets["check half"]
    tune_rows = [row for row, flag in zip(rows, tune, strict=True) if flag]
    same = np.array([float(row["lang1"] == row["lang2"]) for row in rows])
    scores["tf-idf char 3-5"] = tfidf_cosines(rows, tune_rows)
    scores["tf-idf words"] = tfidf_cosines(rows, tune_rows, "word")
    print(line("tf-idf char 3-5 (IDF from tune texts)", scores["tf-idf char 3-5"]))
    print(line("tf-idf words (IDF from tune texts)", scores["tf-idf words"]))
    print(f"\nlinear combiners fitted on the tune half only (check half never seen; 'same' = one language)")
    tuned = {
        "cos + entity": [production_cos, "entity overlap"],
        "cos + entity + tf-idf char": [production_cos, "entity overlap", "tf-idf char 3-5"],
        "cos + entity + tf-idf char + words": [production_cos, "entity overlap", "tf-idf char 3-5", "tf-idf words"],
    }
    for name in cosines:  # other variants, when --variants asked for them (a longer lead: a cost per article)
        if name not in (production_cos, f"cos {PRODUCTION.name}"):
            tuned[f"{name.removeprefix('cos ')} + entity"] = [name, "entity overlap"]
            tuned[f"{name.removeprefix('cos ')} + production cos + entity"] = [name, production_cos, "entity overlap"]
    for label, names in tuned.items():
        columns = [scores[n] for n in names]
        for with_same in (False, True):
            extra = [same, same * scores[names[0]]] if with_same else []
            predicted, weights, intercept = tune_fitted(np.column_stack(columns + extra), gold, tune)
            print(line(f"tune-fit {label}{' (+ same, same x cos)' if with_same else ''}", -predicted))
            print("    weights: " + ", ".join(f"{n} {w:+.3f}" for n, w in
                                              zip(names + (["same", "same x cos"] if with_same else []), weights, strict=True))
                  + f", intercept {intercept:+.3f}")
    print(f"\npaired bootstrap ({BOOTSTRAP} resamples of the pairs, seed 0): gain in |r| over {production_cos},"
          " 95% interval, all pairs")
    for name, values in cosines.items():
        if name != production_cos:
            low, high = bootstrap_gain(values, cosines[production_cos], gold)
            print(f"  {name:42} [{low:+.3f}, {high:+.3f}]")
    costs = {name: cache.seconds_per_text for name, cache in caches.items() if cache.seconds_per_text}
    if costs:
        print("\nembedding cost while filling the caches (shared machine, noisy): "
              + ", ".join(f"{name} {seconds * 1000:.0f} ms/text" for name, seconds in costs.items()))


if __name__ == "__main__":
    main()
