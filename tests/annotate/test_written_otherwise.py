"""A name the gazetteer lacks as written is looked up as the same name spelt otherwise: a saint's
abbreviation written in full ("St. Verlac", « Ste Orane »), hyphens as spaces and spaces as hyphens
(invented places, the English and French files' abbreviations)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_gazetteer

from newsweave.annotate import geo
from newsweave.annotate.geo import Place, _Entry

SAINT_TOWN = Place(21, "Saint-Verlac", 18.5, -72.7, "HT", 160_000, "city")
SAINTE_TOWN = Place(22, "Sainte-Orane", 46.0, 4.0, "FR", 3_000, "city")
REGION = Place(23, "Kvora Tanli", 41.5, 44.6, "GE", 400_000, "admin1")
VALLEY_TOWN = Place(24, "Marl-en-Vaux", 45.0, 5.0, "FR", 2_000, "city")
GAZETTEER = {
    "saint-verlac": (_Entry(SAINT_TOWN, True),),
    "sainte orane": (_Entry(SAINTE_TOWN, True),),
    "kvora tanli": (_Entry(REGION, True),),
    "marl-en-vaux": (_Entry(VALLEY_TOWN, True),),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_gazetteer(monkeypatch, GAZETTEER)


@pytest.mark.parametrize(("name", "place"), [
    ("St. Verlac", SAINT_TOWN), ("St Verlac", SAINT_TOWN), ("St-Verlac", SAINT_TOWN),
    ("Ste. Orane", SAINTE_TOWN), ("Ste-Orane", SAINTE_TOWN),
    ("Kvora-Tanli", REGION), ("Marl en Vaux", VALLEY_TOWN),
])
def test_the_same_name_spelt_otherwise(name: str, place: Place) -> None:
    assert [entry.place for entry in geo.candidates(name)] == [place]


def test_an_abbreviation_alone_or_elsewhere_in_the_name_is_no_saint() -> None:
    assert geo.candidates("St.") == ()
    assert geo.candidates("Verlac St.") == ()
    assert geo.candidates("Kvora") == ()
