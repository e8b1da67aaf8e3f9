"""Seats of government ("the White House said", « le Kremlin a démenti »): read at the town of the
seat, never as a town of their own name; an organisation or a place so named is placed there
only in an article that names the seat's country (invented seats, capitals and towns, English and French)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_gazetteer, use_invented_readings

from newsweave.annotate import geo
from newsweave.annotate.geo import Place, _Entry
from newsweave.annotate.georesolve import home_votes, resolve_places, seat_of

CAPITAL = Place(10, "Vantaria City", 12.0, 40.0, "VT", 900_000, "city", region="capital district", capital=True)
COUNTRY = Place(11, "Vantaria", 12.5, 41.0, "VT", 9_000_000, "country")
# A village that bears the seat's name, far from the capital, and a town of another country.
NAMESAKE = Place(12, "Glass Palace", 35.0, -90.0, "US", 1_200, "city", region="prairie")
ELSEWHERE = Place(13, "Dorvik", -20.0, 130.0, "AU", 40_000, "city", region="outback")
GAZETTEER = {
    "glass palace": (_Entry(NAMESAKE, True),),
    "palais de verre": (_Entry(NAMESAKE, True),),
    "vantaria": (_Entry(COUNTRY, True),),
    "dorvik": (_Entry(ELSEWHERE, True),),
}
SEATS = {"glass palace": CAPITAL, "palais de verre": CAPITAL}
# The reader of the language files, uncached, before the fixture replaces it.
READ_SEATS = geo._government_seats.__wrapped__


@pytest.fixture(autouse=True)
def invented_seats(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_gazetteer(monkeypatch, GAZETTEER)
    monkeypatch.setattr(geo, "_government_seats", lambda: SEATS)


@pytest.mark.parametrize("name", ["Glass Palace", "the Glass Palace", "Palais de Verre", "le Palais de Verre"])
def test_a_seat_is_its_capital_and_no_town_of_its_name(name: str) -> None:
    assert [entry.place for entry in geo.candidates(name)] == [CAPITAL]


def test_other_names_keep_their_readings() -> None:
    assert [entry.place for entry in geo.candidates("Dorvik")] == [ELSEWHERE]
    assert geo.government_seat("Dorvik") is None


def test_the_seats_are_read_from_every_language_file(monkeypatch: pytest.MonkeyPatch) -> None:
    tables = {"en": {"seat_of_government": [{"geonameid": 10, "names": ["Glass Palace"]}]},
              "fr": {"seat_of_government": [{"geonameid": 10, "names": ["Palais de Verre"]}]}}
    monkeypatch.setattr(geo.lang, "load_all", lambda name: tables if name == "places" else {})
    monkeypatch.setattr(geo, "place_by_id", lambda geonameid: CAPITAL if geonameid == 10 else None)
    assert READ_SEATS() == {"glass palace": CAPITAL, "palais de verre": CAPITAL}


@pytest.mark.parametrize("name", ["Glass Palace", "Palais de Verre"])
def test_an_organisation_named_for_a_seat_is_placed_where_the_article_names_its_country(
        monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)
    seat = seat_of(name, resolve_places(["Vantaria"]))
    assert seat is not None and seat.geonameid == CAPITAL.geonameid
    assert seat.confidence is not None and seat.confidence < 1


def test_no_seat_in_an_article_about_another_country(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)
    assert seat_of("Glass Palace", resolve_places(["Dorvik"])) is None
    assert seat_of("Glass Palace", {}) is None


@pytest.mark.parametrize("name", ["Glass Palace", "the Glass Palace", "Palais de Verre", "le Palais de Verre"])
def test_a_seat_read_as_a_place_is_placed_only_where_the_article_names_its_country(
        monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    use_invented_readings(monkeypatch, {**GAZETTEER, geo.fold(name): (_Entry(CAPITAL, False),)})
    assert geo.fold(name) not in resolve_places([name, "Dorvik"])
    assert geo.fold(name) not in resolve_places([name])
    assert resolve_places([name, "Vantaria"])[geo.fold(name)].geonameid == CAPITAL.geonameid


def test_a_seat_casts_no_vote_for_a_site_home(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, {**GAZETTEER, "glass palace": (_Entry(CAPITAL, False),)})
    chosen = resolve_places(["Glass Palace", "Dorvik", "Vantaria"])
    assert chosen["glass palace"].geonameid == CAPITAL.geonameid
    assert home_votes(chosen) == {("AU", "outback")}
