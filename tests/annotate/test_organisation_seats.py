"""An organisation named, whole, like a town the article's places vouch for is placed at that
town, keeping its identity (invented towns, English and French articles' mentions)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate.canonical import Mention, resolve_mentions
from newsweave.annotate.geo import Place, _Entry
from newsweave.annotate.georesolve import resolve_places, seat_of


def _place(geonameid: int, name: str, lat: float, lon: float, region: str, population: int = 3_000,
           kind: str = "city", country: str = "GB", district: str | None = None) -> _Entry:
    return _Entry(Place(geonameid, name, lat, lon, country, population, kind,  # type: ignore[arg-type]
                        region=region, district=district), True)


GAZETTEER = {
    # A village that a laboratory is named after, next to a market town; a namesake abroad.
    # Filed, as GeoNames files English villages, under a region and a county; the gazetteer lists
    # the county as a division of the first level too.
    "quellbright": (_place(1, "Quellbright", 51.30, -0.60, "anglia", district="westshire"),
                    _place(2, "Quellbright", 40.0, -90.0, "prairie", country="US")),
    "marrowby": (_place(3, "Marrowby", 51.35, -0.55, "westshire", population=60_000),),
    "westshire": (_place(4, "Westshire", 51.4, -0.7, "westshire", population=2_000_000, kind="admin1"),),
    # A carmaker's name that is a town far from the article's places.
    "vornda": (_place(5, "Vornda", 35.0, 137.0, "chubu-ouest", country="JP", population=400_000),),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)


@pytest.mark.parametrize("names", [["Marrowby"], ["Westshire"]])
def test_a_town_the_article_vouches_for_is_the_seat(names: list[str]) -> None:
    seat = seat_of("Quellbright", resolve_places(names))
    assert seat is not None and seat.geonameid == 1 and seat.confidence is not None and seat.confidence < 1


def test_no_seat_without_a_vouching_place() -> None:
    assert seat_of("Quellbright", {}) is None
    assert seat_of("Vornda", resolve_places(["Marrowby"])) is None


@pytest.mark.parametrize(("text", "language"), [
    ("Tests at Quellbright, a laboratory near Marrowby, found the virus.", "en"),
    ("Des essais à Quellbright, un laboratoire près de Marrowby, ont trouvé le virus.", "fr"),
])
def test_the_organisation_keeps_its_identity_at_its_seat(text: str, language: str) -> None:
    lab, town = text.index("Quellbright"), text.index("Marrowby")
    mentions = [Mention(lab, lab + 11, "Quellbright", "ORG"),
                Mention(town, town + 8, "Marrowby", "LOC")]
    lab_result, town_result = resolve_mentions(mentions, text, language=language)
    assert lab_result is not None and town_result is not None
    assert lab_result.label == "ORG" and lab_result.entity_id.startswith("org:")
    assert lab_result.place is not None and lab_result.place.geonameid == 1
    assert town_result.place is not None and town_result.place.geonameid == 3
