"""Persons told by their given name: "Kenyon Cox" tagged ORG, "Suzy Kolber" cut to "Kolber",
"Darrell Waltrip" missed — a run of capitalised words that opens with a given name is a person.

The given names are the first names of Faker's person providers (every locale it ships, about
31,000 names in Latin, Cyrillic, Greek and other scripts), read once per process. A given name
counts only when it cannot be read another way in the article's language: not a common word
of the lemmatizer ("Will", "Grace", "Major"), not a stop word, not a particle or honorific
("Del", "Von", "Marquis"), not a month or weekday ("April", "June"); a name the lemmatizer knows only as a noun counts when several
locales list it (WordNet holds "paul" and "arthur" for their famous bearers; "King" stays out), and not a country, a
division or a town of 100,000 people ("Paris", "Georgia", "Victoria"); a village of that name
somewhere is no veto. Three repairs follow, in languages with a NER model:

* **relabel**: an organisation or place of two or three capitalised words that opens with a
  given name (here a big place's name too, "Paul", and a hyphenated pair, "Paul-Henri") is a person, unless a later word is a head word of ``[heads]`` ("Suzy Kolber
  University") or a common word ("Marco Polo Airport", "Jenna Street"), or the whole is a known
  place or alias;
* **extend**: a person the model found without the given names just before it ("Suzy" +
  "Kolber", "María" + "Fernanda Espinosa") takes them, up to four words in all;
* **add**: a run the model missed, a given name and one or two capitalised words that are no
  common word, with nothing capitalised after it, is a person ("… against Darrell Waltrip");
* **part**: two persons listed without a comma, which the model ran together ("Jakob Hlasek
  Anders" + "Järryd"), are parted at the second given name.

The relabel takes back the model's works and products (MISC) too: it reads some persons as them.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter
from functools import cache

from spacy.tokens import Doc, Token

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of, covered
from newsweave.annotate.geo import candidates, fold
from newsweave.annotate.name_repeats import lowercase_words, not_noun_words
from newsweave.annotate.nlp import pipeline
from newsweave.annotate.place_words import place_preposition
from newsweave.annotate.settings import SETTINGS
from newsweave.annotate.word_sets import calendar_words, is_list_gap, stop_words, street_words

# A word of a name: capitalised, letters with inner hyphens or apostrophes ("Paul-Henri", "O'Neil").
NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
# A middle initial of a person's name ("D.").
INITIAL = re.compile(r"[A-Z]\.")
# The labels a given name and its surname may be taken back from: the model reads some persons
# as works or products ("Takuma Sato" PRODUCT), places or organisations.
NOT_PERSONS = ("LOC", "ORG", "MISC")
# Marks that enclose a title when they stand right around a name ("''Lena Parks''", « … »).
QUOTE_MARKS = frozenset("\"'“”‘’«»„`")
INSIDE_QUOTE_SPACES = " \u00a0\u202f"
NAME_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
SURNAME_ATTRIBUTES = ("last_names", "last_names_male", "last_names_female")


def _faker_names(attributes: tuple[str, ...]) -> dict[str, int]:
    """The names listed under ``attributes`` by every locale of Faker's person providers, each
    with the number of locales that list it (empty when Faker is absent)."""
    try:
        providers = importlib.import_module("faker.providers.person")
    except ImportError:
        return {}
    locales: Counter[str] = Counter()
    for module_info in pkgutil.iter_modules(providers.__path__):
        provider = getattr(importlib.import_module(f"{providers.__name__}.{module_info.name}"), "Provider", None)
        names: set[str] = set()
        for attribute in attributes:
            value = getattr(provider, attribute, None)
            if isinstance(value, (list, tuple, dict)):
                names.update(name for name in value if isinstance(name, str))
        locales.update(names)
    return dict(locales)


@cache
def _all_given_names() -> dict[str, int]:
    """First names of every locale of Faker's person providers, each with the number of
    locales that list it (empty when Faker is absent)."""
    return _faker_names(NAME_ATTRIBUTES)


@cache
def all_given_names() -> frozenset[str]:
    """Every first name of Faker's locales, common words and places included ("Caroline",
    "Augusta"): evidence of a person where a word is no evidence of anything else."""
    return frozenset(_all_given_names())


@cache
def _gendered_given_names() -> tuple[dict[str, int], dict[str, int]]:
    return _faker_names(("first_names_male",)), _faker_names(("first_names_female",))


def given_name_gender(name: str) -> str | None:
    """"m" or "f" when the first word of a full name ("Jonas Albrecht", "Jeanne-Marie Roux") is a
    given name that Faker's locales list for one gender only, else None ("Andrea", a name of both
    in different countries, or a single word, which may be a surname)."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].split("-")[0]
    male, female = _gendered_given_names()
    if first in male and first not in female:
        return "m"
    if first in female and first not in male:
        return "f"
    return None


@cache
def surnames() -> frozenset[str]:
    """Last names of every locale of Faker's person providers (empty when Faker is absent): a
    word that is one is evidence of a person, though a town somewhere bears it ("Morton")."""
    return frozenset(_faker_names(SURNAME_ATTRIBUTES))


@cache
def _given_names(language: str) -> frozenset[str]:
    """The given names that are no common word or stop word of ``language``; places are
    checked word by word when met (:class:`GivenNames`: the gazetteer for 25,000 names
    would take seconds at every start)."""
    common = lowercase_words(language)
    not_nouns = not_noun_words(language)
    opening_none = _words_opening_no_name(language)
    return frozenset(name for name, locales in _all_given_names().items()
                     if len(name) >= SETTINGS.given_name_min_length and name[:1].isupper() and not name.isupper()
                     and NAME_WORD.fullmatch(name) and name.lower() not in opening_none
                     and (name.lower() not in common or (
                         locales >= SETTINGS.given_name_noun_min_locales and name.lower() not in not_nouns)))


def given_names_repeated(mentions: list[Mention], text: str, language: str) -> None:
    """A lone given name of a person the article names in full, which the model called an
    organisation, a work or a place ("Bettie" of "Bettie Page", "Alfie" of "Alfie Evans"), is the
    person, as a lone surname is (:func:`newsweave.annotate.name_repeats.surnames_repeated`). The
    word must be a given name that no other reading takes (:class:`GivenNames`: no common word, no
    big place), the organisation no known alias; a place keeps its label when the gazetteer knows a
    town of the name, however small ("communities like Jasper" of a lodge the model called "Jasper
    Park Lodge"), or after a place preposition."""
    given = given_names(language)
    if not given:
        return
    firsts = {words[0] for words in (m.text.split() for m in mentions if m.kind == "name" and m.label == "PER")
              if len(words) >= 2 and words[0] in given}
    preposition = place_preposition(language)
    for mention in mentions:
        if mention.kind != "name" or mention.label not in NOT_PERSONS or mention.text not in firsts:
            continue
        if alias_of(mention.text) is not None:
            continue
        window = text[max(0, mention.start - SETTINGS.entity_preposition_window) : mention.start]
        if mention.label == "LOC" and (candidates(mention.text) or preposition is not None and preposition.search(window)):
            continue
        mention.label = "PER"


@cache
def _words_opening_no_name(language: str) -> frozenset[str]:
    """Words, compared in lower case, that some locale gives as first names but that open no
    person's name in ``language``: its stop words; particles and honorifics ("Del", "Von", "Ibn",
    "Marquis"), which inside a name join a surname or stand before one; its calendar words ("in
    April Jenkins …": a month); and the nouns of a language without a lemmatizer listed as
    ``not_given_names`` (German "Tod", "Lage")."""
    entities = lang.load(language, "entities")
    words = set(stop_words(language))
    words |= {word.lower() for word in name_particles()}
    words |= {word.lower().rstrip(".") for word in entities.get("honorifics", [])}
    words |= calendar_words(language)
    words |= {word.lower() for word in entities.get("not_given_names", [])}
    return frozenset(words)


class GivenNames:
    """``word in GivenNames(language)``: a given name that cannot be read another way in the
    language (see the module's text)."""

    def __init__(self, language: str) -> None:
        self.names = _given_names(language)

    def __bool__(self) -> bool:
        return bool(self.names)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.listed(word) and not is_big_place(word)

    def listed(self, word: str) -> bool:
        """A given name, big places included ("Paul", "Victoria"), or a hyphenated pair of them
        ("Paul-Henri", "Marie-Laure")."""
        if word in self.names:
            return True
        parts = word.split("-")
        return len(parts) == 2 and all(part in self.names for part in parts)


@cache
def _weak_given_names(language: str) -> frozenset[str]:
    """Given names that the lemmatizer knows only as nouns, listed by fewer locales than
    ``given_name_noun_min_locales`` ("Rod"), and no stop word, particle, honorific or month: like
    a given name that is a big place ("Magdalena"), a person only with a last name after it."""
    if not lowercase_words(language):
        return frozenset()
    strong = _given_names(language)
    not_nouns = not_noun_words(language)
    opening_none = _words_opening_no_name(language)
    return frozenset(name for name, locales in _all_given_names().items()
                     if name not in strong
                     and len(name) >= SETTINGS.given_name_min_length and name[:1].isupper() and not name.isupper()
                     and NAME_WORD.fullmatch(name) and name.lower() not in opening_none
                     and name.lower() not in not_nouns)


def given_names(language: str) -> GivenNames:
    return GivenNames(language)


@cache
def is_big_place(name: str) -> bool:
    """Whether the gazetteer knows the name as a country, a division or a town of
    ``entity_fallback_min_population``: small towns share their names with people too often
    ("Kenyon", "Ashok" are villages somewhere)."""
    return any(entry.place.kind != "city" or entry.place.population >= SETTINGS.entity_fallback_min_population
               for entry in candidates(name))


@cache
def name_particles() -> frozenset[str]:
    """The lower-case particles that stand inside a person's name between capitalised words, in
    every language ("de", "van": "Jaap de Hoop Scheffer")."""
    return frozenset(lang.load(lang.BASE, "entities").get("name_particles", []))


@cache
def name_heads(language: str) -> frozenset[str]:
    table = lang.load(language, "entities").get("heads", {})
    return frozenset(word for words in table.values() for word in words)


@cache
def not_surname_words(language: str) -> frozenset[str]:
    """The lemmatizer's common words that are no surname word. WordNet lists many surnames as
    nouns for a famous bearer ("fischer", "davis", "witherspoon"): a last name of Faker's locales
    that the lemmatizer knows only as a noun may be a surname ("Lisa Fischer"); verbs,
    adjectives and adverbs ("Young", "Will") stay common words."""
    not_nouns = not_noun_words(language)
    nouns_only = {name.lower() for name in surnames()} - not_nouns
    return lowercase_words(language) - nouns_only


@cache
def function_words(language: str) -> frozenset[str]:
    """The stop words the lemmatizer does not know, lower-cased: the closed classes (pronouns,
    determiners, conjunctions, prepositions, forms of auxiliaries: "These", "Its", "Whose"),
    which a sentence capitalises right after a name. The stop words that are open-class words
    ("Back", "May") are the lemmatizer's, which :func:`is_surname_word` reads already."""
    return stop_words(language) - lowercase_words(language)


def is_surname_word(word: str, common: frozenset[str], heads: frozenset[str]) -> bool:
    return (NAME_WORD.fullmatch(word) is not None and word[:1].isupper() and not word.isupper()
            and word.lower() not in common and word not in heads)


def persons_by_given_names(mentions: list[Mention], doc: Doc, language: str) -> list[Mention]:
    """Relabel, extend and add persons whose name opens with a given name (module's text)."""
    if "ner" not in pipeline(language).pipe_names:
        return mentions
    given = given_names(language)
    if not given:
        return mentions
    common = lowercase_words(language)
    heads = name_heads(language)
    mentions = _given_name_taken_apart(mentions, doc, given, common, heads)
    shown = _shown_as_no_person(mentions, doc, given, language)
    for mention in mentions:
        _relabel(mention, given, common, heads, street_words(language), shown)
    _extend(mentions, doc, given)
    mentions = _persons_run_together(mentions, doc, given, common, heads)
    # A noun surname ("Fischer") may make a person of words the model left alone, never
    # turn its place or organisation into one ("Graham Street", "Aston Villa").
    return mentions + _missed(mentions, doc, given, not_surname_words(language), heads)


def _given_name_taken_apart(mentions: list[Mention], doc: Doc, given: GivenNames, common: frozenset[str],
                            heads: frozenset[str]) -> list[Mention]:
    """A given name the model took alone for a place or an organisation ("Marta" GPE), with one or
    two surname words right after it that are in no mention or in one-word places or
    organisations of their own ("Domachowska" GPE), and nothing capitalised after them, is one
    person with them; the pieces go."""
    by_start = {m.start: m for m in mentions if m.kind == "name"}
    starts = {token.idx: token for token in doc}
    taken = covered(mentions)
    function = function_words(doc.lang_)  # "… in Benson These highways …"
    gone: set[int] = set()
    for mention in list(by_start.values()):
        token = starts.get(mention.start)
        if (token is None or mention.label not in NOT_PERSONS or mention.end != token.idx + len(token)
                or token.text not in given or id(mention) in gone):
            continue
        end, pieces = token.i + 1, []
        while end < len(doc) and end - token.i <= 2 and one_space_between(doc, doc[end - 1], doc[end]) \
                and is_surname_word(doc[end].text, common, heads) and doc[end].text.lower() not in function:
            piece = by_start.get(doc[end].idx)
            if doc[end].idx in taken and (piece is None or piece.label not in NOT_PERSONS
                                          or piece.end != doc[end].idx + len(doc[end])):
                break
            if piece is not None:
                pieces.append(piece)
            end += 1
        if end == token.i + 1 or (end < len(doc) and doc[end].text[:1].isupper()):
            continue
        span = doc[token.i:end]
        if alias_of(span.text) is not None or candidates(span.text):
            continue
        mention.end, mention.text, mention.label = span.end_char, span.text, "PER"
        gone.update(id(piece) for piece in pieces)
    return [m for m in mentions if id(m) not in gone]


def _persons_run_together(mentions: list[Mention], doc: Doc, given: GivenNames, common: frozenset[str],
                          heads: frozenset[str]) -> list[Mention]:
    """Two persons listed without a comma ("Jakob Hlasek Anders" + "Järryd"): a person of three
    words or more whose last word is a given name, after a word that is no given name in any
    locale, and right before an uncovered surname word with nothing capitalised after it, is two
    persons: the words before the given name, and the given name with that surname."""
    taken = covered(mentions)
    starts = {token.idx: token for token in doc}
    added: list[Mention] = []
    for mention in mentions:
        token = starts.get(mention.start)
        if mention.kind != "name" or mention.label != "PER" or token is None:
            continue
        last = next((t for t in doc[token.i:] if t.idx + len(t) >= mention.end), None)
        if last is None or last.idx + len(last) != mention.end or last.i - token.i < 2 or last.i + 1 >= len(doc):
            continue
        after, before = doc[last.i + 1], doc[last.i - 1]
        if (last.text not in given or before.text in all_given_names() or not is_surname_word(before.text, common, heads)
                or after.idx in taken or not one_space_between(doc, last, after) or not is_surname_word(after.text, common, heads)
                or (after.i + 1 < len(doc) and doc[after.i + 1].text[:1].isupper())):
            continue
        mention.end, mention.text = before.idx + len(before), doc.text[mention.start:before.idx + len(before)]
        added.append(Mention(last.idx, after.idx + len(after), doc.text[last.idx:after.idx + len(after)], "PER"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _relabel(mention: Mention, given: GivenNames, common: frozenset[str], heads: frozenset[str],
             streets: frozenset[str], shown: frozenset[str]) -> None:
    words = mention.text.split()
    # Particles join a surname ("Gijs de Vries", "Ludwig van Beethoven") and are not counted.
    particles = name_particles()
    inner = [word for word in words[1:-1] if word not in particles]
    counted = [words[0], *inner, words[-1]] if len(words) > 1 else words
    if (mention.kind != "name" or mention.label not in NOT_PERSONS or not 2 <= len(counted) <= SETTINGS.given_name_max_words
            or not given.listed(words[0])
            or not (all(is_surname_word(word, common, heads) for word in counted[1:]) or _common_surname_after(mention, given, heads, streets, shown))
            or (len(counted) < len(words) and words[0] not in given)):  # "Palma de Majorque": a big place
        return
    if alias_of(mention.text) is None and not candidates(mention.text):
        mention.label = "PER"


def _common_surname_after(mention: Mention, given: GivenNames, heads: frozenset[str], streets: frozenset[str],
                          shown: frozenset[str]) -> bool:
    """Whether an organisation of two words is a given name and a surname that is also a common
    word ("Kenyon Cox", "Rosa Parks"): Faker's locales list the second word as a last name, it
    ends no name of a place, a street or a body (``[heads]``, ``street_words``: "Victoria
    Lake", "Philip Street"), and the article nowhere shows the name as something other than a
    person (:func:`_shown_as_no_person`): firms and clubs are named after their founders or a
    district too."""
    last = mention.text.split()[-1]
    return (mention.label == "ORG" and _given_and_last_name(mention.text, given) and last not in heads
            and fold(last) not in streets and mention.text not in shown)


def _shown_as_no_person(mentions: list[Mention], doc: Doc, given: GivenNames, language: str) -> frozenset[str]:
    """The model's organisations, places and works of a given name and a last name that the
    article shows as no person somewhere: a head of organisations or places after the name,
    maybe past other capitalised words ("… Football Club", "… hospital": :func:`_head_after`),
    a member of a list of the model's organisations (:func:`_listed_with_organisations`:
    "Orvell Brandt, Lena Parks and Tovix"),
    or the name alone between quote marks, as a title stands."""
    named = {mention.text for mention in mentions if mention.label in NOT_PERSONS and _given_and_last_name(mention.text, given)}
    if not named:
        return frozenset()
    starts = {token.idx: token for token in doc}
    ordered = sorted(mentions, key=lambda mention: mention.start)
    return frozenset(name for name in named
                     if any(_head_after(doc, starts, start + len(name), language) or _quoted(doc.text, start, start + len(name))
                            for start in _occurrences(doc.text, name))
                     or _listed_with_organisations(name, ordered, doc.text, given, language))


def _given_and_last_name(name: str, given: GivenNames) -> bool:
    first, *rest = name.split()
    return len(rest) == 1 and first in given and rest[0] in surnames()


def _occurrences(text: str, name: str) -> list[int]:
    """Where the name stands in the text as whole words."""
    return [match.start() for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]


def _head_after(doc: Doc, starts: dict[int, Token], end: int, language: str) -> bool:
    """Whether a head word of ``[heads]`` (an organisation's first or last word or a place's last
    word, case-blind: "Club" ends names in French text too) follows the name ending at character ``end``, one space apart, past at most
    ``given_name_head_gap_words`` capitalised words ("… Parks Football Club", "… Hale hospital")."""
    heads = _last_heads(language)
    for _ in range(SETTINGS.given_name_head_gap_words + 1):
        token = starts.get(end + 1) if doc.text[end:end + 1] == " " else None
        if token is None:
            return False
        if token.text.casefold() in heads:
            return True
        if not token.text[:1].isupper():
            return False
        end = token.idx + len(token)
    return False


@cache
def _last_heads(language: str) -> frozenset[str]:
    table = lang.load(language, "entities").get("heads", {})
    return frozenset(word.casefold() for key in ("organisation_last", "organisation_first", "place_last")
                     for word in table.get(key, []))


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether quote marks stand right around the name (French spaces inside them: « … »)."""
    before, after = text[:start].rstrip(INSIDE_QUOTE_SPACES)[-1:], text[end:].lstrip(INSIDE_QUOTE_SPACES)[:1]
    return before != "" and after != "" and before in QUOTE_MARKS and after in QUOTE_MARKS


def _listed_with_organisations(name: str, ordered: list[Mention], text: str, given: GivenNames, language: str) -> bool:
    """Whether the name stands in a list whose other members the model read as organisations
    more often than as persons; its organisations that open with a given name count as neither."""
    for index, mention in enumerate(ordered):
        if mention.text != name:
            continue
        labels = [other.label for other in _list_around(ordered, index, text, language)
                  if other.text != name and not (other.label == "ORG" and other.text.split()[0] in given)]
        if labels.count("ORG") > labels.count("PER"):
            return True
    return False


def _list_around(ordered: list[Mention], index: int, text: str, language: str) -> list[Mention]:
    """The mentions of the list that ``ordered[index]`` stands in, itself included."""
    def joined(left: Mention, right: Mention) -> bool:
        return left.end <= right.start and is_list_gap(text[left.end:right.start], language)

    first = last = index
    while first > 0 and joined(ordered[first - 1], ordered[first]):
        first -= 1
    while last + 1 < len(ordered) and joined(ordered[last], ordered[last + 1]):
        last += 1
    return ordered[first:last + 1]


def _extend(mentions: list[Mention], doc: Doc, given: GivenNames) -> None:
    """A person's mention right after uncovered given names ("Suzy" before "Kolber", "María"
    before "Fernanda Espinosa") takes them, up to ``given_name_max_extended_words`` words."""
    taken = covered(mentions)
    starts = {token.idx: token for token in doc}
    for mention in mentions:
        token = starts.get(mention.start)
        if mention.kind != "name" or mention.label != "PER" or token is None:
            continue
        size = len(mention.text.split())
        while token.i > 0 and size < SETTINGS.given_name_max_extended_words:
            before = doc[token.i - 1]
            if before.text not in given or not one_space_between(doc, before, token) or before.idx in taken:
                break
            token, size = before, size + 1
        if token.idx < mention.start:
            mention.start = token.idx
            mention.text = doc.text[mention.start:mention.end]


def one_space_between(doc: Doc, first, second) -> bool:
    """Whether one space, not a line break, parts two tokens: a name never crosses a line."""
    gap = first.idx + len(first)
    return second.idx == gap + 1 and doc.text[gap] == " "


def _missed(mentions: list[Mention], doc: Doc, given: GivenNames, common: frozenset[str],
            heads: frozenset[str]) -> list[Mention]:
    """Runs the model missed: a given name and one or two surname words, nothing capitalised after."""
    taken = covered(mentions)
    found: list[Mention] = []
    index = 0
    weak = _weak_given_names(doc.lang_)
    last_names = surnames()
    while index < len(doc) - 1:
        token = doc[index]
        strong = token.text in given
        if not (strong or token.text in weak or given.listed(token.text)) or token.idx in taken:
            index += 1
            continue
        # One middle initial may stand between the given name and the surname ("Edmund D. Varnel").
        initial = (index + 2 < len(doc) and INITIAL.fullmatch(doc[index + 1].text) is not None
                   and one_space_between(doc, token, doc[index + 1]) and doc[index + 1].idx not in taken)
        end = index + 2 if initial else index + 1
        while (end < len(doc) and end - index < SETTINGS.given_name_max_words + initial and doc[end].idx not in taken
               and one_space_between(doc, doc[end - 1], doc[end])
               and is_surname_word(doc[end].text, common, heads)):
            end += 1
        if initial and end == index + 2:
            end = index + 1
        after_capitalised = end < len(doc) and doc[end].text[:1].isupper()
        span = doc[index:end]
        # A given name that is also a place or a noun ("Magdalena", "Rod") needs a last name after it.
        vouched = strong or all(doc[i].text in last_names for i in range(index + 1, end) if not INITIAL.fullmatch(doc[i].text))
        if end - index >= 2 and vouched and not after_capitalised and alias_of(span.text) is None and not candidates(span.text):
            found.append(Mention(span.start_char, span.end_char, span.text, "PER"))
            index = end
            continue
        index += 1
    return found
