"""Canonicalisation quality: pairwise precision/recall of merging names into entities.

The labelled alias groups live in ``tests/data/aliases/``: ``cldr.jsonl`` (countries and
cities named in ten languages by Unicode CLDR, built by ``build_groups.py``) and
``handwritten.jsonl`` (persons and organisations with their spellings in several languages
and scripts, written from public facts). Every name of every group is one mention, and each
mention is its own article: it is resolved alone (:func:`resolve_mentions`), then linked
across articles through an in-memory :class:`EntityMemory` (what the store does), in file
order.

Pairs of mentions: a pair is "merged" when both got the same ``entity_id``; it should be
merged when both come from the same group. Precision = correct merges / merges, recall =
correct merges / pairs that should merge. Baseline: two names merge when their case- and
accent-folded strings are equal.

Caveat: the country and city names partly come from the same kind of source the gazetteer
reads (CLDR via babel for some languages, GeoNames alternates). Since stop 14 the gazetteer
takes the CLDR names of every EU language, sv/cs/fi/hu included, so the country and city
subsets measure coverage of CLDR; the hand-written persons are the fair part (the
organisations' alias lists of de/es/… were written after seeing which names failed).

    .venv/bin/python bench/canonical.py [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from newsweave.annotate.canonical import Mention, resolve_mentions
from newsweave.link.entities import EntityRecord, entity_records, link_entities
from newsweave.model import Entity
from newsweave.annotate.geo import fold, gazetteer

DEFAULT_DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "aliases"


class DictMemory:
    """The store's EntityMemory, in a dict."""

    def __init__(self) -> None:
        self.records: dict[str, EntityRecord] = {}
        self.keys: dict[str, set[str]] = defaultdict(set)

    def entities_with_keys(self, keys: list[str]) -> list[tuple[str, str, str]]:
        return [(key, entity_id, self.records[entity_id].canonical) for key in keys for entity_id in self.keys.get(key, ())]

    def remember_entities(self, records: list[EntityRecord]) -> None:
        for record in records:
            self.records.setdefault(record.entity_id, record)
            for key in record.keys:
                self.keys[key].add(record.entity_id)


def load_groups(folder: Path) -> list[dict]:
    groups = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                groups.append({**json.loads(line), "file": path.stem})
    return groups


def resolve_all(groups: list[dict]) -> list[tuple[str, str, str, str]]:
    """``(group, label, name, entity_id)`` for every name, one article per name."""
    memory = DictMemory()
    rows = []
    for group in groups:
        for name in group["names"]:
            mention = Mention(0, len(name), name, group["label"])
            resolved = resolve_mentions([mention])[0]
            item = Entity(0, len(name), 0, len(name), name, label=resolved.label, entity_id=resolved.entity_id,
                          canonical=resolved.canonical, mention="name")
            item = link_entities([item], memory).entities[0]
            memory.remember_entities(entity_records([item], None))
            rows.append((group["group"], group["label"], name, item.entity_id or ""))
    return rows


def pairwise(rows: list[tuple[str, str]]) -> dict[str, float]:
    """Pairwise P/R/F1 of (gold group, predicted cluster) assignments."""
    def pairs(counter: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    gold = pairs(Counter(group for group, _ in rows))
    predicted = pairs(Counter(cluster for _, cluster in rows))
    correct = pairs(Counter(rows))
    precision = correct / predicted if predicted else 1.0
    recall = correct / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "mentions": len(rows), "gold_pairs": gold}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    options = parser.parse_args()
    groups = load_groups(options.data)
    gazetteer()  # loaded once, outside the timing
    started = time.perf_counter()
    rows = resolve_all(groups)
    seconds = time.perf_counter() - started
    kinds = {group["group"]: (group["file"], group["label"], group["group"].split("-")[0]) for group in groups}
    subsets = {
        "all": lambda g: True,
        "countries (CLDR)": lambda g: kinds[g][2] == "country",
        "cities (CLDR)": lambda g: kinds[g][2] == "city",
        "persons (hand-written)": lambda g: kinds[g][1] == "PER",
        "organisations (hand-written)": lambda g: kinds[g][1] == "ORG" and kinds[g][0] == "handwritten",
    }
    print(f"{len(groups)} groups, {len(rows)} names, resolved in {seconds:.2f} s")
    print()
    print("| subset | groups | names | system | pairwise P | pairwise R | F1 |")
    print("|---|---|---|---|---|---|---|")
    for subset, keep in subsets.items():
        chosen = [row for row in rows if keep(row[0])]
        n_groups = len({row[0] for row in chosen})
        for system, cluster in (("exact folded string", lambda row: fold(row[2])), ("newsweave", lambda row: row[3])):
            scores = pairwise([(row[0], cluster(row)) for row in chosen])
            print(f"| {subset} | {n_groups} | {len(chosen)} | {system} | {scores['precision']:.3f} | "
                  f"{scores['recall']:.3f} | {scores['f1']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
