"""A name the article locates as a place at one mention is that place where the model called it a
thing (MISC) elsewhere, as it is where the model called it a person or an organisation (invented
towns, English and French articles' mentions)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate.canonical import Mention, resolve_mentions
from newsweave.annotate.geo import Place, _Entry

TOWN = Place(31, "Brzelin", 52.9, 18.6, "PL", 180_000, "city", region="kujawy")
GAZETTEER = {"brzelin": (_Entry(TOWN, True),)}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)


def _mentions(text: str, *spans: tuple[str, str, int]) -> list[Mention]:
    """Mentions of ``text``: (word, label, which occurrence of the word)."""
    found = []
    for word, label, nth in spans:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        found.append(Mention(start, start + len(word), word, label))
    return found


@pytest.mark.parametrize(("text", "language"), [
    ("Swans were found dead in Brzelin on Monday. A resident of Brzelin saw the vets arrive.", "en"),
    ("Des cygnes ont été trouvés morts à Brzelin lundi. Un habitant de Brzelin a vu arriver les vétérinaires.", "fr"),
])
def test_a_town_located_once_is_that_town_where_the_model_called_it_a_thing(text: str, language: str) -> None:
    mentions = _mentions(text, ("Brzelin", "LOC", 0), ("Brzelin", "MISC", 1))
    resolved = resolve_mentions(mentions, text, language=language)
    assert mentions[1].label == "LOC"
    assert resolved[1] is not None and resolved[1].place is not None and resolved[1].place.geonameid == TOWN.geonameid
    assert resolved[1].entity_id == resolved[0].entity_id


def test_a_thing_named_alone_stays_a_thing() -> None:
    text = "A resident of Brzelin saw the vets arrive."
    mentions = _mentions(text, ("Brzelin", "MISC", 0))
    resolve_mentions(mentions, text, language="en")
    assert mentions[0].label == "MISC"
