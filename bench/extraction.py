"""Main-text extraction quality and speed: newsweave's extraction side by side with trafilatura.

Two public gold sets in ``../shared/eval/extraction/`` (see its README for the rules):

* the Scrapinghub article-extraction-benchmark DEV split (121 pages), scored exactly as
  upstream ``evaluate.py``: 4-token shingles, per-document normalisation, macro precision
  and recall, F1 of the means, exact-token accuracy;
* the trafilatura evaluation subset (300 pages), scored as upstream ``eval_common.py``:
  "with" snippets that must appear and "without" snippets that must not, summed (micro).

"newsweave" is what ``newsweave analyze`` returns as ``text``: the file read by the
ingest reader, then :func:`newsweave.extract.extract_document` (a rejected page counts as
an empty text). "trafilatura" is ``trafilatura.extract`` with its default settings on the
same decoded HTML string. Times cover extraction only (not reading), per page, on this
machine; they are noisy when other work shares the cores.

    .venv/bin/python bench/extraction.py [--eval DIR] [--set scrapinghub|trafilatura|both] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from newsweave.extract import extract_document
from newsweave.ingest import read_path
from newsweave.model import Article, RawDocument

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "extraction"
Extractor = Callable[[RawDocument], str]


# --- the two extractors under test ---------------------------------------------------------


def newsweave_text(document: RawDocument) -> str:
    result = extract_document(document)
    return result.text if isinstance(result, Article) else ""


def trafilatura_text(document: RawDocument) -> str:
    return trafilatura.extract(document.raw) or ""


EXTRACTORS: dict[str, Extractor] = {"newsweave": newsweave_text, "trafilatura": trafilatura_text}


def read_page(path: Path) -> RawDocument | None:
    """The page as ``newsweave analyze`` reads it (gzip and charset handled by the reader)."""
    for document in read_path(path):
        if isinstance(document, RawDocument):
            return document
    return None


# --- Scrapinghub: upstream evaluate.py, reproduced --------------------------------------------


def tokenize(text: str) -> list[str]:
    return re.findall(r"\w+", text or "", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = tokenize(text)
    found: Counter[tuple[str, ...]] = Counter()
    for index in range(0, max(1, len(tokens) - size + 1)):
        shingle = tuple(tokens[index : index + size])
        if shingle:
            found[shingle] += 1
    return found


def counts(true: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one document, as upstream ``string_shingle_matching``."""
    true_shingles, predicted_shingles = shingles(true), shingles(predicted)
    tp = fp = fn = 0.0
    for key in set(true_shingles) | set(predicted_shingles):
        t, p = true_shingles.get(key, 0), predicted_shingles.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    return tp, fp, fn


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def scrapinghub_score(truths: dict[str, str], predictions: dict[str, str]) -> dict[str, float]:
    assert set(truths) == set(predictions), "predictions must cover exactly the ground-truth ids"
    per_doc = [counts(truths[key], predictions[key]) for key in sorted(truths)]
    precisions = [_precision(*c) for c in per_doc if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in per_doc if c[0] + c[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = statistics.mean(tokenize(truths[key]) == tokenize(predictions[key]) for key in truths)
    return {"f1": f1, "precision": precision, "recall": recall, "accuracy": accuracy}


def load_scrapinghub(folder: Path, limit: int | None) -> list[tuple[str, Path, str]]:
    items = []
    with (folder / "ground-truth.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            items.append((record["id"], folder / "html" / f"{record['id']}.html.gz", record["articleBody"]))
    return items[:limit] if limit else items


# --- trafilatura eval: upstream eval_common.py, reproduced ------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def snippet_counts(output: str, entry: dict) -> Counter[str]:
    found = Counter()
    text = _norm(output or "")
    for snippet in entry.get("with", []):
        found["tp" if _norm(snippet) in text else "fn"] += 1
    for snippet in entry.get("without", []):
        found["fp" if _norm(snippet) in text else "tn"] += 1
    return found


def snippet_score(total: Counter[str]) -> dict[str, float]:
    tp, fp, fn, tn = total["tp"], total["fp"], total["fn"], total["tn"]
    return {
        "f1": 2 * tp / (2 * tp + fp + fn),
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "accuracy": (tp + tn) / (tp + fp + fn + tn),
    }


def load_trafilatura_eval(folder: Path, limit: int | None) -> list[tuple[str, Path, dict]]:
    entries = json.loads((folder / "trafilatura-eval" / "evaldata.json").read_text(encoding="utf-8"))
    items = [(key, folder / "trafilatura-eval" / "html" / f"{entry['file']}.gz", entry) for key, entry in entries.items()]
    return items[:limit] if limit else items


# --- running -----------------------------------------------------------------------------------


def run_extractor(extractor: Extractor, documents: dict[str, RawDocument | None]) -> tuple[dict[str, str], float]:
    """Each page's text and the mean seconds per page (extraction only)."""
    outputs: dict[str, str] = {}
    spent = 0.0
    for key, document in documents.items():
        if document is None:
            outputs[key] = ""
            continue
        started = time.perf_counter()
        try:
            outputs[key] = extractor(document)
        except Exception as error:  # noqa: BLE001 - a crash counts as an empty output, as upstream
            print(f"  {key}: {type(error).__name__}: {error}", file=sys.stderr)
            outputs[key] = ""
        spent += time.perf_counter() - started
    return outputs, spent / max(1, len(documents))


def _warm_up(documents: dict[str, RawDocument | None]) -> None:
    """One untimed call of each extractor, so lazy imports are not charged to the first page."""
    first = next((document for document in documents.values() if document is not None), None)
    if first is not None:
        for extractor in EXTRACTORS.values():
            extractor(first)


def bench_scrapinghub(folder: Path, limit: int | None) -> None:
    items = load_scrapinghub(folder, limit)
    documents = {key: read_page(path) for key, path, _ in items}
    truths = {key: truth for key, _, truth in items}
    _warm_up(documents)
    print(f"\nScrapinghub article-extraction-benchmark, DEV split: {len(items)} pages (upstream evaluate.py scoring)")
    print(f"{'system':<12} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6} {'ms/page':>8}")
    times = {}
    for name, extractor in EXTRACTORS.items():
        outputs, seconds = run_extractor(extractor, documents)
        score = scrapinghub_score(truths, outputs)
        times[name] = seconds
        print(
            f"{name:<12} {score['f1']:6.3f} {score['precision']:6.3f} {score['recall']:6.3f} "
            f"{score['accuracy']:6.3f} {seconds * 1000:8.1f}"
        )
    print(f"time ratio newsweave / trafilatura: {times['newsweave'] / times['trafilatura']:.2f}")


def bench_trafilatura_eval(folder: Path, limit: int | None) -> None:
    items = load_trafilatura_eval(folder, limit)
    documents = {key: read_page(path) for key, path, _ in items}
    entries = {key: entry for key, _, entry in items}
    _warm_up(documents)
    print(f"\ntrafilatura evaluation subset: {len(items)} pages (upstream eval_common.py scoring, micro)")
    print(f"{'system':<12} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6} {'ms/page':>8}")
    times = {}
    for name, extractor in EXTRACTORS.items():
        outputs, seconds = run_extractor(extractor, documents)
        total: Counter[str] = Counter()
        for key, output in outputs.items():
            total += snippet_counts(output, entries[key])
        score = snippet_score(total)
        times[name] = seconds
        print(
            f"{name:<12} {score['f1']:6.3f} {score['precision']:6.3f} {score['recall']:6.3f} "
            f"{score['accuracy']:6.3f} {seconds * 1000:8.1f}"
        )
    print(f"time ratio newsweave / trafilatura: {times['newsweave'] / times['trafilatura']:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path(os.environ.get("NEWSWEAVE_EVAL_EXTRACTION", DEFAULT_EVAL)))
    parser.add_argument("--set", choices=("scrapinghub", "trafilatura", "both"), default="both")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    args = parser.parse_args()
    if not (args.eval / "ground-truth.jsonl").is_file():
        print(f"extraction eval data not found at {args.eval}; skipping (set --eval or NEWSWEAVE_EVAL_EXTRACTION)")
        return 0
    if args.set in ("scrapinghub", "both"):
        bench_scrapinghub(args.eval, args.limit)
    if args.set in ("trafilatura", "both"):
        bench_trafilatura_eval(args.eval, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
