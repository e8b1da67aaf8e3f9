"""Names written "A, B" are a town and its region only when they are not two places of one
kind: two countries or two states are a list ("among them Valoria, Norland and …"), while a
town named like a country in a state stays one (invented places; English and French text)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate.geo import Place, _Entry
from newsweave.annotate.georesolve import resolve_places, town_region_pairs

VALORIA = Place(1, "Valoria", 10.0, 10.0, "VL", 50_000_000, "country")
NORLAND = Place(2, "Norland", 40.0, 40.0, "NL", 60_000_000, "country")
# A small town of Norland named after Valoria, and a state of Norland.
VALORIA_TOWN = Place(3, "Valoria", 40.2, 40.1, "NL", 6_000, "city", admin1="07", region="brennmark")
BRENNMARK = Place(4, "Brennmark", 40.3, 40.3, "NL", 3_000_000, "admin1", admin1="07", region="brennmark")
ESKER = Place(5, "Esker", 41.0, 41.0, "NL", 2_000_000, "admin1", admin1="08", region="esker")
ESKER_TOWN = Place(6, "Esker", 40.25, 40.2, "NL", 4_000, "city", admin1="07", region="brennmark")

# A state whose big city at its heart bears its name, and a small town of Brennmark named after it.
KORVAN = Place(7, "Korvan", 45.0, 45.0, "NL", 4_000_000, "admin1", admin1="09", region="korvan")
KORVAN_CITY = Place(8, "Korvan", 45.2, 45.1, "NL", 700_000, "city", admin1="09", region="korvan")
KORVAN_TOWN = Place(9, "Korvan", 40.35, 40.25, "NL", 900, "city", admin1="07", region="brennmark")

GAZETTEER = {
    "korvan": (_Entry(KORVAN_CITY, True), _Entry(KORVAN, True), _Entry(KORVAN_TOWN, True)),
    "valoria": (_Entry(VALORIA, True), _Entry(VALORIA_TOWN, True)),
    "norland": (_Entry(NORLAND, True),),
    "brennmark": (_Entry(BRENNMARK, True),),
    "esker": (_Entry(ESKER, True), _Entry(ESKER_TOWN, True)),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)


def _read(text: str, names: list[str]) -> dict[str, Place]:
    spans = []
    for name in names:
        start = text.index(name)
        spans.append((start, start + len(name)))
    return resolve_places(names, pairs=town_region_pairs(text, spans))


@pytest.mark.parametrize("text", [
    "Many countries, among them Valoria, Norland and others, closed their borders.",
    "Plusieurs pays, dont Valoria, Norland et d'autres, ont fermé leurs frontières.",
])
def test_two_countries_after_a_comma_are_a_list(text: str) -> None:
    assert _read(text, ["Valoria", "Norland"])["valoria"].kind == "country"


@pytest.mark.parametrize("text", [
    "The disorder was found in states including Esker, Brennmark and others.",
    "Le mal a été trouvé dans des États dont Esker, Brennmark et d'autres.",
])
def test_two_states_after_a_comma_are_a_list(text: str) -> None:
    assert _read(text, ["Esker", "Brennmark"])["esker"].kind == "admin1"


@pytest.mark.parametrize("text", [
    "The fair opened in Valoria, Brennmark on Sunday.",
    "La foire a ouvert à Valoria, Brennmark dimanche.",
])
def test_a_town_named_like_a_country_stays_in_its_state(text: str) -> None:
    assert _read(text, ["Valoria", "Brennmark"])["valoria"].geonameid == VALORIA_TOWN.geonameid


@pytest.mark.parametrize("text", [
    "The disorder was found in states including Esker, Korvan, Brennmark and others.",
    "Le mal a été trouvé dans des États dont Esker, Korvan, Brennmark et d'autres.",
])
def test_a_state_read_as_the_city_at_its_heart_is_still_a_state_of_the_list(text: str) -> None:
    found = _read(text, ["Esker", "Korvan", "Brennmark"])
    # Not the village of Brennmark that "Korvan, Brennmark" would make of it.
    assert found["korvan"].geonameid in (KORVAN.geonameid, KORVAN_CITY.geonameid)



# A capital written by its name and its short name ("Vantor, V.D."), and a small namesake in a
# state whose towns the article also names.
VANTOR = Place(40, "Vantor", 38.9, -77.0, "VT", 650_000, "city", admin1="VD", region="vantor district", capital=True)
VANTOR_TOWN = Place(41, "Vantor", 40.7, -74.9, "VT", 6_000, "city", admin1="GD", region="garden")
CAPITAL_GAZETTEER = {
    "vantor": (_Entry(VANTOR, True), _Entry(VANTOR_TOWN, True)),
    "v.d": (_Entry(VANTOR, False),),
    "garden": (_Entry(Place(42, "Garden", 40.2, -74.6, "VT", 3_000_000, "admin1", admin1="GD", region="garden"),
                      True),),
    "ashby": (_Entry(Place(43, "Ashby", 40.6, -74.8, "VT", 30_000, "city", admin1="GD", region="garden"), True),),
}


@pytest.mark.parametrize("text", [
    "Tickets are sold in Vantor, V.D., and in Garden towns such as Ashby.",
    "Les billets sont vendus à Vantor, V.D., et dans des villes du Garden comme Ashby.",
])
def test_a_town_written_by_its_name_and_its_short_name_is_that_town(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    use_invented_readings(monkeypatch, CAPITAL_GAZETTEER)
    assert _read(text, ["Vantor", "V.D.", "Garden", "Ashby"])["vantor"].geonameid == 40
