"""A place the model split into two names ("Mission" + "Viejo") is one place mention again.

Invented towns stand in the gazetteer (``toponyms.candidates`` is replaced); the sentences are ours.
"""

from __future__ import annotations

import pytest

from newsweave.annotate import toponyms
from newsweave.annotate.canonical import Mention
from newsweave.annotate.geo import Place, _Entry

TOWNS = {"vila nova do sarem": 85_000, "santa irena vieja": 40_000, "porto lisca": 3_000}


def _candidates(name: str) -> tuple[_Entry, ...]:
    key = name.casefold()
    if key not in TOWNS:
        return ()
    return (_Entry(Place(1, name, -20.0, -45.0, "XX", TOWNS[key], "city"), True),)


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch) -> None:
    monkeypatch.setattr(toponyms, "candidates", _candidates)


def _halves(text: str, first: str, second: str, labels: tuple[str, str]) -> list[Mention]:
    return [Mention(text.index(first), text.index(first) + len(first), first, labels[0]),
            Mention(text.index(second), text.index(second) + len(second), second, labels[1])]


@pytest.mark.parametrize(("text", "first", "second", "language"), [
    ("The clinic in Vila Nova do Sarem closed on Sunday.", "Vila Nova", "Sarem", "en"),
    ("La clinique de Santa Irena Vieja a fermé dimanche.", "Santa Irena", "Vieja", "fr"),
])
def test_a_town_split_in_two_is_one_place(text: str, first: str, second: str, language: str) -> None:
    found = toponyms._places_named_with_and(_halves(text, first, second, ("LOC", "PER")), text, language)
    whole = text[text.index(first):text.index(second) + len(second)]
    assert [(m.text, m.label) for m in found] == [(whole, "LOC")]


@pytest.mark.parametrize(("text", "first", "second"), [
    # A small town: two names beside each other may make one by chance.
    ("Boats left Porto Lisca at dawn.", "Porto", "Lisca"),
    # A whole the gazetteer does not know.
    ("Santa Irena Marlow said so.", "Santa Irena", "Marlow"),
    # A capitalised word between the halves is no joiner.
    ("Vila Nova Do Sarem", "Vila Nova", "Sarem"),
])
def test_other_neighbours_stay_apart(text: str, first: str, second: str) -> None:
    found = toponyms._places_named_with_and(_halves(text, first, second, ("LOC", "PER")), text, "en")
    assert len(found) == 2
