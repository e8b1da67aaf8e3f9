"""Publication-date inference from every clue (text, URL, fetch day), the true date hidden.

Sets: the Fundus pages (``../shared/eval/fundus/gold.jsonl``: title and body as text; the fetch
day is the day in the saved file's name, when Fundus saved the page: real, not simulated) and the
TempEval-3 dev documents (their DCT; no fetch day exists, so one is drawn: the DCT plus 0 to 2
days by a hash of the document id, *simulated*). Every set is cut into a tune and a check half
by the parity of sha1(id), as ``bench/dates.py`` cuts TE3. Rules are tuned on the tune half;
report the check half.

Rows per set, language (en, fr, de; the other languages together) and half: exact day, within
±1 day, wrong by more than a day, abstained, truth inside the reported interval (shares of all
articles); the same for the fetch day alone (the baseline the clues must beat); and the answers
whose clues other than the fetch day leave a single day ("the text fixes it": count, exact and
wrong > 1 shares of those answers).

Stop 25 adds two tables. Answers by the width of their interval: those that claim one day
(the interval is one day) and those that are a wide interval (resting on the fetch day, perhaps
narrowed by a weekday), each with its count, exact and wrong > 1 shares: the "≤ 0.02 wrong by
more than a day" target is about the first. And the story's clue (``link/story_dates.py``),
*simulated*: no set here has stories with dates, so a document's "story" is the other documents
of its set (either half, their true day standing as a peer's metadata date) whose TF-IDF cosine
with it (English stop words, sublinear tf, fitted on the set) is at least ``PEER_COSINE`` and
whose true day lies within twice the linker's ``story_day_window`` of its fetch day (further,
the linker's day penalty is whole: topical neighbours weeks apart are other stories). An answer that rests on the fetch day (a wide interval or none) is then inferred
again with the story clue, as the link stage does.

``--named-only`` (stop 27) keeps the articles whose text names their own day (a date with the
true day and month, its year the true one or none): the issue's target, "exact where the text
alone fixes it", is about these; the tables are printed for them alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"

from newsweave.annotate import timex  # noqa: E402
from newsweave.annotate.published_clues import infer_publication  # noqa: E402
from newsweave.link.settings import SETTINGS as LINK  # noqa: E402
from newsweave.link.story_dates import story_clue  # noqa: E402

# The simulated story: documents at least this similar (TF-IDF cosine) are "of the same story".
PEER_COSINE = 0.3


def half_of(doc_id: str) -> str:
    return "tune" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def cases(eval_dir: Path) -> list[dict]:
    """(id, set, language, text, truth, fetched) of every document with a known day."""
    found = []
    fundus = eval_dir / "fundus" / "gold.jsonl"
    for line in fundus.open(encoding="utf-8") if fundus.is_file() else []:
        page = json.loads(line)
        if page.get("published") and page.get("lang"):
            year, month, day = page["id"].split("_")[-3:]
            found.append({"id": page["id"], "set": "fundus", "language": page["lang"],
                          "text": (page.get("title") or "") + "\n\n" + (page.get("body") or ""),
                          "truth": date.fromisoformat(page["published"][:10]),
                          "fetched": date(int(year), int(month), int(day))})
    te3 = eval_dir / "dates" / "timebank-aquaint.jsonl"
    for line in te3.open(encoding="utf-8") if te3.is_file() else []:
        doc = json.loads(line)
        truth = date.fromisoformat(doc["dct"][:10])
        lag = int(hashlib.sha1(("fetch" + doc["doc_id"]).encode()).hexdigest(), 16) % 3
        found.append({"id": doc["doc_id"], "set": "te3 (fetch simulated)", "language": "en", "text": doc["text"],
                      "truth": truth, "fetched": truth + timedelta(days=lag)})
    return found


FIELDS = ("articles", "answered", "exact", "within1", "wrong", "fetch_exact", "fetch_within1", "fetch_wrong",
          "fixed", "fixed_exact", "fixed_wrong", "in_interval", "one", "one_exact", "one_wrong",
          "wide", "wide_exact", "wide_wrong", "peered", "story", "story_exact", "story_wrong",
          "story_before_exact", "story_before_wrong")


def names_its_day(case: dict) -> bool:
    """The text names the true day: a date with its day and month (and its year, or none)."""
    truth = case["truth"]
    for found in timex.resolve_all(timex.find_mentions(case["text"], case["language"]), case["text"],
                                   case["language"], None):
        if found.resolve == "absolute" and (found.month, found.day) == (truth.month, truth.day) \
                and (not found.year_given or found.year == truth.year):
            return True
    return False


def story_peers(items: list[dict]) -> dict[str, list[date]]:
    """The simulated story of each document: its peers' true days (see the module docstring)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    peers: dict[str, list[date]] = {}
    for name in sorted({case["set"] for case in items}):
        group = [case for case in items if case["set"] == name]
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([c["text"] for c in group])
        similar = (matrix @ matrix.T).toarray()
        for i, case in enumerate(group):
            peers[case["id"]] = [other["truth"] for j, other in enumerate(group)
                                 if j != i and similar[i, j] >= PEER_COSINE
                                 and abs((other["truth"] - case["fetched"]).days) <= 2 * LINK.story_day_window]
    return peers


def language_row(language: str) -> str:
    """en, fr and de each have their row; the other languages share one (too few pages each)."""
    return language if language in ("en", "fr", "de") else "other"


def score(items: list[dict], with_fetch: bool = True, errors: list[str] | None = None,
          peers: dict[str, list[date]] | None = None) -> dict[tuple, dict[str, int]]:
    """Counts per (set, language, half). ``fixed``: answers whose clues (text or URL, not the
    fetch day alone) leave a single day; ``one``/``wide``: answers whose interval is one day or
    more; with ``peers`` (the simulated stories), answers resting on the fetch day take the
    story's clue (``peered``: those with a clue; ``story``: those answered with it)."""
    rows: dict[tuple, dict[str, int]] = {}
    for case in items:
        key = (case["set"], language_row(case["language"]), half_of(case["id"]))
        row = rows.setdefault(key, dict.fromkeys(FIELDS, 0))
        row["articles"] += 1
        fetched = case["fetched"] if with_fetch else None
        if fetched:
            off = abs((fetched - case["truth"]).days)
            row["fetch_exact"] += off == 0
            row["fetch_within1"] += off <= 1
            row["fetch_wrong"] += off > 1
        text, language = case["text"], case["language"]
        mentions = timex.find_mentions(text, language)
        inference = infer_publication(mentions, text, language, fetched=fetched)
        if peers is not None and (inference is None or inference.earliest != inference.latest):
            clue = story_clue(peers.get(case["id"], []))
            row["peered"] += clue is not None
            # As link/story_dates.py: the story's clue beside the article's own; when they
            # conflict the article keeps what it had.
            storied = infer_publication(mentions, text, language, fetched=fetched, extra=[clue]) if clue else None
            if storied is not None:
                before = abs((inference.published - case["truth"]).days) if inference else None
                row["story_before_exact"] += before == 0
                row["story_before_wrong"] += before is None or before > 1
                inference = storied
                off = abs((inference.published - case["truth"]).days)
                row["story"] += 1
                row["story_exact"] += off == 0
                row["story_wrong"] += off > 1
        if inference is None:
            continue
        row["answered"] += 1
        off = abs((inference.published - case["truth"]).days)
        row["exact"] += off == 0
        row["within1"] += off <= 1
        row["wrong"] += off > 1
        earliest, latest = inference.earliest or inference.published, inference.latest or inference.published
        row["in_interval"] += earliest <= case["truth"] <= latest
        if earliest == latest and inference.reason != "fetch date":
            row["fixed"] += 1
            row["fixed_exact"] += off == 0
            row["fixed_wrong"] += off > 1
        width = "one" if earliest == latest else "wide"
        row[width] += 1
        row[width + "_exact"] += off == 0
        row[width + "_wrong"] += off > 1
        if errors is not None and off and key[2] == "tune":
            errors.append(f"{case['id']} truth {case['truth']} got {inference.published} "
                          f"[{inference.earliest}..{inference.latest}] {inference.reason}")
    return rows


def print_rows(rows: dict[tuple, dict[str, int]], title: str) -> None:
    """Shares of all articles of the row, except the last group (shares of the fixed answers)."""
    print(title)
    print("set language half articles | exact within1 wrong>1 abstained in-interval | fetch day alone: exact "
          "within1 wrong>1 | day fixed by the clues: count exact wrong>1")
    order = {"en": 0, "fr": 1, "de": 2, "other": 3}
    for (name, language, half), row in sorted(rows.items(), key=lambda item: (item[0][0], order[item[0][1]], item[0][2])):
        n, fixed = row["articles"], row["fixed"]
        print(f"{name} {language} {half} {n} | {row['exact'] / n:.2f} {row['within1'] / n:.2f} {row['wrong'] / n:.2f} "
              f"{1 - row['answered'] / n:.2f} {row['in_interval'] / n:.2f} | {row['fetch_exact'] / n:.2f} "
              f"{row['fetch_within1'] / n:.2f} {row['fetch_wrong'] / n:.2f} | {fixed} "
              f"{row['fixed_exact'] / max(fixed, 1):.2f} {row['fixed_wrong'] / max(fixed, 1):.2f}")


def print_widths(rows: dict[tuple, dict[str, int]], title: str) -> None:
    """Answers that claim one day and answers that are a wide interval, and the story's clue."""
    print(title)
    print("set language half articles | one day: n exact wrong>1 | wide interval: n exact wrong>1 | "
          "story clue: articles with one, answered with it, exact wrong>1 (the same articles without it: exact wrong>1)")
    order = {"en": 0, "fr": 1, "de": 2, "other": 3}
    for (name, language, half), row in sorted(rows.items(), key=lambda item: (item[0][0], order[item[0][1]], item[0][2])):
        parts = []
        for width in ("one", "wide", "story"):
            n = row[width]
            parts.append(f"{n} {row[width + '_exact'] / max(n, 1):.2f} {row[width + '_wrong'] / max(n, 1):.2f}")
        story = max(row["story"], 1)
        print(f"{name} {language} {half} {row['articles']} | {parts[0]} | {parts[1]} | {row['peered']} {parts[2]} "
              f"({row['story_before_exact'] / story:.2f} {row['story_before_wrong'] / story:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path(os.environ.get("NEWSWEAVE_EVAL", DEFAULT_EVAL)))
    parser.add_argument("--errors", type=Path, default=None, help="write the tune half's errors (never the check half's)")
    parser.add_argument("--named-only", action="store_true", help="only the articles whose text names their day")
    args = parser.parse_args()
    if not args.eval.is_dir():
        print(f"eval folder {args.eval} not found: skipping")
        return
    items = cases(args.eval)
    if args.named_only:
        items = [case for case in items if names_its_day(case)]
        print(f"articles whose text names their day: {len(items)}")
    errors: list[str] | None = [] if args.errors else None
    with_fetch = score(items, True, errors)
    print_rows(with_fetch, "with the fetch day (Fundus: real; TE3: simulated, DCT + 0-2 days)")
    print_widths(with_fetch, "the same answers by interval width")
    print_rows(score(items, False), "text alone (no fetch day, no URL)")
    if args.errors and errors is not None:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    try:
        peers = story_peers(items)
    except ImportError:
        print("scikit-learn is not installed: no simulated story")
        return
    storied = score(items, True, peers=peers)
    print_rows(storied, f"with the fetch day and the simulated story (TF-IDF cosine >= {PEER_COSINE})")
    print_widths(storied, "the same answers by interval width")


if __name__ == "__main__":
    main()
