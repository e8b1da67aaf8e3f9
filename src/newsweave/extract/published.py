"""The article's publication time: from metadata, from the URL, or from its dateline.

Month names come from CLDR (babel) for every language we have data for, so a dateline
in a new language needs no code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.core import get_global
from babel.dates import get_day_names, get_month_names

from newsweave import lang
from newsweave.extract.settings import SETTINGS

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)|/((?:19|20)\d\d)(\d\d)(\d\d)/")
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# An ISO time that names its offset ("2022-05-03T23:37:37-04:00", "…T03:37:37Z").
_STAMP = re.compile(r"(?:19|20)\d\d-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)")
# A time in an e-mail's way, in UTC ("Wed, 04 May 2022 02:41:00 GMT"), as some pages' JSON-LD writes it.
_MAIL_STAMP = re.compile(r"\b[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} (?:19|20)\d\d \d\d:\d\d(?::\d\d)? (?:GMT|UTC|[+-]\d{4})")
# Two stamps this close tell the same moment: some pages drop the seconds in one of them.
_SAME_MOMENT = timedelta(minutes=1)


def normalise_timestamp(value: str | None) -> str | None:
    """A metadata date as ``YYYY-MM-DD`` or an ISO datetime, or None if it is no date."""
    if not value or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text).isoformat()
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed.isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    found = _ISO_DATE.search(text)
    if found:
        return _valid_date(*found.groups())
    return date_in_text(text)


def day_in_page_offset(day: str | None, page_values: Iterable[str], zone: str | None = None) -> str | None:
    """The metadata ``day`` as the day where the page was published.

    A page often writes its publication time in UTC in one place (WordPress' ``article:published_time``,
    JSON-LD) and in its own offset in another (``<time datetime>``). The day is the newspaper's: where a
    UTC time on ``day`` is also written, as the same moment, with another offset, that offset's day wins.
    Without such a twin the page's offset is unknown; the site's time ``zone`` (``site_zone``), where
    known, gives the day of the UTC time, and otherwise ``day`` stays.
    """
    if not day:
        return day
    stamps = [stamp for value in page_values for stamp in _stamps(value)]
    in_utc = [stamp for stamp in stamps if stamp.utcoffset() == timedelta(0) and stamp.date().isoformat() == day]
    local_days = {
        other.date().isoformat()
        for other in stamps
        if other.utcoffset() != timedelta(0) and any(abs(other - utc) < _SAME_MOMENT for utc in in_utc)
    }
    if not local_days and zone is not None:
        local_days = _days_in_zone(in_utc, zone)
    return local_days.pop() if len(local_days) == 1 else day


def site_zone(country: str | None) -> str | None:
    """The time zone of a country that has only one (CLDR's territory table: BO → America/La_Paz), or None
    where the country has several (US, BR) or is unknown: there the site's hour cannot be told."""
    zones = get_global("territory_zones").get(country or "", [])
    return zones[0] if len(zones) == 1 else None


def _days_in_zone(stamps: list[datetime], zone: str) -> set[str]:
    try:
        where = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):  # a system without the time-zone database
        return set()
    return {stamp.astimezone(where).date().isoformat() for stamp in stamps}


def _stamps(value: str) -> list[datetime]:
    found = []
    for text in _STAMP.findall(value):
        try:
            found.append(datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            continue
    for text in _MAIL_STAMP.findall(value):
        try:
            stamp = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            continue
        if stamp.tzinfo is not None:  # "-0000" means an unknown offset: such a time is read as naive
            found.append(stamp)
    return found


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    year, month, day = [group for group in match.groups() if group is not None]
    return _valid_date(year, month, day)


def date_in_text(text: str) -> str | None:
    """The first full date (day, month name or number, year) near the top of ``text`` that is no
    other day's: a date said to be yesterday or tomorrow ("gestern, am Dienstag, dem 31. März
    2026") names the day of an event, not the day of writing, and is left to the annotate stage."""
    head = text[:SETTINGS.dateline_window]
    candidates = []
    found = _ISO_DATE.search(head)
    if found:
        candidates.append((found.start(), _valid_date(*found.groups())))
    for pattern, order in _month_patterns():
        for match in pattern.finditer(head):
            parts = dict(zip(order, match.groups(), strict=True))
            month = _month_number(parts["month"])
            if month and not _said_other_day(head[:match.start()]):
                candidates.append((match.start(), _valid_date(parts["year"], str(month), parts["day"])))
                break
    candidates = [item for item in candidates if item[1]]
    return min(candidates)[1] if candidates else None


def _said_other_day(before: str) -> bool:
    """A day word other than "today" (``relative_days`` of any language's ``dates.toml``) right
    before a date: only punctuation, a weekday and short words ("am", "dem") between."""
    return _other_day_before().search(before) is not None


@cache
def _other_day_before() -> re.Pattern[str]:
    """The pattern of :func:`_said_other_day`, built once from every language's data."""
    words: set[str] = set()
    cased: set[str] = set()
    for language in lang.available_languages():
        data = lang.load(language, "dates")
        parts = data.get("relative_day_parts", {})
        words |= {word for word, value in data.get("relative_days", {}).items() if value and word not in parts}
        cased |= set(data.get("lower_case_relative_days", ()))
    weekdays = {name.lower() for language in lang.available_languages()
                for name in get_day_names("wide", locale=language).values()}
    separator = r"[\s,:()\-–—]+"
    between = rf"(?:(?i:{lang.rule_alternation(weekdays)}){separator}|\w{{1,5}}{separator}){{0,3}}"
    # a word the language writes in lower case to mean the day ("morgen") is another word capitalised ("Morgen")
    said = "|".join([rf"(?i:{lang.rule_alternation(words - cased)})", lang.rule_alternation(cased)])
    return re.compile(rf"(?<!\w)(?:{said}){separator}{between}$")


@cache
def _month_lookup() -> dict[str, int]:
    names: dict[str, int] = {}
    for language in lang.available_languages():
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=language).items():
                    names[name.lower().rstrip(".")] = number
    return names


def _month_number(name: str) -> int | None:
    return _month_lookup().get(name.lower().rstrip("."))


@cache
def _month_patterns() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    months = "|".join(sorted((re.escape(name) for name in _month_lookup()), key=len, reverse=True))
    day = r"(\d{1,2})(?:er|st|nd|rd|th|\.)?"
    return (
        (re.compile(rf"\b{day}\s+({months})\.?\s+(\d{{4}})\b", re.I), ("day", "month", "year")),
        (re.compile(rf"\b({months})\.?\s+{day},?\s+(\d{{4}})\b", re.I), ("month", "day", "year")),
    )


def _valid_date(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
