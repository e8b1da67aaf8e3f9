"""A demonym that several countries share ("Korean", « congolais ») names the one the article's
own places point at, and the most populous where they point at neither or at both (invented
countries Upper and Lower Tessaly, their people "Tessalian", English and French articles)."""

from __future__ import annotations

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate import canonical, geo
from newsweave.annotate.canonical import Mention, resolve_mentions
from newsweave.annotate.geo import Place, _Entry

UPPER = Place(1, "Upper Tessaly", 40.0, 20.0, "QU", 50_000_000, "country")
LOWER = Place(2, "Lower Tessaly", 30.0, 22.0, "QL", 20_000_000, "country")
# Lower Tessaly's capital, and a town of the upper country.
VARNHOLM = Place(3, "Varnholm", 30.5, 22.5, "QL", 900_000, "city", region="ql-capital")
KELMARSK = Place(4, "Kelmarsk", 41.0, 19.0, "QU", 700_000, "city", region="qu-north")
GAZETTEER = {"varnholm": (_Entry(VARNHOLM, True),), "kelmarsk": (_Entry(KELMARSK, True),),
             "upper tessaly": (_Entry(UPPER, True),), "lower tessaly": (_Entry(LOWER, True),)}
SHARED = {"tessalian": ("QU", "QL"), "tessalien": ("QU", "QL"), "tessalienne": ("QU", "QL")}
OWN = {"lower tessalian": "QL"}


@pytest.fixture(autouse=True)
def invented_countries(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)
    monkeypatch.setattr(canonical, "countries", lambda: {"QU": UPPER, "QL": LOWER})
    monkeypatch.setattr(canonical, "shared_demonyms", lambda: SHARED)
    # Read alone, the shared word is the most populous country's (``geo.demonyms``).
    monkeypatch.setattr(canonical, "demonym_country",
                        lambda word: "QU" if geo.fold(word) in SHARED else OWN.get(geo.fold(word)))
    monkeypatch.setattr(canonical, "region_demonym", lambda word: None)


def _mention(text: str, words: str, label: str, kind: str = "name") -> Mention:
    start = text.index(words)
    return Mention(start, start + len(words), words, label, kind)


def _demonym_country(text: str, demonym: str, places: list[str], language: str) -> str | None:
    mentions = [_mention(text, demonym, "MISC", "demonym")] + [_mention(text, place, "LOC") for place in places]
    result = resolve_mentions(mentions, text, language=language)[0]
    assert result is not None and result.place is not None
    return result.place.country


@pytest.mark.parametrize(("text", "demonym", "language"), [
    ("The Tessalian delegation landed in Varnholm on Monday.", "Tessalian", "en"),
    ("La délégation tessalienne a atterri à Varnholm lundi.", "tessalienne", "fr"),
])
def test_the_article_s_places_say_which_country(text: str, demonym: str, language: str) -> None:
    assert _demonym_country(text, demonym, ["Varnholm"], language) == "QL"


@pytest.mark.parametrize(("text", "demonym", "language"), [
    ("The Tessalian delegation landed on Monday.", "Tessalian", "en"),
    ("La délégation tessalienne a atterri lundi.", "tessalienne", "fr"),
])
def test_alone_it_is_the_most_populous(text: str, demonym: str, language: str) -> None:
    assert _demonym_country(text, demonym, [], language) == "QU"


@pytest.mark.parametrize(("text", "demonym", "language"), [
    ("Tessalian talks opened in Varnholm and went on in Kelmarsk.", "Tessalian", "en"),
    ("Les pourparlers tessaliens, ouverts à Varnholm, ont repris à Kelmarsk.", "tessaliens", "fr"),
])
def test_an_article_about_both_keeps_the_most_populous(text: str, demonym: str, language: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(SHARED, "tessaliens", ("QU", "QL"))
    assert _demonym_country(text, demonym, ["Varnholm", "Kelmarsk"], language) == "QU"


def test_a_country_s_own_demonym_points_at_it() -> None:
    text = "A Lower Tessalian minister met Tessalian families on Monday."
    mentions = [_mention(text, "Lower Tessalian", "MISC", "demonym"), _mention(text, "Tessalian families", "MISC", "demonym")]
    mentions[1] = Mention(mentions[1].start, mentions[1].start + len("Tessalian"), "Tessalian", "MISC", "demonym")
    results = resolve_mentions(mentions, text, language="en")
    assert [result.place.country for result in results if result and result.place] == ["QL", "QL"]


def test_the_language_files_list_shared_demonyms_with_their_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    tables = {"en": {"shared_demonyms": [{"countries": ["QU", "QL"], "words": ["Tessalian"]}],
                     "inflect": [{"ending": "an", "forms": ["ans"]}]},
              "fr": {"shared_demonyms": [{"countries": ["QU", "QL", "QX"], "words": ["tessalien", "tessalienne"]}]}}
    monkeypatch.setattr(geo.lang, "load_all", lambda name: tables if name == "entities" else {})
    monkeypatch.setattr(geo, "countries", lambda: {"QU": UPPER, "QL": LOWER})
    assert geo.shared_demonyms.__wrapped__() == {"tessalian": ("QU", "QL"), "tessalians": ("QU", "QL"),
                                                 "tessalien": ("QU", "QL"), "tessalienne": ("QU", "QL")}
