"""Stop 41, third round (issue 17 item 3): a speaker mention that is the complement of a described
person right before it ("A spokeswoman for Dunmore Rovers said", « Le fromager de Montbrisac a dit
que ») is that person's: the speaker is the whole described phrase, never the bare place, body or
person of its complement.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text


@pytest.mark.parametrize("text, words, speaker, language", [
    ("Le fromager de Montbrisac a dit que la récolte de lait avait baissé.",
     "la récolte de lait avait baissé", "Le fromager de Montbrisac", "fr"),
    ("Hier, la pharmacienne de Quérieux a déclaré que les stocks tiendraient jusqu'en juin.",
     "les stocks tiendraient jusqu'en juin", "la pharmacienne de Quérieux", "fr"),
    ("Le fromager de Montbrisac a déclaré : « Nous fermerons la cave lundi. »",
     "Nous fermerons la cave lundi.", "Le fromager de Montbrisac", "fr"),
    ("A spokeswoman for Dunmore Rovers said the club would not sell its ground.",
     "the club would not sell its ground", "A spokeswoman for Dunmore Rovers", "en"),
    ("In Tallowick, the ferryman of Skellig Point said that the crossing had been cancelled.",
     "the crossing had been cancelled", "the ferryman of Skellig Point", "en"),
    ("But the solicitor acting for the coach, who has been charged with assault, said that the brakes had failed.",
     "the brakes had failed", "the solicitor acting for the coach", "en"),
])
def test_a_described_person_speaks_not_its_complement(text: str, words: str, speaker: str, language: str) -> None:
    assert speaker_text(quotes_of(text, language)[words]) == speaker


def test_the_complements_person_lends_no_name_to_the_described_speaker() -> None:
    text = ("An aide to Idris Calloway said the vote would be held in the spring. "
            "Calloway said that he had not yet decided.")
    found = quotes_with_people(text, "en", [("Idris Calloway", "per:idris-calloway")])
    aide = found["the vote would be held in the spring"]
    assert speaker_text(aide) == "An aide to Idris Calloway"
    assert aide.speaker_name == "An aide to Idris Calloway" and aide.speaker_entity_id is None
    assert found["he had not yet decided"].speaker_name == "Idris Calloway"


def test_a_place_in_a_described_french_speaker_is_no_entity_of_the_quote() -> None:
    text = "Le fromager de Montbrisac a dit que la récolte de lait avait baissé."
    quote = quotes_of(text, "fr")["la récolte de lait avait baissé"]
    assert quote.speaker_name == "Le fromager de Montbrisac" and quote.speaker_entity_id is None


# ---- look-alikes that must not move ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, words, speaker, language", [
    # a title and its place: already the whole phrase
    ("Le maire de Montbrisac a dit que la récolte de lait avait baissé.",
     "la récolte de lait avait baissé", "Le maire de Montbrisac", "fr"),
    ("The mayor of Skellig Point said that the crossing had been cancelled.",
     "the crossing had been cancelled", "The mayor of Skellig Point", "en"),
    # a capitalised body's own name, no described person (whole since stop 41 quotes2: see
    # test_quotes_capitalised_owner_stop41c.py)
    ("The League of Coastal Towns wrote that the vote had been unfair.",
     "the vote had been unfair", "The League of Coastal Towns", "en"),
    # a clause before the name ("The ad uses footage of"), not a noun phrase: the name speaks
    ("The ad uses footage of Idris Calloway asking, “Why are we still waiting?”",
     "Why are we still waiting?", "Idris Calloway", "en"),
    # a pronoun after a complement word stays the pronoun
    ("In an interview with the Tallowick Herald, he said that the crossing had been cancelled.",
     "the crossing had been cancelled", "he", "en"),
])
def test_speakers_that_are_no_complement_stay(text: str, words: str, speaker: str, language: str) -> None:
    assert speaker_text(quotes_of(text, language)[words]) == speaker


# ---- an adverb after the subject, before its cue -----------------------------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("Idris Calloway ran the ferry for years. He later said the crossing had never been safe.",
     "the crossing had never been safe", "He"),
    ("Idris Calloway ran the ferry for years. He once told the Tallowick Herald that the crossing was never safe.",
     "the crossing was never safe", "He"),
])
def test_an_adverb_after_a_pronoun_is_no_part_of_the_speaker(text: str, words: str, speaker: str) -> None:
    quote = quotes_with_people(text, "en", [("Idris Calloway", "per:idris-calloway")])[words]
    assert speaker_text(quote) == speaker and quote.speaker_name == "Idris Calloway"
