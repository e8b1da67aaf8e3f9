"""How well our article similarity follows human judgements of "same story".

    .venv/bin/python bench/similarity.py [--eval ../shared/eval/stories] [--limit N] [--cache DIR]

Data: SemEval-2022 Task 8 training pairs (``semeval2022-train.jsonl``; ``overall`` 1 = same
story … 4 = unrelated; see the folder's README). Scores: Pearson r with ``overall`` (negative
is right: more similar, lower score) for

* word overlap: Jaccard of the two texts' word sets (the README's reference, r ≈ −0.44);
* embedding cosine: multilingual-e5-small on each text's lead (``annotate/embeddings.py``);
* ours: ``link.stories.combined_score`` — cosine plus the canonical-entity overlap bonus
  (no dates in this data, so no time term), entities from the pipeline's entities stage;
* entity overlap alone, to show how far that signal carries;

on all pairs, on pairs flagged ``likely_original_text``, and on cross-lingual pairs.
Embeddings and entities are cached under ``--cache`` (keyed by text hash), so a second run
only recomputes scores. Pairs are taken in turn from likely-original, cross-lingual and other pairs,
so ``--limit`` keeps all three kinds. Skips with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsweave.annotate.embeddings import embed_texts, lead_text  # noqa: E402
from newsweave.link.stories import combined_score, entity_keys, entity_overlap  # noqa: E402
from newsweave.model import Article  # noqa: E402
from newsweave.offsets import OffsetMap  # noqa: E402

DEFAULT_EVAL = Path(os.environ.get("NEWSWEAVE_EVAL", ROOT.parent / "shared" / "eval")) / "stories"
DEFAULT_CACHE = Path(os.environ.get("NEWSWEAVE_BENCH_CACHE", Path.home() / ".cache" / "newsweave-bench"))
CHUNK = 64


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class SignalCache:
    """Embeddings (npz) and entity keys (json) per text, saved as they are computed."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.vectors_path, self.entities_path = folder / "embeddings.npz", folder / "entities.json"
        self.vectors: dict[str, np.ndarray] = dict(np.load(self.vectors_path)) if self.vectors_path.exists() else {}
        self.entities: dict[str, list[str]] = (
            json.loads(self.entities_path.read_text()) if self.entities_path.exists() else {}
        )

    def save(self) -> None:
        np.savez(self.vectors_path, **self.vectors)
        self.entities_path.write_text(json.dumps(self.entities))

    def fill(self, texts: list[tuple[str, str | None]]) -> None:
        """Compute what is missing for (text, language) items, in chunks, saving after each."""
        from newsweave.annotate import annotate_language
        from newsweave.annotate.entities import annotate_entities

        todo = [(text, language) for text, language in dict.fromkeys(texts) if text_key(text) not in self.vectors]
        started = time.perf_counter()
        for begin in range(0, len(todo), CHUNK):
            chunk = todo[begin : begin + CHUNK]
            vectors = embed_texts([lead_text(text) for text, _ in chunk])
            articles = [Article(id=text_key(text), source="bench", raw=text, raw_sha256="", text=text,
                                offsets=OffsetMap.identity(len(text)), language=language) for text, language in chunk]
            annotate_language(articles)
            annotate_entities(articles)
            for (text, _), vector, article in zip(chunk, vectors, articles, strict=True):
                self.vectors[text_key(text)] = vector
                self.entities[text_key(text)] = list(entity_keys(article))  # most mentioned first
            self.save()
            done = begin + len(chunk)
            print(f"  signals for {done}/{len(todo)} texts, {(time.perf_counter() - started) / done:.2f} s/text",
                  file=sys.stderr, flush=True)


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


def pearson(x: list[float], y: list[float]) -> float:
    return float(np.corrcoef(np.asarray(x), np.asarray(y))[0, 1]) if len(x) > 2 else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--limit", type=int, default=None, help="pairs to use (informative ones first)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE / "semeval")
    args = parser.parse_args()
    path = args.eval / "semeval2022-train.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found (set --eval or NEWSWEAVE_EVAL)")
        return
    rows = ordered_pairs([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
    rows = rows[: args.limit] if args.limit else rows
    cache = SignalCache(args.cache)
    cache.fill([(row[f"text{side}"], row[f"lang{side}"]) for row in rows for side in (1, 2)])

    scores: dict[str, list[float]] = {"word overlap": [], "embedding cosine": [], "entity overlap": [], "ours": []}
    for row in rows:
        k1, k2 = text_key(row["text1"]), text_key(row["text2"])
        cosine = float(np.dot(cache.vectors[k1], cache.vectors[k2]))
        overlap = entity_overlap(cache.entities[k1], cache.entities[k2])
        scores["word overlap"].append(word_jaccard(row["text1"], row["text2"]))
        scores["embedding cosine"].append(cosine)
        scores["entity overlap"].append(overlap)
        scores["ours"].append(combined_score(cosine, overlap, 0))
    gold = [row["overall"] for row in rows]
    subsets = {
        "all": [True] * len(rows),
        "likely original": [bool(row["likely_original_text"]) for row in rows],
        "cross-lingual": [row["lang1"] != row["lang2"] for row in rows],
    }
    print(f"Pearson r with gold 'overall' (1 = same story, 4 = unrelated; negative is right), {len(rows)} pairs")
    print(f"{'signal':18}" + "".join(f"{name + f' (n={sum(mask)})':>26}" for name, mask in subsets.items()))
    for name, values in scores.items():
        cells = []
        for mask in subsets.values():
            picked = [(v, g) for v, g, m in zip(values, gold, mask, strict=True) if m]
            cells.append(f"{pearson([v for v, _ in picked], [g for _, g in picked]):>26.3f}")
        print(f"{name:18}" + "".join(cells))


if __name__ == "__main__":
    main()
