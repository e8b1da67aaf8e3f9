"""The publication day from every clue an article offers: the text, the URL and the fetch day.

:mod:`newsweave.annotate.published_inference` answers when the text alone fixes a day (a dated
weekday in the lead with a year clue). Most pages do not say so much; what they do give is a
day they were fetched (a WARC record's date, a feed's build time, a JSON line's ``fetched``),
and words that place the reported events against the day of writing: a weekday ("Monday",
"lundi", "Montag"), "today/aujourd'hui/heute", "yesterday/hier/gestern", a day and month, a URL
with a year and month, a relative day set beside a date ("yesterday, March 5", "la semaine
dernière, le 1er mars", "vor zwei Tagen, am 3. Mai"). Each clue is an interval of possible days;
the answer is their intersection, with the likeliest day in it (the fetch lag and the weekday
gap weighed by their shares on the Fundus tune half), and no answer when the intersection is
empty (the clues conflict) or when no clue bounds the day from both sides. The feed's build
time arrives as the fetch day (``ingest/feeds.py``).

A page is published at most SETTINGS.published_fetch_reach days before its fetch day (a page fetched live, as a
news crawl does); an archived page fetched long after is not dated by its fetch day, which then
only bounds it from above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from newsweave.annotate.published_inference import (NAMED_WEEKDAY, Inference, clause_tense, infer_published,
                                                    is_dateline, lead_end, weekday_names_date)
from newsweave.annotate.said_day import said_day_offset
from newsweave.annotate.timex import Mention, Timex, grammar, resolve_all
from newsweave.annotate.timex_types import Grammar
from newsweave.annotate.settings import SETTINGS

# A weekday written in this many letters or fewer ("So", "Mi", "sam") is an abbreviation, and
# without a date beside it too often a common word to date an article.
ABBREVIATION = 3
# "last Saturday" is 1 to this many days before the day of writing (said on a Saturday: a week ago).
LAST_WEEKDAY_REACH = 7
# A URL with a year and month but no day ("/2024/05/slug") allows that month.
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])(?:/|-)")
_PAIR_BETWEEN = re.compile(r"[\s,:()\-–—]*(?:\w{1,3}\s+)?")
_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\b)|/((?:19|20)\d\d)(\d\d)(\d\d)/")


@dataclass(frozen=True)
class Clue:
    """Days the publication may fall on, by one clue: ``earliest`` and ``latest`` (either open),
    and ``gaps``, the days after a named weekday the publication may be (None: any)."""

    basis: str
    earliest: date | None = None
    latest: date | None = None
    weekday: int | None = None
    gaps: frozenset[int] | None = None
    evidence: Timex | None = None
    # The day this clue makes likeliest (a story's: the middle of its peers' days), if any.
    centre: date | None = None


def infer_publication(mentions: list[Mention], text: str, language: str | None, *,
                      fetched: date | None = None, url: str | None = None,
                      extra: list[Clue] | None = None) -> Inference | None:
    """The publication day with its interval and basis, or None when the clues conflict or
    leave it open. A day the text alone fixes (``infer_published``) is kept when the other
    clues allow it; otherwise the fetch day, the URL, the ``extra`` clues (the story's, from
    ``link.story_dates``) and the text's weekdays and dates are intersected."""
    clues = url_clues(url) + ([fetch_clue(fetched)] if fetched else []) + list(extra or [])
    fixed = infer_published(mentions, text, language, fetched, fetched_live=fetched is not None)
    if fixed is not None and not _weekdays_agree(fixed, mentions, text, language, fetched):
        return None  # "hier, 28 février" and "ce mardi": the text's own clues disagree
    if fixed is not None:
        if all(_allows(clue, fixed.published) for clue in clues if clue.gaps is None):
            return _bounded_above(fixed, clues)
        if fixed.earliest == fixed.latest and fetched is not None and \
                all(_allows(clue, fixed.published) for clue in _late_fetch(clues, fetched) if clue.gaps is None):
            return fixed  # the text's one day, fetched a few days late
        # the text's day and the fetch day or URL disagree: only a day named with its weekday stands
        return _fetched_after_named_day(fixed, clues, fetched)
    rules = grammar(language or "")
    if not clues:
        return None
    if rules is not None:  # a language without date words still has its fetch day and URL
        clues += text_clues(mentions, text, language, rules, fetched)
        clues += paired_clues(mentions, text, language, fetched)
    days = candidate_days(clues)
    if not days and fetched is not None:
        # The text's clues leave no day in the fetch window. Pages are sometimes fetched some
        # days late: with the wider window, an answer only where the text's clues leave one day
        # ("este domingo", fetched the Thursday after); otherwise the clues conflict.
        clues = [clue for clue in _late_fetch(clues, fetched)
                 if rules is None or not _today_in_present(clue, text, rules)]
        days = candidate_days(clues)
        days = days if days and len(days) == 1 else None
    if days is None or not days:
        return None
    basis = " + ".join(dict.fromkeys(clue.basis for clue in clues))
    evidence = [clue.evidence for clue in clues if clue.evidence is not None]
    return Inference(likeliest(days, clues), evidence, basis, days[0], days[-1])


def _bounded_above(fixed: Inference, clues: list[Clue]) -> Inference:
    """The text's interval cut at the latest day the other clues allow (the fetch day: a page is
    not published after it was fetched)."""
    latest = min([clue.latest for clue in clues if clue.latest and clue.gaps is None], default=None)
    if latest is None or fixed.latest is None or fixed.latest <= latest:
        return fixed
    return replace(fixed, latest=max(latest, fixed.published))


def _fetched_after_named_day(fixed: Inference, clues: list[Clue], fetched: date | None) -> Inference | None:
    """A day the lead names with its weekday ("Reçue mardi 29 août", "am Mittwochmorgen (12.3.)")
    before the fetch window: the fetch day bounds the publication from above only. Where the
    text's days and the fetch window share days, the first of them (nearest the named day);
    where they share none (a page fetched long after, archived), the named day. A bare weekday
    or "yesterday" far from the fetch day gives no such day (``infer_published`` needs a date)."""
    if fetched is None or not fixed.reason.startswith(NAMED_WEEKDAY) or fixed.published > fetched:
        return None
    others = [clue for clue in clues if clue.basis != "fetch date" and clue.gaps is None]
    if not all(_allows(clue, fixed.published) for clue in others):
        return None  # the URL or the story says otherwise
    latest = min(fixed.latest or fetched, fetched)
    window = fetch_clue(fetched)
    shared = [day for day in _days_between(fixed.published, latest) if _allows(window, day)]
    if shared:
        return replace(fixed, published=shared[0], earliest=shared[0], latest=shared[-1],
                       reason=fixed.reason + " + fetch date")
    return replace(fixed, latest=latest, reason=fixed.reason + ", fetched later (an upper bound)")


def _days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def _weekdays_agree(fixed: Inference, mentions: list[Mention], text: str, language: str | None,
                    fetched: date | None) -> bool:
    """A one-day answer agrees with every weekday the text says is today or yesterday."""
    rules = grammar(language or "")
    if rules is None or fixed.earliest != fixed.latest:
        return True
    said = [clue for clue in text_clues(mentions, text, language, rules, fetched)
            if clue.basis == "weekday said today/yesterday"]
    return all(_allows(clue, fixed.published) for clue in said)


def _today_in_present(clue: Clue, text: str, rules: Grammar) -> bool:
    """A weekday said today in a clause with no tense ("Le conseil vote ce mardi"): the day of
    writing when the page was fetched that week, but a plan as often when the weekday is
    not in the fetch window (written the Monday before, fetched on the Monday)."""
    return clue.basis == "weekday said today/yesterday" and clue.gaps == frozenset({0}) \
        and clue.evidence is not None and clause_tense(clue.evidence, text, rules) == 0


def fetch_clue(fetched: date) -> Clue:
    return Clue("fetch date", fetched - timedelta(days=SETTINGS.published_fetch_reach), fetched)


def _late_fetch(clues: list[Clue], fetched: date) -> list[Clue]:
    """The clues with the fetch day's window widened to SETTINGS.published_late_fetch_reach days."""
    late = Clue("fetch date, fetched late", fetched - timedelta(days=SETTINGS.published_late_fetch_reach), fetched)
    return [late if clue.basis == "fetch date" else clue for clue in clues]


def url_clues(url: str | None) -> list[Clue]:
    """A date in the URL: the day ("/2024/05/03/"), else the month ("/2024/05/")."""
    if not url:
        return []
    found = _URL_DAY.search(url)
    if found:
        year, month, day = [part for part in found.groups() if part]
        try:
            day_of = date(int(year), int(month), int(day))
        except ValueError:
            return []
        return [Clue("url", day_of, day_of)]
    found = _URL_MONTH.search(url)
    if not found:
        return []
    first = date(int(found.group(1)), int(found.group(2)), 1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return [Clue("url month", first, last)]


def text_clues(mentions: list[Mention], text: str, language: str | None, rules: Grammar,
               fetched: date | None) -> list[Clue]:
    """Weekdays named in clauses not in the future, and days the text names in the past (a
    lower bound: the article reports them)."""
    clues = []
    resolved = resolve_all(mentions, text, language, None)
    dated_weekdays, lead = _weekdays_with_dates(resolved, text, fetched), lead_end(text)
    for timex in resolved:
        if _dateline(timex, text) and (named := _named_day(timex, fetched)) is not None:
            # A wire dateline names the day the copy was filed: the publication day (it heads
            # the text, so the tense of the sentence after it does not matter).
            clues.append(Clue("dateline", named, named, evidence=timex))
            continue
        if clause_tense(timex, text, rules) > 0:
            continue  # a plan ("on Friday the court will rule") says nothing of the day of writing
        if id(timex) in dated_weekdays and timex.start < lead and not _said_last(timex, text, rules):
            # "Wednesday, March 12", "am Mittwochmorgen (12.3.)" in the lead: the event the lead
            # reports, written up within a week (as ``published_inference`` reads a dated event
            # of the lead); the two mentions are one clue.
            named = dated_weekdays[id(timex)]
            clues.append(Clue("dated weekday in the lead", named, named + timedelta(days=LAST_WEEKDAY_REACH),
                              evidence=timex))
            continue
        if timex.resolve == "weekday" and timex.weekday is not None and _abbreviated(timex.text):
            continue  # "So", "Do", "Mi" are German words as often as weekdays ("So sieht es aus")
        if timex.resolve == "weekday" and timex.weekday is not None:
            offset = said_day_offset(timex, text, rules)
            if offset is None and _said_last(timex, text, rules):
                # "last Saturday", "samedi dernier", "vergangenen Samstag", "el sábado pasado": 1 to
                # 7 days after it (modulo a week every weekday remains; the fetch window and a
                # story cut it, and the same-day prior of a bare weekday no longer applies).
                clues.append(Clue("weekday said last", weekday=timex.weekday,
                                  gaps=frozenset(gap % 7 for gap in range(1, LAST_WEEKDAY_REACH + 1)), evidence=timex))
                continue
            gaps = frozenset(range(SETTINGS.published_weekday_reach + 1)) if offset is None else frozenset({-offset})
            clues.append(Clue("weekday" if offset is None else "weekday said today/yesterday",
                              weekday=timex.weekday, gaps=gaps, evidence=timex))
        elif timex.resolve == "absolute" and timex.month and timex.day and not timex.impossible:
            day = _named_day(timex, fetched)
            if day is not None and timex.weekday is not None and _said_last(timex, text, rules):
                # "last Saturday, May 9", "el pasado sábado 9 de mayo": the 7 days after that day.
                clues.append(Clue("date said last", day + timedelta(days=1),
                                  day + timedelta(days=LAST_WEEKDAY_REACH), evidence=timex))
            elif day is not None and (fetched is None or (day - fetched).days <= SETTINGS.published_recent_days):
                # a day months after the fetch day is no report ("notes due Nov. 1, 2009" in a
                # 1989 page): the clause's tense was misread, the clue says nothing; a day just
                # after it still conflicts (the fetch day may be wrong)
                clues.append(Clue("date named", earliest=day, evidence=timex))
    return clues


def _dateline(timex: Timex, text: str) -> bool:
    """A day and month set as a wire dateline ("WASHINGTON, Aug. 19 (UPI) —")."""
    if timex.resolve != "absolute" or not timex.month or not timex.day or timex.impossible:
        return False
    return is_dateline(timex, text, strict=True)


def _weekdays_with_dates(resolved: list[Timex], text: str, fetched: date | None) -> dict[int, date]:
    """The mentions (by ``id``) that name a day with its weekday, that day: a date that carries
    its weekday, or a weekday followed by the date it names ("Mittwochmorgen (12.3.)"); a
    weekday that is not the date's is no pair (either may be a typo)."""
    found: dict[int, date] = {}
    for index, timex in enumerate(resolved):
        if timex.resolve != "absolute" or not timex.month or not timex.day or timex.impossible:
            continue
        day = _named_day(timex, fetched)
        if day is None:
            continue
        if timex.weekday is not None and day.weekday() == timex.weekday:
            found[id(timex)] = day
        before = resolved[index - 1] if index else None
        if before is not None and before.weekday == day.weekday() and weekday_names_date(before, timex, text):
            found[id(before)] = found[id(timex)] = day
    return found


def _said_last(timex: Timex, text: str, rules: Grammar) -> bool:
    """A past relative word ("last", "dernier", "vergangenen", "pasado") in the mention or right
    beside it (``relative`` words of ``lang/<iso>/dates.toml`` with value -1)."""
    before = text[max(0, timex.start - 15):timex.start].lower()
    after = text[timex.end:timex.end + 12].lower()
    words = re.findall(r"\w+", timex.text.lower())
    words += re.findall(r"\w+", before)[-2:] + re.findall(r"\w+", after)[:1]
    return any(rules.tables["relative"].get(word) == -1 for word in words)


def paired_clues(mentions: list[Mention], text: str, language: str | None, fetched: date | None) -> list[Clue]:
    """A relative day set beside a date: "yesterday, March 5" (the day after), "two days ago,
    on 3 May", "la semaine dernière, le 1er mars" (the week after that date's week). The
    offset of a relative phrase does not depend on the anchor, so one resolution gives it."""
    anchor = fetched or date(2000, 1, 3)
    resolved = resolve_all(mentions, text, language, anchor)
    clues = []
    for relative, dated in _pairs(resolved, text):
        named = _named_day(dated, fetched)
        value = as_date(relative.value) if relative.resolve in ("relative_day", "ago") else None
        if named is not None and value is not None and relative.unit in (None, "D"):
            day = named + (anchor - value)
            clues.append(Clue("relative day beside a date", day, day, evidence=relative))
        elif named is not None and relative.resolve == "relative_unit" and re.fullmatch(r"\d{4}-W\d\d", relative.value):
            weeks = _week_offset(relative.value, anchor)
            monday = named - timedelta(days=named.weekday()) + timedelta(weeks=weeks)
            clues.append(Clue("week beside a date", monday, monday + timedelta(days=6), evidence=relative))
    return clues


def _pairs(resolved: list[Timex], text: str) -> list[tuple[Timex, Timex]]:
    """(relative phrase, day and month) set side by side in one clause."""
    dated = [t for t in resolved if t.resolve == "absolute" and t.month and t.day and not t.impossible]
    relative = [t for t in resolved if t.resolve in ("relative_day", "ago", "relative_unit")]
    pairs = []
    for rel in relative:
        for day in dated:
            between = text[min(rel.end, day.end):max(rel.start, day.start)]
            # side by side: punctuation and at most one short word ("yesterday, March 5", "two
            # days ago, on 3 May", "vor zwei Tagen, am 3. Mai"); a verb between them ("March 4,
            # drew protests yesterday") makes them two events
            if len(between) <= SETTINGS.published_pair_reach and _PAIR_BETWEEN.fullmatch(between):
                pairs.append((rel, day))
                break
    return pairs


def _week_offset(value: str, anchor: date) -> int:
    """Weeks from the anchor's week to the week ``value`` names (-1 for "last week")."""
    year, week = int(value[:4]), int(value[6:8])
    monday = date.fromisocalendar(year, week, 1)
    return (anchor - timedelta(days=anchor.weekday()) - monday).days // 7


def _abbreviated(text: str) -> bool:
    """A weekday written as an abbreviation of at most ABBREVIATION letters, without a date."""
    return len(re.sub(r"\W", "", text)) <= ABBREVIATION


def _named_day(timex: Timex, fetched: date | None) -> date | None:
    """A day the text names: its own year, else the latest such day not after the fetch day."""
    assert timex.month is not None and timex.day is not None
    try:
        if timex.year_given and timex.year:
            return date(timex.year, timex.month, timex.day)
        if fetched is None:
            return None
        day = date(fetched.year, timex.month, timex.day)
        return day if day <= fetched else date(fetched.year - 1, timex.month, timex.day)
    except ValueError:
        return None


def candidate_days(clues: list[Clue]) -> list[date] | None:
    """The days every clue allows, in order; None when no clue bounds both sides."""
    earliest = max((clue.earliest for clue in clues if clue.earliest and clue.gaps is None), default=None)
    latest = min((clue.latest for clue in clues if clue.latest and clue.gaps is None), default=None)
    if earliest is None or latest is None:
        return None
    return [day for day in _days_between(earliest, latest) if all(_allows(clue, day) for clue in clues)]


def _allows(clue: Clue, day: date) -> bool:
    if clue.earliest and day < clue.earliest:
        return False
    if clue.latest and day > clue.latest:
        return False
    if clue.weekday is not None and clue.gaps is not None:
        return (day.weekday() - clue.weekday) % 7 in clue.gaps
    return True


def likeliest(days: list[date], clues: list[Clue]) -> date:
    """The allowed day the clues make likeliest: the fetch day's lag (most pages are fetched
    the day they appear) times the gap between the first weekday the text names in the past
    and the day of writing (mostly the same day or the day before). Ties go to the later day."""
    fetch = next((clue for clue in clues if clue.basis == "fetch date"), None)
    weekday = next((clue for clue in clues if clue.basis == "weekday" and clue.weekday is not None), None)
    centre = next((clue.centre for clue in clues if clue.centre is not None), None)
    if fetch is None or fetch.latest is None:
        # Without a fetch day, the day nearest the clue's centre (a story's peers), else the latest.
        return min(reversed(days), key=lambda day: abs((day - centre).days)) if centre else days[-1]
    fetched = fetch.latest

    def weight(day: date) -> float:
        lag = (fetched - day).days
        prior = SETTINGS.published_lag_prior[lag] if 0 <= lag < len(SETTINGS.published_lag_prior) else 0.0
        if centre is not None:
            prior *= SETTINGS.published_story_prior ** abs((day - centre).days)
        if weekday is not None and weekday.weekday is not None and SETTINGS.published_gap_prior:
            prior *= SETTINGS.published_gap_prior[(day.weekday() - weekday.weekday) % 7]
        return prior

    return max(reversed(days), key=weight)


def as_date(value: str | None) -> date | None:
    """The day of an ISO date or timestamp, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
