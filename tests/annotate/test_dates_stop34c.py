"""Stop 34, third round (issue 17 item 2): the English present-tense plan rule does not read a
plural noun as a verb in -s. Invented sentences; Wednesday 2024-02-28 as the article's day, so a
Tuesday read as a plan is 2024-03-05 and one read without a cue is 2024-02-27."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timex import tag

WEDNESDAY = date(2024, 2, 28)


def _value(text: str, phrase: str) -> str:
    return {t.text: t.value for t in tag(text, "en", WEDNESDAY)}[phrase]


@pytest.mark.parametrize("text", [
    # a count above one among the words before the form in -s: a plural noun
    "Tallon, winner of the three Northern contests Tuesday, now leads the race.",
    # a count in figures right before it
    "Turnout for the 40 seats Tuesday in Valmorel: low, as in every ward.",
    # a preposition right before it
    "The wave of protests Tuesday in Valmorel: a first since the ferry strike.",
])
def test_a_plural_noun_is_no_present_verb(text: str) -> None:
    assert _value(text, "Tuesday") == "2024-02-27"


@pytest.mark.parametrize("text", [
    "The council votes Tuesday on the ferry budget.",
    "Brissac hosts Montclar on Tuesday.",
    # the preposition belongs to the subject, the verb follows it
    "The assembly of Valmorel elders meets Tuesday.",
    # a count inside a compound word is no count
    "The three-member panel rules Tuesday on the ferry dispute.",
])
def test_a_singular_present_verb_still_reads_forward(text: str) -> None:
    assert _value(text, "Tuesday") == "2024-03-05"
