"""Stop 36 (issue 17 items 1–3): a sentence's full stop after a full month or day name, a day
name's abbreviation in lower case that is a word of its own, English day abbreviations, and
German dates: a weekday before a date in figures (one expression, no clock), "-mittag", "in der Nacht des Montags",
"muss". Invented sentences; Wednesday 2024-02-28 is the article's day."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.timex import tag

WEDNESDAY = date(2024, 2, 28)


def _found(text: str, language: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, language, WEDNESDAY)}


@pytest.mark.parametrize("text, language, phrase, value", [
    # the full stop ends the sentence: outside the span, and the next sentence's future
    # ("devrait") is not the date's clause
    ("Le club de Lorvan a perdu contre Brissac. Le 18 février. Il devrait revenir en mars.", "fr",
     "Le 18 février", "2024-02-18"),
    ("Les inscriptions à Valmorel restent ouvertes jusqu'au 30 avril. Le maire l'a confirmé.", "fr",
     "30 avril", "2024-04-30"),
])
def test_a_full_stop_after_a_full_name_ends_the_sentence(text: str, language: str, phrase: str, value: str) -> None:
    assert _found(text, language).get(phrase) == value


def test_an_abbreviations_full_stop_stays_in_the_span() -> None:
    assert "Jeu. 5 mars" in _found("Programme de Lorvan : Jeu. 5 mars, concert au kiosque.", "fr")


@pytest.mark.parametrize("text, language", [
    ("Pour Lina Vautrin, la nouvelle loi peut changer le jeu. En ville, personne n'y croit.", "fr"),
    ("Les surfeurs de Kervenec attendent au large, sur la mer. Au début, rien ne bouge.", "fr"),
    ("Wir trafen uns bei Wanderungen, Seminaren und so. Beide blieben in Quellbach.", "de"),
])
def test_a_lower_case_day_abbreviation_alone_is_a_word(text: str, language: str) -> None:
    assert _found(text, language) == {}


@pytest.mark.parametrize("phrase, value", [
    ("Tues.", "2024-02-27"),
    ("Thurs", "2024-02-22"),
    ("Weds.", "2024-02-28"),
])
def test_english_day_abbreviations_name_their_own_day(phrase: str, value: str) -> None:
    text = f"The Harlow council met on {phrase} and Mara Lenz spoke first."
    assert _found(text, "en").get(phrase) == value


@pytest.mark.parametrize("text, phrase", [
    ("© Quellbacher Bote, Donnerstag, 02.01.2020", "Donnerstag, 02.01.2020"),
    ("Die Feier in Quellbach findet am Freitag, den 24.01.2020 statt.", "Freitag, den 24.01.2020"),
])
def test_a_weekday_before_a_german_date_in_figures_is_that_date_not_a_clock(text: str, phrase: str) -> None:
    found = _found(text, "de")
    assert found == {phrase: phrase[-4:] + "-01-" + phrase[-10:-8]}


def test_the_date_in_figures_stays_where_its_weekday_belongs_to_a_night() -> None:
    # stop 37: the night and its date are one expression, valued by the date
    found = _found("In der Nacht auf Freitag, den 10.04.2020, brannte in Quellbach eine Scheune.", "de")
    assert found.get("der Nacht auf Freitag, den 10.04.2020") == "2020-04-10"


@pytest.mark.parametrize("text, phrase, value", [
    ("Die Schule in Quellbach hatte Freitagmittag erfahren, dass ein Kind krank war.", "Freitagmittag", "2024-02-23"),
    ("Am Mittag hielt die Polizei von Quellbach eine Pressekonferenz ab.", "Mittag", "2024-02-28TMI"),
    ("Unbekannte waren in der Nacht des Sonntags in das Vereinsheim von Quellbach eingebrochen.",
     "der Nacht des Sonntags", "2024-02-25"),
    # a modal's present ("muss") is a plan, as "müssen" is
    ("Der Vertrag muss am Samstag noch vom Rat in Quellbach gebilligt werden.", "Samstag", "2024-03-02"),
])
def test_german_days_with_a_part_a_genitive_night_and_a_modal(text: str, phrase: str, value: str) -> None:
    assert _found(text, "de").get(phrase) == value


THURSDAY = date(2024, 2, 29)


@pytest.mark.parametrize("text, phrase, value", [
    # the past verb later in the sentence shows the form in -s was no present that plans; a
    # title's full stop ("Mr.") does not end the sentence before it
    ("Addressing reporters here on Wednesday, Mr. Lenz said the Harlow bridge would reopen.",
     "Wednesday", "2024-02-28"),
    ("Addressing journalists at Brissac on Wednesday, Dr. Vautrin confirmed the closure.",
     "Wednesday", "2024-02-28"),
    # after "other" a form in -s is a plural noun
    ("The other towns voting Wednesday are Harlow, Brissac and Valmorel.", "Wednesday", "2024-02-28"),
])
def test_no_plan_read_off_an_object_or_a_plural_noun(text: str, phrase: str, value: str) -> None:
    assert {t.text: t.value for t in tag(text, "en", THURSDAY)}.get(phrase) == value


def test_a_gerund_subject_still_plans() -> None:
    found = {t.text: t.value for t in tag("Voting begins Wednesday in Harlow.", "en", THURSDAY)}
    assert found.get("Wednesday") == "2024-03-06"
