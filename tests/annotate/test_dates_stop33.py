"""English plans in the present, dotted dates and clocks, month abbreviations before a day, and
the two strengths of a dateline (issue 17, stop 33).

Every sentence was written for these tests (invented places, people and agencies). The anchor
is Wednesday 2024-02-28.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.published_inference import is_dateline
from newsweave.annotate.timex import tag

WEDNESDAY = date(2024, 2, 28)


def _found(text: str, language: str = "en") -> dict[str, str]:
    return {t.text.rstrip("."): t.value for t in tag(text, language, WEDNESDAY)}


@pytest.mark.parametrize(("text", "phrase", "value"), [
    # a verb in the present, the only cue of the clause, speaks of a plan
    ("The Valmorel council votes on Thursday to close the bridge.", "Thursday", "2024-02-29"),
    ("Brissac hosts Montclar on Saturday at the old stadium.", "Saturday", "2024-03-02"),
    # ... not a possessive weekday, nor a plural noun before an auxiliary, nor a past; a weekday
    # before a noun in -s names the day of a thing ("The Friday blasts"), not a plan
    ("The Friday blasts at the Valmorel depot shocked the town.", "Friday", "2024-02-23"),
    ("The march comes after Tuesday's attack on the Valmorel depot.", "Tuesday", "2024-02-27"),
    ("Grain prices have come down from the middle of October.", "the middle of October", "2023-10"),
    ("The Valmorel council voted on Thursday to close the bridge.", "Thursday", "2024-02-22"),
])
def test_english_present_plans(text: str, phrase: str, value: str) -> None:
    assert _found(text)[phrase] == value


@pytest.mark.parametrize(("text", "phrase", "value"), [
    # with full stops English text writes the day first, with slashes the month
    ("Anna Kovel | 02.01.2020 Brissac council meets", "02.01.2020", "2020-01-02"),
    ("The rule took effect on 03/04/2020 in Valmorel.", "03/04/2020", "2020-03-04"),
    # clocks: a full stop with am/pm, seconds kept
    ("Crews were called at 7.14pm on Wednesday night.", "7.14pm on Wednesday", "2024-02-28T19:14"),
    ("A call was received at 4.23 a.m. by the Brissac station.", "4.23 a.m", "2024-02-28T04:23"),
    ("The doors closed at 7:56:30 pm sharp.", "7:56:30 pm", "2024-02-28T19:56:30"),
    # a month abbreviation without its stop before a day of the month
    ("ELMSWORTH, Jan 1 (Northwire) - The ferry resumed service.", "Jan 1", "2024-01-01"),
    ("Posted Dec 31, 2019 by Anna Kovel", "Dec 31, 2019", "2019-12-31"),
    # a weekday of a named week
    ("Pastor Obi spoke to his congregation last week Thursday.", "last week Thursday", "2024-02-22"),
    ("The Brissac board meets on Tuesday of next week.", "Tuesday of next week", "2024-03-05"),
])
def test_figures_clocks_and_abbreviations(text: str, phrase: str, value: str) -> None:
    assert _found(text)[phrase] == value


@pytest.mark.parametrize("text", [
    "Brenford shares rose 2.15 points in Valmorel.",
    "Jan scored 3.5 goals a game for Brissac.",
    "Jan and Piet met in Brissac.",
])
def test_numbers_and_names_stay_undated(text: str) -> None:
    assert _found(text) == {}


def test_a_comma_keeps_the_week_and_the_weekday_apart() -> None:
    found = _found("The Brissac talks resume next week, Monday being a holiday.")
    assert found == {"next week": "2024-W10", "Monday": "2024-03-04"}


def test_a_wire_dateline_is_the_strict_shape() -> None:
    text = "Some text first.\nELMSWORTH, March 3 (Northwire) - The ferry resumed service."
    third = next(t for t in tag(text, "en", None) if t.resolve == "absolute")
    assert is_dateline(third, text, strict=True)
    # a capitalised place that is not in capitals, or a colon instead of a dash: the loose shape only
    text = "Elmsworth, March 3:\nThe ferry resumed service."
    third = next(t for t in tag(text, "en", None) if t.resolve == "absolute")
    assert is_dateline(third, text) and not is_dateline(third, text, strict=True)
