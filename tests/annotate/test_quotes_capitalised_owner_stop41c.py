"""Stop 41, third round, quotes2 (issue 17 item 3): a speaker mention after a capitalised run and a
complement word ("the US Ambassador to Tarnavia said", "The League of Coastal Towns wrote", « le Premier
ministre de Tarnavie a déclaré ») belongs to that run: a title of the list makes the owner the speaker,
a body's or a person's own name stays whole, and a name after the title's body speaks. French
titles are capitalised less often (« le porte-parole du Quai d'Orsay » is lower-case, stop 41's third
round); « le Premier ministre de Tarnavie » was whole already and must stay so.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text


@pytest.mark.parametrize("text, words, speaker, language", [
    # a capitalised title before its complement: the title holder speaks, not the place
    ("First question, the US Ambassador to Tarnavia said today that the talks would go on.",
     "today that the talks would go on", "the US Ambassador to Tarnavia", "en"),
    # a body's own name, no title in it: whole, not the place or the words its name ends on
    ("The League of Coastal Towns wrote that the vote had been unfair.",
     "the vote had been unfair", "The League of Coastal Towns", "en"),
    ("The People's Bank of Tarnavia announced that the ratio would be lowered.",
     "the ratio would be lowered", "The People's Bank of Tarnavia", "en"),
    # a person's own name before the place (no entities: the phrase is kept whole)
    ("Gov. Orrin Blackwood of Tarnavia, a Whig who has refused to endorse him, said the family deserved better.",
     "the family deserved better", "Gov. Orrin Blackwood of Tarnavia", "en"),
])
def test_a_capitalised_owner_speaks_not_its_complement(text: str, words: str, speaker: str, language: str) -> None:
    assert speaker_text(quotes_of(text, language)[words]) == speaker


def test_a_capitalised_title_lends_the_place_no_speech() -> None:
    quote = quotes_of("First question, the US Ambassador to Tarnavia said today that the talks would go on.",
                      "en")["today that the talks would go on"]
    assert quote.speaker_name == "the US Ambassador to Tarnavia" and quote.speaker_entity_id is None


def test_a_name_after_the_titles_body_speaks() -> None:
    text = "Secretary of State Orrin Blackwood said that the treaty would be signed in May."
    people = [("Orrin Blackwood", "per:orrin-blackwood")]
    quote = quotes_with_people(text, "en", people)["the treaty would be signed in May"]
    assert speaker_text(quote) == "Secretary of State Orrin Blackwood" and quote.speaker_name == "Orrin Blackwood"


def test_the_person_before_the_body_still_speaks_where_the_entities_found_them() -> None:
    # (as on main, where the mention was the body alone; now the person is found inside the whole phrase)
    text = "Gov. Orrin Blackwood of Tarnavia said the family deserved better."
    quote = quotes_with_people(text, "en", [("Orrin Blackwood", "per:orrin-blackwood")])["the family deserved better"]
    assert speaker_text(quote) == "Orrin Blackwood" and quote.speaker_entity_id == "per:orrin-blackwood"


# ---- look-alikes that must not move ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, words, speaker, language", [
    # a source preposition or a sentence opener before the complement word opens no owner
    ("According to Orrin Blackwood, the vote had been unfair.", "the vote had been unfair", "Orrin Blackwood", "en"),
    ("Selon Marie Roux, le vote était injuste.", "le vote était injuste", "Marie Roux", "fr"),
    # a full stop that ends a sentence ends the run: the name after it is no part of the place before
    ("The tanker sank off Skellig Island. Orrin Blackwood said that the cargo had been pumped out.",
     "the cargo had been pumped out", "Orrin Blackwood", "en"),
    # a French title whose capital the title pattern already took whole (« Premier ministre de »)
    ("Le Premier ministre de Tarnavie a déclaré que le vote était injuste.",
     "le vote était injuste", "Le Premier ministre de Tarnavie", "fr"),
    # a lower-case title before its complement: as before
    ("The mayor of Skellig Point said that the crossing had been cancelled.",
     "the crossing had been cancelled", "The mayor of Skellig Point", "en"),
])
def test_mentions_without_a_capitalised_owner_stay(text: str, words: str, speaker: str, language: str) -> None:
    assert speaker_text(quotes_of(text, language)[words]) == speaker
