"""Score quotes, speakers and publication dates on a team-written four-language set (stop 42's quotes42).

    .venv/bin/python bench/own_quotes_set.py --set /work/sets42/quotes --half tune [--verbose] [--work DIR]

The set is a folder outside the repository holding ``articles.jsonl`` (one article a line: ``id``, ``url``,
``language``, ``title``, ``text``, and ``fetched`` where the article has a metadata time) and ``gold.json``
(``{id: {"url", "language", "half", "published": "YYYY-MM-DD" | null, "fetched", "quotes": [{"text", "start",
"end", "speaker", "kind": "named" | "described" | "none", "shape"}]}}``). Halves were fixed when the set was
written: sha256("q42/" + id), first byte even -> tune. Tune on the tune half; read the check half once.

The articles of the chosen half go through the real command, as a user runs it: ``newsweave run`` into a fresh
SQLite file, then ``newsweave export --what articles``. Figures, per language and in all:

* quote recall: a gold quote is found when one of our quotes covers it with an overlap of at least 0.8 (shared
  characters over the longer span, both spans trimmed of quote marks, spaces and edge punctuation); quotes are
  matched one to one, best overlap first.
* speaker accuracy on the found quotes: ``named`` gold wants our resolved name (``speaker_name``, else the speaker
  mention) equal to the full name, case and diacritics folded, a title or role before it allowed; ``described``
  gold wants our speaker text (name, mention or description) to hold the described words or be held by them,
  leading articles dropped; ``none`` gold (an unsourced quote) wants no speaker.
* publication date, on the articles whose text fixes it: exact, wrong or abstained (no date, or basis
  ``unknown``); articles whose gold is null are counted apart (how many we dated anyway: not checkable).

Skips with a message when the set folder is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDGE = " \t\n\"“”«»„‚'‘’.,;:!?—–-"
FOUND_AT = 0.8
LEADING_ARTICLES = {"the", "a", "an", "le", "la", "les", "l", "un", "une", "der", "die", "das", "dem", "den",
                    "des", "ein", "eine", "einer", "el", "los", "las", "uno", "una", "one"}
LANGUAGES = ("en", "fr", "de", "es")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in EDGE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in EDGE or text[end - 1].isspace()):
        end -= 1
    return start, end


def share(a: tuple[int, int], b: tuple[int, int]) -> float:
    common = min(a[1], b[1]) - max(a[0], b[0])
    return max(common, 0) / max(a[1] - a[0], b[1] - b[0], 1)


def folded(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("’", "'").split())


def without_articles(text: str) -> str:
    words = folded(text).replace("'", " ").split()
    while words and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)


def gold_span(text: str, quote: dict) -> tuple[int, int] | None:
    """The gold quote's span in the text as we cleaned it (cleaning may move offsets, never words)."""
    start = text.find(quote["text"])
    if start < 0:
        return None
    return trimmed(text, start, start + len(quote["text"]))


def speaker_right(gold: dict, ours: dict) -> bool:
    speaker = ours.get("speaker") or {}
    if gold["kind"] == "none":
        return not ours.get("speaker_name") and not speaker
    if gold["kind"] == "named":
        said, wanted = folded(ours.get("speaker_name") or speaker.get("text") or ""), folded(gold["speaker"])
        # a title or role before the full name ("Councillor Maren Oddvik") still names the right person
        return bool(said) and (said == wanted or said.endswith(" " + wanted))
    wanted = without_articles(gold["speaker"])
    described = ours.get("speaker_description")  # the contract's {start, end, text}, or absent
    candidates = [ours.get("speaker_name"), described.get("text") if isinstance(described, dict) else described,
                  speaker.get("text")]
    for said in (without_articles(c) for c in candidates if c):
        if len(said) >= 3 and (said in wanted or wanted in said):
            return True
    return False


def matched(text: str, gold: list[dict], ours: list[dict]) -> dict[int, dict]:
    """Gold quote index -> our quote, one to one, best overlap first (overlap >= FOUND_AT)."""
    pairs = []
    for g, quote in enumerate(gold):
        span = gold_span(text, quote)
        if span is None:
            continue
        for o, mine in enumerate(ours):
            value = share(span, trimmed(text, mine["start"], mine["end"]))
            if value >= FOUND_AT:
                pairs.append((value, g, o))
    taken_gold, taken_ours, result = set(), set(), {}
    for _, g, o in sorted(pairs, reverse=True):
        if g not in taken_gold and o not in taken_ours:
            taken_gold.add(g)
            taken_ours.add(o)
            result[g] = ours[o]
    return result


def run_pipeline(articles: list[dict], folder: Path) -> dict[str, dict]:
    """``newsweave run`` then ``export --what articles`` on ``articles``; the exported article per URL."""
    folder.mkdir(parents=True, exist_ok=True)
    source, db, exported = folder / "articles.jsonl", folder / "quotes.db", folder / "export.jsonl"
    db.unlink(missing_ok=True)
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    cli = [sys.executable, "-c", "import sys; from newsweave.cli import main; sys.exit(main())"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([*cli, "run", str(source), "--db", str(db), "--out", str(folder / "report")],
                   check=True, capture_output=True, env=env)
    subprocess.run([*cli, "export", "--db", str(db), "--what", "articles", "--format", "jsonl", "--out", str(exported)],
                   check=True, capture_output=True, env=env)
    rows = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["url"]: row for row in rows}


def date_outcome(gold: str | None, row: dict) -> str:
    ours = row.get("published")
    dated = bool(ours) and row.get("published_basis") != "unknown"
    if gold is None:
        return "unfixed, dated anyway" if dated else "unfixed, abstained"
    if not dated:
        return "abstained"
    return "exact" if ours[:10] == gold else "wrong"


def score(set_folder: Path, half: str, work: Path, verbose: bool) -> None:
    gold_all = json.loads((set_folder / "gold.json").read_text(encoding="utf-8"))
    articles = [json.loads(line) for line in (set_folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
    chosen = [a for a in articles if gold_all[a["id"]]["half"] == half]
    print(f"{half}: {len(chosen)} articles, {sum(len(gold_all[a['id']]['quotes']) for a in chosen)} gold quotes")
    ours_by_url = run_pipeline(chosen, work / half)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    dates: dict[str, int] = defaultdict(int)
    for article in chosen:
        gold = gold_all[article["id"]]
        row = ours_by_url.get(article["url"])
        if row is None:
            print(f"  {article['id']}: not in the export (rejected?)")
            continue
        found = matched(row["text"], gold["quotes"], row.get("quotes", []))
        for language in (gold["language"], "all"):
            counts[language]["gold"] += len(gold["quotes"])
            counts[language]["found"] += len(found)
            counts[language]["speaker_ok"] += sum(speaker_right(gold["quotes"][g], q) for g, q in found.items())
        outcome = date_outcome(gold["published"], row)
        dates[outcome] += 1
        if verbose:
            show_article(article["id"], gold, row, found, outcome)
    print(f"{'lang':5} {'gold':>5} {'found':>6} {'recall':>7} {'spk ok':>7} {'spk acc':>8}")
    for language in (*LANGUAGES, "all"):
        c = counts[language]
        if c["gold"]:
            print(f"{language:5} {c['gold']:5} {c['found']:6} {c['found'] / c['gold']:7.3f} {c['speaker_ok']:7}"
                  f" {c['speaker_ok'] / max(c['found'], 1):8.3f}")
    fixed = sum(dates[k] for k in ("exact", "wrong", "abstained"))
    print(f"publication date, {fixed} articles whose text fixes it: exact {dates['exact']}, wrong {dates['wrong']},"
          f" abstained {dates['abstained']}; {dates['unfixed, dated anyway'] + dates['unfixed, abstained']} not fixed"
          f" by the text: dated anyway {dates['unfixed, dated anyway']} (not checkable)")


def show_article(ident: str, gold: dict, row: dict, found: dict[int, dict], outcome: str) -> None:
    print(f"  {ident} [{gold['language']}] date gold {gold['published']} ours {row.get('published')}"
          f" ({row.get('published_basis')}): {outcome}")
    for g, quote in enumerate(gold["quotes"]):
        mine = found.get(g)
        if mine is None:
            print(f"    MISSED  ({quote['shape']}) {quote['text'][:70]!r}")
        elif not speaker_right(quote, mine):
            said = mine.get("speaker_name") or (mine.get("speaker") or {}).get("text")
            print(f"    SPEAKER ({quote['shape']}) {quote['text'][:50]!r}: gold {quote['speaker']!r}, ours {said!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=Path("/work/sets42/quotes"), help="the set folder")
    parser.add_argument("--half", default="tune", choices=("tune", "check"))
    parser.add_argument("--verbose", action="store_true", help="each article's misses and wrong speakers")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsweave-own-quotes"), help="run folders")
    args = parser.parse_args()
    if not (args.set / "gold.json").exists() or not (args.set / "articles.jsonl").exists():
        print(f"skipped: no quotes set at {args.set} (articles.jsonl and gold.json)")
        return
    score(args.set, args.half, args.work, args.verbose)


if __name__ == "__main__":
    main()
