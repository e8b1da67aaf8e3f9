"""The speaker's description next to its name: appositives and titles around the speaker mention,
in English and French. All texts were written for these tests."""

from __future__ import annotations

import pytest

from newsweave.annotate.speaker_extent import describe
from newsweave.model import Quote
from quote_inputs import quotes_of


@pytest.mark.parametrize(("text", "language", "speaker", "description"), [
    # an appositive after the quote runs to the sentence's end
    ("“The pier will reopen in May,” said Tamsin Hollow, a spokeswoman for the harbour board.",
     "en", "Tamsin Hollow", "Tamsin Hollow, a spokeswoman for the harbour board"),
    # an appositive before the cue ends at the comma before it
    ("Tamsin Hollow, a spokeswoman for the harbour board, said: “The pier will reopen in May.”",
     "en", "Tamsin Hollow", "Tamsin Hollow, a spokeswoman for the harbour board"),
    # an age goes on into the place; the place's own comma piece too
    ("“We waited all winter,” said Orla Penrose, 41, of Millbrook, Ohio.",
     "en", "Orla Penrose", "Orla Penrose, 41, of Millbrook, Ohio"),
    # a title before the name, back to the paragraph's start
    ("Harbour board spokeswoman Tamsin Hollow said: “The vote is final.”",
     "en", "Tamsin Hollow", "Harbour board spokeswoman Tamsin Hollow"),
    # "of the" an institution, with no comma
    ("“The data are clear,” said Ivo Marsh of the Kellan Institute for Tides.",
     "en", "Ivo Marsh", "Ivo Marsh of the Kellan Institute for Tides"),
    # a possessive opens the appositive
    ("“We are ready,” said Ada Quill, Brightwater’s director of operations.",
     "en", "Ada Quill", "Ada Quill, Brightwater’s director of operations"),
    # French: an appositive without a determiner, and an age in words
    ("« Le quai rouvrira en mai », a déclaré Jeanne Roux, porte-parole de la capitainerie.",
     "fr", "Jeanne Roux", "Jeanne Roux, porte-parole de la capitainerie"),
    ("« Nous avons attendu tout l'hiver », a raconté Lucien Barthe, 67 ans, qui tient la buvette du port.",
     "fr", "Lucien Barthe", "Lucien Barthe, 67 ans, qui tient la buvette du port"),
])
def test_the_description_holds_the_appositive_or_title(text: str, language: str, speaker: str,
                                                        description: str) -> None:
    (quote,) = quotes_of(text, language).values()
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.speaker_description is not None and quote.speaker_description.text == description
    assert text[quote.speaker_description.start:quote.speaker_description.end] == description


@pytest.mark.parametrize(("text", "language"), [
    ("“The pier will reopen in May,” said Tamsin Hollow.", "en"),
    # a participle after the name is the writer's clause, not a description
    ("“The pier will reopen in May,” said Tamsin Hollow, adding that the ferries would wait.", "en"),
    ("“The pier will reopen in May,” said Tamsin Hollow, citing the engineers' report.", "en"),
    # a word before the name that is no role
    ("Meanwhile Tamsin Hollow said: “The pier will reopen in May.”", "en"),
    ("« Le quai rouvrira en mai », a déclaré Jeanne Roux, lors d'une réunion publique.", "fr"),
])
def test_no_description_where_the_text_gives_none(text: str, language: str) -> None:
    for quote in quotes_of(text, language).values():
        if quote.speaker is not None:
            assert quote.speaker_description is None, quote.speaker_description


def test_the_writer_s_next_comma_piece_stays_out() -> None:
    text = ("“We have the numbers,” said Ivo Marsh, director of the Kellan Institute, "
            "a group that counts seabirds.")
    (quote,) = quotes_of(text, "en").values()
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "Ivo Marsh, director of the Kellan Institute"


def test_an_abbreviation_does_not_end_the_description() -> None:
    text = "“It is settled,” said Ivo Marsh, an aide to Gov. Rhea Lund of the state."
    start = text.index("Ivo Marsh")
    assert text[slice(*describe(text, start, start + len("Ivo Marsh"), "en"))] == (
        "Ivo Marsh, an aide to Gov. Rhea Lund of the state")


def test_pronoun_speakers_get_no_description() -> None:
    text = "“The pier will reopen in May,” she said."
    (quote,) = quotes_of(text, "en").values()
    assert quote.speaker is not None and quote.speaker.text == "she"
    assert quote.speaker_description is None


def test_the_description_round_trips_through_json() -> None:
    text = "“The pier will reopen in May,” said Tamsin Hollow, a spokeswoman for the harbour board."
    (quote,) = quotes_of(text, "en").values()
    data = quote.to_json()
    assert data["speaker_description"]["text"] == "Tamsin Hollow, a spokeswoman for the harbour board"
    assert Quote.from_json(data) == quote
    plain = quotes_of("“The pier will reopen in May,” said Tamsin Hollow.", "en")
    assert "speaker_description" not in next(iter(plain.values())).to_json()


@pytest.mark.parametrize(("text", "language", "first", "second", "speaker"), [
    ("“The pier will reopen in May,” Tamsin Hollow said, adding, “The ferries will wait.”", "en",
     "The pier will reopen in May,", "The ferries will wait.", "Tamsin Hollow"),
    # the first quote a fragment of the speaker's sentence, the comma inside its marks
    ("Tamsin Hollow said the plan was “reckless and late,” adding, “Nobody asked the fishermen.”", "en",
     "reckless and late,", "Nobody asked the fishermen.", "Tamsin Hollow"),
    ("« Le quai rouvrira en mai », a déclaré Jeanne Roux, ajoutant : « Les ferries attendront. »", "fr",
     "Le quai rouvrira en mai", "Les ferries attendront.", "Jeanne Roux"),
    ("La maire Jeanne Roux a déclaré que le projet était « coûteux et tardif », ajoutant : "
     "« Personne n'a consulté les pêcheurs. »", "fr",
     "coûteux et tardif", "Personne n'a consulté les pêcheurs.", "Jeanne Roux"),
])
def test_a_participle_between_two_quotes_opens_another_utterance_of_the_speaker(
        text: str, language: str, first: str, second: str, speaker: str) -> None:
    quotes = quotes_of(text, language)
    assert quotes[second].direct and quotes[second].speaker is not None
    assert quotes[second].speaker.text.endswith(speaker)
    if quotes[first].direct:
        assert quotes[first].quote_id != quotes[second].quote_id


def test_adding_that_keeps_the_quoted_words_a_fragment() -> None:
    text = "“The pier will reopen in May,” Tamsin Hollow said, adding that if storms return, “the ferries will wait.”"
    quotes = quotes_of(text, "en")
    assert quotes["The pier will reopen in May,"].quote_id == quotes["the ferries will wait."].quote_id


@pytest.mark.parametrize(("text", "speaker", "description"), [
    # a cue is no word of the speaker: the pronoun, not "she said, referring to Hollow's"
    ("“The pier is finished,” she said, referring to Tamsin Hollow's remarks on the radio.", "she", None),
    ("“They are all accurate,” he said after the clerk Ivo Marsh read the list.", "he", None),
    # a signature line: the name before its comma; a place after it is no description
    ("“The pier saved our summer.”\n\n- Orla Penrose, Millbrook.", "Orla Penrose", None),
    # "with" after the age's piece is the writer's
    ("“We waited all winter,” said Orla Penrose, 41, with her two sons beside her.", "Orla Penrose",
     "Orla Penrose, 41"),
    # a described speaker whose cue takes "to": "went on to say"
    ("The harbour bulletin went on to say, “The ferries will run again in May.”", "The harbour bulletin", None),
])
def test_the_speaker_stops_at_its_cue_and_its_comma(text: str, speaker: str, description: str | None) -> None:
    quote = next(q for q in quotes_of(text, "en").values() if q.direct)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert (quote.speaker_description.text if quote.speaker_description else None) == description


@pytest.mark.parametrize(("text", "speaker", "description"), [
    # a lower-case noun between the name and the cue, and the determiner before the name
    ("In closing, the VBC host reiterated, “The pier was never safe.”", "VBC", "the VBC host"),
    ("Another Velbern commenter said, “The pier was never safe.”", "Another Velbern", "Another Velbern commenter"),
    ("As The Harbour Courier pointed out, “The pier was never safe.”", "Harbour Courier", "The Harbour Courier"),
    # an adverb or a clause after the name is no noun of the description
    ("“We will not comment,” Olsa Brenn later said.", "Olsa Brenn", None),
    ("“We will not comment,” Olsa Brenn said when asked about the pier.", "Olsa Brenn", None),
])
def test_the_description_takes_its_determiner_and_noun(text: str, speaker: str, description: str | None) -> None:
    quote = next(q for q in quotes_of(text, "en").values() if q.direct)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert (quote.speaker_description.text if quote.speaker_description else None) == description


@pytest.mark.parametrize(("text", "speaker", "description"), [
    # "of" a place goes with the name, as "of the" an institution does
    ("“We waited all winter,” said Orla Penrose of Millbrook. “Now we can fish.”", "Orla Penrose",
     "Orla Penrose of Millbrook"),
    ("“The data are clear,” said Ivo Marsh of the Kellan Institute.", "Ivo Marsh",
     "Ivo Marsh of the Kellan Institute"),
])
def test_of_a_place_goes_with_the_name(text: str, speaker: str, description: str) -> None:
    quote = next(q for q in quotes_of(text, "en").values() if q.direct)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.speaker_description is not None and quote.speaker_description.text == description
