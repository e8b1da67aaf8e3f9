"""Context rules of the place resolver, on an invented gazetteer (towns no atlas has)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate import georesolve
from newsweave.annotate.geo import Place, _Entry, fold
from newsweave.annotate.georesolve import resolve_places


def _town(geonameid: int, name: str, lat: float, lon: float, region: str, population: int = 8_000,
          country: str = "US") -> _Entry:
    return _Entry(Place(geonameid, name, lat, lon, country, population, "city", region=region), True)


# Three small-town names, each borne by towns of several regions; only in "Vallée-Haute" do a
# "Maple Ford" and an "Ouest-Brook" lie next to each other (some 15 km apart).
GAZETTEER = {
    "maple ford": (_town(1, "Maple Ford", 41.20, -91.40, "vallee-haute"),
                   _town(2, "Maple Ford", 41.50, -72.10, "bas-pays", population=27_000),
                   _town(3, "Maple Ford", 33.00, -97.00, "grand-sud", population=12_000)),
    "ouest-brook": (_town(4, "Ouest-Brook", 41.05, -91.55, "vallee-haute"),
                    _town(5, "Ouest-Brook", 35.00, -80.00, "cote-est", population=20_000)),
    "pine hollow": (_town(6, "Pine Hollow", 44.00, -100.00, "plaines", population=9_000),
                    _town(7, "Pine Hollow", 39.00, -75.00, "cote-est", population=9_500)),
    "grandeville": (_town(8, "Grandeville", 41.10, -91.50, "vallee-haute"),
                    _Entry(Place(9, "Grandeville", 48.00, 2.00, "FR", 2_000_000, "city", region="ile-verte",
                                 capital=True), True)),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)


@pytest.mark.parametrize("names", [["Maple Ford", "Ouest-Brook"], ["maple ford", "Ouest-Brook", "Pine Hollow"]])
def test_two_small_namesakes_that_meet_in_one_spot_are_read_there(names: list[str]) -> None:
    found = resolve_places(names)
    assert found["maple ford"].region == "vallee-haute"
    assert found["ouest-brook"].region == "vallee-haute"


def test_a_name_alone_keeps_its_biggest_namesake() -> None:
    assert resolve_places(["Maple Ford", "Pine Hollow"])["maple ford"].geonameid == 2


def test_a_name_a_capital_bears_is_no_neighbour() -> None:
    # "Grandeville" is a capital abroad as well as a town beside Maple Ford: it means the capital.
    found = resolve_places(["Maple Ford", "Grandeville"])
    assert found["maple ford"].geonameid == 2
    assert georesolve._neighbours({key: GAZETTEER[key] for key in ("maple ford", "grandeville")}) == frozenset()


def test_names_that_meet_in_two_spots_mark_nothing() -> None:
    twice = {**GAZETTEER, "ouest-brook": (*GAZETTEER["ouest-brook"],
                                          _town(10, "Ouest-Brook", 41.45, -72.20, "bas-pays"))}
    assert georesolve._neighbours({key: twice[key] for key in ("maple ford", "ouest-brook")}) == frozenset()


# Initials of countries: invented towns in real countries (the initials come from the countries' names).
INITIALS_GAZETTEER = {
    "kauriwai": (_town(20, "Kauriwai", -39.0, 175.5, "te-uta", country="NZ"),),
    "kinvela": (_town(21, "Kinvéla", -4.0, 21.0, "kasai-du-nord", country="CD"),),
    "dorpsrand": (_town(22, "Dorpsrand", -26.0, 28.0, "hoeveld", country="ZA"),),
    "wadi qarm": (_town(23, "Wadi Qarm", 24.0, 45.0, "najd-ouest", country="SA"),),
}


@pytest.fixture
def towns_abroad(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.annotate.geo import candidates

    # Invented towns, and the real gazetteer for the countries' names.
    monkeypatch.setattr(georesolve, "_options", lambda name: INITIALS_GAZETTEER.get(fold(name)) or tuple(
        entry for entry in candidates(name) if entry.place.kind == "country"))


@pytest.mark.parametrize(("names", "initials", "code"), [
    (["Kauriwai", "NZ"], "nz", "NZ"),                                   # English: a sure town of the country
    (["Kinvéla", "RDC"], "rdc", "CD"),                                  # French « RDC »
    (["République démocratique du Congo", "Kinvéla", "RDC"], "rdc", "CD"),
])
def test_initials_of_a_country_the_article_points_at_are_that_country(towns_abroad: None, names: list[str],
                                                                        initials: str, code: str) -> None:
    assert resolve_places(names)[initials].country == code


def test_initials_of_a_country_the_article_never_points_at_stay_unresolved(towns_abroad: None) -> None:
    assert "nz" not in resolve_places(["Kinvéla", "NZ"])


def test_initials_of_two_countries_the_article_points_at_stay_unresolved(towns_abroad: None) -> None:
    # "KSA" is Saudi Arabia only, but "SA" also spells South Africa: with towns of both, no reading.
    assert resolve_places(["Wadi Qarm", "KSA"])["ksa"].country == "SA"
    assert "sa" not in resolve_places(["Dorpsrand", "Wadi Qarm", "South Africa", "Saudi Arabia", "SA"])


@pytest.mark.parametrize("country", ["South Africa", "Afrique du Sud"])
def test_initials_spelling_a_function_word_need_the_country_named(towns_abroad: None, country: str) -> None:
    # French « sa »: a sure town is not enough, the country written in full is.
    assert "sa" not in resolve_places(["Dorpsrand", "SA"])
    assert resolve_places(["Dorpsrand", country, "SA"])["sa"].country == "ZA"


def test_initials_are_read_as_written() -> None:
    from newsweave.annotate.country_initials import country_initials

    assert country_initials("NZ") == ("NZ",)
    assert country_initials("Nz") == ()
    assert "AE" in country_initials("EAU") and "AE" in country_initials("UAE")


def test_namesakes_meet_east_and_west_far_north() -> None:
    # At 60°N two towns 35 km apart east-west lie about 0.63° of longitude apart.
    north = {
        "lakselv nord": (_town(30, "Lakselv Nord", 60.00, 10.00, "fjellbygd", country="NO"),
                         _town(31, "Lakselv Nord", 45.00, 5.00, "val-bas", population=20_000, country="FR")),
        "saint-ours": (_town(32, "Saint-Ours", 60.00, 10.63, "fjellbygd", country="NO"),
                       _town(33, "Saint-Ours", 46.00, 1.00, "val-haut", population=20_000, country="FR")),
    }
    assert georesolve._neighbours(north) == frozenset({30, 32})


@pytest.mark.parametrize("town", ["Bergmark", "Bergmarque"])
def test_a_country_keeps_its_name_beside_a_town_that_bears_it_only_as_another_name(
        monkeypatch: pytest.MonkeyPatch, town: str) -> None:
    # "Veloria" is a country; a small town abroad bears it as another name, and lies next to a
    # sure town of the article (English or French spelling of it): the country stays the country.
    invented = {
        fold(town): (_town(40, "Bergmark", 41.10, 29.00, "kustland", population=2_000_000, country="TR"),),
        "veloria": (_Entry(Place(41, "Veloria", -30.0, -71.0, "CL", 18_000_000, "country"), True),
                    _Entry(Place(42, "Velorkoy", 41.15, 29.40, "TR", 19_000, "city", region="kustland"), False)),
    }
    monkeypatch.setattr(georesolve, "_options", lambda name: invented.get(fold(name), ()))
    assert resolve_places([town, "Veloria"], context_countries=["TR"])["veloria"].geonameid == 41


# A name the gazetteer lacks, read at the place it is named after (stop 30).
@pytest.mark.parametrize("name", ["Maple Ford Cathedral", "Lycée de Maple Ford"])
def test_a_name_the_gazetteer_lacks_is_read_at_its_inner_place_in_context(name: str) -> None:
    found = resolve_places([name, "Ouest-Brook"], inner={name: "Maple Ford"})
    place = found[fold(name)]
    assert place.region == "vallee-haute"
    # Less sure than the place itself: the thing named lies in or near it.
    assert place.confidence is not None and place.confidence < resolve_places(["Maple Ford", "Ouest-Brook"])["maple ford"].confidence


def test_a_known_name_is_not_read_through_an_inner_place() -> None:
    found = resolve_places(["Pine Hollow"], inner={"Pine Hollow": "Grandeville"})
    assert found["pine hollow"].name == "Pine Hollow"


def test_without_an_inner_place_an_unknown_name_stays_unresolved() -> None:
    assert fold("Maple Ford Cathedral") not in resolve_places(["Maple Ford Cathedral", "Ouest-Brook"])


# Names the text marks as divisions by a noun of divisions (stop 30).
def _county(geonameid: int, name: str, lat: float, lon: float, region: str) -> _Entry:
    return _Entry(Place(geonameid, name, lat, lon, "US", 30_000, "admin2", region=region, district=fold(name)), True)


DIVISIONS = {
    "tallow creek": (_town(30, "Tallow Creek", 35.0, -80.1, "cote-est", population=60_000),),
    "tallow creek county": (_county(31, "Tallow Creek County", 41.3, -91.3, "vallee-haute"),
                            _county(32, "Tallow Creek County", 30.0, -95.0, "grand-sud")),
    "vallee-haute": (_Entry(Place(33, "Vallée-Haute", 41.0, -91.0, "US", 3_000_000, "admin1", region="vallee-haute"),
                            True),),
    "vallee-haute county": (_county(34, "Vallée-Haute County", 44.0, -100.0, "plaines"),),
}


@pytest.fixture
def divisions(monkeypatch: pytest.MonkeyPatch) -> None:
    table = {**GAZETTEER, **DIVISIONS}
    monkeypatch.setattr(georesolve, "_options", lambda name: table.get(fold(name), ()))


@pytest.mark.usefixtures("divisions")
def test_a_name_marked_as_a_county_is_read_among_counties_in_context() -> None:
    found = resolve_places(["Tallow Creek", "Vallée-Haute"], divisions={"Tallow Creek": "Tallow Creek County"})
    assert found["tallow creek"].geonameid == 31
    assert resolve_places(["Tallow Creek", "Vallée-Haute"])["tallow creek"].geonameid == 30


@pytest.mark.usefixtures("divisions")
def test_a_state_before_counties_stays_the_state() -> None:
    # "Vallée-Haute counties" are the counties of that state.
    found = resolve_places(["Vallée-Haute"], divisions={"Vallée-Haute": "Vallée-Haute County"})
    assert found["vallee-haute"].geonameid == 33


@pytest.mark.usefixtures("divisions")
def test_a_name_marked_as_a_state_is_the_state_not_a_town_of_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # "a Vallée-Haute state farm" beside Brisk: a town named like the state lies next to Brisk, so
    # the name alone is read as that town; the noun says it is the state.
    state = DIVISIONS["vallee-haute"]
    town = _town(35, "Vallée-Haute", 35.1, -80.2, "cote-est", population=5_000_000)
    table = {**GAZETTEER, **DIVISIONS, "vallee-haute": (town, *state), "vallee-haute state": state,
             "brisk": (_town(36, "Brisk", 35.15, -80.25, "cote-est", population=20_000),)}
    monkeypatch.setattr(georesolve, "_options", lambda name: table.get(fold(name), ()))
    assert resolve_places(["Vallée-Haute", "Brisk"])["vallee-haute"].geonameid == 35
    found = resolve_places(["Vallée-Haute", "Brisk"], divisions={"Vallée-Haute": "Vallée-Haute State"})
    assert found["vallee-haute"].geonameid == 33


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    import re

    return [(match.start(), match.end()) for match in re.finditer("|".join(map(re.escape, names)), text)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The bridge between Tallow and Brisk counties.", "en", {"Tallow": "Tallow County", "Brisk": "Brisk County"}),
    ("Workers in Tallow, Brisk or Wend counties.", "en",
     {"Tallow": "Tallow County", "Brisk": "Brisk County", "Wend": "Wend County"}),
    ("Tallow and Brisk county officials met.", "en", {"Brisk": "Brisk County"}),
    ("A Tallow Co. man was hurt.", "en", {"Tallow Co.": "Tallow County"}),
    ("Le pont entre les comtés de Tallow et de Brisk.", "fr", {"Tallow": "Tallow County", "Brisk": "Brisk County"}),
    ("La paroisse de Tallow et Brisk.", "fr", {"Tallow": "Tallow Parish"}),
    ("A Tallow state farm and a Brisk province clinic.", "en", {"Tallow": "Tallow State", "Brisk": "Brisk Province"}),
    ("Une ferme de l'État de Tallow et la province de Brisk.", "fr",
     {"Tallow": "Tallow State", "Brisk": "Brisk Province"}),
    ("The Tallow State Fair.", "en", {}),
    ("Tallow and Brisk met in Wend.", "en", {}),
    ("The bridge between Tallow and Brisk counties.", "de", {}),
])
def test_division_marks(text: str, language: str, expected: dict[str, str]) -> None:
    names = ["Tallow Co.", "Tallow", "Brisk", "Wend"]
    assert georesolve.division_marks(text, _spans(text, names), language) == expected
