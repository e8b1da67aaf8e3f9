"""Score the trust flags: false alarms on real news, planted problems, the team's own set.

    .venv/bin/python bench/trust.py [--per-language 400] [--hosts 6] [--dump fired.jsonl] [--cache DIR] [--lang de]

``--cache DIR`` keeps the analyses (extract + annotate) and re-runs only the detectors on
later runs: the way to iterate on detectors on a shared machine (see ``CACHE``).

Three tables, in this order (docs/quality.md keeps them):

1. **False alarms on real news** (``bench/trust_corpus.py``): SemEval-2022 texts, ECB+,
   the extraction set's and Fundus's gold bodies, at most ``--per-language`` per language;
   each kind's firing rate per language. Nobody wrote these articles for the detectors, so
   a flag is a false alarm unless a person who reads it finds a real problem: ``--dump``
   writes every flag with its evidence for that reading.
2. **Planted problems** (``bench/trust_inject.py``, frozen before tuning): each family
   plants its kind into ``--hosts`` real articles per language (en, fr, de, es); precision
   and recall per kind, language and half (tune / check). A planted article counts as found
   when a flag of the kind has evidence on the planted text; false positives are flags of
   the kind elsewhere in planted articles and on as many untouched host articles. The check
   half is the figure to report.
3. **The team's own labelled set** (``tests/data/trust``): an upper bound, since the set and
   the detectors were written together.

The labelled set (``tests/data/trust/*.toml``, see its README) holds short articles written
by the team with their gold flags. Each is run through the real pipeline (extract →
annotate → assess, no store) and scored per article and per kind:

* precision / recall of the article-level flag (does the article carry the kind?);
* evidence: share of gold evidence strings that lie inside a predicted evidence span;
* clean articles (no gold flag) that raised any flag at all, whoever's detector raised it;
* offsets: every evidence span must give back its words from ``text`` and from ``raw``.

(Own set, continued.) Unseen professional copy: with ``--eval`` (default ``../shared/eval``), the article bodies of
the extraction set's ground truth (``extraction/ground-truth.jsonl``: 121 real news pages'
bodies, cleaned by hand upstream, mostly English) are run through the same detectors. They
carry no flag labels, so this gives only the rate at which each kind fires on edited news,
an upper bound of the false-positive rate; the firing articles are listed for review.

Speed: the per-article time of the whole analysis with and without the trust detectors
(both parse with spaCy; the detectors reuse the parse), on this set. Timings on a shared
2-core machine are noisy: take the median of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsweave.assess import assess  # noqa: E402
from newsweave.assess.filler import detect_generic_filler  # noqa: E402
from newsweave.assess.leaks import detect_boilerplate_leak  # noqa: E402
from newsweave.assess.promotion import detect_undisclosed_promotion  # noqa: E402
from newsweave.assess.translation import detect_machine_translation  # noqa: E402
from newsweave.model import Article, RawDocument  # noqa: E402
from newsweave.pipeline import analyze_batch  # noqa: E402

KINDS = ("undisclosed_promotion", "machine_translation", "boilerplate_leak", "generic_filler")
TRUST_DETECTORS = (detect_undisclosed_promotion, detect_machine_translation, detect_boilerplate_leak, detect_generic_filler)
DEFAULT_DATA = ROOT / "tests" / "data" / "trust"


def load_labelled(folder: Path) -> list[dict]:
    items = []
    for path in sorted(folder.glob("*.toml")):
        language = path.stem
        for item in tomllib.loads(path.read_text(encoding="utf-8"))["article"]:
            items.append({**item, "language": language, "text": item["text"].lstrip("\n")})
    return items


def raw_document(item: dict) -> RawDocument:
    data = item["text"].encode("utf-8")
    return RawDocument(
        source=f"trust/{item['id']}.txt", raw=item["text"], kind="text", raw_sha256=hashlib.sha256(data).hexdigest(),
        title=item.get("title"), published=item.get("published"), language=item["language"],
    )


def analyse(items: list[dict], with_assess: bool = True) -> list[Article]:
    results = analyze_batch([raw_document(item) for item in items], with_assess=with_assess)
    bad = [result for result in results if not isinstance(result, Article)]
    if bad:
        raise SystemExit(f"rejected: {bad}")
    return results  # type: ignore[return-value]


def evidence_covers(article: Article, kind: str, wanted: str) -> bool:
    for flag in article.flags:
        if flag.kind != kind:
            continue
        for span in flag.evidence:
            if wanted.lower() in span.text.lower() or span.text.lower() in wanted.lower():
                return True
    return False


def offsets_ok(article: Article) -> bool:
    for flag in article.flags:
        for span in flag.evidence:
            if article.text[span.start : span.end] != span.text:
                return False
            if article.raw[span.source_start : span.source_end] != span.text:
                return False
    return True


def score(items: list[dict], articles: list[Article]) -> None:
    counts = {kind: Counter() for kind in KINDS}
    evidence: Counter[str] = Counter()
    noisy_clean, bad_offsets, mistakes = [], [], []
    for item, article in zip(items, articles, strict=True):
        gold = set(item["flags"])
        found = {flag.kind for flag in article.flags}
        for kind in KINDS:
            key = "tp" if kind in gold and kind in found else "fn" if kind in gold else "fp" if kind in found else "tn"
            counts[kind][key] += 1
            if key in ("fp", "fn"):
                mistakes.append(f"  {key.upper()} {kind:22} {item['id']}")
        for wanted in item.get("evidence", []):
            hit = any(evidence_covers(article, kind, wanted) for kind in gold)
            evidence["hit" if hit else "miss"] += 1
            if not hit:
                mistakes.append(f"  evidence missed in {item['id']}: {wanted!r}")
        if not gold and article.flags:
            noisy_clean.append(f"  {item['id']}: {sorted(found)}")
        if not offsets_ok(article):
            bad_offsets.append(item["id"])
    clean_total = sum(1 for item in items if not item["flags"])
    print(f"labelled articles: {len(items)} ({Counter(i['language'] for i in items)}), clean: {clean_total}")
    print(f"{'kind':24}{'gold':>5}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for kind in KINDS:
        c = counts[kind]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{kind:24}{c['tp'] + c['fn']:>5}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}{p:>7.2f}{r:>7.2f}{f:>7.2f}")
    print(f"gold evidence strings inside a predicted evidence span: {evidence['hit']}/{evidence['hit'] + evidence['miss']}")
    print(f"clean articles raising any flag (any detector): {len(noisy_clean)}/{clean_total}")
    print("\n".join(noisy_clean))
    print(f"evidence spans whose offsets do not give back their words: {len(bad_offsets)} {bad_offsets}")
    if mistakes:
        print("errors:\n" + "\n".join(mistakes))


def timing(items: list[dict], repeat: int) -> None:
    analyse(items[:4])  # load models
    without, detectors_only = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        articles = analyse(items, with_assess=False)
        without.append((time.perf_counter() - start) / len(items))
        start = time.perf_counter()
        for article in articles:
            for detector in TRUST_DETECTORS:
                detector(article)
        detectors_only.append((time.perf_counter() - start) / len(items))
    base, extra = statistics.median(without), statistics.median(detectors_only)
    print(f"\nper article (median of {repeat}): extract+annotate {base * 1000:.1f} ms, trust detectors {extra * 1000:.1f} ms"
          f" (+{100 * extra / base:.1f} %)")


def corroboration(items: list[dict]) -> None:
    """Ingest the set into a temp store (stories, then the corroboration pass) and time a re-run."""
    import tempfile

    from newsweave.assess.corroboration import corroborate
    from newsweave.pipeline import ingest
    from newsweave.report.export import export_rows
    from newsweave.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for item in items:
            (folder / f"{item['id']}.txt").write_text(item["text"], encoding="utf-8")
        store = Store(str(Path(tmp) / "trust.db"))
        start = time.perf_counter()
        ingest([str(folder)], store)
        ingest_seconds = time.perf_counter() - start
        ids = [article.id for article in store.iter_articles()]
        start = time.perf_counter()
        corroborate(ids, store)
        again = time.perf_counter() - start
        rows = list(export_rows(store, "quotes"))
        direct = [row for row in rows if row.get("direct", True)]
        flagged = sum(1 for a in store.iter_articles() for f in a.flags if f.kind == "uncorroborated_quote")
        print(f"\ncorroboration on the set ({len(ids)} articles, {len(store.story_rows())} stories): "
              f"{len(rows)} quotes ({len(direct)} direct), {sum(1 for r in rows if r['corroborated_by'])} found in another "
              f"article, {flagged} uncorroborated_quote flags; ingest {ingest_seconds:.1f} s, "
              f"corroboration pass over every article {again:.2f} s (embeddings loaded)")
        store.close()


TABLE_KINDS = ("undisclosed_promotion", "date_inconsistent", "unsourced_quote", "generic_filler", "boilerplate_leak",
               "machine_translation")
PLANTED_LANGUAGES = ("en", "fr", "de", "es")
# Planted texts are put into hosts of at least this many words, so that the rest of the
# article (its specificity, its attributions) is there to compare with.
HOST_MIN_WORDS = 120


def documents(items: list[dict]) -> list[RawDocument]:
    return [
        RawDocument(source=f"{item['id']}.txt", raw=item["text"], kind="text",
                    raw_sha256=hashlib.sha256(item["text"].encode("utf-8")).hexdigest(), language=item.get("language"))
        for item in items
    ]


# ``--cache DIR``: extract + annotate once, keep the analyses (pickled), re-run only the
# detectors on later runs. An analysis is kept while the extractor still gives the same text
# (so a change to the furniture lists re-analyses just the articles it touches); a change to
# the annotators' code or data needs an empty DIR.
CACHE: Path | None = None


def run_articles(items: list[dict], batch: int = 64) -> list[Article | None]:
    """Analyse plain texts (language given) in batches; a rejection becomes None."""
    if CACHE is not None:
        return _cached_articles(items, CACHE, batch)
    found: list[Article | None] = []
    for start in range(0, len(items), batch):
        for result in analyze_batch(documents(items[start : start + batch])):
            found.append(result if isinstance(result, Article) else None)
    return found


def _cache_key(item: dict) -> str:
    return hashlib.sha256(f"{item.get('language')}\n{item['text']}".encode()).hexdigest()[:32]


def _cached_articles(items: list[dict], folder: Path, batch: int) -> list[Article | None]:
    """The analyses without detectors, from ``folder`` or made and saved there; then the detectors."""
    import pickle

    from newsweave.extract import extract_document

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{_cache_key(item)}.pkl" for item in items]
    kept: dict[int, Article | None] = {}
    for index, (item, path) in enumerate(zip(items, paths, strict=True)):
        if path.exists():
            article = pickle.loads(path.read_bytes())
            fresh = extract_document(documents([item])[0])
            if (article is None) == (not isinstance(fresh, Article)) and (article is None or fresh.text == article.text):
                kept[index] = article
    todo = [index for index in range(len(items)) if index not in kept]
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        for index, result in zip(chunk, analyze_batch(documents([items[i] for i in chunk]), with_assess=False), strict=True):
            article = result if isinstance(result, Article) else None
            if article is not None and article.work.doc is not None:
                # The parse without its model (a pickled Doc carries the whole vocabulary and
                # its vectors, ~45 MB); rebuilt against the loaded model when read back.
                article.work.doc_bytes, article.work.doc = article.work.doc.to_bytes(), None
            partial = paths[index].with_suffix(f".{os.getpid()}.tmp")  # whole files only, for a second run reading them
            partial.write_bytes(pickle.dumps(article))
            partial.replace(paths[index])
            kept[index] = None if article is None else pickle.loads(paths[index].read_bytes())
    found: list[Article | None] = []
    for index in range(len(items)):
        article = kept[index]
        if article is not None:
            _restore_doc(article)
            article.work.memo.clear()
            assess(article)
            article.work.doc = None  # the detectors are done with the parse; keep memory small
        found.append(article)
    return found


def _restore_doc(article: Article) -> None:
    if article.work.doc_bytes is not None:
        from spacy.tokens import Doc

        from newsweave.annotate.nlp import pipeline

        article.work.doc = Doc(pipeline(article.language).vocab).from_bytes(article.work.doc_bytes)
        article.work.doc_bytes = None


def sample_real(per_language: int) -> list[dict]:
    """At most ``per_language`` real texts per language, picked by hash of their id."""
    from trust_corpus import real_news

    by_language: dict[str, list[dict]] = {}
    for item in sorted(real_news(), key=lambda i: hashlib.sha256(i["id"].encode()).hexdigest()):
        by_language.setdefault(item["language"] or "?", []).append(item)
    return [item for items in by_language.values() for item in items[:per_language]]


def false_alarm_table(items: list[dict], articles: list[Article | None], dump: Path | None) -> None:
    fired: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    rows = []
    for item, article in zip(items, articles, strict=True):
        if article is None:
            continue
        language = item["language"] or "?"
        totals[language] += 1
        for kind in {flag.kind for flag in article.flags}:
            fired.setdefault(kind, Counter())[language] += 1
        for flag in article.flags:
            rows.append({"id": item["id"], "language": language, "kind": flag.kind, "message": flag.message,
                         "evidence": [span.text[:200] for span in flag.evidence[:4]]})
    languages = [lang for lang, _ in totals.most_common() if totals[lang] >= 20]
    print(f"\n## 1. False alarms on real news: share of articles where a kind fires ({sum(totals.values())} articles)")
    print(f"{'kind':24}" + "".join(f"{lang + ' ' + str(totals[lang]):>10}" for lang in languages) + f"{'all':>9}")
    for kind in TABLE_KINDS:
        counts = fired.get(kind, Counter())
        cells = "".join(f"{100 * counts[lang] / totals[lang]:>9.1f}%" for lang in languages)
        print(f"{kind:24}{cells}{100 * sum(counts.values()) / max(1, sum(totals.values())):>8.1f}%")
    small = sum(totals[lang] for lang in totals if lang not in languages)
    print(f"(languages with fewer than 20 articles, {small} articles in all, count in 'all' only)")
    if dump:
        dump.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8")
        print(f"every flag with its evidence: {dump}")


def planted_items(hosts_per: int, kinds: set[str] | None = None, host_order: str = "host/") -> tuple[list[dict], list[dict]]:
    """Planted articles and as many untouched hosts, both in en, fr, de, es.

    ``kinds`` keeps only those kinds' families; ``host_order`` salts the hash that orders the
    hosts, for another draw of hosts (a larger or second sample of one kind's check half)."""
    from trust_corpus import real_news
    from trust_inject import FAMILIES, plant

    families = [family for family in FAMILIES if kinds is None or family.kind in kinds]
    pool: dict[str, list[dict]] = {}
    for item in sorted(real_news(), key=lambda i: hashlib.sha256((host_order + i["id"]).encode()).hexdigest()):
        if item["language"] in PLANTED_LANGUAGES and len(item["text"].split()) >= HOST_MIN_WORDS:
            pool.setdefault(item["language"], []).append(item)
    planted, untouched = [], []
    for language in PLANTED_LANGUAGES:
        hosts = pool.get(language, [])
        if not hosts:
            continue
        cursor = 0
        for family in families:
            for _ in range(hosts_per):
                host = hosts[cursor % len(hosts)]
                cursor += 1
                text, planted_text = plant(host["text"], language, family, host["id"])
                planted.append({"id": f"{host['id']}+{family.name}", "language": language, "text": text, "planted": planted_text,
                                "kind": family.kind, "family": family.name, "half": family.half})
        untouched += [{**host, "kind": None} for host in hosts[: min(len(hosts), cursor)]]
    return planted, untouched


def _hit(item: dict, article: Article, kind: str) -> bool:
    """A flag of ``kind`` whose evidence lies on the planted text (furniture: cut, or flagged)."""
    start = article.text.find(item["planted"][:40])
    if kind == "furniture":
        if start < 0:
            return True  # the extractor cut it
        kind = "boilerplate_leak"
    end = start + len(item["planted"]) if start >= 0 else -1
    return any(flag.kind == kind and any(span.start < end and start < span.end for span in flag.evidence) for flag in article.flags)


def planted_table(planted: list[dict], planted_articles: list[Article | None], untouched: list[dict],
                  untouched_articles: list[Article | None]) -> None:
    """Precision and recall per kind and half, per language, on planted and untouched articles."""
    cells: dict[tuple[str, str, str], Counter[str]] = {}
    for item, article in zip(planted, planted_articles, strict=True):
        key = (item["kind"], item["half"], item["language"])
        counter = cells.setdefault(key, Counter())
        counter["n"] += 1
        if article is None:
            continue
        hit = _hit(item, article, item["kind"])
        counter["tp"] += hit
        flag_kind = "boilerplate_leak" if item["kind"] == "furniture" else item["kind"]
        if not hit and any(flag.kind == flag_kind for flag in article.flags):
            counter["fp"] += 1  # fired, but somewhere else than the plant
    for item, article in zip(untouched, untouched_articles, strict=True):
        if article is None:
            continue
        for kind in {f["kind"] if f["kind"] != "furniture" else "furniture" for f in _families()}:
            flag_kind = "boilerplate_leak" if kind == "furniture" else kind
            if any(flag.kind == flag_kind for flag in article.flags):
                for half in ("tune", "check"):
                    cells.setdefault((kind, half, item["language"]), Counter())["host_fp"] += 1
    hosts = Counter(item["language"] for item in untouched)
    print("\n## 2. Planted problems: precision / recall per kind and half (n planted; untouched hosts:"
          f" {dict(hosts)})")
    print("precision counts the kind's flags on untouched hosts, scaled to as many hosts as planted articles")
    header = f"{'kind':24}{'half':7}" + "".join(f"{lang:>16}" for lang in PLANTED_LANGUAGES) + f"{'all':>16}"
    print(header)
    kinds = sorted({key[0] for key in cells}, key=lambda k: (k not in TABLE_KINDS, k))
    for kind in kinds:
        for half in ("check", "tune"):
            row = f"{kind:24}{half:7}"
            total: Counter[str] = Counter()
            for language in PLANTED_LANGUAGES:
                counter = cells.get((kind, half, language), Counter())
                scaled = counter["host_fp"] * counter["n"] / max(1, hosts[language])
                total.update({"n": counter["n"], "tp": counter["tp"], "fp": counter["fp"]})
                total["scaled"] += scaled  # type: ignore[assignment]
                row += _pr(counter["tp"], counter["fp"] + scaled, counter["n"])
            row += _pr(total["tp"], total["fp"] + total["scaled"], total["n"])
            print(row)


def _families() -> list[dict]:
    from trust_inject import FAMILIES

    return [{"kind": family.kind, "name": family.name} for family in FAMILIES]


def _pr(tp: float, fp: float, n: int) -> str:
    if not n:
        return f"{'-':>16}"
    precision = tp / (tp + fp) if tp + fp else float("nan")
    return f"{precision:>6.2f}/{tp / n:.2f} n{n:<3}"


def machine_translation_table(per_language: int) -> None:
    """Real MT output: SemEval-2022 texts that the data's compilers machine-translated.

    Machine translation cannot be planted honestly, so the share of these texts that the
    detector flags (recall on real MT) stands beside its firing rate on original texts of
    the same languages (table 1, a false-alarm rate)."""
    from trust_corpus import semeval_translated

    by_language: dict[str, list[dict]] = {}
    for item in sorted(semeval_translated(), key=lambda i: hashlib.sha256(i["id"].encode()).hexdigest()):
        if item["translated"] and item["language"] in PLANTED_LANGUAGES and len(item["text"].split()) >= 60:
            by_language.setdefault(item["language"], []).append(item)
    items = [item for items in by_language.values() for item in items[:per_language]]
    articles = run_articles(items)
    fired: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for item, article in zip(items, articles, strict=True):
        if article is not None:
            totals[item["language"]] += 1
            fired[item["language"]] += any(flag.kind == "machine_translation" for flag in article.flags)
    print("\n## 2b. Real machine translation (SemEval-2022 texts translated by the data's compilers): share flagged")
    print("".join(f"{lang} {fired[lang]}/{totals[lang]} ({100 * fired[lang] / max(1, totals[lang]):.1f} %)   " for lang in totals))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=0, help="timing rounds on the own set (0: no timing)")
    parser.add_argument("--per-language", type=int, default=400, help="real articles per language in table 1")
    parser.add_argument("--hosts", type=int, default=6, help="host articles per family and language in table 2")
    parser.add_argument("--dump", type=Path, help="write every flag of table 1 here (JSON lines), for reading by hand")
    parser.add_argument("--tables", default="123", help="which tables to print, e.g. 12 (m: only 2b, real MT)")
    parser.add_argument("--kinds", help="table 2: plant only these kinds (comma-separated), e.g. unsourced_quote")
    parser.add_argument("--host-order", default="host/", help="table 2: salt of the hash that orders the hosts (another draw)")
    parser.add_argument("--cache", type=Path, help="keep the analyses here and re-run only the detectors (see CACHE)")
    parser.add_argument("--lang", help="tables 1, 2 and 2b: only these languages (comma-separated), e.g. de; a language's "
                        "rows do not depend on the others, so they match the full run's")
    args = parser.parse_args()
    global CACHE, PLANTED_LANGUAGES
    CACHE = args.cache
    wanted = set(args.lang.split(",")) if args.lang else None
    if wanted is not None:
        PLANTED_LANGUAGES = tuple(language for language in PLANTED_LANGUAGES if language in wanted)
    from trust_corpus import DEFAULT_EVAL, missing

    if missing(DEFAULT_EVAL) and any(table in args.tables for table in "12m"):
        print(f"real-news corpora not found ({', '.join(map(str, missing(DEFAULT_EVAL)))}): tables 1 and 2 skipped")
        args.tables = args.tables.replace("1", "").replace("2", "").replace("m", "")
    if "1" in args.tables:
        real = [item for item in sample_real(args.per_language) if wanted is None or item["language"] in wanted]
        false_alarm_table(real, run_articles(real), args.dump)
    if "2" in args.tables:
        planted, untouched = planted_items(args.hosts, set(args.kinds.split(",")) if args.kinds else None, args.host_order)
        planted_table(planted, run_articles(planted), untouched, run_articles(untouched))
    if "2" in args.tables or "m" in args.tables:
        machine_translation_table(min(150, args.per_language))
    if "3" in args.tables and args.data.is_dir():
        print("\n## 3. The team's own labelled set (UPPER BOUND: written together with the detectors)")
        items = load_labelled(args.data)
        score(items, analyse(items))
        corroboration(items)
        if args.repeat:
            timing(items, args.repeat)


if __name__ == "__main__":
    main()
