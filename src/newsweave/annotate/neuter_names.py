"""Firms named like persons, told by the pronoun the article gives them: "Brimq is throwing its
weight behind …", "Tovix calls itself …".

A firm without a legal suffix anywhere in the article ("Strava", "Brimq") reads to the model as a
person. The article says otherwise when the name is the subject of a clause whose object is a
pronoun that stands only for things (``neuter_reflexives`` of ``lang/<iso>/entities.toml``:
"itself") or holds one as its possessive (``neuter_possessives``: "its weight", "at its annual
event", "is trying to bolster its …"): a person's clause says "his" or "her". Every mention of that
name that the model called a person or other is then the organisation; the model's persons and
organisations are evidence, not its others (products and works are things too: "the V8 making its
way"). Only the clause's own objects count: a pronoun deeper
in the sentence may stand for another noun ("… a planet choking on its own fumes"). Not a name
that opens with any locale's given name ("Ed", "Paul": a misparsed headline gives a person "its"),
a word of a person's full name in the article, a title of common words ("Catching Fire"), nor
one written after an honorific. A language without the lists (French "son", "sa" stand for persons
too) has no rule.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from newsweave import lang
from newsweave.annotate.canonical import Mention
from newsweave.annotate.geo import fold
from newsweave.annotate.given_names import GivenNames, all_given_names, given_names
from newsweave.annotate.name_repeats import lowercase_words
from newsweave.annotate.person_places import after_honorific

# Dependencies of a clause's objects: direct and indirect objects, predicates, and the objects of
# its prepositions ("at its annual event").
OBJECTS = frozenset({"dobj", "obj", "iobj", "dative", "attr", "oprd"})
PREPOSITIONS = frozenset({"prep"})


def organisations_by_neuter_pronouns(mentions: list[Mention], text: str, doc: Doc, language: str) -> None:
    """Relabel ORG the persons and others that the article refers to with a neuter pronoun (module's text)."""
    possessives, reflexives = _neuter_words(language)
    if not (possessives or reflexives):
        return
    common = lowercase_words(language)
    persons = _full_name_words(mentions, given_names(language), common)
    # Any locale's given name, common words included ("Ed", "Paul"), opens no firm's name here.
    given = all_given_names()
    named = [m for m in mentions if m.kind == "name" and m.label in ("PER", "MISC", "ORG") and _may_be_a_firm(m.text, given, common, persons)]
    # Products and works are things too ("the V8 making its way"): only the model's persons and
    # organisations are evidence.
    shown = {fold(m.text) for m in named if m.label != "MISC" and _refers_to_itself(doc, m, possessives, reflexives)}
    shown -= {fold(m.text) for m in mentions if after_honorific(text, m, language)}
    for mention in named:
        if fold(mention.text) in shown:
            mention.label = "ORG"


def _may_be_a_firm(name: str, given: frozenset[str], common: frozenset[str], persons: set[str]) -> bool:
    """Not a given name first, not a word of a person's full name, not a title of common words
    ("Catching Fire", a film)."""
    words = name.split()
    return (words[0] not in given and not any(fold(word) in persons for word in words)
            and not (len(words) > 1 and all(word.lower() in common for word in words)))


def _full_name_words(mentions: list[Mention], given: GivenNames, common: frozenset[str]) -> set[str]:
    """Folded words of the article's persons named in full, whose first word is a given name or
    no common word ("Orlan Vesk"): evidence of a person, which a firm's event read as a person
    ("Camp Brimq") does not give."""
    return {fold(word) for m in mentions if m.kind == "name" and m.label == "PER" and len(words := m.text.split()) > 1
            and (words[0] in given or words[0].lower() not in common) for word in words}


def _refers_to_itself(doc: Doc, mention: Mention, possessives: frozenset[str], reflexives: frozenset[str]) -> bool:
    """Whether the mention is the subject of a clause with a neuter pronoun among its objects."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not span.root.dep_.startswith("nsubj"):
        return False
    return any(_neuter(item, possessives, reflexives) for verb in _verbs_of_subject(span.root.head) for item in _objects(verb))


def _verbs_of_subject(verb: Token) -> list[Token]:
    """The verb and the verbs whose subject it controls ("is trying to bolster its …"): its open
    complements, and theirs."""
    verbs = [verb]
    for item in verbs:
        verbs += [child for child in item.children if child.dep_ == "xcomp"]
    return verbs


def _objects(verb: Token) -> list[Token]:
    found = []
    for child in verb.children:
        if child.dep_ in OBJECTS:
            found.append(child)
        elif child.dep_ in PREPOSITIONS:
            found += [item for item in child.children if item.dep_ == "pobj"]
    return found


def _neuter(item: Token, possessives: frozenset[str], reflexives: frozenset[str]) -> bool:
    return item.lower_ in reflexives or any(child.dep_ == "poss" and child.lower_ in possessives for child in item.children)


@cache
def _neuter_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    data = lang.load(language, "entities")
    return (frozenset(word.lower() for word in data.get("neuter_possessives", [])),
            frozenset(word.lower() for word in data.get("neuter_reflexives", [])))
