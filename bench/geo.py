"""Geocoding quality on ``../shared/eval/geo/``: newsweave next to a "most populous match" baseline.

Scored as that folder's README says (Gritta et al.): for every gold toponym, the great-circle
distance between the predicted and the gold point; an unresolved toponym counts 20,039 km.
accuracy@161 km (share of errors below 161 km), mean and median error, and AUC of the
log errors (lower is better).

* ``oracle``: the gold toponym strings of each document are given to the resolver.
  ``newsweave`` resolves them together (:func:`newsweave.annotate.geo.resolve_places`: population,
  kind of place, countries and US states named by the document's other toponyms);
  ``most-populous`` takes the biggest place bearing the name. A name the gazetteer lacks is read,
  by newsweave only, at the place it is named after ("Manila Cathedral": Manila), as the
  annotator reads its own place mentions; and a document whose own names give no home is read
  as its site's local news, the site's home drawn from the gold names of its other documents of
  the same half (``oracle_documents``), as the annotator draws it from a batch. Both look names up in the same
  gazetteer and both fall back to the country of a demonym ("Russian" → Russia), so only the
  choice between homonyms differs.
* ``end-to-end``: the real annotator runs on the document text (spaCy NER + newsweave), each
  half as one batch (a site's home never crosses halves), or in ``--batches N`` batches of
  consecutive documents, with ``--site-store`` joining the votes of the half's earlier batches
  as the store keeps them (``link.site_home``); a gold
  toponym is resolved when an entity with coordinates overlaps it. Since stop 25 a demonym
  ("Russian", "European") carries its country's or region's point in the output, so it counts
  here: GeoWebNews annotates demonyms as toponyms (its "non-literal modifiers"), LGL some.
* ``end-to-end`` ``most-populous``: the same NER mentions, each place mention (LOC) placed at
  the most populous place of its name: what the resolver adds over the baseline end to end.
* ``end-to-end-demonyms``: the same run with demonym mentions left out (names only): the
  main column as it was counted before stop 25, when demonyms carried no point.

Countries weigh a lot in these sets ("U.S.", "US" and "United States" are 6% of GeoWebNews' toponyms), and the gold
puts them where its source does: GeoNames' points in GeoWebNews and LGL (United States
39.76°N 98.5°W, Canada 60.1°N 113.6°W), Wikipedia's in GeoVirus (40°N 100°W, 60°N 95°W).
Ours are mainland centroids (``annotate/data/country_points.json``), so a country resolved
right can still be 100-200 km (Canada: ~900 km) from the gold point.

Each set is split into a tune and a check half by a hash of the document id (``half_of``);
figures on the tune half, or on all documents, are upper bounds of what the rules would do on
unseen text: report the check half.

    .venv/bin/python bench/geo.py [--eval DIR] [--files geo.jsonl,...] [--limit N] [--no-e2e]
                                  [--halves check,all] [--errors tune [--examples N]]
                                  [--batches N [--site-store]]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from newsweave.annotate.geo import (Place, candidates, countries, demonym_country, division_marks, fold, haversine_km,
                                   most_populous, publication_country, resolve_places, town_region_pairs)
from newsweave.annotate.georesolve import home_votes, site_home_of, site_of

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "geo"
FILES = ("geo.jsonl", "geovirus.jsonl", "lgl.jsonl")
MAX_ERROR_KM = 20039.0
ACCURACY_KM = 161.0


def half_of(document: dict) -> str:
    """"tune" or "check": each document's half, fixed by a hash of its id. Rules and weights are
    tuned on the tune half only; the check half is the figure to report."""
    digest = hashlib.sha1(str(document["doc_id"]).encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def read(path: Path, limit: int) -> list[dict]:
    documents = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return documents[:limit] if limit else documents


def _demonym_place(name: str) -> Place | None:
    code = demonym_country(name)
    return countries().get(code or "")


def _predictions(document: dict, chosen: dict[str, Place]) -> list[Place | None]:
    return [chosen.get(fold(toponym["text"])) or _demonym_place(toponym["text"]) for toponym in document["toponyms"]]


def _oracle_chosen(document: dict, site_home: tuple[str, str] | None = None) -> dict[str, Place]:
    names = [toponym["text"] for toponym in document["toponyms"]]
    pairs = town_region_pairs(document["text"], [(toponym["start"], toponym["end"]) for toponym in document["toponyms"]])
    marked = division_marks(document["text"], [(toponym["start"], toponym["end"]) for toponym in document["toponyms"]], "en")
    return resolve_places(names, pairs=pairs, publication=publication_country(document.get("url")),
                          inner=_inner_places(names), divisions=marked, site_home=site_home, language="en",
                          site=site_of(document.get("url")))


def oracle_documents(documents: list[dict]) -> list[list[Place | None]]:
    """newsweave's reading of each document's gold names, with its site's home (``georesolve.site_home_of``)
    drawn, as the annotator does for a batch, from the gold names of the site's documents in the
    same half only."""
    alone = [_oracle_chosen(document) for document in documents]
    keys = [(site_of(document.get("url")), half_of(document)) for document in documents]
    votes: dict[tuple[str, str], list[set[tuple[str, str]]]] = {}
    for key, chosen in zip(keys, alone, strict=True):
        votes.setdefault(key, []).append(home_votes(chosen))
    homes = {key: site_home_of(vote) for key, vote in votes.items() if key[0]}
    # A document whose site has no home keeps its first reading: the second would be the same.
    return [_predictions(document, chosen if homes.get(key) is None else _oracle_chosen(document, homes[key]))
            for document, key, chosen in zip(documents, keys, alone, strict=True)]


def _inner_places(names: list[str]) -> dict[str, str]:
    """Gold names the gazetteer lacks -> the place each is named after, as the annotator reads
    its own place mentions (``toponyms.inner_place_name``; the sets are English)."""
    from newsweave.annotate.toponyms import inner_place_name

    places = frozenset(fold(name) for name in names)
    found = {name: inner_place_name(name, "en", places) for name in set(names)}
    return {name: part for name, part in found.items() if part}


def oracle_baseline(document: dict) -> list[Place | None]:
    return [most_populous(toponym["text"]) or _demonym_place(toponym["text"]) for toponym in document["toponyms"]]


_ANNOTATED: dict[int, list] = {}
# How each half is fed to the annotator (``--batches``, ``--site-store``): in this many batches
# of consecutive documents, and with or without the votes of the half's earlier batches kept
# as the store keeps them (``link.site_home``).
FEED = {"batches": 1, "site_store": False}


class SiteVotesInMemory:
    """``link.site_home.SiteHomeMemory`` over a dict: a site's votes in the order they came."""

    def __init__(self) -> None:
        self.votes: dict[str, dict[str, set[tuple[str, str]]]] = {}

    def site_votes(self, site: str, limit: int) -> list[tuple[str, set[tuple[str, str]]]]:
        return list(self.votes.get(site, {}).items())[-limit:][::-1]

    def remember_site_votes(self, article_id: str, site: str, votes: set[tuple[str, str]]) -> None:
        self.votes.setdefault(site, {}).pop(article_id, None)
        self.votes[site][article_id] = set(votes)


def _feed(articles: list) -> None:
    """One half through the annotator as ``FEED`` says: a site's home never crosses halves."""
    from newsweave.annotate.entities import annotate_entities
    from newsweave.link.site_home import home_from_store, remember_votes

    count = max(1, min(FEED["batches"], len(articles)))
    memory = SiteVotesInMemory()
    for number in range(count):
        batch = articles[number * len(articles) // count:(number + 1) * len(articles) // count]
        annotate_entities(batch)
        if FEED["site_store"]:
            for article in batch:
                home_from_store(article, memory)
                remember_votes(article, memory)


def _annotated(documents: list[dict]) -> list:
    """The documents run through the real annotator, once per document list."""
    from newsweave.model import Article
    from newsweave.offsets import OffsetMap

    if id(documents) not in _ANNOTATED:
        articles = [Article(id=str(i), source="bench", raw=d["text"], raw_sha256="", text=d["text"],
                            offsets=OffsetMap.identity(len(d["text"])), language="en",
                            url=d.get("url")) for i, d in enumerate(documents)]
        for half in ("tune", "check"):
            _feed([article for article, d in zip(articles, documents, strict=True) if half_of(d) == half])
        _ANNOTATED[id(documents)] = articles
    return _ANNOTATED[id(documents)]


def end_to_end(documents: list[dict], demonyms: bool = True,
               baseline: bool = False) -> list[list[tuple[float, float] | None]]:
    """Predicted points of the gold toponyms: the located entity that overlaps each. Without
    ``demonyms``, demonym mentions ("Russian", placed at their country) are left out. With
    ``baseline``, every place mention of our NER (label LOC) is placed at the most populous
    place of its name instead, and demonyms at the point the output gives them."""
    predictions = []
    for article, document in zip(_annotated(documents), documents, strict=True):
        # (start, end, lat, lon) of each located mention (typed ``Entity`` objects).
        located = [(item.start, item.end, item.lat, item.lon) for item in article.entities
                   if item.lat is not None and item.lon is not None and (demonyms or item.mention != "demonym")
                   and (not baseline or item.mention == "demonym")]
        if baseline:
            for item in article.entities:
                place = most_populous(item.text) if item.label == "LOC" else None
                if place is not None:
                    located.append((item.start, item.end, place.lat, place.lon))
        row = []
        for toponym in document["toponyms"]:
            hit = next((item for item in located if item[0] < toponym["end"] and toponym["start"] < item[1]), None)
            row.append((hit[2], hit[3]) if hit else None)
        predictions.append(row)
    return predictions


def errors(documents: list[dict], predictions: list[list]) -> list[float]:
    found = []
    for document, row in zip(documents, predictions, strict=True):
        for toponym, predicted in zip(document["toponyms"], row, strict=True):
            if predicted is None:
                found.append(MAX_ERROR_KM)
                continue
            lat, lon = (predicted.lat, predicted.lon) if isinstance(predicted, Place) else predicted
            found.append(haversine_km(lat, lon, float(toponym["lat"]), float(toponym["lon"])))
    return found


def has_near_reading(toponym: dict) -> bool:
    """Whether some gazetteer reading of the toponym's name lies within 161 km of its gold point."""
    gold = (float(toponym["lat"]), float(toponym["lon"]))
    return any(haversine_km(entry.place.lat, entry.place.lon, *gold) < ACCURACY_KM
               for entry in candidates(toponym["text"]))


def error_class(toponym: dict, predicted: Place | None) -> str:
    """Why a gold toponym resolved with gold toponyms is right or wrong: "right", "abstained"
    (left unresolved though a reading within 161 km exists), "not in gazetteer" (no reading of the
    name within 161 km), "wrong candidate" (another reading was chosen although one within 161 km
    exists), "wrong, no good candidate" (a far reading chosen, none near the gold point)."""
    gold = (float(toponym["lat"]), float(toponym["lon"]))
    if predicted is not None and haversine_km(predicted.lat, predicted.lon, *gold) < ACCURACY_KM:
        return "right"
    near = has_near_reading(toponym)
    if predicted is None:
        return "abstained" if near else "not in gazetteer"
    return "wrong candidate" if near else "wrong, no good candidate"


def print_errors(name: str, documents: list[dict], half: str, examples: int) -> None:
    """Counts of the gold-toponym errors of one half by class, with the commonest names of each."""
    classes: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for document, predictions in zip(documents, oracle_documents(documents), strict=True):
        if half != "all" and half_of(document) != half:
            continue
        for toponym, predicted in zip(document["toponyms"], predictions, strict=True):
            kind = error_class(toponym, predicted)
            classes[kind] += 1
            if kind != "right":
                chosen = f" -> {predicted.name}, {predicted.country}" if predicted else ""
                names.setdefault(kind, Counter())[toponym["text"] + chosen] += 1
    print(f"\n{name} ({half} half, gold toponyms): " + ", ".join(f"{k} {v}" for k, v in classes.most_common()))
    for kind, counter in sorted(names.items(), key=lambda item: -sum(item[1].values())):
        print(f"  {kind}: " + "; ".join(f"{text} ×{n}" for text, n in counter.most_common(examples)))


def summary(values: list[float]) -> dict[str, float]:
    logs = sorted(math.log(value + 1) for value in values)
    auc = float(np.trapezoid(logs) / (math.log(MAX_ERROR_KM) * (len(logs) - 1))) if len(logs) > 1 else 0.0
    return {
        "acc161": sum(value < ACCURACY_KM for value in values) / len(values),
        "mean": statistics.fmean(values),
        "median": statistics.median(values),
        "auc": auc,
        "n": len(values),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--files", default=",".join(FILES))
    parser.add_argument("--limit", type=int, default=0, help="first N documents of each file (0: all)")
    parser.add_argument("--no-e2e", action="store_true", help="skip the end-to-end run (no NER model needed)")
    parser.add_argument("--halves", default="check,all",
                        help="comma-separated: tune, check (by a hash of doc_id, see half_of), all")
    parser.add_argument("--errors", default="",
                        help="list the gold-toponym errors of this half (e.g. tune) by class, then stop")
    parser.add_argument("--examples", type=int, default=25, help="names shown per error class")
    parser.add_argument("--batches", type=int, default=1,
                        help="end to end: feed each half in this many batches of consecutive documents")
    parser.add_argument("--site-store", action="store_true",
                        help="end to end: a site's home also from the votes of the half's earlier batches")
    options = parser.parse_args()
    FEED.update(batches=options.batches, site_store=options.site_store)
    if not options.eval.is_dir():
        print(f"skipped: geo eval data not found at {options.eval}", file=sys.stderr)
        return 0
    if options.errors:
        for name in options.files.split(","):
            print_errors(name, read(options.eval / name, options.limit), options.errors, options.examples)
        return 0
    print("| file | half | setting | system | toponyms | acc@161 | mean km | median km | AUC |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in options.files.split(","):
        documents = read(options.eval / name, options.limit)
        runs = {
            ("oracle", "most-populous"): lambda docs: [oracle_baseline(d) for d in docs],
            ("oracle", "newsweave"): oracle_documents,
        }
        if not options.no_e2e:
            runs[("end-to-end", "most-populous")] = lambda docs: end_to_end(docs, baseline=True)
            runs[("end-to-end", "newsweave")] = end_to_end
            runs[("end-to-end-demonyms", "newsweave")] = lambda docs: end_to_end(docs, demonyms=False)
        for (setting, system), run in runs.items():
            started = time.perf_counter()
            predictions = run(documents)
            seconds = time.perf_counter() - started
            for half in options.halves.split(","):
                chosen = [i for i, document in enumerate(documents) if half == "all" or half_of(document) == half]
                if not chosen:
                    continue
                scores = summary(errors([documents[i] for i in chosen], [predictions[i] for i in chosen]))
                print(f"| {name} | {half} | {setting} | {system} | {scores['n']} | {scores['acc161']:.3f} | "
                      f"{scores['mean']:.0f} | {scores['median']:.0f} | {scores['auc']:.3f} |", flush=True)
            print(f"<!-- {name} {setting} {system}: {seconds:.1f} s -->", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
