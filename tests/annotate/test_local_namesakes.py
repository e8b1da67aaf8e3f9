"""A local paper's town at the right namesake: towns that the context made sure vouch for the
towns near them, a town the site's address spells is read in the site's home, and a county meets
a town of the county next door (``georesolve.resolve_places``).

Invented towns and counties in a country "US" (states "east", "west", "south") and a capital
abroad; the names are read the same in English and French articles.
"""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate.geo import Place, _Entry, resolve_places


def _town(geonameid: int, name: str, population: int, region: str, lat: float, lon: float,
          country: str = "US", capital: bool = False) -> _Entry:
    return _Entry(Place(geonameid, name, lat, lon, country, population, "city", region=region, capital=capital), True)


def _county(geonameid: int, name: str, region: str, lat: float, lon: float) -> _Entry:
    return _Entry(Place(geonameid, name, lat, lon, "US", 60_000, "admin2", region=region), True)


# Two town names of two states each that meet only in "east", and a name shared by a capital
# abroad and a small town some 100 km from them.
MEETING = {
    "harwick": (_town(1, "Harwick", 40_000, "east", 41.0, -72.0), _town(2, "Harwick", 45_000, "west", 39.0, -95.0)),
    "dunmore": (_town(3, "Dunmore", 110_000, "east", 41.2, -72.2), _town(4, "Dunmore", 100_000, "south", 33.0, -85.0)),
    "kestrel": (_town(5, "Kestrel", 3_000_000, "capital", 52.0, 13.0, country="YY", capital=True),
                _town(6, "Kestrel", 2_400, "east", 41.8, -71.5)),
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_towns_made_sure_together_vouch_for_a_small_town_near_them(monkeypatch: pytest.MonkeyPatch,
                                                                  language: str) -> None:
    # "The Harwick board met in Dunmore; the Kestrel team came too." /
    # « Le conseil de Harwick s'est réuni à Dunmore ; l'équipe de Kestrel est venue aussi. »
    use_invented_readings(monkeypatch, MEETING)
    chosen = resolve_places(["Harwick", "Dunmore", "Kestrel"], language=language)
    assert (chosen["harwick"].geonameid, chosen["dunmore"].geonameid) == (1, 3)
    assert chosen["kestrel"].geonameid == 6


def test_the_capital_abroad_stays_where_no_town_is_made_sure(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, MEETING)
    assert resolve_places(["Kestrel"], language="en")["kestrel"].geonameid == 5


# A town of two states, and a town of the west that makes the west the article's own home.
SITE = {
    "varenholt": (_town(11, "Varenholt", 52_000, "west", 39.0, -95.0), _town(12, "Varenholt", 6_000, "south", 33.0, -85.0)),
    "ostrum": (_town(13, "Ostrum", 300_000, "west", 39.3, -95.2),),
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_town_the_site_is_named_after_is_read_in_the_site_s_home(monkeypatch: pytest.MonkeyPatch,
                                                                      language: str) -> None:
    use_invented_readings(monkeypatch, SITE)
    chosen = resolve_places(["Varenholt", "Ostrum"], site_home=("US", "south"), language=language,
                            site="varenholtregister.com")
    assert chosen["varenholt"].geonameid == 12


def test_a_town_the_site_does_not_spell_keeps_the_article_s_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, SITE)
    chosen = resolve_places(["Varenholt", "Ostrum"], site_home=("US", "south"), language="en",
                            site="dailyledger.com")
    assert chosen["varenholt"].geonameid == 11


def test_a_site_without_a_home_says_nothing_of_its_town(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, SITE)
    chosen = resolve_places(["Varenholt", "Ostrum"], language="en", site="varenholtregister.com")
    assert chosen["varenholt"].geonameid == 11


# A county of two states and a town of three; the county's middle in "south" lies some 50 km
# from that state's town (a town of the county next door), the others far apart.
COUNTY = {
    "brennan county": (_county(21, "Brennan County", "south", 32.8, -84.9), _county(22, "Brennan County", "west", 29.8, -95.3)),
    "corliss": (_town(23, "Corliss", 900_000, "east", 40.0, -83.0), _town(24, "Corliss", 200_000, "south", 32.42, -84.98),
                _town(25, "Corliss", 4_000, "west", 28.9, -96.6)),
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_county_meets_a_town_of_the_county_next_door(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    use_invented_readings(monkeypatch, COUNTY)
    chosen = resolve_places(["Brennan County", "Corliss"], language=language)
    assert (chosen["brennan county"].geonameid, chosen["corliss"].geonameid) == (21, 24)
