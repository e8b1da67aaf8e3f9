"""Units named by their number (annotate/name_heads.py, ``[ordinal_units]``; issue 16 item 4, stop 41
third round). Every unit, place and sentence below is invented."""

from __future__ import annotations

from newsweave.annotate.canonical import Mention
from newsweave.annotate.entities import annotate_entities
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _units(text: str, language: str, found: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    from newsweave.annotate.name_heads import units_named_by_ordinals  # new at stop 41c: the guards below run on main too

    mentions = [Mention(text.index(words), text.index(words) + len(words), words, label) for words, label in found]
    return sorted((m.text, m.label) for m in units_named_by_ordinals(mentions, text, language))


def _names(text: str, language: str) -> list[tuple[str, str]]:
    article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return sorted((item.text, item.label) for item in article.entities)


def test_an_ordinal_and_common_words_before_a_units_head_are_one_organisation() -> None:
    text = "Tankers of the 417th Air Refueling Squadron landed at dawn."
    assert _units(text, "en") == [("417th Air Refueling Squadron", "ORG")]


def test_the_models_piece_of_a_unit_takes_its_ordinal() -> None:
    text = "Crews of the 83rd Velmoran Marine Division crossed the river."
    assert _units(text, "en", [("Velmoran Marine Division", "ORG")]) == [("83rd Velmoran Marine Division", "ORG")]


def test_a_name_that_goes_on_after_the_head_is_taken_whole() -> None:
    text = "The 14th Parliament of Dorvania sat for four years."
    assert _units(text, "en", [("Parliament of Dorvania", "ORG")]) == [("14th Parliament of Dorvania", "ORG")]


def test_a_precinct_named_by_its_number_is_found_in_an_article() -> None:
    names = _names("Two officers from the 219th Precinct arrested Tomas Reuel on Tuesday.", "en")
    assert ("219th Precinct", "ORG") in names


def test_an_ordinal_before_no_units_head_moves_nothing() -> None:
    # look-alikes: a weekly and a day have an ordinal before them but no unit's head
    names = _names("The 21st Dorvania weekly opens on 6th June in Velmora.", "en")
    assert not any(text[:1].isdigit() for text, _ in names)


def test_a_street_named_by_its_number_stays_a_place() -> None:
    names = _names("Tomas Reuel was struck on 117th Street near the Velmora bakery.", "en")
    assert ("117th Street", "LOC") in names


def test_a_language_without_ordinal_units_is_left_as_it_is() -> None:
    assert _names("Les soldats du 12th Velmoran Regiment sont partis.", "fr") == []
