"""Two places named as one word ("Asia-Pacific", "Fargo-Moorhead", "Zaire/Congo") are both place
mentions, nested in the word (``toponyms.embedded_places``); and a country that runs on into a
person's name ("Minister of Kessland Ivo Marrek") is a place (``toponyms._countries_named_in_full``).

Invented gazetteer: Kessland (a country), Brannock (a town of 240,000), Ostival and Dunmere,
Falby (towns of a few thousand), Port-Lisca (a town whose name holds a hyphen). English and French.
"""

from __future__ import annotations

import pytest
import spacy

from newsweave.annotate import toponyms
from newsweave.annotate.canonical import Mention, covered
from newsweave.annotate.geo import Place, _Entry, fold
from newsweave.annotate.toponyms import embedded_places


def _entry(geonameid: int, name: str, kind: str, population: int) -> tuple[_Entry, ...]:
    return (_Entry(Place(geonameid, name, 47.0, 11.0, "KS", population, kind), True),)


GAZETTEER = {
    "kessland": _entry(1, "Kessland", "country", 9_000_000),
    "brannock": _entry(2, "Brannock", "city", 240_000),
    "ostival": _entry(3, "Ostival", "city", 6_000),
    "dunmere": _entry(4, "Dunmere", "city", 3_000),
    "falby": _entry(5, "Falby", "city", 2_500),
    "port-lisca": _entry(6, "Port-Lisca", "city", 8_000),
    "port": _entry(7, "Port", "city", 150_000),
    "lisca": _entry(8, "Lisca", "city", 4_000),
    "ostival county": _entry(9, "Ostival County", "admin2", 60_000),
    # Another name of a big town: it vouches for nothing.
    "dorrin": (_Entry(Place(10, "Brannock", 47.0, 11.0, "KS", 240_000, "city"), False),),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(toponyms, "candidates", lambda name: GAZETTEER.get(fold(name), ()))
    monkeypatch.setattr(toponyms, "demonym_country", lambda name: None)
    monkeypatch.setattr(toponyms, "region_demonym", lambda name: None)


def _mention(text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, label)


def _nested(text: str, name: str, label: str, language: str) -> list[str]:
    return sorted(m.text for m in embedded_places([_mention(text, name, label)], text, language) if m.label == "LOC")


@pytest.mark.parametrize(("language", "text", "name", "label", "places"), [
    ("en", "Trade ministers of the Kessland-Brannock region met on Monday.", "Kessland-Brannock", "LOC",
     ["Brannock", "Kessland"]),
    ("en", "The river rose again in Brannock-Ostival on Friday.", "Brannock-Ostival", "ORG", ["Brannock", "Ostival"]),
    ("en", "Officers of the Brannock–Ostival Transit Board met.", "Brannock–Ostival Transit Board", "ORG",
     ["Brannock", "Ostival"]),
    ("fr", "Le sommet Kessland/Ostival s'est tenu lundi.", "Kessland/Ostival", "MISC", ["Kessland", "Ostival"]),
    ("fr", "La crue a touché Brannock-Ostival vendredi.", "Brannock-Ostival", "LOC", ["Brannock", "Ostival"]),
    # The second half takes the words that make a longer known name.
    ("en", "A flood watch covers Brannock-Ostival County.", "Brannock-Ostival County", "LOC",
     ["Brannock", "Ostival County"]),
])
def test_two_places_joined_in_one_word_are_both_places(language: str, text: str, name: str, label: str,
                                                        places: list[str]) -> None:
    assert _nested(text, name, label, language) == places


@pytest.mark.parametrize(("language", "text", "name", "label"), [
    # Two small towns vouch for nothing: a double-barrelled name is no pair of places.
    ("en", "The Dunmere-Falby Foundation gave a grant.", "Dunmere-Falby Foundation", "ORG"),
    ("fr", "Un sondage Dorrin-Falby Conseil paraît lundi.", "Dorrin-Falby Conseil", "ORG"),
    # A name the gazetteer knows whole is one place, not its halves.
    ("fr", "Le club Port-Lisca a gagné.", "Port-Lisca", "ORG"),
    # A third name joined on makes no pair.
    ("en", "The Brannock-Ostival-Falby line closed.", "Brannock-Ostival-Falby", "ORG"),
    # A person's name is left to the person.
    ("en", "Kessland-Brannock said so.", "Kessland-Brannock", "PER"),
])
def test_other_joined_words_hold_no_places(language: str, text: str, name: str, label: str) -> None:
    assert _nested(text, name, label, language) == []


def _countries(text: str, persons: list[str], language: str) -> list[str]:
    mentions = [_mention(text, name, "PER") for name in persons]
    by_span = {(m.start, m.end): m for m in mentions}
    added: list[Mention] = []
    doc = spacy.blank(language)(text)
    toponyms._countries_named_in_full(doc, text, by_span, covered(mentions), added, set(), language)
    return [m.text for m in added]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "It was said by the Deputy Minister of Kessland Ivo Marrek at a briefing."),
    ("fr", "Le vice-ministre du Kessland Ivo Marrek l'a annoncé lundi."),
])
def test_a_country_before_a_person_s_name_is_a_place(language: str, text: str) -> None:
    assert _countries(text, ["Ivo Marrek"], language) == ["Kessland"]


def test_a_country_that_opens_another_name_is_not_a_place() -> None:
    # "Kessland Tractors" is a firm's name, and no person follows.
    assert _countries("Kessland Tractors said on Monday it would hire.", [], "en") == []
