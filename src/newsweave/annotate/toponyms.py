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

Places also hide inside longer names (:func:`embedded_places`): "Ohio Department of
Development", "University of Georgia", "Air Zimbabwe", "Paris City Hall", and two at once in a
word that joins them ("Asia-Pacific", "Fargo-Moorhead"). The longer name keeps
its label; the place in it becomes a mention of its own, nested in it, so that the article's
map and its other places' resolution know of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Span

from newsweave import lang
from newsweave.annotate.canonical import Mention, alias_of, covered
from newsweave.annotate.division_codes import division_names
from newsweave.annotate.geo import _common_words as gazetteer_function_words
from newsweave.annotate.geo import _name_languages as gazetteer_languages
from newsweave.annotate.geo import candidates, demonym_country, fold, folded_country_names, region_demonym, spelt_as_written
from newsweave.annotate.names import noun_of_the_lexicon
from newsweave.annotate.nlp import LINE_BREAK, LINE_BREAK_CHARS
from newsweave.annotate.word_sets import calendar_words, capitalises_nouns, folded_stop_words, lowercase_not_places, street_words
from newsweave.annotate.settings import SETTINGS

# A dateline: a name in capitals opening a line or following a sentence's end (scraped pages
# run the headline and the dateline together: "… second rebuff. COLUMBIA --- South Carolina",
# and the last paragraph of the story before may end with a quotation: "… for impaired
# driving.\" ST. JOHN'S, N.L. -", « … au volant. » ST. NAZAIRE -"), then ", ", " (" or a dash.
# The byline's date may come first ("March 30, 2009 NEWARK -- The"), and a colon may follow
# ("BEIRUT: Israel").
DATELINE = re.compile(
    rf"(?:^|(?<=[{LINE_BREAK_CHARS}])|(?<=[.!?] )|(?<=[.!?][\"”’'»] )|(?<=[.!?][ \xa0\u202f]» )|(?<=\d{{4}} ))[ \t]*"
    r"([A-ZÀ-Ý][A-ZÀ-Ý'’.-]*(?:[ -][A-ZÀ-Ý][A-ZÀ-Ý'’.-]*){0,3})"
    r"(?=[ \t]*(?:,|\(|:[ \t]|-{1,3}[ \t]|[–—][ \t]))"
)
PERSON_PLACE_KINDS = ("country", "continent", "region", "admin1")
# Places taken inside longer names: first words and words after a connector may be a town;
# last words only a country or a division ("Air Zimbabwe", not "Goldman Sachs").
EMBEDDED_KINDS = ("country", "continent", "region", "admin1", "admin2", "city")
TRAILING_KINDS = ("country", "admin1")
NAME_WORD = re.compile(r"[^\W_][\w.&'’-]*")
POSSESSIVE_END = re.compile(r"['’]s?$")
TOKEN_WORD = re.compile(r"\w", re.UNICODE)
# Between two halves of one place's name: a space, or a short lower-case word of the place's own
# language ("do" in "Rio Grande do Sul").
SPLIT_PLACE_GAP = re.compile(r"[ \t\xa0](?:[a-zà-ÿ]{1,3}[ \t\xa0])?")
# Two names joined into one word by a hyphen, a dash or a slash ("Asia-Pacific", "Zaire/Congo"),
# no third joined to them ("Stratford-upon-Avon", "Paris-Saint-Germain").
JOINED_NAMES = re.compile(r"(?<![\w.'’/–-])([^\W\d_][\w.'’]*)[-–/]([^\W\d_][\w.'’]*)(?![\w'’/–-])")
JOINED_ANCHOR_KINDS = ("continent", "region", "admin1")


def recover_toponyms(mentions: list[Mention], text: str, doc: Doc, language: str) -> list[Mention]:
    """The mentions with mislabelled places relabelled and missed places added (see module doc)."""
    preposition = _preposition_pattern(language)
    person_words = _person_name_words(mentions, language)
    mentions = _places_named_with_and(mentions, text, language)
    affiliations = _affiliation_places(text, language)
    _trim_affiliations(mentions, affiliations)
    _relabel_place_names(mentions)
    _countries_taken_for_organisations(mentions, language)
    datelines = _dateline_names(text)
    mentions = _datelines_split_in_pieces(mentions, datelines, text, language)
    by_span = {(m.start, m.end): m for m in mentions}
    taken = covered(mentions)
    added: list[Mention] = []
    lower_places: set[str] = set()
    for start, end in datelines:
        _take(start, end, text, by_span, taken, added, person_words, language, dateline=True)
    for start, end in affiliations:
        _take(start, end, text, by_span, taken, added, person_words, language, tag=True)
    mark_tagged_divisions(affiliations, text, by_span, language)
    origin = _origin_pattern(language)
    person_ends = {m.end for m in mentions if m.kind == "name" and m.label == "PER"}
    for token in doc:
        if not TOKEN_WORD.match(token.text):
            continue
        window = max(0, token.idx - SETTINGS.toponym_preposition_window)
        after_preposition = preposition is not None and preposition.search(text, window, token.idx)
        # "Norb Mages of Lindsay", "Alan, 79, from Barton": where a person comes from.
        origin_match = origin.search(text, window, token.idx) if origin is not None else None
        after_person = origin_match is not None and origin_match.start() in person_ends
        if not (after_preposition or after_person):
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
    _countries_named_in_full(doc, text, by_span, taken, added, person_words, language)
    _listed_with_places(doc, text, mentions, by_span, taken, added, person_words, language)
    _places_before_place_nouns(doc, text, mentions, by_span, taken, added, person_words, language)
    _divisions_named_by_their_noun(text, by_span, taken, added, person_words, language)
    _places_of_officials(text, by_span, taken, added, person_words, language)
    _place_names_repeated(doc, text, mentions, by_span, taken, added, person_words, language)
    # Again over what the rules above added: a preposition's rule takes "Mission" alone when the
    # model made "Viejo" a person.
    found = _places_named_with_and(mentions + added, text, language)
    nested = embedded_places(found, text, language)
    return found + nested + embedded_demonyms(found, nested, text, language)


def embedded_places(mentions: list[Mention], text: str, language: str) -> list[Mention]:
    """Place mentions nested in longer names that are not places themselves.

    In an organisation, a facility or an "other" of several words (a "place" only when the
    gazetteer does not know the whole name: "Titus County Sheriff's Office"), a place is
    taken where such names put one: its first words ("Ohio Department of Development",
    "Japan's Ministry of ...", "Paris City Hall"), the words after a connector of the language
    ("University of Georgia", "Lutheran School in Lombard", ``embedded_place_connectors`` in
    ``lang/<iso>/places.toml``), or, for a country or a division, its last words ("Air
    Zimbabwe"), and for a town only where the article names that town as a place of its own
    ("CDC Atlanta" beside "in Atlanta"). Two places joined in one word are both taken, in a
    name of one word too (:func:`_joined_place_spans`: "Asia-Pacific"). Known organisations
    (aliases) and persons are left alone: a person's name is full of town names ("Jackson", "Victoria").
    """
    connectors = _connectors(language)
    places = frozenset(fold(m.name) for m in mentions if m.kind == "name" and m.label == "LOC")
    added: list[Mention] = []
    for mention in mentions:
        if mention.kind != "name" or mention.label == "PER" or alias_of(mention.name):
            continue
        if mention.label == "LOC" and candidates(mention.name):
            continue
        words = _name_words(mention.text, language, mention.start)
        if any(fold(text[a:b]) in street_words(language) for a, b in words):
            # A street or a station named after a place ("Ohio Street", "gare de Lyon") is not there.
            continue
        spans = _embedded_spans(text, words, connectors, places, language) if len(words) >= 2 else []
        spans += [span for span in _joined_place_spans(text, mention.start, mention.end, language, places)
                  if not any(span[0] < end and start < span[1] for start, end in spans)]
        added.extend(Mention(start, end, text[start:end], "LOC") for start, end in spans)
    return added


def _joined_place_spans(text: str, start: int, end: int, language: str,
                        places: frozenset[str]) -> list[tuple[int, int]]:
    """Both places of two names joined into one word ("Asia-Pacific", "Fargo-Moorhead",
    "Zaire/Congo", "US-China talks") inside ``text[start:end]``: a region, a twin town or a pair
    of countries named at once. One half must be a country, a division, a region or a big town;
    written beside it, the other needs only to be a town of some size, as a town the article
    names elsewhere does in :func:`_place_span` ("Mercedes-Benz", "Smith-Jones" hold no such
    pair). A joined word the gazetteer knows whole ("Guinea-Bissau") is one place; the second
    half takes the words after it that make a longer known name ("Clarksville-Montgomery County")."""
    found: list[tuple[int, int]] = []
    for match in JOINED_NAMES.finditer(text, start, end):
        halves = [match.span(1), _longest_known_name(text, match.start(2), match.end(2), end)]
        if candidates(match.group(0)) or not any(_is_anchor_place(text[a:b]) for a, b in halves):
            continue
        vouched = places | {fold(text[a:b]) for a, b in halves}
        spans = [_place_span(text, [half], language, EMBEDDED_KINDS, vouched) for half in halves]
        if all(span is not None for span in spans):
            found.extend(span for span in spans if span is not None)
    return found


def _longest_known_name(text: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """``(start, end)`` stretched over the words after it, up to ``limit``, while the longer name is
    one the gazetteer knows ("Montgomery" + "County")."""
    words = [match.end() for match in NAME_WORD.finditer(text, end, limit)][:SETTINGS.toponym_max_words - 1]
    for stop in reversed(words):
        if candidates(text[start:stop]):
            return start, stop
    return start, end


def _is_anchor_place(name: str) -> bool:
    """Whether ``name`` reads as a country (by any of its names), or by its main name as a division,
    a world region or a big town: a name that vouches for the one joined to it ("Mason", another
    name of Glendale, vouches for nothing)."""
    return any(entry.place.kind == "country" or entry.main_name and (
        entry.place.kind in JOINED_ANCHOR_KINDS
        or entry.place.kind == "city" and entry.place.population >= SETTINGS.toponym_big_place_population)
        for entry in candidates(name))


def inner_place_name(name: str, language: str, places: frozenset[str] = frozenset()) -> str | None:
    """The place a name the gazetteer does not know is named after, as :func:`embedded_places`
    finds it in a longer name ("Manila Cathedral" → "Manila", "Bank of England" → "England",
    « Cathédrale de Brevanne » → "Brevanne"), or None. A name the gazetteer knows, or a street's
    or a station's, has none. ``places``: the folded names the article gives as places (a small
    town of one word counts only if it is one of them, as in :func:`embedded_places`)."""
    if candidates(name):
        return None
    words = _name_words(name, language)
    if len(words) < 2 or any(fold(name[a:b]) in street_words(language) for a, b in words):
        return None
    spans = _embedded_spans(name, words, _connectors(language), places, language) or _named_town_last(name, words, places, language)
    return name[spans[0][0]:spans[0][1]] if spans else None


def _named_town_last(name: str, words: list[tuple[int, int]], places: frozenset[str],
                     language: str) -> list[tuple[int, int]]:
    """The last words of a name the gazetteer lacks, where they are a town or county that the
    article also names as a place of its own ("Lake Manassas", "Old Town Manassas", "Greater
    Mumbai" in articles naming Manassas or Mumbai): the article vouches that the town is what
    the name places. Last words are otherwise read as countries or divisions only, since a town
    of that name elsewhere says little ("Kestrel Bay" is no bay of Bay, Somalia); a name that
    ends with a head noun of places is not placed this way either."""
    if fold(name[words[-1][0]:words[-1][1]]) in _place_head_words(language):
        return []
    for size in range(min(SETTINGS.toponym_max_words, len(words) - 1), 0, -1):
        start, end = words[-size][0], words[-1][1]
        if fold(name[start:end]) in places and any(
                entry.main_name and entry.place.kind in ("city", "admin2") for entry in candidates(name[start:end])):
            return [(start, end)]
    return []


def _name_words(name: str, language: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of the words of ``name``, moved by ``offset``, a leading article left out
    ("The Ohio State University", « La Rochelle Métropole »)."""
    words = [(match.start(), match.end()) for match in NAME_WORD.finditer(name)]
    if words and fold(name[words[0][0]:words[0][1]]) in _articles(language):
        words = words[1:]
    return [(offset + start, offset + end) for start, end in words]


def _embedded_spans(text: str, words: list[tuple[int, int]], connectors: frozenset[str],
                    places: frozenset[str], language: str) -> list[tuple[int, int]]:
    """(start, end) of the places among a long name's ``words`` (see :func:`embedded_places`)."""
    most = SETTINGS.toponym_max_words
    keys = [fold(text[start:end]) for start, end in words]
    found: list[tuple[int, int]] = []
    # The first words, with a word of the name after them ("Huntsville City", "Ohio Department").
    for size in range(min(most, len(words) - 1), 0, -1):
        if any(key in connectors for key in keys[:size]):
            continue
        vouched = places
        opening = text[words[0][0]:words[size - 1][1]]
        if _town_service_follows(text, words[size][0], language) and _town_of_named_countries(opening, places):
            # "Brackley Police": the name vouches for the town it serves.
            vouched = places | {fold(opening)}
        span = _place_span(text, words[:size], language, EMBEDDED_KINDS, vouched)
        if span is not None:
            found.append(span)
            break
    # After a connector, its first words ("Kidney Foundation of Canada", "University of
    # Kentucky College of Law").
    for index in range(len(words) - 1):
        if keys[index] not in connectors or (found and words[index][0] < found[-1][1]):
            continue
        rest = words[index + 1:]
        stop = next((i for i, key in enumerate(keys[index + 1:]) if key in connectors), len(rest))
        for size in range(min(most, stop), 0, -1):
            span = _place_span(text, rest[:size], language, EMBEDDED_KINDS, places)
            if span is not None:
                found.append(span)
                break
    # The last words, for a country or a division only ("Air Zimbabwe"); not a head noun of
    # places, which says what the name is, not where ("Kestrel Bay" is no bay of Bay, Somalia).
    if not found and keys[-1] not in _place_head_words(language):
        for size in range(min(most, len(words) - 1), 0, -1):
            span = _place_span(text, words[-size:], language, TRAILING_KINDS, places)
            if span is not None:
                found.append(span)
                break
    # ... or a town the article names as a place of its own ("CDC Atlanta" in a story that
    # says "in Atlanta, Georgia"): the branch or the office in that town.
    if not found:
        found.extend(_named_town_last(text, words, places, language))
    # Words inside, for a country or a division only ("Air France KLM", "Marine Energy Wales
    # Annual Conference"): news names a country's airline or a region's meeting so.
    if not found:
        found.extend(_inner_words_span(text, words, keys, connectors, language, places))
    return found


def _inner_words_span(text: str, words: list[tuple[int, int]], keys: list[str], connectors: frozenset[str],
                      language: str, places: frozenset[str]) -> list[tuple[int, int]]:
    """The first run of words strictly inside a long name (neither its first nor its last word)
    that names a country or a first-level division, longest first; none across a connector, and
    not a common word of the language ("Fine China Ltd", "Butterball Turkey Company")."""
    common = _common_words(language)
    for index in range(1, len(words) - 1):
        for size in range(min(SETTINGS.toponym_max_words, len(words) - 1 - index), 0, -1):
            if any(key in connectors for key in keys[index:index + size]) or size == 1 and keys[index] in common:
                continue
            span = _place_span(text, words[index:index + size], language, TRAILING_KINDS, places)
            if span is not None:
                return [span]
    return []


def _place_span(text: str, words: list[tuple[int, int]], language: str, kinds: tuple[str, ...],
                places: frozenset[str]) -> tuple[int, int] | None:
    """The span of ``words`` (a possessive "'s" cut off) if they name a place of ``kinds``.

    A town (or county) of one word must be big (``toponym_big_place_population``) or named as
    a place elsewhere in the article (``places``): "Justice Department", "Golden State" hold
    towns of 10,000 and 20,000 people; one of several words needs
    ``toponym_embedded_town_min_population`` ("New London Police")."""
    start, end = words[0][0], words[-1][1]
    name = POSSESSIVE_END.sub("", text[start:end])
    end = start + len(name)
    if not name or not all(word[:1].isupper() or word.islower() and len(word) <= 3 for word in name.split()):
        return None
    key = fold(name)
    generic = _generic_place_words(language)
    # "South West" is as generic as "South" and "West" ("South West England").
    if demonym_country(name) or key in generic or all(word in generic for word in key.split()):
        return None
    single = " " not in key
    # A common word ("Georgia", "Turkey" in lower-case lists) names only a country or a division here.
    common = single and not name.isupper() and key in _common_words(language)
    for entry in candidates(name):
        place = entry.place
        if place.kind in kinds and place.kind not in ("city", "admin2") and (
                entry.main_name or kinds != TRAILING_KINDS or place.kind == "country"):
            # Last words name a division by its main name only: other names of divisions hold
            # words ("River Lune": Gabon's Nyanga is also "Lune"); first words keep the
            # abbreviations ("S.C. Trial Lawyers Association").
            return start, end
        if common or place.kind not in kinds or not entry.main_name:
            continue
        minimum = SETTINGS.toponym_embedded_town_min_population
        if single and key not in places:
            minimum = SETTINGS.toponym_big_place_population
        if place.population >= minimum:
            return start, end
    return None


def _countries_named_in_full(doc: Doc, text: str, by_span: dict, taken: set[int], added: list[Mention],
                             person_words: set[str], language: str) -> None:
    """A country or a first-level division that no mention covers is a place wherever it is
    written as a name ("Nigeria reported", "Villages Sudan is", "billion US dollars"): the model
    missed it, and such a name rarely means anything else. A division's name must be its main
    name and no common or generic word of the language ("Western", "Centre"); a word in capitals
    longer than initials is heading type ("MARINE ENERGY WALES") and is left alone. A name that
    goes on into a person's name is the country of a title ("Minister of Kessland Ivo Marr")."""
    person_starts = frozenset(m.start for m in by_span.values() if m.kind == "name" and m.label == "PER")
    for token in doc:
        if token.idx in taken or not token.text[:1].isupper():
            continue
        for size in range(min(SETTINGS.toponym_max_words, len(doc) - token.i), 0, -1):
            if not doc[token.i + size - 1].text[:1].isupper():
                continue  # every word of the name is capitalised
            span = doc[token.i : token.i + size]
            if LINE_BREAK.search(span.text):
                continue
            if (_names_country_or_division(span.text, language) and not _in_capitals_line(doc, span)
                    and not _name_goes_on(doc, span, person_starts)
                    and _take(span.start_char, span.end_char, text, by_span, taken, added, person_words, language)):
                break


def _in_capitals_line(doc: Doc, span) -> bool:
    """Whether a word next to ``span`` is in capitals too (a heading: "TRUMP TELLS US")."""
    near = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(token.is_alpha and token.is_upper and len(token) > 1 for token in near)


def _names_country_or_division(words: str, language: str) -> bool:
    """Whether ``words``, capitalised, name a country (any of its names: "US", "DRC") or a
    first-level division by its main name."""
    if not all(word[:1].isupper() for word in words.split()):
        return False
    initials = words.isupper()
    if initials and len(words) > SETTINGS.toponym_max_initials:
        return False
    key = fold(words)
    # Initials are no common word ("US" is not "us").
    if (key in _common_words(language) and not initials) or key in _generic_place_words(language) or demonym_country(words):
        return False
    if _lone_noun(words, language):
        return False
    # Initials name only countries ("US", "DRC"; "BA" is no Fijian province); a country's other
    # names ("Burma", « Allemagne ») include codes ("IOT") that a short word may spell ("IoT").
    # Where every noun is capitalised, an alternate spelling may be a noun ("Mann", listed for
    # the Isle of Man): only CLDR's names of countries (the language's own, "Schweiz", or
    # another's, "Vatikan") are taken there.
    other_names = (initials or len(key) > SETTINGS.toponym_max_initials) and (
        not capitalises_nouns(language) or initials or key in _own_country_names(language))
    return any(entry.place.kind == "country" and (entry.main_name or other_names)
               or entry.place.kind == "admin1" and entry.main_name and not initials
               for entry in candidates(words))


def _lone_noun(words: str, language: str) -> bool:
    """Whether ``words``, a leading article left out, are one word that the lexicon reads as a
    common noun and no place of that name (:func:`noun_of_the_lexicon`: "Der Zug", "Grad")."""
    inner = _name_words(words, language)
    return len(inner) == 1 and noun_of_the_lexicon(words[inner[0][0]:inner[0][1]], language)


@cache
def _own_country_names(language: str) -> frozenset[str]:
    """Names of countries in CLDR, folded: the language's own ("Schweiz", "Niederlande") and
    those of the gazetteer's languages; not the looser alternates of other lists."""
    return folded_country_names(language).union(*(folded_country_names(other) for other in gazetteer_languages()))


def _name_goes_on(doc: Doc, span, person_starts: frozenset[int] = frozenset()) -> bool:
    """Whether a capitalised word follows ``span`` in the same name ("Republic Act", "Sinaloa
    Cartel"): then the place's name is the start of another name, not a place mention. A word
    that opens a person's mention (``person_starts``) starts a name of its own."""
    following = doc[span.end] if span.end < len(doc) else None
    return (following is not None and following.is_alpha and following.text[:1].isupper()
            and doc[span.end - 1].whitespace_ != "" and following.idx not in person_starts)


def _listed_with_places(doc: Doc, text: str, mentions: list[Mention], by_span: dict, taken: set[int],
                        added: list[Mention], person_words: set[str], language: str) -> None:
    """A name listed with a place ("Rogaland, Vestfold and Telemark" once one of them is a place;
    "Nandurbar and Dhule districts"), that no mention covers or that the model called a person,
    an organisation or other, is a place when the gazetteer knows it (a town of some size, a
    division, a country): lists hold one kind of thing. Only a comma or the language's list
    joiner may stand between the two; each name taken may carry the list on. A word of a person's
    full name in the article stays the person's."""
    joiners = lang.load(language, "entities").get("list_joiners", [])
    if not joiners:
        return
    words = "|".join(map(re.escape, joiners))
    between = re.compile(rf"[ \t\xa0]*(?:,[ \t\xa0]*(?:(?:{words})[ \t\xa0]+)?|[ \t\xa0]+(?:{words})[ \t\xa0]+)")
    # Where a list's comma or joiner follows a word: its end → the start of the next name.
    joined = {end: match.end() for end in {token.idx + len(token) for token in doc} | {m.end for m in mentions}
              if (match := between.match(text, end)) is not None}
    ends = {m.end for m in mentions + added if _is_listed_place(m)}
    starts = {m.start for m in mentions + added if _is_listed_place(m)}
    changed = True
    while changed:
        changed = False
        after_places = {joined[end] for end in ends if end in joined}
        for mention in mentions:
            # A name the model called a person, an organisation or other ("Tacloban and
            # Babatngon" ORG, "Nitra, Prešov and Košice" MISC).
            if mention.kind != "name" or mention.label == "LOC":
                continue
            if not (mention.start in after_places or joined.get(mention.end) in starts):
                continue
            if _take(mention.start, mention.end, text, by_span, taken, added, person_words, language):
                ends.add(mention.end)
                starts.add(mention.start)
                changed = True
        after_places = {joined[end] for end in ends if end in joined}
        for token in doc:
            if token.idx in taken or not token.text[:1].isupper() or token.idx not in after_places:
                continue
            following = (doc[token.i : token.i + size] for size in range(min(SETTINGS.toponym_max_words, len(doc) - token.i), 0, -1))
            names_after = (span for span in following if not (LINE_BREAK.search(span.text) or not span[-1].text[:1].isalnum()
                                                             or _name_goes_on(doc, span)))
            changed |= _take_first(names_after, text, by_span, taken, added, person_words, language, ends, starts)
        for token in reversed(doc):
            if token.idx in taken or not token.text[:1].isupper() or joined.get(token.idx + len(token)) not in starts:
                continue
            preceding = (doc[token.i - size + 1 : token.i + 1] for size in range(min(SETTINGS.toponym_max_words, token.i + 1), 0, -1))
            names_before = (span for span in preceding if not (LINE_BREAK.search(span.text) or not span[0].text[:1].isupper()))
            changed |= _take_first(names_before, text, by_span, taken, added, person_words, language, ends, starts)


def _take_first(spans: Iterable[Span], text: str, by_span: dict, taken: set[int], added: list[Mention],
                person_words: set[str], language: str, ends: set[int], starts: set[int]) -> bool:
    """Take the first of ``spans`` (the longest first) that the evidence makes a place, and note
    its edges as a listed place's; True when one was taken."""
    for span in spans:
        if _take(span.start_char, span.end_char, text, by_span, taken, added, person_words, language):
            ends.add(span.end_char)
            starts.add(span.start_char)
            return True
    return False


def _places_before_place_nouns(doc: Doc, text: str, mentions: list[Mention], by_span: dict, taken: set[int],
                               added: list[Mention], person_words: set[str], language: str) -> None:
    """A name right before a noun of divisions ("Masvingo province", "the Artibonite region") or
    of a town's people and services ("Grovetown police", "a Fresno man"), that no mention covers
    or that the model called a person, an organisation or other, is a place when the gazetteer
    knows it (``place_nouns_after`` and ``town_nouns_after`` of ``lang/<iso>/places.toml``)."""
    nouns = _place_nouns_after(language)
    if nouns is None:
        return
    for mention in mentions:
        if mention.kind == "name" and mention.label != "LOC" and nouns.match(text, mention.end):
            _take(mention.start, mention.end, text, by_span, taken, added, person_words, language)
    noun_at = {match.start() for match in nouns.finditer(text)}
    if not noun_at:
        return
    for token in doc:
        if token.idx in taken or not token.text[:1].isupper():
            continue
        for size in range(min(SETTINGS.toponym_max_words, len(doc) - token.i), 0, -1):
            last = doc[token.i + size - 1]
            if last.idx + len(last) not in noun_at:
                continue
            span = doc[token.i : token.i + size]
            if LINE_BREAK.search(span.text):
                continue
            if _take(span.start_char, span.end_char, text, by_span, taken, added, person_words, language):
                break


@cache
def _place_nouns_after(language: str) -> re.Pattern[str] | None:
    table = lang.load(language, "places")
    words = [*table.get("place_nouns_after", []), *table.get("town_nouns_after", [])]
    if not words:
        return None
    return re.compile(rf"[ \t\xa0]+(?:{lang.alternation(words)})(?!\w)")


def _divisions_named_by_their_noun(text: str, by_span: dict, taken: set[int], added: list[Mention],
                                   person_words: set[str], language: str) -> None:
    """Names that a noun of local divisions marks as divisions ("Walton and Oconee counties",
    "Loudon Co.", « les comtés de Walton et d'Oconee »: ``division_nouns_after`` and
    ``division_nouns_before`` of ``lang/<iso>/places.toml``) are places when the gazetteer knows
    the division so named ("Oconee County"), though the name alone is no town of some size: a
    county is named so after its seat or a person, and the model reads it as either. A plural
    noun marks its whole list, a singular one the name next to it; resolution reads the names as
    those divisions (``georesolve.division_marks``)."""
    table = lang.load(language, "places")
    for key, noun_first in (("division_nouns_after", False), ("division_nouns_before", True)):
        nouns = table.get(key, {})
        pattern = _names_beside_words(language, key, noun_first, listed=True)
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            entry = nouns.get(match.group("noun")) or nouns.get(match.group("noun").lower())
            if entry is None:
                continue
            names = _list_names(text, match.start("names"), match.end("names"), language)
            marked = names if entry.get("list") else names[:1] if noun_first else names[-1:]
            for start, end in marked:
                _take_division(start, end, match, entry["suffix"], text, by_span, taken, added, person_words, language)


def _take_division(start: int, end: int, match: re.Match[str], suffix: str, text: str, by_span: dict,
                   taken: set[int], added: list[Mention], person_words: set[str], language: str) -> None:
    """Take the name at ``start:end``, or its last words ("The Oconee"), as the division named with
    ``suffix``; a noun written inside the name ("Loudon Co.", a mention of the model) comes with it."""
    words = [(word.start(), word.end()) for word in NAME_WORD.finditer(text, start, end)]
    for first, _ in words:
        division = f"{text[first:end]} {suffix}"
        if match.group("noun")[:1].isupper() and end == match.start("noun") - 1 and _take(
                first, match.end("noun"), text, by_span, taken, added, person_words, language, division=division):
            return
        if _take(first, end, text, by_span, taken, added, person_words, language, division=division):
            return


def _list_names(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """The spans of the names listed in ``text[start:end]``, split at the list's commas and
    joiners (and the connector a noun before them governs: « Walton et d'Oconee »)."""
    spans, position = [], start
    for gap in _list_gap_pattern(language).finditer(text, start, end):
        spans.append((position, gap.start()))
        position = gap.end()
    spans.append((position, end))
    return [(a, b) for a, b in spans if a < b]


def _places_of_officials(text: str, by_span: dict, taken: set[int], added: list[Mention],
                         person_words: set[str], language: str) -> None:
    """A name written as the place of an official before the official's name ("Mansfield Mayor
    Ivo Marr", "Carthage Police Chief Ann Roe", « le maire de Limoux »: ``official_titles_after``
    and ``official_titles_before`` of ``lang/<iso>/places.toml``) is a place when the gazetteer
    knows it as a town of some size or as a county without its noun ("DuPage Sheriff"): such
    titles belong to towns, counties and states, and the model leaves the name untagged or
    makes it an organisation."""
    for key, title_first in (("official_titles_after", False), ("official_titles_before", True)):
        pattern = _names_beside_words(language, key, title_first, listed=False)
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            start, end = match.span("names")
            for first, _ in [(word.start(), word.end()) for word in NAME_WORD.finditer(text, start, end)]:
                if _take(first, end, text, by_span, taken, added, person_words, language,
                         division=_local_division_of(text[first:end], language) or ""):
                    break


@cache
def _names_beside_words(language: str, key: str, word_first: bool, listed: bool) -> re.Pattern[str] | None:
    """Capitalised names, ``listed`` or one, then a word of the list ``key`` of the language's
    places file ("Walton and Oconee counties", "Mansfield Mayor Ivo Marr": a title then needs the
    official's name after it), or the word first with its connector (« comtés de Walton et
    d'Oconee », « le maire de Limoux »)."""
    table = lang.load(language, "places")
    words = list(table.get(key, []))
    if not words:
        return None
    name = r"[A-ZÀ-Ý][\w.'’-]*(?:[ \t][A-ZÀ-Ý][\w.'’-]*){0,%d}" % (SETTINGS.toponym_max_words - 1)
    names = rf"(?P<names>{name}(?:{_list_gap_pattern(language).pattern}{name})*)" if listed else rf"(?P<names>{name})"
    if word_first:
        # « Comtés de … » opening a sentence: the word in any case, the names capitalised.
        connectors = lang.alternation(table.get("embedded_place_connectors", []))
        return re.compile(rf"(?<!\w)(?P<noun>(?i:{lang.alternation(words)}))[ \t]+(?:(?:{connectors})[ \t]*)?{names}")
    official = r"(?=[ \t][A-ZÀ-Ý])" if key.startswith("official") else ""
    return re.compile(rf"(?<![\w.'’-]){names}[ \t]+(?P<noun>{lang.alternation(words)})(?!\w){official}")


@cache
def _list_gap_pattern(language: str) -> re.Pattern[str]:
    """What joins two names of a list: a comma, the language's list joiners, and a connector of
    place names after them (« et d'Oconee »)."""
    joiners = lang.alternation(lang.load(language, "entities").get("list_joiners", [])) or lang.NEVER
    connectors = lang.alternation(lang.load(language, "places").get("embedded_place_connectors", [])) or lang.NEVER
    return re.compile(rf"(?:,[ \t]*(?:(?:{joiners})[ \t]+)?|[ \t]+(?:{joiners})[ \t]+)(?:(?:{connectors})(?<=['’])|(?:{connectors})[ \t]+)?")


def _is_local_division(name: str) -> bool:
    """Whether the gazetteer knows ``name`` ("Oconee County") as a division by its main name."""
    return any(entry.main_name and entry.place.kind in ("admin1", "admin2") for entry in candidates(name))


def _local_division_of(name: str, language: str) -> str | None:
    """The full name of the division ``name`` is short for with a noun of divisions of the
    language ("Braxton" → "Braxton County"), when it is no place of its own; else None."""
    found = next((f"{name} {suffix}" for suffix in _division_suffixes_of(language)
                  if _is_local_division(f"{name} {suffix}")), None)
    return None if found is None or _is_place_name(name, language, dateline=False) else found


@cache
def _division_suffixes_of(language: str) -> tuple[str, ...]:
    table = lang.load(language, "places") if language else {}
    entries = list(table.get("division_nouns_after", {}).values()) + list(table.get("division_nouns_before", {}).values())
    return tuple(dict.fromkeys(entry["suffix"] for entry in entries))


def _place_names_repeated(doc: Doc, text: str, mentions: list[Mention], by_span: dict, taken: set[int],
                          added: list[Mention], person_words: set[str], language: str) -> None:
    """A place name of the article that the model missed at another of its occurrences
    ("Esperance residents noticed …" once "in Esperance" is a place) is the same place there:
    an article does not change what a name means. Written the same way, as a whole name (no
    capitalised word right after it), and still a place big enough for the way it is written.
    A given name ("Noma", "Lincoln": a person the model once took for a town), a common or a
    generic word of the language ("Saturday", "Centre") is not spread so."""
    from newsweave.annotate.given_names import all_given_names

    given = all_given_names()
    names = {m.text for m in mentions + added if _is_listed_place(m) and m.text[:1].isupper()
             and m.text not in given and fold(m.text) not in _common_words(language)
             and fold(m.text) not in _generic_place_words(language)}
    if not names:
        return
    longest = max(len(name.split()) for name in names)
    first_words = {name.split()[0] for name in names}
    for token in doc:
        if token.idx in taken or not any(token.text == word or word.startswith(token.text) for word in first_words):
            continue
        for size in range(min(longest, len(doc) - token.i), 0, -1):
            span = doc[token.i : token.i + size]
            if span.text not in names or _name_goes_on(doc, span):
                continue
            if _take(span.start_char, span.end_char, text, by_span, taken, added, person_words, language):
                break


def _is_listed_place(mention: Mention) -> bool:
    """A place mention the gazetteer knows (a list member that vouches for its neighbours)."""
    return mention.kind == "name" and mention.label == "LOC" and bool(candidates(mention.name))


def embedded_demonyms(mentions: list[Mention], nested: list[Mention], text: str, language: str) -> list[Mention]:
    """Demonyms that open a longer name ("Russian Ministry of Defence", "British Airways",
    "North American Free Trade Agreement"): the name is said to be of that country or region,
    as a demonym alone would be, so the demonym becomes a mention of its own nested in the name
    (which keeps its label). Left whole: a known organisation (an alias), a name the gazetteer
    knows ("British Columbia", "Indian Ocean"), and a name holding a place of its own
    (``nested``: "British Embassy Tokyo" is in Tokyo)."""
    added: list[Mention] = []
    for mention in mentions:
        if (mention.kind != "name" or mention.label == "PER" or alias_of(mention.name) or candidates(mention.name)
                or any(mention.start <= place.start and place.end <= mention.end and place is not mention
                       and place.label == "LOC" and place.kind == "name" for place in mentions + nested)):
            continue
        words = _name_words(mention.text, language, mention.start)
        for size in (2, 1):
            if len(words) <= size:
                continue
            start, end = words[0][0], words[size - 1][1]
            name = text[start:end]
            if name[:1].isupper() and (demonym_country(name) or region_demonym(name)):
                added.append(Mention(start, end, name, "MISC", "demonym"))
                break
    return added


def _relabel_place_names(mentions: list[Mention]) -> None:
    """A "person" or an "organisation" whose whole name is a country, a division, a sea or a big
    city ("Tamil Nadu" PER, "Pakistan" ORG, the state for its place; a town named for its
    council or its team, "Middletown" ORG, from ``toponym_organisation_town_min_population``), is that place, unless the name belongs to a person's full name in
    the article ("Victoria" beside "Victoria Ashdown") or to a known organisation."""
    full_names = {fold(m.text) for m in mentions if m.kind == "name" and m.label == "PER" and " " in m.text.strip()}
    for mention in mentions:
        if mention.kind != "name" or mention.label not in ("PER", "ORG") or alias_of(mention.name):
            continue
        others = {word for name in full_names - {fold(mention.text)} for word in name.split()}
        if mention.label == "PER" and any(fold(word) in others for word in mention.text.split()):
            continue
        town = (SETTINGS.toponym_big_place_population if mention.label == "PER"
                else SETTINGS.toponym_organisation_town_min_population)
        for entry in candidates(mention.name):
            place = entry.place
            if entry.main_name and (place.kind in PERSON_PLACE_KINDS
                                    or place.kind == "city" and place.population >= town):
                mention.label = "LOC"
                break


def _person_name_words(mentions: list[Mention], language: str) -> set[str]:
    """Folded words of the article's person names of several words that open with a given name
    ("Ann Bergamo"): evidence that such a word names the person, not a place. A "person" that
    opens with another word ("Riverdale Luke Oil", "Village Malakal", a headline's "Rethinking
    Egypt") is the model's guess and vouches for nothing; with no list of given names for the
    language, every full name counts."""
    from newsweave.annotate.given_names import given_names

    names = given_names(language)
    return {fold(word) for m in mentions if m.kind == "name" and m.label == "PER" and " " in m.text.strip()
            and (not names or names.listed(m.text.split()[0])) for word in m.text.split()}


def _places_named_with_and(mentions: list[Mention], text: str, language: str) -> list[Mention]:
    """Two names side by side that together name a place become one place mention.

    Joined by "and" / "&" (the language's list joiners), the whole must name a country or a
    division ("Trinidad and Tobago", "Bosnia and Herzegovina", which the model may tag as two
    places or two organisations). Split at a space or at a short lower-case word of the place's
    own language ("Mission" + "Viejo", "Rio Grande" + "Sul" for "Rio Grande do Sul"), the whole
    must be the main name of a division or of a town of ``SETTINGS.toponym_split_town_min_population``.
    """
    joiners = [word for word in lang.load(language, "entities").get("list_joiners", [])] + ["&"]
    joined = re.compile(rf"[ \t\xa0]+(?:{lang.alternation(joiners)})[ \t\xa0]+")
    ordered = sorted((m for m in mentions if m.kind == "name"), key=lambda m: m.start)
    merged: dict[int, Mention] = {}
    gone: set[int] = set()
    for first, second in zip(ordered, ordered[1:]):
        if id(first) in gone:
            continue
        whole = text[first.start:second.end]
        if (joined.fullmatch(text, first.end, second.start) and _joins_a_country_or_division(whole)
                or SPLIT_PLACE_GAP.fullmatch(text, first.end, second.start) and _names_place_split_in_two(whole)):
            gone.update((id(first), id(second)))
            merged[first.start] = Mention(first.start, second.end, whole, "LOC")
    if not gone:
        return mentions
    return [m for m in mentions if id(m) not in gone] + list(merged.values())


def _joins_a_country_or_division(name: str) -> bool:
    return any(entry.place.kind == "country" or entry.main_name and entry.place.kind == "admin1"
               for entry in candidates(name))


def _names_place_split_in_two(name: str) -> bool:
    return any(entry.main_name and (entry.place.kind in ("country", "admin1", "admin2") or entry.place.kind == "city"
                                    and entry.place.population >= SETTINGS.toponym_split_town_min_population)
               for entry in candidates(name))


def _countries_taken_for_organisations(mentions: list[Mention], language: str) -> None:
    """An "organisation" whose whole name is another name of a country ("UAE", "DR Congo": the
    state acting, which the older rule takes only under the country's main name), or the
    initials of the one country among those it may spell that the article names as a place
    ("T&T" in an article naming Trinidad and Tobago), is that country. Initials that spell a word
    of the language ("SA") are left to the resolver, which needs the country written in full."""
    from newsweave.annotate.country_initials import country_initials

    named = {entry.place.country for m in mentions if m.kind == "name" and m.label == "LOC"
             for entry in candidates(m.name) if entry.place.kind == "country"}
    for mention in mentions:
        if mention.kind != "name" or mention.label != "ORG" or alias_of(mention.name):
            continue
        name = mention.name.strip()
        if _names_country_or_division(name, language) and any(entry.place.kind == "country" for entry in candidates(name)):
            mention.label = "LOC"
            continue
        if fold(name) in gazetteer_function_words():
            continue
        spelt = [code for code in country_initials(name) if code in named]
        if len(spelt) == 1:
            mention.label = "LOC"


def _affiliation_places(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of the places in a lawmaker's party-and-place tag ("Sen. Ann Roe, D-Calif.,", "(R-Ashford)":
    ``party_place_letters`` of ``lang/<iso>/places.toml``), the longest run of capitalised words
    after the hyphen that the gazetteer knows, or a division's dotted abbreviation however spaced
    ("D-W. Va.", "R-N. C.", "D-Pa.": "Pa." is no gazetteer name, its folded "pa" being a word);
    a tag written after a comma, an opening bracket or a word of ``party_tag_openers`` ("both")."""
    pattern = _affiliation_pattern(language)
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        words = [(word.start(), word.end()) for word in NAME_WORD.finditer(match.group(1))]
        for size in range(len(words), 0, -1):
            start, end = match.start(1) + words[0][0], match.start(1) + words[size - 1][1]
            name = text[start:end]
            # "D-Calif.," keeps the abbreviation's dot; a sentence's full stop after a full name
            # ("D-Iowa City.") is no part of it.
            if name.endswith(".") and (any(fold(entry.place.name) == fold(name) for entry in candidates(name))
                                       or _local_division_of(name[:-1], language)):
                end -= 1
            if (_is_place_name(text[start:end], language, dateline=False) or _dotted_division(text[start:end])
                    or _local_division_of(text[start:end], language)):
                found.append((start, end))
                break
    return found


def mark_tagged_divisions(affiliations: list[tuple[int, int]], text: str, by_span: dict, language: str = "") -> None:
    """Mark the place mention of each dotted abbreviation of one division written in a
    party-and-place tag ("D-Pa." → "Pennsylvania") with that division (``Mention.tagged_division``):
    the tag marks it as a place even in an article that names no other place of that country, and
    resolution reads the mark instead of finding the tags again."""
    for start, end in affiliations:
        mention = by_span.get((start, end))
        if mention is None or mention.label != "LOC":
            continue
        readings = division_names(text[start:end]) if _dotted_division(text[start:end]) else ()
        if len(readings) == 1:
            mention.tagged_division = readings[0][1]
        elif (county := _local_division_of(text[start:end], language)) is not None:
            # "D-Braxton": a county, named as its delegates' tags name it.
            mention.tagged_division = county


def _dotted_division(name: str) -> bool:
    """A division's abbreviation written with its dot ("Pa.", "W. Va."), as a tag writes it."""
    return "." in name and bool(division_names(name))


@cache
def _affiliation_pattern(language: str) -> re.Pattern[str] | None:
    table = lang.load(language, "places") if language else {}
    letters = table.get("party_place_letters", [])
    if not letters:
        return None
    openers = table.get("party_tag_openers", [])
    # "Sens. Ann Roe and Ivo Park, both D-Calif.": a word that shares the tag among names.
    words = rf"|(?<!\w)(?:{lang.alternation(openers)})[ \t]+" if openers else ""
    return re.compile(rf"(?:,[ \t]*|\({words})(?:{lang.alternation(letters)})-([A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){{0,2}})")


def _trim_affiliations(mentions: list[Mention], places: list[tuple[int, int]]) -> None:
    """A name mention the model made of a whole tag ("D-Iowa City" as a place, "D-Pleasanton" as
    an organisation) becomes the place it holds."""
    ends = {end: start for start, end in places}
    for mention in mentions:
        start = ends.get(mention.end)
        if mention.kind == "name" and start is not None and mention.start < start and mention.start >= start - 2:
            mention.text = mention.text[start - mention.start:]
            mention.start = start
            mention.lemma = None
            mention.label = "LOC"


def _take(start: int, end: int, text: str, by_span: dict, taken: set[int], added: list[Mention],
          person_words: set[str], language: str, dateline: bool = False, tag: bool = False,
          division: str = "") -> bool:
    """Make ``text[start:end]`` a place if the evidence holds; True when it is one now. In a
    party-and-place tag (``tag``), a division's dotted abbreviation or a county's name without its
    noun is evidence enough ("D-Pa.", "D-Braxton"); so is a ``division`` the text names it as
    ("Oconee" in "Walton and Oconee counties": "Oconee County")."""
    words = text[start:end]
    existing = by_span.get((start, end))
    if existing is not None and existing.label == "LOC":
        return True
    if existing is None and any(index in taken for index in range(start, end)):
        return False
    if existing is not None and existing.kind != "name":
        return False
    evidence = (_is_place_name(words, language, dateline) or bool(division) and _is_local_division(division)
                or tag and (_dotted_division(words) or _local_division_of(words, language) is not None))
    if not evidence or fold(words) in person_words:
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
        # A lower-case word names a place under the place's own name only ("in turn" is no
        # other name of a town in Uzbekistan).
        if lower and not (entry.main_name and spelt_as_written(words, place.name)):
            continue
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


def _datelines_split_in_pieces(mentions: list[Mention], datelines: list[tuple[int, int]], text: str,
                               language: str) -> list[Mention]:
    """A dateline in capitals that the model cut into names of its own, or of which it kept a
    piece ("ST. PAUL" as "ST" and "PAUL", or "PAUL" alone), becomes one place mention when the
    whole is a place a dateline may name: its pieces, each wholly inside it, are dropped. A saint's
    abbreviation is read through ``saint_abbreviations`` of ``lang/<iso>/places.toml``."""
    gone: set[int] = set()
    joined: list[Mention] = []
    for start, end in datelines:
        pieces = [m for m in mentions if m.kind == "name" and m.start < end and start < m.end]
        if not pieces or any(m.start < start or m.end > end or (m.start, m.end) == (start, end) for m in pieces):
            continue
        if _is_place_name(text[start:end], language, dateline=True):
            gone.update(id(m) for m in pieces)
            joined.append(Mention(start, end, text[start:end], "LOC"))
    if not gone:
        return mentions
    return [m for m in mentions if id(m) not in gone] + joined


def _dateline_names(text: str) -> list[tuple[int, int]]:
    found = []
    for match in DATELINE.finditer(text):
        name = match.group(1).rstrip(" .-")
        if len(name) >= 3 and any(char.isalpha() for char in name):
            found.append((match.start(1), match.start(1) + len(name)))
    return found


@cache
def _preposition_pattern(language: str) -> re.Pattern[str] | None:
    """A place preposition, then optionally the language's article, right before a name."""
    words = lang.load(language, "entities").get("place_prepositions", [])
    if not words:
        return None
    alternatives = lang.alternation(words, flexible_spaces=True)
    article = "|".join(re.escape(word.strip()) + (r"\s+" if word.endswith(" ") else "") for word in lang.articles(language))
    optional_article = f"(?:(?:{article}))?" if article else ""
    return re.compile(rf"(?<!\w)(?:{alternatives})[ \t\xa0]+{optional_article}$", re.IGNORECASE)


@cache
def _origin_pattern(language: str) -> re.Pattern[str] | None:
    """A word that says where a person comes from ("of", "from"), right after the person's name."""
    words = lang.load(language, "places").get("person_origin_words", [])
    if not words:
        return None
    alternatives = lang.alternation(words)
    return re.compile(rf",?[ \t]+(?:{alternatives})[ \t]+$", re.IGNORECASE)


def _town_of_named_countries(name: str, places: frozenset[str]) -> bool:
    """Whether ``name`` reads as a town of a country that the article's place names may lie in:
    a service vouches for its town, not for a namesake abroad ("Federal District Court" in a
    story about Ohio is no court of Federal, Argentina)."""
    countries = _countries_of_names(places)
    return any(entry.main_name and entry.place.kind in ("city", "admin2") and entry.place.country in countries
               for entry in candidates(name))


def _countries_of_names(places: frozenset[str]) -> frozenset[str | None]:
    """The countries any reading of these place names lies in."""
    return frozenset(entry.place.country for name in places for entry in candidates(name))


def _town_service_follows(text: str, start: int, language: str) -> bool:
    """Whether the words at ``start`` name a town's own service ("Police", "Fire Department":
    ``town_service_words`` of ``lang/<iso>/places.toml``)."""
    pattern = _town_service_pattern(language)
    return pattern is not None and pattern.match(text, start) is not None


@cache
def _town_service_pattern(language: str) -> re.Pattern[str] | None:
    words = lang.load(language, "places").get("town_service_words", [])
    return re.compile(rf"(?:{lang.alternation(words)})(?!\w)") if words else None


@cache
def _connectors(language: str) -> frozenset[str]:
    return frozenset(fold(word) for word in lang.load(language, "places").get("embedded_place_connectors", []))


@cache
def _generic_place_words(language: str) -> frozenset[str]:
    return frozenset(fold(word) for word in lang.load(language, "places").get("generic_place_words", []))


@cache
def _place_head_words(language: str) -> frozenset[str]:
    """Head nouns that end the names of places ("District", "Bay"; ``[heads]`` and
    ``shared_place_heads_last`` of the entities file), folded."""
    data = lang.load(language, "entities")
    words = list(data.get("heads", {}).get("place_last", [])) + list(data.get("shared_place_heads_last", []))
    return frozenset(fold(word) for word in words)


@cache
def _articles(language: str) -> frozenset[str]:
    return frozenset(fold(word) for word in lang.articles(language))


@cache
def _common_words(language: str) -> frozenset[str]:
    """Capitalised words that are not places for this rule: the language's words that are not
    places in lower case, its month and weekday names (CLDR, via babel: "in March", "in May")
    and its stop words. (The lemmatizer's word index would not do: WordNet lists "rotterdam".)"""
    return lowercase_not_places(language) | calendar_words(language) | folded_stop_words(language)
