"""Named-entity quality and speed on ``../shared/eval/ner/``, newsweave next to the raw spaCy model.

Scored as that folder's README says: entity-level exact match (type + token span), micro
P/R/F1 over PER/ORG/LOC with seqeval; gold and predictions mapped to PER/ORG/LOC first.
Predictions are character spans on the text rebuilt from the gold tokens (joined with one
space, or none where HIPE marks ``NoSpaceAfter``) and projected back onto the gold tokens:
a token is inside an entity when its characters overlap it. Modes: lenient (default) for
the Europeana IOB1 file, ``strict`` IOB2 for WikiANN and HIPE.

* ``spacy``: the language's spaCy model alone, ``doc.ents`` mapped PERSON→PER, ORG→ORG,
  GPE/LOC/FAC→LOC (other labels dropped) — what newsweave would give with no post-processing;
* ``newsweave``: ``article.entities`` from the real annotator (same model + label repair,
  trimming, lower-case places, "Town, Region"), name mentions only: titles ("the Ukrainian
  president") and demonyms are not names, and the gold files do not mark them.

Units: a WikiANN sentence is one article; a HIPE document is one article; Europeana (one
205k-token sequence, no breaks) is cut after every "." / "!" / "?" token and the pieces
grouped into articles of at most 200 tokens.

Languages without a NER model (de, nl: ``annotate/names.py``) are scored against a
capitalisation baseline instead of a model: every maximal run of capitalised words, labelled
LOC (the most frequent gold type of both files).

Halves: ``--half tune`` / ``--half check`` keep the units whose CRC-32 of the text is even /
odd. The rules of ``annotate/names.py`` and the repairs were tuned on the tune half; report
the check half (``--half all``, the default, mixes both and is an upper bound for them).
``--wikiann-titles`` adds a row with WikiANN's title conventions applied to newsweave's
predictions (:func:`wikiann_titles`), labelled as such: it is never the plain figure.
:func:`wikiann_f1` gives one language's figures to other benches (``bench/languages.py``).

Speed (second table): seconds for ``nlp.pipe`` alone and for the whole entity annotator on
the same articles (parsing included), entities per second, and the added cost of
canonicalisation + geocoding over ``nlp.pipe``. Two shared cores: timings are noisy.

    .venv/bin/python bench/ner.py [--eval DIR] [--limit N] [--files a,b] [--half tune|check|all]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from newsweave.annotate.entities import LABELS, find_entities
from newsweave.annotate.nlp import pipeline
from newsweave.model import Article
from newsweave.offsets import OffsetMap

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ner"
FILES = {
    "en-wikiann-test.bio": ("en", "wikiann"),
    "fr-wikiann-test.bio": ("fr", "wikiann"),
    "fr-hipe2020-dev-v1.4.tsv": ("fr", "hipe"),
    "fr-europeana.bio": ("fr", "europeana"),
    "de-wikiann-test.bio": ("de", "wikiann"),
    "nl-wikiann-test.bio": ("nl", "wikiann"),
}
CAPITALISED = re.compile(r"[^\W\d_][\w'’.-]*")
KEPT = {"PER", "ORG", "LOC"}
HIPE_LABELS = {"pers": "PER", "org": "ORG", "loc": "LOC"}
EUROPEANA_MAX_TOKENS = 200


@dataclass
class Unit:
    """One article's worth of gold tokens."""

    tokens: list[str]
    tags: list[str]
    space_after: list[bool]

    def text_and_offsets(self) -> tuple[str, list[tuple[int, int]]]:
        parts, offsets, position = [], [], 0
        for token, space in zip(self.tokens, self.space_after, strict=True):
            offsets.append((position, position + len(token)))
            parts.append(token + (" " if space else ""))
            position += len(token) + (1 if space else 0)
        return "".join(parts), offsets


# -- reading the gold files ------------------------------------------------------------------


def read_wikiann(path: Path) -> list[Unit]:
    units, tokens, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                units.append(Unit(tokens, tags, [True] * len(tokens)))
            tokens, tags = [], []
            continue
        token, tag = line.split("\t")
        tokens.append(token)
        tags.append(tag if tag[2:] in KEPT else "O")
    if tokens:
        units.append(Unit(tokens, tags, [True] * len(tokens)))
    return units


def read_hipe(path: Path) -> list[Unit]:
    units: list[Unit] = []
    current: Unit | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# document_id"):
            current = Unit([], [], [])
            units.append(current)
            continue
        if not line.strip() or line.startswith("#") or line.startswith("TOKEN\t") or current is None:
            continue
        columns = line.split("\t")
        tag = columns[1]
        label = HIPE_LABELS.get(tag[2:]) if tag != "O" else None
        current.tokens.append(columns[0])
        current.tags.append(f"{tag[:2]}{label}" if label else "O")
        current.space_after.append("NoSpaceAfter" not in columns[-1])
    return [unit for unit in units if unit.tokens]


def read_europeana(path: Path) -> list[Unit]:
    units, tokens, tags = [], [], []
    sentence_tokens, sentence_tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        token, _, tag = line.rpartition(" ")
        sentence_tokens.append(token)
        sentence_tags.append(tag if tag[2:] in KEPT else "O")
        if token in (".", "!", "?"):
            if tokens and len(tokens) + len(sentence_tokens) > EUROPEANA_MAX_TOKENS:
                units.append(Unit(tokens, tags, [True] * len(tokens)))
                tokens, tags = [], []
            tokens += sentence_tokens
            tags += sentence_tags
            sentence_tokens, sentence_tags = [], []
    tokens += sentence_tokens
    tags += sentence_tags
    if tokens:
        units.append(Unit(tokens, tags, [True] * len(tokens)))
    return units


READERS = {"wikiann": read_wikiann, "hipe": read_hipe, "europeana": read_europeana}


# -- predicting --------------------------------------------------------------------------------


def project(spans: list[tuple[int, int, str]], offsets: list[tuple[int, int]]) -> list[str]:
    """IOB2 tags on the gold tokens from character spans (a token overlapping a span is in it)."""
    tags = ["O"] * len(offsets)
    for start, end, label in sorted(spans):
        inside = [i for i, (a, b) in enumerate(offsets) if a < end and start < b and tags[i] == "O"]
        for position, index in enumerate(inside):
            tags[index] = ("B-" if position == 0 else "I-") + label
    return tags


def in_half(unit: Unit, half: str) -> bool:
    """Deterministic halves by CRC-32 of the unit's text: even is ``tune``, odd is ``check``."""
    if half == "all":
        return True
    parity = zlib.crc32(" ".join(unit.tokens).encode("utf-8")) % 2
    return parity == (0 if half == "tune" else 1)


def capitalisation_spans(doc) -> list[tuple[int, int, str]]:
    """The baseline for languages without a model: maximal runs of capitalised words, as LOC."""
    spans, start, end = [], None, None
    for token in doc:
        if token.text[:1].isupper() and CAPITALISED.fullmatch(token.text):
            start = token.idx if start is None else start
            end = token.idx + len(token)
            continue
        if start is not None:
            spans.append((start, end, "LOC"))
        start = None
    if start is not None:
        spans.append((start, end, "LOC"))
    return spans


def spacy_spans(doc) -> list[tuple[int, int, str]]:
    if not doc.has_annotation("ENT_IOB"):  # no NER model: the capitalisation baseline
        return capitalisation_spans(doc)
    return [(ent.start_char, ent.end_char, LABELS[ent.label_]) for ent in doc.ents if LABELS.get(ent.label_) in KEPT]


def newsweave_spans(article: Article) -> list[tuple[int, int, str]]:
    """Name mentions, outermost only: the gold is flat, and a place named inside a longer name
    ("Ohio" in "Ohio Department of Development", a mention of its own for the map) would
    overwrite the tags of the name that holds it."""
    names = [item for item in article.entities if item.mention == "name" and item.label in KEPT]
    return [(item.start, item.end, item.label) for item in names
            if not any(other is not item and other.start <= item.start and item.end <= other.end
                       and (other.end - other.start) > (item.end - item.start) for other in names)]


# WikiANN's titles (stop 24: about 14 % of the en gold): "Palmer , Alaska" is one LOC and
# "Stuart Russell ( politician )" one PER. ``--wikiann-titles`` scores a second newsweave row
# with these two conventions applied to its predictions; the plain row stays the figure.
TITLE_BRACKET = re.compile(r" \( ((?:[^()\d]* )?[a-z]{3,}(?: [^()\d]*)?) \)")


def wikiann_titles(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Predictions in WikiANN's title conventions. Places joined only by " , " are one place
    when they read as a Wikipedia title: the last is a US state or a Canadian province
    ("Sioux City , Iowa" in running text), or the chain opens the unit and ends on a division
    or country ("Portland Township , Cerro Gordo County , Iowa"; not a list of villages, and
    not "Bobai County , Guangxi" inside a sentence, both two places in the gold). A bracket
    right after a name, without digits and with a lower-case word, is part of it (a
    disambiguator: "( politician )", "( UK Parliament constituency )"; not "( 1999 )", "( D )" or
    "( Belgium )"), the names inside it dropped."""
    joined: list[tuple[int, int, str]] = []
    opening = len(text) - len(text.lstrip(" '`*:|="))
    for start, end, label in sorted(spans):
        if joined and label == "LOC" == joined[-1][2] and text[joined[-1][1]:start] == " , " and _title_region(
                text[start:end], joined[-1][0] == opening and text[joined[-1][0]:start].count(",") < 3):
            joined[-1] = (joined[-1][0], end, label)
        else:
            joined.append((start, end, label))
    result: list[tuple[int, int, str]] = []
    for start, end, label in joined:
        if result and start < result[-1][1]:
            continue  # inside the previous name's bracket
        bracket = TITLE_BRACKET.match(text, end)
        result.append((start, bracket.end() if bracket else end, label))
    return result


def _title_region(name: str, opens_unit: bool) -> bool:
    from newsweave.annotate.geo import candidates

    places = [entry.place for entry in candidates(name) if entry.place.kind != "city"]
    return any(place.kind == "admin1" and place.country in ("US", "CA") for place in places) or (opens_unit and bool(places))


def _article(text: str, language: str, index: int) -> Article:
    return Article(id=str(index), source="bench", raw=text, raw_sha256="", text=text,
                   offsets=OffsetMap.identity(len(text)), language=language)


def evaluate(units: list[Unit], language: str, mode: str | None, titles: bool = False) -> dict:
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    texts, offsets = zip(*(unit.text_and_offsets() for unit in units), strict=True)
    nlp = pipeline(language)
    warm = _article("Paris", language, -1)  # gazetteer and title patterns load outside the timing
    warm.work.doc = nlp("Paris")
    find_entities(warm)
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    pipe_seconds = time.perf_counter() - started
    articles = [_article(text, language, i) for i, text in enumerate(texts)]
    started = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        article.work.doc = doc
        article.entities = find_entities(article)
    post_seconds = time.perf_counter() - started
    gold = [unit.tags for unit in units]
    options = {"mode": "strict", "scheme": IOB2} if mode == "strict" else {}
    scores = {}
    baseline = "spacy" if "ner" in nlp.pipe_names else "capitalisation baseline"
    systems = [(baseline, [spacy_spans(doc) for doc in docs]),
               ("newsweave", [newsweave_spans(article) for article in articles])]
    if titles:
        systems.append(("newsweave, WikiANN titles", [wikiann_titles(text, spans) for text, spans in zip(texts, systems[1][1], strict=True)]))
    for system, spans in systems:
        predicted = [project(item, offs) for item, offs in zip(spans, offsets, strict=True)]
        scores[system] = classification_report(gold, predicted, output_dict=True, zero_division=0, **options)
    entities = sum(len(article.entities) for article in articles)
    return {"scores": scores, "pipe_s": pipe_seconds, "post_s": post_seconds, "entities": entities,
            "units": len(units), "tokens": sum(len(unit.tokens) for unit in units)}


def wikiann_f1(language: str, half: str = "check", eval_dir: Path = DEFAULT_EVAL, limit: int = 0) -> dict[str, float] | None:
    """Micro P/R/F1 of newsweave and of the baseline on WikiANN ``language`` (None if absent)."""
    path = eval_dir / f"{language}-wikiann-test.bio"
    if not path.is_file():
        return None
    units = [unit for unit in read_wikiann(path) if in_half(unit, half)]
    if limit:
        units = units[:limit]
    result = evaluate(units, language, "strict")
    figures: dict[str, float] = {"units": float(len(units))}
    for system, report in result["scores"].items():
        prefix = "newsweave" if system == "newsweave" else "baseline"
        micro = report["micro avg"]
        figures.update({f"{prefix}_p": micro["precision"], f"{prefix}_r": micro["recall"], f"{prefix}_f1": micro["f1-score"]})
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--limit", type=int, default=0, help="first N units of each file (0: all)")
    parser.add_argument("--files", default=",".join(FILES))
    parser.add_argument("--half", choices=("tune", "check", "all"), default="all")
    parser.add_argument("--wikiann-titles", action="store_true",
                        help="add a row scored with WikiANN's title conventions (Town , Region; disambiguators)")
    options = parser.parse_args()
    if not options.eval.is_dir():
        print(f"skipped: NER eval data not found at {options.eval}", file=sys.stderr)
        return 0
    results = {}
    for name in options.files.split(","):
        language, kind = FILES[name]
        units = [unit for unit in READERS[kind](options.eval / name) if in_half(unit, options.half)]
        if options.limit:
            units = units[: options.limit]
        results[name] = evaluate(units, language, None if kind == "europeana" else "strict",
                                 titles=options.wikiann_titles and kind == "wikiann")
    print(f"half: {options.half}")
    print("| file | units | system | P | R | F1 | PER F1 | ORG F1 | LOC F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, result in results.items():
        for system, report in result["scores"].items():
            micro = report["micro avg"]
            per_type = [report.get(label, {}).get("f1-score", 0.0) for label in ("PER", "ORG", "LOC")]
            print(f"| {name} | {result['units']} | {system} | {micro['precision']:.3f} | {micro['recall']:.3f} | "
                  f"{micro['f1-score']:.3f} | " + " | ".join(f"{value:.3f}" for value in per_type) + " |")
    print()
    print("| file | tokens | nlp.pipe s | entity steps s | added | entities | entities/s (whole) |")
    print("|---|---|---|---|---|---|---|")
    for name, result in results.items():
        total = result["pipe_s"] + result["post_s"]
        print(f"| {name} | {result['tokens']} | {result['pipe_s']:.1f} | {result['post_s']:.1f} | "
              f"{100 * result['post_s'] / result['pipe_s']:.0f} % | {result['entities']} | {result['entities'] / total:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
