"""Score the trust flags on an outsider-style labelled set kept outside the repository.

    .venv/bin/python bench/own_trust_set.py --set /work/sets42/trust --half tune [--verbose] [--lang de]

The set (written and frozen before anyone tuned against it; see its README and ``trust.sha256``)
holds one TOML file per language, each with ``[[article]]`` tables: ``id``, ``lang``, ``title``,
``published``, ``text`` and ``problems = [{kind, evidence}]``, the evidence an exact substring of
the text. An article belongs to the tune half when the first hex digit of
``sha256(salt + id)`` is even, else to the check half; the check half is read once, at the end.
``--half all`` takes every article with no split, for a set held out whole (read once, at the end).

Each article goes through the real pipeline (extract → annotate → assess, no store), as a
document with its title, language and a given publication day, the way the API's POST takes it.
Scores, per kind and article (does the article carry the kind?):

* precision / recall, and micro precision / recall over the five kinds;
* located recall: a gold problem counts as located when a flag of its kind has an evidence span
  overlapping the gold evidence in the cleaned text;
* furniture (``boilerplate_leak``) also counts as found when its text was cut from the cleaned
  body (the article's ``removed`` list), since a reader then never sees it;
* clean articles (no gold problem) that raised any flag, whichever detector raised it.

Without the set folder the script says so and exits 0, so that a checkout without it runs clean.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

KINDS = ("undisclosed_promotion", "date_inconsistent", "unsourced_quote", "generic_filler", "boilerplate_leak")
FURNITURE = "boilerplate_leak"
DEFAULT_SALT = "t42/"


@dataclass(frozen=True)
class Got:
    """What the pipeline gave for one article, reduced to what the matching needs."""

    text: str
    flags: tuple[tuple[str, int, int, str], ...]  # kind, start, end, evidence text
    removed: tuple[str, ...]


def half_of(article_id: str, salt: str = DEFAULT_SALT) -> str:
    """``tune`` when the first hex digit of sha256(salt + id) is even, else ``check``."""
    digit = int(hashlib.sha256((salt + article_id).encode("utf-8")).hexdigest()[0], 16)
    return "tune" if digit % 2 == 0 else "check"


def load_set(folder: Path) -> list[dict]:
    items = []
    for path in sorted(folder.glob("*.toml")):
        for item in tomllib.loads(path.read_text(encoding="utf-8"))["article"]:
            text = item["text"].lstrip("\n")
            for problem in item["problems"]:
                if problem["evidence"] not in text:
                    raise SystemExit(f"{item['id']}: evidence not in text: {problem['evidence']!r}")
            items.append({**item, "text": text})
    return items


def locate(text: str, wanted: str) -> tuple[int, int] | None:
    """Where ``wanted`` lies in ``text``; the cleaned text may have other white space between words."""
    at = text.find(wanted)
    if at >= 0:
        return at, at + len(wanted)
    words = wanted.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(word) for word in words), text)
    return (match.start(), match.end()) if match else None


def was_cut(got: Got, wanted: str) -> bool:
    """The whole gold text was cut as furniture: it lies inside what the extractor removed and is
    gone from the cleaned body. A line cut only in part leaves the rest to the reader, so it is
    no cut (``--verbose`` shows what was removed)."""
    if locate(got.text, wanted) is not None:
        return False
    return any(locate(text, wanted) is not None for text in (*got.removed, "\n".join(got.removed)))


def located(got: Got, kind: str, wanted: str) -> bool:
    """A flag of ``kind`` has an evidence span that overlaps the gold evidence in the cleaned text."""
    where = locate(got.text, wanted)
    if where is None:
        return False
    start, end = where
    return any(flag_kind == kind and flag_start < end and start < flag_end for flag_kind, flag_start, flag_end, _ in got.flags)


def found_kinds(got: Got, problems: Sequence[dict]) -> set[str]:
    """The kinds the article counts as carrying: its flags, plus furniture whose gold text was cut."""
    kinds = {flag[0] for flag in got.flags if flag[0] in KINDS}
    if any(problem["kind"] == FURNITURE and was_cut(got, problem["evidence"]) for problem in problems):
        kinds.add(FURNITURE)
    return kinds


def problem_located(got: Got, problem: dict) -> bool:
    if problem["kind"] == FURNITURE and was_cut(got, problem["evidence"]):
        return True
    return located(got, problem["kind"], problem["evidence"])


def outcome(gold: set[str], found: set[str], kind: str) -> str:
    if kind in gold:
        return "tp" if kind in found else "fn"
    return "fp" if kind in found else "tn"


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "  - "


def score(items: Sequence[dict], results: Sequence[Got], verbose: bool = False) -> dict[str, Counter[str]]:
    """Print the tables; returns the per-kind counts (tp/fp/fn/tn, located, problems)."""
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    per_language: dict[str, Counter[str]] = {}
    noisy_clean: list[str] = []
    cut_clean: list[str] = []
    for item, got in zip(items, results, strict=True):
        problems = item["problems"]
        gold = {problem["kind"] for problem in problems}
        found = found_kinds(got, problems)
        for kind in KINDS:
            counts[kind][outcome(gold, found, kind)] += 1
            per_language.setdefault(item["lang"], Counter())[outcome(gold, found, kind)] += 1
        for problem in problems:
            counts[problem["kind"]]["problems"] += 1
            counts[problem["kind"]]["located"] += problem_located(got, problem)
        if not problems and got.flags:
            noisy_clean.append(f"  {item['id']}: {sorted({flag[0] for flag in got.flags})}")
        if not problems and got.removed:
            cut_clean.append(f"  {item['id']}: {list(got.removed)}")
        if verbose:
            print_article(item, got, gold, found)
    print_tables(items, counts, noisy_clean, cut_clean)
    for language, c in sorted(per_language.items()):
        print(f"micro {language}: TP {c['tp']} FP {c['fp']} FN {c['fn']}  "
              f"P {ratio(c['tp'], c['tp'] + c['fp'])}  R {ratio(c['tp'], c['tp'] + c['fn'])}")
    return counts


def print_article(item: dict, got: Got, gold: set[str], found: set[str]) -> None:
    mark = "ok" if gold == found & set(KINDS) else "XX"
    print(f"\n[{mark}] {item['id']} ({item['lang']}, {item['published']}) {item['title']}")
    for problem in item["problems"]:
        state = "located" if problem_located(got, problem) else "missed" if locate(got.text, problem["evidence"]) else "part-cut"
        print(f"    expected {problem['kind']:22} {state:8} {problem['evidence'][:90]!r}")
    for kind, _, _, evidence in got.flags:
        print(f"    got      {kind:22} {evidence[:90]!r}")
    for text in got.removed:
        print(f"    cut      {text[:90]!r}")


def print_tables(items: Sequence[dict], counts: dict[str, Counter[str]], noisy_clean: list[str], cut_clean: list[str]) -> None:
    clean = sum(1 for item in items if not item["problems"])
    languages = Counter(item["lang"] for item in items)
    print(f"\narticles: {len(items)} ({dict(sorted(languages.items()))}), clean: {clean}")
    print(f"{'kind':24}{'gold':>5}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>7}{'R':>7}{'located':>10}")
    total: Counter[str] = Counter()
    for kind in KINDS:
        c = counts[kind]
        total.update(c)
        print(f"{kind:24}{c['tp'] + c['fn']:>5}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}"
              f"{ratio(c['tp'], c['tp'] + c['fp']):>7}{ratio(c['tp'], c['tp'] + c['fn']):>7}"
              f"{c['located']:>5}/{c['problems']:<4}")
    print(f"{'micro':24}{total['tp'] + total['fn']:>5}{total['tp']:>5}{total['fp']:>5}{total['fn']:>5}"
          f"{ratio(total['tp'], total['tp'] + total['fp']):>7}{ratio(total['tp'], total['tp'] + total['fn']):>7}"
          f"{total['located']:>5}/{total['problems']:<4}")
    print(f"clean articles raising any flag (any detector): {len(noisy_clean)}/{clean}")
    print("\n".join(noisy_clean))
    print(f"clean articles with text cut as furniture (not a flag; for reading): {len(cut_clean)}/{clean}")
    print("\n".join(cut_clean))


def analyse(items: Sequence[dict]) -> list[Got]:
    from newsweave.model import Article, RawDocument
    from newsweave.pipeline import analyze_batch

    documents = [
        RawDocument(
            source=f"own-trust/{item['id']}.txt", raw=item["text"], kind="text",
            raw_sha256=hashlib.sha256(item["text"].encode("utf-8")).hexdigest(),
            title=item.get("title"), published=item.get("published"), language=item["lang"], published_given=True,
        )
        for item in items
    ]
    results = analyze_batch(documents, with_assess=True)
    rejected = [result for result in results if not isinstance(result, Article)]
    if rejected:
        raise SystemExit(f"rejected: {rejected}")
    return [reduce(result) for result in results if isinstance(result, Article)]


def reduce(article: object) -> Got:
    flags = tuple(
        (flag.kind, span.start, span.end, span.text)
        for flag in getattr(article, "flags")
        for span in (flag.evidence or ())
    ) + tuple((flag.kind, -1, -1, "") for flag in getattr(article, "flags") if not flag.evidence)
    return Got(text=getattr(article, "text"), flags=flags, removed=tuple(cut.text for cut in getattr(article, "removed")))


def select(items: Iterable[dict], half: str, salt: str, language: str | None) -> list[dict]:
    """The articles of ``half`` (``all``: every article, no hash split), of ``language`` if given."""
    return [
        item for item in items
        if (half == "all" or half_of(item["id"], salt) == half) and (language is None or item["lang"] == language)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=Path("/work/sets42/trust"), help="folder of the labelled TOML files")
    parser.add_argument("--half", choices=("tune", "check", "all"), required=True,
                        help="all: every article, for a set held out whole")
    parser.add_argument("--salt", default=DEFAULT_SALT, help="prefix hashed with each id to split the halves")
    parser.add_argument("--lang", default=None, help="only this language")
    parser.add_argument("--verbose", action="store_true", help="each article's expected and got")
    args = parser.parse_args(argv)
    if not args.set.is_dir():
        print(f"skipped: no labelled set at {args.set}")
        return 0
    items = select(load_set(args.set), args.half, args.salt, args.lang)
    if not items:
        print(f"skipped: no article of the {args.half} half in {args.set}")
        return 0
    print(f"set {args.set}, half {args.half} (salt {args.salt!r})")
    score(items, analyse(items), verbose=args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
