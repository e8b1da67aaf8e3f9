"""A town opening the name of one of its own services ("Brackley Police", « Brevanne Métropole »)
is a place nested in that name, however small the town (``town_service_words`` of
``lang/<iso>/places.toml``, ``toponyms.embedded_places``), and a "person" whose last or first word
is such a service is an organisation (``[heads]`` of ``lang/<iso>/entities.toml``). Invented
towns and sentences, English and French."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate.canonical import Mention
from newsweave.annotate.entities import _labels_from_heads
from newsweave.annotate.geo import Place, _Entry
from newsweave.annotate.toponyms import embedded_places

# Towns far under the size at which a one-word town opening a name is taken on its own.
GAZETTEER = {
    "brackley": (_Entry(Place(930_000_001, "Brackley", 38.8, -77.1, "US", 4_000, "city", region="east"), True),),
    "brevanne": (_Entry(Place(930_000_002, "Brevanne", 45.7, 4.8, "FR", 6_000, "city", region="rhone"), True),),
    "kennedy": (_Entry(Place(930_000_003, "Kennedy", 40.1, -80.2, "US", 3_000, "city", region="east"), True),),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER, recall_too=True)


def _mention(text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, label)


@pytest.mark.parametrize(("language", "text", "organisation", "town"), [
    ("en", "Officers of the Brackley Police Department closed the road on Friday.", "Brackley Police Department",
     "Brackley"),
    ("en", "Pupils of Brackley High School sang at the fair.", "Brackley High School", "Brackley"),
    ("fr", "Brevanne Métropole a voté son budget mardi soir.", "Brevanne Métropole", "Brevanne"),
])
def test_a_small_town_opening_one_of_its_services_is_a_place(language: str, text: str, organisation: str,
                                                              town: str) -> None:
    [nested] = embedded_places([_mention(text, organisation, "ORG")], text, language)
    assert (nested.text, nested.label) == (town, "LOC")


@pytest.mark.parametrize(("language", "text", "organisation"), [
    ("en", "The gala at the Kennedy Center raised funds.", "Kennedy Center"),
    ("en", "Brackley Motors opened a second garage.", "Brackley Motors"),
    ("fr", "Brevanne Automobiles ouvre un second garage.", "Brevanne Automobiles"),
])
def test_a_small_town_opening_another_name_is_left_alone(language: str, text: str, organisation: str) -> None:
    assert embedded_places([_mention(text, organisation, "ORG")], text, language) == []


@pytest.mark.parametrize(("language", "text", "name"), [
    ("en", "Brackley Police said the driver was unhurt.", "Brackley Police"),
    ("en", "Pupils of Brackley Elementary sang at the fair.", "Brackley Elementary"),
    ("fr", "La Gendarmerie Brevanne a ouvert une enquête.", "Gendarmerie Brevanne"),
])
def test_a_person_named_by_a_service_is_an_organisation(language: str, text: str, name: str) -> None:
    mention = _mention(text, name, "PER")
    _labels_from_heads([mention], language)
    assert mention.label == "ORG"
