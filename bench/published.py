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

``--lang es`` (stop 38) reads every dated document of one language, with the pages of trafilatura's
evaluation subset (``extraction/trafilatura-eval``) that carry their date (extracted by newsweave): the
text alone, the text with the URL, the page's metadata date, and the pipeline's answer.

``--fixed`` (stop 29) applies a written rule, :func:`text_fixes_day`, to every dated document
(Fundus, TE3 dev, the PolNeAR dev documents of ``../shared/eval/quotes/`` with their publisher's
date, fetch day simulated as TE3's, and the extraction pages whose URL carries a day: that day is
their truth, the URL is hidden and they have no fetch day) and prints, per set, language and half, the articles
whose text fixes the day: exact, within ±1, wrong by more than a day, abstained, with the fetch
day and with the text alone (there only the articles whose text also fixes the year). The rule
reads the gold day and the tagger's mentions, never the inference's answer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"

from newsweave.annotate import timex  # noqa: E402
from newsweave.annotate.language import detect_language  # noqa: E402
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
    polnear = eval_dir / "quotes" / "polnear-dev.jsonl"
    for line in polnear.open(encoding="utf-8") if polnear.is_file() else []:
        doc = json.loads(line)
        if doc.get("date"):
            truth = date.fromisoformat(doc["date"][:10])
            lag = int(hashlib.sha1(("fetch" + doc["doc_id"]).encode()).hexdigest(), 16) % 3
            found.append({"id": doc["doc_id"], "set": "polnear (fetch simulated)", "language": "en",
                          "text": doc["text"], "truth": truth, "fetched": truth + timedelta(days=lag)})
    ground = eval_dir / "extraction" / "ground-truth.jsonl"
    for line in ground.open(encoding="utf-8") if ground.is_file() else []:
        page = json.loads(line)
        found_day = url_day(page.get("url") or "")
        if found_day is not None and page.get("articleBody"):
            language = detect_language(page["articleBody"])[0] or "und"
            found.append({"id": page["id"], "set": "extraction (URL day)", "language": language,
                          "text": page["articleBody"], "truth": found_day, "fetched": None})
    return found


def dated_pages(eval_dir: Path, language: str) -> list[dict]:
    """The pages of trafilatura's evaluation subset (``extraction/trafilatura-eval``) whose entry
    carries the page's ``date`` and whose text is in ``language``: newsweave's own extraction of the
    page (title and main text), the page's metadata date as extraction reads it, and its URL."""
    import gzip

    from newsweave.extract.html import extract_html

    folder = eval_dir / "extraction" / "trafilatura-eval"
    entries = json.loads((folder / "evaldata.json").read_text(encoding="utf-8")) if folder.is_dir() else {}
    found = []
    for key, entry in entries.items():
        if not entry.get("date"):
            continue
        page = gzip.decompress((folder / "html" / f"{entry['file']}.gz").read_bytes()).decode("utf-8", "replace")
        url = key if key.startswith("http") else None
        extraction = extract_html(page, url)
        text = (extraction.title or "") + "\n\n" + extraction.cleaned.text
        if (detect_language(text)[0] or "und") != language:
            continue
        found.append({"id": key, "set": "trafilatura-eval (page date)", "language": language, "text": text,
                      "truth": date.fromisoformat(entry["date"][:10]), "fetched": None, "url": url,
                      "metadata": extraction.published})
    return found


def print_language(items: list[dict], language: str) -> None:
    """Every dated document of one language, per set and half: the text alone, the text with the URL,
    and (pages only) the metadata date extraction reads, then the pipeline's answer (the metadata
    date where there is one, else the inference from the text and the URL)."""
    print(f"language {language}: set half n | text alone: exact within1 wrong>1 abstained | text + URL: the same | "
          "metadata: found exact | pipeline: exact within1 wrong>1 abstained")
    groups: dict[tuple[str, str], list[dict]] = {}
    for case in items:
        groups.setdefault((case["set"], half_of(case["id"])), []).append(case)
    for (name, half), cases_ in sorted(groups.items()):
        counts = {key: [0, 0, 0, 0] for key in ("text", "url", "pipeline")}
        metadata_found = metadata_exact = 0
        for case in cases_:
            mentions = timex.find_mentions(case["text"], language)
            alone = infer_publication(mentions, case["text"], language)
            with_url = infer_publication(mentions, case["text"], language, url=case.get("url"))
            metadata = date.fromisoformat(case["metadata"][:10]) if case.get("metadata") else None
            metadata_found += metadata is not None
            metadata_exact += metadata == case["truth"]
            answers = {"text": alone and alone.published, "url": with_url and with_url.published,
                       "pipeline": metadata or (with_url and with_url.published)}
            for key, answer in answers.items():
                _count(counts[key], answer, case["truth"])
        n = len(cases_)
        shares = {key: " ".join(f"{value / n:.2f}" for value in row) for key, row in counts.items()}
        print(f"{name} {half} {n} | {shares['text']} | {shares['url']} | {metadata_found} {metadata_exact / n:.2f} | "
              f"{shares['pipeline']}")


def _count(row: list[int], answer: date | None, truth: date) -> None:
    """Adds one answer to [exact, within1, wrong>1, abstained]."""
    if answer is None:
        row[3] += 1
        return
    off = abs((answer - truth).days)
    row[0] += off == 0
    row[1] += off <= 1
    row[2] += off > 1


def url_day(url: str) -> date | None:
    """The day a URL carries ("/2019/11/19/", "/2019-11-19/"), the extraction pages' truth."""
    match = re.search(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)", url)
    try:
        return date(*map(int, match.groups())) if match else None
    except ValueError:
        return None


# The rule for "the text alone fixes the day" (stop 29). A reader with the text and no other
# clue can name the day when one of these holds, each checked against the true day:
#   lead date    a day and month (its year the true one, or none) in the lead (the first two
#                sentences, at most LEAD characters) equal to the true day;
#   day word     a day and month with "today/yesterday/hier/gestern/ayer…" (``relative_days``
#                of the language, value 0 or -1) beside it in its clause, the word's shift
#                leading to the true day ("yesterday, March 5" published March 6);
#   weekday      a weekday said today or yesterday (a day word beside it, or "this/ce/este/an
#                diesem" right before it: "ce mardi", "yesterday (Tuesday)", "gestern, Dienstag")
#                naming the true day's weekday, and a
#                day and month the text names at most WEEK days before the true day (the week).
# The text fixes the year as well when it names the true year (a year or a full date) and no
# full date of a later year (a weekday with its date narrows the year to one in five or six, not
# to one: it does not count).
# A weekday said today or yesterday without a day and month in its week fixes only the weekday:
# the week then comes from a fetch day at most WEEK days after the true day (FETCH_WEEK; counted
# only in the table with the fetch day).
LEAD, WEEK, BESIDE = 400, 6, 25
FETCH_WEEK = "weekday, week from the fetch day"


def text_fixes_day(case: dict) -> tuple[str | None, bool]:
    """(which part of the rule fixes the day, or None; whether the text fixes the year)."""
    text, language, truth = case["text"], case["language"], case["truth"]
    rules = timex.grammar(language)
    if rules is None:
        return None, False
    resolved = timex.resolve_all(timex.find_mentions(text, language), text, language, truth)
    stops = [m.end() for m in re.finditer(r"[.!?](?:\s|$)|\n\n", text[:LEAD])]
    lead = stops[1] if len(stops) > 1 else LEAD
    shifts = {word: value for word, value in rules.tables["relative_days"].items() if value in (0, -1)}
    dated = [(t, day) for t in resolved if (day := _gold_day(t, truth)) is not None]
    basis = None
    for t, day in dated:
        if day == truth and t.start < lead:
            basis = basis or "lead date"
        shift = _shift_beside(t, text, shifts, BESIDE)
        if shift is not None and day - timedelta(days=shift) == truth:
            basis = basis or "day word"
    in_week = any(0 <= (truth - day).days <= WEEK for _, day in dated)
    this = [w for w, v in rules.tables["relative"].items() if v == 0 and len(w) > 1]
    this += list(rules.tables.get("today_weekday", {}))
    for t in resolved:
        if t.resolve == "weekday" and t.weekday is not None and len(t.text) > 3:
            shift = _shift_beside(t, text, shifts, 15)
            said_this = re.search(rf"(?<!\w)(?:{'|'.join(map(re.escape, this))})\s+\w*$",
                                  text[max(0, t.start - 20):t.end].lower()) if this else None
            shift = 0 if said_this and shift in (None, 0) else shift
            if shift is not None and (t.weekday - shift) % 7 == truth.weekday():
                basis = basis or ("weekday" if in_week else FETCH_WEEK)
    later = any(t.year_given and t.year and t.year > truth.year for t in resolved if t.resolve == "absolute")
    year = not later and any(t.year == truth.year and (t.year_given or t.resolve == "year") for t in resolved)
    return basis, year


def _gold_day(found: timex.Timex, truth: date) -> date | None:
    """The day a day-and-month mention names, in its own year or else the latest one not after
    the true day; None for other mentions and for a stated year that is not the true one's."""
    if found.resolve != "absolute" or not found.month or not found.day or found.impossible:
        return None
    try:
        if found.year_given and found.year:
            return date(found.year, found.month, found.day)
        day = date(truth.year, found.month, found.day)
        return day if day <= truth else date(truth.year - 1, found.month, found.day)
    except ValueError:
        return None


def _shift_beside(found: timex.Timex, text: str, words: dict[str, int], reach: int) -> int | None:
    """The shift of a day word right before or after the mention, no sentence stop between;
    None when there is none or two disagree."""
    before = text[max(0, found.start - reach):found.start].lower()
    after = text[found.end:found.end + reach].lower()
    inside = found.text.lower()
    # the weekday takes only a word right beside it (a show called "Today" in quotes is no day word)
    between = r"[^\w.!?;\"“”«»„]*" if found.resolve == "weekday" else r"[^.!?;]*"
    seen = set()
    for word, value in words.items():
        pattern = rf"(?<!\w){re.escape(word)}(?!\w)"
        if re.search(pattern + between + "$", before) or re.search("^" + between + pattern, after) \
                or re.search(pattern, inside):
            seen.add(value)
    return seen.pop() if len(seen) == 1 else None


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
          peers: dict[str, list[date]] | None = None, every_language: bool = False) -> dict[tuple, dict[str, int]]:
    """Counts per (set, language, half). ``fixed``: answers whose clues (text or URL, not the
    fetch day alone) leave a single day; ``one``/``wide``: answers whose interval is one day or
    more; with ``peers`` (the simulated stories), answers resting on the fetch day take the
    story's clue (``peered``: those with a clue; ``story``: those answered with it)."""
    rows: dict[tuple, dict[str, int]] = {}
    for case in items:
        key = (case["set"], case["language"] if every_language else language_row(case["language"]), half_of(case["id"]))
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
        if errors is not None and off and key[2] == "tune" and not every_language:
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


def _live(case: dict) -> bool:
    """Fetched at most WEEK days after the true day (so the fetch day gives the week)."""
    return case["fetched"] is not None and 0 <= (case["fetched"] - case["truth"]).days <= WEEK


def print_fixed(items: list[dict], errors: list[str] | None) -> None:
    """The articles whose text fixes the day (``text_fixes_day``), per set, language and half:
    with the fetch day (where the set has one) and with the text alone (where the text also
    fixes the year). ``errors`` gets the tune half's misses and abstentions, text alone."""
    judged = [(case, *text_fixes_day(case)) for case in items]
    fixed = [case for case, basis, _ in judged if basis and (basis != FETCH_WEEK or _live(case))]
    judged = [(case, None if basis == FETCH_WEEK else basis, year) for case, basis, year in judged]
    with_year = [case for case, basis, year in judged if basis and year]
    print(f"documents {len(items)}; the text fixes the day in {len(fixed)} (with the fetch week), "
          f"the day and the year in {len(with_year)}")
    print(f"  by {FETCH_WEEK}: {len(fixed) - sum(1 for _, b, _ in judged if b)}")
    for basis in ("lead date", "day word", "weekday"):
        print(f"  by {basis}: {sum(1 for _, b, _ in judged if b == basis)}")
    tables = [("with the fetch day", score([c for c in fixed if c["fetched"]], True, every_language=True)),
              ("text alone (no fetch day, no URL), day and year fixed", score(with_year, False, every_language=True))]
    for title, rows in tables:
        print(f"the text fixes the day, {title}")
        print("set language half n | exact within1 wrong>1 abstained")
        for (name, language, half), row in sorted(rows.items()):
            n = row["articles"]
            print(f"{name} {language} {half} {n} | {row['exact'] / n:.2f} {row['within1'] / n:.2f} "
                  f"{row['wrong'] / n:.2f} {1 - row['answered'] / n:.2f}")
        for half in ("tune", "check"):
            total = {field: sum(row[field] for key, row in rows.items() if key[2] == half) for field in FIELDS}
            n = max(total["articles"], 1)
            print(f"ALL {half} {total['articles']} | {total['exact'] / n:.2f} {total['within1'] / n:.2f} "
                  f"{total['wrong'] / n:.2f} {1 - total['answered'] / n:.2f}")
    polnear = [case for case in items if case["set"].startswith("polnear")]
    if polnear:
        print_rows(score(polnear, True), "PolNeAR dev, every article (not only those the text fixes), fetch simulated")
    if errors is None:
        return
    for case, basis, year in judged:
        if not (basis and year) or half_of(case["id"]) != "tune":
            continue
        mentions = timex.find_mentions(case["text"], case["language"])
        got = infer_publication(mentions, case["text"], case["language"], fetched=None)
        if got is None or got.published != case["truth"]:
            errors.append(f"{case['id']} {case['language']} {basis} truth {case['truth']} got "
                          f"{got.published if got else None} {got.reason if got else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path(os.environ.get("NEWSWEAVE_EVAL", DEFAULT_EVAL)))
    parser.add_argument("--errors", type=Path, default=None, help="write the tune half's errors (never the check half's)")
    parser.add_argument("--named-only", action="store_true", help="only the articles whose text names their day")
    parser.add_argument("--fixed", action="store_true", help="only the tables of the articles whose text fixes the day")
    parser.add_argument("--lang", help="every dated document of this language, with trafilatura-eval's dated pages")
    args = parser.parse_args()
    if not args.eval.is_dir():
        print(f"eval folder {args.eval} not found: skipping")
        return
    items = cases(args.eval)
    if args.lang:
        print_language([case for case in items if case["language"] == args.lang] + dated_pages(args.eval, args.lang),
                       args.lang)
        return
    if args.fixed:
        fixed_errors: list[str] | None = [] if args.errors else None
        print_fixed(items, fixed_errors)
        if args.errors and fixed_errors is not None:
            args.errors.write_text("\n".join(fixed_errors) + "\n", encoding="utf-8")
        return
    # The tables below keep the sets of stops 16-27 (Fundus and TE3), so their figures compare.
    items = [case for case in items if case["set"] in ("fundus", "te3 (fetch simulated)")]
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
