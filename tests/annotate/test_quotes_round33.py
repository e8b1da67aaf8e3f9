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
