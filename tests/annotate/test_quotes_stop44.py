"""Stop 44 (issue 17 items 1, 3, the quotes44 tune half): English partial quotes that are the complement of
"called" ("X called the rise “…”"), also after a described subject ("A spokeswoman for the board called the
seizure “…”"); not after an auxiliary of the passive ("has been called the “…”"), nor after a described
"subject" that is a clause ("The mayor denounced what he called the “…”"), nor for a thing named ("The
scheme, called “…”"). A word between a described subject and its cue stays out of the mention.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, speaker_text


@pytest.mark.parametrize("text, words, speaker", [
    ("Odile Branscombe, who runs the Harrowgate tenants' group, called the rise \"a tax on staying put\" "
     "and said members would appeal.", "a tax on staying put", "Odile Branscombe"),
    ("Merrick Tavish called the timetable \"a work of fiction\".", "a work of fiction", "Merrick Tavish"),
    ("A spokeswoman for the Orrin Valley Water Board called the repairs \"long overdue\".", "long overdue",
     "A spokeswoman for the Orrin Valley Water Board"),
])
def test_a_fragment_after_called_and_its_object_is_a_partial_quote(text: str, words: str, speaker: str) -> None:
    quote = quotes_of(text, "en")[words]
    assert quote.partial and speaker_text(quote) == speaker


@pytest.mark.parametrize("text, words, wrong", [
    # look-alikes that must not move: a passive (someone else called him so), a clause inside the "subject"
    ("Ironically, the Brenmoor harbour master, Tobias Vell, has been called \"the last lighthouse keeper\".",
     "the last lighthouse keeper", ("Ironically", "Tobias Vell", "the Brenmoor harbour master")),
    ("The mayor denounced what he called the \"deeply cynical\" budget of the county.",
     "deeply cynical", ("The mayor denounced what he",)),
    # the writer's frame "what he called", here after a fronted phrase whose comma sets off a place
    ("Speaking in the port of Carrowmore, Tellis, the governor denounced what he called a \"paper blockade\".",
     "paper blockade", ("Tellis", "Carrowmore")),
    # a thing named, not words said: no object between "called" and the mark
    ("The ferry ran late again.\n\nThe scheme, called \"Ride the Brenmoor Tide,\" will begin in May.",
     "Ride the Brenmoor Tide,", ("The scheme",)),
])
def test_a_passive_a_clause_or_a_name_gives_no_called_speaker(text: str, words: str, wrong: tuple[str, ...]) -> None:
    quote = quotes_of(text, "en").get(words)
    assert quote is None or speaker_text(quote) not in wrong


def test_an_adverb_between_a_described_subject_and_its_cue_stays_out_of_the_mention() -> None:
    text = ("The ferry ran late again.\n\nThe alliance previously described the Torvane blockade as the "
            "\"most direct threat to the coast\".")
    quote = quotes_of(text, "en")["most direct threat to the coast"]
    assert quote.partial and speaker_text(quote) == "The alliance"
