"""Find temporal expressions and resolve them to TimeML TIMEX3 values.

Recognition is a set of regular-expression patterns per language, written in
``lang/<iso>/dates.toml`` with placeholders ({month}, {weekday}, {num}, {unit}…) that this
module fills with alternations of the words in the same file and of CLDR's month and day
names (babel). Each pattern names a *resolver*; the resolvers are language-independent and
turn the matched parts into a TIMEX3 type and value relative to an anchor date (the
article's time).

Why not dateparser's ``search_dates`` alone: it returns datetimes, so it cannot express
durations (P2Y), sets (P1W), vague references (PRESENT_REF), weeks, quarters or seasons,
it takes bare numbers for dates, and it is slow on long texts (see ``bench/dates.py``,
which scores it side by side). We hand-write the small normaliser TimeML needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from babel.dates import get_day_names, get_month_names
from dateutil.relativedelta import relativedelta

from newsweave import lang

# Years outside this range are numbers, not years ("1500 people" is also caught by the
# not_year_after words); set by eye on news text, which rarely dates before 1800.
YEAR_MIN, YEAR_MAX = 1800, 2099
# How far around a match we look for tense cues ("will", "sera") when a weekday or month
# has no year: about one clause.
CUE_WINDOW = 60
DURATION_UNITS = {"S": "PT{n}S", "MIN": "PT{n}M", "H": "PT{n}H", "D": "P{n}D", "W": "P{n}W", "WE": "P{n}WE",
                  "M": "P{n}M", "Q": "P{n}Q", "Y": "P{n}Y", "DE": "P{n}DE", "CE": "P{n}CE"}
# TimeML writes quarters, decades and centuries as months and years: "three quarters" = P9M
UNIT_AS = {"Q": ("M", 3), "DE": ("Y", 10), "CE": ("Y", 100)}
TIME_UNITS = {"S", "MIN", "H"}
# How far back a quarter mention sets the granularity of "a year earlier" (about two
# paragraphs of a business story; set on the TE3 dev set's earnings reports).
QUARTER_CONTEXT = 1200


@dataclass
class Mention:
    """A matched temporal expression before resolution: its span, resolver and parts."""

    start: int
    end: int
    text: str
    resolve: str
    parts: dict[str, str] = field(default_factory=dict)


@dataclass
class Timex:
    """A resolved expression; the extra fields let later checks reason about the date."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    resolve: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # stated weekday, Monday = 0
    year_given: bool = False
    impossible: bool = False
    number: float | None = None  # ordinal of an anniversary, count of a duration
    unit: str | None = None


@dataclass(frozen=True)
class Grammar:
    """One language's compiled patterns and word tables."""

    patterns: tuple[tuple[re.Pattern[str], str], ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    tables: dict[str, dict[str, Any]]
    numeric_order: str
    future_cues: tuple[str, ...]
    not_year_after: frozenset[str]
    article_duration_after: frozenset[str] = frozenset()
    language: str = ""


def _alternation(words: Any) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) or "(?!x)x"


def _capitalised(names: Any) -> str:
    """An alternation matching only the capitalised or upper-case forms of ``names``."""
    forms = [form for name in sorted(names, key=len, reverse=True) for form in (name[:1].upper() + name[1:], name.upper())]
    return "(?-i:" + "|".join(re.escape(form) for form in forms) + ")"


def _cldr_full_names(language: str, getter: Any) -> set[str]:
    try:
        return {name.lower() for name in getter("wide", "format", locale=language).values()}
    except Exception:  # noqa: BLE001
        return set()


def _with_stop_for_short(names: dict[str, int], full: set[str], capitalised: bool) -> str:
    """Full names as they are; abbreviations only when a full stop follows ("Sun." not "Sun")."""
    long_names = [name for name in names if name in full or len(name) > 4]
    short_names = [name for name in names if name not in long_names]
    make = _capitalised if capitalised else _alternation
    return f"(?:{make(long_names)}|(?:{make(short_names)})(?=\\.))"


def _cldr_names(language: str, getter: Any, extra: dict[str, int], offset: int) -> dict[str, int]:
    names: dict[str, int] = {}
    try:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in getter(width, context, locale=language).items():
                    names[name.lower().rstrip(".")] = number + offset
    except Exception:  # noqa: BLE001 - a language babel does not know keeps only its extra names
        pass
    names.update({name.lower(): number for name, number in extra.items()})
    return names


@cache
def grammar(language: str) -> Grammar | None:
    """The compiled patterns of ``language``, or None when it has no dates.toml."""
    data = lang.load(language, "dates")
    if not data:
        return None
    numbers = {**data.get("numbers", {}), **data.get("vague_numbers", {})}
    # A month abbreviation that is also a number word ("sept" in French) would date counts.
    months = {name: number for name, number in
              _cldr_names(language, get_month_names, data.get("extra_months", {}), 0).items()
              if name not in numbers and len(name) > 2}
    weekdays = _cldr_names(language, get_day_names, data.get("extra_weekdays", {}), 0)
    ordinals = {key: value for key, value in data.get("ordinals", {}).items() if key != "ordinal_suffix"}
    suffix = data.get("ordinals", {}).get("ordinal_suffix", "(?!x)x")
    month_alt, weekday_alt = _alternation(months), _alternation(weekdays)
    if data.get("month_case_sensitive"):
        month_alt, weekday_alt = _capitalised(months), _capitalised(weekdays)
    if data.get("abbreviations_need_stop"):
        # "Sun" and "Jan" are a newspaper and a name more often than a day and a month
        full_months = _cldr_full_names(language, get_month_names) | set(data.get("extra_months", {}))
        full_days = _cldr_full_names(language, get_day_names)
        month_alt = _with_stop_for_short(months, full_months, data.get("month_case_sensitive", False))
        weekday_alt = _with_stop_for_short(weekdays, full_days, data.get("month_case_sensitive", False))
    fill = {
        "month": rf"(?P<month>{month_alt})",
        # an abbreviation's full stop ("Tues."), not a sentence's ("on Monday.")
        "weekday": rf"(?P<weekday>{weekday_alt})(?:(?<![^\W\d_]{{5}})\.)?",
        "day": r"(?P<day>[0-3]?\d)",
        "year": rf"(?<![\d$€£.,])(?P<year>(?:1[89]|20)\d\d)(?![\d%]|[.,]\d)",
        "decade": r"(?P<decade>(?:1[89]|20)\d0)",
        "decade2": r"(?P<decade2>\d0)",
        "iso": r"(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)",
        "numeric": r"(?<![\d/])(?P<numeric>[0-3]?\d[/.][0-3]?\d[/.](?:1[89]|20)\d\d)(?![\d/])",
        "clock": r"(?P<clock>[0-2]?\d(?:[:h][0-5]\d(?:\s*[ap]\.?\s?m\b\.?)?|\s*[ap]\.?\s?m\b\.?|h(?![\w]))(?:\s+GMT|\s+UTC|\s+[ECMP][SD]T)?)",
        # three digits at most: "1988 quarter" and "2000 people" are no counts of units
        "hours": r"(?P<clock>[0-2]?\d)\s+heures?\b",
        "num": rf"(?P<num>(?<![\d,.])\d{{1,3}}(?:\.\d+)?(?![\d,])|{_alternation(numbers)})",
        "unit": rf"(?P<unit>{_alternation(data.get('units', {}))})",
        "units": _alternation(data.get("units", {})),
        "rel": rf"(?P<rel>{_alternation(data.get('relative', {}))})",
        "relday": rf"(?P<relday>{_alternation(data.get('relative_days', {}))})",
        "part": rf"(?P<part>{_alternation(data.get('parts_of_day', {}))})",
        "season": rf"(?P<season>{_alternation(data.get('seasons', {}))})",
        "ordinal": rf"(?P<ordinal>\d+{suffix}|{_alternation(ordinals)})",
        "ordsuffix": suffix,
        "mod": rf"(?P<mod>{_alternation(data.get('modifiers', {}))})",
        "vague": rf"(?P<vague>{_alternation(data.get('vague', {}))})",
        "set": rf"(?P<set>{_alternation(data.get('sets', {}))})",
        "holiday": rf"(?P<holiday>{_alternation(data.get('holidays', {}))})",
    }
    patterns = []
    for entry in data.get("pattern", []):
        body = re.sub(r"\{(\w+)\}", lambda m: fill[m.group(1)], entry["regex"])
        patterns.append((re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.I), entry["resolve"]))
    tables = {name: {k.lower(): v for k, v in data.get(name, {}).items()} for name in (
        "numbers", "vague_numbers", "units", "relative", "relative_days", "relative_day_parts",
        "parts_of_day", "seasons", "modifiers", "vague", "sets", "holidays")}
    tables["ordinals"] = {k.lower(): v for k, v in ordinals.items()}
    cues = data.get("cues", {})
    return Grammar(tuple(patterns), months, weekdays, tables, data.get("numeric_order", "dmy"),
                   tuple(cues.get("future", ())), frozenset(word.lower() for word in cues.get("not_year_after", ())),
                   frozenset(word.lower() for word in cues.get("article_duration_after", ())), language)


def find_mentions(text: str, language: str | None) -> list[Mention]:
    """All temporal expressions of ``text``, longest first where they overlap."""
    rules = grammar(language or "")
    if rules is None:
        return []
    candidates: list[tuple[int, int, int, Mention]] = []
    for index, (pattern, resolve) in enumerate(rules.patterns):
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            parts = {key: value for key, value in match.groupdict().items() if value is not None}
            mention = Mention(match.start(), match.end(), match.group(0), resolve, parts)
            if _is_false_date(mention, text, rules):
                continue
            candidates.append((-(match.end() - match.start()), index, match.start(), mention))
    candidates.sort(key=lambda item: (item[0], item[1], item[2]))
    taken: list[Mention] = []
    for *_, mention in candidates:
        if all(mention.end <= other.start or mention.start >= other.end for other in taken):
            taken.append(mention)
    return sorted(taken, key=lambda mention: mention.start)


def _is_false_date(mention: Mention, text: str, rules: Grammar) -> bool:
    """Numbers that look like dates but are money, counts or scores."""
    before = text[max(0, mention.start - 2):mention.start]
    if re.search(r"[$€£¥#]\s*$|\d[.,]$", before):
        return True
    if mention.resolve in ("year", "absolute", "month") and "year" in mention.parts:
        following = text[mention.end:mention.end + 30].split()
        if following and following[0].lower().strip(".,;:") in rules.not_year_after:
            return True
        if re.match(r"\s*[-–]\s*\d", text[mention.end:mention.end + 4]) and mention.resolve == "year" \
                and not re.match(r"\s*[-–]\s*(?:1[89]|20)\d\d", text[mention.end:mention.end + 8]):
            return True  # "2010-3" is a score or a range of counts, "2010-2012" a range of years
    if mention.resolve in ("duration", "ago") and re.match(r"[\s-]+(?:old|aged)\b", text[mention.end:mention.end + 8]):
        return True  # an age ("6-year-old") is no temporal expression in TimeML
    if mention.resolve == "duration" and rules.article_duration_after and re.match(r"an?\s", mention.text.lower()):
        previous = re.findall(r"[\w']+", text[max(0, mention.start - 20):mention.start].lower())
        if not previous or previous[-1] not in rules.article_duration_after:
            return True  # "$2 million a year", "seats a week": a rate, not a duration
    if mention.resolve == "duration" and re.match(r"\s+of\b", text[mention.end:mention.end + 4]) and \
            re.search(r"quarters?$", mention.text.lower()):
        return True  # "three-quarters of its food"
    if mention.resolve == "month" and set(mention.parts) <= {"month"} and re.match(r"\s+of\s+the\b", text[mention.end:mention.end + 8]):
        return True  # "the March of the Mothers"
    if mention.resolve == "absolute" and "day" in mention.parts and int(mention.parts["day"]) == 0:
        return True
    return False


# ---- resolution -----------------------------------------------------------------------


def resolve_all(mentions: list[Mention], text: str, language: str | None, anchor: date | None) -> list[Timex]:
    rules = grammar(language or "")
    if rules is None:
        return []
    resolved: list[Timex] = []
    for mention in mentions:
        timex = resolve_mention(mention, text, rules, anchor)
        if timex is not None:
            _follow_quarter_context(timex, resolved)
            resolved.append(timex)
    return resolved


def _follow_quarter_context(timex: Timex, before: list[Timex]) -> None:
    """"A year earlier" right after "the third quarter" means that quarter a year before
    (HeidelTime's rule of the last mentioned granularity, for quarters only)."""
    if timex.resolve not in ("ago", "relative_unit") or not re.fullmatch(r"\d{4}", timex.value):
        return
    if not re.search(r"\b(?:ago|earlier|last|year-ago|year-earlier)\b", timex.text.lower()):
        return
    for previous in reversed(before):
        if timex.start - previous.end > QUARTER_CONTEXT:
            return
        quarter = re.fullmatch(r"(\d{4})-Q([1-4])", previous.value) if previous.resolve == "quarter" else None
        if quarter:
            timex.value = f"{int(quarter.group(1)) - 1:04d}-Q{quarter.group(2)}"
            return


def resolve_mention(mention: Mention, text: str, rules: Grammar, anchor: date | None) -> Timex | None:
    resolver = RESOLVERS.get(mention.resolve)
    if resolver is None:
        return None
    context = _Context(mention, text, rules, anchor)
    return resolver(context)


@dataclass
class _Context:
    mention: Mention
    text: str
    rules: Grammar
    anchor: date | None

    @property
    def parts(self) -> dict[str, str]:
        return self.mention.parts

    def lookup(self, table: str, key: str) -> Any:
        return self.rules.tables[table].get(re.sub(r"\s+", " ", key.lower()))

    def number(self) -> float | str | None:
        raw = self.parts.get("num")
        if raw is None:
            return None
        if raw[0].isdigit():
            return float(raw.replace(",", "."))
        value = self.lookup("numbers", raw)
        return value if value is not None else self.lookup("vague_numbers", raw)

    def unit(self) -> str | None:
        return self.lookup("units", self.parts["unit"]) if "unit" in self.parts else None

    def mod(self) -> str | None:
        return self.lookup("modifiers", self.parts["mod"]) if "mod" in self.parts else None

    def looks_future(self) -> bool:
        """A future cue in the clause around the match ("will", "sera", "next")."""
        before = self.text[max(0, self.mention.start - CUE_WINDOW):self.mention.start]
        after = self.text[self.mention.end:self.mention.end + CUE_WINDOW // 4]
        # the clause only: a cue in the sentence before says nothing about this one
        before = re.split(r"[.!?;]\s|\n", before)[-1]
        after = re.split(r"[.!?;,]\s|\n", after)[0]
        window = (before + " " + after).lower()
        return any(re.search(rf"(?<!\w){re.escape(cue.strip())}(?!\w)", window) for cue in self.rules.future_cues)

    def timex(self, type_: str, value: str, **extra: Any) -> Timex:
        mention = self.mention
        return Timex(mention.start, mention.end, mention.text, type_, value, resolve=mention.resolve, **extra)


def _fmt(day: date, unit: str) -> str:
    """``day`` at the granularity of ``unit``: 2024-02-28, 2024-W09, 2024-02, 2024-Q1, 2024, 202."""
    if unit in ("W", "WE"):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def _shift(day: date, amount: float, unit: str) -> date:
    amount_int = int(round(amount))
    deltas = {"D": relativedelta(days=amount_int), "W": relativedelta(weeks=amount_int),
              "WE": relativedelta(weeks=amount_int), "M": relativedelta(months=amount_int),
              "Q": relativedelta(months=3 * amount_int), "Y": relativedelta(years=amount_int),
              "DE": relativedelta(years=10 * amount_int), "CE": relativedelta(years=100 * amount_int)}
    return day + deltas.get(unit, relativedelta())


def _nearest_year(anchor: date, month: int, day: int | None, future: bool) -> int:
    """The year that puts month/day nearest the anchor; a future cue breaks ties forward."""
    best = anchor.year
    best_distance = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            candidate = date(year, month, 28)
        distance = (candidate - anchor).days
        # Past expressions dominate news: a date up to ~8 months after the anchor stays in its
        # year only with a future cue.
        penalty = abs(distance) + (0 if future or distance <= 0 else 120) + (0 if not future or distance >= 0 else 120)
        if best_distance is None or penalty < best_distance:
            best, best_distance = year, penalty
    return best


def _resolve_absolute(ctx: _Context) -> Timex | None:
    parts = ctx.parts
    weekday = ctx.rules.weekdays.get(parts["weekday"].lower().rstrip(".")) if "weekday" in parts else None
    if "iso" in parts:
        year, month, day = (int(x) for x in parts["iso"].split("-"))
    elif "numeric" in parts:
        first, second, year = (int(x) for x in re.split(r"[/.]", parts["numeric"]))
        month, day = (first, second) if ctx.rules.numeric_order == "mdy" else (second, first)
    else:
        month = ctx.rules.months.get(parts["month"].lower().rstrip("."))
        day, year = int(parts["day"]), int(parts["year"]) if "year" in parts else None
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    year_given = year is not None
    if year is None and ctx.anchor is not None:
        year = _nearest_year(ctx.anchor, month, day, ctx.looks_future())
    impossible = False
    if year is not None:
        try:
            date(year, month, day)
        except ValueError:
            impossible = True
    value = f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"XXXX-{month:02d}-{day:02d}"
    return ctx.timex("DATE", value, year=year, month=month, day=day, weekday=weekday,
                     year_given=year_given, impossible=impossible)


def _resolve_month(ctx: _Context) -> Timex | None:
    month = ctx.rules.months.get(ctx.parts["month"].lower().rstrip("."))
    if not month:
        return None
    year = int(ctx.parts["year"]) if "year" in ctx.parts else None
    if year is None and ctx.anchor is not None:
        direction = ctx.lookup("relative", ctx.parts["rel"]) if "rel" in ctx.parts else None
        if direction == -1:
            year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
        elif direction == 1:
            year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
        elif direction == 0:
            year = ctx.anchor.year
        else:
            year = _nearest_year(ctx.anchor, month, None, ctx.looks_future())
    value = f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"
    return ctx.timex("DATE", value, mod=ctx.mod(), year=year, month=month, year_given="year" in ctx.parts)


def _resolve_year(ctx: _Context) -> Timex | None:
    year = int(ctx.parts["year"])
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    return ctx.timex("DATE", f"{year:04d}", mod=ctx.mod(), year=year, year_given=True)


def _resolve_decade(ctx: _Context) -> Timex | None:
    if "decade" in ctx.parts:
        return ctx.timex("DATE", ctx.parts["decade"][:3], mod=ctx.mod())
    return ctx.timex("DATE", "19" + ctx.parts["decade2"][0], mod=ctx.mod())


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _resolve_quarter(ctx: _Context) -> Timex | None:
    text = ctx.mention.text.lower()
    ordinal = _ordinal(ctx) if "ordinal" in ctx.parts else -1
    year = int(ctx.parts["year"]) if "year" in ctx.parts else None
    if (ordinal == -1 or ordinal is None) and year is not None and ctx.anchor is not None:
        last = ctx.anchor - relativedelta(months=3)
        return ctx.timex("DATE", f"{year:04d}-Q{_quarter_of(last)}")
    if ordinal == -1 or ordinal is None:
        if ctx.anchor is None:
            return ctx.timex("DATE", "XXXX-QX")
        last = ctx.anchor - relativedelta(months=3)
        if "year-ago" in text or "year-earlier" in text:
            last -= relativedelta(years=1)
        return ctx.timex("DATE", f"{last.year}-Q{_quarter_of(last)}")
    if not 1 <= ordinal <= 4:
        return None
    if year is None and ctx.anchor is not None:
        year = ctx.anchor.year if ordinal <= _quarter_of(ctx.anchor) or ctx.looks_future() else ctx.anchor.year - 1
    return ctx.timex("DATE", f"{year:04d}-Q{ordinal}" if year else f"XXXX-Q{ordinal}")


def _ordinal(ctx: _Context) -> int | None:
    raw = ctx.parts["ordinal"]
    digits = re.match(r"\d+", raw)
    if digits:
        return int(digits.group(0))
    return ctx.lookup("ordinals", raw)


def _resolve_season(ctx: _Context) -> Timex | None:
    season = ctx.lookup("seasons", ctx.parts["season"])
    year = int(ctx.parts["year"]) if "year" in ctx.parts else None
    if year is None and ctx.anchor is not None:
        direction = ctx.lookup("relative", ctx.parts["rel"]) if "rel" in ctx.parts else 0
        year = ctx.anchor.year + (direction or 0)
    return ctx.timex("DATE", f"{year:04d}-{season}" if year else f"XXXX-{season}", mod=ctx.mod())


def _resolve_relative_unit(ctx: _Context) -> Timex | None:
    unit = ctx.unit()
    if unit is None or unit in TIME_UNITS:
        return None
    text = ctx.mention.text.lower()
    if unit == "WE" and "rel" not in ctx.parts and ctx.anchor is not None:
        # "the weekend": the one just past early in the week, the coming one later in it
        weekend_week = ctx.anchor - timedelta(days=7) if ctx.anchor.weekday() < 3 else ctx.anchor
        return ctx.timex("DATE", _fmt(weekend_week, "WE"))
    if "rel" in ctx.parts:
        direction = ctx.lookup("relative", ctx.parts["rel"]) or 0
    else:
        direction = -1 if re.search(r"earlier|ago|before", text) and "this" not in text else 0
    if ctx.anchor is None:
        return ctx.timex("DATE", "PRESENT_REF" if direction == 0 else ("PAST_REF" if direction < 0 else "FUTURE_REF"))
    if unit == "D":
        return ctx.timex("DATE", _shift(ctx.anchor, direction, "D").isoformat())
    return ctx.timex("DATE", _fmt(_shift(ctx.anchor, direction, unit), unit), mod=ctx.mod())


def _resolve_weekday(ctx: _Context) -> Timex | None:
    weekday = ctx.rules.weekdays.get(ctx.parts["weekday"].lower().rstrip("."))
    if weekday is None:
        return None
    # "Friday night" keeps the day's value: news gold (TimeBank) mostly dates the day only
    type_, suffix = "DATE", ""
    if ctx.anchor is None:
        return ctx.timex(type_, f"XXXX-WXX-{weekday + 1}{suffix}", weekday=weekday)
    day = _weekday_date(ctx, weekday)
    return ctx.timex(type_, day.isoformat() + suffix, weekday=weekday, year=day.year, month=day.month, day=day.day)


def _weekday_date(ctx: _Context, weekday: int) -> date:
    """The day a weekday name points at: the last one, or the next one with a future cue."""
    assert ctx.anchor is not None
    direction = ctx.lookup("relative", ctx.parts["rel"]) if "rel" in ctx.parts else None
    back = (ctx.anchor.weekday() - weekday) % 7
    if direction == -1:
        day = ctx.anchor - timedelta(days=back or 7)
    elif direction == 1:
        day = ctx.anchor + timedelta(days=((weekday - ctx.anchor.weekday()) % 7) or 7)
    elif direction == 0:
        day = ctx.anchor + timedelta(days=weekday - ctx.anchor.weekday())
    elif ctx.looks_future() and back:
        day = ctx.anchor + timedelta(days=(weekday - ctx.anchor.weekday()) % 7)
    else:
        day = ctx.anchor - timedelta(days=back)
    return day


def _resolve_relative_day(ctx: _Context) -> Timex | None:
    offset, part = 0, None
    if "relday" in ctx.parts:
        offset = ctx.lookup("relative_days", ctx.parts["relday"]) or 0
        part = ctx.lookup("relative_day_parts", ctx.parts["relday"])
    if "part" in ctx.parts:
        part = ctx.lookup("parts_of_day", ctx.parts["part"])
        if re.search(r"\blast\b|derni", ctx.mention.text.lower()):
            offset = -1
    suffix = f"T{part}" if part else ""
    if ctx.anchor is None:
        return ctx.timex("TIME" if part else "DATE", "XXXX-XX-XX" + suffix)
    return ctx.timex("TIME" if part else "DATE", (ctx.anchor + timedelta(days=offset)).isoformat() + suffix)


def _resolve_shifted(ctx: _Context, sign: int) -> Timex | None:
    amount, unit = ctx.number(), ctx.unit()
    if unit is None or amount is None:
        return None
    if isinstance(amount, str):
        return ctx.timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if ctx.anchor is None:
        return ctx.timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", number=amount, unit=unit)
    if unit in TIME_UNITS:
        return ctx.timex("DATE", ctx.anchor.isoformat(), number=amount, unit=unit)
    shifted = _shift(ctx.anchor, sign * amount, unit)
    return ctx.timex("DATE", _fmt(shifted, unit), number=amount, unit=unit)


def _resolve_duration(ctx: _Context) -> Timex | None:
    unit = ctx.unit()
    if unit is None:
        return None
    amount = ctx.number() if "num" in ctx.parts else 1
    if amount is None:
        return None
    plural_only = "num" not in ctx.parts and ctx.parts["unit"].lower().endswith("s")
    if not isinstance(amount, str) and not plural_only and unit in UNIT_AS:
        unit, factor = UNIT_AS[unit]
        amount = amount * factor
    if isinstance(amount, str) or plural_only:
        count = "X"
    elif amount == int(amount):
        count = str(int(amount))
    else:
        count = f"{amount:g}"
    return ctx.timex("DURATION", DURATION_UNITS[unit].format(n=count), number=None if count == "X" else amount,
                     unit=unit)


def _resolve_anniversary(ctx: _Context) -> Timex | None:
    ordinal = _ordinal(ctx)
    if not ordinal or ordinal < 1:
        return None
    # The event's year, when the sentence gives it ("the fourth anniversary of the 2022
    # invasion"), dates the anniversary; else the article's own year.
    sentence_end = re.search(r"[.!?\n]", ctx.text[ctx.mention.end:])
    stop = ctx.mention.end + (sentence_end.start() if sentence_end else 200)
    start = max(ctx.text.rfind(". ", 0, ctx.mention.start), ctx.text.rfind("\n", 0, ctx.mention.start), 0)
    sentence = ctx.text[start:stop]
    years = [int(y) for y in re.findall(r"(?<![\d$€£])((?:1[89]|20)\d\d)(?!\d)", sentence)]
    years = years or _event_years_in(sentence, ctx.rules.language)
    if years:
        return ctx.timex("DATE", f"{years[0] + ordinal:04d}", number=ordinal, year=years[0] + ordinal)
    if ctx.anchor is not None:
        return ctx.timex("DATE", f"{ctx.anchor.year:04d}", number=ordinal)
    return ctx.timex("DATE", "XXXX", number=ordinal)


def _event_years_in(sentence: str, language: str) -> list[int]:
    """Years of the dated events a sentence names ("l'invasion russe" → 2022), from
    ``lang/<iso>/time_anchors.toml``."""
    found = []
    for event in lang.load(language, "time_anchors").get("event", []):
        if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.I) for name in event.get("names", [])):
            found.append(int(event["year"]))
    return found


def _resolve_time(ctx: _Context) -> Timex | None:
    clock = ctx.parts["clock"].lower()
    found = re.match(r"(\d{1,2})(?:[:h](\d\d))?", clock)
    if not found:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    if re.search(r"p\.?\s?m", clock) and hour < 12:
        hour += 12
    elif re.search(r"a\.?\s?m", clock) and hour == 12:
        hour = 0
    if hour > 23:
        return None
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    weekday = ctx.rules.weekdays.get(ctx.parts["weekday"].lower().rstrip(".")) if "weekday" in ctx.parts else None
    if weekday is not None and ctx.anchor is not None:
        day = _weekday_date(ctx, weekday).isoformat()
    return ctx.timex("TIME", f"{day}T{hour:02d}:{minute:02d}")


def _resolve_vague(ctx: _Context) -> Timex | None:
    value = ctx.lookup("vague", ctx.parts["vague"])
    return ctx.timex("DATE", value) if value else None


def _resolve_set(ctx: _Context) -> Timex | None:
    if "set" in ctx.parts:
        value = ctx.lookup("sets", ctx.parts["set"])
        return ctx.timex("SET", value) if value else None
    if "weekday" in ctx.parts:
        weekday = ctx.rules.weekdays.get(ctx.parts["weekday"].lower().rstrip("."))
        return ctx.timex("SET", f"XXXX-WXX-{weekday + 1}") if weekday is not None else None
    unit = ctx.unit()
    return ctx.timex("SET", DURATION_UNITS[unit].format(n=1)) if unit else None


def _resolve_holiday(ctx: _Context) -> Timex | None:
    rule = ctx.lookup("holidays", ctx.parts["holiday"])
    if not rule:
        return None
    month = int(rule[:2])
    if ctx.anchor is None:
        return ctx.timex("DATE", f"XXXX-{rule}" if len(rule) == 5 else f"XXXX-{month:02d}")
    year = _nearest_year(ctx.anchor, month, 15, ctx.looks_future())
    day = _holiday_day(rule, year)
    return ctx.timex("DATE", day.isoformat(), year=year, month=month, day=day.day)


def _holiday_day(rule: str, year: int) -> date:
    """ "12-25" or "11-W4-4" (4th Thursday of November) or "05-W1-L" (last Monday of May)."""
    month = int(rule[:2])
    if "-W" not in rule:
        return date(year, month, int(rule[3:]))
    _, weekday, nth = rule.split("-")
    weekday_index = int(weekday[1:]) - 1
    first = date(year, month, 1)
    offset = (weekday_index - first.weekday()) % 7
    if nth == "L":
        last = date(year, month, 28) + relativedelta(day=31)
        return last - timedelta(days=(last.weekday() - weekday_index) % 7)
    return first + timedelta(days=offset + 7 * (int(nth) - 1))


def _resolve_century(ctx: _Context) -> Timex | None:
    ordinal = _ordinal(ctx)
    if not ordinal or not 1 <= ordinal <= 21:
        return None
    return ctx.timex("DATE", f"{ordinal - 1:02d}")


RESOLVERS = {
    "century": _resolve_century,
    "holiday": _resolve_holiday,
    "absolute": _resolve_absolute,
    "month": _resolve_month,
    "year": _resolve_year,
    "decade": _resolve_decade,
    "quarter": _resolve_quarter,
    "season": _resolve_season,
    "relative_unit": _resolve_relative_unit,
    "weekday": _resolve_weekday,
    "relative_day": _resolve_relative_day,
    "ago": lambda ctx: _resolve_shifted(ctx, -1),
    "ahead": lambda ctx: _resolve_shifted(ctx, 1),
    "duration": _resolve_duration,
    "anniversary": _resolve_anniversary,
    "time": _resolve_time,
    "vague": _resolve_vague,
    "set": _resolve_set,
}


def tag(text: str, language: str | None, anchor: date | None) -> list[Timex]:
    """Find and resolve every temporal expression of ``text`` relative to ``anchor``."""
    return resolve_all(find_mentions(text, language), text, language, anchor)
