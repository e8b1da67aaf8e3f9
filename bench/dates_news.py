"""Dates on real news without gold: dump every tagged value of one half, and diff two dumps.

    PYTHONPATH=src .venv/bin/python bench/dates_news.py --half tune --out /tmp/branch.json
    (the same from a ``git archive`` copy of main, then)
    .venv/bin/python bench/dates_news.py --diff /tmp/main.json /tmp/branch.json

Texts: SemEval-2022 story pairs, Fundus pages and TE3 (TimeBank/AQUAINT) documents in en/fr/de/es,
PolNeAR articles and ECB+ documents (en), under ``../shared/eval``. Anchors: TE3's DCT and PolNeAR's
publication date where the text has one, else Wednesday 2024-02-28 (SemEval, Fundus, ECB+: a day far
from the texts' own, so a changed value is read by its tense, not by its day). Halves: parity of
sha1 of the text's id, as ``bench/dates.py`` cuts TE3. The diff prints each changed value with its
context, for reading by hand; it scores nothing.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

EVAL = ROOT.parent / "shared" / "eval"
WEDNESDAY = date(2024, 2, 28)
LANGUAGES = ("en", "fr", "de", "es")


def half_of(text_id: str) -> str:
    return "tune" if int(hashlib.sha1(text_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def _lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def texts(eval_dir: Path) -> Iterator[tuple[str, str, str, date]]:
    """(id, language, text, anchor) of every text, first occurrence of an id only."""
    seen: set[str] = set()

    def fresh(text_id: str) -> bool:
        new = text_id not in seen
        seen.add(text_id)
        return new

    for row in _lines(eval_dir / "stories" / "semeval2022-train.jsonl"):
        for i in ("1", "2"):
            text_id = f"{row['pair_id']}:{i}"
            if row["lang" + i] in LANGUAGES and fresh(text_id):
                yield text_id, row["lang" + i], (row.get("title" + i) or "") + "\n" + (row.get("text" + i) or ""), WEDNESDAY
    for row in _lines(eval_dir / "fundus" / "gold.jsonl"):
        if row["lang"] in LANGUAGES and fresh(row["id"]):
            yield row["id"], row["lang"], row["title"] + "\n" + row["body"], WEDNESDAY
    for row in _lines(eval_dir / "dates" / "timebank-aquaint.jsonl"):
        if fresh(row["doc_id"]):
            yield row["doc_id"], "en", row["text"], date.fromisoformat(row["dct"][:10])
    for row in _lines(eval_dir / "quotes" / "polnear-dev.jsonl"):
        if fresh(row["doc_id"]):
            yield row["doc_id"], "en", row["text"], date.fromisoformat(row["date"][:10])
    for row in _lines(eval_dir / "stories" / "ecbplus.jsonl"):
        if fresh(row["doc_id"]):
            yield row["doc_id"], "en", row["text"], WEDNESDAY


def dump(eval_dir: Path, half: str, out: Path, only: str | None = None) -> None:
    from newsweave.annotate import timex

    values = {text_id: [language, [(t.start, t.end, t.text, t.value) for t in timex.tag(text, language, anchor)]]
              for text_id, language, text, anchor in texts(eval_dir)
              if half_of(text_id) == half and only in (None, language)}
    out.write_text(json.dumps(values), encoding="utf-8")


def diff(eval_dir: Path, before: Path, after: Path) -> None:
    old, new = json.loads(before.read_text()), json.loads(after.read_text())
    by_id = {text_id: text for text_id, _, text, _ in texts(eval_dir) if text_id in old}
    changed: collections.Counter[str] = collections.Counter()
    for text_id, (language, spans) in old.items():
        was = {(s, e): (x, v) for s, e, x, v in spans}
        now = {(s, e): (x, v) for s, e, x, v in new[text_id][1]}
        for key in sorted(set(was) | set(now)):
            if was.get(key) != now.get(key):
                changed[language] += 1
                context = by_id[text_id][max(0, key[0] - 150):key[1] + 60].replace("\n", " / ")
                print(f"[{language}] {text_id} {was.get(key)} -> {now.get(key)}\n    …{context}…")
    print("changed values:", dict(changed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL)
    parser.add_argument("--half", choices=("tune", "check"), default="tune")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--lang", choices=LANGUAGES, help="dump only the texts of this language")
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.diff:
        diff(args.eval, *args.diff)
    elif args.out:
        dump(args.eval, args.half, args.out, args.lang)
    else:
        parser.error("--out or --diff")


if __name__ == "__main__":
    main()
