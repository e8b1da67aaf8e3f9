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
    # A town abroad, and a town of each article's own country.
    "federsee": (_Entry(Place(930_000_004, "Federsee", -31.0, -59.0, "YY", 17_000, "city", region="north"), True),),
    "dunmore": (_Entry(Place(930_000_005, "Dunmore", 38.9, -77.3, "US", 40_000, "city", region="east"), True),),
    "lorvanne": (_Entry(Place(930_000_006, "Lorvanne", 45.9, 4.6, "FR", 30_000, "city", region="rhone"), True),),
}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER, recall_too=True)


def _mention(text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, label)


def _with_place(text: str, organisation: str, place: str) -> list[Mention]:
    return [_mention(text, organisation, "ORG"), _mention(text, place, "LOC")]


@pytest.mark.parametrize(("language", "text", "organisation", "town", "place"), [
    ("en", "Officers of the Brackley Police Department closed the road near Dunmore on Friday.",
     "Brackley Police Department", "Brackley", "Dunmore"),
    ("en", "Pupils of Brackley High School sang at the Dunmore fair.", "Brackley High School", "Brackley", "Dunmore"),
    ("fr", "Brevanne Métropole a voté son budget mardi soir, comme Lorvanne.", "Brevanne Métropole", "Brevanne",
     "Lorvanne"),
])
def test_a_small_town_opening_one_of_its_services_is_a_place(language: str, text: str, organisation: str,
                                                              town: str, place: str) -> None:
    [nested] = embedded_places(_with_place(text, organisation, place), text, language)
    assert (nested.text, nested.label) == (town, "LOC")


@pytest.mark.parametrize(("language", "text", "organisation", "place"), [
    ("en", "The gala at the Kennedy Center in Dunmore raised funds.", "Kennedy Center", "Dunmore"),
    ("en", "Brackley Motors opened a second garage in Dunmore.", "Brackley Motors", "Dunmore"),
    ("fr", "Brevanne Automobiles ouvre un second garage à Lorvanne.", "Brevanne Automobiles", "Lorvanne"),
    # A town abroad opening a service, in an article about other countries' towns.
    ("en", "The Federsee District Court ruled on the Dunmore case.", "Federsee District Court", "Dunmore"),
    ("fr", "Brevanne Métropole a voté son budget, comme Federsee Métropole.", "Federsee Métropole", "Brevanne"),
])
def test_a_small_town_opening_another_name_or_abroad_is_left_alone(language: str, text: str, organisation: str,
                                                                   place: str) -> None:
    assert embedded_places(_with_place(text, organisation, place), text, language) == []


@pytest.mark.parametrize(("language", "text", "name"), [
    ("en", "Brackley Police said the driver was unhurt.", "Brackley Police"),
    ("en", "Pupils of Brackley Elementary sang at the fair.", "Brackley Elementary"),
    ("fr", "La Gendarmerie Brevanne a ouvert une enquête.", "Gendarmerie Brevanne"),
])
def test_a_person_named_by_a_service_is_an_organisation(language: str, text: str, name: str) -> None:
    mention = _mention(text, name, "PER")
    _labels_from_heads([mention], language)
    assert mention.label == "ORG"
