"""Small towns named by common words ("Valley", "White House", « Maison Blanche »): read only
where the article's other places vouch for them, on an invented gazetteer, in English and French
(a rule off by default, switched on here)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate import georesolve
from newsweave.annotate.geo import Place, _Entry
from newsweave.annotate.georesolve import _made_of_words, resolve_places


def _place(geonameid: int, name: str, lat: float, lon: float, region: str, population: int = 3_000,
           kind: str = "city", country: str = "US") -> _Entry:
    return _Entry(Place(geonameid, name, lat, lon, country, population, kind, region=region), True)  # type: ignore[arg-type]


GAZETTEER = {
    # Towns named by common words, far from the big city the articles name.
    "amber meadow": (_place(1, "Amber Meadow", 35.0, -86.0, "plaines"),),
    "grange verte": (_place(2, "Grange Verte", 35.2, -86.2, "plaines"),),
    # A town of the same region, next to Amber Meadow.
    "stonefield hollows": (_place(3, "Stonefield Hollows", 35.1, -86.1, "plaines"),),
    # A town whose name is no word, as small and as far.
    "quorvale": (_place(4, "Quorvale", 36.0, -87.0, "collines"),),
    "grandeville": (_place(5, "Grandeville", 45.0, -70.0, "cote-est", population=900_000),),
    # A bigger town named by words.
    "copper bridge": (_place(6, "Copper Bridge", 34.0, -85.0, "plaines", population=60_000),),
    # A county (second-level division) around Amber Meadow, whose point is near it.
    "tallow county": (_place(7, "Tallow County", 35.05, -86.05, "plaines", population=90_000, kind="admin2"),),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)
    # The rule is off by default (settings.py): on here, at the size it was tried with.
    monkeypatch.setattr(georesolve, "SETTINGS", replace(georesolve.SETTINGS, geo_word_town_max_population=20_000))


def test_the_rule_is_off_by_default() -> None:
    from newsweave.annotate.settings import SETTINGS

    assert SETTINGS.geo_word_town_max_population == 0


@pytest.mark.parametrize(("name", "language", "made"), [
    ("Amber Meadow", "en", True),
    ("August", "en", True),
    ("White House", "en", True),
    ("Quorvale", "en", False),
    ("Stonefield Hollows", "en", False),
    ("Maison Blanche", "fr", True),
    ("Grange Verte", "fr", True),
    ("Quorvale", "fr", False),
    # Without a language nothing is a word.
    ("Amber Meadow", "", False),
])
def test_names_made_of_common_words(name: str, language: str, made: bool) -> None:
    assert _made_of_words(name, language) is made


@pytest.mark.parametrize(("town", "language"), [("Amber Meadow", "en"), ("Grange Verte", "fr")])
def test_a_word_town_nothing_vouches_for_is_left_unresolved(town: str, language: str) -> None:
    found = resolve_places([town, "Grandeville"], language=language)
    assert "grandeville" in found
    assert town.lower() not in found


def test_without_the_language_the_town_is_read_as_before() -> None:
    assert "amber meadow" in resolve_places(["Amber Meadow", "Grandeville"])


def test_a_town_whose_name_is_no_word_is_read_as_before() -> None:
    assert "quorvale" in resolve_places(["Quorvale", "Grandeville"], language="en")


def test_a_big_town_named_by_words_is_read_as_before() -> None:
    assert "copper bridge" in resolve_places(["Copper Bridge", "Grandeville"], language="en")


@pytest.mark.parametrize("other", ["Stonefield Hollows", "Tallow County"])
def test_a_neighbouring_place_vouches_for_a_word_town(other: str) -> None:
    # A town nearby, or a county whose point is near it, both named by the article.
    found = resolve_places(["Amber Meadow", other, "Grandeville"], language="en")
    assert found["amber meadow"].geonameid == 1


def test_a_local_paper_naming_its_town_alone_keeps_it() -> None:
    assert resolve_places(["Amber Meadow"], language="en")["amber meadow"].geonameid == 1
    assert resolve_places(["Grange Verte"], language="fr")["grange verte"].geonameid == 2


def test_the_site_home_vouches_for_a_word_town() -> None:
    # A local paper whose other articles lie in the town's division.
    found = resolve_places(["Amber Meadow", "Grandeville"], site_home=("US", "plaines"), language="en")
    assert found["amber meadow"].geonameid == 1
    assert "amber meadow" not in resolve_places(["Amber Meadow", "Grandeville"], site_home=("US", "collines"),
                                                language="en")
