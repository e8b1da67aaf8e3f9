"""World regions and former country names in the gazetteer's memory part: the forms news writes
a region's formal name in, in English and French (invented regions), the median point of a
region's members (invented points), and former countries read as the one country that took
them over."""

from __future__ import annotations

import pytest

from newsweave.annotate import geo
from newsweave.annotate.geo import haversine_km


@pytest.mark.parametrize(("name", "language", "forms"), [
    ("Western Valoria", "en", ["West Valoria"]),
    ("Southern Valoria", "en", ["South Valoria"]),
    ("Valorie occidentale", "fr", ["Valorie de l'Ouest"]),
    ("Valorie septentrionale", "fr", ["Valorie du Nord"]),
    # Whole words only, and a name with no formal word has no other form.
    ("Westernport Valoria", "en", []),
    ("Valoria", "en", []),
    ("Valorie occidentaleuse", "fr", []),
])
def test_usual_forms_of_region_names(name: str, language: str, forms: list[str]) -> None:
    assert geo.usual_region_forms(name, language) == forms


def test_a_remote_member_does_not_carry_the_median_off() -> None:
    # Four invented members close together and one far out at sea.
    members = [(10.0, 0.0), (11.0, 1.0), (9.0, -1.0), (10.5, -0.5), (-16.0, -6.0)]
    lat, lon = geo._spherical_median(members)
    assert haversine_km(lat, lon, 10.0, 0.0) < 150
    mean_lat = sum(point[0] for point in members) / len(members)
    assert haversine_km(mean_lat, 0.0, 10.0, 0.0) > 500


def test_the_median_of_members_across_the_antimeridian_stays_in_the_pacific() -> None:
    lat, lon = geo._spherical_median([(-15.0, 178.0), (-14.0, -178.0), (-16.0, 179.0), (-15.0, -179.0)])
    assert abs(abs(lon) - 180) < 3 and -17 < lat < -13


def test_news_forms_of_world_regions_are_regions() -> None:
    for name in ("West Africa", "Afrique de l'Ouest", "East Africa", "Afrique de l'Est"):
        assert [entry.place.kind for entry in geo.candidates(name)][:1] == ["region"]
    # A form that names a country or a continent stays theirs.
    assert geo.candidates("South Africa")[0].place.kind == "country"
    assert geo.candidates("Afrique du Sud")[0].place.kind == "country"
    assert geo.candidates("North America")[0].place.kind == "continent"


def test_former_countries_taken_over_by_one_country() -> None:
    former = dict(geo._former_country_names())
    assert former["Zaire"] == "CD" and former["Upper Volta"] == "BF"
    # Split among several, or a successor gone too: no one point.
    assert "USSR" not in former and "Czechoslovakia" not in former and "Yugoslavia" not in former
    assert geo.candidates("Zaïre")[0].place.country == "CD"
    # A former country that is a division of its successor under the same name is that division.
    assert [entry.place.kind for entry in geo.candidates("Sikkim")] == ["admin1"]
