"""Names the model missed whose head word says their kind: "Aomori Prefecture", "Kessel
University", "FC Dorvan" (``[heads]`` of ``lang/<iso>/entities.toml``, the lists that relabel
the model's own mentions in :func:`newsweave.annotate.entities.find_entities`).

A run of two to four capitalised words that no mention covers, ending with a head of places or
of organisations (or opening with one, "Lake Mérou", "University Kessel"), is a name of that
kind when one of its other words is no common word of the language: "Aomori" is a name, "the
Political Party" of a heading is two words. A leading capitalised stop word ("The", "In" at a
sentence start) is no part of it.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from newsweave import lang
from newsweave.annotate.canonical import Mention, covered
from newsweave.annotate.name_repeats import lowercase_words
from newsweave.annotate.nlp import pipeline
from newsweave.annotate.settings import SETTINGS


@cache
def _head_kinds(language: str) -> dict[tuple[str, str], str]:
    """(head word, "first" | "last") → LOC or ORG, for heads listed for one kind only."""
    table = lang.load(language, "entities").get("heads", {})
    kinds: dict[tuple[str, str], str] = {}
    for end in ("first", "last"):
        places, organisations = set(table.get(f"place_{end}", ())), set(table.get(f"organisation_{end}", ()))
        kinds |= {(word, end): "LOC" for word in places - organisations}
        kinds |= {(word, end): "ORG" for word in organisations - places}
    return kinds


def names_with_heads(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """New mentions for the runs the model missed that a head word names (module's text)."""
    kinds = _head_kinds(language)
    if not kinds:
        return []
    taken = covered(mentions)
    common = lowercase_words(language)
    stop = pipeline(language).Defaults.stop_words
    found: list[Mention] = []
    for run in _capitalised_runs(doc, taken, stop):
        label = kinds.get((run[-1].text, "last")) or kinds.get((run[0].text, "first"))
        if label is None:
            continue
        others = run[:-1] if (run[-1].text, "last") in kinds else run[1:]
        if any(token.text.lower() not in common for token in others):
            found.append(Mention(run.start_char, run.end_char, run.text, label))
    return found


def _capitalised_runs(doc: Doc, taken: set[int], stop: set[str]) -> list[Span]:
    """Maximal runs of 2 to ``name_head_max_words`` capitalised words outside every mention,
    without a leading stop word."""
    runs: list[Span] = []
    index = 0
    while index < len(doc):
        end = index
        while end < len(doc) and _is_capitalised(doc[end]) and doc[end].idx not in taken:
            end += 1
        start = index
        while start < end and doc[start].text.lower() in stop:
            start += 1
        if 2 <= end - start <= SETTINGS.name_head_max_words:
            runs.append(doc[start:end])
        index = max(end, index + 1)
    return runs


def _is_capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper()
