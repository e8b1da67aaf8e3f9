"""End-to-end geocoding errors of one half of ``../shared/eval/geo/``, counted by class.

Each gold toponym the real annotator does not put within 161 km falls in one class, so the
largest can be worked on first (run it on the tune half; the check half stays for figures):

* ``missed``: no entity of ours overlaps the gold span (NER recall);
* ``unlocated-not-in-gazetteer``: an entity overlaps, without a point, and the gazetteer has no
  place of that name;
* ``unlocated-abstained``: an entity overlaps, without a point, though the gazetteer knows the
  name (wrong label, or the resolver abstained);
* ``wrong-candidate``: a point is given, far off, while a place of that name lies within 161 km
  of the gold point (ranking);
* ``far-no-candidate``: a point is given, far off, and no place of that name is near the gold
  point (gazetteer lacks the sense, or the gold point differs: country points).

It also counts ``spurious`` located mentions, which overlap no gold toponym (not scored by
acc@161, but they put dots on the map). The commonest names of each class are listed.

    .venv/bin/python bench/geo_errors.py [--files geo.jsonl,...] [--half tune] [--limit N] [--top 8]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geo import ACCURACY_KM, DEFAULT_EVAL, FILES, _annotated, half_of, has_near_reading, read  # noqa: E402

from newsweave.annotate.geo import candidates, haversine_km  # noqa: E402


def classify(toponym: dict, overlapping: list) -> str | None:
    """The error class of one gold toponym given the entities overlapping it (None: right)."""
    gold = (float(toponym["lat"]), float(toponym["lon"]))
    if not overlapping:
        return "missed"
    located = [item for item in overlapping if item.lat is not None and item.lon is not None]
    if not located:
        return "unlocated-abstained" if candidates(toponym["text"]) else "unlocated-not-in-gazetteer"
    if haversine_km(located[0].lat, located[0].lon, *gold) < ACCURACY_KM:
        return None
    return "wrong-candidate" if has_near_reading(toponym) else "far-no-candidate"


def tally(documents: list[dict]) -> tuple[Counter, dict[str, Counter], Counter]:
    """(classes, names per class, spurious names) over the documents."""
    classes: Counter = Counter()
    names: dict[str, Counter] = {}
    spurious: Counter = Counter()
    for article, document in zip(_annotated(documents), documents, strict=True):
        toponyms = document["toponyms"]
        for toponym in toponyms:
            overlapping = [item for item in article.entities
                           if item.start < toponym["end"] and toponym["start"] < item.end]
            found = classify(toponym, overlapping)
            classes[found or "right"] += 1
            if found:
                names.setdefault(found, Counter())[toponym["text"]] += 1
        for item in article.entities:
            if item.lat is not None and not any(item.start < t["end"] and t["start"] < item.end for t in toponyms):
                spurious[item.text] += 1
    return classes, names, spurious


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--files", default=",".join(FILES))
    parser.add_argument("--half", default="tune", choices=("tune", "check", "all"))
    parser.add_argument("--limit", type=int, default=0, help="first N documents of each file (0: all)")
    parser.add_argument("--top", type=int, default=8, help="names listed per class")
    options = parser.parse_args()
    if not options.eval.is_dir():
        print(f"skipped: geo eval data not found at {options.eval}", file=sys.stderr)
        return 0
    for name in options.files.split(","):
        documents = [d for d in read(options.eval / name, options.limit)
                     if options.half == "all" or half_of(d) == options.half]
        classes, names, spurious = tally(documents)
        total = sum(classes.values())
        print(f"\n### {name} ({options.half} half, {total} gold toponyms)\n")
        print("| class | toponyms | share | commonest names |")
        print("|---|---|---|---|")
        for label, count in classes.most_common():
            common = ", ".join(f"{text} ×{n}" for text, n in names.get(label, Counter()).most_common(options.top))
            print(f"| {label} | {count} | {count / total:.3f} | {common} |")
        common = ", ".join(f"{text} ×{n}" for text, n in spurious.most_common(options.top))
        print(f"| spurious (located, no gold) | {sum(spurious.values())} | – | {common} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
