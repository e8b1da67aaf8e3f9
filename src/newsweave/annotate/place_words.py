"""Labels repaired by the words around a name: what kind of thing a list or a noun says it is.

The English and French models tag unknown villages as persons, organisations or other ("the
town of Velmoré", "three villages, Ardicé, Pelnové and Strované"). Two repairs, from the
``place_nouns`` and ``list_joiners`` of ``lang/<iso>/entities.toml``: a one-word name right after
a noun of places is a place, and a one-word "person" or "other" listed right after a place is a
place too. A word of a full person name of the article (evidence of a person), an alias or a
demonym is left alone.
"""

from __future__ import annotations

import re
from functools import cache

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of
from newsweave.annotate.geo import demonym_country, fold

# How far back from a name its place noun is looked for ("neighbouring villages, " fits).
PLACE_NOUN_WINDOW = 40


def full_name_words(mentions: list[Mention]) -> set[str]:
    """Folded words of the article's person names of several words (evidence of a person)."""
    return {fold(word) for m in mentions if m.kind == "name" and m.label == "PER" and " " in m.text.strip()
            for word in m.text.split()}


def _lone_word(mention: Mention, in_full_names: set[str]) -> bool:
    return (mention.kind == "name" and " " not in mention.text.strip() and fold(mention.text) not in in_full_names
            and alias_of(mention.text) is None and not demonym_country(mention.text))


def places_after_place_nouns(mentions: list[Mention], text: str, language: str, in_full_names: set[str]) -> None:
    """"the town of Velmoré", "three villages, Ardice, …": a one-word name the model called a
    person, organisation or other right after a noun of places is a place (the English model
    gives such villages all three labels)."""
    place_noun = _place_noun(language)
    if place_noun is None:
        return
    for mention in mentions:
        if (mention.label != "LOC" and _lone_word(mention, in_full_names)
                and place_noun.search(text, max(0, mention.start - PLACE_NOUN_WINDOW), mention.start)):
            mention.label = "LOC"


def places_listed_with_places(mentions: list[Mention], text: str, language: str, in_full_names: set[str]) -> None:
    """A lone "person" listed right after a place ("Ardice, Pelno and Strova" once Ardice is
    one) is a place too: lists hold one kind of thing. Only a comma or the language's "and"
    may stand between them."""
    joiners = lang.load(language, "entities").get("list_joiners", [])
    if not joiners:
        return
    joiner = re.compile(r"^\s*(?:,\s*(?:" + "|".join(map(re.escape, joiners)) + r")?|" + "|".join(map(re.escape, joiners)) + r")\s+$|^,\s*$")
    ordered = sorted((m for m in mentions if m.kind == "name"), key=lambda m: m.start)
    for before, mention in zip(ordered, ordered[1:]):
        # Organisations stay: "France, Renault and Peugeot" lists a country and two companies.
        if (mention.label in ("PER", "MISC") and before.label == "LOC" and _lone_word(mention, in_full_names)
                and joiner.match(text[before.end : mention.start])):
            mention.label = "LOC"


@cache
def _place_noun(language: str) -> re.Pattern[str] | None:
    """Nouns of places right before a name ("town of ", "villages, ", "la commune de ")."""
    words = lang.load(language, "entities").get("place_nouns", [])
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:\s+(?:of|de|d'|d’|du|von|van))?\s*[,:]?\s*$", re.IGNORECASE)
