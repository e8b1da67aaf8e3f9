"""Stop 31 (issue 17 item 3): speaker classes read on the PolNeAR tune half.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of


def _speaker(text: str, words: str, language: str = "en") -> tuple[str | None, str | None]:
    quote = quotes_of(text, language)[words]
    return (quote.speaker.text if quote.speaker else None,
            quote.speaker_description.text if quote.speaker_description else None)


def test_pronoun_that_is_the_cues_own_subject() -> None:
    text = ("During an interview in May, Ada Quill was talking about the harbour fees when she told "
            "the Millbrook Courier, \"The port will stay open.\"")
    assert _speaker(text, "The port will stay open.")[0] == "she"


def test_pronoun_inside_an_aside_is_no_subject() -> None:
    text = "\"We will close the port,\" Ada Quill, who he said was tired, said."
    assert _speaker(text, "We will close the port,")[0] == "Ada Quill"


@pytest.mark.parametrize(("text", "words", "speaker", "described"), [
    ("Both owners said it was no big deal.\n\nTom Reeve, the communications director for the Millbrook "
     "Harbour Board said in a statement. \"There are no fees to refund.\"", "There are no fees to refund.",
     "Tom Reeve", "Tom Reeve, the communications director for the Millbrook Harbour Board"),
])
def test_appositive_left_open_before_the_cue(text: str, words: str, speaker: str, described: str) -> None:
    assert _speaker(text, words) == (speaker, described)


def test_capitalised_role_left_open_before_the_cue() -> None:
    text = "Jo Dunn, Chair of the Tarrow Valley Trust said: \"We will plant the trees in June.\""
    assert _speaker(text, "We will plant the trees in June.")[0] == "Jo Dunn"


def test_place_before_a_described_speaker_is_no_speaker() -> None:
    text = "In Millbrook, the director of the harbour board said, \"We will close the port.\""
    speaker = _speaker(text, "We will close the port.")[0]
    assert speaker is not None and speaker.startswith("the director")


@pytest.mark.parametrize(("text", "words", "speaker", "described"), [
    ("After the storm, Millbrook harbour spokesman Tom Reeve issued the following statement: \"The quay is closed.\"",
     "The quay is closed.", "Tom Reeve", "Millbrook harbour spokesman Tom Reeve"),
    ("Choir member Ada Quill shared the news last week, writing \"Feels great to sing again.\"",
     "Feels great to sing again.", "Ada Quill", "Choir member Ada Quill"),
])
def test_lower_case_title_before_a_name(text: str, words: str, speaker: str, described: str) -> None:
    assert _speaker(text, words) == (speaker, described)


def test_quoted_as_saying_names_the_outlet() -> None:
    text = ("\"We have no idea what this is about,\" the Millbrook news website quoted Ms. Quill, "
            "the editor, as saying.")
    assert _speaker(text, "We have no idea what this is about,")[0] == "the Millbrook news website"


def test_between_opening_a_sentence_is_no_speaker() -> None:
    text = "Between Monday and Friday, the harbour board posted notices: \"The quay is closed.\""
    assert _speaker(text, "The quay is closed.")[0] != "Between"


@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("Wie Ada Quill letzte Woche in Bremen sagte, „Der Hafen bleibt offen.“", "Der Hafen bleibt offen.", "Ada Quill"),
    ("Wie der Minister am Montag in Bremen sagte, „Der Hafen bleibt offen.“", "Der Hafen bleibt offen.", "der Minister"),
    ("„Der Hafen bleibt offen“, fasst Ada Quill die Lage zusammen.", "Der Hafen bleibt offen", "Ada Quill"),
    ("„Der Hafen bleibt offen“, fasst die Ministerin die Lage zusammen.", "Der Hafen bleibt offen", "die Ministerin"),
    ("„Wir warten ab“, erklärt Tom Reeve das Vorgehen.", "Wir warten ab", "Tom Reeve"),
    # the speaker's full stop ends the sentence: "Das Amt" opens the next one
    ("«Die Tiere waren krank», so Ott. Das Amt und die Polizei ermitteln.", "Die Tiere waren krank", "Ott"),
])
def test_german_speaker_ends_on_its_name(text: str, words: str, speaker: str) -> None:
    assert _speaker(text, words, "de")[0] == speaker


def test_german_verb_final_clause_opens_reported_speech() -> None:
    text = "Wie eine Polizeisprecherin am Donnerstag sagte, wurden drei Menschen leicht verletzt."
    quote = quotes_of(text, "de")["wurden drei Menschen leicht verletzt"]
    assert not quote.direct and quote.speaker is not None and quote.speaker.text == "eine Polizeisprecherin"


def test_object_pronoun_before_a_cue_is_no_subject() -> None:
    text = ("Jetzt tippt er ein, was die Kinder ihm sagen, und an der Tafel erscheinen Antworten. "
            "„Die Arbeit ist viel leichter.“")
    quote = quotes_of(text, "de")["Die Arbeit ist viel leichter."]
    assert quote.speaker is None or quote.speaker.text != "ihm"


def test_title_with_three_words_before_it() -> None:
    text = ("The retired surgeon spoke on the radio.\n\nThe former Republican mayoral candidate continued, saying, "
            "\"You need somebody who understands budgets.\"")
    assert _speaker(text, "You need somebody who understands budgets.")[0] == "The former Republican mayoral candidate"


def test_sentence_end_is_no_abbreviation_before_a_possessive_speaker() -> None:
    text = ("The aide wrote to her about the sailors serving in the Middle East. Quill’s reply was: "
            "“Is the shop in Leeds or York?”")
    assert _speaker(text, "Is the shop in Leeds or York?") == ("Quill’s", None)
