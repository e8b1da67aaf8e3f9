"""The publication day from a full date of the lead said to be yesterday or today, its year its own
("ayer, 9 de marzo de 2026": the day after), and from a dated weekday said to be yesterday (issue 17
item 1, stop 42). A full date with no day word beside it still fixes no day. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.published_inference import infer_published
from newsweave.annotate.timex import find_mentions


def _published(text: str, language: str) -> date | None:
    inference = infer_published(find_mentions(text, language), text, language, None)
    return inference.published if inference is not None else None


@pytest.mark.parametrize(("language", "text"), [
    ("es", "El pleno de Almenara aprobó ayer, 9 de marzo de 2026, el cierre del puente viejo."),
    ("en", "The council of Brenford approved yesterday, March 9, 2026, the closure of the old bridge."),
    ("fr", "Le conseil de Valmorel a approuvé hier, 9 mars 2026, la fermeture du vieux pont."),
    ("de", "Der Rat von Hallbruck hat gestern, 9. März 2026, die Sperrung der alten Brücke beschlossen."),
])
def test_a_full_date_said_to_be_yesterday_dates_the_next_day(language: str, text: str) -> None:
    assert _published(text, language) == date(2026, 3, 10)


def test_a_full_date_said_to_be_today_dates_that_day() -> None:
    text = "Brenford Council announced today (9 March 2026) that the old bridge will close."
    assert _published(text, "en") == date(2026, 3, 9)


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Die Familie Weidenbrunn hat gestern, am Dienstag, dem 31. März 2026, den Beschäftigten die Schließung mitgeteilt."),
    ("en", "The Tollmere family told its staff yesterday, Tuesday, March 31, 2026, that the mill would close."),
])
def test_a_dated_weekday_said_to_be_yesterday_dates_the_next_day(language: str, text: str) -> None:
    assert _published(text, language) == date(2026, 4, 1)


@pytest.mark.parametrize(("language", "text"), [
    ("es", "El pleno de Almenara aprobó el 9 de marzo de 2026 el cierre del puente viejo."),
    ("en", "The council of Brenford approved the closure of the old bridge on March 9, 2026."),
])
def test_a_full_date_without_a_day_word_fixes_no_day(language: str, text: str) -> None:
    assert _published(text, language) is None
