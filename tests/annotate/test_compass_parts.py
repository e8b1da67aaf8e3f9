"""A name read as the place a compass word takes a part of ("West Vellmoor" as Vellmoor) is read
as a name named after another place: less sure than that place, so that a part read in a country
the article never points at is left unresolved (``georesolve.resolve_places``, ``geo.is_compass_part``).

Invented gazetteer: Vellmoor, a province of one country; Ardenac and Corbinel, cities of another.
"""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_gazetteer

from newsweave.annotate.geo import Place, _Entry, is_compass_part, resolve_places


def _entry(geonameid: int, name: str, country: str, population: int, kind: str) -> tuple[_Entry, ...]:
    return (_Entry(Place(geonameid, name, 10.0 + geonameid, 20.0, country, population, kind, region=name.lower()), True),)


GAZETTEER = {
    "vellmoor": _entry(1, "Vellmoor", "ZW", 380_000, "admin1"),
    "ardenac": _entry(2, "Ardenac", "GB", 900_000, "city"),
    "corbinel": _entry(3, "Corbinel", "GB", 400_000, "city"),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    # The resolver's tables built once from the gazetteer (region demonyms) are built from the
    # real one first, so that the invented one never stays in them for later tests.
    resolve_places(["Asian", "West Midlands"])
    use_invented_gazetteer(monkeypatch, GAZETTEER)


def test_a_compass_part_is_told_from_a_name_the_gazetteer_knows() -> None:
    assert is_compass_part("West Vellmoor") and is_compass_part("South Ardenac")
    assert not is_compass_part("Vellmoor") and not is_compass_part("West Norlake")


@pytest.mark.parametrize(("names", "language"), [
    (["West Vellmoor", "Ardenac", "Corbinel"], "en"),
    (["West Vellmoor", "Ardenac", "Corbinel"], "fr"),
    (["West Vellmoor"], "en"),
])
def test_a_compass_part_of_a_far_province_stays_unresolved(names: list[str], language: str) -> None:
    assert "west vellmoor" not in resolve_places(names, language=language)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_compass_part_of_the_article_s_town_is_read_there(language: str) -> None:
    chosen = resolve_places(["South Ardenac", "Corbinel"], language=language)
    assert chosen["south ardenac"].name == "Ardenac"
    # Less sure than the town itself: the part lies near its point, not at it.
    assert chosen["south ardenac"].confidence < resolve_places(["Ardenac", "Corbinel"])["ardenac"].confidence
