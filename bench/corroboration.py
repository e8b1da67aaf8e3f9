"""Score cross-language quote corroboration: is a quote found in a report in another language?

    .venv/bin/python bench/corroboration.py [--eval ../shared/eval]

Data: SemEval-2022 Task 8 training pairs (``stories/semeval2022-train.jsonl``, see its
README). The HFL team machine-translated some articles, so one article is there in its
original language and in one or more translations (en–it, en–es, en–fr, de–fr, es–it, en–ru,
en–pl, en–zh). The quotes of each version are found by their quotation marks (4 words or
more, as ``assess/corroboration.MIN_WORDS``); when two versions of an article hold the
same number of quotes, the i-th quote of one is the translation of the i-th of the other
(gold by position, not by any similarity: the matcher never chooses its own gold).

Decisions scored, each "is quote q corroborated by this other-language article?":

* **full** (gold yes): the other version with all its quotes;
* **excerpt** (gold yes): the other version reporting only one clause (the longest) of the
  translated quote, as a newsroom that quotes one sentence of a long statement;
* **sibling** (gold no): the other version without the translated quote (its other quotes
  stay: same story, often the same speaker), whole and as clauses.

The translations are machine-made, so this measures matching a quote to its translation, not
to an independent paraphrase. Articles are split by a hash of their id: the threshold is
chosen on the tune half (highest recall at precision ≥ 0.90), figures are reported on the
check half. Both the shipped clause-level matching and whole-quote matching are shown.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from newsweave.annotate.embeddings import embed_texts
from newsweave.assess.settings import SETTINGS
from newsweave.assess.corroboration import (
    Quoted,
    clauses,
    cross_cosines,
    embed_quotes,
    normalise,
)

# Opening and closing marks of the languages in the set (en/es/it “ ”, fr/es/it/ru « »,
# de/pl „ “ or „ ”, de » «, zh 「 」, typewriter ").
MARKS = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("„", "”"), ("»", "«"), ("「", "」")]
THRESHOLDS = np.round(np.arange(0.80, 0.96, 0.005), 3)
TARGET_PRECISION = 0.90


def quotes_of(text: str) -> list[str]:
    """Quoted words of a text, in order of position."""
    found = []
    for opening, closing in MARKS:
        pattern = re.escape(opening) + r"([^" + re.escape(opening + closing) + r"\n]{3,400}?)" + re.escape(closing)
        for match in re.finditer(pattern, text):
            inner = match.group(1).strip()
            if len(normalise(inner).split()) >= SETTINGS.corroboration_min_words or (opening == "「" and len(inner) >= 8):
                found.append((match.start(), inner))
    return [inner for _, inner in sorted(found)]


def versions(path: Path) -> dict[str, dict[str, str]]:
    """``{article: {language: text}}`` from the pairs (a suffixed id is a machine translation)."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        for side, article in zip(("1", "2"), row["pair_id"].split("_"), strict=True):
            found[re.sub(r"[a-z]+$", "", article)].setdefault(row[f"lang{side}"], row[f"text{side}"])
    return found


def _same_words(a: str, b: str) -> bool:
    return fuzz.partial_ratio(normalise(a), normalise(b)) >= SETTINGS.corroboration_fuzzy_min_score


def half(article: str) -> str:
    return "tune" if int(hashlib.sha1(article.encode()).hexdigest(), 16) % 2 == 0 else "check"


def cases(path: Path) -> list[dict]:
    """Decisions to score: the quote, the other-language quotes it is compared with, the gold."""
    out = []
    for article, texts in sorted(versions(path).items()):
        languages = sorted(texts)
        for i, first in enumerate(languages):
            for second in languages[i + 1 :]:
                mine, theirs = quotes_of(texts[first]), quotes_of(texts[second])
                if not mine or len(mine) != len(theirs):
                    continue
                for index, quote in enumerate(mine):
                    base = {"article": article, "half": half(article), "pair": f"{first}-{second}",
                            "quote": (first, quote), "language": second}
                    out.append(base | {"kind": "full", "gold": True, "peer": theirs})
                    pieces = clauses(theirs[index])
                    if len(pieces) > 1:
                        out.append(base | {"kind": "excerpt", "gold": True, "peer": [max(pieces[1:], key=len)]})
                    # A quote repeated in the article (lead and body) is no sibling of itself.
                    others = [other for j, other in enumerate(theirs) if j != index
                              and not _same_words(mine[j], quote) and not _same_words(other, theirs[index])]
                    if others:
                        out.append(base | {"kind": "sibling", "gold": False, "peer": others})
                        pieces_of_others = [piece for other in others for piece in clauses(other)[1:]]
                        out.append(base | {"kind": "sibling", "gold": False, "peer": pieces_of_others or others})
    return out


def embeddings(items: list[dict]) -> dict[str, np.ndarray]:
    """The ``passage:`` vector of every piece (whole quote or clause) of every quote, once."""
    texts = sorted({q for case in items for q in [case["quote"][1], *case["peer"]]})
    pieces = sorted({piece for text in texts for piece in clauses(text)})
    return dict(zip(pieces, embed_texts(pieces), strict=True))


def scores(items: list[dict], table: dict[str, np.ndarray], whole_only: bool) -> np.ndarray:
    """Best cosine between each case's quote and its peer quotes, through the matcher's code."""

    def quoted(language: str, text: str) -> Quoted:
        return Quoted("x", language, 0, text, normalise(text))

    best = []
    for case in items:
        mine = [quoted(*case["quote"])]
        peer = [quoted(case["language"], text) for text in case["peer"]]
        embed_quotes(mine + peer, lambda batch: np.vstack([table[t] for t in batch]))
        if whole_only:
            for q in mine + peer:
                q.vector = q.vector[:1] if q.vector is not None else None
        best.append(float(cross_cosines(mine, peer).max()))
    return np.array(best)


def precision_recall(gold: np.ndarray, best: np.ndarray, threshold: float) -> tuple[float, float, int, int]:
    said = best >= threshold
    tp = int((said & gold).sum())
    return tp / max(int(said.sum()), 1), tp / max(int(gold.sum()), 1), int(gold.sum()), int((~gold).sum())


def tuned(gold: np.ndarray, best: np.ndarray) -> float:
    """Highest recall at precision ≥ TARGET_PRECISION on the tune half (ties: the higher threshold)."""
    measured = [(precision_recall(gold, best, t), t) for t in THRESHOLDS]
    ok = [(recall, t) for (precision, recall, _, _), t in measured if precision >= TARGET_PRECISION]
    return max(ok)[1] if ok else float(THRESHOLDS[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", default=str(Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"))
    args = parser.parse_args()
    path = Path(args.eval) / "stories" / "semeval2022-train.jsonl"
    if not path.exists():
        sys.exit(f"not found: {path}")
    items = cases(path)
    gold = np.array([case["gold"] for case in items])
    halves = np.array([case["half"] for case in items])
    kinds = np.array([case["kind"] for case in items])
    articles = {h: len({c["article"] for c in items if c["half"] == h}) for h in ("tune", "check")}
    print(f"{len(items)} decisions, articles tune {articles['tune']} / check {articles['check']};"
          f" pairs {sorted({c['pair'] for c in items})}")
    table = embeddings(items)
    for name, whole in (("clauses", False), ("whole quote", True)):
        best = scores(items, table, whole)
        tune, check = halves == "tune", halves == "check"
        threshold = tuned(gold[tune], best[tune])
        print(f"\n{name}: threshold tuned on the tune half {threshold:.3f} (shipped {SETTINGS.corroboration_clause_min_cosine})")
        print("| half | threshold | subset | P | R | yes | no |")
        print("|---|---|---|---|---|---|---|")
        for label, mask in (("tune", tune), ("check", check)):
            for t in sorted({threshold, SETTINGS.corroboration_clause_min_cosine}):
                for subset, chosen in (("all", mask), ("full", mask & ((kinds == "full") | (kinds == "sibling"))),
                                       ("excerpt", mask & ((kinds == "excerpt") | (kinds == "sibling")))):
                    p, r, yes, no = precision_recall(gold[chosen], best[chosen], t)
                    print(f"| {label} | {t:.3f} | {subset} | {p:.2f} | {r:.2f} | {yes} | {no} |")


if __name__ == "__main__":
    main()
