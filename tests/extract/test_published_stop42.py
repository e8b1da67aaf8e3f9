"""A full date near the top said to be yesterday or tomorrow names an event's day, not the day of
writing: extraction takes no publication date from it and leaves the day to the annotate stage
(issue 17 item 1, stop 42). A dateline, and a date said to be today, still date the text.
Invented sentences."""

from __future__ import annotations

import pytest

from newsweave.extract.published import date_in_text


@pytest.mark.parametrize("text", [
    "Die Familie Weidenbrunn hat gestern, am Dienstag, dem 31. März 2026, den Beschäftigten die Schließung mitgeteilt.",
    "The Tollmere family told its staff yesterday, Tuesday, March 31, 2026, that the mill would close.",
    "La famille Vasseron a annoncé hier, mardi 31 mars 2026, la fermeture de la minoterie.",
    "Der Gemeinderat von Hallbruck entscheidet morgen, am 31. März 2026, über die Brücke.",
])
def test_a_date_said_to_be_another_day_is_no_dateline(text: str) -> None:
    assert date_in_text(text) is None


@pytest.mark.parametrize("text", [
    "HALLBRUCK, 31. März 2026 – Die Familie Weidenbrunn schließt die Mühle.",
    "Heute Morgen, am 31. März 2026, hat die Familie Weidenbrunn die Schließung mitgeteilt.",
    "The Tollmere family said today, March 31, 2026, that the mill would close.",
    "Yesterday was quiet in Tollmere. On March 31, 2026, the family told its staff the mill would close.",
])
def test_a_dateline_or_a_date_said_today_still_dates_the_text(text: str) -> None:
    assert date_in_text(text) == "2026-03-31"
