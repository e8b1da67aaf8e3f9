"""Readings no news text means: a name read through a leading "article" that is only its first
letters, a small town behind a real article, a demonym read as a town that bears it only as an
other name (invented places; English and French)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_gazetteer

from newsweave.annotate import geo, georesolve
from newsweave.annotate.geo import Place, _Entry, fold


def _place(geonameid: int, name: str, population: int, kind: str = "city", country: str = "VL") -> Place:
    return Place(geonameid, name, 10.0, 20.0, country, population, kind)  # type: ignore[arg-type]


INDEX = {
    "ravon": (_Entry(_place(1, "Ravon", 900), True),),
    "grand-ravon": (_Entry(_place(2, "Grand-Ravon", 300_000), True),),
    "orvanne": (_Entry(_place(3, "Orvanne", 5_000_000, "country", "OV"), True),),
    # GeoNames-style other names: the demonym of Veloria for a big town, and a small town's
    # own name that is a demonym.
    "velorian": (_Entry(_place(4, "Port-Velor", 200_000), False),),
    "orvannais": (_Entry(_place(5, "Orvannais", 150_000), True),),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_gazetteer(monkeypatch, INDEX)
    monkeypatch.setattr(geo, "_without_division_word", lambda key: ())
    monkeypatch.setattr(geo, "_without_compass_word", lambda key: ())


def _names(name: str) -> list[str]:
    return [entry.place.name for entry in geo.candidates(name)]


@pytest.mark.parametrize(("name", "expected"), [
    ("the Orvanne", ["Orvanne"]), ("l'Orvanne", ["Orvanne"]), ("la Grand-Ravon", ["Grand-Ravon"]),
    # The first letters of a word are no article: "Aravon" is not "a" Ravon, « Lorvanne » not « l'Orvanne ».
    ("Aravon", []), ("Iravon", []), ("Lorvanne", []), ("Theorvanne", []),
    # A small town is not named with an article ("Le Ravon" is a restaurant, « la Ravon » a shop).
    ("Le Ravon", []), ("the Ravon", []),
])
def test_leading_articles(name: str, expected: list[str]) -> None:
    assert _names(name) == expected


@pytest.mark.parametrize(("word", "expected"), [("Velorian", 6), ("VELORIAN", 6), ("Orvannais", 5), ("orvannais", 5)])
def test_a_demonym_beats_a_town_that_bears_it_only_as_an_other_name(monkeypatch: pytest.MonkeyPatch, word: str,
                                                                    expected: int) -> None:
    veloria, orvanne = _place(6, "Veloria", 3_000_000, "country"), _place(7, "Orvanne", 5_000_000, "country", "OV")
    monkeypatch.setattr(georesolve, "countries", lambda: {"VL": veloria, "OV": orvanne})
    monkeypatch.setattr(georesolve, "demonym_country", lambda name: {"velorian": "VL", "orvannais": "OV"}.get(fold(name)))
    monkeypatch.setattr(georesolve, "region_demonym", lambda name: None)
    # A big town whose own name is the demonym keeps its name ("Orvannais", 150,000 people).
    assert [entry.place.geonameid for entry in georesolve._options(word)] == [expected]
