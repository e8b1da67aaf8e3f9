"""The bench's written rule for "the text alone fixes the publication day" (bench/published.py)."""

from __future__ import annotations

from datetime import date

from bench_modules import bench_module

published = bench_module("published")


def case(text: str, language: str, truth: date) -> dict:
    return {"id": "x", "set": "invented", "language": language, "text": text, "truth": truth, "fetched": None}


def test_a_lead_date_fixes_the_day_and_a_named_year_the_year():
    text = "Brenvik, 4 mars 2025. Le conseil de Brenvik a voté le budget du port. Le maire était absent."
    assert published.text_fixes_day(case(text, "fr", date(2025, 3, 4))) == ("lead date", True)
    # the same lead a day later is not the publication day
    assert published.text_fixes_day(case(text, "fr", date(2025, 3, 5)))[0] is None


def test_yesterday_beside_a_date_fixes_the_day_after_it():
    text = ("The ferry company said its boats will run again soon. The storm closed the harbour of Tolsby "
            "on Monday. Yesterday, March 4, the mayor visited the quay and met the crews.")
    assert published.text_fixes_day(case(text, "en", date(2025, 3, 5)))[0] == "day word"


def test_a_weekday_said_today_needs_a_date_in_its_week_to_fix_the_day():
    text = ("El alcalde de Villaluz ha inaugurado este viernes la nueva biblioteca. "
            "Las obras terminaron el 5 de mayo y costaron dos millones.")
    assert published.text_fixes_day(case(text, "es", date(2025, 5, 9)))[0] == "weekday"
    # the 5 May is more than a week before: only the weekday is fixed, the week comes from the fetch day
    assert published.text_fixes_day(case(text, "es", date(2025, 5, 16)))[0] == published.FETCH_WEEK


def test_a_bare_weekday_in_a_past_clause_fixes_nothing():
    text = "Der Stadtrat von Bärnau hat am Dienstag den Haushalt beschlossen. Die Opposition stimmte dagegen."
    assert published.text_fixes_day(case(text, "de", date(2025, 5, 6))) == (None, False)
