"""Tense of bare weekdays and months, second round of stop 33 (issue 17 item 2): a future cue
further back in the same clause, the French simple future at every person, "hundred" as no past form
and a fixed-day holiday near the anchor.

Every sentence was written for these tests (invented places, people and agencies). The anchor
is Wednesday 2024-02-28.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timex import tag

WEDNESDAY = date(2024, 2, 28)


def _found(text: str, language: str = "en") -> dict[str, str]:
    return {t.text: t.value for t in tag(text, language, WEDNESDAY)}


@pytest.mark.parametrize(("text", "phrase", "value"), [
    # a future auxiliary beyond the cue window, in the same clause, still points forward
    ("Valmorel will move several hundred waiting travellers from the old harbour terminal "
     "to the new ferry quay on Sunday as part of the spring timetable.", "Sunday", "2024-03-03"),
    ("Brissac will send three of its volunteer fire crews and their equipment to the burning "
     "hillside near Montclar in October.", "October", "2024-10"),
    # ... the same clause in the past stays behind
    ("Valmorel moved several hundred waiting travellers from the old harbour terminal "
     "to the new ferry quay on Sunday as part of the spring timetable.", "Sunday", "2024-02-25"),
    # ... a comma inside the window closes the clause: "would" belongs to the relative clause
    ("The Brissac weekly, which would never print the letters of its readers on farming matters, "
     "on Tuesday printed one from Anna Kovel.", "Tuesday", "2024-02-27"),
])
def test_future_further_back_in_the_clause(text: str, phrase: str, value: str) -> None:
    assert _found(text)[phrase] == value


@pytest.mark.parametrize(("text", "phrase", "value"), [
    # the simple future at every person, and the short irregular forms
    ("Je reviendrai vendredi à Brissac.", "vendredi", "2024-03-01"),
    ("Nous prendrons une décision lundi, a dit la maire.", "lundi", "2024-03-04"),
    ("Vous recevrez la convocation jeudi.", "jeudi", "2024-02-29"),
    ("Le préfet fera une déclaration samedi à Valmorel.", "samedi", "2024-03-02"),
    ("Le ministre ira à Montclar mardi.", "mardi", "2024-03-05"),
    ("Nous serons à Brissac dimanche.", "dimanche", "2024-03-03"),
    # ... not a noun in -rons, nor a past
    ("Les patrons de Valmorel ont manifesté lundi.", "lundi", "2024-02-26"),
    ("Je suis revenu vendredi de Brissac.", "vendredi", "2024-02-23"),
])
def test_french_simple_future(text: str, phrase: str, value: str) -> None:
    assert _found(text, "fr")[phrase] == value



@pytest.mark.parametrize(("text", "phrase", "value"), [
    # "hundred" ends like a past form and is a number
    ("The Valmorel archive plans to post a few hundred more letters on Friday.", "Friday", "2024-03-01"),
    # a holiday of a fixed day stays in its year when the anchor is just before it
    ("The Brissac choir will sing at Christmas.", "Christmas", "2024-12-25"),
])
def test_hundred_and_holidays(text: str, phrase: str, value: str) -> None:
    assert _found(text)[phrase] == value


def test_christmas_tomorrow_in_a_future_clause() -> None:
    found = {t.text: t.value for t in tag("The Brissac choir will sing at Christmas.", "en", date(2024, 12, 24))}
    assert found["Christmas"] == "2024-12-25"
