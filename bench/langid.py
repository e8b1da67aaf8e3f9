"""Language identification accuracy and speed on the Leipzig test data (``../shared/eval/langid/``).

Scored as the folder's README says (upstream lingua ``accuracy_reporter.py``): per language,
the share of non-empty lines (``rstrip()``) whose detected ISO 639-1 code is the file's;
an unknown answer is wrong; the macro average is the unweighted mean over the 14 languages.
Sentences and word pairs are reported separately.

Detectors are newsweave's own (:func:`newsweave.annotate.language.detect_language`, i.e.
exactly what the pipeline calls: whitespace folding, 2,000-character sample) plus, for
reference only, lingua restricted to the 14 languages of the test set ("lingua-closed"):
a closed set that matches the test is an upper bound, not something the pipeline can use.

Speed: milliseconds per item after loading, and the load time of each detector, on this
machine (2 shared cores: noisy). Peak RSS of the process is printed at the end.

    .venv/bin/python bench/langid.py [--eval DIR] [--detectors fasttext,lingua,hybrid,lingua-closed]
                                     [--limit N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from functools import cache
from pathlib import Path

from newsweave.annotate.language import DETECTORS, detect_language

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "langid"
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk", "ar", "zh", "ja", "tr")
KINDS = ("sentences", "word-pairs")


@cache
def _closed_set_detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def _lingua_closed(text: str) -> str | None:
    language = _closed_set_detector().detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language else None


def detector_function(name: str):
    if name == "lingua-closed":
        return _lingua_closed
    return lambda text: detect_language(text, name)[0]


def read_lines(path: Path, limit: int | None) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        lines = [line.rstrip() for line in handle]
    lines = [line for line in lines if line]
    return lines[:limit] if limit else lines


def accuracy_table(detect, folder: Path, kind: str, limit: int | None) -> tuple[dict[str, float], float, int]:
    """Per-language accuracy, seconds spent, and items seen for one kind of test data."""
    accuracies = {}
    spent = 0.0
    items = 0
    for language in LANGUAGES:
        lines = read_lines(folder / kind / f"{language}.txt", limit)
        started = time.perf_counter()
        right = sum(1 for line in lines if detect(line) == language)
        spent += time.perf_counter() - started
        items += len(lines)
        accuracies[language] = right / len(lines)
    return accuracies, spent, items


def load_time(name: str, detect) -> float:
    started = time.perf_counter()
    detect("A first sentence to load the models of the detector.")
    if name in ("hybrid",):
        detect("A sentence long enough to reach the other branch of the hybrid detector, well past its threshold.")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path(os.environ.get("NEWSWEAVE_EVAL_LANGID", DEFAULT_EVAL)))
    parser.add_argument("--detectors", default=",".join([*DETECTORS, "lingua-closed"]))
    parser.add_argument("--limit", type=int, default=None, help="only the first N lines per language file")
    args = parser.parse_args()
    if not (args.eval / "sentences").is_dir():
        print(f"langid eval data not found at {args.eval}; skipping (set --eval or NEWSWEAVE_EVAL_LANGID)")
        return 0
    names = [name.strip() for name in args.detectors.split(",") if name.strip()]
    results = {}
    for name in names:
        detect = detector_function(name)
        loaded = load_time(name, detect)
        for kind in KINDS:
            accuracies, spent, items = accuracy_table(detect, args.eval, kind, args.limit)
            results[name, kind] = (accuracies, spent / items * 1000)
        print(f"{name}: loaded in {loaded:.2f} s", file=sys.stderr)
    for kind in KINDS:
        print(f"\n{kind}: accuracy per language (share of lines detected right)")
        print(f"{'detector':<14}" + "".join(f"{code:>6}" for code in LANGUAGES) + f"{'macro':>7}{'ms/item':>9}")
        for name in names:
            accuracies, per_item = results[name, kind]
            macro = statistics.mean(accuracies.values())
            row = "".join(f"{accuracies[code]:6.3f}" for code in LANGUAGES)
            print(f"{name:<14}{row}{macro:7.3f}{per_item:9.3f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process (all detectors loaded): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
