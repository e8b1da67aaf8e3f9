"""Places the model took for people: "moved to Kelvarno", "Ostry Brod and Dalmerin" tagged PER.

The small English model (and the French one) tags many towns it has not seen as persons, in
lists of villages and after a preposition the place rules do not read as a place's ("from",
"to", "at"). A person's name leaves traces that a town's does not, so a "person" is a place
when the gazetteer knows the whole name as a place and the article shows no trace of a person:

* no word of it is a given name of Faker's locales (common words and big places included:
  "Caroline", "Lawrence"), a last name of them ("Morton", "Hastings": towns named after
  families) or a month or weekday ("Jun"); a name of one word is no common word ("Herald");
* it is no word of a full person name of the article ("Dalmerin" after "Ilse Dalmerin"), no
  alias of the entity files, and no honorific stands before it ("Mr Dalmerin");
* it is nowhere the subject of a verb ("Dalmerin said") — the surname of someone the article
  names once;
* no person the model found stands beside it in a list ("Haydn, Chopin, Liszt, Debussy": a
  village bears the last name);
* every word is capitalised except name particles ("Galda de Jos"), and it holds no digit;
  the gazetteer's place is a division or a town with a known population.

French and English share the rule: the given and last names are those of every locale.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of
from newsweave.annotate.geo import candidates, fold
from newsweave.annotate.given_names import all_given_names, name_particles, surnames
from newsweave.annotate.name_repeats import lowercase_words
from newsweave.annotate.word_sets import calendar_words, is_list_gap

NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*")


def places_taken_for_people(mentions: list[Mention], text: str, doc: Doc, language: str) -> None:
    """Relabel LOC the person mentions that the gazetteer knows and the article does not show
    to be people (module's text)."""
    people = [m for m in mentions if m.kind == "name" and m.label == "PER"]
    if not people:
        return
    suspects = [m for m in people if _no_trace_of_a_person(m, mentions, text, doc, language)]
    # A list of people ("Haydn, Chopin and Ravel") keeps its members: one bearing a village's
    # name is no place while the members beside it stay persons.
    kept = [m for m in people if m not in suspects]
    for mention in suspects:
        if not any(_listed_together(text, mention, other, language) for other in kept):
            mention.label = "LOC"


def _no_trace_of_a_person(mention: Mention, mentions: list[Mention], text: str, doc: Doc, language: str) -> bool:
    words = mention.text.split()
    if not _shaped_like_place(words) or alias_of(mention.text) is not None:
        return False
    given = all_given_names()
    last_names = surnames()
    not_names = calendar_words(language)
    if any(word in given or word in last_names or word.lower() in not_names for word in words):
        return False
    if len(words) == 1 and mention.text.lower() in lowercase_words(language):
        return False  # "the Herald": a word first, then a village somewhere
    folded = fold(mention.text)
    people = [m for m in mentions if m.kind == "name" and m.label == "PER"]
    if len(words) == 1 and any(folded in {fold(word) for word in m.text.split()} for m in people if " " in m.text.strip()):
        return False
    if any(fold(m.text) == folded and (is_subject(doc, m) or after_honorific(text, m, language)) for m in people):
        return False
    return any(entry.place.kind != "city" or entry.place.population > 0 for entry in candidates(mention.text))


def after_honorific(text: str, mention: Mention, language: str) -> bool:
    honorifics = {word.lower().rstrip(".") for word in lang.load(language, "entities").get("honorifics", [])}
    before = text[max(0, mention.start - 12):mention.start].split()
    return bool(before) and before[-1].lower().rstrip(".") in honorifics


def _listed_together(text: str, first: Mention, second: Mention, language: str) -> bool:
    left, right = (first, second) if first.start < second.start else (second, first)
    return left.end <= right.start and is_list_gap(text[left.end:right.start], language)


def _shaped_like_place(words: list[str]) -> bool:
    """Capitalised words, name particles allowed inside, no digits or initials."""
    if not words or not words[0][:1].isupper():
        return False
    joining = name_particles()
    return all(NAME_WORD.fullmatch(word) and "." not in word and (word[:1].isupper() or word in joining)
               for word in words)


def is_subject(doc: Doc, mention: Mention) -> bool:
    """Whether a word of the mention is the subject of a verb."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(token.dep_.startswith("nsubj") for token in span)
