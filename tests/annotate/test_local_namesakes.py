"""A local paper's town at the right namesake: towns that the context made sure vouch for the
towns near them, a town the site's address spells is read in the site's home, a county meets
a town of the county next door, and a local town's name spelt otherwise ("Carrow City" beside
"Carrow") is that town, not a capital abroad (``georesolve.resolve_places``).

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


# A local town named like a capital abroad, a town and a county beside it, and the town's name
# with a word for a town that the gazetteer knows only as the capital's.
CAPITAL = _town(31, "Carrow", 1_500_000, "capital", 52.0, 13.0, country="YY", capital=True)
SPELT_OTHERWISE = {
    "carrow": (CAPITAL, _town(32, "Carrow", 40_000, "east", 41.0, -72.0)),
    "carrow city": (CAPITAL,),
    "ville de carrow": (CAPITAL,),
    "halden": (_town(33, "Halden", 80_000, "east", 41.3, -72.4),),
    "brenley county": (_county(34, "Brenley County", "east", 41.1, -72.2),),
}


@pytest.mark.parametrize(("language", "spelt_otherwise"), [("en", "Carrow City"), ("fr", "Ville de Carrow")])
def test_a_local_town_spelt_otherwise_is_that_town_not_the_capital_abroad(monkeypatch: pytest.MonkeyPatch,
                                                                          language: str, spelt_otherwise: str) -> None:
    # "The Carrow City Council met in Carrow, near Halden (Brenley County)." /
    # « Le conseil de la Ville de Carrow s'est réuni à Carrow, près de Halden (Brenley County). »
    use_invented_readings(monkeypatch, SPELT_OTHERWISE)
    chosen = resolve_places([spelt_otherwise, "Carrow", "Halden", "Brenley County"], language=language)
    assert chosen["carrow"].geonameid == 32
    assert chosen[spelt_otherwise.lower()].geonameid == 32


def test_the_capital_spelt_otherwise_stays_where_nothing_makes_the_local_town_sure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, SPELT_OTHERWISE)
    chosen = resolve_places(["Carrow City", "Carrow"], language="en")
    assert (chosen["carrow city"].geonameid, chosen["carrow"].geonameid) == (31, 31)
