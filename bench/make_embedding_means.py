"""Regenerate ``src/newsweave/annotate/data/embedding_means.json``, the mean article embedding per language.

    .venv/bin/python bench/make_embedding_means.py [--eval ../shared/eval/stories] [--skip-pairs 600]

Not a benchmark: a maintenance script, to run again whenever the embedding changes (model,
prefix or lead length (``AnnotateSettings.embedding_lead_chars``); ``annotate/embeddings.py`` refuses a file made for another one).

Why: multilingual-e5's vectors of one language share a large common component, so any two
English leads have a cosine near 0.8 and an English and a French report of one event sit
further apart than two unrelated English ones. Subtracting each language's mean vector before
comparing removes most of that component (Libovický, Rosa and Fraser, "On the Language
Neutrality of Pre-trained Multilingual Representations", Findings of EMNLP 2020, found the
same for mBERT and XLM-R); docs/quality.md has what it does to the SemEval-2022 and ECB+ figures.

The means are taken over the texts of the SemEval-2022 Task 8 training pairs (dev data in
``../shared/eval/stories``) *outside* the first ``--skip-pairs`` pairs in the order of
``bench/similarity.py``, which is the slice that bench scores (``--limit 600``), so the figures
it prints are measured on texts the means never saw. Only the 384 averages per language go into
the repository, no text. Languages with fewer than ``MIN_TEXTS`` texts are left out (the
pipeline then uses the mean of the means).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from similarity import DEFAULT_CACHE, DEFAULT_EVAL, MEANS_KEPT_APART, PRODUCTION, SignalCache, ordered_pairs, text_key  # noqa: E402

from newsweave.annotate.embeddings import MEANS_FILE, embedding_variant  # noqa: E402

MIN_TEXTS = 100
DIGITS = 6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE / "semeval")
    parser.add_argument("--skip-pairs", type=int, default=MEANS_KEPT_APART, help="pairs kept apart for bench/similarity.py")
    args = parser.parse_args()
    path = args.eval / "semeval2022-train.jsonl"
    if not path.exists():
        sys.exit(f"not found: {path} (set --eval)")
    rows = ordered_pairs([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
    kept_apart = {row[f"text{side}"] for row in rows[: args.skip_pairs] for side in (1, 2)}
    texts = dict.fromkeys((row[f"text{side}"], row[f"lang{side}"]) for row in rows[args.skip_pairs:] for side in (1, 2)
                          if row[f"text{side}"] not in kept_apart)
    cache = SignalCache(args.cache, PRODUCTION)
    cache.fill(list(texts), entities=False)
    by_language: dict[str, list[np.ndarray]] = defaultdict(list)
    for text, language in texts:
        by_language[language].append(cache.vectors[text_key(text)])
    means = {language: np.mean(vectors, axis=0) for language, vectors in sorted(by_language.items())
             if len(vectors) >= MIN_TEXTS}
    payload = {
        "variant": embedding_variant(),
        "source": "SemEval-2022 Task 8 training pairs (dev data), texts outside the first "
                  f"{args.skip_pairs} pairs of bench/similarity.py's order; bench/make_embedding_means.py",
        "texts": {language: len(by_language[language]) for language in means},
        "means": {language: [round(float(value), DIGITS) for value in mean] for language, mean in means.items()},
    }
    MEANS_FILE.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MEANS_FILE.relative_to(ROOT)}: " + ", ".join(f"{k} ({v} texts)" for k, v in payload["texts"].items()))


if __name__ == "__main__":
    main()
