"""Places the model took for people (annotate/person_places.py, issue 16). Every name below is
invented; the gazetteer is told which of them are places, so each rule is checked whatever the
gazetteer ships and whatever the model finds (the mentions are placed by hand)."""

from __future__ import annotations

import pytest

from newsweave.annotate import person_places
from newsweave.annotate.canonical import Mention
from newsweave.annotate.geo import Place, _Entry, fold
from newsweave.annotate.nlp import pipeline
from newsweave.annotate.person_places import places_taken_for_people

INVENTED_PLACES = {"kelvarno", "ostry brod", "velle de morsac", "lucien", "kelvarno dupont"}


@pytest.fixture(autouse=True)
def _invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    def candidates(name: str) -> tuple[_Entry, ...]:
        if fold(name) not in INVENTED_PLACES:
            return ()
        return (_Entry(Place(1, name, 0.0, 0.0, "ZZ", 2000, "city"), True),)
    monkeypatch.setattr(person_places, "candidates", candidates)


def _labels(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = [Mention(text.index(words), text.index(words) + len(words), words, label) for words, label in found]
    places_taken_for_people(mentions, text, pipeline(language)(text), language)
    return [(mention.text, mention.label) for mention in mentions]


def test_a_known_place_with_no_trace_of_a_person_is_a_place() -> None:
    text = "In 1990 the family moved to Kelvarno, then to Ostry Brod."
    assert _labels(text, "en", [("Kelvarno", "PER"), ("Ostry Brod", "PER")]) == [
        ("Kelvarno", "LOC"), ("Ostry Brod", "LOC")]
    text = "Elle a grandi à Velle de Morsac, près de Kelvarno."
    assert _labels(text, "fr", [("Velle de Morsac", "PER"), ("Kelvarno", "PER")]) == [
        ("Velle de Morsac", "LOC"), ("Kelvarno", "LOC")]


def test_the_surname_of_a_full_name_stays_a_person() -> None:
    text = "Ilse Kelvarno won the seat. The count gave Kelvarno a wide lead."
    assert _labels(text, "en", [("Ilse Kelvarno", "PER"), ("Kelvarno", "PER")]) == [
        ("Ilse Kelvarno", "PER"), ("Kelvarno", "PER")]


def test_a_subject_or_a_name_after_an_honorific_stays_a_person() -> None:
    assert _labels("Kelvarno said the vote was fair.", "en", [("Kelvarno", "PER")]) == [("Kelvarno", "PER")]
    assert _labels("The prize went to Mr Kelvarno.", "en", [("Kelvarno", "PER")]) == [("Kelvarno", "PER")]
    assert _labels("Le prix est allé à Mme Kelvarno.", "fr", [("Kelvarno", "PER")]) == [("Kelvarno", "PER")]


def test_a_given_name_or_a_last_name_is_a_trace_of_a_person() -> None:
    # "Lucien" and "Kelvarno Dupont" are places of the invented gazetteer; "Lucien" is a given
    # name and "Dupont" a last name of Faker's lists.
    assert _labels("The letter was sent to Lucien.", "en", [("Lucien", "PER")]) == [("Lucien", "PER")]
    assert _labels("La lettre a été envoyée à Kelvarno Dupont.", "fr", [("Kelvarno Dupont", "PER")]) == [
        ("Kelvarno Dupont", "PER")]


def test_a_name_the_gazetteer_does_not_know_stays_a_person() -> None:
    assert _labels("The family moved to Tarvellin.", "en", [("Tarvellin", "PER")]) == [("Tarvellin", "PER")]
