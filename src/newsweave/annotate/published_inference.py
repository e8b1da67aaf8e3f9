"""Infer an article's publication date from its own words when metadata lacks it.

The evidence, strongest first:

1. a weekday with a day and month but no year ("Wednesday February 28", "mardi 25
   février"): the year is one where that date falls on that weekday, the one nearest the
   year the text points at, within the years its office holders allow;
2. the year the text points at: an anniversary or an elapsed time counted from a year it
   names ("the fourth anniversary of the 2022 invasion" → 2026, "two years after the 2022
   invasion" → 2024) or from a widely reported event it names ("the Russian invasion
   launched two years ago", events in ``lang/<iso>/time_anchors.toml``), else the latest
   full date it gives, else the latest year it names (then a lower bound);
3. the years allowed by heads of state or government named in office ("President Joe Biden":
   2021-2025; terms in ``lang/_base/time_anchors.toml``);
4. a day and month without weekday, placed in the year of 2.

Only a full day is returned; a year alone is no publication date. The mentions used are
returned as evidence so the article can show why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from newsweave import lang
from newsweave.annotate.timex import Mention, Timex, resolve_all

# Years searched around the anchor year for a weekday that fits a day and month: the weekday
# of a date repeats every 5, 6 or 11 years, so ±12 always finds the nearest fits.
YEAR_SEARCH = 12
# A year counted from ("two years after the 2022 invasion") must sit this close to the count.
COUNT_WINDOW = 80
# How far before a holder's name its role is looked for ("the Ukrainian President Volodymyr …").
ROLE_WINDOW = 50


@dataclass
class Inference:
    published: date
    evidence: list[Timex] = field(default_factory=list)
    reason: str = ""


def infer_published(mentions: list[Mention], text: str, language: str | None, today: date | None = None) -> Inference | None:
    """The publication date the text implies, or None when it gives too little."""
    unanchored = resolve_all(mentions, text, language, None)
    anchor_year, anchor_evidence, lower_bound = _anchor_year(unanchored, _event_years(text, language or ""), text)
    allowed, office_evidence = _office_years(text, language or "")
    day_months = [t for t in unanchored if t.resolve == "absolute" and not t.year_given and t.month and t.day]
    with_weekday = [t for t in day_months if t.weekday is not None]
    today = today or date.today()
    reference = anchor_year or (max(allowed) if allowed else today.year)
    for timex in with_weekday:
        year = _year_for_weekday(timex, reference, latest=None if anchor_year and not lower_bound else today,
                                 allowed=allowed, at_least=anchor_year if lower_bound else None)
        if year is not None:
            anchor_evidence = anchor_evidence + office_evidence
            return Inference(date(year, timex.month, timex.day), [timex, *anchor_evidence],
                             "weekday and date" + (" near the year the text gives" if anchor_year else ""))
    if anchor_year and day_months:
        timex = day_months[0]
        try:
            return Inference(date(anchor_year, timex.month, timex.day), [timex, *anchor_evidence], "date in the text's year")
        except ValueError:
            return None
    return None


def _year_for_weekday(timex: Timex, reference: int, latest: date | None, allowed: set[int] | None = None,
                      at_least: int | None = None) -> int | None:
    fits = []
    for year in range(reference - YEAR_SEARCH, reference + YEAR_SEARCH + 1):
        try:
            candidate = date(year, timex.month, timex.day)
        except ValueError:
            continue
        if candidate.weekday() != timex.weekday or (latest is not None and candidate > latest):
            continue
        if (allowed and year not in allowed) or (at_least is not None and year < at_least):
            continue
        fits.append(year)
    # Nearest the reference; on a tie the later year (news is dated at or after its anchors).
    return min(fits, key=lambda year: (abs(year - reference), -year)) if fits else None


def _anchor_year(timexes: list[Timex], events: list[Timex], text: str) -> tuple[int | None, list[Timex], bool]:
    """The year the text points at, the mentions that say so, and whether it is only a
    lower bound (the latest year named: the text is at least that recent)."""
    years = [t for t in timexes if t.resolve == "year" and t.year]
    for timex in timexes:
        counted = _counted_from_year(timex, years + events, text)
        if counted:
            return counted[0], counted[1], False
    full_dates = [t for t in timexes if t.resolve == "absolute" and t.year_given and not t.impossible]
    if full_dates:
        latest = max(full_dates, key=lambda t: (t.year, t.month or 0, t.day or 0))
        return latest.year, [latest], False
    if years:
        latest = max(years, key=lambda t: t.year or 0)
        return latest.year, [latest], True
    return None, [], False


def _event_years(text: str, language: str) -> list[Timex]:
    """Mentions of dated events ("the Russian invasion"), as year mentions to count from."""
    found = []
    for event in lang.load(language, "time_anchors").get("event", []):
        for name in event.get("names", []):
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I):
                found.append(Timex(match.start(), match.end(), match.group(0), "DATE", str(event["year"]),
                                   resolve="event", year=int(event["year"]), year_given=True))
    return found


def _office_years(text: str, language: str) -> tuple[set[int] | None, list[Timex]]:
    """Years allowed by every head of state or government the text names in office."""
    words = lang.load(language, "time_anchors")
    roles, former = words.get("roles", []), words.get("former", [])
    if not roles:
        return None, []
    role_at_end = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, roles))})(?!\w)[^.;:\n]*$", re.I)
    former_re = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, former))})", re.I) if former else None
    allowed: set[int] | None = None
    evidence: list[Timex] = []
    for office in lang.load("_base", "time_anchors").get("office", []):
        years = {year for first, last in office["terms"] for year in range(first, last + 1)}
        for name in office["names"]:
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                before = text[max(0, match.start() - ROLE_WINDOW):match.start()]
                role = role_at_end.search(before)
                if not role or (former_re and former_re.search(before[max(0, role.start() - 15):])):
                    continue
                narrowed = years if allowed is None else allowed & years
                if narrowed:  # a contradiction (two holders never in office together) is ignored
                    allowed = narrowed
                    evidence.append(Timex(match.start(), match.end(), match.group(0), "DATE", "", resolve="office"))
    return allowed, evidence


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
