"""Date resolution per language on the Recognizers-Text specs (raw upstream format).

    .venv/bin/python bench/dates_languages.py [--eval ../shared/eval/dates] [--all-platforms] [--misses ISO]

``../shared/eval/dates/recognizers-specs/<Language>/{DateTimeModel,DateParser}.json`` are the
upstream spec files. They are converted here with the rules of the folder's README: offsets
checked against ``Input`` (DateTimeModel's End is inclusive in some files and exclusive in
others, DateParser gives Start + Length; a result whose offsets do not fit is re-anchored to
the nearest occurrence of its text), and resolution scored only on cases with a reference time
that the Python implementation supports (``--all-platforms`` also scores the cases no Python
runner passes, labelled so). A result counts as found when one of our spans overlaps it, and as
resolved when that span's TIMEX3 value is one of the spec's timex or value strings.

French and English come converted (``recognizers-fr.jsonl``, ``recognizers-en.jsonl``, scored whole by
``bench/dates.py``); they are printed here by half too, Python-supported cases only, and ``--misses fr``
lists the French tune half's misses.

``language_rows()`` is importable (bench/languages.py prints the same rows).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsweave.annotate import timex  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "dates"
# The spec folders and the ISO code of the language each holds.
SPEC_LANGUAGES = {"German": "de", "Spanish": "es", "Italian": "it", "Portuguese": "pt", "Dutch": "nl",
                  "Chinese": "zh", "Japanese": "ja", "Korean": "ko", "Arabic": "ar", "Turkish": "tr",
                  "Hindi": "hi", "Swedish": "sv"}
# the languages whose cases come converted, one JSON line each (``recognizers-<iso>.jsonl``)
JSONL_LANGUAGES = ("fr", "en")
Tagger = Callable[[str, str, date], list[tuple[int, int, str, str]]]


def _platforms(value: Any) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [item.strip().lower() for item in items if item.strip()]


def _offsets(text: str, result: dict, spec: str) -> tuple[int, int] | None:
    """Python offsets of a result in ``text`` (end exclusive), or None when its text is absent."""
    wanted = (result.get("Text") or "").lower()
    start = result.get("Start")
    if start is not None:
        candidates = [start + result["Length"]] if "Length" in result else [result.get("End", -1) + 1,
                                                                             result.get("End", -1)]
        for end in candidates:
            if text[start:end].lower() == wanted:
                return start, end
    at = [m.start() for m in re.finditer(re.escape(wanted), text.lower())] if wanted else []
    if not at:
        return None
    nearest = min(at, key=lambda position: abs(position - (start or 0)))
    return nearest, nearest + len(wanted)


def _values(result: dict) -> set[str]:
    values: set[str] = set()
    resolution = result.get("Resolution")
    for value in (resolution.get("values", []) if isinstance(resolution, dict) else []) or []:
        for key in ("timex", "value"):
            if isinstance(value, dict) and value.get(key):
                values.add(str(value[key]))
    parsed = result.get("Value") if isinstance(result.get("Value"), dict) else {}
    if parsed.get("Timex"):
        values.add(str(parsed["Timex"]))
    for key in ("FutureResolution", "PastResolution"):
        for inner in (parsed.get(key) or {}).values() if isinstance(parsed.get(key), dict) else []:
            values.add(str(inner))
    return values


def spec_cases(folder: Path) -> list[dict]:
    """The spec cases of one language folder in the fr/en JSONL shape of the README."""
    cases = []
    for spec in ("DateTimeModel", "DateParser"):
        path = folder / f"{spec}.json"
        if not path.is_file():
            continue
        for number, case in enumerate(json.loads(path.read_text(encoding="utf-8-sig"))):
            text = case.get("Input", "")
            not_supported = _platforms(case.get("NotSupported"))
            by_design = _platforms(case.get("NotSupportedByDesign"))
            results = []
            for result in case.get("Results", []) or []:
                span = _offsets(text, result, spec)
                if span is None:
                    continue
                results.append({"start": span[0], "end": span[1], "text": text[span[0]:span[1]],
                                "type_name": result.get("TypeName") or result.get("Type"), "values": sorted(_values(result))})
            cases.append({"id": f"{folder.name}-{spec}-{number}", "spec": spec, "input": text,
                          "reference_datetime": (case.get("Context") or {}).get("ReferenceDateTime"),
                          "results": results, "python_supported": "python" not in not_supported + by_design})
    return cases


def jsonl_cases(path: Path) -> list[dict]:
    """The converted French and English cases (``recognizers-<iso>.jsonl``, the README's shape)
    in the shape of :func:`spec_cases`, so that they split into the same halves."""
    cases = []
    for line in path.open(encoding="utf-8") if path.is_file() else []:
        case = json.loads(line)
        results = [{**result, "values": sorted({str(value[key]) for value in result.get("values", [])
                                                for key in ("timex", "Timex", "value") if value.get(key)})}
                   for result in case.get("results", [])]
        cases.append({"id": case["id"], "spec": case.get("spec"), "input": case["input"],
                      "reference_datetime": case.get("reference_datetime"), "results": results,
                      "python_supported": case.get("python_supported", True)})
    return cases


def _same(ours: str, expected: set[str], reference: date) -> bool:
    if ours in expected:
        return True
    clock = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)(?::(\d\d))?", ours)
    # the spec writes a resolved instant "2019-04-17 04:00:00": the same as our 2019-04-17T04:00
    # (and "19:56:30" as our T19:56:30: seconds only where the text gives them)
    seconds = clock.group(4) or "00" if clock else "00"
    if clock and f"{clock.group(1)} {clock.group(2)}:{clock.group(3)}:{seconds}" in expected:
        return True
    if clock and clock.group(1) == reference.isoformat():
        said = f"T{clock.group(2)}:{clock.group(3)}" + (f":{clock.group(4)}" if clock.group(4) else "")
        return bool({f"T{clock.group(2)}", said} & expected) if not clock.group(4) else said in expected
    # a part of the reference day ("por la tarde" said on that day: 2016-11-07TAF) is the spec's TAF
    part = re.fullmatch(r"(\d{4}-\d\d-\d\d)(T[A-Z]{2})", ours)
    return bool(part and part.group(1) == reference.isoformat() and part.group(2) in expected)


def ours(text: str, language: str, anchor: date) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.type, t.value) for t in timex.tag(text, language, anchor)]


def half_of(case_id: str) -> str:
    """"tune" or "check" by a hash of the case id, as bench/dates.py splits TE3: the rules of
    the language files were written looking at the tune half's misses only."""
    return "tune" if int(hashlib.sha1(case_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def score_language(cases: list[dict], language: str, tagger: Tagger = ours, all_platforms: bool = False,
                   half: str | None = None, misses: list[str] | None = None) -> dict[str, Any]:
    scored = results = found = resolved = 0
    for case in cases:
        if not case["reference_datetime"] or not (case["python_supported"] or all_platforms):
            continue
        if half and half_of(case["id"]) != half:
            continue
        scored += 1
        anchor = date.fromisoformat(case["reference_datetime"][:10])
        system = tagger(case["input"], language, anchor)
        for result in case["results"]:
            results += 1
            hits = [s for s in system if s[0] < result["end"] and result["start"] < s[1]]
            found += bool(hits)
            right = any(_same(s[3], set(result["values"]), anchor) for s in hits)
            resolved += right
            if misses is not None and not right:
                misses.append(f"{case['reference_datetime'][:10]} {case['input']!r} want {result['text']!r} "
                              f"{result['values'][:3]} got {[(case['input'][s[0]:s[1]], s[3]) for s in hits or system]}")
    return {"cases": scored, "results": results, "found": found / results if results else 0.0,
            "resolved": resolved / results if results else 0.0}


def language_rows(eval_dates: Path = DEFAULT_EVAL, all_platforms: bool = False,
                  half: str | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(iso code, scores) per spec language (one half, or all cases); empty when the specs are absent."""
    specs = eval_dates / "recognizers-specs"
    if not specs.is_dir():
        return []
    return [(iso, score_language(spec_cases(specs / name), iso, ours, all_platforms, half))
            for name, iso in SPEC_LANGUAGES.items() if (specs / name).is_dir()]


def print_rows(eval_dates: Path, all_platforms: bool, label: str, halves_shown: tuple[str, ...] = ("tune", "check")) -> None:
    print(f"Recognizers-Text specs, {label}: language | " + " | ".join(
        f"{half} cases results found resolved" for half in halves_shown))
    halves = {half: dict(language_rows(eval_dates, all_platforms, half)) for half in halves_shown}
    for iso in halves[halves_shown[0]]:
        cells = [f"{row['cases']} {row['results']} {row['found']:.3f} {row['resolved']:.3f}"
                 for row in (halves[half][iso] for half in halves_shown)]
        print(f"  {iso} | " + " | ".join(cells))


def print_jsonl_rows(eval_dates: Path, halves_shown: tuple[str, ...]) -> None:
    """French and English (``bench/dates.py`` scores them whole), Python-supported, by half."""
    print("Recognizers-Text fr/en (recognizers-<iso>.jsonl), Python-supported: language | " + " | ".join(
        f"{half} cases results found resolved" for half in halves_shown))
    for iso in JSONL_LANGUAGES:
        cases = jsonl_cases(eval_dates / f"recognizers-{iso}.jsonl")
        if not cases:
            continue
        rows = [score_language(cases, iso, ours, False, half) for half in halves_shown]
        print(f"  {iso} | " + " | ".join(f"{row['cases']} {row['results']} {row['found']:.3f} {row['resolved']:.3f}"
                                        for row in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--all-platforms", action="store_true",
                        help="also score the cases no Python runner supports (an aspirational set)")
    parser.add_argument("--misses", metavar="ISO", help="print the tune half's misses of one language (fr, en too)")
    args = parser.parse_args()
    if not (args.eval / "recognizers-specs").is_dir():
        print(f"{args.eval / 'recognizers-specs'} not found: skipping")
        return
    # reading misses is tuning: the check half stays unseen (scored only without --misses)
    shown = ("tune",) if args.misses else ("tune", "check")
    print_rows(args.eval, False, "Python-supported cases with a reference time", shown)
    if args.all_platforms:
        print_rows(args.eval, True, "all cases with a reference time (no runner passes them all)", shown)
    print_jsonl_rows(args.eval, shown)
    if args.misses:
        specs = args.eval / "recognizers-specs"
        misses: list[str] = []
        if args.misses in JSONL_LANGUAGES:
            cases = jsonl_cases(args.eval / f"recognizers-{args.misses}.jsonl")
        else:
            cases = spec_cases(specs / {iso: name for name, iso in SPEC_LANGUAGES.items()}[args.misses])
        score_language(cases, args.misses, ours, args.all_platforms, "tune", misses)
        print("\n".join(misses))


if __name__ == "__main__":
    main()
