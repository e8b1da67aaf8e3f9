"""A road's number is part of its name (annotate/name_spans.py, ``numbered_road_words``; issue 16
item 4, stop 41 third round). Every road, place, person and sentence below is invented."""

from __future__ import annotations

from newsweave.annotate.canonical import Mention
from newsweave.annotate.entities import annotate_entities
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _roads(text: str, language: str, found: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    from newsweave.annotate.name_spans import roads_with_their_numbers  # new at stop 41c: the guards below run on main too

    mentions = [Mention(text.index(words), text.index(words) + len(words), words, label) for words, label in found]
    return sorted((m.text, m.label) for m in roads_with_their_numbers(mentions, text, language))


def _names(text: str, language: str) -> list[tuple[str, str]]:
    article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return sorted((item.text, item.label) for item in article.entities)


def test_the_models_road_takes_its_number_and_keeps_its_label() -> None:
    text = "Trucks left Velmora State Route 417 at noon."
    assert _roads(text, "en", [("Velmora State Route", "ORG")]) == [("Velmora State Route 417", "ORG")]


def test_a_state_before_a_road_joins_the_road() -> None:
    text = "Snow closed Dorvania State Highway 58 on Monday."
    assert _roads(text, "en", [("Dorvania", "LOC")]) == [("Dorvania State Highway 58", "LOC")]


def test_a_road_the_model_missed_or_took_for_a_person_is_a_place() -> None:
    assert _roads("The bank on Highway 903 was closed.", "en") == [("Highway 903", "LOC")]
    assert _roads("Crews kept Highway 903 open.", "en", [("Highway", "PER")]) == [("Highway 903", "LOC")]


def test_a_road_is_found_in_an_article() -> None:
    names = _names("The search led to the Velmora Savings Bank on Highway 903, just east of Dorvania.", "en")
    assert ("Highway 903", "LOC") in names
    assert ("Highway 903", "LOC") in _names("Highway 903 in Velmora was to remain closed most of the day.", "en")


def test_a_year_after_a_roads_word_is_no_number_of_it() -> None:
    # look-alike: a forum named after a road and its year keeps the model's name
    text = "Tomas Reuel spoke at the Silk Road 2019 forum in Velmora."
    assert _roads(text, "en", [("Silk Road", "LOC")]) == [("Silk Road", "LOC")]


def test_a_sentences_last_word_does_not_open_a_road() -> None:
    names = _names("Tomas Reuel lives in Velmora. Route 9 was closed on Monday.", "en")
    assert not any(text.startswith("Velmora") and text != "Velmora" for text, _ in names)


def test_a_language_without_road_words_is_left_as_it_is() -> None:
    text = "Les camions de Velmora ont quitté la Highway 903."
    assert _roads(text, "fr", [("Highway", "LOC")]) == [("Highway", "LOC")]
