"""Whether the words after a preposition that opens a source only for people name someone.

French « Pour la maire, le projet est mort » and English "For Ada Quill, the plan is dead" give
a source; « Pour l'heure, … », "For now, …", "For the first time, …" do not. A language lists such
prepositions as ``person_source_prepositions`` in ``lang/<iso>/quotes.toml``; the source they open
counts only when it names a person or a body, read from what the article already knows:

* a pronoun of a person standing alone ("pour lui", "for them");
* a noun of a person or a body heading the phrase, its last lower-case word before any
  complement ("la maire de …", "South Carolina voters", "le syndicat"; not "the general election"):
  the language's speaker titles and roles (``titles``, ``description_roles`` in
  ``quotes.toml``, with ``source_nouns``) and organisation nouns and titled roles (``organisation_nouns``, ``[titles]``
  in ``entities.toml``), singular or plural;
* a capitalised name that is a person or an organisation in the article's entities (label PER or
  ORG); an article without entities (a stage run alone) takes any capitalised word that is no
  sentence opener or day (``not_names``), as the other speaker rules do.

No list of time words: what is not a person or a body is no source, whatever it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsweave import lang
from newsweave.lang import rule_alternation

# entity labels of a person or a body, which can hold a view
SOURCE_LABELS = frozenset({"PER", "PERSON", "ORG"})

# spans of the article's person and organisation entities; None when the article has no entities
Bodies = tuple[tuple[int, int], ...] | None


@dataclass(frozen=True)
class PersonSources:
    cues: frozenset[str]  # the prepositions, lower case
    pronouns: frozenset[str]  # a person's pronouns, lower case
    nouns: re.Pattern[str]  # a person's or body's noun, singular or plural
    complement: re.Pattern[str]  # what ends the head of the phrase ("of", "de", "who")
    capitalised: re.Pattern[str]  # a capitalised word that may be a name
    not_names: frozenset[str]


def person_sources(data: dict[str, Any], language: str, upper: str) -> PersonSources | None:
    """The test for one language, from its ``quotes.toml`` table (``data``) and its entities file."""
    cues = data.get("person_source_prepositions", [])
    if not cues:
        return None
    entities = lang.load(language, "entities")
    titles = entities.get("titles", {})
    nouns = (data.get("titles", []) + data.get("description_roles", []) + data.get("source_nouns", [])
             + entities.get("organisation_nouns", [])
             + list(titles.get("roles", {})) + list(titles.get("bare_roles", {})))
    # a noun may end a hyphenated word ("vice-président") or follow an elided determiner ("l'avocate")
    noun = re.compile(rf"(?:\w+['’]|[\w-]+-)?(?:{rule_alternation(n.lower() for n in nouns)})(?:s|x|es)?", re.I)
    ends = entities.get("noun_complement_words", []) + data.get("description_relatives", [])
    complement = re.compile(rf"\s(?:{rule_alternation(ends)})(?:\s|(?<=['’]))", re.I)
    return PersonSources(frozenset(c.lower() for c in cues), frozenset(p.lower() for p in data.get("pronouns", [])),
                         noun, complement, re.compile(rf"(?<!\w)[{upper}][\w'’.-]*"),
                         frozenset(data.get("not_names", []) + [d.capitalize() for d in data.get("determiners", [])]))


def names_someone(text: str, start: int, end: int, person: PersonSources, bodies: Bodies) -> bool:
    """The source ``text[start:end]`` names a person or a body (see the module docstring)."""
    phrase = text[start:end]
    if phrase.strip().lower() in person.pronouns:
        return True
    cut = person.complement.search(phrase)
    head = phrase[:cut.start()] if cut else phrase
    lower = [w for w in re.findall(r"[\w'’-]+", head) if w[:1].islower()]
    if lower and person.nouns.fullmatch(lower[-1]):
        return True
    for word in person.capitalised.finditer(head):
        # (the shared capital range also holds lower-case letters: "œuvres" is no name)
        if not word.group()[0].isupper() or word.group().rstrip(".") in person.not_names:
            continue
        at, stop = start + word.start(), start + word.end()
        if bodies is None or any(s < stop and at < e for s, e in bodies):
            return True
    return False
