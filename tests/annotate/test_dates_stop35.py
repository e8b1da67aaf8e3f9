"""Stop 35 (issue 17 items 1–2): one reader of the day word beside a weekday, figures connectors
in the language files, plural nouns after an -ing form, a future cue cut by the cue window,
quarters of published figures, "effective", and present-tense plans in the late-fetch window.
Invented sentences; Wednesday 2024-02-28 is the article's day where a value is asked."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from newsweave.annotate.published_clues import infer_publication
from newsweave.annotate.timex import find_mentions, grammar, resolve_mention, tag

WEDNESDAY = date(2024, 2, 28)


def _value(text: str, phrase: str, language: str = "en") -> str:
    return {t.text: t.value for t in tag(text, language, WEDNESDAY)}[phrase]


def _infer(text: str, language: str, fetched: date):
    return infer_publication(find_mentions(text, language), text, language, fetched=fetched)


@pytest.mark.parametrize("text, language, fetched, day", [
    # the day word opens the mention: the weekday is the day of writing, one day
    ("Hoy martes el consejo de Valmora aprobó el presupuesto de la piscina.", "es", date(2024, 2, 28), date(2024, 2, 27)),
    ("This Friday the Harlow council approved the pool budget after a long debate.", "en", date(2024, 3, 2), date(2024, 3, 1)),
    # the day word before the mention, as before
    ("Hier mardi, le conseil de Lorvan a adopté le budget de la piscine.", "fr", date(2024, 2, 29), date(2024, 2, 28)),
])
def test_a_day_word_inside_or_before_the_weekday_fixes_the_day(text: str, language: str, fetched: date, day: date) -> None:
    result = _infer(text, language, fetched)
    assert result is not None and (result.published, result.earliest, result.latest) == (day, day, day)
    assert "weekday said today/yesterday" in result.reason


def test_the_figures_connector_comes_from_the_language_file() -> None:
    text = "El instituto publicará el viernes la producción de la construcción de enero."
    assert _value(text, "enero", "es") == "2024-01"
    rules = grammar("es")
    assert rules is not None
    without = dataclasses.replace(rules, tables={**rules.tables, "figures_connectors": {}})
    mention = next(m for m in find_mentions(text, "es") if m.text == "enero")
    timex = resolve_mention(mention, text, without, WEDNESDAY)
    assert timex is not None and timex.value == "2025-01"  # no connector: the future clause decides


@pytest.mark.parametrize("text", [
    # an -ing form takes the noun phrase as its object: the form in -s ends it
    "The tensions over raids targeting Central Valian farmers burst into view Tuesday.",
    # ... also behind "in"
    "Mara Lenz won the race, defeating Tom Aske in the opening Harlow caucuses Tuesday.",
])
def test_a_plural_noun_after_an_ing_form_is_no_present_verb(text: str) -> None:
    assert _value(text, "Tuesday") == "2024-02-27"


def test_spent_is_a_past_form() -> None:
    assert _value("Valmorel aides also spent Tuesday calling voters.", "Tuesday") == "2024-02-27"


@pytest.mark.parametrize("text", [
    # the subject stands before the preposition: the form in -s is its verb
    "The final race in the Harlow primary comes Tuesday.",
    "The council of Valmorel votes Tuesday on the ferry budget.",
])
def test_a_subject_with_a_preposition_keeps_its_present_verb(text: str) -> None:
    assert _value(text, "Tuesday") == "2024-03-05"


@pytest.mark.parametrize("text, phrase, language", [
    # the cue stands across the cue window's edge ("se|t to", "d|evront"): read whole
    ("Judge Lorna Vance is set to hear oral arguments over the three deposition requests Monday.", "Monday", "en"),
    ("Les juges de Lorvan devront examiner les demandes de report des trois plaignants lundi.", "lundi", "fr"),
])
def test_a_future_cue_cut_by_the_window_still_reads_forward(text: str, phrase: str, language: str) -> None:
    assert _value(text, phrase, language) == "2024-03-04"


def test_a_quarter_of_published_figures_is_one_that_has_ended_or_is_running() -> None:
    assert _value("Harlow Mills will report its fourth-quarter earnings on Tuesday.", "fourth-quarter") == "2023-Q4"
    assert _value("Harlow Mills will report its first-quarter earnings in April.", "first-quarter") == "2024-Q1"
    # no figures noun: the future clause decides, as before
    assert _value("Harlow Mills will open a second plant in the fourth quarter.", "the fourth quarter") == "2024-Q4"


def test_effective_points_a_date_forward_unless_the_clause_is_past() -> None:
    assert _value("The ferry fare drops to four euros effective Jan. 6.", "Jan. 6") == "2025-01-06"
    assert _value("Harlow Ferries raised its fares effective Jan. 6.", "Jan. 6") == "2024-01-06"


def test_a_present_plan_said_today_is_no_clue_in_the_late_fetch_window() -> None:
    # fetched Monday 2024-03-04: "vote ce mardi" was written the Monday before a Tuesday vote
    # as often as on the Tuesday of the week before; the past tense still dates it
    plan = "Le conseil municipal de Lorvan vote ce mardi le budget de la piscine."
    assert _infer(plan, "fr", date(2024, 3, 4)) is None
    done = "Le conseil municipal de Lorvan a voté ce mardi le budget de la piscine."
    result = _infer(done, "fr", date(2024, 3, 4))
    assert result is not None and result.published == date(2024, 2, 27) and "fetched late" in result.reason
    said = "El consejo de Valmora aprobó este domingo el presupuesto de la piscina."
    result = _infer(said, "es", date(2024, 3, 7))
    assert result is not None and result.published == date(2024, 3, 3)



def _alone(text: str, language: str):
    from newsweave.annotate.published_inference import infer_published

    return infer_published(find_mentions(text, language), text, language)


def test_a_date_said_today_outside_the_lead_fixes_the_day() -> None:
    # "aujourd'hui, lundi 27 janvier 2025": the day word is read whole, however long it is
    text = ("Le marché couvert de Lorvan rouvre ses portes. Les commerçants sont soulagés. "
            "Le maire en a parlé aujourd'hui, lundi 27 janvier 2025, devant eux.")
    result = _alone(text, "fr")
    assert result is not None and (result.published, result.earliest, result.latest) == (date(2025, 1, 27),) * 3


def test_today_at_the_end_of_a_sentence_does_not_date_the_next_one() -> None:
    # "today." closes its sentence: the date of the next one (outside the lead) is a past event
    text = ("The covered market of Harlow reopens. Traders are relieved. The mayor spoke about it today. "
            "Monday, January 27, 2025, the works had begun.")
    assert _alone(text, "en") is None
