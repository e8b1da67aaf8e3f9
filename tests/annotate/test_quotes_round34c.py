"""Stop 34, third round (issue 17 item 3): a colon introduction with its own subject and a cue
("Article 12:3 reads: “…”") does not take the speaker of the quote before; "confirmed" is a cue;
a fronted adverb before a one-word name ("Additionally, Quill said that …") is no speaker.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, speaker_text

PORT = "The port will close on Monday and will not reopen."
BEFORE = "“We will stay here for the summer,” Ada Quill said in an interview.\n"


@pytest.mark.parametrize(("intro", "speaker"), [
    ("Article 12:3 reads:", "Article 12:3"),  # its own subject, a text cited by number (stop 35)
    ("Psalm 23:4 reads:", "Psalm 23:4"),
    ("The memo says:", "The memo"),          # its own subject, taken as the source
    ("That process led to a realization:", "Ada Quill"),  # no subject of a cue: the speech goes on
])
def test_colon_introduction_with_its_own_subject(intro: str, speaker: str | None) -> None:
    quotes = quotes_of(f"{BEFORE}{intro} “{PORT}”", "en")
    assert speaker_text(quotes[PORT]) == speaker


def test_confirmed_is_a_cue() -> None:
    quotes = quotes_of("A harbour spokesman confirmed the closure on Monday.\n“" + PORT + "”", "en")
    assert speaker_text(quotes[PORT]) == "A harbour spokesman"


def test_confirmed_before_gives_way_to_the_attribution_after() -> None:
    quotes = quotes_of("Police confirmed the death of a fisherman on Monday. “He was a kind man and we will miss "
                       "him,” his brother said.", "en")
    assert speaker_text(quotes["He was a kind man and we will miss him,"]) == "his brother"


@pytest.mark.parametrize("cue", ["said", "confirmed"])
def test_fronted_adverb_before_a_one_word_name(cue: str) -> None:
    text = ("Ada Quill spoke on Friday.\nAdditionally, Quill " + cue + " that the harbour teams remain on "
            "full alert all week.\n“The storms are fast-moving. We urge all residents to stay inside.”")
    quotes = quotes_of(text, "en")
    assert speaker_text(quotes["The storms are fast-moving. We urge all residents to stay inside."]) == "Quill"
