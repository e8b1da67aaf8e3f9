"""A lawmaker's party-and-place tag ("Rep. Ann Roe, D-Calif.,") names a place: invented towns and
lawmakers, an invented gazetteer; English (the convention of US news) and French (which has none)."""

from __future__ import annotations

import pytest

from newsweave.annotate import toponyms
from newsweave.annotate.canonical import Mention
from newsweave.annotate.geo import Place, _Entry, fold

TOWNS = {"maple ford": "Maple Ford", "saint-aubin-des-pres": "Saint-Aubin-des-Prés", "vall": "Vallée-Haute",
         "orvanne": "Orvanne"}


@pytest.fixture(autouse=True)
def invented_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    def found(name: str) -> tuple[_Entry, ...]:
        main = TOWNS.get(fold(name))
        return (_Entry(Place(1, main, 41.0, -91.0, "US", 30_000, "city"), True),) if main else ()

    monkeypatch.setattr(toponyms, "candidates", found)
    monkeypatch.setattr(toponyms, "_is_place_name", lambda words, language, dateline: bool(found(words)))


def _places(text: str, language: str = "en") -> list[str]:
    return [text[start:end] for start, end in toponyms._affiliation_places(text, language)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Rep. Tamsin Orle, D-Maple Ford, said the bill would pass.", ["Maple Ford"]),
    ("Sen. Cole Brandt (R-Saint-Aubin-des-Prés) voted against it.", ["Saint-Aubin-des-Prés"]),
    # An abbreviation keeps its dot; a sentence's full stop after a full name does not.
    ("It was signed by Sen. Ivo Park, I-Vall.", ["Vall."]),
    ("The bill came from Rep. Ann Roe, D-Maple Ford. Others followed.", ["Maple Ford"]),
    # No comma or bracket before the tag, or a name no gazetteer knows: nothing.
    ("The R-Maple Ford rating was dropped.", []),
    ("Rep. Tamsin Orle, D-Quillby, said so.", []),
])
def test_the_place_of_a_party_tag(text: str, expected: list[str]) -> None:
    assert _places(text) == expected


def test_french_has_no_party_tags() -> None:
    assert _places("Le sénateur Cole Brandt, D-Saint-Aubin-des-Prés, a voté contre.", "fr") == []


def test_a_mention_of_the_whole_tag_becomes_its_place() -> None:
    text = "Rep. Tamsin Orle, D-Maple Ford, said so; Rep. Ivo Park, R-Orvanne, agreed."
    whole = Mention(text.index("D-Maple"), text.index("D-Maple") + len("D-Maple Ford"), "D-Maple Ford", "ORG")
    other = Mention(0, 3, "Rep", "ORG")
    toponyms._trim_affiliations([whole, other], toponyms._affiliation_places(text, "en"))
    assert (text[whole.start:whole.end], whole.text, whole.label) == ("Maple Ford", "Maple Ford", "LOC")
    assert (other.text, other.label) == ("Rep", "ORG")
