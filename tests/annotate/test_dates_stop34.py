"""Stop 34 (issue 17 item 2): the tense leftovers of stop 33, with invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timex import tag

WEDNESDAY = date(2024, 2, 28)


def _found(text: str, language: str = "en", anchor: date = WEDNESDAY) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, language, anchor)}


@pytest.mark.parametrize(("text", "language", "anchor", "phrase", "value"), [
    # a month naming published figures is one that has been, even in a future clause
    ("Traders will watch one more release when the November jobs report comes out on Friday.",
     "en", date(2023, 12, 4), "November", "2023-11"),
    ("La agencia publicará la semana próxima la producción industrial de noviembre, según el calendario.",
     "es", date(2023, 12, 4), "noviembre", "2023-11"),
    # ... but a month of a plan stays ahead
    ("The council will open the new library in November.", "en", date(2024, 2, 28), "November", "2024-11"),
])
def test_a_month_of_published_figures_has_been(text: str, language: str, anchor: date, phrase: str,
                                                value: str) -> None:
    assert _found(text, language, anchor)[phrase] == value


@pytest.mark.parametrize(("text", "language", "phrase", "value"), [
    # an aside between two commas does not cut the clause off from its future auxiliary
    ("The harbour authority of Valmorel will, after a long review of the ferry timetables, publish its "
     "findings on Friday.", "en", "Friday", "2024-03-01"),
    ("Le syndicat des pêcheurs de Brissac organisera, comme tous les printemps sur le port, sa grande "
     "réunion de quartier vendredi.", "fr", "vendredi", "2024-03-01"),
    # ... a clause in the past behind the aside stays behind
    ("The harbour authority of Valmorel published, after a long review of the ferry timetables, its "
     "findings on Friday.", "en", "Friday", "2024-02-23"),
])
def test_an_aside_does_not_end_the_clause(text: str, language: str, phrase: str, value: str) -> None:
    assert _found(text, language)[phrase] == value


def test_hoy_and_a_weekday_name_the_day_whatever_the_tense() -> None:
    # anchored on a Wednesday, "hoy martes" is the Tuesday just before, not next week's
    found = _found("Los convenios serán firmados hoy martes por los alcaldes de Ribaseca y Montclar.", "es")
    assert found["hoy martes"] == "2024-02-27"


def test_a_word_cut_by_the_cue_window_is_no_past_form() -> None:
    # "…hundred" cut to "dred" at the window's edge was read as a verb in -ed
    text = ("The department plans to post online roughly nine hundred pages of the old council "
            "records and maps on Friday.")
    assert _found(text)["Friday"] == "2024-03-01"


def test_put_is_no_past_form() -> None:
    # "to put" is an infinitive: with "plans" the clause speaks of the coming Monday
    text = "The mayor plans to put the harbour proposal before the regional council on Monday."
    assert _found(text)["Monday"] == "2024-03-04"
    # French: the same plan with a future
    assert _found("Le maire soumettra le projet du port au conseil régional lundi.", "fr")["lundi"] == "2024-03-04"
