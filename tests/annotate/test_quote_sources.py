"""Stop 31 (issue 17 item 3): a source opened by a preposition that opens one only for people
(« Pour la maire, … », "For Ada Quill, …") counts only when it names a person or a body.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from newsweave import lang
from newsweave.annotate.quote_rules import UPPER
from newsweave.annotate.quote_sources import PersonSources, names_someone, person_sources
from newsweave.annotate.quotes import find_quotes
from newsweave.model import Article, Entity
from newsweave.offsets import OffsetMap
from quote_inputs import quotes_of


def _article(text: str, language: str, entities: list[tuple[str, str]] | None = None) -> Article:
    article = Article(id="q", source="q", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    for words, label in entities or []:
        at = text.index(words)
        article.entities.append(Entity(at, at + len(words), at, at + len(words), words, label=label))
    return article


@pytest.mark.parametrize("text", [
    "Pour l'heure, la préfecture n'a pas communiqué le nombre de blessés dans l'incendie de Brévans.",
    "Pour l'instant, aucune piste n'est écartée par les enquêteurs du commissariat de Brévans.",
    "Pour le moment, le chantier du pont reste fermé aux piétons et aux cyclistes du quartier.",
    "Pour la prochaine collecte, les bénévoles attendent deux cents donneurs au gymnase.",
])
def test_french_pour_before_no_one_is_no_source(text: str) -> None:
    assert not any(quote.speaker for quote in quotes_of(text, "fr").values())


@pytest.mark.parametrize(("text", "speaker"), [
    ("Pour la maire de Brévans, le projet de tramway est une chance pour le quartier.", "la maire de Brévans"),
    ("Pour Claire Fontanel, le projet de tramway est une chance pour le quartier.", "Claire Fontanel"),
    ("Pour lui, le projet de tramway est une chance pour le quartier des Tilleuls.", "lui"),
    ("Pour le syndicat, la réforme des horaires reste inacceptable en l'état.", "le syndicat"),
    ("Pour le vice-président du conseil, le vote se tiendra dans le calme dimanche.", "le vice-président du conseil"),
])
def test_french_pour_before_a_person_or_body_is_a_source(text: str, speaker: str) -> None:
    found = [quote for quote in quotes_of(text, "fr").values() if quote.speaker]
    assert [quote.speaker.text for quote in found if quote.speaker] == [speaker]
    assert not found[0].direct


def test_french_quote_after_pour_l_heure_has_no_time_speaker() -> None:
    text = "Le chantier avance. Pour l'heure, « nous ne savons rien », a déclaré Marc Dorval."
    assert all(quote.speaker is None or quote.speaker.text != "l'heure" for quote in quotes_of(text, "fr").values())


def test_french_entity_labels_decide_a_capitalised_source() -> None:
    place = "Pour la Grèce, la dette reste le premier problème du gouvernement d'Athènes."
    assert not any(q.attribution for q in find_quotes(_article(place, "fr", [("Grèce", "LOC")])))
    person = "Pour Claire Fontanel, la dette reste le premier problème du gouvernement."
    found = [q for q in find_quotes(_article(person, "fr", [("Claire Fontanel", "PER")])) if q.attribution]
    assert [person[q.attribution.speaker_start:q.attribution.speaker_end] for q in found if q.attribution] == ["Claire Fontanel"]


def _english() -> PersonSources:
    # English lists no such preposition (on PolNeAR's tune half "For X," was a source about half
    # the time); the test is the same for any language that would list "for"
    data = {**lang.load("en", "quotes"), "person_source_prepositions": ["for"]}
    person = person_sources(data, "en", UPPER)
    assert person is not None
    return person


@pytest.mark.parametrize(("phrase", "someone"), [
    ("the mayor", True), ("Ada Quill", True), ("them", True), ("South Carolina voters", True),
    ("the harbour board's union", True), ("now", False), ("the first time", False),
    ("the general election", False), ("years", False), ("the most part", False),
])
def test_english_for_names_someone(phrase: str, someone: bool) -> None:
    person = _english()
    assert names_someone(phrase, 0, len(phrase), person, None) is someone


def test_english_entity_labels_decide_a_capitalised_source() -> None:
    person = _english()
    assert not names_someone("Iowa", 0, 4, person, ())
    assert names_someone("Iowa", 0, 4, person, ((0, 4),))


def test_english_for_now_is_no_source() -> None:
    text = "For now, the bridge over the Tarrow river stays closed to walkers and cyclists."
    assert not any(quote.speaker for quote in quotes_of(text, "en").values())
