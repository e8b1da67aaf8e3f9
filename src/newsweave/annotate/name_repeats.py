"""Names the article itself vouches for: a name written again in another way is the same name.

Machine translation lower-cases names ("the port of rotterdam", "ilse cardova"), a surname
stands alone once the full name was given ("Cardova thanked voters"), and an honorific says
that what follows is a person ("Mr Verhoeven", tagged a place by the model). Each rule here
takes its evidence from the same article or from the gazetteer, never from the words alone:

* **lower-case repeats**: a person's full name or surname, and a place or organisation the
  article writes capitalised, is that name again when written in lower case elsewhere;
* **lower-case countries**: a country's name in lower case ("netherlands", "pays-bas") is the
  country, in a language whose ``lowercase_not_places`` lists its homographs ("turkey",
  "chad");
* **surname repeats**: a capitalised word that repeats the last word of a person's full name
  is that person, with a capitalised particle of the full name before it ("De Wit" of
  "Marieke de Wit");
* **honorifics**: a name right after an honorific of ``lang/<iso>/entities.toml`` ("Mr",
  "Mme") is a person, whatever label the model gave it, and so is every mention of that
  name and the full names it ends.

A word the language's lemmatizer knows in lower case ("baker", "will") is never taken on its
own: it is a common word more often than a name.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.strings import get_string_id
from spacy.tokens import Doc

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of, covered
from newsweave.annotate.geo import candidates, country_names, fold
from newsweave.annotate.nlp import LINE_BREAK, pipeline
from newsweave.annotate.place_words import place_preposition
from newsweave.annotate.word_sets import calendar_words, folded_stop_words, lowercase_not_places
from newsweave.annotate.settings import SETTINGS


@cache
def lemma_index(language: str) -> dict[str, frozenset[str]]:
    """The lemmatizer's index of dictionary forms by part of speech ("noun", "verb", "adj",
    "adv"; WordNet's for English; empty where the pipeline has none)."""
    nlp = pipeline(language)
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return {}
    table = lookups.get_table("lemma_index")
    # The table is keyed by the hashes of the part-of-speech names.
    names = {get_string_id(name): name for name in ("noun", "verb", "adj", "adv", "propn")}
    return {names.get(key, str(key)): frozenset(table[key]) for key in table}


@cache
def lowercase_words(language: str) -> frozenset[str]:
    """Common words of a language in lower case: every entry of the lemmatizer's index."""
    return frozenset(word for words in lemma_index(language).values() for word in words)


@cache
def not_noun_words(language: str) -> frozenset[str]:
    """Words the lemmatizer knows as verbs, adjectives or adverbs ("nice", "split"). WordNet also
    lists place names as nouns ("rotterdam"), so for a place only these count as common."""
    index = lemma_index(language)
    return frozenset(word for key, words in index.items() if key != "noun" for word in words)


@cache
def _honorifics(language: str) -> frozenset[str]:
    return frozenset(lang.load(language, "entities").get("honorifics", []))


def _is_capitalised_name(text: str) -> bool:
    return any(char.isupper() for char in text) and not text.isupper()


# -- lower-case repeats -------------------------------------------------------------------------


def names_repeated_in_lower_case(text: str, mentions: list[Mention], language: str) -> list[Mention]:
    """Lower-case repeats of the article's capitalised names ("ilse cardova", "cardova",
    "rotterdam" once "Rotterdam" was named). A person's surname counts when the lemmatizer does
    not know it ("baker", "wolf" stay words), and never in a language without one; a one-word place when it is no verb, adjective or
    adverb and no listed homograph ("nice", "bath"); a one-word organisation when the
    lemmatizer does not know it ("apple", "shell" stay words)."""
    common = lowercase_words(language)
    stop_words = folded_stop_words(language)
    phrases: dict[str, str] = {}
    for mention in mentions:
        if mention.kind != "name" or mention.label not in ("PER", "LOC", "ORG") or not _is_capitalised_name(mention.text):
            continue
        if mention.text.lower() not in text and mention.text.split()[-1].lower() not in text:
            continue  # written nowhere in lower case: the common case, checked first
        words = mention.text.split()
        if mention.label == "PER" and len(words) >= 2:
            phrases.setdefault(mention.text.lower(), "PER")
            surname = words[-1].lower()
            # Without a lemmatizer (de, nl) nothing tells a surname from a word ("bakker", "koch").
            if common and len(surname) >= 3 and surname not in common and fold(surname) not in stop_words:
                phrases.setdefault(surname, "PER")
        elif mention.label in ("LOC", "ORG") and _may_repeat_in_lower_case(mention, language):
            phrases.setdefault(mention.text.lower(), mention.label)
    if not phrases:
        return []
    taken = covered(mentions)
    found: list[Mention] = []
    for phrase in sorted(phrases, key=len, reverse=True):
        # not a piece of a web or mail address ("www.wien.gv.at"), where a town is written in lower case
        for match in re.finditer(rf"(?<![\w./@]){re.escape(phrase)}(?![\w-]|\.\w)", text):
            if any(i in taken for i in range(match.start(), match.end())):
                continue
            found.append(Mention(match.start(), match.end(), match.group(), phrases[phrase]))
            taken |= set(range(match.start(), match.end()))
    return found


def _may_repeat_in_lower_case(mention: Mention, language: str) -> bool:
    words = mention.text.lower()
    if len(words) < SETTINGS.name_lowercase_repeat_min_length or alias_of(mention.text) is not None and len(words) < 4:
        return False
    if " " in words:
        return True
    key = fold(words)
    if key in folded_stop_words(language) or key in lowercase_not_places(language):
        return False
    if mention.label == "LOC":
        return words not in not_noun_words(language) and bool(candidates(mention.text))
    return not _is_common(words, language)


def _is_common(word: str, language: str) -> bool:
    """Whether the lemmatizer knows the word or its stem before a plural "-s"/"-es" ("millions"):
    its index holds dictionary forms only."""
    common = lowercase_words(language)
    return word in common or (word.endswith("s") and (word[:-1] in common or (word.endswith("es") and word[:-2] in common)))


# -- lower-case countries ----------------------------------------------------------------------


def lowercase_countries(doc: Doc, language: str, taken: set[int]) -> list[Mention]:
    """Countries written in lower case ("netherlands", "pays-bas", "united states") under their
    name in the article's language, in a language whose entities file lists the country names
    that are words in lower case (``lowercase_not_places``: "turkey", "jersey", "suède")."""
    not_places = lowercase_not_places(language)
    if not not_places:
        return []
    stop_words = folded_stop_words(language)
    found: list[Mention] = []
    index = 0
    while index < len(doc):
        match = None
        # A name starts with no stop word: "the netherlands" is "netherlands". Only a word that
        # starts a country's name is looked at further.
        if doc[index].is_lower and doc[index].is_alpha and fold(doc[index].text) in _country_first_words(language):
            for size in range(min(SETTINGS.name_country_max_words, len(doc) - index), 0, -1):
                span = doc[index : index + size]
                words = span.text
                if (not words.islower() or LINE_BREAK.search(words) or not span[-1].is_alpha
                        or any(i in taken for i in range(span.start_char, span.end_char))):
                    continue
                key = fold(words)
                if key in not_places or key in stop_words or len(key) < 4 or (size == 1 and words in not_noun_words(language)):
                    continue
                if key in _country_names(language):
                    match = Mention(span.start_char, span.end_char, words, "LOC")
                    break
        if match is not None:
            found.append(match)
            index += size
        else:
            index += 1
    return found


@cache
def _country_names(language: str) -> frozenset[str]:
    """The language's own names of countries (CLDR), folded: the gazetteer's alternate names in
    every language hold words ("oven", "toga") that are no country in this one."""
    return frozenset(fold(name) for name in country_names(language))


@cache
def _country_first_words(language: str) -> frozenset[str]:
    stop_words = folded_stop_words(language)
    # French tokens part "pays-bas" at its hyphen.
    return frozenset(word for name in _country_names(language) for word in re.split(r"[\s-]", name)[:1] if word not in stop_words)


# -- surnames and honorifics -------------------------------------------------------------------


def persons_after_honorifics(mentions: list[Mention], text: str, doc: Doc, language: str) -> list[Mention]:
    """A name right after an honorific ("Mr Verhoeven", "Mme Cardova") is a person: a mention the
    model gave another label becomes one, with every mention of that name and every full name it
    ends ("Tomas Verhoeven" tagged a place), and a name the model missed is added (without the
    honorific). The honorific must be followed by one to three capitalised words."""
    honorifics = _honorifics(language)
    if not honorifics:
        return mentions
    common = lowercase_words(language)
    persons: set[str] = set()
    added: list[Mention] = []
    taken = covered(mentions)
    for token in doc:
        if token.text not in honorifics and token.text + "." not in honorifics or token.i + 1 >= len(doc):
            continue
        first = token.i + 1
        if doc[first].text == "." and token.text + "." in honorifics:
            first += 1
        last = first
        while last < len(doc) and last - first < 3 and doc[last].is_title and doc[last].is_alpha:
            last += 1
        if last == first or LINE_BREAK.search(doc[first:last].text) or LINE_BREAK.search(token.whitespace_):
            continue
        span = doc[first:last]
        if last - first == 1 and token.text.lower().rstrip(".") in common and span.text.lower() in common:
            continue  # "Lord Mayor", "Lady Luck": a title that is a word, before a word
        persons.add(fold(span.text))
        if not any(i in taken for i in range(span.start_char, span.end_char)):
            added.append(Mention(span.start_char, span.end_char, span.text, "PER"))
            taken |= set(range(span.start_char, span.end_char))
    if not persons:
        return mentions
    for mention in mentions:
        if mention.kind != "name" or mention.label == "PER" or alias_of(mention.text) is not None:
            continue
        name = fold(_without_honorific(mention.text, honorifics))
        if name in persons or any(name.endswith(" " + person) for person in persons):
            mention.label = "PER"
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


def _without_honorific(name: str, honorifics: frozenset[str]) -> str:
    words = name.split()
    while len(words) > 1 and words[0] in honorifics:
        words = words[1:]
    return " ".join(words)


def surnames_repeated(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """Lone capitalised repeats of the last word of a person's full name ("Cardova thanked
    voters"), which the model missed or gave another label; with a capitalised particle of the
    full name before it ("De Wit" of "Marieke de Wit"). At a sentence's start the word must be
    unknown to the lemmatizer ("Baker said" of "Ann Baker" stays), and a month or weekday name
    never counts."""
    full_names = [m.text.split() for m in mentions if m.kind == "name" and m.label == "PER" and len(m.text.split()) >= 2]
    if not full_names:
        return mentions
    tails: dict[str, list[str]] = {}
    for words in full_names:
        tails.setdefault(fold(words[-1]), words[:-1])
    common = lowercase_words(language)
    by_span = {(m.start, m.end): m for m in mentions}
    taken = covered(mentions)
    added: list[Mention] = []
    for token in doc:
        key = fold(token.text)
        if key not in tails or not token.is_title or len(key) < 3 or key in folded_stop_words(language) or key in calendar_words(language):
            continue
        if token.is_sent_start and token.text.lower() in common:
            continue
        existing = by_span.get((token.idx, token.idx + len(token)))
        if existing is not None:
            if existing.kind == "name" and existing.label in ("LOC", "ORG", "MISC") and alias_of(existing.text) is None:
                _relabel_surname(existing, doc, language)
            continue
        if token.idx in taken:
            continue
        start = _with_particle(doc, token, tails[key])
        if any(i in taken for i in range(start, token.idx)):
            start = token.idx
        added.append(Mention(start, token.idx + len(token), doc.text[start : token.idx + len(token)], "PER"))
        taken |= set(range(start, token.idx + len(token)))
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


def _relabel_surname(mention: Mention, doc: Doc, language: str) -> None:
    """A lone surname tagged a place or an organisation is the person, unless a place
    preposition stands before it ("in Verhoeven" may be a town of the name)."""
    preposition = place_preposition(language)
    window = doc.text[max(0, mention.start - SETTINGS.entity_preposition_window) : mention.start]
    if preposition is not None and preposition.search(window):
        return
    mention.label = "PER"


def _with_particle(doc: Doc, token, before: list[str]) -> int:
    """Start of a surname with the particle(s) the full name writes in lower case before it,
    here capitalised ("De Wit" of "Marieke de Wit"): the full name says they are particles."""
    start = token.idx
    index = token.i - 1
    for word in reversed(before):
        if index < 0 or not word.islower() or doc[index].text.lower() != word or not doc[index].is_title:
            break
        start = doc[index].idx
        index -= 1
    return start


def extend_surnames_with_particles(mentions: list[Mention], doc: Doc) -> None:
    """A lone surname the model found without its capitalised particle ("Wit" of "De Wit a
    déclaré", full name "Marieke de Wit") takes the particle back."""
    full_names = [m.text.split() for m in mentions if m.kind == "name" and m.label == "PER" and len(m.text.split()) >= 3]
    if not full_names:
        return
    tails = {fold(words[-1]): words[:-1] for words in full_names}
    taken = covered(mentions)
    for mention in mentions:
        if mention.kind != "name" or mention.label != "PER" or " " in mention.text or fold(mention.text) not in tails:
            continue
        span = doc.char_span(mention.start, mention.end)
        if span is None or len(span) != 1:
            continue
        start = _with_particle(doc, span[0], tails[fold(mention.text)])
        if start < mention.start and not any(i in taken for i in range(start, mention.start)):
            mention.text = doc.text[start : mention.end]
            mention.start = start
