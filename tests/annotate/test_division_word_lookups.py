"""The lookups that read a name through a division's word ("Ravon State", « province de Ravon »)
or a compass word ("North Ravon") take the word only as a word of its own: a name that merely
starts or ends with its letters ("Northravon", "Ravonstate") is not that place, the way "Amazon"
is not "a" + Mazon (invented places; English and French words)."""

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
