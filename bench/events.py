"""Score event extraction on the labelled sentences of ``tests/data/events/labelled.jsonl``.

    .venv/bin/python bench/events.py [--entities/--no-entities] [--show]

Precision and recall per PLOVER type and overall. A predicted event is correct when its type
and trigger word equal a gold event's and the gold actor is contained in the predicted
actor's text, or the reverse (see the data folder's README). ``--show`` prints every miss
and every wrong event. By default sentences go through the annotators the pipeline runs
(language is given), so actors are canonical entities when the entities stage is in.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsweave.annotate import annotate_batch  # noqa: E402
from newsweave.annotate.events import annotate_events  # noqa: E402
from newsweave.model import Article  # noqa: E402
from newsweave.offsets import OffsetMap  # noqa: E402

DATA = ROOT / "tests" / "data" / "events" / "labelled.jsonl"


def load(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def article_for(row: dict, number: int) -> Article:
    text = row["text"]
    return Article(id=f"s{number}", source=f"labelled#{number}", raw=text, raw_sha256="", text=text,
                   offsets=OffsetMap.identity(len(text)), language=row["language"])


def same_actor(gold: str, predicted: str | None) -> bool:
    if not predicted:
        return False
    gold, predicted = gold.casefold(), predicted.casefold()
    return gold in predicted or predicted in gold


def matches(gold: dict, event: dict) -> bool:
    return (gold["type"] == event["type"] and gold["trigger"].casefold() == event["trigger"]["text"].casefold()
            and same_actor(gold["actor"], (event.get("actor") or {}).get("text")))


def score(rows: list[dict], predicted: list[list[dict]]) -> tuple[Counter, Counter, Counter, list[str]]:
    """True positives, predictions and gold events per type, and a line per error."""
    tp, pred, gold_count, errors = Counter(), Counter(), Counter(), []
    for row, events in zip(rows, predicted, strict=True):
        unmatched = list(row["events"])
        for gold in row["events"]:
            gold_count[gold["type"]] += 1
        for event in events:
            pred[event["type"]] += 1
            hit = next((gold for gold in unmatched if matches(gold, event)), None)
            if hit:
                tp[event["type"]] += 1
                unmatched.remove(hit)
            else:
                errors.append(f"WRONG {event['type']} {event['trigger']['text']!r} actor={(event.get('actor') or {}).get('text')!r} | {row['text']}")
        errors.extend(f"MISSED {gold['type']} {gold['trigger']!r} actor={gold['actor']!r} | {row['text']}" for gold in unmatched)
    return tp, pred, gold_count, errors


def predict(rows: list[dict], with_entities: bool = True) -> list[list[dict]]:
    articles = [article_for(row, number) for number, row in enumerate(rows)]
    if with_entities:
        annotate_batch(articles)
    annotate_events(articles)
    return [[event.to_json() for event in article.events] for article in articles]


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-entities", action="store_true", help="spaCy entities only (annotators not run)")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    rows = load()
    tp, pred, gold, errors = score(rows, predict(rows, not args.no_entities))
    print(f"{len(rows)} sentences ({sum(1 for r in rows if not r['events'])} with no event), {sum(gold.values())} gold events")
    print(f"{'type':10} {'P':>5} {'R':>5} {'tp':>4} {'pred':>5} {'gold':>5}")
    for type_ in sorted(set(pred) | set(gold)):
        print(f"{type_:10} {ratio(tp[type_], pred[type_]):5.2f} {ratio(tp[type_], gold[type_]):5.2f} {tp[type_]:4} {pred[type_]:5} {gold[type_]:5}")
    total_tp, total_pred, total_gold = sum(tp.values()), sum(pred.values()), sum(gold.values())
    print(f"{'ALL':10} {ratio(total_tp, total_pred):5.2f} {ratio(total_tp, total_gold):5.2f} {total_tp:4} {total_pred:5} {total_gold:5}")
    if args.show:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
