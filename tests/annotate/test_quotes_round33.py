"""Stop 33 (issue 17 item 3): speaker classes read on the PolNeAR tune half.

All texts here were written for these tests.
"""

from __future__ import annotations

from quote_inputs import quotes_of


def _speaker(text: str, words: str, language: str = "en") -> tuple[str | None, str | None]:
    quote = quotes_of(text, language)[words]
    return (quote.speaker.text if quote.speaker else None,
            quote.speaker_description.text if quote.speaker_description else None)


def _described(text: str, words: str, language: str = "en") -> str | None:
    speaker, described = _speaker(text, words, language)
    return described or speaker


def test_a_determiner_after_an_aside_opens_a_new_subject() -> None:
    text = ("At the harbour meeting in Millbrook, Tarrow County on Monday, the ferry captain retorted: "
            "“Nobody asked the crews.”")
    assert _described(text, "Nobody asked the crews.") == "the ferry captain"


def test_an_aside_before_its_cue_still_names_the_speaker() -> None:
    text = "Ada Quill, 41, of Millbrook told the Courier: “The port will stay open.”"
    assert _speaker(text, "The port will stay open.")[0] == "Ada Quill"
    text = "Ada Quill, the harbour master, said: “The port will stay open.”"
    assert _speaker(text, "The port will stay open.")[0] == "Ada Quill"


def test_the_subject_nearest_the_colon_speaks() -> None:
    text = ("As the crowd cheered the mayor on Tuesday, the Courier's Tom Reeve reported, his wife "
            "whispered to him: “They are still with you.”")
    assert _described(text, "They are still with you.") == "his wife"
    text = "As the vote closed, the Courier's Tom Reeve reported, the mayor said: “We won.”"
    assert _described(text, "We won.") == "the mayor"


def test_a_single_subject_before_the_colon_is_kept() -> None:
    text = "In response to the vote, Ada Quill issued the following statement: “The port will stay open.”"
    assert _speaker(text, "The port will stay open.")[0] == "Ada Quill"
    text = "Ada Quill told the crowd in Millbrook, Tarrow County and Brest on Monday: “The port will stay open.”"
    assert _speaker(text, "The port will stay open.")[0] == "Ada Quill"


def test_a_whole_sentence_after_a_verb_and_its_comma_is_the_subjects_quote() -> None:
    text = "Jo Ash mocked the council vote, tweeting, “Nobody in Millbrook was asked. Sad!”"
    assert _speaker(text, "Nobody in Millbrook was asked. Sad!")[0] == "Jo Ash"
    text = ("Shortly after the vote, Ada Quill proclaimed at a press conference, “I did not send the files "
            "to anyone.” The mayor agreed.")
    quote = quotes_of(text, "en")["I did not send the files to anyone."]
    assert quote.direct and quote.speaker is not None and quote.speaker.text == "Ada Quill"


def test_a_fragment_after_a_comma_stays_out() -> None:
    # no whole sentence (no capital, or no sentence end): a scare quote or a title, no speech
    assert quotes_of("In the morning, the harbour board, founded in 1920, “still meets every week.”", "en") == {}
    assert quotes_of("The harbour board announced the plan in 2019, “The Port of Tomorrow”, to the crowd.", "en") == {}


def test_a_quote_opening_the_writers_brackets_is_a_quote() -> None:
    text = "The vote was close. (“We will be back next year,” said one delegate.) The hall emptied."
    quote = quotes_of(text, "en")["We will be back next year,"]
    assert quote.direct and quote.speaker is not None and quote.speaker.text == "one delegate"
    # a name in brackets stays a name
    assert quotes_of("The ferry (“Tarrow Star”) left at noon.", "en") == {}


def _reported(text: str, language: str) -> dict[str, str | None]:
    return {words: quote.speaker.text if quote.speaker else None
            for words, quote in quotes_of(text, language).items() if not quote.direct}


def test_a_relaying_source_after_the_attribution_is_no_speaker() -> None:
    # "…, he said, according to the Courier.": he said it; the Courier only passed it on
    assert _reported("The bridge will stay shut, he said, according to the Millbrook Courier.", "en") == {
        "The bridge will stay shut": "he"}
    text = "Le pont restera fermé, a déclaré le maire, selon Le Courrier de Brest."
    assert _reported(text, "fr") == {"Le pont restera fermé": "le maire"}
    # alone, the source still closes the sentence
    assert _reported("The bridge will stay shut, according to the Millbrook Courier.", "en") == {
        "The bridge will stay shut": "the Millbrook Courier"}


def test_a_relaying_source_is_no_reported_content() -> None:
    text = "“We will close the bridge,” Jo Ash said, according to the Millbrook Courier. “It is old.”"
    assert _reported(text, "en") == {}
    assert quotes_of(text, "en")["It is old."].speaker.text == "Jo Ash"
    text = "“We will close the bridge,” the mayor told reporters, according to the Millbrook Courier."
    assert _reported(text, "en") == {}
    text = "The harbour board said that the bridge would close, according to the Millbrook Courier."
    assert _reported(text, "en") == {"the bridge would close": "The harbour board"}


def test_a_titles_abbreviation_ends_no_sentence_of_the_attribution() -> None:
    text = ("As the hall filled, Ada Quill was joined on stage by Harbour Sen. Tom Reeve and joked, "
            "“Nobody here wanted a ferry anyway.”")
    assert _speaker(text, "Nobody here wanted a ferry anyway.")[0] == "Ada Quill"
    # a sentence that ends on a word does end there: the next sentence's subject speaks
    text = "Ada Quill met the harbour lawyers. Tom Reeve then joked, “Nobody here wanted a ferry anyway.”"
    assert _speaker(text, "Nobody here wanted a ferry anyway.")[0] == "Tom Reeve"


def test_a_cue_and_its_words_up_to_the_comma_keep_a_numbers_separator() -> None:
    text = "Ada Quill wrote to her 20,000 followers, “It is time to close the ferry for good,” and shared a link."
    quote = quotes_of(text, "en")["It is time to close the ferry for good,"]
    assert quote.direct and quote.speaker is not None and quote.speaker.text == "Ada Quill"


def test_the_subject_after_a_fronted_clause_before_a_cue_at_the_mark() -> None:
    text = "In selling the passes, Ada Quill released a video that said, “Everyone will get a seat.”"
    assert _speaker(text, "Everyone will get a seat.")[0] == "Ada Quill"
    text = "When Tom Reeve arrived, Ada Quill said, “We are ready.”"
    assert _speaker(text, "We are ready.")[0] == "Ada Quill"
