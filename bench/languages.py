"""Every language in, none lost: real news pages per language group, newsweave beside trafilatura.

Reads the Fundus pages of ``../shared/eval/fundus/`` (see its README for source, licence and
scoring) and puts every page through the real pipeline into a fresh SQLite store, as
``newsweave ingest`` does. Per language group (of the gold ``lang``; the country when it is
null) it prints:

* pages stored (an article in the store, with text) out of pages, and rejections;
* main text: the Scrapinghub 4-gram shingle F1 (macro P/R, tokens ``\\w+``) of the stored text
  beside ``trafilatura.extract`` on the same decoded page; for zh/ja/ko also the same formula
  on characters ("chars"), since ``\\w+`` reads a run of CJK characters as one token;
* publication date: share of pages whose day (in the gold's own offset) equals the gold's,
  newsweave's ``published`` beside trafilatura's metadata date;
* language: share of pages whose detected language equals the gold ``lang`` (where set).

``--split check`` (or ``tune``) keeps the half of the pages whose URL-less id hashes that way
(first byte of sha256 of the id, even = tune): figures on the tune half are upper bounds for
anything tuned on it. ``--extract-only`` skips annotating and storing (text and dates only).

Rows for NER F1 (de, nl; bench/ner.py) and date resolution on the Recognizers specs
(bench/dates.py) come from :func:`extra_tables`, which prints what those benches offer.

    PYTHONPATH=src .venv/bin/python bench/languages.py [--eval DIR] [--split all|tune|check] [--limit N] [--extract-only]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import logging
import os
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import trafilatura  # noqa: E402
from extraction import counts, read_page  # noqa: E402  (bench/extraction.py: the upstream scoring)

from newsweave.annotate.language import detect_language  # noqa: E402
from newsweave.extract import extract_document  # noqa: E402
from newsweave.model import Article, RawDocument, Rejection  # noqa: E402

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "fundus"
# Language groups: the gold language's family, so that each row has more than a page or two.
GROUPS = {
    "de": "de", "en": "en", "fr": "fr", "es": "es/it/pt", "it": "es/it/pt", "pt": "es/it/pt",
    "sv": "nordic", "da": "nordic", "no": "nordic", "nb": "nordic", "is": "nordic", "fi": "nordic",
    "cs": "slavic", "pl": "slavic", "ru": "slavic", "uk": "slavic",
    "zh": "zh/ja/ko", "ja": "zh/ja/ko", "ko": "zh/ja/ko",
}
CJK_GROUP = "zh/ja/ko"


def group_of(entry: dict) -> str:
    return GROUPS.get(entry.get("lang") or "", entry.get("lang") or f"?{entry['country']}")


def half_of(entry: dict) -> str:
    """``tune`` or ``check``: a deterministic split of the pages by hash of their id."""
    return "tune" if hashlib.sha256(entry["id"].encode()).digest()[0] % 2 == 0 else "check"


def load_gold(folder: Path, split: str, limit: int | None) -> list[dict]:
    entries = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    entries = [entry for entry in entries if split == "all" or half_of(entry) == split]
    return entries[:limit] if limit else entries


# --- scoring -----------------------------------------------------------------------------


def char_counts(true: str, predicted: str) -> tuple[float, float, float]:
    """The shingle formula on characters (spaces dropped), for scripts written without spaces."""
    return counts(" ".join("".join(true.split())), " ".join("".join(predicted.split())))


def prf(per_doc: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Macro P and R over documents, F1 of the means (upstream evaluate.py)."""
    precisions = [tp / (tp + fp) if tp + fp else (1.0 if fp == fn == 0 else 0.0) for tp, fp, fn in per_doc]
    recalls = [tp / (tp + fn) if tp + fn else (1.0 if fp == fn == 0 else 0.0) for tp, fp, fn in per_doc]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    return (2 * precision * recall / (precision + recall) if precision + recall else 0.0), precision, recall


def same_day(found: str | None, gold: str) -> bool:
    """The found date's day in the gold's own offset equals the gold's day."""
    if not found:
        return False
    gold_time = datetime.fromisoformat(gold.replace("Z", "+00:00"))
    try:
        found_time = datetime.fromisoformat(found.replace("Z", "+00:00"))
    except ValueError:
        return found[:10] == gold[:10]
    if len(found) > 10 and found_time.tzinfo is not None and gold_time.tzinfo is not None:
        found_time = found_time.astimezone(gold_time.tzinfo)
    return found_time.date() == gold_time.date()


# --- the systems -------------------------------------------------------------------------


def trafilatura_result(document: RawDocument | None) -> tuple[str, str | None]:
    if document is None:
        return "", None
    text = trafilatura.extract(document.raw) or ""
    metadata = trafilatura.extract_metadata(document.raw)
    return text, getattr(metadata, "date", None)


def newsweave_results(documents: dict[str, RawDocument | None], extract_only: bool) -> dict[str, Article | Rejection | None]:
    """Each page's stored article (or its rejection), through the real pipeline and store."""
    if extract_only:
        results: dict[str, Article | Rejection | None] = {}
        for key, document in documents.items():
            result = extract_document(document) if document else None
            if isinstance(result, Article):
                result.language, result.language_score = detect_language(result.text)
            results[key] = result
        return results
    from newsweave.pipeline import ingest_batch
    from newsweave.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/languages.db")
        keys = [key for key, document in documents.items() if document is not None]
        for start in range(0, len(keys), 16):
            ingest_batch([documents[key] for key in keys[start : start + 16]], store)  # type: ignore[misc]
        by_source: dict[str, Article] = {}
        for article in store.iter_articles():
            for source in store.sources_of(article.id) or [article.source]:
                by_source[source] = article
        rejections = {row["source"]: Rejection(row["source"], row["reason"]) for row in store.rejections()}
        store.close()
    output: dict[str, Article | Rejection | None] = {}
    for key, document in documents.items():
        source = document.source if document else ""
        output[key] = by_source.get(source) or rejections.get(source)
    return output


# --- the tables --------------------------------------------------------------------------


def score(entries: list[dict], folder: Path, extract_only: bool) -> dict[str, dict]:
    documents = {entry["id"]: read_page(folder / "html" / f"{entry['id']}.html.gz") for entry in entries}
    ours = newsweave_results(documents, extract_only)
    rows: dict[str, dict] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        result = ours[entry["id"]]
        text_t, date_t = trafilatura_result(documents[entry["id"]])
        article = result if isinstance(result, Article) else None
        text_n = article.text if article else ""
        for group in (group_of(entry), "all"):
            row = rows[group]
            row["pages"].append(1)
            row["stored"].append(int(bool(article and article.text.strip())))
            if isinstance(result, Rejection) or result is None:
                row["rejected"].append(f"{entry['id']}: {result.reason if result else 'unreadable'}"[:160])
            row["tok_n"].append(counts(entry["body"], text_n))
            row["tok_t"].append(counts(entry["body"], text_t))
            if group == CJK_GROUP or (group == "all" and group_of(entry) == CJK_GROUP):
                row["chr_n"].append(char_counts(entry["body"], text_n))
                row["chr_t"].append(char_counts(entry["body"], text_t))
            if entry.get("published"):
                row["date_n"].append(same_day(article.published if article else None, entry["published"]))
                row["date_t"].append(same_day(date_t, entry["published"]))
            if entry.get("lang"):
                row["lang"].append((article.language if article else None) == entry["lang"])
            if article and article.to_json().get("skipped"):
                row["skipped"].extend(f"{item['stage']}" for item in article.to_json()["skipped"])
    return rows


def _mean(values: list) -> str:
    return f"{statistics.mean(values):.3f}" if values else "  -  "


def print_table(rows: dict[str, dict]) -> None:
    print(f"{'group':<10} {'pages':>5} {'stored':>6} {'F1 nw':>6} {'F1 traf':>7} {'chrF1 nw':>8} {'chrF1 tr':>8} "
          f"{'date nw':>7} {'date tr':>7} {'lang':>5}  skipped stages")
    order = sorted((g for g in rows if g != "all"), key=lambda g: (-len(rows[g]["pages"]), g)) + ["all"]
    for group in order:
        row = rows[group]
        chars_n = f"{prf(row['chr_n'])[0]:.3f}" if row["chr_n"] else "  -  "
        chars_t = f"{prf(row['chr_t'])[0]:.3f}" if row["chr_t"] else "  -  "
        skipped = ", ".join(f"{stage}×{n}" for stage, n in sorted(Counter(row["skipped"]).items())) or "-"
        print(f"{group:<10} {len(row['pages']):>5} {sum(row['stored']):>6} {prf(row['tok_n'])[0]:>6.3f} "
              f"{prf(row['tok_t'])[0]:>7.3f} {chars_n:>8} {chars_t:>8} {_mean(row['date_n']):>7} "
              f"{_mean(row['date_t']):>7} {_mean(row['lang']):>5}  {skipped}")
    for reason in rows["all"]["rejected"]:
        print(f"  rejected: {reason}")


def extra_tables() -> None:
    """The per-language rows other benches own: NER F1 on WikiANN de/nl, check half
    (``bench/ner.py``), and date resolution on the Recognizers specs, check half
    (``bench/dates_languages.py``)."""
    ner = _bench_module("ner")
    if ner is not None:
        print("\nNER on WikiANN, check half (newsweave and the capitalisation baseline):")
        for language in ("de", "nl"):
            scores = ner.wikiann_f1(language, "check")
            if scores is None:
                print(f"  {language}: WikiANN file not found")
                continue
            print(f"  {language}: newsweave P/R/F1 {scores['newsweave_p']:.3f}/{scores['newsweave_r']:.3f}/"
                  f"{scores['newsweave_f1']:.3f}, capitalisation baseline F1 {scores['baseline_f1']:.3f}")
    dates = _bench_module("dates_languages")
    if dates is not None:
        print("\nDate resolution on the Recognizers-Text specs, check half:")
        for iso, row in dates.language_rows(half="check"):
            print(f"  {iso}: {row['cases']} cases, found {row['found']:.3f}, resolved {row['resolved']:.3f}")


def _bench_module(name: str):
    """A neighbouring bench script as a module, or None (said) when it cannot load."""
    path = Path(__file__).resolve().parent / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path) if path.exists() else None
    if spec is None or spec.loader is None:
        print(f"\n{name}: bench/{name}.py not found")
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # noqa: BLE001 - a neighbouring bench must not stop this one
        print(f"\n{name}: not loaded ({type(error).__name__}: {error})")
        return None
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--split", choices=("all", "tune", "check"), default="all")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--extract-only", action="store_true")
    parser.add_argument("--no-extra", action="store_true", help="skip the NER and Recognizers rows")
    args = parser.parse_args()
    if not (args.eval / "gold.jsonl").exists():
        print(f"skipped: no Fundus pages at {args.eval} (see bench/languages.py docstring)")
        return 0
    logging.disable(logging.WARNING)
    entries = load_gold(args.eval, args.split, args.limit)
    print(f"Fundus pages, split={args.split}: {len(entries)} pages"
          f"{' (extract only: no annotation, no store)' if args.extract_only else ''}")
    print_table(score(entries, args.eval, args.extract_only))
    if not args.no_extra:
        extra_tables()
    return 0


if __name__ == "__main__":
    sys.exit(main())
