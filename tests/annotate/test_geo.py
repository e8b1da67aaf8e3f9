"""Geocoding with the gazetteer: spellings, homonyms in context, demonyms."""

from __future__ import annotations

import pytest

from newsweave.annotate.geo import candidates, demonym_country, haversine_km, most_populous, resolve_places

KYIV = 703448


@pytest.mark.parametrize("spelling", ["Kyiv", "Kiev", "kyiv", "Kyïv", "Київ", "Киев", "Kijów"])
def test_every_spelling_of_kyiv_is_one_place(spelling: str) -> None:
    found = resolve_places([spelling])
    assert [place.geonameid for place in found.values()] == [KYIV]
    place = next(iter(found.values()))
    assert place.country == "UA" and haversine_km(place.lat, place.lon, 50.45, 30.52) < 5


def test_paris_next_to_texas_is_in_texas() -> None:
    found = resolve_places(["Paris", "Texas"])
    assert found["paris"].country == "US" and found["paris"].admin1 == "TX"


def test_paris_alone_or_next_to_france_is_the_capital() -> None:
    assert resolve_places(["Paris"])["paris"].country == "FR"
    assert resolve_places(["Paris", "Lyon"])["paris"].country == "FR"


def test_a_demonym_of_the_article_counts_as_context() -> None:
    # Moscow, Idaho is small; an American story about Idaho's Moscow still names Idaho.
    assert resolve_places(["Moscow"])["moscow"].country == "RU"
    assert resolve_places(["Moscow", "Idaho"])["moscow"].country == "US"


def test_countries_are_found_in_many_languages() -> None:
    for name in ("Ukraine", "Украина", "États-Unis", "U.S.", "Allemagne", "Deutschland"):
        kinds = {entry.place.kind for entry in candidates(name)}
        assert "country" in kinds, name


@pytest.mark.parametrize(("word", "country"), [("Albanian", "AL"), ("ukrainien", "UA"), ("Ukrainiennes", "UA"),
                                               ("Americans", "US"), ("française", "FR")])
def test_demonyms_point_at_their_country(word: str, country: str) -> None:
    assert demonym_country(word) == country


def test_the_baseline_takes_the_biggest_namesake() -> None:
    assert most_populous("Paris").country == "FR"
    assert most_populous("Nowhere-on-earth-xyz") is None
