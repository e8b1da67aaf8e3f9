"""Infer an article's publication date from its own words when metadata lacks it.

The evidence, strongest first:

1. a weekday with a day and month but no year ("Wednesday February 28", "mardi 25
   février"): the year is one where that date falls on that weekday, the one nearest the
   year the text points at;
2. the year the text points at: an anniversary or an elapsed time counted from a year it
   names ("the fourth anniversary of the 2022 invasion" → 2026, "two years after the 2022
   invasion" → 2024), else the latest full date it gives, else the latest year it names;
3. a day and month without weekday, placed in that year.

Only a full day is returned; a year alone is no publication date. The mentions used are
returned as evidence so the article can show why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from newsweave.annotate.timex import Mention, Timex, resolve_all

# Years searched around the anchor year for a weekday that fits a day and month: the weekday
# of a date repeats every 5, 6 or 11 years, so ±12 always finds the nearest fits.
YEAR_SEARCH = 12
# A year counted from ("two years after the 2022 invasion") must sit this close to the count.
COUNT_WINDOW = 80


@dataclass
class Inference:
    published: date
    evidence: list[Timex] = field(default_factory=list)
    reason: str = ""


def infer_published(mentions: list[Mention], text: str, language: str | None, today: date | None = None) -> Inference | None:
    """The publication date the text implies, or None when it gives too little."""
    unanchored = resolve_all(mentions, text, language, None)
    anchor_year, anchor_evidence = _anchor_year(unanchored, text)
    day_months = [t for t in unanchored if t.resolve == "absolute" and not t.year_given and t.month and t.day]
    with_weekday = [t for t in day_months if t.weekday is not None]
    reference = anchor_year or (today or date.today()).year
    for timex in with_weekday:
        year = _year_for_weekday(timex, reference, latest=None if anchor_year else (today or date.today()))
        if year is not None:
            return Inference(date(year, timex.month, timex.day), [timex, *anchor_evidence],
                             "weekday and date" + (" near the year the text gives" if anchor_year else ""))
    if anchor_year and day_months:
        timex = day_months[0]
        try:
            return Inference(date(anchor_year, timex.month, timex.day), [timex, *anchor_evidence], "date in the text's year")
        except ValueError:
            return None
    return None


def _year_for_weekday(timex: Timex, reference: int, latest: date | None) -> int | None:
    fits = []
    for year in range(reference - YEAR_SEARCH, reference + YEAR_SEARCH + 1):
        try:
            candidate = date(year, timex.month, timex.day)
        except ValueError:
            continue
        if candidate.weekday() == timex.weekday and (latest is None or candidate <= latest):
            fits.append(year)
    # Nearest the reference; on a tie the later year (news is dated at or after its anchors).
    return min(fits, key=lambda year: (abs(year - reference), -year)) if fits else None


def _anchor_year(timexes: list[Timex], text: str) -> tuple[int | None, list[Timex]]:
    """The year the text points at, and the mentions that say so."""
    years = [t for t in timexes if t.resolve == "year" and t.year]
    for timex in timexes:
        counted = _counted_from_year(timex, years, text)
        if counted:
            return counted
    full_dates = [t for t in timexes if t.resolve == "absolute" and t.year_given and not t.impossible]
    if full_dates:
        latest = max(full_dates, key=lambda t: (t.year, t.month or 0, t.day or 0))
        return latest.year, [latest]
    if years:
        latest = max(years, key=lambda t: t.year or 0)
        return latest.year, [latest]
    return None, []


def _counted_from_year(timex: Timex, years: list[Timex], text: str) -> tuple[int, list[Timex]] | None:
    """An anniversary or a span of years counted from a named year, as the year it reaches."""
    if timex.resolve == "anniversary" and timex.number:
        count = int(timex.number)
    elif timex.resolve in ("duration", "ago") and timex.unit == "Y" and timex.number and timex.number == int(timex.number):
        count = int(timex.number)
    else:
        return None
    near = [y for y in years if abs(y.start - timex.end) <= COUNT_WINDOW or abs(timex.start - y.end) <= COUNT_WINDOW]
    # Both must be in one sentence: a full stop between them breaks the link.
    near = [y for y in near if not re.search(r"[.!?]\s", text[min(y.end, timex.end):max(y.start, timex.start)])]
    if not near:
        return None
    base = min(near, key=lambda y: abs(y.start - timex.start))
    return base.year + count, [timex, base]
