"""Toponym recall: places the NER model mislabels or misses, recovered from the article's own evidence.

Three kinds of evidence, each tied to the gazetteer:

* **a place preposition** ("in", "near", "à", "près de", from ``place_prepositions`` in ``lang/<iso>/entities.toml``,
  optionally followed by the language's article: "in the Netherlands") right before a name the
  gazetteer knows: an uncovered name becomes a place, a name the model called an organisation
  or a person becomes one ("in Castelo Branco" tagged PER);
* **a dateline**: a known place in capitals that opens a line or follows a sentence's end,
  then a comma, a bracket or a dash ("CARCASSONNE, March 3 (AP) —", "… in the lake. LIMOUX --");
* **lower-cased names** of machine-translated text ("to rotterdam"): taken only after a place
  preposition or where the article also confirms the name as a place, then every lower-case
  occurrence of it.

A name that is a common word of the language ("in March", "in May") must be a big place or a
country to count, and a name that is part of a person's full name in
the article is left to the person.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from newsweave import lang
from newsweave.annotate.canonical import Mention
from newsweave.annotate.geo import candidates, fold
from newsweave.annotate.nlp import LINE_BREAK, LINE_BREAK_CHARS
from newsweave.annotate.settings import SETTINGS

# A dateline: a name in capitals opening a line or following a sentence's end (scraped pages
# run the headline and the dateline together: "… second rebuff. COLUMBIA --- South Carolina"),
# then ", ", " (" or a dash.
DATELINE = re.compile(
    rf"(?:^|(?<=[{LINE_BREAK_CHARS}])|(?<=[.!?] ))[ \t]*"
    r"([A-ZÀ-Ý][A-ZÀ-Ý'’.-]*(?:[ -][A-ZÀ-Ý][A-ZÀ-Ý'’.-]*){0,3})"
    r"(?=[ \t]*(?:,|\(|-{1,3}[ \t]|[–—][ \t]))"
)
PERSON_PLACE_KINDS = ("country", "continent", "region", "admin1")
ORGANISATION_PLACE_KINDS = ("country", "continent", "region")
TOKEN_WORD = re.compile(r"\w", re.UNICODE)


def recover_toponyms(mentions: list[Mention], text: str, doc: Doc, language: str) -> list[Mention]:
    """The mentions with mislabelled places relabelled and missed places added (see module doc)."""
    preposition = _preposition_pattern(language)
    person_words = {fold(word) for m in mentions if m.kind == "name" and m.label == "PER" and " " in m.text.strip()
                    for word in m.text.split()}
    _relabel_place_names(mentions)
    by_span = {(m.start, m.end): m for m in mentions}
    taken = _covered(mentions)
    added: list[Mention] = []
    lower_places: set[str] = set()
    for start, end in _dateline_names(text):
        _take(start, end, text, by_span, taken, added, person_words, language, dateline=True)
    if preposition is not None:
        for token in doc:
            if not TOKEN_WORD.match(token.text) or not preposition.search(text, max(0, token.idx - SETTINGS.toponym_preposition_window),
                                                                          token.idx):
                continue
            for size in range(min(SETTINGS.toponym_max_words, len(doc) - token.i), 0, -1):
                span = doc[token.i : token.i + size]
                if LINE_BREAK.search(span.text) or not span[-1].text[:1].isalnum():
                    continue
                if _take(span.start_char, span.end_char, text, by_span, taken, added, person_words, language):
                    if span.text.islower():
                        lower_places.add(fold(span.text))
                    break
    if lower_places:
        _take_lowercase_repeats(doc, lower_places, taken, added)
        for mention in mentions:
            if mention.kind == "name" and mention.text.islower() and fold(mention.text) in lower_places:
                mention.label = "LOC"
    return mentions + added


def _relabel_place_names(mentions: list[Mention]) -> None:
    """A "person" whose whole name is a country, a division, a sea or a big city ("Tamil Nadu"
    PER), and an "organisation" whose whole name is a country or a region ("Pakistan" ORG, the
    state for its place), are that place, unless the name belongs to a person's full name in
    the article ("Victoria" beside "Victoria Ashdown") or to a known organisation."""
    from newsweave.annotate.canonical import alias_of

    full_names = {fold(m.text) for m in mentions if m.kind == "name" and m.label == "PER" and " " in m.text.strip()}
    for mention in mentions:
        if mention.kind != "name" or mention.label not in ("PER", "ORG") or alias_of(mention.name):
            continue
        others = {word for name in full_names - {fold(mention.text)} for word in name.split()}
        if mention.label == "PER" and any(fold(word) in others for word in mention.text.split()):
            continue
        kinds = PERSON_PLACE_KINDS if mention.label == "PER" else ORGANISATION_PLACE_KINDS
        for entry in candidates(mention.name):
            place = entry.place
            if entry.main_name and (place.kind in kinds or mention.label == "PER" and place.kind == "city"
                                    and place.population >= SETTINGS.toponym_big_place_population):
                mention.label = "LOC"
                break


def _take(start: int, end: int, text: str, by_span: dict, taken: set[int], added: list[Mention],
          person_words: set[str], language: str, dateline: bool = False) -> bool:
    """Make ``text[start:end]`` a place if the evidence holds; True when it is one now."""
    words = text[start:end]
    existing = by_span.get((start, end))
    if existing is not None and existing.label == "LOC":
        return True
    if existing is None and any(index in taken for index in range(start, end)):
        return False
    if existing is not None and existing.kind != "name":
        return False
    if not _is_place_name(words, language, dateline) or fold(words) in person_words:
        return False
    if existing is not None:
        existing.label = "LOC"
        return True
    mention = Mention(start, end, words, "LOC")
    added.append(mention)
    by_span[(start, end)] = mention
    taken.update(range(start, end))
    return True


def _is_place_name(words: str, language: str, dateline: bool) -> bool:
    """Whether the gazetteer knows ``words`` as a place big enough for the way it is written."""
    lower = words.islower()
    capitalised = all(word[:1].isupper() or word.islower() and len(word) <= 3 for word in words.split())
    if not (lower or capitalised):
        return False
    key = fold(words)
    if lower and (key in _common_words(language) or len(key) < SETTINGS.toponym_min_lowercase_length):
        return False
    common = lower or (" " not in words and not words.isupper() and key in _common_words(language))
    if dateline:
        # Capitals hide whether the word is common ("MARCH"): a dateline's name must be a
        # known town of some size all the same.
        common = False
    minimum = SETTINGS.toponym_big_place_population if common else SETTINGS.toponym_min_town_population
    # Lower-case, a division's name is too often a word ("the middle", a region of Ghana is
    # "Central"): only countries, seas and regions, and big cities count.
    kinds = ("country", "continent", "region") if lower else ("country", "continent", "region", "admin1")
    for entry in candidates(words):
        place = entry.place
        if place.kind in kinds or place.kind == "city" and place.population >= minimum:
            return True
    return False


def _take_lowercase_repeats(doc: Doc, places: set[str], taken: set[int], added: list[Mention]) -> None:
    """Every other lower-case occurrence of a lower-case name taken as a place ("rotterdam")."""
    for token in doc:
        if token.is_lower and fold(token.text) in places and token.idx not in taken:
            mention = Mention(token.idx, token.idx + len(token.text), token.text, "LOC")
            added.append(mention)
            taken.update(range(mention.start, mention.end))


def _dateline_names(text: str) -> list[tuple[int, int]]:
    found = []
    for match in DATELINE.finditer(text):
        name = match.group(1).rstrip(" .-")
        if len(name) >= 3 and any(char.isalpha() for char in name):
            found.append((match.start(1), match.start(1) + len(name)))
    return found


def _covered(mentions: list[Mention]) -> set[int]:
    return {index for mention in mentions for index in range(mention.start, mention.end)}


@cache
def _preposition_pattern(language: str) -> re.Pattern[str] | None:
    """A place preposition, then optionally the language's article, right before a name."""
    words = lang.load(language, "entities").get("place_prepositions", [])
    if not words:
        return None
    alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))
    articles = lang.load(language, "entities").get("articles", [])
    article = "|".join(re.escape(word.strip()) + (r"\s+" if word.endswith(" ") else "")
                       for word in sorted(articles, key=len, reverse=True))
    optional_article = f"(?:(?:{article}))?" if article else ""
    return re.compile(rf"(?<!\w)(?:{alternatives})[ \t\xa0]+{optional_article}$", re.IGNORECASE)


@cache
def _lowercase_not_places(language: str) -> frozenset[str]:
    return frozenset(fold(word) for word in lang.load(language, "entities").get("lowercase_not_places", []))


@cache
def _common_words(language: str) -> frozenset[str]:
    """Capitalised words that are not places for this rule: the language's words that are not
    places in lower case, its month and weekday names (CLDR, via babel: "in March", "in May")
    and its stop words. (The lemmatizer's word index would not do: WordNet lists "rotterdam".)"""
    from babel import Locale

    from newsweave.annotate.nlp import pipeline

    words = set(_lowercase_not_places(language))
    try:
        locale = Locale(language)
        for table in (locale.months, locale.days):
            for context in table.values():
                for names in context.values():
                    words.update(fold(name) for name in names.values())
    except (ValueError, TypeError):
        pass
    words.update(fold(word) for word in pipeline(language).Defaults.stop_words)
    return frozenset(words)
