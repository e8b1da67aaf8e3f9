"""The place a name the gazetteer lacks is named after (``toponyms.inner_place_name``), and what
the article's entities make of it, on invented towns."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate import canonical
from newsweave.annotate.canonical import Mention, name_id, resolve_mentions
from newsweave.annotate.geo import Place, _Entry
from newsweave.annotate.toponyms import inner_place_name

CITY = Place(910_000_001, "Brevanne", 44.5, 3.2, "FR", 450_000, "city", region="hautes-terres")
DIVISION = Place(910_000_002, "Kestrelmoor", 52.1, -1.7, "GB", 600_000, "admin1", region="kestrelmoor")
BAY = Place(910_000_003, "Bay", 3.0, 43.5, "SO", 150_000, "admin1", region="bay")
VILLAGE = Place(910_000_004, "Brisquet", 44.7, 3.4, "FR", 3_000, "city", region="hautes-terres")
GAZETTEER = {"brevanne": (_Entry(CITY, True),), "kestrelmoor": (_Entry(DIVISION, True),), "bay": (_Entry(BAY, True),),
             "brisquet": (_Entry(VILLAGE, True),)}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER, recall_too=True)


@pytest.mark.parametrize(("name", "language", "inner"), [
    ("Brevanne Cathedral", "en", "Brevanne"),
    ("Bank of Kestrelmoor", "en", "Kestrelmoor"),
    ("Cathédrale de Brevanne", "fr", "Brevanne"),
    ("Université du Kestrelmoor", "fr", "Kestrelmoor"),
])
def test_a_name_is_read_through_the_place_it_is_named_after(name: str, language: str, inner: str) -> None:
    assert inner_place_name(name, language) == inner


@pytest.mark.parametrize(("name", "language"), [
    ("Brevanne", "en"),              # the gazetteer knows the name itself
    ("Brevanne Road", "en"),         # a street named after a town is not in it
    ("rue de Brevanne", "fr"),
    ("Kestrel Bay", "en"),           # a generic word, though some country has a division of that name
    ("Harbour Bridge", "en"),        # no place at all
])
def test_no_inner_place(name: str, language: str) -> None:
    assert inner_place_name(name, language) is None


@pytest.mark.parametrize(("name", "language"), [("Brisquet Lagoon", "en"), ("Lagune de Brisquet", "fr")])
def test_a_small_town_counts_when_the_article_names_it(name: str, language: str) -> None:
    # A village of one word is a word as often as a place, unless the article names it too.
    assert inner_place_name(name, language) is None
    assert inner_place_name(name, language, frozenset({"brisquet"})) == "Brisquet"


@pytest.mark.parametrize(("text", "language"), [("Brevanne Velodrome", "en"), ("Vélodrome de Brevanne", "fr")])
def test_the_mention_keeps_its_own_identity_at_the_inner_places_point(
        text: str, language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(canonical, "alias_of", lambda name: None)
    [resolved] = resolve_mentions([Mention(0, len(text), text, "LOC")], text, language=language)
    assert resolved is not None and resolved.place is not None
    assert resolved.entity_id == name_id("LOC", text)
    assert (resolved.place.lat, resolved.place.lon) == (CITY.lat, CITY.lon)


def test_without_a_language_the_mention_stays_unplaced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(canonical, "alias_of", lambda name: None)
    [resolved] = resolve_mentions([Mention(0, 18, "Brevanne Velodrome", "LOC")], "Brevanne Velodrome")
    assert resolved is not None and resolved.place is None


@pytest.mark.parametrize(("name", "language"), [
    ("Lake Brisquet", "en"), ("Old Town Brisquet", "en"), ("Greater Brisquet", "en"),
    ("Grand Brisquet", "fr"), ("Vieux Brisquet", "fr"),
])
def test_a_town_the_article_names_is_read_at_the_end_of_a_longer_name(name: str, language: str) -> None:
    # Last words name a country or a division only, unless the article names that town itself.
    assert inner_place_name(name, language) is None
    assert inner_place_name(name, language, frozenset({"brisquet"})) == "Brisquet"

