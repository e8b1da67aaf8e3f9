"""Stop 37 (issue 17 items 1–2): a present verb of showing makes no plan, a relative clause's past
is not the date's, a hyphened -ed form is no past, a German night with its date in figures is one
expression, a French night "de samedi à dimanche" is one, "der letzten Wochen" is a span. Invented sentences; Wednesday
2024-02-28 is the article's day."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timex import tag

WEDNESDAY = date(2024, 2, 28)


def _found(text: str, language: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, language, WEDNESDAY)}


@pytest.mark.parametrize("text, language, phrase, value", [
    ("Bilder aus Quellbach zeigen, dass die Brücke in der Nacht des Montags eingestürzt ist.", "de",
     "der Nacht des Montags", "2024-02-26"),
    ("Die Aufnahmen zeigen die Menge am Montag vor dem Rathaus von Quellbach.", "de", "Montag", "2024-02-26"),
    ("The data from the Dunmore depot shows a sharp rise on Monday.", "en", "Monday", "2024-02-26"),
    ("Les images montrent la foule devant la mairie de Lorvan lundi.", "fr", "lundi", "2024-02-26"),
])
def test_a_present_verb_of_showing_makes_no_plan(text: str, language: str, phrase: str, value: str) -> None:
    assert _found(text, language).get(phrase) == value


@pytest.mark.parametrize("text, language, phrase, value", [
    # a fronted date before "zeigt" is still the museum's plan; another present verb still plans
    ("Am Montag zeigt das Museum in Quellbach neue Bilder.", "de", "Montag", "2024-03-04"),
    ("Le conseil de Lorvan vote lundi.", "fr", "lundi", "2024-03-04"),
    ("The Dunmore council votes on Monday.", "en", "Monday", "2024-03-04"),
])
def test_other_present_verbs_still_plan(text: str, language: str, phrase: str, value: str) -> None:
    assert _found(text, language).get(phrase) == value


@pytest.mark.parametrize("text, phrase, value", [
    # the past is a relative clause's ("the base Mr. Oakes has created"), not the plan's
    ("Those are the voters Mrs. Varley needs in November or risk losing the base Mr. Oakes has created.",
     "November", "2024-11"),
    # "state-backed" is an adjective, no past
    ("The Dunmore council votes on Thursday to sell the depot to the state-backed company.", "Thursday", "2024-02-29"),
])
def test_a_past_outside_the_dates_clause_does_not_undo_a_plan(text: str, phrase: str, value: str) -> None:
    assert _found(text, "en").get(phrase) == value


def test_a_past_after_a_conjunction_still_counts() -> None:
    # "but Quill has …" opens no relative clause: its past shows "attacks" was no verb
    text = "Protests have grown since the Dunmore attacks in November, but Quill has still kept his seat."
    assert _found(text, "en").get("November") == "2023-11"


@pytest.mark.parametrize("text, phrase, value", [
    ("Die Polizei nahm ihn in der Nacht auf Donnerstag, den 09.04.2020, in Quellbach fest.",
     "der Nacht auf Donnerstag, den 09.04.2020", "2020-04-09"),
    ("In der Nacht zum Freitag, 10.04.2020, brannte in Quellbach eine Scheune.",
     "der Nacht zum Freitag, 10.04.2020", "2020-04-10"),
])
def test_a_german_night_with_its_date_in_figures_is_one_expression(text: str, phrase: str, value: str) -> None:
    assert _found(text, "de") == {phrase: value}


@pytest.mark.parametrize("text", [
    "Dans la nuit de samedi à dimanche, un incendie a détruit la grange de Lorvan.",
    "La grange de Lorvan a brûlé dans la nuit du samedi au dimanche.",
])
def test_a_french_night_from_one_day_to_the_next_is_one_expression(text: str) -> None:
    found = _found(text, "fr")
    assert list(found.values()) == ["2024-02-25"] and next(iter(found)).startswith("la nuit d")


def test_the_last_weeks_are_a_span_not_last_week() -> None:
    text = "Auch wenn das Wetter der letzten Wochen in Quellbach mild war, blieb der Boden trocken."
    assert _found(text, "de").get("der letzten Wochen") == "PXW"


@pytest.mark.parametrize("text, language, phrase", [
    ("Vergangene Woche stimmte der Rat von Quellbach zu.", "de", "Vergangene Woche"),
    ("Der Rat von Quellbach stimmte letzte Woche zu.", "de", "letzte Woche"),
    ("Le conseil de Lorvan a voté la semaine dernière.", "fr", "la semaine dernière"),
    ("The Dunmore council voted last week.", "en", "last week"),
])
def test_last_week_is_a_week_value(text: str, language: str, phrase: str) -> None:
    # a guard: these already gave the week before the anchor's (2024-W09)
    assert _found(text, language).get(phrase) == "2024-W08"
