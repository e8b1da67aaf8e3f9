"""A dated weekday of the lead on a page fetched live, whose text names a year only in a past clause (a
lower bound: "not revised since 2012"): the recent day before the fetch day, not the fit nearest that year
(issue 17 item 1, stop 44). Without a fetch day, or with no recent fit, the year clue rules as before.
Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.published_clues import infer_publication
from newsweave.annotate.published_inference import infer_published
from newsweave.annotate.timex import find_mentions

LEADS = {
    "es": ("La cooperativa Hortalba cerrará su almacén de Villaseca, anunció este miércoles 18 de marzo su "
           "presidenta. La tarifa del almacén no se ha revisado desde 2012."),
    "en": ("The Brenmoor ferry company said on Wednesday, March 18, that it would cut its winter crossings. "
           "Its fares were last revised in 2012."),
    "fr": ("La coopérative de Valbrenne a annoncé mercredi 18 mars la fermeture de son entrepôt. "
           "Son tarif n'avait plus été révisé depuis 2012."),
}


@pytest.mark.parametrize("language", sorted(LEADS))
def test_a_live_fetch_dates_the_recent_weekday_not_the_year_bound(language: str) -> None:
    text = LEADS[language]
    inference = infer_publication(find_mentions(text, language), text, language, fetched=date(2026, 3, 19))
    assert inference is not None and inference.published == date(2026, 3, 18)


@pytest.mark.parametrize("language", sorted(LEADS))
def test_without_a_fetch_day_the_year_bound_still_rules(language: str) -> None:
    # look-alike that must not move: the run day is no fetch day, so the fit stays near the year the text gives
    text = LEADS[language]
    inference = infer_published(find_mentions(text, language), text, language, date(2026, 3, 19))
    assert inference is not None and inference.published == date(2015, 3, 18)


def test_a_fetch_day_far_from_any_fit_keeps_the_year_bound() -> None:
    # look-alike: fetched in November, no Wednesday 18 March within the recent window; the fit near the year stays
    text = LEADS["en"]
    inference = infer_publication(find_mentions(text, "en"), text, "en", fetched=date(2026, 11, 20))
    assert inference is not None and inference.published == date(2015, 3, 18)
