"""A town hall named without its town ("City Hall", « l'hôtel de ville ») is placed at the town the
article is about: its dateline's, or the one town it locates (invented towns Varnholm and
Kelmarsk, English and French articles)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate import canonical
from newsweave.annotate.canonical import Mention, resolve_mentions
from newsweave.annotate.geo import Place, _Entry

VARNHOLM = Place(3, "Varnholm", 30.5, 22.5, "QL", 900_000, "city", region="ql-capital")
KELMARSK = Place(4, "Kelmarsk", 41.0, 19.0, "QU", 700_000, "city", region="qu-north")
GAZETTEER = {"varnholm": (_Entry(VARNHOLM, True),), "kelmarsk": (_Entry(KELMARSK, True),)}


@pytest.fixture(autouse=True)
def invented_towns(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)


def _hall(text: str, hall: str, places: list[str], language: str) -> Place | None:
    """Where the article puts its hall, given its place mentions (each word's every occurrence)."""
    mentions = [Mention(text.index(hall), text.index(hall) + len(hall), hall, "LOC")]
    for place in places:
        start = text.find(place)
        while start >= 0:
            mentions.append(Mention(start, start + len(place), place, "LOC"))
            start = text.find(place, start + 1)
    result = resolve_mentions(mentions, text, language=language)[0]
    assert result is not None
    return result.place


@pytest.mark.parametrize(("text", "hall", "language"), [
    ("VARNHOLM (Wire) — Protesters filled City Hall on Monday as buses left for Kelmarsk.", "City Hall", "en"),
    ("VARNHOLM, 3 mars — Des manifestants ont envahi l'hôtel de ville avant de partir pour Kelmarsk.",
     "hôtel de ville", "fr"),
])
def test_the_hall_is_in_the_dateline_s_town(text: str, hall: str, language: str) -> None:
    place = _hall(text, hall, ["VARNHOLM", "Kelmarsk"], language)
    assert place is not None and place.geonameid == VARNHOLM.geonameid
    assert place.confidence is not None and place.confidence < 1


@pytest.mark.parametrize(("text", "hall", "language"), [
    ("Protesters filled City Hall on Monday; the mayor of Varnholm met them.", "City Hall", "en"),
    ("Des manifestants ont envahi la mairie lundi ; le maire de Varnholm les a reçus.", "mairie", "fr"),
])
def test_the_hall_is_in_the_one_town_the_article_locates(text: str, hall: str, language: str) -> None:
    place = _hall(text, hall, ["Varnholm"], language)
    assert place is not None and place.geonameid == VARNHOLM.geonameid


@pytest.mark.parametrize(("text", "hall", "language"), [
    ("Buses from Kelmarsk reached City Hall on Monday; the mayor of Varnholm met them.", "City Hall", "en"),
    ("Des cars venus de Kelmarsk ont gagné la mairie ; le maire de Varnholm les a reçus.", "mairie", "fr"),
    ("Protesters filled City Hall on Monday.", "City Hall", "en"),
])
def test_no_town_for_the_hall_of_an_article_about_several_or_none(text: str, hall: str, language: str) -> None:
    assert _hall(text, hall, ["Varnholm", "Kelmarsk"], language) is None


def test_other_buildings_are_not_halls() -> None:
    text = "VARNHOLM (Wire) — Protesters filled Glass Arena on Monday."
    assert _hall(text, "Glass Arena", ["VARNHOLM"], "en") is None


def test_the_halls_are_read_from_every_language_file(monkeypatch: pytest.MonkeyPatch) -> None:
    tables = {"en": {"town_halls": ["City Hall"]}, "fr": {"town_halls": ["hôtel de ville"]}}
    monkeypatch.setattr(canonical.lang, "load_all", lambda name: tables if name == "places" else {})
    assert canonical._town_halls.__wrapped__() == {"city hall", "hotel de ville"}
