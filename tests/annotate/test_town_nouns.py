"""A name right before a noun of a town's people and services ("Grovetown police", "a Fresno
man") is a place: invented towns and people, an invented gazetteer; English, and French (which
writes the noun first, « les policiers de … », so lists none)."""

from __future__ import annotations

import pytest
import spacy

from newsweave.annotate import toponyms
from newsweave.annotate.canonical import Mention, covered

TOWNS = {"Maple Ford", "Saint-Aubin-des-Prés", "Quillby", "Montrevel"}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(toponyms, "_is_place_name", lambda words, language, dateline: words in TOWNS)


def _places(text: str, mentions: list[Mention], language: str = "en", person_words: frozenset[str] = frozenset()) -> list[str]:
    doc = spacy.blank(language)(text)
    added: list[Mention] = []
    toponyms._places_before_place_nouns(doc, text, mentions, {(m.start, m.end): m for m in mentions},
                                        covered(mentions), added, set(person_words), language)
    return sorted(m.text for m in mentions + added if m.label == "LOC")


def _mention(text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, label)


@pytest.mark.parametrize("text", [
    "Maple Ford police arrested a driver on Friday.",
    "A Montrevel man was hurt in the crash.",
    "Quillby residents packed the hall on Monday.",
])
def test_a_known_town_before_a_noun_of_its_people_is_a_place(text: str) -> None:
    town = next(name for name in TOWNS if name in text)
    assert _places(text, []) == [town]
    assert _places(text, [_mention(text, town, "PER")]) == [town]


def test_a_name_no_gazetteer_knows_or_a_person_s_name_stays() -> None:
    text = "Dorrance police arrested a man; Quillby residents cheered, said Ann Quillby."
    assert _places(text, []) == ["Quillby"]
    assert _places(text, [], person_words=frozenset({"quillby"})) == []
    # Other nouns ("officials", "students") say nothing of a town.
    assert _places("Maple Ford officials and Quillby students met.", []) == []


def test_french_writes_the_noun_first() -> None:
    assert _places("Les policiers de Maple Ford ont arrêté un homme ; Quillby police.", [], "fr") == []
