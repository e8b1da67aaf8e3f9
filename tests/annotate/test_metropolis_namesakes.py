"""A metropolis over a small namesake town whose state the article names elsewhere.

The invented places stand in a country "XX"; the last cases read real names through the gazetteer
(an invented list of stops, in English and French).
"""

from __future__ import annotations

import pytest

from newsweave.annotate.geo import Place, _Entry, resolve_places
from newsweave.annotate.georesolve import Context, _choose


def _town(geonameid: int, population: int, region: str, lat: float) -> _Entry:
    return _Entry(Place(geonameid, "Varenholt", lat, 20.0, "XX", population, "city", region=region), True)


def _context_naming(region: str) -> Context:
    return Context({"XX"}, {("XX", region)}, [])


def test_a_metropolis_outranks_a_small_namesake_in_a_state_named_elsewhere() -> None:
    metropolis, town = _town(1, 900_000, "north", 10.0), _town(2, 4_000, "south", 14.0)
    place, _ = _choose((town, metropolis), _context_naming("south"))
    assert place.geonameid == 1


def test_a_town_of_some_size_in_the_named_state_still_wins() -> None:
    city, town = _town(1, 600_000, "north", 10.0), _town(2, 120_000, "south", 14.0)
    place, _ = _choose((town, city), _context_naming("south"))
    assert place.geonameid == 2


def test_a_town_written_with_its_state_still_wins() -> None:
    metropolis, town = _town(1, 900_000, "north", 10.0), _town(2, 4_000, "south", 14.0)
    context = _context_naming("south")
    context.inside = Place(3, "South", 14.0, 20.0, "XX", 2_000_000, "admin1", region="south")
    place, _ = _choose((town, metropolis), context)
    assert place.geonameid == 2


@pytest.mark.parametrize("language", ["en", "fr"])
def test_boston_beside_new_york_is_the_metropolis(language: str) -> None:
    # "after stops in Washington, New York and Boston" / « après Washington, New York et Boston »
    chosen = resolve_places(["Washington", "New York", "Boston"], language=language)
    assert chosen["boston"].admin1 == "MA"
