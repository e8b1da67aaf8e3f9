"""Persons told by their age: "Orlan Vesk, 37, was arrested", « Lina, 3 ans et demi, ».

News gives a person's age in apposition right after the name, and nothing else has an age: the
model's "Vesk, 37," tagged as a town or a firm is a person. The age is a number of one to three
digits after a comma, maybe after a word of age ("aged 24", « âgée de 16 ans »), then a unit
where the language writes one (« 3 ans », « 26 mois »: ``age_units`` of ``lang/<iso>/entities.toml``,
where "" is the bare number of English, which a comma must close). Not a number that a list or a
figure goes on with ("Vista, 7, 8", "In Kelmorn, 10, 000 people"): no digit may follow the comma.
The article's other mentions of that name with the same label are the person too (the model tags
the same word alike), but for those after a place preposition ("a shop in Vesk" stays a place);
they stay persons where a big city has the name ("Sydney, 7,": :attr:`Mention.aged`).
A country, a region or a big city at the end of a comma chain of places keeps its label: in "died in
Varnley, Western Cape, South Africa, aged 68" the age is the person's before the chain.
A language without ``age_units`` has no rule.
"""

from __future__ import annotations

import re
from functools import cache

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of
from newsweave.annotate.geo import fold
from newsweave.annotate.given_names import is_big_place
from newsweave.annotate.place_words import place_preposition
from newsweave.annotate.settings import SETTINGS

# The widest apposition read after a name: ", âgée de 104 ans et demi".
AGE_WINDOW = 40


def persons_by_ages(mentions: list[Mention], text: str, language: str) -> None:
    """Relabel PER the names followed by an age in apposition, and their like mentions (module's text)."""
    age = _age_after_name(language)
    if age is None:
        return
    place_ends = {m.end for m in mentions if m.label == "LOC"}
    aged = {(fold(m.text), m.label) for m in mentions
            if m.kind == "name" and m.label != "PER" and alias_of(m.text) is None and age.match(text, m.end, m.end + AGE_WINDOW)
            and not _ends_a_chain_of_places(m, text, place_ends)}
    if not aged:
        return
    before_place = place_preposition(language)
    for mention in mentions:
        if mention.kind == "name" and (fold(mention.text), mention.label) in aged and not (
                before_place is not None and not age.match(text, mention.end, mention.end + AGE_WINDOW)
                and before_place.search(text, max(0, mention.start - SETTINGS.place_noun_window), mention.start)):
            mention.label = "PER"
            mention.aged = True


def _ends_a_chain_of_places(mention: Mention, text: str, place_ends: set[int]) -> bool:
    """Whether a known country, region or big city follows a place and a comma ("Varnley, South Africa"):
    the age after the chain is the person's the sentence named before it."""
    before = text[:mention.start].rstrip()
    if not before.endswith(","):
        return False
    return len(before[:-1].rstrip()) in place_ends and is_big_place(mention.text)


@cache
def _age_after_name(language: str) -> re.Pattern[str] | None:
    """", 37," or ", aged 37," (a bare number a comma closes), « , 3 ans », « , âgée de 16 ans »."""
    table = lang.load(language, "entities")
    units = table.get("age_units", [])
    if not units:
        return None
    words = table.get("age_words", [])
    word = rf"(?:(?:{lang.alternation(words, flexible_spaces=True)})\s+)?" if words else ""
    after = []
    if "" in units:
        after.append(r"\s*,(?!\s*\d)")
    if named := [unit for unit in units if unit]:
        after.append(rf"\s+(?:{lang.alternation(named, flexible_spaces=True)})(?!\w)")
    return re.compile(rf"\s*,\s+{word}\d{{1,3}}(?:{'|'.join(after)})", re.IGNORECASE)
