"""Infer an article's publication date from its own words when metadata lacks it.

It answers only when the clues fix a day, and gives nothing when they disagree: a wrong date
misdates every relative expression of the article, no date leaves them unresolved.

Year clues, strongest first: a year counted from ("the fourth anniversary of the 2022
invasion" → 2026, "two years after the 2022 invasion", a widely reported event of
``lang/<iso>/time_anchors.toml``), the latest full date of a clause not in the future, the latest
year named in a past clause (a lower bound), the terms of office holders named in office
(``lang/_base/time_anchors.toml``). Without any, a page fetched live may still be dated by a
recent day (``today``); an archived one is not.

Day clues, in the lead (two sentences) or said to be today: a weekday with a day and month
("Wednesday February 28", "mardi 25 février"), the year being the fit nearest the year clue; a
full date with its weekday (a wrong weekday is a contradiction: no date); a dateline read with
the lead's first weekday ("TEHRAN, August 8 (Agency) -- Iran Saturday condemned"); a day and
month said to be today or yesterday ("Hier, 5 mars, …"). "Yesterday" in the clause moves the
day by one. The result carries the interval of days the clues allow and the mentions used, as
evidence the article can show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from newsweave import lang
from newsweave.annotate.said_day import said_today
from newsweave.annotate.timex import Mention, Timex, grammar, resolve_all
from newsweave.annotate.timex_types import Grammar
from newsweave.annotate.timex_values import ResolveContext
from newsweave.annotate.settings import SETTINGS



# The reason given for a day the lead names with its weekday (``published_clues`` reads it).
NAMED_WEEKDAY = "weekday and date"
# resolvers of a year or longer: the present tense does not put them ahead
YEAR_RESOLVERS = frozenset({"year", "decade", "century"})


@dataclass
class Inference:
    published: date
    evidence: list[Timex] = field(default_factory=list)
    reason: str = ""
    # the days the clues allow (the publication day is one of them); ``published`` is the
    # likeliest, usually the day of the dated event the lead reports
    earliest: date | None = None
    latest: date | None = None


def infer_published(mentions: list[Mention], text: str, language: str | None, today: date | None = None,
                    *, fetched_live: bool = False) -> Inference | None:
    """The publication date the text implies, or None when it gives too little or its
    clues disagree (no answer is better than a wrong one). ``today`` is the day the page was
    fetched, when it was fetched live: publication is not later, and, when the text names no
    year, a weekday and date within SETTINGS.published_recent_days before it date the text; None when unknown.
    ``fetched_live``: ``today`` is the input's own fetch day (not the run day), so a weekday and
    date that fit a recent day before it outrank a year the text names only as a lower bound."""
    unanchored = resolve_all(mentions, text, language, None)
    rules = grammar(language or "")
    if rules is None:
        return None
    tenses = {(t.start, t.end): clause_tense(t, text, rules) for t in unanchored}
    unanchored = [t for t in unanchored if tenses[(t.start, t.end)] <= 0 or t.resolve == "anniversary"]
    past = {span for span, tense in tenses.items() if tense < 0}
    anchor_year, anchor_evidence, lower_bound = _anchor_year(unanchored, _event_years(text, language or ""), text, past)
    allowed, office_evidence = _office_years(text, language or "")
    recent_only = anchor_year is None and not allowed
    if recent_only and today is None:
        return None  # a weekday fits a day and month once every few years: without a year clue it is a guess
    lead = lead_end(text)
    day_months = [t for t in unanchored if t.resolve == "absolute" and not t.year_given and t.month and t.day
                  and (t.start < lead or said_today(t, text, rules))]
    day_months = [t for t in day_months if t.month is not None and t.day is not None]
    with_weekday = [t for t in day_months if t.weekday is not None] + _weekdays_set_before_dates(day_months, unanchored, text) \
        or _dateline_with_lead_weekday(day_months, unanchored, text)
    reference = anchor_year or max(allowed or {today.year if today else 0})
    fitted = []
    for timex in with_weekday:
        recent = _recent_fit(timex, today) if fetched_live and lower_bound and today is not None else None
        if recent is not None:
            fitted.append((recent, timex))
            continue
        year = _year_for_weekday(timex, reference, latest=None if anchor_year and not lower_bound else today,
                                 allowed=allowed, at_least=anchor_year if lower_bound else None)
        assert timex.month is not None and timex.day is not None
        if year is not None and recent_only and today is not None and \
                not 0 <= (today - date(year, timex.month, timex.day)).days <= SETTINGS.published_recent_days:
            continue  # with only the fetch day as clue, the fit must be a recent day
        if year is not None and (not lower_bound or anchor_year is None or year - anchor_year <= SETTINGS.published_lower_bound_reach):
            fitted.append((date(year, timex.month, timex.day), timex))
    for timex in _full_dates_with_weekday(unanchored, text, rules, lead):
        assert timex.year is not None and timex.month is not None and timex.day is not None
        day = date(timex.year, timex.month, timex.day)
        if day.weekday() != timex.weekday:
            return None  # "mardi 25 février 2026" is a Wednesday: the text contradicts itself
        fitted.append((day, timex))
    if fitted:
        if len({day.year for day, _ in fitted}) > 1:
            return None  # two dated weekdays of the lead in different years: the clues disagree
        day, timex = max(fitted, key=lambda item: item[0])
        around = _around_event(day, timex, text, rules, [*anchor_evidence, *office_evidence],
                               NAMED_WEEKDAY + (" near the year the text gives" if anchor_year else ""))
        narrowed = _today_after_dated_weekday(unanchored, text, rules, anchor_year, lower_bound, allowed, today, past) \
            if around.earliest != around.latest else None
        if narrowed is not None and around.earliest and around.latest and \
                around.earliest <= narrowed.published <= around.latest:
            return narrowed  # the event's week, and the weekday of writing in it
        return around
    after_dated = _today_after_dated_weekday(unanchored, text, rules, anchor_year, lower_bound, allowed, today, past)
    if after_dated is not None:
        return after_dated
    said_dates = day_months + [t for t in unanchored if t.resolve == "absolute" and t.year_given and t.year
                               and t.month and t.day and not t.impossible and t.start < lead]
    said = _said_relative_day(said_dates, text, rules, None if lower_bound else anchor_year, today)
    if said is not None:
        return Inference(said[0], [said[1], *anchor_evidence], "date said to be today or yesterday", said[0], said[0])
    counted = anchor_year is not None and not lower_bound and anchor_evidence and \
        anchor_evidence[0].resolve in ("anniversary", "duration", "ago")
    datelines = [t for t in day_months if is_dateline(t, text)]
    if counted and datelines:
        timex = datelines[0]
        try:
            day = date(anchor_year, timex.month, timex.day)  # type: ignore[arg-type]
        except ValueError:
            return None
        return Inference(day, [timex, *anchor_evidence], "dateline in the year the text counts to", day, day)
    return None


def _today_after_dated_weekday(timexes: list[Timex], text: str, rules: Grammar, anchor_year: int | None,
                               lower_bound: bool, allowed: set[int] | None, today: date | None,
                               past: set[tuple[int, int]]) -> Inference | None:
    """A weekday said to be today ("ce mercredi", "este domingo", "today, Wednesday") after a
    day the text names with its weekday ("Mardi 29 août", anywhere, in a clause in the past:
    an untensed one may be a plan, "Rendez-vous jeudi 5 septembre"):
    the first such weekday on or after the latest named day, at most a week after it. Without a
    year the named day is fitted near the text's year clue, as a dated weekday of the lead is.
    Today-weekdays that disagree, or a named day after the answer, give nothing."""
    said = [t for t in timexes if t.resolve == "weekday" and t.weekday is not None and said_today(t, text, rules)]
    if not said or len({t.weekday for t in said}) > 1:
        return None
    named: list[tuple[date, Timex]] = []
    for timex in timexes:
        if timex.resolve != "absolute" or timex.weekday is None or timex.impossible or not timex.month or not timex.day \
                or (timex.start, timex.end) not in past:
            continue
        if timex.year_given and timex.year:
            year: int | None = timex.year
        elif anchor_year is None and not allowed:
            continue  # a weekday fits a day and month once every few years: no year clue, no fit
        else:
            year = _year_for_weekday(timex, anchor_year or max(allowed or {0}), latest=today, allowed=allowed,
                                     at_least=anchor_year if lower_bound else None)
        try:
            day = date(year, timex.month, timex.day) if year else None
        except ValueError:
            day = None
        if day is None or day.weekday() != timex.weekday:
            return None  # a weekday that is not its date's: the text contradicts itself
        named.append((day, timex))
    if not named:
        return None
    latest, evidence = max(named, key=lambda item: item[0])
    weekday = said[0].weekday
    assert weekday is not None
    published = latest + timedelta(days=(weekday - latest.weekday()) % 7)
    if today is not None and published > today:
        return None
    return Inference(published, [said[0], evidence], "weekday said today after a dated weekday", published, published)


def _said_relative_day(day_months: list[Timex], text: str, rules: Grammar, year: int | None,
                       today: date | None) -> tuple[date, Timex] | None:
    """"Yesterday, March 5, …", "hier 5 mars", "heute, 5. März", "ayer, 9 de marzo de 2020": the
    day and month, in its own year or the year the text gives (or, for a page fetched live, the
    recent one), shifted by the word. Two such clues that disagree give nothing."""
    found: set[date] = set()
    first: Timex | None = None
    for timex in day_months:
        offset = _clause_day_offset(timex, text, rules)
        if offset is None or timex.month is None or timex.day is None:
            continue
        day_year = timex.year if timex.year_given else year
        if day_year is None and today is not None:
            day_year = today.year if (timex.month, timex.day) <= (today.month, today.day) else today.year - 1
            try:
                if (today - date(day_year, timex.month, timex.day)).days > SETTINGS.published_recent_days:
                    continue
            except ValueError:
                continue
        if day_year is None:
            continue
        try:
            found.add(date(day_year, timex.month, timex.day) - timedelta(days=offset))
        except ValueError:
            return None
        first = first or timex
    return (found.pop(), first) if len(found) == 1 and first is not None else None


def _clause_day_offset(timex: Timex, text: str, rules: Grammar) -> int | None:
    """-1 when the clause around the mention says "yesterday", 0 "today", else None."""
    start = max(text.rfind(". ", 0, timex.start), text.rfind("\n", 0, timex.start), timex.start - 60, 0)
    stop = timex.end + 40
    ending = re.search(r"[.!?\n]", text[timex.end:stop])
    before = text[start:timex.start].lower()
    after = text[timex.end:timex.end + (ending.start() if ending else 40)].lower()
    # the word beside the date, at most two short words between ("hier soir, le 5 mars"): a
    # longer stretch is another event of the sentence ("proposed on March 4, drew protests
    # yesterday")
    between = r"[\s,:()\-–—]*(?:\w{1,5}[\s,:()\-–—]+){0,2}"
    words = {value for word, value in rules.tables["relative_days"].items()
             if value in (-1, 0) and word not in rules.tables.get("relative_day_parts", {})
             and (re.search(rf"(?<!\w){re.escape(word)}(?!\w){between}$", before)
                  or re.match(rf"{between}{re.escape(word)}(?!\w)", after))}
    return words.pop() if len(words) == 1 else None


def _full_dates_with_weekday(timexes: list[Timex], text: str, rules: Grammar, lead: int) -> list[Timex]:
    """Full dates named with their weekday in the lead ("Tuesday, March 5, 2024")."""
    return [t for t in timexes if t.resolve == "absolute" and t.year_given and t.weekday is not None
            and not t.impossible and t.year and t.month and t.day
            and (t.start < lead or said_today(t, text, rules))]


def weekday_names_date(weekday: Timex, dated: Timex, text: str) -> bool:
    """A weekday set right before a day and month, only a comma or an opening bracket between
    ("am Mittwochmorgen (12.3.)", "Wednesday, 12.3."): the weekday names that date."""
    return weekday.resolve == "weekday" and weekday.weekday is not None and weekday.end <= dated.start \
        and re.fullmatch(r"[\s,(]*", text[weekday.end:dated.start]) is not None


def _weekdays_set_before_dates(day_months: list[Timex], timexes: list[Timex], text: str) -> list[Timex]:
    """The days and months of the lead that a weekday right before them names, as one dated
    weekday each ("Die Polizei hat am Mittwochmorgen (12.3.) …"); the year is then fitted to
    that weekday as for "mercredi 12 mars"."""
    combined = []
    for dated in day_months:
        weekdays = [t for t in timexes if t.weekday is not None and weekday_names_date(t, dated, text)]
        if dated.weekday is None and weekdays:
            combined.append(replace(dated, weekday=weekdays[-1].weekday))
    return combined


def _dateline_with_lead_weekday(day_months: list[Timex], timexes: list[Timex], text: str) -> list[Timex]:
    """A dateline without weekday ("TEHRAN, August 8 (Agency) --") read with the first weekday
    the lead names ("Iran Saturday condemned …"): wire copy names the day of its dateline."""
    datelines = [t for t in day_months if t.weekday is None and is_dateline(t, text)]
    weekdays = [t for t in timexes if t.resolve == "weekday" and t.weekday is not None]
    if not datelines or not weekdays:
        return []
    dateline, weekday = datelines[0], min(weekdays, key=lambda t: t.start)
    combined = Timex(dateline.start, dateline.end, dateline.text, dateline.type, dateline.value,
                     resolve=dateline.resolve, month=dateline.month, day=dateline.day, weekday=weekday.weekday)
    return [combined]


# A dateline is a date opening its line, perhaps after a place and an agency, with perhaps the
# year and the agency after it, then a closer. Two strengths share that shape. The loose one
# (``is_dateline``): before the date nothing, or a place (capitalised words, "PARIS", "Santa
# Cruz de Tenerife", "PASADENA, Calif.") and perhaps its agency, then a comma ("GENEVA, 3 May
# —", "Madrid (EFE), 5 de marzo.-", "Samedi 8 juin — Le club …"), closed by a dash, a colon or
# the line's end. The wire one (``strict``): a place in capitals and a comma before the date,
# a dash after it ("LOS ANGELES, Feb. 2 (UPI) —", "PARIS, 5 mars (AFP) -"); that shape is news
# copy's own dateline, so the clues read it as the day of writing wherever it stands.
_PLACE_NAME = r"[A-ZÀ-ÖØ-Þ][\w.'’/-]*(?:[ \t]+(?:[A-ZÀ-ÖØ-Þ][\w.'’/-]*|de|del|am|an|la|le|sur|upon|on)){0,4}"
_DATELINE_PLACE = re.compile(rf"(?:^|\n)[ \t]*(?:{_PLACE_NAME}(?:,[ \t]*{_PLACE_NAME})?"
                             r"(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*,[ \t]*)?$")
_WIRE_PLACE = re.compile(r"(?:^|\n)[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'’-]{1,40},[ \t]*$")
# The tail both share: perhaps the year, perhaps the agency in brackets.
_DATELINE_TAIL = r"(?:,?[ \t]*\d{4})?[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*"
_DATELINE_END = re.compile(_DATELINE_TAIL + r"(?:\.?[—–-]{1,2}|_|:|\.?[ \t]*(?:\n|$))")
_WIRE_END = re.compile(_DATELINE_TAIL + r"(?:[—–-]{1,2}|_)")
# How far before the date a wire dateline's place may begin, and after it its dash.
_WIRE_BEFORE, _WIRE_AFTER = 60, 40


def is_dateline(timex: Timex, text: str, *, strict: bool = False) -> bool:
    """The date is set as a dateline: opening its line (perhaps after a place and an agency)
    and closed by a dash, a colon or the line's end, near the start of the text. A date inside
    the lead's first sentence ("Le 5 mars, le conseil a voté …") is none. ``strict``: a wire
    dateline, a place in capitals before the date and a dash after it, anywhere in the text."""
    if strict:
        start = max(0, timex.start - _WIRE_BEFORE)
        # the windows cut as slices: "^" matches at a window's start, as it always did here
        return bool(_WIRE_PLACE.search(text[start:timex.start])
                    and _WIRE_END.match(text[timex.end:timex.end + _WIRE_AFTER]))
    if timex.start >= SETTINGS.published_dateline_reach:
        return False
    line_start = text.rfind("\n", 0, timex.start) + 1
    return bool(_DATELINE_PLACE.search(text, max(0, line_start - 1), timex.start)
                and _DATELINE_END.match(text, timex.end))


def clause_tense(timex: Timex, text: str, rules: Grammar) -> int:
    """+1 future, -1 past, 0 unsaid, for the clause around a resolved mention."""
    mention = Mention(timex.start, timex.end, timex.text, timex.resolve)
    # a present verb makes a plan of a day, not of a year ("Le club fête … sa fondation en 2014")
    return ResolveContext(mention, text, rules, None).tense(present_is_plan=timex.resolve not in YEAR_RESOLVERS)


def lead_end(text: str) -> int:
    """Where the lead ends: the end of the second sentence, at most SETTINGS.published_lead_reach characters."""
    stops = [m.end() for m in re.finditer(r"[.!?](?:\s|$)|\n\n", text[:SETTINGS.published_lead_reach])]
    return stops[1] if len(stops) > 1 else SETTINGS.published_lead_reach


def _around_event(day: date, timex: Timex, text: str, rules: Grammar, evidence: list[Timex], reason: str) -> Inference:
    """The publication day around a dated event of the lead: that day, the day after when the
    clause says "yesterday", and up to a week after otherwise (the interval)."""
    sentence_start = max(text.rfind(". ", 0, timex.start), text.rfind("\n", 0, timex.start), 0)
    sentence_end = re.search(r"[.!?\n]", text[timex.end:])
    stop = timex.end + (sentence_end.start() if sentence_end else 200)
    clause = text[sentence_start:stop].lower()
    shifts = {value for word, value in rules.tables["relative_days"].items()
              if value in (-1, 0) and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", clause)}
    if shifts == {-1}:
        published = day + timedelta(days=1)
        return Inference(published, [timex, *evidence], reason + ", yesterday", published, published)
    if shifts == {0} or is_dateline(timex, text):
        return Inference(day, [timex, *evidence], reason + (", today" if shifts else ", dateline"), day, day)
    return Inference(day, [timex, *evidence], reason, day, day + timedelta(days=SETTINGS.published_week_after))


def _recent_fit(timex: Timex, fetched: date) -> date | None:
    """The latest day of the mention's day, month and weekday within SETTINGS.published_recent_days
    before the fetch day, if any. A year named in a past clause ("not updated since 2015") only
    bounds the publication from below; the day of a page fetched live is a recent one."""
    if timex.month is None or timex.day is None or timex.weekday is None:
        return None
    for year in (fetched.year, fetched.year - 1):
        try:
            candidate = date(year, timex.month, timex.day)
        except ValueError:
            continue
        if candidate.weekday() == timex.weekday and \
                0 <= (fetched - candidate).days <= SETTINGS.published_recent_days:
            return candidate
    return None


def _year_for_weekday(timex: Timex, reference: int, latest: date | None, allowed: set[int] | None = None,
                      at_least: int | None = None) -> int | None:
    fits: list[int] = []
    if timex.month is None or timex.day is None:
        return None
    for year in range(reference - SETTINGS.published_year_search, reference + SETTINGS.published_year_search + 1):
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


def _anchor_year(timexes: list[Timex], events: list[Timex], text: str,
                 past: set[tuple[int, int]] | None = None) -> tuple[int | None, list[Timex], bool]:
    """The year the text points at, the mentions that say so, and whether it is only a
    lower bound (the latest year named in a clause in the past: the text is at least that
    recent; a year in a clause without tense may be a plan, "en 2027")."""
    # a month with its year ("en janvier 2024") names its year as a bare year does
    years = [t for t in timexes if t.year and (t.resolve == "year" or (t.resolve == "month" and t.year_given))]
    for timex in timexes:
        counted = _counted_from_year(timex, years + events, text)
        if counted:
            return counted[0], counted[1], False
    full_dates = [t for t in timexes if t.resolve == "absolute" and t.year_given and not t.impossible]
    if full_dates:
        latest = max(full_dates, key=lambda t: (t.year, t.month or 0, t.day or 0))
        return latest.year, [latest], False
    years = [t for t in years if past is None or (t.start, t.end) in past]
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
                before = text[max(0, match.start() - SETTINGS.published_role_window):match.start()]
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
    near = [y for y in years if abs(y.start - timex.end) <= SETTINGS.published_count_window or abs(timex.start - y.end) <= SETTINGS.published_count_window]
    # Both must be in one sentence: a full stop between them breaks the link.
    near = [y for y in near if not re.search(r"[.!?]\s", text[min(y.end, timex.end):max(y.start, timex.start)])]
    if not near:
        return None
    base = min(near, key=lambda y: abs(y.start - timex.start))
    if base.year is None:
        return None
    return base.year + count, [timex, base]
