"""Stop 41 (issue 17 item 3, the stop-40 leftovers): a bracket inside a speaker mention goes with
it; a spaced initialism ("the U. S. Geological Survey") ends no mention at its first letter; a
body whose name the mention was cut inside ("the University" of "the University of Leeds") speaks
whole; a French object pronoun before its verb (« lui a dit », « nous assurent ») is whom the words
were said to, not who said them; a mention linked to a person of the other gender is someone else.

All texts here were written for these tests.
"""

from __future__ import annotations

import re

import pytest

from newsweave.annotate.quotes import find_quotes, quote_records
from newsweave.model import Article, Entity, Quote
from newsweave.offsets import OffsetMap
from quote_inputs import quotes_of, quotes_with_people, speaker_text


def _quotes_with_entities(text: str, language: str, entities: list[tuple[str, str, str, str]]) -> dict[str, Quote]:
    """The quotes of an article whose entities stage found ``entities`` (mention, label, entity id,
    canonical name), every occurrence of each mention, by the words they quote."""
    article = Article(id="q", source="q", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    for mention, label, entity_id, canonical in entities:
        for found in re.finditer(re.escape(mention), text):
            article.entities.append(Entity(found.start(), found.end(), found.start(), found.end(), mention,
                                           label=label, entity_id=entity_id, canonical=canonical))
    article.entities.sort(key=lambda e: (e.start, e.end))
    article.quotes = quote_records(article, find_quotes(article))
    return {text[q.start:q.end]: q for q in article.quotes}


# ---- a bracket inside the speaker mention -------------------------------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("“The harbour vote was rushed,” said the Vox Marina (Voice of the Docks) column.",
     "The harbour vote was rushed,", "the Vox Marina (Voice of the Docks) column"),
    ("“The ferry will run again,” said the senator (D-Ohio) on Monday.",
     "The ferry will run again,", "the senator (D-Ohio)"),
])
def test_a_bracket_inside_the_mention_goes_with_it(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, "en")[words]) == speaker


# ---- a spaced initialism -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("“The tremor was small,” said the U. S. Geological Survey.", "The tremor was small,"),
    ("The tremor struck Pellham at noon, according to the U. S. Geological Survey.", "The tremor struck Pellham at noon"),
])
def test_a_spaced_initialism_ends_no_mention(text: str, words: str) -> None:
    assert speaker_text(quotes_of(text, "en")[words]) == "the U. S. Geological Survey"


def test_a_name_after_an_initial_still_ends_at_its_full_stop() -> None:
    text = "“We will win,” said Jo B. Ashcombe. The crowd cheered."
    assert speaker_text(quotes_of(text, "en")["We will win,"]) == "Jo B. Ashcombe"


# ---- a body whose name holds a place --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Anna Brisk, a chemist, works there. “We will open two labs,” the University of Dunmore said.",
    "Anna Brisk, a chemist, works there. “We will open two labs,” said the University of Dunmore.",
])
def test_a_body_cut_inside_its_name_speaks_whole(text: str) -> None:
    quote = _quotes_with_entities(text, "en", [("Anna Brisk", "PER", "per:anna-brisk", "Anna Brisk"),
                                               ("University of Dunmore", "ORG", "org:dunmore-university", "University of Dunmore"),
                                               ("Dunmore", "LOC", "loc:dunmore", "Dunmore")])["We will open two labs,"]
    assert speaker_text(quote) == "the University of Dunmore"
    assert quote.speaker_entity_id == "org:dunmore-university"


def test_a_person_before_the_body_still_speaks() -> None:
    text = "“We will open two labs,” Anna Brisk of the University of Dunmore said."
    quote = _quotes_with_entities(text, "en", [("Anna Brisk", "PER", "per:anna-brisk", "Anna Brisk"),
                                               ("University of Dunmore", "ORG", "org:dunmore-university", "University of Dunmore")]
                                  )["We will open two labs,"]
    assert quote.speaker_entity_id == "per:anna-brisk"


# ---- French object pronouns -------------------------------------------------------------------------------------

FRENCH = [("Paul Vidrac", "per:paul-vidrac"), ("Marc Lenoir", "per:marc-lenoir")]


@pytest.mark.parametrize("text, words, speaker", [
    ("Paul Vidrac est arrivé hier. « Le pont sera fermé demain », lui a dit Marc Lenoir.",
     "Le pont sera fermé demain", "Marc Lenoir"),
    ("Paul Vidrac est arrivé hier. Marc Lenoir lui a dit que le pont serait fermé demain.",
     "le pont serait fermé demain", "Marc Lenoir"),
    ("Paul Vidrac est arrivé hier. Le maire lui a dit que le pont serait fermé demain.",
     "le pont serait fermé demain", "Le maire"),
])
def test_an_object_pronoun_before_its_verb_is_no_speaker(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_with_people(text, "fr", FRENCH)[words]) == speaker


def test_whom_it_was_said_to_does_not_widen_the_description() -> None:
    text = "Paul Vidrac est arrivé hier. Le maire lui a dit que le pont serait fermé demain."
    quote = quotes_with_people(text, "fr", FRENCH)["le pont serait fermé demain"]
    assert quote.speaker_description is None


@pytest.mark.parametrize("text, words, speaker", [
    ("Marc Lenoir est parti. « Le pont sera fermé demain », lui a-t-il dit.", "Le pont sera fermé demain", "il"),
    ("Nous avons dit : « Le pont sera fermé demain. »", "Le pont sera fermé demain.", "Nous"),
    ("Marc Lenoir est parti. Lui aussi a dit : « Le pont sera fermé demain. »", "Le pont sera fermé demain.", "Lui"),
])
def test_a_subject_pronoun_still_speaks(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_with_people(text, "fr", FRENCH)[words]) == speaker


# ---- a mention of the other gender ------------------------------------------------------------------------------

def test_a_mention_linked_to_a_man_is_his_wife_when_the_text_says_so() -> None:
    text = ("M. Louis Dravel est maçon à Vernon. Il a frappé sa femme. Lasse d’être frappée, Mme Dravel a porté "
            "plainte. Elle a déclaré que les six cents francs avaient disparu du ménage.")
    quote = _quotes_with_entities(text, "fr", [("Louis Dravel", "PER", "per:louis-dravel", "Louis Dravel"),
                                               ("Mme Dravel", "PER", "per:louis-dravel", "Louis Dravel")]
                                  )["les six cents francs avaient disparu du ménage"]
    assert quote.speaker_name == "Mme Dravel" and quote.speaker_entity_id is None


def test_a_mention_of_the_same_gender_keeps_the_full_name() -> None:
    text = ("M. Louis Dravel est maçon à Vernon. Hier, M. Dravel a porté plainte. Il a déclaré que les six cents "
            "francs avaient disparu du ménage.")
    quote = _quotes_with_entities(text, "fr", [("Louis Dravel", "PER", "per:louis-dravel", "Louis Dravel"),
                                               ("Dravel", "PER", "per:louis-dravel", "Louis Dravel")]
                                  )["les six cents francs avaient disparu du ménage"]
    assert quote.speaker_name == "Louis Dravel"
