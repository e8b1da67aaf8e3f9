"""Canonical entities within one article: one ``entity_id`` per person, organisation or place,
whatever the spelling or language (the cross-article part is :mod:`newsweave.link.entities`).

Ids are deterministic, so two processes that never talk agree on them:

* places: ``geo:<geonameid>`` (see :mod:`newsweave.annotate.geo`); demonyms point at their country
  (or region: "European"), with its point;
* aliases from ``lang/*/entities.toml`` (NATO / OTAN / НАТО): the id the file gives;
* persons: ``per:<readable slug of the preferred name>`` (``per:igli-hasani``): the longest
  name the article gives, first seen. Ids are what people read in URLs and exports, so they
  are never phonetic keys. Matching uses keys instead: the name after unidecode and the
  transliteration rewrites of ``lang/_base/entities.toml`` (:func:`name_words`: Zelenskyy,
  Zelensky, Zelenski and Зеленский share ``zelensky``) and a coarser consonant skeleton of
  the surname (:func:`sound_key`: Yeltsin, Eltsine, Jelzin and Ельцин share ``lsn``). Two
  spellings in two articles get two slugs; :mod:`newsweave.link.entities` joins the second
  to the first stored, which keeps its id. Ids given before stop 14 were the phonetic key
  (``per:igly-hasany``); a stored one stays the id of its entity, since linking joins new
  mentions to what is stored, and :func:`legacy_person_id` gives it for any name;
* other organisations and names: ``org:``/``misc:`` + slug of the folded name.

Within an article a surname alone ("Zelensky") or a title ("the Ukrainian president") takes
the id of the full name it refers to (:func:`resolve_mentions`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz
from unidecode import unidecode

from newsweave.model import Entity, Span
from newsweave import lang
from newsweave.annotate.geo import (Place, candidates, countries, demonym_country, division_marks, fold, folded_articles,
                                   known_place, opens_with_article, publication_country, region_demonym, resolve_places,
                                   shared_demonyms, town_region_pairs)
from newsweave.annotate.georesolve import home_votes, seat_of, site_of
from newsweave.annotate.settings import SETTINGS

# A surname skeleton this short ("n" of "Un", "t" of "Tito") says too little to join two surnames.
MIN_SKELETON = 3
# The width of the entity_id columns in the store.
MAX_ID_LENGTH = 64


@dataclass
class Mention:
    """A name found in an article, before it has an identity."""

    start: int
    end: int
    text: str
    label: str  # PER | ORG | LOC | MISC
    kind: str = "name"  # name | demonym | title
    role: str | None = None  # titles: "president:UA"
    bound_to: int | None = None  # titles: index of the person mention it stands next to
    lemma: str | None = None  # the name in its dictionary form, where the language inflects names
    # Places: the one division a party-and-place tag's dotted abbreviation stands for ("D-Pa.":
    # "Pennsylvania"), found once by the recall rules (``toponyms.recover_toponyms``).
    tagged_division: str = ""
    # Names: an age in apposition follows it ("Sydney, 7,"), so it is a person even where a big
    # place has that name (``age_names.persons_by_ages``).
    aged: bool = False

    @property
    def name(self) -> str:
        """What lookups use: "Киеве" is looked up as "Киев"."""
        return self.lemma or self.text



def covered(mentions: list[Mention]) -> set[int]:
    """The character positions the mentions take (a new mention must not overlap them)."""
    return {index for mention in mentions for index in range(mention.start, mention.end)}


@dataclass
class Resolved:
    entity_id: str
    canonical: str
    label: str
    place: Place | None = None
    country: str | None = None


# -- keys ----------------------------------------------------------------------------------


@cache
def _transliteration() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = lang.load("_base", "entities").get("transliteration", [])
    return tuple((re.compile(rule["pattern"]), rule["replace"]) for rule in rules)


@cache
def _honorifics() -> frozenset[str]:
    """Honorifics of every language's entities file, as name words ("mrs", "mme", "herr")."""
    words = {word for table in lang.load_all("entities").values() for word in table.get("honorifics", [])}
    return frozenset(re.sub(r"[^a-z]", "", unidecode(word).lower()) for word in words) - {""}


@cache
def _particles() -> frozenset[str]:
    """Name particles of every language's ``[names]`` table ("de", "van", "von"), as name words."""
    words = {word for table in lang.load_all("entities").values() for word in table.get("names", {}).get("particles", [])}
    words |= {word for table in lang.load_all("entities").values() for word in table.get("name_particles", [])}
    return frozenset(re.sub(r"[^a-z]", "", unidecode(word).lower()) for word in words) - {""}


def without_honorific(name: str) -> str:
    """The name without a leading honorific: "Mrs Ilse Cardova" → "Ilse Cardova"."""
    parts = name.split()
    while len(parts) > 1 and re.sub(r"[^a-z]", "", unidecode(parts[0]).lower()) in _honorifics():
        parts = parts[1:]
    return " ".join(parts) if parts != name.split() else name


def name_words(name: str) -> list[str]:
    """Words of a person's name, transliterated and normalised: "Volodymyr Zelenskyy" → [volodymyr, zelensky]."""
    return list(_name_words(name))


@lru_cache(maxsize=65536)  # entity linking asks again for the same few names, once per stored name they meet
def _name_words(name: str) -> tuple[str, ...]:
    # An apostrophe inside a word is a soft sign or an elision mark ("Ельцин" → "El'tsin"), not a break.
    words = re.findall(r"[a-z]+", re.sub(r"(?<=[a-z])['’](?=[a-z])", "", unidecode(name).lower()))
    # "Mrs Cardova", "Mme Valcourt": the honorific is no part of the name.
    while len(words) > 1 and words[0] in _honorifics():
        words = words[1:]
    keyed = []
    for raw in words:
        word = raw
        for pattern, replacement in _transliteration():
            word = pattern.sub(replacement, word)
        if word:
            keyed.append(NameWord(word, sound_key(raw)))
    return tuple(keyed)


class NameWord(str):
    """One word's key (``gorbahev``) carrying the skeleton of the word as written (``krbsv``):
    the key's rewrites merge sounds the skeleton keeps apart ("ch" and "kh" both become "h")."""

    sound: str

    def __new__(cls, key: str, sound: str) -> NameWord:
        word = super().__new__(cls, key)
        word.sound = sound
        return word


def _sound(word: str) -> str:
    return getattr(word, "sound", None) or sound_key(word)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def person_id(name: str) -> str:
    """The readable id of a person first named ``name`` here: ``per:igli-hasani``."""
    readable = slug(name)
    return _bounded("per:" + readable) if readable else legacy_person_id(name)


def legacy_person_id(name: str) -> str:
    """The id the same name got before ids became readable (the phonetic key: ``per:igly-hasany``).

    Kept so that an id stored then can be found from a name (the cross-article link files it
    as a key of the entity, see :func:`newsweave.link.entities.entity_records`)."""
    return _bounded("per:" + "-".join(name_words(name)))


# Consonant classes of the surname skeleton. Hand-written rather than a phonetic library's
# (Soundex, Metaphone): those encode English spelling, and the spellings to join here are
# transliterations of one name into several European scripts (Gorbatschow, Gorbatchev,
# Горбачёв). Digraphs first; vowels, "h", "j", "y" and "w"-as-glide carry nothing.
SOUND_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("tsch", "s"), ("dzh", "s"), ("sch", "s"), ("tch", "s"), ("zh", "s"), ("sh", "s"), ("ch", "s"),
    ("sz", "s"), ("cz", "s"), ("ts", "s"), ("tz", "s"), ("kh", "k"), ("ck", "k"), ("ph", "v"), ("th", "t"),
    ("qu", "k"), ("gu", "k"),
)
SOUND_LETTERS = str.maketrans({
    "b": "b", "p": "b", "f": "v", "v": "v", "w": "v", "k": "k", "q": "k", "g": "k", "c": "k", "x": "s",
    "s": "s", "z": "s", "d": "t", "t": "t", "l": "l", "m": "m", "n": "n", "r": "r",
    "a": None, "e": None, "i": None, "o": None, "u": None, "y": None, "h": None, "j": None,
})


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """A consonant skeleton of one word after unidecode: "Jelzin", "Yeltsin", "Ельцин" → ``lsn``."""
    text = re.sub(r"[^a-z]", "", unidecode(word).lower())
    # "c" before a front vowel sounds as "s" (Cécile, Ciro), elsewhere as "k" (Macron).
    text = re.sub(r"c(?=[eiy])", "s", text)
    for digraph, sound in SOUND_DIGRAPHS:
        text = text.replace(digraph, sound.upper())
    skeleton = text.lower().translate(SOUND_LETTERS)
    return re.sub(r"(.)\1+", r"\1", skeleton)


def name_id(label: str, name: str) -> str:
    """The id an organisation, other name or unplaced place gets from its name: ``org:acme-bank``."""
    return _bounded(f"{label.lower()}:{slug(_strip_article(name))}")


def _bounded(entity_id: str) -> str:
    """Ids fit the store's 64-character column: long ones keep a prefix and a hash of the rest."""
    if len(entity_id) <= MAX_ID_LENGTH:
        return entity_id
    digest = hashlib.blake2b(entity_id.encode("utf-8"), digest_size=8).hexdigest()
    return f"{entity_id[: MAX_ID_LENGTH - len(digest) - 1]}~{digest}"


def _strip_article(name: str) -> str:
    """The name without a leading article ("the Kremlin" → "Kremlin", "l'Élysée" → "Élysée").

    An article is a whole word: it ends with an apostrophe or a space follows it. (Before,
    the folded articles had lost their space, so "Democratic" lost "Dem" and "Lastochkyne"
    "Las"; :func:`legacy_name_id` still gives those ids.)"""
    folded = fold(name)
    for article in folded_articles():
        if opens_with_article(folded, article):
            return name[len(article):].lstrip()
    return name


def legacy_name_id(label: str, name: str) -> str:
    """The id an organisation, other name or unplaced place got while articles were stripped as
    bare prefixes (``misc:ocratic`` for "Democratic"): the cross-article link files it as a
    key of the entity, so that an id stored then still finds it."""
    folded = fold(name)
    for article in folded_articles():
        if folded.startswith(article) and len(folded) > len(article):
            return _bounded(f"{label.lower()}:{slug(name[len(article):].lstrip())}")
    return name_id(label, name)


@cache
def aliases() -> dict[str, tuple[str, str, str]]:
    """Folded alias → (entity id, label, canonical name), from every language's file."""
    table: dict[str, tuple[str, str, str]] = {}
    for data in lang.load_all("entities").values():
        for item in data.get("alias", []):
            for name in item["names"]:
                table.setdefault(fold(name), (item["id"], item["label"], item["canonical"]))
    return table


def alias_of(name: str) -> tuple[str, str, str] | None:
    return aliases().get(fold(name)) or aliases().get(fold(_strip_article(name)))


# -- one article -----------------------------------------------------------------------------


def resolve_mentions(mentions: list[Mention], text: str = "", url: str | None = None,
                     language: str = "", site_home: tuple[str, str] | None = None) -> list[Resolved | None]:
    """An identity for each mention of one article (None: a title bound to nobody). With the
    article's ``text``, places written "Town, Region" are read together; its ``url`` gives
    the country of publication; with its ``language``, a place name the gazetteer lacks is
    placed at the place it is named after ("Manila Cathedral"); ``site_home`` is the division
    the site's other articles are local to (:func:`newsweave.annotate.georesolve.site_home_of`)."""
    results: list[Resolved | None] = [None] * len(mentions)
    _relabel_people(mentions, text)
    demonym_countries = {}
    for index, mention in enumerate(mentions):
        if mention.kind == "demonym":
            code = demonym_country(mention.name)
            place = countries().get(code or "") or region_demonym(mention.name)
            if place:
                # A demonym several countries share says nothing of which one the article is about.
                if code and fold(mention.name) not in shared_demonyms():
                    demonym_countries[index] = code
                results[index] = _demonym_identity(place)
    _resolve_names(mentions, results, {code for code in demonym_countries.values() if code}, text, url, language,
                   site_home)
    _shared_demonyms_read_by_article(mentions, results)
    _town_halls_at_the_article_s_town(mentions, results, text)
    _places_named_otherwise(mentions, results, text)
    _resolve_persons(mentions, results)
    _resolve_titles(mentions, results)
    return results


@cache
def _organisation_places() -> dict[str, int]:
    table: dict[str, int] = {}
    for data in lang.load_all("places").values():
        table.update({key: int(value) for key, value in data.get("organisation_places", {}).items()})
    return table


def organisation_place(entity_id: str) -> Place | None:
    """The area an organisation stands for ("EU": Europe), from ``lang/_base/places.toml``,
    with the confidence of a demonym's point; None for other organisations."""
    geonameid = _organisation_places().get(entity_id)
    place = known_place(geonameid) if geonameid else None
    return replace(place, confidence=SETTINGS.geo_demonym_confidence) if place else None


def home_votes_of(mentions: list[Mention], results: list[Resolved | None]) -> set[tuple[str, str]]:
    """The divisions an article's place mentions surely lie in, as its vote for its site's home
    (:func:`newsweave.annotate.georesolve.home_votes`)."""
    return home_votes({mention.name: result.place for mention, result in zip(mentions, results, strict=True)
                       if result is not None and result.place is not None and mention.kind == "name"
                       and result.label == "LOC"})


def _demonym_identity(place: Place) -> Resolved:
    """A demonym ("French", "European") names its country or region: it takes that place's id
    and point, and stays a MISC mention marked ``demonym`` (the report does not list it as a
    place the story visits, see :func:`newsweave.report.map.places_of`)."""
    located = replace(place, confidence=SETTINGS.geo_demonym_confidence)
    return Resolved(place.entity_id, place.name, "MISC", located, place.country)


def _shared_demonyms_read_by_article(mentions: list[Mention], results: list[Resolved | None]) -> None:
    """A demonym several countries share ("Korean") names the one of them that the article's
    own places point at ("Pyongyang", "North Korean"); pointing at both or at neither, it keeps
    the most populous (:func:`newsweave.annotate.geo.demonyms`)."""
    shared = {index: codes for index, mention in enumerate(mentions)
              if mention.kind == "demonym" and (codes := shared_demonyms().get(fold(mention.name)))}
    if not shared:
        return
    pointed = {result.place.country for index, result in enumerate(results)
               if index not in shared and result is not None and result.place is not None
               and (result.place.confidence or 0.0) >= SETTINGS.geo_context_min_confidence}
    for index, codes in shared.items():
        named = [code for code in codes if code in pointed]
        if len(named) == 1:
            results[index] = _demonym_identity(countries()[named[0]])


# After a dateline's place: a comma, a bracket ("ATLANTA (AP)"), a colon or a dash.
DATELINE_AFTER = re.compile(r"[ \t]*[,(:–—-]")


@cache
def _town_halls() -> frozenset[str]:
    """Folded names of a town's own hall in every language file (``town_halls`` in
    ``lang/<iso>/places.toml``: "City Hall", « hôtel de ville »)."""
    return frozenset(fold(name) for table in lang.load_all("places").values() for name in table.get("town_halls", []))


def _town_halls_at_the_article_s_town(mentions: list[Mention], results: list[Resolved | None], text: str) -> None:
    """A town hall named without its town ("protesters filled City Hall", « devant l'hôtel de
    ville ») is the hall of the town the article is about: the town of its dateline, or the one
    town it locates. Read, as a place named after another, near that town's point with a lower
    confidence (``geo_inner_place_factor``); an article about several towns and no dateline
    leaves it unplaced."""
    halls = [index for index, mention in enumerate(mentions)
             if mention.kind == "name" and (result := results[index]) is not None and result.place is None
             and fold(_strip_article(mention.name)) in _town_halls()]
    if not halls:
        return
    town = _article_town(mentions, results, text)
    if town is None:
        return
    placed = replace(town, confidence=(town.confidence or 0.0) * SETTINGS.geo_inner_place_factor)
    for index in halls:
        result = results[index]
        if result is not None:
            results[index] = replace(result, place=placed, country=placed.country)


def _article_town(mentions: list[Mention], results: list[Resolved | None], text: str) -> Place | None:
    """The town an article is about: the first town it surely locates, where that town opens
    the text or a line as a dateline ("ATLANTA (AP) —"); else the one town it surely locates."""
    towns = [(mention, result.place) for mention, result in zip(mentions, results, strict=True)
             if mention.kind == "name" and result is not None and result.place is not None
             and result.place.kind == "city" and (result.place.confidence or 0.0) >= SETTINGS.geo_context_min_confidence]
    if not towns:
        return None
    first, place = min(towns, key=lambda item: item[0].start)
    before = text[:first.start].rstrip(" \t")
    if (not before or before[-1] in "\n\r") and DATELINE_AFTER.match(text, first.end):
        return place
    return place if len({town.geonameid for _, town in towns}) == 1 else None


def _relabel_people(mentions: list[Mention], text: str = "") -> None:
    """Repair model labels with what the article itself says.

    A "place" no gazetteer knows, or a lone "organisation", that repeats a person's name of
    the article is that person (small models tag "Zelenskyy's office" as a place now and then).
    """
    people = [name_words(m.name) for m in mentions if m.kind == "name" and m.label == "PER"]
    titled = _titled(mentions, text)
    for index, mention in enumerate(mentions):
        if mention.kind != "name":
            continue
        if mention.label == "LOC" and not candidates(mention.name):
            words = name_words(mention.name)
            if len(words) <= 3 and any(same_person(person, words) for person in people):
                mention.label = "PER"
        elif mention.label in ("ORG", "MISC") and not alias_of(mention.name):
            # A surname of a full name of the article tagged as an organisation: "Kamp", or
            # "De Wolfs" after "Marieke de Wolfs" (the surname's words end the full name).
            words = name_words(mention.name)
            if words and any(len(person) > len(words) and person[-len(words):] == words for person in people):
                mention.label = "PER"
        elif (mention.label == "PER" and " " not in mention.name.strip() and not mention.aged and _is_big_place(mention.name)
              and not _after_honorific(text, mention.start) and index not in titled):
            # ... and a one-word "person" that is a big city or a country ("Kyiv") is that place,
            # unless a full name of the article has it ("Michael Jordan", "Sofia Jakobsson") or an
            # honorific, a title or an age names a person there ("Mr Jordan", "Sydney, 7,").
            words = name_words(mention.name)
            if not any(len(person) > 1 and words[0] in person for person in people if words):
                mention.label = "LOC"


def _is_big_place(name: str) -> bool:
    return any(entry.place.kind == "country" or entry.place.population >= SETTINGS.name_person_place_min_population
               for entry in candidates(name))


def _resolve_names(mentions: list[Mention], results: list[Resolved | None], context: set[str],
                   text: str = "", url: str | None = None, language: str = "",
                   site_home: tuple[str, str] | None = None) -> None:
    places: list[int] = []
    for index, mention in enumerate(mentions):
        if mention.kind != "name":
            continue
        alias = alias_of(mention.name)
        if alias:
            entity_id, label, canonical = alias
            area = organisation_place(entity_id)
            results[index] = Resolved(entity_id, canonical, label, area, area.country if area else None)
        elif mention.label == "LOC":
            places.append(index)
        elif mention.label in ("ORG", "MISC"):
            results[index] = Resolved(name_id(mention.label, mention.name), _strip_article(mention.name), mention.label)
    pairs = town_region_pairs(text, [(mentions[index].start, mentions[index].end) for index in places]) if text else []
    # Pairs are read from the text; the resolver looks names up in their dictionary form.
    lemma = {mentions[index].text: mentions[index].name for index in places}
    inner = _inner_places([mentions[index].name for index in places], language)
    marked = division_marks(text, [(mentions[index].start, mentions[index].end) for index in places], language)
    marked.update(_tagged_divisions(mentions, places))
    chosen = resolve_places([mentions[index].name for index in places], context,
                            pairs=[(lemma.get(town, town), lemma.get(region, region)) for town, region in pairs],
                            publication=publication_country(url), inner=inner,
                            divisions={lemma.get(name, name): full for name, full in marked.items()},
                            site_home=site_home, language=language, site=site_of(url))
    for index in places:
        place = chosen.get(fold(mentions[index].name))
        own_name = _strip_article(mentions[index].name)
        if place is None:
            results[index] = Resolved(name_id("LOC", own_name), own_name, "LOC")
        elif mentions[index].name in inner:
            # Named after a place, not that place: its own identity, at that place's point.
            results[index] = Resolved(name_id("LOC", own_name), own_name, "LOC", place, place.country)
        else:
            results[index] = Resolved(place.entity_id, place.name, "LOC", place, place.country)
    _place_organisation_seats(mentions, results, chosen)


def _place_organisation_seats(mentions: list[Mention], results: list[Resolved | None], chosen: dict[str, Place]) -> None:
    """An organisation whose whole name is a town the article's places vouch for ("Pirbright",
    the laboratory, in a story about Surrey) keeps its identity, at that town's point
    (:func:`newsweave.annotate.georesolve.seat_of`)."""
    seats: dict[str, Place | None] = {}
    for index, mention in enumerate(mentions):
        result = results[index]
        if mention.kind != "name" or result is None or result.label != "ORG" or result.place is not None:
            continue
        if mention.name not in seats:
            seats[mention.name] = seat_of(mention.name, chosen)
        seat = seats[mention.name]
        if seat is not None:
            results[index] = replace(result, place=seat, country=seat.country)


def _tagged_divisions(mentions: list[Mention], places: list[int]) -> dict[str, str]:
    """Dotted abbreviations in party-and-place tags -> their division, as the recall rules marked
    them on the mentions (``toponyms.mark_tagged_divisions``)."""
    return {mentions[index].text: mentions[index].tagged_division for index in places
            if mentions[index].tagged_division}


def _inner_places(names: list[str], language: str) -> dict[str, str]:
    """Names the gazetteer lacks -> the place each is named after (``toponyms.inner_place_name``)."""
    if not language:
        return {}
    from newsweave.annotate.toponyms import inner_place_name

    places = frozenset(fold(name) for name in names)
    found = {name: inner_place_name(name, language, places) for name in set(names)}
    return {name: part for name, part in found.items() if part}


def _places_named_otherwise(mentions: list[Mention], results: list[Resolved | None], text: str) -> None:
    """A name the article locates as a place at one mention is that place where the model called
    it a person, an organisation or a thing elsewhere ("Velmora" LOC in "in Velmora", PER in
    "Velmora's exports", MISC in "a resident of Velmora"): the model errs on the same word from
    one sentence to the next, the article does not change its meaning. Only a sure reading counts, and a mention keeps the other reading
    where the article shows it there: an honorific before it ("Mr Velmora"), a title right
    before it ("the minister, Velmora"), or a full name of the article that holds the word and
    opens with a given name ("Ann Velmora").
    An organisation's longer name ("Velmora Telecom") is another surface, so it never matches.
    """
    located = {fold(m.text): results[i] for i, m in enumerate(mentions)
               if m.kind == "name" and m.label == "LOC" and (result := results[i]) is not None
               and result.place is not None and (result.place.confidence or 0.0) >= SETTINGS.geo_context_min_confidence}
    if not located:
        return
    from newsweave.annotate.given_names import all_given_names

    titled = _titled(mentions, text)
    # A full name vouches for its words only when it opens with a given name ("Ann Velmora"), not
    # a model's guess such as a headline's "Rethinking Velmora"; without a list, every one does.
    given = all_given_names()
    in_full_names = {word for m in mentions if m.kind == "name" and m.label == "PER"
                     and (not given or m.name.split()[0] in given)
                     for word in name_words(m.name) if len(name_words(m.name)) > 1}
    for index, mention in enumerate(mentions):
        place = located.get(fold(mention.text))
        if (place is None or mention.kind != "name" or mention.label not in ("PER", "ORG", "MISC") or index in titled
                or _after_honorific(text, mention.start) or any(word in in_full_names for word in name_words(mention.name))):
            continue
        mention.label = "LOC"
        results[index] = place


def _titled(mentions: list[Mention], text: str) -> set[int]:
    """The mentions a title stands right before ("President Jordan", "the minister, Jordan"). A
    title bound to a name further off is no evidence here: titles bind to the nearest "person",
    and that may be the country the model mislabelled ("Velmora's former president")."""
    ends = {m.end for m in mentions if m.kind == "title"}
    return {index for index, m in enumerate(mentions)
            if any(text[end:m.start].strip(" ,") == "" and 0 <= m.start - end <= 3 for end in ends)}


def _after_honorific(text: str, start: int) -> bool:
    """Whether the word just before ``start`` is an honorific ("Mr", "Mme", "Dr.")."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and re.sub(r"[^a-z]", "", unidecode(before[-1]).lower()) in _honorifics()


def _resolve_persons(mentions: list[Mention], results: list[Resolved | None]) -> None:
    """Group the article's person names: a surname alone joins the full name that ends with it."""
    people = [i for i, m in enumerate(mentions) if m.kind == "name" and m.label == "PER" and results[i] is None]
    people.sort(key=lambda i: (-len(name_words(mentions[i].name)), mentions[i].start))
    heads: list[int] = []
    for index in people:
        words = name_words(mentions[index].name)
        if not words:
            results[index] = Resolved(name_id("PER", mentions[index].name), mentions[index].name, "PER")
            continue
        head = next((h for h in heads if same_person(name_words(mentions[h].name), words)), None)
        if head is None:
            heads.append(index)
            name = without_honorific(mentions[index].name)
            results[index] = Resolved(person_id(name), name, "PER")
        else:
            first = results[head]
            assert first is not None  # set when the head was met
            results[index] = Resolved(first.entity_id, first.canonical, "PER")


def same_person(known: list[str], other: list[str]) -> bool:
    """True when name ``other`` can be the person ``known`` names (surname, then first names).

    Surnames agree when their keys are close, or when their consonant skeletons are equal and
    long enough to say something (Poutine/Putin, Gorbatschow/Gorbachev). First names agree
    when one is an initial, or when they are close and start alike (same letter, or same
    skeleton: Yevgeny/Jewgeni/Evgueni); "John"/"Jane" stay apart."""
    if not known or not other:
        return False
    if not _same_surname(known[-1], other[-1]):
        return False
    if len(known) == 1 or len(other) == 1:
        return True
    # A surname of several words alone: "De Wolfs" of "Marieke de Wolfs".
    shorter, longer = sorted((known, other), key=len)
    if len(shorter) < len(longer) and list(longer[-len(shorter):]) == list(shorter) and shorter[0] in _particles():
        return True
    first_a, first_b = known[0], other[0]
    if min(len(first_a), len(first_b)) == 1:
        return first_a[0] == first_b[0]
    if fuzz.ratio(first_a, first_b) < SETTINGS.name_first_name_similarity:
        return False
    return first_a[0] == first_b[0] or (len(_sound(first_a)) >= 2 and _sound(first_a) == _sound(first_b))


def _same_surname(key_a: str, key_b: str) -> bool:
    if fuzz.ratio(key_a, key_b) >= SETTINGS.name_surname_similarity:
        return True
    skeleton = _sound(key_a)
    return len(skeleton) >= MIN_SKELETON and skeleton == _sound(key_b)


def _resolve_titles(mentions: list[Mention], results: list[Resolved | None]) -> None:
    """A title takes the person it stands next to; a bare title, the person bound to the same role."""
    bound: dict[str, Resolved] = {}
    for index, mention in enumerate(mentions):
        person = results[mention.bound_to] if mention.kind == "title" and mention.bound_to is not None else None
        if person is not None:
            bound.setdefault(mention.role or "", person)
    for index, mention in enumerate(mentions):
        if mention.kind == "title":
            person = results[mention.bound_to] if mention.bound_to is not None else bound.get(mention.role or "")
            if person:
                results[index] = Resolved(person.entity_id, person.canonical, "PER")


def entity_of(span: Span, mention: Mention, resolved: Resolved) -> Entity:
    """The contract's entity for one mention (``span``: its offsets and text)."""
    place = resolved.place
    return Entity(
        **span.offsets(),
        label=resolved.label,
        entity_id=resolved.entity_id,
        canonical=resolved.canonical,
        mention=mention.kind,
        lat=place.lat if place is not None else None,
        lon=place.lon if place is not None else None,
        geo_confidence=place.confidence if place is not None else None,
        country=resolved.country or None,
        role=mention.role or None,
    )


# -- across articles ---------------------------------------------------------------------------
