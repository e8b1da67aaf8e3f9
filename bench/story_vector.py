"""What a shorter story-vector input costs in quality, and what it saves in embedding CPU.

    PYTHONPATH=src .venv/bin/python bench/story_vector.py [--variants lead150,lead100,lead60,title] [--rounds 3]

The story vector (``annotate/embeddings.py``) embeds an article's title and opening, cut at
``embedding_lead_chars``; the engine's cost grows with the tokens it reads. For each variant
of that input this prints, side by side:

* SemEval-2022 |r| of the centred cosine with ``overall`` (the 600 pairs ``bench/similarity.py
  --limit 600`` scores, tune and check halves by a hash of ``pair_id``), cross-lingual apart;
* ECB+ BCubed P / R / F1 of online story assignment (all documents in one stream, mean of three
  orders, ``bench/stories.py``'s ``online_scores`` and halves), the annotations of the stories
  bench's cache with only the embedding replaced;
* the embedding's CPU time per article on ``bench/pipeline.py``'s generated corpus (60 en/fr
  articles, seed 2024, title + body as extracted), one OpenMP thread and one text per call as
  the pipeline runs it beside the parse; the variants alternate in rounds, median of rounds.

Each variant gets its own language means (what production subtracts before comparing), made as
``bench/make_embedding_means.py`` makes them: from the SemEval texts outside the 600 scored
pairs, so that no figure is measured on texts the means saw. Variants: ``leadN`` (title and
opening cut at N characters, as production), ``title`` (the title when the article has one,
else its first line or sentence; SemEval and ECB+ mark no title, so the stand-in of
``bench/similarity.py`` is used there), ``tokN`` (the 150-character lead cut to N engine
tokens). Vectors are cached per variant under the bench cache (outside the repo).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from similarity import (DEFAULT_CACHE, DEFAULT_EVAL, MEANS_KEPT_APART, check_half, ordered_pairs, pearson,  # noqa: E402
                        text_key, title_stand_in)

from newsweave.annotate.embeddings import STORY_PREFIX, embed_texts, lead_text, one_thread  # noqa: E402

LIMIT = 600
MIN_TEXTS = 100
PRODUCTION_CHARS = 150


def variant_input(name: str, text: str, title: str | None = None) -> str:
    """What the variant embeds for an article (``title`` None: the text's first line stands in)."""
    if name.startswith("lead"):
        return lead_text(text, title, chars=int(name[4:]))
    if name == "title":
        return (title or title_stand_in(text.strip()))[:PRODUCTION_CHARS]
    if name.startswith("tok"):
        return token_cut(lead_text(text, title, chars=PRODUCTION_CHARS), int(name[3:]))
    raise ValueError(name)


def token_cut(text: str, tokens: int) -> str:
    """The longest word-boundary prefix of ``text`` the engine reads as at most ``tokens`` tokens."""
    from newsweave.annotate.embeddings import _model

    model = _model()
    if model.token_count(text) <= tokens:
        return text
    cuts = [i for i, char in enumerate(text) if char == " "] or [len(text)]
    low, high = 0, len(cuts) - 1
    while low < high:  # the last cut that still fits
        middle = (low + high + 1) // 2
        if model.token_count(text[: cuts[middle]]) <= tokens:
            low = middle
        else:
            high = middle - 1
    return text[: cuts[low]]


class Vectors:
    """Raw (uncentred) vectors of one variant per input text, cached as npz."""

    def __init__(self, folder: Path, name: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"story-vector-{STORY_PREFIX}-{name}.npz"
        self.vectors: dict[str, np.ndarray] = dict(np.load(self.path)) if self.path.exists() else {}

    def get(self, inputs: list[str]) -> dict[str, np.ndarray]:
        todo = list(dict.fromkeys(text for text in inputs if text_key(text) not in self.vectors))
        for begin in range(0, len(todo), 256):
            chunk = todo[begin : begin + 256]
            self.vectors.update({text_key(t): v for t, v in zip(chunk, embed_texts(chunk, STORY_PREFIX), strict=True)})
            np.savez(self.path, **self.vectors)
            print(f"  {self.path.name}: {begin + len(chunk)}/{len(todo)}", file=sys.stderr, flush=True)
        return {text: self.vectors[text_key(text)] for text in inputs}


def centred(vector: np.ndarray, language: str | None, means: dict[str, np.ndarray]) -> np.ndarray:
    fallback = np.mean(list(means.values()), axis=0)
    rest = vector - means.get(language or "", fallback)
    return rest / max(float(np.linalg.norm(rest)), 1e-12)


def semeval(name: str, rows: list[dict], cache: Path) -> tuple[dict[str, np.ndarray], dict[str, float]]:
    """The variant's language means (texts outside the scored pairs) and |r| on the scored pairs."""
    store = Vectors(cache, name)
    scored, rest = rows[:LIMIT], rows[LIMIT:]
    apart = {row[f"text{side}"] for row in scored for side in (1, 2)}
    mean_texts = list(dict.fromkeys((row[f"text{s}"], row[f"lang{s}"]) for row in rest for s in (1, 2)
                                    if row[f"text{s}"] not in apart))
    inputs = {text: variant_input(name, text) for text, _ in mean_texts}
    inputs.update({row[f"text{s}"]: variant_input(name, row[f"text{s}"]) for row in scored for s in (1, 2)})
    vectors = store.get(list(inputs.values()))
    by_language: dict[str, list[np.ndarray]] = {}
    for text, language in mean_texts:
        by_language.setdefault(language, []).append(vectors[inputs[text]])
    means = {lang: np.mean(v, axis=0) for lang, v in by_language.items() if len(v) >= MIN_TEXTS}
    cosine = np.array([float(np.dot(centred(vectors[inputs[r["text1"]]], r["lang1"], means),
                                    centred(vectors[inputs[r["text2"]]], r["lang2"], means))) for r in scored])
    gold = np.array([row["overall"] for row in scored], dtype=float)
    check = np.array([check_half(row) for row in scored])
    cross = np.array([row["lang1"] != row["lang2"] for row in scored])
    masks = {"tune": ~check, "check": check, "check cross": check & cross, "check one": check & ~cross}
    return means, {half: abs(pearson(cosine[mask], gold[mask])) for half, mask in masks.items()}


def ecbplus(name: str, means: dict[str, np.ndarray], cache: Path, eval_dir: Path) -> dict[str, tuple[float, ...]]:
    """BCubed P / R / F1 per half with the variant's vectors in place of the cached ones."""
    import stories

    docs = [json.loads(line) for line in (eval_dir / "ecbplus.jsonl").read_text(encoding="utf-8").splitlines() if line]
    signals = stories.annotated_signals(docs, DEFAULT_CACHE / "ecbplus")
    inputs = {doc["doc_id"]: variant_input(name, doc["text"]) for doc in docs}
    vectors = Vectors(cache, name).get(list(inputs.values()))
    for doc in docs:
        vector = centred(vectors[inputs[doc["doc_id"]]], "en", means).astype(np.float32)
        signals[doc["doc_id"]] = dataclasses.replace(signals[doc["doc_id"]], embedding=vector)
    return {half: stories.online_scores(members, signals)[:3] for half, members in stories.halves(docs).items()}


def pipeline_articles() -> list[tuple[str, str | None]]:
    """(text, title) of bench/pipeline.py's generated corpus, as extraction leaves them."""
    import tempfile

    from newsweave.extract import extract_document
    from newsweave.model import Article
    from newsweave.pipeline import read_documents
    from newsweave.scale.synthetic import generate, write_text_files

    with tempfile.TemporaryDirectory() as folder:
        paths = [str(p) for p in write_text_files(generate(60, seed=2024), Path(folder))]
        extracted = [extract_document(doc) for doc in read_documents(paths)]  # type: ignore[arg-type]
    return [(a.text, a.title) for a in extracted if isinstance(a, Article)]


def cost(names: list[str], rounds: int) -> dict[str, tuple[float, float]]:
    """Median CPU ms per article and mean engine tokens per variant on the pipeline corpus."""
    from threadpoolctl import threadpool_limits

    from newsweave.annotate.embeddings import _model

    articles = pipeline_articles()
    inputs = {name: [variant_input(name, text, title) for text, title in articles] for name in names}
    tokens = {name: float(np.mean([_model().token_count(t) for t in texts])) for name, texts in inputs.items()}
    seconds: dict[str, list[float]] = {name: [] for name in names}
    with threadpool_limits(limits=1, user_api="openmp"), one_thread():
        embed_texts(inputs[names[0]][:8], STORY_PREFIX)  # warm-up
        for number in range(rounds):
            for name in names if number % 2 == 0 else reversed(names):
                started = time.process_time()
                embed_texts(inputs[name], STORY_PREFIX)
                seconds[name].append((time.process_time() - started) / len(articles))
    return {name: (statistics.median(seconds[name]) * 1000, tokens[name]) for name in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE / "story-vector")
    parser.add_argument("--variants", default="lead150,lead120,lead100,lead80,lead60,title,tok24")
    parser.add_argument("--rounds", type=int, default=3, help="cost rounds (variants alternate)")
    parser.add_argument("--no-ecb", action="store_true", help="SemEval and cost only")
    args = parser.parse_args()
    names = args.variants.split(",")
    rows = ordered_pairs([json.loads(line) for line in (args.eval / "semeval2022-train.jsonl")
                          .read_text(encoding="utf-8").splitlines() if line.strip()])
    assert len(rows) > MEANS_KEPT_APART
    costs = cost(names, args.rounds)
    print(f"{'variant':10} {'tokens':>6} {'CPU ms':>7} {'SemEval |r| tune':>17} {'check':>6} {'cross':>6} {'one':>6}"
          f" {'ECB+ tune P / R / F1':>22} {'check P / R / F1':>22}")
    for name in names:
        means, r = semeval(name, rows, args.cache)
        ecb = {} if args.no_ecb else ecbplus(name, means, args.cache, args.eval)
        ms, tokens = costs[name]
        cells = ["/".join(f"{v:.3f}" for v in ecb[half]) if half in ecb else "-" for half in ("tune", "check")]
        print(f"{name:10} {tokens:6.1f} {ms:7.1f} {r['tune']:17.3f} {r['check']:6.3f} {r['check cross']:6.3f}"
              f" {r['check one']:6.3f} {cells[0]:>22} {cells[1]:>22}", flush=True)


if __name__ == "__main__":
    main()
