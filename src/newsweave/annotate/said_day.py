"""The day word said beside a weekday or a date: "ce mercredi", "today, Wednesday", "hoy martes",
"heute, Montag", "yesterday, Tuesday", "an diesem Samstagvormittag", "ce vendredi 22 novembre".

Both readers of the publication day ask it: :mod:`newsweave.annotate.published_inference`
(a weekday said today fixes the day of writing after a dated weekday; a date said today counts
outside the lead) and :mod:`newsweave.annotate.published_clues` (a weekday said today or
yesterday is a one-day clue).
Only the words right next to the weekday count: a clause may hold both "today" and "yesterday".
"""

from __future__ import annotations

import re

from newsweave.annotate.timex_types import Grammar, Timex

# How far before the mention a day word may start ("aujourd'hui, mercredi").
BEFORE_REACH = 16
# How far after the weekday a day word may stand ("mardi hier").
AFTER_REACH = 15
# How far before the mention a phrase of the ``today_weekday`` table may start.
PHRASE_REACH = 20


def said_day_offset(timex: Timex, text: str, rules: Grammar) -> int | None:
    """0 when "today" is said right by the weekday, -1 for "yesterday", else None (also when
    both are said there). The word may open the mention ("This Friday", "Hoy martes") or
    stand before it; a day word may also follow it ("mardi hier")."""
    day_words = rules.tables["relative_days"]
    found = {value for word, value in _day_words(rules).items()
             if _said_before(word, timex, text, rules) or (word in day_words and _said_after(word, timex, text))}
    if _today_phrase(timex, text, rules):
        found.add(0)
    return found.pop() if len(found) == 1 else None


def said_today(timex: Timex, text: str, rules: Grammar) -> bool:
    """A weekday or a date said to be today ("ce mercredi", "este domingo", "today, Wednesday",
    "Çarşamba (bugün)")."""
    return said_day_offset(timex, text, rules) == 0


def _day_words(rules: Grammar) -> dict[str, int]:
    """The words of today and yesterday, with their offsets: the language's day words and its
    "this" (relative 0). Day parts ("tonight", "anoche") are left out, and one-letter words:
    a one-letter "this" (Swedish "i") also makes a past weekday ("i fredags": last Friday)."""
    parts = rules.tables.get("relative_day_parts", {})
    relative = {word: value for word, value in rules.tables["relative"].items() if value == 0}
    return {word: value for word, value in {**rules.tables["relative_days"], **relative}.items()
            if value in (-1, 0) and word not in parts and len(word) > 1}


def _said_before(word: str, timex: Timex, text: str, rules: Grammar) -> bool:
    """The word right before the weekday's name, inside the mention or before it, with only
    spaces, a comma or a bracket between ("today, Wednesday"; "this" after a weekday, as in
    "on Friday, this time", is none)."""
    head = text[max(0, timex.start - BEFORE_REACH):timex.start + _name_start(timex, rules)].lower()
    pattern = r"\s+".join(map(re.escape, word.split()))
    return re.search(rf"(?<!\w){pattern}[\s,(]+$", head) is not None


def _said_after(word: str, timex: Timex, text: str) -> bool:
    """The day word right after the mention ("mardi hier")."""
    after = text[timex.end:timex.end + AFTER_REACH].lower()
    return re.search(rf"^\W*{re.escape(word)}(?!\w)", after) is not None


def _name_start(timex: Timex, rules: Grammar) -> int:
    """Where the weekday's name starts inside the mention (0 when no word of it is a name)."""
    for word in re.finditer(r"\w+", timex.text):
        if word.group(0).lower().rstrip(".") in rules.weekdays:
            return word.start()
    return 0


def _today_phrase(timex: Timex, text: str, rules: Grammar) -> bool:
    """A phrase of the language's ``today_weekday`` table right before the weekday, inside the
    mention or before it ("an diesem Samstagvormittag"): words that make a weekday the day of
    writing although none of them alone says "today"."""
    phrases = rules.tables.get("today_weekday", {})
    names = [name for name, number in rules.weekdays.items() if number == timex.weekday and len(name) > 2]
    if not phrases or not names:
        return False
    window = text[max(0, timex.start - PHRASE_REACH):timex.end].lower()
    said = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.search(rf"(?<!\w)(?:{said})\s+(?:{'|'.join(map(re.escape, names))})", window) is not None
