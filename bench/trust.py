"""Score the trust flags on the team's labelled set, per flag kind; time the detectors.

    .venv/bin/python bench/trust.py [--data tests/data/trust] [--repeat 3]

The labelled set (``tests/data/trust/*.toml``, see its README) holds short articles written
by the team with their gold flags. Each is run through the real pipeline (extract →
annotate → assess, no store) and scored per article and per kind:

* precision / recall of the article-level flag (does the article carry the kind?);
* evidence: share of gold evidence strings that lie inside a predicted evidence span;
* clean articles (no gold flag) that raised any flag at all, whoever's detector raised it;
* offsets: every evidence span must give back its words from ``text`` and from ``raw``.

Unseen professional copy: with ``--eval`` (default ``../shared/eval``), the article bodies of
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


def unseen_rates(eval_dir: Path, show: int) -> None:
    path = eval_dir / "extraction" / "ground-truth.jsonl"
    if not path.is_file():
        print(f"\n{path} not found: unseen-copy check skipped")
        return
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        body = (record.get("articleBody") or "").strip()
        if len(body.split()) >= 80:
            items.append({"id": record["id"][:12], "text": body, "language": None, "title": None, "published": None})
    articles = analyse(items)
    fired = Counter()
    examples: dict[str, list[str]] = {}
    for item, article in zip(items, articles, strict=True):
        for kind in {flag.kind for flag in article.flags}:
            fired[kind] += 1
            flag = next(f for f in article.flags if f.kind == kind)
            examples.setdefault(kind, []).append(f"    {item['id']} ({article.language}): {flag.evidence[0].text[:90]!r}")
    languages = Counter(a.language for a in articles)
    print(f"\nunseen edited news (extraction ground truth, {len(items)} bodies of >= 80 words, {dict(languages)}):")
    for kind in (*KINDS, *sorted(k for k in fired if k not in KINDS)):
        print(f"  {kind:24} fires on {fired[kind]:>3}/{len(items)} ({100 * fired[kind] / len(items):.1f} %)")
        print("\n".join(examples.get(kind, [])[:show]))


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="shared eval folder")
    parser.add_argument("--show", type=int, default=4, help="examples listed per kind on unseen copy")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"labelled set not found at {args.data}: skipped")
        return
    items = load_labelled(args.data)
    articles = analyse(items)
    score(items, articles)
    unseen_rates(args.eval, args.show)
    corroboration(items)
    timing(items, args.repeat)
    _ = assess  # the registered detectors ran inside analyse()


if __name__ == "__main__":
    main()
