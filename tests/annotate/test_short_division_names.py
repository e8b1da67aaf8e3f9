"""A name the gazetteer lacks that news writes for a county or parish ("Henrico" for Henrico
County) is read as that division, on invented places, in English and French articles."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate.geo import Place, _Entry
from newsweave.annotate.georesolve import resolve_places


def _entry(geonameid: int, name: str, kind: str, region: str, population: int, main: bool = True) -> _Entry:
    return _Entry(Place(geonameid, name, 38.0 + geonameid / 10, -80.0, "US", population, kind,  # type: ignore[arg-type]
                        region=region), main)


TALLOWMERE_COUNTY = _entry(1, "Tallowmere County", "admin2", "tesanna", 90_000)
ORVILLE_PARISH = _entry(2, "Orville Parish", "admin2", "louvanne", 40_000)
BRACKEN = _entry(3, "Bracken", "city", "tesanna", 8_000)
BRACKEN_COUNTY = _entry(4, "Bracken County", "admin2", "tesanna", 30_000)
# A county only another name of which is "Quillan County": no reading for "Quillan".
QUILLAN = _entry(5, "Greater Quillan County", "admin2", "tesanna", 30_000, main=False)
# A town far away, and a county of the same name that the article also names in full.
WEXLEY_TOWN = _Entry(Place(6, "Wexley", 52.0, 1.0, "GB", 60_000, "city", region="eastmarch"), True)
WEXLEY_COUNTY = _entry(7, "Wexley County", "admin2", "tesanna", 400_000)
GAZETTEER = {"wexley": (WEXLEY_TOWN,), "wexley county": (WEXLEY_COUNTY,), "tallowmere county": (TALLOWMERE_COUNTY,), "orville parish": (ORVILLE_PARISH,), "bracken": (BRACKEN,),
             "bracken county": (BRACKEN_COUNTY,), "quillan county": (QUILLAN,)}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("name", "division"), [("Tallowmere", TALLOWMERE_COUNTY), ("Orville", ORVILLE_PARISH)])
def test_a_name_the_gazetteer_lacks_is_the_county_or_parish_of_that_name(name: str, division: _Entry,
                                                                         language: str) -> None:
    assert resolve_places([name], language=language)[name.lower()].geonameid == division.place.geonameid


def test_a_name_with_a_reading_of_its_own_keeps_it() -> None:
    assert resolve_places(["Bracken"], language="en")["bracken"].geonameid == BRACKEN.place.geonameid


def test_only_a_division_s_main_name_counts() -> None:
    assert "quillan" not in resolve_places(["Quillan"], language="en")


def test_without_a_language_no_division_is_read_so() -> None:
    assert "tallowmere" not in resolve_places(["Tallowmere"])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_name_beside_its_county_named_in_full_is_read_as_that_county(language: str) -> None:
    assert resolve_places(["Wexley"], language=language)["wexley"].geonameid == WEXLEY_TOWN.place.geonameid
    # (as in news, a town of the county is named too: the two spellings of one name are no
    # context for each other)
    found = resolve_places(["Wexley County", "Wexley", "Bracken"], language=language)
    assert found["wexley"].geonameid == WEXLEY_COUNTY.place.geonameid
