"""A division's dotted abbreviation however news spaces it ("W. Va.", "N. C.", "D-N.H"), and
"Pa." read as Pennsylvania only where a party tag or a town marks it, never the word "pa"
(invented towns and lawmakers; the abbreviations are the stylebook's)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_gazetteer

from newsweave.annotate import geo, toponyms
from newsweave.annotate.division_codes import division_names, written_form
from newsweave.annotate.geo import Place, _Entry, fold


@pytest.mark.parametrize(("name", "form"), [
    ("W. Va.", "W.Va."), ("N. C.", "N.C."), ("P. E. I.", "P.E.I."), ("N.H.", "N.H."), ("Pa.", "Pa."),
    # Longer parts are words, not letters of an abbreviation: the space stays.
    ("St. Ann", "St. Ann"), ("J. Quill", "J. Quill"), ("Ft. Brandel", "Ft. Brandel"), ("Maple Ford", "Maple Ford"),
])
def test_the_written_form_of_an_abbreviation(name: str, form: str) -> None:
    assert written_form(name) == form


@pytest.mark.parametrize(("name", "division"), [
    ("W. Va.", "West Virginia"), ("W.Va.", "West Virginia"), ("N. C.", "North Carolina"),
    ("N.H", "New Hampshire"), ("Pa.", "Pennsylvania"), ("P. E. I.", "Prince Edward Island"),
])
def test_spaced_and_undotted_forms_name_the_division(name: str, division: str) -> None:
    assert division in [english for _, english in division_names(name)]


def test_the_word_pa_names_no_division() -> None:
    # Without its dot (and capital), "pa" is a word: the reading needs "Pa." as written.
    assert division_names("pa") == () and division_names("Pa") == ()


# An invented gazetteer where the lists' abbreviations are known as written without spaces.
WRITTEN_WITHOUT_SPACES = {"n.c": (_Entry(Place(7, "North Carolina", 35.5, -79.5, "US", 9_000_000, "admin1"), True),)}


def test_a_spaced_abbreviation_is_looked_up_as_written_without_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_gazetteer(monkeypatch, WRITTEN_WITHOUT_SPACES)
    assert [entry.place.name for entry in geo.candidates("N. C.")] == ["North Carolina"]
    assert geo.candidates("N. Cove") == ()


TOWNS = {"maple ford": "Maple Ford"}


@pytest.fixture()
def invented_towns(monkeypatch: pytest.MonkeyPatch) -> None:
    def found(name: str) -> tuple[_Entry, ...]:
        main = TOWNS.get(fold(name))
        return (_Entry(Place(1, main, 41.0, -91.0, "US", 30_000, "city"), True),) if main else ()

    monkeypatch.setattr(toponyms, "candidates", found)
    monkeypatch.setattr(toponyms, "_is_place_name", lambda words, language, dateline: bool(found(words)))


@pytest.mark.parametrize(("text", "expected"), [
    ("Rep. Tamsin Orle, D-W. Va., chairs the panel.", ["W. Va."]),
    ("Sen. Cole Brandt, R-N. C., voted no.", ["N. C."]),
    ("Rep. Ann Roe, D-N.H, said so.", ["N.H"]),
    ("Sen. Ivo Park, D-Pa. , said so.", ["Pa."]),
    # A tag shared by several lawmakers, after "both".
    ("Sens. Ivo Park and Lin Soto, both D-Maple Ford, agreed.", ["Maple Ford"]),
    ("Sens. Ivo Park and Lin Soto, both R-W. Va., agreed.", ["W. Va."]),
    # "Pa" without its dot, and "both" before no tag, are nothing.
    ("Rep. Ann Roe, D-Pa said so.", []),
    ("They both D-listed it.", []),
])
def test_abbreviations_in_party_tags(invented_towns: None, text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in toponyms._affiliation_places(text, "en")] == expected


def test_a_tagged_pa_becomes_a_place_mention(invented_towns: None) -> None:
    text = "Rep. Ann Roe, D-Pa., spoke. Pa said nothing."
    added: list = []
    for start, end in toponyms._affiliation_places(text, "en"):
        toponyms._take(start, end, text, {}, set(), added, set(), "en", tag=True)
    assert [(m.text, m.label) for m in added] == [("Pa.", "LOC")]
    # Outside a tag, "Pa." is no place by itself: the gazetteer does not list the word.
    assert not toponyms._take(28, 30, text, {}, set(), [], set(), "en")


def test_french_has_no_party_tag_openers() -> None:
    assert toponyms._affiliation_places("Les sénateurs Ivo Park et Lin Soto, both D-W. Va., ont voté.", "fr") == []


def _tagged(text: str) -> dict[str, str]:
    """The divisions the recall rules mark on the place mentions of the text's tags."""
    by_span: dict = {}
    affiliations = toponyms._affiliation_places(text, "en")
    for start, end in affiliations:
        toponyms._take(start, end, text, by_span, set(), [], set(), "en", tag=True)
    toponyms.mark_tagged_divisions(affiliations, text, by_span)
    return {mention.text: mention.tagged_division for mention in by_span.values() if mention.tagged_division}


def test_tagged_abbreviations_name_their_division(invented_towns: None) -> None:
    text = "Rep. Ann Roe, D-Pa., and Sen. Cole Brandt, R-N. C., met Rep. Ivo Park, D-Maple Ford."
    # A town of a tag is the gazetteer's to read; an abbreviation of one division is marked as it.
    assert _tagged(text) == {"Pa.": "Pennsylvania", "N. C.": "North Carolina"}
    assert _tagged("He met Pa. at noon in Maple Ford.") == {}


def test_resolution_reads_the_mark_not_the_text(invented_towns: None) -> None:
    from newsweave.annotate.canonical import Mention, resolve_mentions

    text = "Rep. Ann Roe, D-Pa., spoke."
    marked = Mention(16, 19, "Pa.", "LOC", tagged_division="Pennsylvania")
    unmarked = Mention(16, 19, "Pa.", "LOC")
    # The tag's mark places the abbreviation in its division; without it the text alone does not.
    found = resolve_mentions([marked], text, None, "en")[0]
    assert found is not None and found.place is not None and found.place.name == "Pennsylvania"
    alone = resolve_mentions([unmarked], text, None, "en")[0]
    assert alone is not None and alone.place is None
