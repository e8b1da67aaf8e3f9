"""A country or a division named inside a longer name ("Air Valoria Cargo"), and a generic word
of place names alone ("the Gulf", « l'Ouest ») read as a division only where the article points
at its country (invented countries and divisions; English and French)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate import toponyms
from newsweave.annotate.geo import Place, _Entry, fold
from newsweave.annotate.georesolve import resolve_places
from newsweave.annotate.toponyms import inner_place_name

VALORIA = Place(910_000_101, "Valoria", 10.0, 10.0, "VL", 40_000_000, "country")
BRENNMARK = Place(910_000_102, "Brennmark", 12.0, 11.0, "VL", 3_000_000, "admin1", region="brennmark")
NORLAND = Place(910_000_103, "Norland", 40.0, 40.0, "NL", 9_000_000, "country")
# Divisions GeoNames-like sources name by generic words.
GULF = Place(910_000_104, "Gulf", 11.0, 9.0, "VL", 150_000, "admin1", region="gulf")
OUEST = Place(910_000_105, "Ouest", 11.5, 9.5, "VL", 1_500_000, "admin1", region="ouest")
GAZETTEER = {"valoria": (_Entry(VALORIA, True),), "brennmark": (_Entry(BRENNMARK, True),),
             "norland": (_Entry(NORLAND, True),), "gulf": (_Entry(GULF, True),), "ouest": (_Entry(OUEST, True),)}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER, recall_too=True)


@pytest.mark.parametrize(("name", "language", "inner"), [
    ("Air Valoria Cargo", "en", "Valoria"),
    ("Marine Energy Brennmark Annual Conference", "en", "Brennmark"),
    ("Compagnie Air Valoria Industries", "fr", "Valoria"),
    ("Festival Brennmark Musique", "fr", "Brennmark"),
])
def test_a_country_or_division_inside_a_long_name(name: str, language: str, inner: str) -> None:
    assert inner_place_name(name, language) == inner


@pytest.mark.parametrize(("name", "language"), [
    # A common word of the language inside a name is that word ("china", "turkey").
    ("Fine China Ltd", "en"),
    ("Butterball Turkey Company", "en"),
    # Only countries and divisions count inside: a generic word is none.
    ("Annual Gulf Security Forum", "en"),
])
def test_no_place_inside(monkeypatch: pytest.MonkeyPatch, name: str, language: str) -> None:
    china = Place(910_000_106, "China", 35.0, 103.0, "CN", 1_400_000_000, "country")
    turkey = Place(910_000_107, "Turkey", 39.0, 35.0, "TR", 80_000_000, "country")
    known = {**GAZETTEER, "china": (_Entry(china, True),), "turkey": (_Entry(turkey, True),)}
    monkeypatch.setattr(toponyms, "candidates", lambda words: known.get(fold(words), ()))
    assert inner_place_name(name, language) is None


@pytest.mark.parametrize(("word", "others"), [("Gulf", ["Norland"]), ("Ouest", ["Norland"])])
def test_a_generic_word_alone_is_no_division_of_a_country_the_article_leaves_out(word: str, others: list[str]) -> None:
    assert fold(word) not in resolve_places([word, *others])


@pytest.mark.parametrize(("word", "others"), [("Gulf", ["Valoria"]), ("Ouest", ["Valoria", "Brennmark"])])
def test_a_generic_word_is_a_division_of_a_country_the_article_names(word: str, others: list[str]) -> None:
    assert resolve_places([word, *others])[fold(word)].country == "VL"
