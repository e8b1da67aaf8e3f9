"""Counties named without their noun: "Walton and Oconee counties", "Loudon Co.", a delegate's
"D-Braxton" tag, « les comtés de Walton et d'Oconee ». Invented sentences and people; the end-to-end
cases use real counties, since the gazetteer must know them, and the rule's own cases an invented
gazetteer, in English and French."""

from __future__ import annotations

import pytest

from newsweave.annotate import toponyms
from newsweave.annotate.canonical import Mention
from newsweave.annotate.entities import annotate_entities
from newsweave.annotate.geo import Place, _Entry, fold
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _located(text: str, language: str = "en") -> dict[str, tuple[str, str | None]]:
    article = Article(id="t", source="t.txt", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return {item.text: (item.canonical, item.country) for item in article.entities if item.lat is not None}


def test_every_name_of_a_list_before_counties_is_that_county() -> None:
    text = "Deputies from Walton and Oconee counties searched the river on Sunday, Ivo Marr said."
    places = _located(text)
    assert places.get("Walton") == ("Walton County", "US"), places
    assert places.get("Oconee") == ("Oconee County", "US"), places


def test_a_delegate_s_tag_names_a_county_without_its_noun() -> None:
    text = ("The bill reached the West Virginia House on Friday. Delegate Ivo Marr, D-Braxton, backed it, "
            "and so did Delegate Ann Roe, R-Monongalia.")
    places = _located(text)
    assert places.get("Braxton") == ("Braxton County", "US"), places
    assert places.get("Monongalia") == ("Monongalia County", "US"), places


# An invented gazetteer for the rule itself: Tallowmere and Brackwood are counties only; Sembler is
# no place at all.
COUNTIES = {"tallowmere county": "Tallowmere County", "brackwood county": "Brackwood County"}


@pytest.fixture
def invented_counties(monkeypatch: pytest.MonkeyPatch) -> None:
    def found(name: str) -> tuple[_Entry, ...]:
        main = COUNTIES.get(fold(name))
        return (_Entry(Place(1, main, 41.0, -91.0, "US", 30_000, "admin2", region="tesanna"), True),) if main else ()

    monkeypatch.setattr(toponyms, "candidates", found)
    monkeypatch.setattr(toponyms, "_is_place_name", lambda words, language, dateline: False)


def _taken(text: str, language: str, mentions: list[Mention] = ()) -> list[tuple[str, str]]:
    by_span = {(m.start, m.end): m for m in mentions}
    taken = {index for m in mentions for index in range(m.start, m.end)}
    added: list[Mention] = []
    toponyms._divisions_named_by_their_noun(text, by_span, taken, added, set(), language)
    return sorted((m.text, m.label) for m in [*mentions, *added] if m.label == "LOC")


@pytest.mark.usefixtures("invented_counties")
@pytest.mark.parametrize(("text", "language"), [
    ("Roads in Tallowmere and Brackwood counties stayed shut.", "en"),
    ("Roads in Tallowmere, Brackwood or Ferris counties stayed shut.", "en"),
    ("Les routes des comtés de Tallowmere et de Brackwood sont restées fermées.", "fr"),
    ("Les routes des comtés de Tallowmere et Brackwood sont restées fermées.", "fr"),
])
def test_names_listed_with_a_plural_noun_of_counties_are_places(text: str, language: str) -> None:
    assert _taken(text, language) == [("Brackwood", "LOC"), ("Tallowmere", "LOC")]


@pytest.mark.usefixtures("invented_counties")
@pytest.mark.parametrize(("text", "language"), [
    # A singular noun marks the name next to it only.
    ("Tallowmere and Brackwood county roads stayed shut.", "en"),
    ("Le comté de Brackwood et Tallowmere ont voté.", "fr"),
])
def test_a_singular_noun_marks_the_name_next_to_it(text: str, language: str) -> None:
    assert _taken(text, language) == [("Brackwood", "LOC")]


@pytest.mark.usefixtures("invented_counties")
def test_a_county_the_model_took_for_a_firm_is_a_place_and_a_firm_stays_one() -> None:
    text = "Deputies of Brackwood Co. met the Sembler Co. board."
    mentions = [Mention(text.index(name), text.index(name) + len(name), name, "ORG") for name in ("Brackwood Co.", "Sembler Co.")]
    assert _taken(text, "en", mentions) == [("Brackwood Co.", "LOC")]


@pytest.mark.usefixtures("invented_counties")
def test_a_name_no_county_bears_is_not_taken() -> None:
    assert _taken("Roads in Ferris and Sembler counties stayed shut.", "en") == []


@pytest.mark.usefixtures("invented_counties")
def test_a_tag_names_a_county_without_its_noun() -> None:
    text = "Delegate Ivo Marr, D-Tallowmere, and Delegate Ann Roe, R-Brackwood. Others followed."
    assert [text[start:end] for start, end in toponyms._affiliation_places(text, "en")] == ["Tallowmere", "Brackwood"]


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Lompoc Police Chief Ann Roe said the boat was found on Friday near the California coast.", "Lompoc", "US"),
    ("Brackley Mayor Ivo Marr said the depot would open in Northamptonshire next spring.", "Brackley", "GB"),
    ("DuPage Sheriff Ann Roe warned residents of Illinois about two scams.", "DuPage", "US"),
])
def test_the_place_of_an_official_before_the_official_s_name(text: str, name: str, country: str) -> None:
    places = _located(text)
    assert name in places and places[name][1] == country, places


def test_le_lieu_d_un_elu_apres_son_titre() -> None:
    places = _located("Le shérif de DuPage, Ann Roe, a mis en garde les habitants de l'Illinois.", "fr")
    assert places.get("DuPage") == ("DuPage County", "US"), places
    places = _located("Le maire de Brackley, Ivo Marr, a ouvert le dépôt du Northamptonshire.", "fr")
    assert "Brackley" in places and places["Brackley"][1] == "GB", places


def test_words_before_a_title_that_name_no_place_stay_words() -> None:
    places = _located("Former Mayor Ann Roe and Acting Sheriff Ivo Marr opened the depot in Limoux on Monday.")
    assert set(places) == {"Limoux"}, places
