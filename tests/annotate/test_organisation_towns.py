"""A town that ends an organisation's name ("the lab's Quorlton branch" written "Medlabs
Quorlton") is a place nested in it when the article also names that town as a place of its own
(``toponyms.embedded_places``); invented towns and organisations, English and French."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate.canonical import Mention
from newsweave.annotate.geo import Place, _Entry
from newsweave.annotate.toponyms import embedded_places

TOWN = Place(920_000_001, "Quorlton", 41.2, -88.4, "US", 420_000, "city", region="prairie")
GAZETTEER = {"quorlton": (_Entry(TOWN, True),)}

CASES = [
    ("en", "Samples reached Quorlton on Monday. The lab at Medlabs Quorlton tested them.", "Medlabs Quorlton"),
    ("fr", "Les prélèvements sont arrivés à Quorlton lundi. Le laboratoire Biomédic Quorlton les a analysés.",
     "Biomédic Quorlton"),
]


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER, recall_too=True)


def _mention(text: str, name: str, label: str, after: int = 0) -> Mention:
    start = text.index(name, after)
    return Mention(start, start + len(name), name, label)


@pytest.mark.parametrize(("language", "text", "organisation"), CASES)
def test_a_town_the_article_names_ends_an_organisation(language: str, text: str, organisation: str) -> None:
    mentions = [_mention(text, "Quorlton", "LOC"), _mention(text, organisation, "ORG")]
    [nested] = embedded_places(mentions, text, language)
    assert (nested.text, nested.label) == ("Quorlton", "LOC")
    assert nested.end == mentions[1].end


@pytest.mark.parametrize(("language", "text", "organisation"), CASES)
def test_an_organisation_ending_with_a_town_the_article_does_not_name_is_left_alone(
        language: str, text: str, organisation: str) -> None:
    assert embedded_places([_mention(text, organisation, "ORG")], text, language) == []
