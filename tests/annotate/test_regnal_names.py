"""Persons named by a regnal number or by the land they held (annotate/regnal_names.py, issue 16).
Every person and land below is invented; the given names are ordinary ones of Faker's lists."""

from __future__ import annotations

from newsweave.annotate.canonical import Mention
from newsweave.annotate.regnal_names import persons_of_lands


def _persons(text: str, language: str, found: list[tuple[str, str]] = ()) -> list[tuple[str, str, str]]:
    mentions = [Mention(text.index(words), text.index(words) + len(words), words, label) for words, label in found]
    return sorted((m.text, m.label, m.name) for m in persons_of_lands(mentions, text, language))


def test_a_given_name_and_a_land_are_one_person_and_the_land_goes() -> None:
    text = "The chronicle names Hedda of Dorvanmark as regent."
    assert _persons(text, "en", [("Dorvanmark", "LOC")]) == [("Hedda of Dorvanmark", "PER", "Hedda of Dorvanmark")]


def test_a_title_stays_in_the_span_but_not_in_the_identity() -> None:
    text = "Princess Ilse of Velkoria opened the bridge; Emperor Taoyun of Brimq watched."
    result = _persons(text, "en", [("Velkoria", "LOC"), ("Taoyun", "PER")])
    assert result == [("Emperor Taoyun of Brimq", "PER", "Taoyun of Brimq"),
                      ("Princess Ilse of Velkoria", "PER", "Ilse of Velkoria")]


def test_a_regnal_number_joins_the_given_name() -> None:
    text = "Ottokar II ( 1120–1150 ) was followed by Hedda I."
    assert [item[0] for item in _persons(text, "en", [("Ottokar", "PER")])] == ["Hedda I", "Ottokar II"]


def test_a_lone_i_before_a_word_is_a_pronoun_and_longer_names_are_left_alone() -> None:
    text = "Anna I think was right. The Bank of Dorvanmark and Hedda of Dorvan Hospital, said Tom Ruel, Dean of Velkoria."
    assert _persons(text, "en") == []


def test_a_title_before_a_common_word_is_no_ruler() -> None:
    assert _persons("A Duke Professor of Velkorian Studies spoke.", "en") == []


def test_french_connectors_take_the_land() -> None:
    text = "Le portrait montre Hedda d'Orvanie et Ottokar II de Velkorie."
    assert [item[0] for item in _persons(text, "fr")] == ["Hedda d'Orvanie", "Ottokar II de Velkorie"]


def test_a_ruler_and_a_peerage_after_it_are_one_person() -> None:
    from newsweave.annotate.entities import annotate_entities
    from newsweave.model import Article
    from newsweave.offsets import OffsetMap

    text = "The letter was sent by Hedda of Velkoria, Electress of Dorvanmark, in spring."
    article = Article(id="en", source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language="en")
    annotate_entities([article])
    persons = [item.text for item in article.entities if item.label == "PER"]
    assert persons == ["Hedda of Velkoria, Electress of Dorvanmark"]
    assert not [item for item in article.entities if item.label == "LOC"]
