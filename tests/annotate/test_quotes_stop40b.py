"""Stop 40, second round (issue 17 item 3, the fresh halves' leftovers): a participle of speech after
the addressee of "told" opens the reported words ("told the paper, adding that …"); quoted words in
title case name a work, a nickname or a place, not speech; a person right before "of" and the body
the cue's subject pattern took is the speaker; « a commencé » after a French quote is a cue.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_with_people, speaker_text

PEOPLE = [("Marta Quillon", "per:marta-quillon"), ("Tobias Frenn", "per:tobias-frenn"), ("Nadia Orlov", "per:nadia-orlov"),
          ("Jeanne Morel", "per:jeanne-morel"), ("Paul Vernier", "per:paul-vernier")]


# ---- a participle after whom the words were told --------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("“The door was open,” Marta Quillon told the Dunmore Ledger, adding nothing so far pointed to a motive.",
     "nothing so far pointed to a motive"),
    ("Tobias Frenn told the Harbour Post, adding that the ferry would run again in May.",
     "the ferry would run again in May"),
])
def test_a_participle_after_the_addressee_opens_the_words(text: str, words: str) -> None:
    quote = quotes_with_people(text, "en", PEOPLE)[words]
    assert quote.direct is False and quote.speaker_entity_id is not None


def test_told_that_still_opens_at_the_clause_word() -> None:
    text = "Nadia Orlov told the Ledger that the mill, noting its age, would close."
    assert "the mill, noting its age, would close" in quotes_with_people(text, "en", PEOPLE)


# ---- names in title case between quote marks ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Millions knew her only from the 1961 film made from the case, \"All the Harbour Men,\" which made her famous.",
    "Tobias Frenn, the mysterious \"Grey Heron\" source who told reporters about the fraud, died on Monday.",
    "Marta Quillon: \"Silver Kettle\" Singer And Actress Dies Aged 88.",
])
def test_a_title_case_name_is_no_quote(text: str) -> None:
    assert quotes_with_people(text, "en", PEOPLE) == {}


@pytest.mark.parametrize("text, words", [
    ("\"Thank You,\" Marta Quillon said.", "Thank You,"),
    ("At the rally Nadia Orlov said, \"We Will Win\"", "We Will Win"),
])
def test_title_case_words_with_a_cue_are_speech(text: str, words: str) -> None:
    assert quotes_with_people(text, "en", PEOPLE)[words].speaker_entity_id is not None


# ---- a person of a body ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("Lt. Tobias Frenn of Harbour Safe Streets, the county's gang unit, said the boy had joined in 2001.",
     "the boy had joined in 2001"),
    ("“We pray for the families,” the Rev. Marta Quillon of the Dunmore Chapel said on Sunday. "
     "Nadia Orlov of the Dunmore Fire Department said the blaze began in the kitchen.", "the blaze began in the kitchen"),
])
def test_the_person_before_of_and_a_body_speaks(text: str, words: str) -> None:
    quote = quotes_with_people(text, "en", PEOPLE)[words]
    assert quote.speaker_entity_id in ("per:tobias-frenn", "per:nadia-orlov")
    assert speaker_text(quote) in ("Tobias Frenn", "Nadia Orlov")


def test_a_body_with_of_in_its_name_names_no_person() -> None:
    text = "Marta Quillon opened the hall. The University of Dunmore said the library would close."
    assert quotes_with_people(text, "en", PEOPLE)["the library would close"].speaker_entity_id is None


# ---- « a commencé » ----------------------------------------------------------------------------------------

def test_a_commence_after_a_quote_is_a_cue() -> None:
    text = "« Je suis très fière de faire partie de cette troupe », a commencé Jeanne Morel, qui chante dans le film."
    quote = quotes_with_people(text, "fr", PEOPLE)["Je suis très fière de faire partie de cette troupe"]
    assert quote.speaker_entity_id == "per:jeanne-morel"


def test_a_commence_before_a_quote_is_no_cue() -> None:
    text = "Paul Vernier est arrivé tôt. Le procès a commencé : « la salle était pleine »."
    quote = quotes_with_people(text, "fr", PEOPLE).get("la salle était pleine")
    assert quote is None or speaker_text(quote) != "Le procès"
