"""Places the model took for people: "moved to Kelvarno", "Ostry Brod and Dalmerin" tagged PER.

The small English model (and the French one) tags many towns it has not seen as persons, in
lists of villages and after a preposition the place rules do not read as a place's ("from",
"to", "at"). A person's name leaves traces that a town's does not, so a "person" is a place
when the gazetteer knows the whole name as a place and the article shows no trace of a person:

* no word of it is a given name (Faker's, big places included: "Lawrence", "Victoria") nor a
  last name of Faker's locales ("Morton", "Hastings": towns named after families);
* it is no word of a full person name of the article ("Dalmerin" after "Ilse Dalmerin"), no
  alias of the entity files, and no honorific stands before it ("Mr Dalmerin");
* it is nowhere the subject of a verb ("Dalmerin said") — the surname of someone the article
  names once;
* every word is capitalised except name particles ("Galda de Jos"), and it holds no digit.

French and English share the rule: the given and last names are those of every locale.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of
from newsweave.annotate.geo import candidates, fold
from newsweave.annotate.given_names import given_names, surnames
from newsweave.annotate.name_lists import particles

NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*")


def places_taken_for_people(mentions: list[Mention], text: str, doc: Doc, language: str) -> None:
    """Relabel LOC the person mentions that the gazetteer knows and the article does not show
    to be people (module's text)."""
    people = [m for m in mentions if m.kind == "name" and m.label == "PER"]
    if not people:
        return
    given = given_names(language)
    last_names = surnames()
    in_full_names = {fold(word) for m in people if len(m.text.split()) > 1 for word in m.text.split()}
    honorifics = {word.lower().rstrip(".") for word in lang.load(language, "entities").get("honorifics", [])}
    subjects = {fold(m.text) for m in people if is_subject(doc, m)}
    for mention in people:
        words = mention.text.split()
        if not _shaped_like_place(words) or fold(mention.text) in subjects:
            continue
        if any(given.listed(word) or word in last_names for word in words):
            continue
        if len(words) == 1 and fold(mention.text) in in_full_names:
            continue
        before = text[max(0, mention.start - 12):mention.start].split()
        if before and before[-1].lower().rstrip(".") in honorifics:
            continue
        if alias_of(mention.text) is None and candidates(mention.text):
            mention.label = "LOC"


def _shaped_like_place(words: list[str]) -> bool:
    """Capitalised words, name particles allowed inside, no digits or initials."""
    if not words or not words[0][:1].isupper():
        return False
    joining = particles()
    return all(NAME_WORD.fullmatch(word) and "." not in word and (word[:1].isupper() or word in joining)
               for word in words)


def is_subject(doc: Doc, mention: Mention) -> bool:
    """Whether a word of the mention is the subject of a verb."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(token.dep_.startswith("nsubj") for token in span)
