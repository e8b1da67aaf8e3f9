"""The lookups that read a name through a division's word ("Ravon State", « province de Ravon »)
or a compass word ("North Ravon") take the word only as a word of its own: a name that merely
starts or ends with its letters ("Northravon", "Ravonstate") is not that place, the way "Amazon"
is not "a" + Mazon; and a division that news names with one local division's word and the
sources file under another ("Carrow District Court" of Carrow County) is read among both
(invented places; English and French words)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_gazetteer

from newsweave.annotate import geo
from newsweave.annotate.geo import Place, _Entry

INDEX = {
    "ravon": (_Entry(Place(1, "Ravon", 10.0, 20.0, "VL", 2_000_000, "admin1"), True),
              _Entry(Place(2, "Ravon", 10.5, 20.5, "VL", 400_000, "city"), True)),
    "orvane": (_Entry(Place(3, "Orvane", 11.0, 21.0, "VL", 900_000, "admin1"), True),
               _Entry(Place(4, "Orvane", 11.2, 21.1, "VL", 90_000, "city"), True)),
    # A small island's division abroad, and the county of a state "east" the sources file as "County".
    "carrow": (_Entry(Place(5, "Carrow", 54.0, -4.0, "QI", 8_000, "admin1"), True),
               _Entry(Place(6, "Carrow", 54.1, -4.1, "QI", 8_000, "city"), True)),
    "carrow county": (_Entry(Place(7, "Carrow County", 45.0, -93.0, "US", 500_000, "admin2", region="east"), True),),
    "easton": (_Entry(Place(8, "East", 46.0, -94.0, "US", 5_000_000, "admin1", region="east"), True),),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_gazetteer(monkeypatch, INDEX)


@pytest.mark.parametrize(("name", "expected"), [
    ("Ravon State", [1]), ("Ravon Province", [1]), ("province de Ravon", [1]), ("North Ravon", [1, 2]),
    # The letters of the word inside another word are no word of it.
    ("Ravonstate", []), ("Ravon-Statehouse", []), ("Provincederavon", []), ("Northravon", []),
    ("Southravon", []), ("Westravon", []),
])
def test_division_and_compass_words_are_whole_words(name: str, expected: list[int]) -> None:
    assert [entry.place.geonameid for entry in geo.candidates(name)] == expected


@pytest.mark.parametrize(("name", "expected"), [
    # French elides « de » before a vowel: the name follows the apostrophe, straight or curly.
    ("province d'Orvane", [3]), ("région d’Orvane", [3]), ("État d'Orvane", [3]), ("département d'Orvane", [3]),
    ("Orvane Province", [3]),
    # The elided prefix needs a name after it, and is no prefix inside a longer word.
    ("province d'", []), ("provinced'Orvane", []), ("province d'Orvanes", []),
])
def test_elided_french_division_prefixes(name: str, expected: list[int]) -> None:
    assert [entry.place.geonameid for entry in geo.candidates(name)] == expected


@pytest.mark.parametrize("name", ["Carrow District", "district de Carrow"])
def test_a_local_division_named_with_another_word_of_its_kind_is_read_among_both(name: str) -> None:
    # "filed in Carrow District Court" / « devant le tribunal du district de Carrow »
    assert [entry.place.geonameid for entry in geo.candidates(name)] == [5, 7]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_county_of_the_article_s_state_wins_over_the_division_abroad(language: str) -> None:
    chosen = geo.resolve_places(["Carrow District", "Easton"], language=language)
    assert chosen["carrow district"].geonameid == 7


@pytest.mark.parametrize("name", ["Carrow State", "Carrow Province", "province de Carrow"])
def test_a_first_level_word_does_not_bring_the_county(name: str) -> None:
    # "a Carrow state farm" is no farm of Carrow County.
    assert [entry.place.geonameid for entry in geo.candidates(name)] == [5]
