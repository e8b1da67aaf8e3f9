"""The gazetteer index and the resolver's context rules, on invented sentences and name lists.

The places named are real (the gazetteer must know them); the sentences and the people are ours.
"""

from __future__ import annotations

import sqlite3

import pytest

from newsweave.annotate import gazetteer as gaz
from newsweave.annotate.geo import candidates, countries, haversine_km, resolve_places


def test_the_index_is_built_once_into_the_cache_directory() -> None:
    candidates("Lyon")
    path = gaz.index_path()
    assert path.is_file() and path.parent == gaz.cache_dir()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM places").fetchone()[0] > 200_000


def test_building_writes_a_whole_index_from_entries(tmp_path) -> None:
    row = gaz.Row(1, "Vellmoor", 10.0, 20.0, "XX", 700, "city", None, "north", None, False)
    target = tmp_path / "g.sqlite"
    gaz.build(target, iter([("vellmoor", row, True), ("vellmor", row, False)]))
    with sqlite3.connect(target) as connection:
        found = gaz.lookup(connection, "vellmor")
    assert found == [(row, False)]
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize("name", ["Saint-Flour", "Bourg-Saint-Maurice", "Hebden Bridge"])
def test_small_towns_of_cities500_are_known(name: str) -> None:
    assert any(entry.place.kind == "city" and entry.place.population < 10_000 for entry in candidates(name))


@pytest.mark.parametrize(("name", "country"), [("Bretagne", "FR"), ("Ain", "FR"), ("Lombardia", "IT"),
                                                ("Kent", "GB"), ("Hall County", "US"), ("Bavaria", "DE")])
def test_divisions_of_every_country_are_known(name: str, country: str) -> None:
    assert any(entry.place.kind in ("admin1", "admin2") and entry.place.country == country
               for entry in candidates(name)), name


@pytest.mark.parametrize(("name", "lat", "lon"), [("Mediterranean", 35, 18), ("Moyen-Orient", 29, 41),
                                                  ("Atlantic", 0, -25)])
def test_seas_and_regions_have_a_point(name: str, lat: float, lon: float) -> None:
    place = resolve_places([name])[name.casefold()]
    assert place.kind == "region" and haversine_km(place.lat, place.lon, lat, lon) < 50


@pytest.mark.parametrize(("abbreviation", "state"), [("Calif.", "California"), ("W.Va.", "West Virginia"),
                                                     ("N.Y.", "New York")])
def test_ap_abbreviations_of_us_states(abbreviation: str, state: str) -> None:
    assert state in {entry.place.name for entry in candidates(abbreviation)}


@pytest.mark.parametrize("acronym", ["EU", "US", "UE"])
def test_acronyms_are_not_small_towns(acronym: str) -> None:
    assert all(entry.place.kind != "city" for entry in candidates(acronym))


def test_a_county_is_read_in_the_state_the_article_names() -> None:
    found = resolve_places(["Hall County", "Nebraska", "Grand Island"])
    assert found["hall county"].country == "US" and found["hall county"].region == "nebraska"


def test_a_town_is_read_near_the_places_the_article_is_sure_of() -> None:
    # "Richmond" alone is Richmond, Virginia, the biggest; beside Vancouver and Surrey it is the
    # Richmond of British Columbia.
    found = resolve_places(["Richmond", "Vancouver", "Burnaby", "Surrey"])
    assert found["richmond"].country == "CA"


def test_local_news_reads_homonyms_in_its_home_country() -> None:
    # Athens next to Ohio towns is Athens, Ohio; alone it is the Greek capital.
    found = resolve_places(["Athens", "Chillicothe", "Zanesville", "Lancaster", "Ohio"])
    assert found["athens"].country == "US"
    assert resolve_places(["Athens"])["athens"].country == "GR"


def test_a_division_gives_way_to_the_capital_of_its_name() -> None:
    assert resolve_places(["Washington", "Ohio", "Texas"])["washington"].kind == "city"


def test_each_place_carries_a_confidence() -> None:
    found = resolve_places(["Lyon", "Birmingham"])
    assert found["lyon"].confidence > 0.9
    assert 0 < found["birmingham"].confidence < found["lyon"].confidence


def test_a_name_too_uncertain_stays_unresolved() -> None:
    # Dozens of US towns are called Centerville, none much bigger than the others.
    assert "centerville" not in resolve_places(["Centerville"])


def test_a_demonym_that_is_a_small_towns_name_means_its_country() -> None:
    assert resolve_places(["Canadian"])["canadian"].geonameid == countries()["CA"].geonameid


def test_town_comma_region_reads_the_town_in_that_region() -> None:
    assert resolve_places(["Springfield", "Ill."])["springfield"].region == "illinois"
    assert resolve_places(["Springfield", "Mass."])["springfield"].region == "massachusetts"


def test_ville_virgule_region_en_francais() -> None:
    # Saint-Denis north of Paris beside Seine-Saint-Denis; the island's capital beside La Réunion.
    assert resolve_places(["Saint-Denis", "Seine-Saint-Denis"])["saint-denis"].country == "FR"
    assert resolve_places(["Saint-Denis", "La Réunion"])["saint-denis"].country == "RE"


def test_a_small_division_of_a_country_the_article_never_names_stays_unresolved() -> None:
    # Cameroon has a region called "West"; "the West" of a story about Europe is not it.
    assert "west" not in resolve_places(["West", "Paris", "Berlin"])
    assert resolve_places(["Hall County", "Nebraska"])["hall county"].country == "US"


def test_a_city_is_not_taken_for_a_district_named_after_it() -> None:
    # GeoNames files Perth's suburbs under a district "Cambridge": its summed population must not
    # beat the towns. Alone, Cambridge (England, Ontario, Massachusetts) is too uncertain to place.
    assert "cambridge" not in resolve_places(["Cambridge"])
    assert resolve_places(["Cambridge", "Oxford", "England"])["cambridge"].country == "GB"


def test_a_region_split_into_compass_divisions_is_known() -> None:
    """"Darfur" from North, South, West, East and Central Darfur, at the mean of their points."""
    from newsweave.annotate.gazetteer_build import _division_groups, _without_compass_word

    assert _without_compass_word("North Vellmoor") == "Vellmoor"
    assert _without_compass_word("Vellmoor-Oriental") == "Vellmoor"
    assert _without_compass_word("Vellmoor") is None
    rows = [gaz.Row(i, name, lat, 20.0, "XX", 1_000, "admin1", None, None, None, False)
            for i, (name, lat) in enumerate((("North Vellmoor", 12.0), ("South Vellmoor", 10.0),
                                             ("Western Cape", 0.0), ("Eastern Cape", 2.0)), start=1)]
    found = [(key, row.lat, row.population) for key, row, _ in _division_groups(rows)]
    assert found == [("vellmoor", 11.0, 2_000)]
    darfur = [entry.place for entry in candidates("Darfur") if entry.place.country == "SD"]
    assert darfur and haversine_km(darfur[0].lat, darfur[0].lon, 13.0, 25.0) < 300


def test_a_state_stands_at_the_packages_point_unless_that_is_its_namesake_city(monkeypatch) -> None:
    """countrystatecity's point of a state, not the mean of its towns (which leans to where people
    live); a point that is a city named after the state is the city's, and the state keeps the mean."""
    from newsweave.annotate import gazetteer_build

    states = [{"country_code": "XX", "name": "Vellmoor", "latitude": "31.0", "longitude": "-99.0"},
              {"country_code": "XX", "name": "Haute-Sarvenne", "latitude": "45.0", "longitude": "4.0"},
              {"country_code": "XX", "name": "Ostmark", "latitude": "", "longitude": ""},
              {"country_code": "YY", "name": "Dornelle", "latitude": "10.0", "longitude": "10.0"}]
    cities = {"1": {"countrycode": "XX", "name": "Haute-Sarvenne-la-Ville", "latitude": 45.05, "longitude": 4.05},
              "2": {"countrycode": "XX", "name": "Port Vellmoor", "latitude": 31.0, "longitude": -99.05},
              "3": {"countrycode": "XX", "name": "Vellmoor Springs", "latitude": 33.0, "longitude": -97.0}}

    class Cities:
        def get_cities(self) -> dict:
            return cities

    monkeypatch.setattr(gaz, "countrystatecity_states", lambda: iter(states))
    monkeypatch.setattr(gazetteer_build, "_geonames", lambda: Cities())
    # "Port Vellmoor" does not begin with the state's name, and "Vellmoor Springs" lies afar.
    assert gazetteer_build._state_points("XX") == {"vellmoor": (31.0, -99.0)}
    assert gazetteer_build._state_points("YY") == {"dornelle": (10.0, 10.0)}


def test_us_states_stand_at_their_middle_not_their_people() -> None:
    texas = next(entry.place for entry in candidates("Texas") if entry.place.kind == "admin1")
    new_york = next(entry.place for entry in candidates("New York") if entry.place.kind == "admin1")
    # The mean of Texas' towns leans to its populous east (97.6°W); the source's point lies west of Austin.
    assert texas.lon < -98.0
    # The source's point of New York is New York City's; the state keeps the mean of its towns.
    assert haversine_km(new_york.lat, new_york.lon, 40.71, -74.01) > 100


@pytest.mark.parametrize(("name", "kept"), [("Koska", True), ("Sangat", True), ("Whereas", False), ("Parmi", False)])
def test_a_village_is_dropped_only_for_a_function_word_of_a_language_we_read(name: str, kept: bool) -> None:
    """Finnish "koska" and Indonesian "sangat" trip no text we annotate; English "whereas" and
    French « parmi » open sentences that we do."""
    from newsweave.annotate.gazetteer_build import _keeps_main_name
    from newsweave.annotate.geo import Place

    village = Place(1, name, 10.0, 20.0, "XX", 800, "city", "01")
    assert _keeps_main_name(village) is kept


@pytest.mark.parametrize(("name", "country"), [("Asti", "IT"), ("Carei", "RO"), ("Edessa", "GR")])
def test_towns_named_like_a_function_word_of_a_language_we_never_read_are_known(name: str, country: str) -> None:
    assert any(entry.place.kind == "city" and entry.place.country == country for entry in candidates(name))


def test_a_village_named_like_a_function_word_of_a_language_we_read_stays_out() -> None:
    # Die (Drôme) is German's article: every sentence-initial "Die" would be a place.
    assert not any(entry.place.kind == "city" and entry.place.country == "FR" for entry in candidates("Die"))
