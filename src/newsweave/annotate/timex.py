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
The resolvers live in :mod:`newsweave.annotate.timex_values`.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from babel import Locale
from babel.dates import get_day_names, get_month_names

from newsweave import lang
from newsweave.annotate.timex_types import Grammar, Mention, Timex
from newsweave.annotate.timex_values import RESOLVERS, ResolveContext
from newsweave.annotate.settings import SETTINGS

__all__ = ["Mention", "Timex", "find_mentions", "grammar", "resolve_all", "tag"]



def _capitalised(names: Any) -> str:
    """An alternation matching only the capitalised or upper-case forms of ``names``."""
    forms = [form for name in sorted(names, key=len, reverse=True) for form in (name[:1].upper() + name[1:], name.upper())]
    return "(?-i:" + "|".join(re.escape(form) for form in forms) + ")"


def _cldr_full_names(language: str, getter: Any) -> set[str]:
    try:
        return {name.lower() for name in getter("wide", "format", locale=language).values()}
    except Exception:  # noqa: BLE001
        return set()


# A month abbreviation without its full stop is a month before a day of the month ("LONDON, Jan 1
# (Reuters)", "Dec 31, 2019"), not before a decimal, a clock or more figures.
_BEFORE_DAY = r"\s+[0-3]?\d(?:st|nd|rd|th)?\b(?![.,:]\d)"


def _with_stop_for_short(names: dict[str, int], full: set[str], capitalised: bool, before_day: bool = False) -> str:
    """Full names as they are; abbreviations only when a full stop follows ("Sun." not "Sun"),
    or, with ``before_day`` (months), a day of the month ("Jan 1")."""
    long_names = [name for name in names if name in full or len(name) > 4]
    short_names = [name for name in names if name not in long_names]
    make = _capitalised if capitalised else lang.rule_alternation
    after = f"(?=\\.|{_BEFORE_DAY})" if before_day else "(?=\\.)"
    return f"(?:{make(long_names)}|(?:{make(short_names)}){after})"


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
    # one-character abbreviations ("月" for Monday in Japanese) are other words far more often
    shortest = data.get("min_name_length", 1)
    months = {name: number for name, number in months.items() if len(name) >= shortest}
    weekdays = {name: number for name, number in weekdays.items() if len(name) >= shortest}
    ordinals = {key: value for key, value in data.get("ordinals", {}).items() if key != "ordinal_suffix"}
    suffix = data.get("ordinals", {}).get("ordinal_suffix", lang.NEVER)
    month_alt, weekday_alt = lang.rule_alternation(months), lang.rule_alternation(weekdays)
    if data.get("month_case_sensitive"):
        month_alt, weekday_alt = _capitalised(months), _capitalised(weekdays)
    if data.get("abbreviations_need_stop"):
        # "Sun" and "Jan" are a newspaper and a name more often than a day and a month
        full_months = _cldr_full_names(language, get_month_names) | set(data.get("extra_months", {}))
        full_days = _cldr_full_names(language, get_day_names)
        month_alt = _with_stop_for_short(months, full_months, data.get("month_case_sensitive", False), True)
        weekday_alt = _with_stop_for_short(weekdays, full_days, data.get("month_case_sensitive", False))
    fill = {
        "month": rf"(?P<month>{month_alt})",
        # an abbreviation's full stop ("Tues."), not a sentence's ("on Monday.")
        "weekday": rf"(?P<weekday>{weekday_alt})(?:(?<![^\W\d_]{{5}})\.)?",
        # a weekday that the pattern does not value ("la nuit de [samedi] à dimanche")
        "weekdays": rf"(?:{weekday_alt})",
        "day": r"(?P<day>[0-3]?\d)",
        # a day of the month in words: "el primero de mayo", "el cuatro de julio"
        "dayword": rf"(?P<day>{lang.rule_alternation(data.get('day_words', {}))})",
        "monthnum": r"(?P<mnum>1[0-2]|0?[1-9])",
        "year": rf"(?<![\d$€£.,])(?P<year>(?:1[89]|20)\d\d)(?![\d%]|[.,]\d)",
        "decade": r"(?P<decade>(?:1[89]|20)\d0)",
        "decade2": r"(?P<decade2>\d0)",
        "iso": r"(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)",
        # "23.04.2022", "3-7-2017", "05/05/89" (a two-digit year only with "/" or "." and two-digit
        # day and month: "version 1.2.15" is none), and
        # the year first: "2015.5.13", "2015/05/13"
        "numeric": r"(?<![\d/.-])(?P<numeric>[0-3]?\d(?P<nsep>[/.-])[0-3]?\d(?P=nsep)(?:1[89]|20)\d\d"
                   r"|[0-3]\d(?P<nsep2>[/.])[0-3]\d(?P=nsep2)\d\d"
                   r"|(?:1[89]|20)\d\d(?P<nsep3>[/.])(?:1[0-2]|0?[1-9])(?P=nsep3)[0-3]?\d)(?![\d/]|[.-]\d)",
        # a month name of any length between figures, where the separators leave no doubt
        # ("31-dic-1994", "23/Sep/2020"): abbreviations need no full stop there
        "monthany": rf"(?P<month>{_capitalised(months) if data.get('month_case_sensitive') else lang.rule_alternation(months)})",
        # "7:56:30 pm" keeps its seconds; "8.30pm", "4.23 a.m." (a full stop between hour and
        # minutes only with am/pm: "2.15" alone is a number)
        "clock": r"(?P<clock>[0-2]?\d(?:[:h][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?\s?m\b\.?)?|\.[0-5]\d\s*[ap]\.?\s?m\b\.?"
                 r"|\s*[ap]\.?\s?m\b\.?|h(?![\w]))(?:\s+GMT|\s+UTC|\s+[ECMP][SD]T)?)",
        # three digits at most: "1988 quarter" and "2000 people" are no counts of units
        "hours": r"(?P<clock>[0-2]?\d)\s+heures?\b",
        "num": rf"(?P<num>(?<![\d,.])\d{{1,3}}(?:\.\d+)?(?![\d,])|{lang.rule_alternation(numbers)})",
        "unit": rf"(?P<unit>{lang.rule_alternation(data.get('units', {}))})",
        "units": lang.rule_alternation(data.get("units", {})),
        "rel": rf"(?P<rel>{lang.rule_alternation(data.get('relative', {}))})",
        # the same words after the noun ("el lunes próximo") where the pattern also allows them before
        "relafter": rf"(?P<relafter>{lang.rule_alternation(data.get('relative', {}))})",
        "relday": rf"(?P<relday>{lang.rule_alternation(data.get('relative_days', {}))})",
        "part": rf"(?P<part>{lang.rule_alternation(data.get('parts_of_day', {}))})",
        # the same words where a pattern has a second place for them ("el jueves a las 7 de la tarde")
        "parts": lang.rule_alternation(data.get("parts_of_day", {})),
        "season": rf"(?P<season>{lang.rule_alternation(data.get('seasons', {}))})",
        "ordinal": rf"(?P<ordinal>\d+{suffix}|{lang.rule_alternation(ordinals)})",
        "ordsuffix": suffix,
        "mod": rf"(?P<mod>{lang.rule_alternation(data.get('modifiers', {}))})",
        "vague": rf"(?P<vague>{lang.rule_alternation(data.get('vague', {}))})",
        "set": rf"(?P<set>{lang.rule_alternation(data.get('sets', {}))})",
        "holiday": rf"(?P<holiday>{lang.rule_alternation(data.get('holidays', {}))})",
        # a clock in words: "las siete de la tarde", "las tres y media", "la una en punto"
        "clockword": rf"(?P<clock>(?:{lang.rule_alternation(data.get('clock_hours', {}))})"
                     rf"(?:\s+(?:{lang.rule_alternation(data.get('clock_minutes', {}))}))?)",
        "clockwordm": rf"(?P<clock>(?:{lang.rule_alternation(data.get('clock_hours', {}))})"
                      rf"\s+(?:{lang.rule_alternation(data.get('clock_minutes', {}))}))",
    }
    entries = [(entry["regex"], entry["resolve"]) for entry in data.get("pattern", [])]
    needs = tuple(re.compile(entry["needs"], re.I) if entry.get("needs") else None for entry in data.get("pattern", []))
    generated_units: dict[str, str] = {}
    if data.get("cldr_relative") or data.get("cldr_durations"):
        generated, generated_units = _cldr_patterns(language, bool(data.get("cldr_relative")),
                                                    bool(data.get("cldr_durations")))
        entries += generated
    # Scripts written without spaces (Chinese, Japanese) have no word boundary around a date.
    left, right = (r"(?<!\w)", r"(?!\w)") if data.get("word_boundaries", True) else ("", "")
    patterns = []
    for regex, resolve in entries:
        body = re.sub(r"\{(\w+)\}", lambda m: fill[m.group(1)], regex)
        patterns.append((re.compile(rf"{left}(?:{body}){right}", re.I), resolve))
    tables = {name: {k.lower(): v for k, v in data.get(name, {}).items()} for name in (
        "numbers", "vague_numbers", "units", "relative", "relative_days", "relative_day_parts",
        "parts_of_day", "seasons", "modifiers", "vague", "sets", "holidays", "named_clocks", "today_weekday",
        "figures_after", "figures_before", "figures_connectors", "clock_hours", "clock_minutes", "day_words")}
    tables["units"] = {**generated_units, **tables["units"]}
    tables["ordinals"] = {k.lower(): v for k, v in ordinals.items()}
    cues = data.get("cues", {})
    drop_lead, take_before = _span_rules(data.get("spans", {}))
    range_before, range_after = _range_rules(data.get("spans", {}), numbers, data.get("units", {}))
    return Grammar(tuple(patterns), months, weekdays, tables, data.get("numeric_order", "dmy"),
                   tuple(cues.get("future", ())), frozenset(word.lower() for word in cues.get("not_year_after", ())),
                   frozenset(word.lower() for word in cues.get("article_duration_after", ())), language,
                   past_cues=tuple(cues.get("past", ())), past_patterns=_past_patterns(cues),
                   forward_before=tuple(cues.get("forward_before", ())),
                   future_patterns=tuple(cues.get("future_patterns", ())), verb_final=bool(data.get("verb_final", False)),
                   word_boundaries=bool(data.get("word_boundaries", True)),
                   verb_second=re.compile(cues["verb_second_present"]) if cues.get("verb_second_present") else None,
                   perfect_auxiliaries=frozenset(cues.get("perfect_auxiliaries", ())),
                   bracket_auxiliaries=frozenset(cues.get("bracket_auxiliaries", ())),
                   perfect_participle=re.compile(_past_patterns({"past_patterns": [cues["perfect_participle"]],
                                                                  "not_past": cues.get("not_past", ())})[0])
                   if cues.get("perfect_participle") else None,
                   not_verbs=frozenset(cues.get("not_verbs", ())),
                   showing_verbs=frozenset(cues.get("showing_verbs", ())),
                   backward_before=tuple(cues.get("backward_before", ())), needs=needs,
                   backward_unless_future=tuple(cues.get("backward_unless_future", ())),
                   present_patterns=tuple(re.compile(regex) for regex in cues.get("present_patterns", ())),
                   present_after=re.compile(cues["present_after"]) if cues.get("present_after") else None,
                   noun_right_after=frozenset(word.lower() for word in cues.get("noun_right_after", ())),
                   object_before=_object_before(cues),
                   reported_that=re.compile(rf"(?<!\w)(?:{lang.rule_alternation(cues['reported_that'])})(?!\w)")
                   if cues.get("reported_that") else None,
                   relative_opener=re.compile(cues["relative_opener"]) if cues.get("relative_opener") else None,
                   drop_lead=drop_lead, take_before=take_before,
                   range_before=range_before, range_after=range_after,
                   abbreviations_need_stop=bool(data.get("abbreviations_need_stop")),
                   lone_abbreviations_need_stop=bool(data.get("lone_abbreviations_need_stop")),
                   lower_case_days=frozenset(word.lower() for word in data.get("lower_case_relative_days", ())),
                   full_names=frozenset(_cldr_full_names(language, get_month_names) | _cldr_full_names(language, get_day_names)),
                   numeric_order_dotted=data.get("numeric_order_dotted", ""))


def _object_before(cues: dict[str, Any]) -> re.Pattern[str] | None:
    """A verb form that takes an object (``object_verb_pattern``), then its noun phrase, perhaps
    followed by a preposition (``noun_phrase_prepositions``) and a second noun phrase, up to the
    end of the words read. A noun phrase is a determiner (``noun_phrase_determiners``) and up to
    two words, or up to three capitalised words. None where the language gives no such form."""
    if not cues.get("object_verb_pattern"):
        return None
    determiners = lang.rule_alternation(cues.get("noun_phrase_determiners", ()))
    prepositions = lang.rule_alternation(cues.get("noun_phrase_prepositions", ()))
    word = r"[\w'’-]+"
    phrase = rf"(?:(?i:{determiners})\s+(?:{word}\s+){{0,2}}|(?:[A-Z]{word}\s+){{1,3}})"
    return re.compile(rf"(?<![\w'’-])(?:{cues['object_verb_pattern']})\s+{phrase}(?:(?i:{prepositions})\s+{phrase})?$")


def _past_patterns(cues: dict[str, Any]) -> tuple[str, ...]:
    """The past patterns, none of which may match a word of ``not_past``: German present forms
    that end like a weak past ("gelten", "halten", "bieten" look like "sagten")."""
    patterns = tuple(cues.get("past_patterns", ()))
    words = cues.get("not_past", ())
    if not words:
        return patterns
    guard = rf"(?<!\w)(?!(?:{'|'.join(re.escape(word) for word in words)})(?!\w))"
    return tuple(guard + pattern for pattern in patterns)


def _span_rules(spans: dict[str, Any]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    drop, take = spans.get("drop_lead", []), spans.get("take_before", [])
    return (re.compile(rf"(?:{lang.rule_alternation(drop)})\s+", re.I) if drop else None,
            re.compile(rf"(?<!\w)(?:{lang.rule_alternation(take)})\s+$", re.I) if take else None)


def _range_rules(spans: dict[str, Any], numbers: dict[str, Any], units: dict[str, Any]) -> tuple[
        re.Pattern[str] | None, re.Pattern[str] | None]:
    """A range or an alternative of durations is one TIMEX3 in TimeML ("[two to three weeks]",
    "[a year or two]", "[weeks or months]", "[the next year or so]"): a count and a joiner
    right before the duration, or a joiner and a count or unit right after it."""
    joiners = spans.get("range_joiners", [])
    if not joiners:
        return None, None
    count = rf"(?:\d{{1,3}}(?:\.\d+)?|{lang.rule_alternation(numbers)})"
    join = lang.rule_alternation(joiners)
    before = re.compile(rf"(?<![\w,.]){count}\s+(?:{join})\s+$", re.I)
    closing = lang.rule_alternation(spans.get("range_closers", []))
    after = re.compile(rf"\s+(?:(?:{join})\s+(?:{count}|{lang.rule_alternation(units)})|{closing})(?!\w)", re.I)
    return before, after


# CLDR's relative-time fields and duration units, and the TIMEX3 unit of each
CLDR_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "MIN"}


# Between a count and its unit: a count in figures may touch it ("3h", "3 h"), a count in words
# needs a space ("una" is no "un" + "a", the short form of "año"); the unit ends its word ("3 h",
# not the start of "3 hombres")
_UNIT_GAP = r"(?:(?<=\d)\s*|\s+)"


def _cldr_patterns(language: str, relative: bool, durations: bool) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """Patterns for "vor 3 Tagen", "hace 3 días", "3天前", "in 3 Tagen", "3 Tage" made from CLDR's
    relative-time and duration-unit patterns (babel), so a language file needs no list of them.
    The words around the number become the match's unit, looked up in the returned table."""
    try:
        locale_data = Locale.parse(language)._data
    except Exception:  # noqa: BLE001 - a language babel does not know keeps its own patterns only
        return [], {}
    forms: list[tuple[str, str, str]] = []
    for field, unit in CLDR_UNITS.items():
        if relative:
            for direction, resolve in (("past", "ago"), ("future", "ahead")):
                for width in ("", "-short"):
                    plural = locale_data["date_fields"].get(field + width, {}).get(direction, {})
                    forms += [(text, resolve, unit) for text in plural.values()]
        if durations:
            widths = locale_data["unit_patterns"].get(f"duration-{field}", {})
            long_forms = widths.get("long") or {}
            forms += [(text, "duration", unit) for key, text in long_forms.items() if key != "per"]
    patterns, units = [], {}
    for text, resolve, unit in dict.fromkeys(forms):
        if text.count("{0}") != 1:
            continue  # "قبل يومين" (two days ago) has its count in the word
        prefix, suffix = (part.strip() for part in text.split("{0}"))
        word = suffix or prefix
        units[re.sub(r"\s+", " ", word.lower())] = unit

        def flexible(part: str) -> str:
            return re.sub(r"(?:\\ )+", r"\\s*", re.escape(part))

        if suffix:
            regex = (flexible(prefix) + r"\s*" if prefix else "") + "{num}" + _UNIT_GAP + f"(?P<unit>{flexible(suffix)})"
            regex += r"(?!\w)" if suffix[-1:].isalnum() else ""
        else:
            regex = f"(?P<unit>{flexible(prefix)})" + r"\s*" + "{num}"
        patterns.append((regex, resolve))
    return patterns, units


def find_mentions(text: str, language: str | None) -> list[Mention]:
    """All temporal expressions of ``text``, longest first where they overlap."""
    rules = grammar(language or "")
    if rules is None:
        return []
    candidates: list[tuple[int, int, int, Mention]] = []
    windows: dict[str, list[tuple[int, int]]] = {}  # a pattern's ``needs``, searched once per text
    for index, (pattern, resolve) in enumerate(rules.patterns):
        need = rules.needs[index] if index < len(rules.needs) else None
        if need is not None and need.pattern not in windows:
            windows[need.pattern] = _windows(need, text)
        for match in _matches(pattern, text, windows[need.pattern] if need is not None else None):
            if match.end() == match.start():
                continue
            parts = {key: value for key, value in match.groupdict().items() if value is not None}
            if "relafter" in parts:
                parts.setdefault("rel", parts.pop("relafter"))
            mention = Mention(match.start(), match.end(), match.group(0), resolve, parts)
            if _is_false_date(mention, text, rules):
                continue
            _timeml_span(mention, text, rules)
            _drop_sentence_stop(mention, rules)
            candidates.append((-(match.end() - match.start()), index, match.start(), mention))
    candidates.sort(key=lambda item: (item[0], item[1], item[2]))
    taken: list[Mention] = []
    for *_, mention in candidates:
        if all(mention.end <= other.start or mention.start >= other.end for other in taken):
            taken.append(mention)
    return sorted(taken, key=lambda mention: mention.start)


# How far a pattern's match may reach from the word its ``needs`` finds (the longest
# expression, "am übernächsten Donnerstag, dem 12. März 2026, um 18.30 Uhr", is shorter).
NEEDS_REACH = 120


def _windows(need: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around each occurrence of a pattern's ``needs``, merged."""
    spans: list[tuple[int, int]] = []
    for found in need.finditer(text):
        low, high = max(0, found.start() - NEEDS_REACH), min(len(text), found.end() + NEEDS_REACH)
        if spans and low <= spans[-1][1] + NEEDS_REACH:
            spans[-1] = (spans[-1][0], high)
        else:
            spans.append((low, high))
    return spans


def _matches(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]] | None) -> Any:
    """The pattern's matches in the whole text, or only near the words it needs: a pattern
    that cannot match without its ``needs`` is not run over the rest of a long article.
    Lookbehinds still see before a stretch; a stretch ends ``NEEDS_REACH`` past the word, beyond
    any match."""
    if spans is None:
        yield from pattern.finditer(text)
        return
    for low, high in spans:
        yield from pattern.finditer(text, low, high)


def _timeml_span(mention: Mention, text: str, rules: Grammar) -> None:
    """Move the span's start where TimeML draws it: after a leading preposition, before a
    quantity modifier ("about", "nearly"), and after "the" when the expression is a
    hyphenated modifier of a noun ("the [third-quarter] loss", "the [30-day] rate")."""
    start = mention.start
    lead = rules.drop_lead.match(text, start, mention.end) if rules.drop_lead else None
    if lead and lead.end() < mention.end:
        start = lead.end()
    elif rules.take_before is not None:
        modifier = rules.take_before.search(text, max(0, start - 30), start)
        if modifier:
            start = modifier.start()
    if mention.resolve == "duration":
        mention.start, mention.text = start, text[start:mention.end]
        _join_range(mention, text, rules)
        start = mention.start
    adjectival = re.match(r"the\s+(?=[\w-]+-\w+$)", text[start:mention.end], re.I)
    if adjectival and re.match(r"\s+[a-z]", text[mention.end:mention.end + 2]):
        start += adjectival.end()
    if start != mention.start:
        mention.text = text[start:mention.end]
        mention.start = start


def _drop_sentence_stop(mention: Mention, rules: Grammar) -> None:
    """A full stop after a full month or day name ends the sentence ("jusqu'au 30 avril."): it
    is no abbreviation's, TimeML leaves it out, and the words after it are another clause."""
    last = re.search(r"([^\W\d_]+)\.$", mention.text)
    if last and last.group(1).lower() in rules.full_names:
        mention.end -= 1
        mention.text = mention.text[:-1]


def _join_range(mention: Mention, text: str, rules: Grammar) -> None:
    """Widen a duration over the other end of its range: "two to [three weeks]" and
    "[a year] or two" become one expression, as TimeML draws them."""
    if rules.range_before is not None and re.match(r"\d|\w", mention.text):
        lead = rules.range_before.search(text, max(0, mention.start - 25), mention.start)
        if lead:
            mention.start = lead.start()
    if rules.range_after is not None:
        tail = rules.range_after.match(text, mention.end)
        if tail:
            mention.end = tail.end()
    mention.text = text[mention.start:mention.end]


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
    if mention.resolve == "absolute" and mention.parts.get("day", "").isdigit() and int(mention.parts["day"]) == 0:
        return True
    if mention.resolve == "absolute" and re.fullmatch(r"24/7", mention.text):
        return True  # "open 24/7": around the clock, not 24 July
    if _lone_lowercase_abbreviation(mention, text, rules):
        return True  # "changer le jeu.", "la mer.", "und so.": a word, not "jeudi", "mercredi", "Sonntag"
    if _lone_abbreviation_without_stop(mention, text, rules):
        return True  # "el mar", "Mar del Plata", "la señora May": a word or a name, not "marzo", "mayo"
    if _capitalised_day_word(mention, text, rules):
        return True  # "am Morgen des 7. Oktober", "Mannheimer Morgen": the morning or a name, not tomorrow
    return False


def _lone_lowercase_abbreviation(mention: Mention, text: str, rules: Grammar) -> bool:
    """A day name's abbreviation with its full stop, in lower case, with no date or clock beside
    it: a dateline or a schedule writes the abbreviation capitalised ("Tues.", "Jeu. 5 mars"),
    while the same letters in lower case before a full stop are a word of their own. Only where
    the language's abbreviations are read at all only with their stop: Portuguese lists "qua,
    qui." in lower case."""
    name = mention.parts.get("weekday", "")
    return (rules.abbreviations_need_stop and mention.resolve == "weekday" and set(mention.parts) == {"weekday"}
            and name[:1].islower() and (mention.text.endswith(".") or text.startswith(".", mention.end))
            and name.lower() not in rules.full_names)


def _lone_abbreviation_without_stop(mention: Mention, text: str, rules: Grammar) -> bool:
    """A month or day name's abbreviation alone, with no full stop, where the language reads such
    an abbreviation only beside a day, a year or a clock, or with its stop (``lone_abbreviations_need_stop``)."""
    parts = set(mention.parts)
    if not rules.lone_abbreviations_need_stop or parts not in ({"month"}, {"weekday"}):
        return False
    name = mention.parts.get("month") or mention.parts.get("weekday") or ""
    return (name.lower() not in rules.full_names and not mention.text.endswith(".")
            and not text.startswith(".", mention.end))


def _capitalised_day_word(mention: Mention, text: str, rules: Grammar) -> bool:
    """A relative day word that the language writes in lower case (``lower_case_relative_days``),
    capitalised where no sentence opens: a noun of the same letters (German "Morgen", morning)."""
    word = mention.parts.get("relday", "")
    if not word[:1].isupper() or word.lower() not in rules.lower_case_days:
        return False
    before = text[:text.find(word, mention.start)].rstrip(" \t\"„“”«»'‚‘")
    return bool(before) and before[-1] not in ".!?:\n"


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
    if not re.search(r"\b(?:ago|earlier|year-ago|year-earlier)\b", timex.text.lower()):
        return
    for previous in reversed(before):
        if timex.start - previous.end > SETTINGS.timex_quarter_context:
            return
        quarter = re.fullmatch(r"(\d{4})-Q([1-4])", previous.value) if previous.resolve == "quarter" else None
        if quarter:
            timex.value = f"{int(quarter.group(1)) - 1:04d}-Q{quarter.group(2)}"
            return


def resolve_mention(mention: Mention, text: str, rules: Grammar, anchor: date | None) -> Timex | None:
    resolver = RESOLVERS.get(mention.resolve)
    if resolver is None:
        return None
    context = ResolveContext(mention, text, rules, anchor)
    return resolver(context)




def tag(text: str, language: str | None, anchor: date | None) -> list[Timex]:
    """Find and resolve every temporal expression of ``text`` relative to ``anchor``."""
    return resolve_all(find_mentions(text, language), text, language, anchor)
