"""Stop 34 (issue 17 item 3): a relative pronoun as the speaker ("Mike Lee, who declared, “…”"),
a day between a speaker and its cue ("…,” Tom Jones Monday said"), and a participle that
introduces a quote after a quoted fragment of the subject's clause ("…a “breach of trust,”
adding: “…”").

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text


# ---- a relative pronoun that is the cue's subject ------------------------------------------------

@pytest.mark.parametrize(("text", "words", "language", "relative", "name"), [
    ("The senator won the backing of Mara Lindqvist, who declared in the spin room, “It is time to unite the "
     "party.” The vote is on Friday.", "It is time to unite the party.", "en", "who", "Mara Lindqvist"),
    ("Le maire a reçu le soutien de Paul Marchand, qui a lancé devant la presse : « Il faut unir le parti. »",
     "Il faut unir le parti.", "fr", "qui", "Paul Marchand"),
    ("« Le port restera ouvert », a déclaré Claire Vidal, qui a ajouté : « Nous avons besoin de ces emplois. »",
     "Nous avons besoin de ces emplois.", "fr", "qui", "Claire Vidal"),
])
def test_a_relative_pronoun_speaks_for_the_name_before_its_comma(text: str, words: str, language: str,
                                                                  relative: str, name: str) -> None:
    quote = quotes_of(text, language)[words]
    assert quote.direct
    assert speaker_text(quote) == relative  # the mention the text gives, as attribution corpora draw it
    assert quote.speaker_name == name  # the person it refers to


def test_a_relative_speaker_links_to_the_entity_of_its_antecedent() -> None:
    text = ("Victor Heller met Ines Marlow at the port. The plan had the support of Ines Marlow, who told the "
            "board, “The cranes stay where they are.”")
    quote = quotes_with_people(text, "en", [("Victor Heller", "per:victor-heller"),
                                      ("Ines Marlow", "per:ines-marlow")])["The cranes stay where they are."]
    assert speaker_text(quote) == "who"
    assert (quote.speaker_name, quote.speaker_entity_id) == ("Ines Marlow", "per:ines-marlow")


@pytest.mark.parametrize(("text", "words", "language"), [
    ("The mayor met the fishermen, who told her: “We will not leave the harbour this year.”",
     "We will not leave the harbour this year.", "en"),
    ("Le conseil a entendu les pêcheurs, qui ont déclaré : « Nous ne partirons pas du port. »",
     "Nous ne partirons pas du port.", "fr"),
])
def test_a_relative_after_a_common_noun_names_no_person(text: str, words: str, language: str) -> None:
    quote = quotes_of(text, language)[words]
    assert speaker_text(quote) in ("who", "qui")
    assert quote.speaker_name is None  # "the fishermen" are no one person


def test_a_relative_clause_without_a_cue_gives_no_relative_speaker() -> None:
    text = "The plan came from Ada Quill, who lives in Leeds, “The quay will close.”"
    quotes = quotes_of(text, "en")
    assert all(speaker_text(q) != "who" for q in quotes.values())


# ---- a day between the speaker and the cue --------------------------------------------------------

@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("“We will carry this county,” Tom Ashgrove Monday said.", "We will carry this county,", "Tom Ashgrove"),
    ("“We will carry this county,” Tom Ashgrove on Monday night said.", "We will carry this county,", "Tom Ashgrove"),
])
def test_a_day_between_the_name_and_the_cue_after_a_quote(text: str, words: str, speaker: str) -> None:
    assert speaker_text(quotes_of(text, "en")[words]) == speaker


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Ada Quill on Tuesday said that the county would be won by her party.",
     "the county would be won by her party", "Ada Quill"),
    # the subject is the whole phrase, not the name after "of"
    ("The Harbour Bank of Leeds on Wednesday said it would lend more to the fishing fleet.",
     "it would lend more to the fishing fleet", "The Harbour Bank of Leeds"),
    ("Meanwhile, Port Minister Jonas Berglund on Thursday evening said that the ferry would run again.",
     "the ferry would run again", "Port Minister Jonas Berglund"),
])
def test_a_day_is_no_part_of_the_speaker_of_reported_speech(text: str, content: str, speaker: str) -> None:
    quote = quotes_of(text, "en")[content]
    assert not quote.direct and speaker_text(quote) == speaker


def test_a_day_in_the_sentence_before_lends_its_speaker() -> None:
    text = "Ada Quill on Tuesday said the quay would close. “It is over for the fleet now.”"
    assert speaker_text(quotes_of(text, "en")["It is over for the fleet now."]) == "Ada Quill"


# ---- a participle after a quoted fragment of the subject's clause ---------------------------------

@pytest.mark.parametrize(("text", "words", "language", "speaker"), [
    ("In the email, Ada Quill described the move as a “breach of trust,” adding: “I am telling every member of "
     "the board today.”", "I am telling every member of the board today.", "en", "Ada Quill"),
    ("Jo Ash criticised the council’s “change of heart,” saying, “The council has let the harbour down again.”",
     "The council has let the harbour down again.", "en", "Jo Ash"),
    # the nearest subject: "To wit," opens the sentence, it names no one
    ("To wit, Jo Ash told the Courier that the mayor “had a crazy plan,” adding, “He lost every vote in the "
     "harbour.”", "He lost every vote in the harbour.", "en", "Jo Ash"),
    ("Marie Dupont a qualifié le projet de « désastre », ajoutant : « Nous irons jusqu'au bout de cette "
     "affaire. »", "Nous irons jusqu'au bout de cette affaire.", "fr", "Marie Dupont"),
])
def test_a_participle_after_a_quoted_fragment_introduces_the_quote(text: str, words: str, language: str,
                                                                    speaker: str) -> None:
    quote = quotes_of(text, language)[words]
    assert quote.direct and speaker_text(quote) == speaker


# ---- the subject of the sentence before an unattributed quote -----------------------------------

@pytest.mark.parametrize(("text", "words", "speaker", "name"), [
    ("Jake Ormsby lost the use of his arm in a crash. Ormsby, now 37, carried it for two decades.\n"
     "“At first I thought they would fix it one day.”", "At first I thought they would fix it one day.",
     "Ormsby", "Ormsby"),
    ("“We are going to build the bridge,” Ada Quill added. She then had a question for the crowd.\n\n"
     "“Who is going to pay for it?”", "Who is going to pay for it?", "She", "Ada Quill"),
    ("Harbour Minister Tove Lindqvist was unconvinced. “I find it hard to believe the port will close.”",
     "I find it hard to believe the port will close.", "Harbour Minister Tove Lindqvist", "Harbour Minister Tove Lindqvist"),
])
def test_the_subject_of_the_sentence_before_speaks_an_unattributed_quote(text: str, words: str, speaker: str,
                                                                         name: str) -> None:
    quote = quotes_of(text, "en")[words]
    assert speaker_text(quote) == speaker and quote.speaker_name == name


@pytest.mark.parametrize(("text", "words"), [
    # a common word opening the sentence, written in lower case elsewhere
    ("Government must rethink its policies. We need a better government.\n\n“It is incumbent on all of us to "
     "build decent housing.”", "It is incumbent on all of us to build decent housing."),
    # a capitalised word the article never gave as a name
    ("Relevant passages in the old charter support this view. “Seek first the welfare of the town and the rest "
     "will follow.”", "Seek first the welfare of the town and the rest will follow."),
    # a sentence inside a quote whose closing mark the next paragraph's quote stands for
    ("“We had a small room with six screens. They have a small room with six screens.\n\n“I was back at the "
     "hotel for the match but watched it online.”", "I was back at the hotel for the match but watched it online."),
    # a heading in capitals glued to the sentence
    ("AWARDS Patrick Chamberlin, a producer, earned the prize. “Send your notices of new hires to the desk.”",
     "Send your notices of new hires to the desk."),
])
def test_no_subject_speaks_where_the_sentence_before_names_no_one(text: str, words: str) -> None:
    assert quotes_of(text, "en")[words].speaker is None


def test_a_quote_that_goes_on_with_the_speech_keeps_its_speaker() -> None:
    # the writer's short sentence between two quotes of one paragraph: one utterance of Ada Quill's
    text = "“The port will close,” Ada Quill said. He nodded. “It will close in May.”"
    assert quotes_of(text, "en")["It will close in May."].speaker_name == "Ada Quill"


def test_a_reflexive_between_the_speaker_and_the_cue() -> None:
    text = "The charter says as much. “Seek first the welfare of the town and all else will follow.” Ada Quill herself said."
    quote = quotes_of(text, "en")["Seek first the welfare of the town and all else will follow."]
    assert speaker_text(quote) == "Ada Quill"
