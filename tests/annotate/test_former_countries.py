"""Former countries that split among several of today's (the USSR, Yugoslavia, Czechoslovakia):
a place of their own, named in English and French, at the area-weighted median of their members'
points (invented points for the median), not another name of one successor."""

from __future__ import annotations

from newsweave.annotate import geo
from newsweave.annotate.geo import haversine_km, resolve_places


def test_a_member_heavier_than_all_the_others_carries_the_median() -> None:
    # An invented union: one member with most of the land, three small ones far west of it.
    points = [(60.0, 90.0), (50.0, 30.0), (45.0, 40.0), (42.0, 45.0)]
    lat, lon = geo._spherical_median(points, [17.0, 0.6, 0.1, 0.2])
    assert haversine_km(lat, lon, 60.0, 90.0) < 50
    # Without masses the small members pull the point far off.
    lat, lon = geo._spherical_median(points)
    assert haversine_km(lat, lon, 60.0, 90.0) > 1000


def test_equal_masses_give_the_unweighted_median() -> None:
    points = [(10.0, 0.0), (11.0, 1.0), (9.0, -1.0)]
    assert geo._spherical_median(points, [2.0, 2.0, 2.0]) == geo._spherical_median(points)


def test_split_former_countries_are_places_of_their_own() -> None:
    for name, display in (("Yugoslavia", "Yugoslavia"), ("Yougoslavie", "Yugoslavia"), ("USSR", "Soviet Union"),
                          ("Soviet Union", "Soviet Union"), ("URSS", "Soviet Union"), ("Union soviétique", "Soviet Union"),
                          ("Czechoslovakia", "Czechoslovakia"), ("Tchécoslovaquie", "Czechoslovakia")):
        found = geo.candidates(name)
        assert [entry.place.name for entry in found] == [display], name
        place = found[0].place
        # No country of today: it is none of its successors.
        assert place.kind == "country" and place.country is None
    # A successor keeps its own names, and is not the former country.
    assert geo.candidates("Serbia and Montenegro")[0].place.country == "CS"
    assert geo.candidates("Serbia")[0].place.country == "RS"


def test_the_point_lies_among_the_members() -> None:
    yugoslavia = geo.candidates("Yugoslavia")[0].place
    members = geo.countries()
    # Between Zagreb's country and Skopje's: within the old federation, not in one corner.
    assert haversine_km(yugoslavia.lat, yugoslavia.lon, members["BA"].lat, members["BA"].lon) < 200
    soviet = geo.candidates("Soviet Union")[0].place
    assert haversine_km(soviet.lat, soviet.lon, members["RU"].lat, members["RU"].lon) < 50


def test_demonyms_of_former_countries() -> None:
    assert geo.region_demonym("Soviet").name == "Soviet Union"
    assert geo.region_demonym("yougoslave").name == "Yugoslavia"


def test_an_article_reads_the_former_country_not_its_successor() -> None:
    chosen = resolve_places(["Yugoslavia", "Belgrade", "Serbia"])
    assert chosen["yugoslavia"].name == "Yugoslavia"
    assert chosen["serbia"].country == "RS"
