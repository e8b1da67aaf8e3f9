"""Small towns named by a common word ("Valley", "Congress", « Clairière »): read only where the
article's other places vouch for them, on an invented gazetteer, in English and French (on by
default since stop 34). A name of several words, or a word only one lexicon knows
(a proper noun of WordNet's), is a place's name."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate import georesolve
from newsweave.annotate.geo import Place, _Entry
from newsweave.annotate.georesolve import _is_common_word, resolve_places


def _place(geonameid: int, name: str, lat: float, lon: float, region: str, population: int = 3_000,
           kind: str = "city", country: str = "US") -> _Entry:
    return _Entry(Place(geonameid, name, lat, lon, country, population, kind, region=region), True)  # type: ignore[arg-type]


GAZETTEER = {
    # Towns named by a common word, far from the big city the articles name.
    "orchard": (_place(1, "Orchard", 35.0, -86.0, "plaines"),),
    "clairiere": (_place(2, "Clairière", 35.2, -86.2, "plaines"),),
    # Towns named by several common words: a place's name, read as before.
    "amber meadow": (_place(8, "Amber Meadow", 35.3, -86.3, "plaines"),),
    "grange verte": (_place(9, "Grange Verte", 35.4, -86.4, "plaines"),),
    # A town of the same region, next to Orchard.
    "stonefield hollows": (_place(3, "Stonefield Hollows", 35.1, -86.1, "plaines"),),
    # A town whose name is no word, as small and as far.
    "quorvale": (_place(4, "Quorvale", 36.0, -87.0, "collines"),),
    "grandeville": (_place(5, "Grandeville", 45.0, -70.0, "cote-est", population=900_000),),
    # A bigger town named by a word.
    "lantern": (_place(6, "Lantern", 34.0, -85.0, "plaines", population=60_000),),
    # A county (second-level division) around Orchard, whose point is near it.
    "tallow county": (_place(7, "Tallow County", 35.05, -86.05, "plaines", population=90_000, kind="admin2"),),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)
    # The size it was tried with (settings.py), whatever the default becomes.
    monkeypatch.setattr(georesolve, "SETTINGS", replace(georesolve.SETTINGS, geo_word_town_max_population=20_000))


def test_the_rule_is_on_by_default() -> None:
    from newsweave.annotate.settings import SETTINGS

    assert SETTINGS.geo_word_town_max_population > 0


@pytest.mark.parametrize(("name", "language", "word"), [
    ("Orchard", "en", True),
    ("Meadows", "en", True),  # a plural
    ("August", "en", True),  # a month
    ("Quorvale", "en", False),
    # Several words: how places are named.
    ("Amber Meadow", "en", False),
    ("White House", "en", False),
    # WordNet lists it (a Greek region), simplemma does not: a proper noun.
    ("Laconia", "en", False),
    ("Clairière", "fr", True),
    ("Août", "fr", True),
    ("Grange Verte", "fr", False),
    ("Maison Blanche", "fr", False),
    ("Quorvale", "fr", False),
    # A word of another language only.
    ("Clairière", "en", False),
    # Without a language nothing is a word.
    ("Orchard", "", False),
])
def test_names_that_are_a_common_word(name: str, language: str, word: bool) -> None:
    assert _is_common_word(name, language) is word


@pytest.mark.parametrize(("name", "language", "word"), [
    ("Orchard", "en", True), ("Laconia", "en", False), ("Clairière", "fr", True), ("Quorvale", "fr", False)])
def test_the_common_word_test_never_decodes_simplemmas_whole_dictionary(
        name: str, language: str, word: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """simplemma's default backend decodes a language's whole dictionary into a dict (tens of
    megabytes per language and process); the low-memory backend gives the same answers."""
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the decoded dictionary was loaded")

    monkeypatch.setattr(type(DEFAULT_DICTIONARY_FACTORY), "get_dictionary", refuse)
    georesolve._known_word.cache_clear()
    try:
        assert _is_common_word(name, language) is word
    finally:
        georesolve._known_word.cache_clear()


@pytest.mark.parametrize(("town", "language"), [("Orchard", "en"), ("Clairière", "fr")])
def test_a_word_town_nothing_vouches_for_is_left_unresolved(town: str, language: str) -> None:
    found = resolve_places([town, "Grandeville"], language=language)
    assert "grandeville" in found
    assert town.lower() not in found


def test_without_the_language_the_town_is_read_as_before() -> None:
    assert "orchard" in resolve_places(["Orchard", "Grandeville"])


@pytest.mark.parametrize(("town", "language"), [("Amber Meadow", "en"), ("Grange Verte", "fr")])
def test_a_town_named_by_several_words_is_read_as_before(town: str, language: str) -> None:
    assert town.lower() in resolve_places([town, "Grandeville"], language=language)


def test_a_town_whose_name_is_no_word_is_read_as_before() -> None:
    assert "quorvale" in resolve_places(["Quorvale", "Grandeville"], language="en")


def test_a_big_town_named_by_a_word_is_read_as_before() -> None:
    assert "lantern" in resolve_places(["Lantern", "Grandeville"], language="en")


@pytest.mark.parametrize("other", ["Stonefield Hollows", "Tallow County"])
def test_a_neighbouring_place_vouches_for_a_word_town(other: str) -> None:
    # A town nearby, or a county whose point is near it, both named by the article.
    found = resolve_places(["Orchard", other, "Grandeville"], language="en")
    assert found["orchard"].geonameid == 1


def test_a_local_paper_naming_its_town_alone_keeps_it() -> None:
    assert resolve_places(["Orchard"], language="en")["orchard"].geonameid == 1
    assert resolve_places(["Clairière"], language="fr")["clairiere"].geonameid == 2


def test_the_site_home_vouches_for_a_word_town() -> None:
    # A local paper whose other articles lie in the town's division.
    found = resolve_places(["Orchard", "Grandeville"], site_home=("US", "plaines"), language="en")
    assert found["orchard"].geonameid == 1
    assert "orchard" not in resolve_places(["Orchard", "Grandeville"], site_home=("US", "collines"), language="en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_warming_loads_both_lexicons_of_the_language(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    from newsweave.annotate import name_repeats

    loaded: list[tuple[str, str]] = []
    monkeypatch.setattr(name_repeats, "lowercase_words", lambda lang: loaded.append(("index", lang)) or frozenset())
    monkeypatch.setattr(georesolve, "_simplemma_knows", lambda word, lang: loaded.append(("simplemma", lang)) or False)
    georesolve.warm_word_lexicons(language)
    assert loaded == [("index", language), ("simplemma", language)]
