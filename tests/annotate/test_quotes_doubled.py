"""Stop 32, second round (issue 17 item 3): double quote marks typed as two apostrophes
(''…'', NYT style) or as ``…'' (text converted from the Penn Treebank) are quote marks where
they pair in a paragraph; a lone pair of apostrophes (inches, a rule) is not, and offsets stay
offsets into the text.

All texts here were written for these tests.
"""

from __future__ import annotations

from quote_inputs import quotes_of

from newsweave.annotate.quote_marks import doubled_view


def _direct(text: str, language: str = "en") -> dict[str, str | None]:
    return {words: quote.speaker.text if quote.speaker else None
            for words, quote in quotes_of(text, language).items() if quote.direct}


def test_two_apostrophes_pair_as_double_quote_marks() -> None:
    text = "''The bridge will stay shut until May,'' said Jo Ash, the harbour master."
    assert _direct(text) == {"The bridge will stay shut until May,": "Jo Ash"}
    text = "Mr. Quill added, ''it is late for the port.''"
    assert _direct(text) == {"it is late for the port.": "Mr. Quill"}


def test_backticks_open_and_two_apostrophes_close() -> None:
    assert _direct("``We will rebuild the pier,'' Ada Quill said.") == {"We will rebuild the pier,": "Ada Quill"}


def test_a_nested_single_mark_stays_inside_the_quote() -> None:
    text = "''She told me, 'Keep the ferry running,''' Jo Ash recalled."
    assert _direct(text) == {"She told me, 'Keep the ferry running,'": "Jo Ash"}


def test_a_quote_that_goes_on_in_the_next_paragraph() -> None:
    text = "Jo Ash said the port was ready. ''We have rebuilt the pier.\n\n''We will open in May,'' she said."
    assert "We will open in May," in _direct(text)


def test_a_lone_pair_of_apostrophes_is_no_mark() -> None:
    for text in ("The new pier is 5'11'' above the tide line.", "Jo Ash said the ''plan was late."):
        assert doubled_view(text) == text
    assert _direct("The mast is 6'2'' tall, and the flag is 3'1'' wide.") == {}


def test_the_view_keeps_every_offset() -> None:
    text = "Ada Quill said: ''Yes.'' Then ``No,'' said Jo Ash. It rained."
    view = doubled_view(text)
    assert len(view) == len(text)
    assert [i for i, (a, b) in enumerate(zip(text, view)) if a != b] == [16, 17, 22, 23, 30, 31, 35, 36]
    assert view[18:22] == text[18:22] == "Yes."


def test_french_guillemets_are_unchanged() -> None:
    text = "« Le pont restera fermé », a déclaré Marie Lenoir. Il mesure 2'' de plus."
    assert doubled_view(text) == text
    assert _direct(text, "fr") == {"Le pont restera fermé": "Marie Lenoir"}
