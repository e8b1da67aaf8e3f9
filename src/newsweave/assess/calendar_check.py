"""Weekdays that contradict their date, and dates that cannot exist, in any sentence shape.

The TIMEX tagger (``annotate/timex.py``) reads the date shapes its languages' ``dates.toml``
describe; a contradiction must be found whatever the shape and in languages it does not
cover: "Saturday, November 4, 2016", « mardi 27/10/2024 », "27. Januar 2017 (Dienstag)",
"sábado 20 de diciembre de 2019", "31 September", "29.02.2026". This module reads dates
with a few shape patterns built from the month and weekday names of ``[calendar]`` in
``lang/<iso>/trust.toml`` (day-month-year, month-day-year, numeric) and attaches a weekday
written next to the date, before it, after it in brackets, or after it in apposition
("on 5 September, a Friday", „am 5. September, einem Freitag“; ``[calendar] apposition``).

Numeric dates are read day first; in English, where "4/11/2016" may be month first, a date
is called impossible or contradicted only if both readings are.

A weekday written beside a day told from the article's own date ("yesterday (Tuesday)",
« hier mardi », „heute, Freitag“, «mañana sábado») must be that day's weekday; the words are
``day_before``, ``same_day`` and ``day_after`` of ``[calendar]``. Only a publication date that
was given, not guessed from the text, can contradict them.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from newsweave import lang
from newsweave.assess.textual import TRUST_FILE
from newsweave.model import Article, Flag
from newsweave.assess.settings import SETTINGS

KIND = "date_inconsistent"
# Languages whose numeric dates may be written month first.
MONTH_FIRST_NUMERIC = frozenset({"en"})
# How sure each finding is (docs/quality.md): an impossible date or a contradiction with
# the year written is near certain; with the year taken from the article's date, less so.
CONFIDENCE = {"impossible": 0.95, "weekday": 0.9, "weekday_inferred_year": 0.6, "relative_day": 0.6}
# The ``[calendar]`` lists of days told from the article's date, with their distance from it.
RELATIVE_DAYS = {"day_before": -1, "same_day": 0, "day_after": 1}


@dataclass(frozen=True)
class Written:
    start: int
    end: int
    days: tuple[tuple[int, int], ...]  # the (day, month) readings
    year: int | None
    weekday: int | None


@cache
def _calendar(language: str) -> tuple[re.Pattern[str], ...] | None:
    table = lang.load(language, TRUST_FILE).get("calendar", {})
    months, weekdays = table.get("months", []), table.get("weekdays", [])
    if len(months) != 12 or len(weekdays) != 7:
        return None
    month = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    weekday = "|".join(sorted((re.escape(w) for w in weekdays), key=len, reverse=True))
    joiners = "|".join(re.escape(j) for j in table.get("joiners", []))
    gap = rf"(?:[, \t]|\b(?:{joiners})\b)*" if joiners else r"[, \t]*"
    before = rf"(?:(?P<wd>\b(?:{weekday})\b){gap})?"
    # Spaces, never a line break: a number ending one line and a month opening the next are
    # no date ("91\nJune" in one-sentence-per-line copy).
    after = rf"(?:[ \t]*\((?P<wd2>{weekday})\){_apposition(table, weekday)})?"
    year = r"(?:,?[ \t]+(?:de[ \t]+)?(?P<year>\d{4})\b)?"
    shapes = [
        rf"\b(?P<day>\d{{1,2}})(?:\.|er|st|nd|rd|th)?[ \t]+(?:de[ \t]+|of[ \t]+)?(?P<month>{month})\b{year}",
        rf"\b(?P<month>{month})[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{year}",
        r"\b(?P<day>\d{1,2})[./](?P<num_month>\d{1,2})[./](?P<year>\d{4})\b",
    ]
    return tuple(re.compile(before + shape + after, re.IGNORECASE) for shape in shapes)


def _apposition(table: dict, weekday: str) -> str:
    """The alternative for a weekday in apposition after its date: a comma, one of the
    ``[calendar] apposition`` words (an article: "a", „einem“, « un », «un») and the weekday, which a
    comma, a stop, a bracket or a dash closes ("on 5 September, a Friday, …"). Another word after
    the weekday may make it a name or an attribute ("On 12 March, a Sunday Times inquiry"): no weekday
    is read then."""
    words = "|".join(sorted((re.escape(w) for w in table.get("apposition", [])), key=len, reverse=True))
    if not words:
        return ""
    return rf"|,[ \t]+(?:{words})[ \t]+(?P<wd3>{weekday})(?=[ \t]*[,.;:)–—\n]|[ \t]+-|$)"


def calendar_flags(article: Article, taken: list[tuple[int, int]]) -> list[Flag]:
    """Flags for written dates that no earlier check (``taken`` spans) has flagged."""
    language = article.language or ""
    patterns = _calendar(language)
    if not patterns:
        return []
    months = [m.lower() for m in lang.load(language, TRUST_FILE)["calendar"]["months"]]
    weekdays = [w.lower() for w in lang.load(language, TRUST_FILE)["calendar"]["weekdays"]]
    # The year of a weekday-and-day date comes from the article's date only when that date
    # was given, not guessed from the text.
    published_year = int(article.published[:4]) if article.published and article.published[:4].isdigit() \
        and article.published_basis != "inferred" else None
    flags: list[Flag] = []
    seen: list[tuple[int, int]] = list(taken)
    flags += _relative_day_flags(article, seen)
    for written in _dates(article.text, patterns, months, weekdays, language):
        if any(s < written.end and written.start < e for s, e in seen):
            continue
        flag = _check(article, written, published_year)
        if flag:
            flags.append(flag)
            seen.append((written.start, written.end))
    return flags


def _dates(text: str, patterns: tuple[re.Pattern[str], ...], months: list[str], weekdays: list[str], language: str) -> list[Written]:
    found = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            day = int(match.group("day"))
            if not 1 <= day <= 31:
                continue  # "80 de julio" is a count, not a date
            if match.groupdict().get("num_month"):
                number = int(match.group("num_month"))
                readings = [(day, number)]
                if language in MONTH_FIRST_NUMERIC:
                    readings.append((number, day))
            else:
                readings = [(day, months.index(match.group("month").lower()) + 1)]
            readings = [(d, m) for d, m in readings if 1 <= m <= 12]
            if not readings:
                continue
            name = match.group("wd") or match.group("wd2") or match.groupdict().get("wd3")
            year = int(match.group("year")) if match.group("year") else None
            found.append(Written(match.start(), match.end(), tuple(readings), year, weekdays.index(name.lower()) if name else None))
    return found


def _exists(day: int, month: int, year: int | None) -> bool:
    return 1 <= day <= calendar.monthrange(year if year else 2000, month)[1]  # 2000: a leap year, so 29 Feb stands


def _check(article: Article, written: Written, published_year: int | None) -> Flag | None:
    span = [article.span(written.start, written.end)]
    text = article.text[written.start : written.end]
    if not any(_exists(d, m, written.year) for d, m in written.days):
        day, month = written.days[0]
        why = f"{calendar.month_name[month]} {written.year} has no day {day}" if month == 2 and written.year else \
              f"{calendar.month_name[month]} has no day {day}"
        return Flag(KIND, "error", f"“{text}” is not a date: {why}.", span, CONFIDENCE["impossible"])
    year = written.year or published_year
    if written.weekday is None or year is None:
        return None
    real = [date(year, m, d) for d, m in written.days if _exists(d, m, year)]
    if not real or any(day.weekday() == written.weekday for day in real):
        return None
    actual = real[0]
    how = "" if written.year else " (year taken from the article's date)"
    return Flag(KIND, "warning",
                f"“{text}” names a {calendar.day_name[written.weekday]} but {actual.isoformat()} is a "
                f"{calendar.day_name[actual.weekday()]}{how}.",
                span, CONFIDENCE["weekday" if written.year else "weekday_inferred_year"])


@cache
def _relative_days(language: str) -> tuple[re.Pattern[str], dict[str, int], frozenset[str], tuple[str, ...]] | None:
    """The pattern of a day told from the article's date followed by a weekday, each word's distance,
    the words after which none is a day, and the weekdays (Monday first), lower case."""
    table = lang.load(language, TRUST_FILE).get("calendar", {})
    shifts = {word.lower(): shift for key, shift in RELATIVE_DAYS.items() for word in table.get(key, [])}
    weekdays = table.get("weekdays", [])
    if not shifts or len(weekdays) != 7:
        return None
    words = "|".join(sorted((re.escape(w) for w in shifts), key=len, reverse=True))
    weekday = "|".join(sorted((re.escape(w) for w in weekdays), key=len, reverse=True))
    # A comma, an opening bracket or a space between them: "yesterday, Tuesday", "today (Monday)".
    pattern = re.compile(rf"(?<!\w)(?P<rel>{words})(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*|[ \t]+)(?P<wd>{weekday})\b(?:[ \t]*\))?", re.IGNORECASE)
    return (pattern, shifts, frozenset(w.lower() for w in table.get("not_a_day_after", [])),
            tuple(w.lower() for w in weekdays))


def _relative_day_flags(article: Article, seen: list[tuple[int, int]]) -> list[Flag]:
    """Weekdays that are not the weekday of the day told beside them ("yesterday, Tuesday")."""
    found = _relative_days(article.language or "")
    published = _given_date(article)
    if found is None or published is None:
        return []
    pattern, shifts, not_after, weekdays = found
    flags = []
    for match in pattern.finditer(article.text):
        if not _written_as_day(article.text, match.start(), match.group("rel")) or _word_before(article.text, match.start()) in not_after:
            continue
        if any(s < match.end() and match.start() < e for s, e in seen):
            continue
        told = published + timedelta(days=shifts[match.group("rel").lower()])
        named = weekdays.index(match.group("wd").lower())
        if told.weekday() == named:
            continue
        seen.append((match.start(), match.end()))
        flags.append(Flag(KIND, "warning",
                          f"“{match.group(0)}” names a {calendar.day_name[named]} but that day ({told.isoformat()}, "
                          f"told from the article's date) is a {calendar.day_name[told.weekday()]}.",
                          [article.span(match.start(), match.end())], CONFIDENCE["relative_day"]))
    return flags


def _given_date(article: Article) -> date | None:
    if not article.published or article.published_basis in ("inferred", "unknown"):
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _written_as_day(text: str, start: int, word: str) -> bool:
    """In lower case, or capitalised where a sentence opens: German "Morgen" inside a sentence is a morning or a paper's name."""
    if word.islower():
        return True
    before = text[:start].rstrip()
    return word[:1].isupper() and word[1:].islower() and (not before or before[-1] in ".!?:\"“„«")


def _word_before(text: str, start: int) -> str:
    words = re.findall(r"\w+", text[max(0, start - 20):start])
    return words[-1].lower() if words else ""
