"""Toponym recall (stop 29): countries and divisions no mention covers, places listed with
places, demonyms opening a longer name. On an invented gazetteer: Veloria (a country, its people
Velorian), its counties Brenmoor, Callowvale, Durnholt and Oslavik, and the Velorian Sea."""

from __future__ import annotations

import pytest
import spacy

from newsweave.annotate import toponyms
from newsweave.annotate.canonical import Mention
from newsweave.annotate.geo import Place, _Entry, fold
from newsweave.annotate.toponyms import recover_toponyms


def _place(geonameid: int, name: str, kind: str, main: bool = True) -> _Entry:
    return _Entry(Place(geonameid, name, 50.0, 20.0, "VL", 400_000, kind, region="vl"), main)


GAZETTEER = {
    "veloria": (_place(1, "Veloria", "country"),),
    "velorie": (_place(1, "Veloria", "country", main=False),),
    "vl": (_place(1, "Veloria", "country", main=False),),
    "vlr": (_place(1, "Veloria", "country", main=False),),
    "brenmoor": (_place(2, "Brenmoor", "admin1"),),
    "callowvale": (_place(3, "Callowvale", "admin1"),),
    "durnholt": (_place(4, "Durnholt", "admin1"),),
    "oslavik": (_place(5, "Oslavik", "city"),),
    "velorian sea": (_place(6, "Velorian Sea", "sea"),),
}
DEMONYMS = {"velorian": "VL", "velorienne": "VL", "velorien": "VL"}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(toponyms, "candidates", lambda name: GAZETTEER.get(fold(name), ()))
    monkeypatch.setattr(toponyms, "demonym_country", lambda name: DEMONYMS.get(fold(name)))
    monkeypatch.setattr(toponyms, "region_demonym", lambda name: None)


def _found(text: str, language: str, given: list[tuple[str, str]] = ()) -> dict[str, str]:
    """{text: label or "demonym"} of the mentions after recovery, given some (name, label) mentions."""
    doc = spacy.blank(language)(text)
    mentions = [Mention(text.index(name), text.index(name) + len(name), name, label) for name, label in given]
    found = recover_toponyms(mentions, text, doc, language)
    return {m.text: ("demonym" if m.kind == "demonym" else m.label) for m in found}


def test_a_country_no_mention_covers_is_a_place() -> None:
    found = _found("Health officials said on Monday that Veloria reported 12 new cases.", "en")
    assert found == {"Veloria": "LOC"}


def test_a_country_s_initials_are_a_place_but_not_in_a_heading() -> None:
    assert _found("The works cost 5 billion VL dollars, the minister said.", "en") == {"VL": "LOC"}
    assert _found("Leaders Warn. MINISTER TELLS VL NOTHING about the works.", "en") == {}
    # An all-capital word longer than initials is heading type, not a name.
    assert _found("The VELORIA FORUM opened on Monday.", "en") == {}


def test_a_country_that_starts_a_longer_name_is_not_taken() -> None:
    assert _found("Police arrested two men of the Veloria Cartel on Monday.", "en") == {}


def test_la_velorie_qu_aucune_mention_ne_couvre_est_un_lieu() -> None:
    assert _found("Selon le ministère, la Velorie a signalé douze nouveaux cas.", "fr") == {"Velorie": "LOC"}


def test_places_listed_with_a_place_are_places() -> None:
    text = "Birds must be kept indoors in Brenmoor, Callowvale, Durnholt and Oslavik, the agency said."
    found = _found(text, "en", [("Oslavik", "LOC")])
    assert found == {"Brenmoor": "LOC", "Callowvale": "LOC", "Durnholt": "LOC", "Oslavik": "LOC"}


def test_a_listed_name_the_gazetteer_lacks_is_not_a_place() -> None:
    text = "Cases were found in Oslavik, Pemberwick and Durnholt Farms, the agency said."
    assert _found(text, "en", [("Oslavik", "LOC")]) == {"Oslavik": "LOC"}


def test_des_comtes_enumeres_avec_un_lieu_sont_des_lieux() -> None:
    text = "Les volailles restent à l'abri dans les comtés de Brenmoor, Callowvale et Durnholt."
    found = _found(text, "fr", [("Durnholt", "LOC")])
    assert found == {"Brenmoor": "LOC", "Callowvale": "LOC", "Durnholt": "LOC"}


def test_a_demonym_opening_an_organisation_name_is_a_demonym_of_its_own() -> None:
    text = "The Velorian Ministry of Health met the Velorian Sea Authority and the Velorian Embassy in Oslavik."
    found = _found(text, "en", [("Velorian Ministry of Health", "ORG"), ("Velorian Sea", "LOC"),
                               ("Velorian Embassy in Oslavik", "ORG")])
    assert found["Velorian"] == "demonym"
    demonyms = [m for m in recover_toponyms(
        [Mention(text.index(n), text.index(n) + len(n), n, label) for n, label in
         [("Velorian Ministry of Health", "ORG"), ("Velorian Sea", "LOC"), ("Velorian Embassy in Oslavik", "ORG")]],
        text, spacy.blank("en")(text), "en") if m.kind == "demonym"]
    # Only the ministry's: the sea is a place the gazetteer knows, the embassy holds a town of its own.
    assert [(m.start, m.end) for m in demonyms] == [(4, 12)]


def test_un_gentile_en_tete_d_un_nom_d_organisation_est_un_gentile() -> None:
    text = "La Velorienne des Eaux a coupé l'eau à Oslavik."
    found = _found(text, "fr", [("Velorienne des Eaux", "ORG"), ("Oslavik", "LOC")])
    assert found["Velorienne"] == "demonym"


def test_an_organisation_listed_with_a_place_is_a_place() -> None:
    text = "Hog samples from Oslavik and Callowvale were sent to the laboratory."
    assert _found(text, "en", [("Oslavik", "LOC"), ("Callowvale", "ORG")]) == {"Oslavik": "LOC", "Callowvale": "LOC"}


def test_une_organisation_enumeree_avec_un_lieu_est_un_lieu() -> None:
    text = "Des cas ont été signalés à Oslavik et Callowvale lundi."
    assert _found(text, "fr", [("Oslavik", "LOC"), ("Callowvale", "ORG")]) == {"Oslavik": "LOC", "Callowvale": "LOC"}


def test_a_name_before_a_noun_of_divisions_is_a_place() -> None:
    text = "Five people from the Durnholt region and from Brenmoor province fell ill; the Pemberwick region did not."
    found = _found(text, "en", [("Durnholt", "MISC")])
    assert found == {"Durnholt": "LOC", "Brenmoor": "LOC"}


def test_an_organisation_named_as_a_country_or_by_its_initials_is_the_country(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.annotate import country_initials

    monkeypatch.setattr(country_initials, "_initials_table", lambda: {"vr": ("VL", "XX")})
    text = "Veloria sent a team. VR officials said the VLR would pay."
    found = _found(text, "en", [("Veloria", "LOC"), ("VR", "ORG"), ("VLR", "ORG")])
    assert found == {"Veloria": "LOC", "VR": "LOC", "VLR": "LOC"}
    # Without the country named, initials stay an organisation.
    assert _found("VR officials said so.", "en", [("VR", "ORG")]) == {"VR": "ORG"}


def test_two_names_joined_by_and_that_name_a_country_are_one_place(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = {"brenmoor and callowvale": (_place(7, "Brenmoor and Callowvale", "country"),),
             "brenmoor et callowvale": (_place(7, "Brenmoor and Callowvale", "country", main=False),)}
    monkeypatch.setattr(toponyms, "candidates", lambda name: {**GAZETTEER, **whole}.get(fold(name), ()))
    text = "Brenmoor and Callowvale failed to attend; Durnholt and Oslavik did."
    found = _found(text, "en", [("Brenmoor", "LOC"), ("Callowvale", "ORG"), ("Durnholt", "LOC"), ("Oslavik", "LOC")])
    assert found == {"Brenmoor and Callowvale": "LOC", "Durnholt": "LOC", "Oslavik": "LOC"}
    text = "Lundi, Brenmoor et Callowvale ont signé avec Oslavik."
    found = _found(text, "fr", [("Brenmoor", "ORG"), ("Callowvale", "LOC"), ("Oslavik", "LOC")])
    assert found == {"Brenmoor et Callowvale": "LOC", "Oslavik": "LOC"}


@pytest.mark.parametrize(("text", "guess", "place"), [
    ("Tickets sold at Oslavik Petrol South in Oslavik won.", "Oslavik Petrol South", True),
    ("Des billets vendus chez Oslavik Pétrole Sud à Oslavik ont gagné.", "Oslavik Pétrole Sud", True),
    ("Ann Oslavik spoke. She lives in Oslavik.", "Ann Oslavik", False),
])
def test_only_a_full_name_opening_with_a_given_name_keeps_its_words_persons(text: str, guess: str, place: bool) -> None:
    found = _found(text, "fr" if "billets" in text else "en", [(guess, "PER")])
    assert (found.get("Oslavik") == "LOC") is place


@pytest.mark.parametrize(("language", "text", "word", "demonym"), [
    ("en", "The hall was drawn by the Slovak architect Ivo Brandt.", "Slovak", True),
    ("en", "Tom English said the hall was too small.", "English", False),
    ("fr", "Le Suisse Ivo Brandt a dessiné la salle.", "Suisse", False),
    # A demonym of several words names no person, whatever follows it; one that is also a
    # place's name stays that place.
    ("en", "Sri Lankan officials met Ivo Brandt on Monday.", "Sri Lankan", True),
    ("en", "Ivo Brandt, a South African, drew the hall.", "South African", True),
    ("en", "Ivo Brandt flew to Christmas Island on Monday.", "Christmas Island", False),
])
def test_a_demonym_the_model_called_a_person_is_a_demonym_before_a_noun(language: str, text: str, word: str,
                                                                        demonym: bool) -> None:
    from newsweave.annotate.entities import _demonym_before_noun
    from newsweave.annotate.nlp import pipeline

    doc = pipeline(language)(text)
    end = text.index(word) + len(word)
    assert _demonym_before_noun(word, doc, end) is demonym


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Birds died near Oslavik. Oslavik residents first noticed them in May."),
    ("fr", "Des oiseaux sont morts près d'Oslavik. Oslavik a compté 40 cas."),
])
def test_a_place_name_missed_at_another_occurrence_is_the_same_place(language: str, text: str) -> None:
    first = text.index("Oslavik")
    doc = spacy.blank(language)(text)
    found = recover_toponyms([Mention(first, first + 7, "Oslavik", "LOC")], text, doc, language)
    assert sorted(m.start for m in found if m.text == "Oslavik" and m.label == "LOC") == [first, text.index("Oslavik", first + 1)]


def test_a_given_name_or_the_start_of_a_longer_name_is_not_spread(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.annotate import given_names

    text = "Birds died near Oslavik. Oslavik Farms closed on Monday."
    doc = spacy.blank("en")(text)
    found = recover_toponyms([Mention(16, 23, "Oslavik", "LOC")], text, doc, "en")
    assert [m.start for m in found if m.label == "LOC"] == [16]
    # A town the model found once, whose name is also a given name: the other one may be the person.
    monkeypatch.setattr(given_names, "all_given_names", lambda: frozenset({"Oslavik"}))
    text = "Birds died near Oslavik. Oslavik said the farm would close."
    found = recover_toponyms([Mention(16, 23, "Oslavik", "LOC")], text, spacy.blank("en")(text), "en")
    assert [m.start for m in found if m.label == "LOC"] == [16]
