"""The records that temporal tagging passes around: a matched expression, a resolved one,
and one language's compiled grammar (see :mod:`newsweave.annotate.timex`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

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
    # markers of the past in a clause (words and regular expressions), and the words right
    # before an expression that point it forward ("until", "jusqu'à", "bis")
    past_cues: tuple[str, ...] = ()
    past_patterns: tuple[str, ...] = ()
    forward_before: tuple[str, ...] = ()
    future_patterns: tuple[str, ...] = ()
    # the verb, and so the tense, follows the expression (Japanese, Korean, Turkish)
    verb_final: bool = False
    word_boundaries: bool = True
    # German puts the finite verb right after a fronted expression: a present form there
    # ("Am Donnerstag entscheidet das Gericht") speaks of a plan; an auxiliary of the perfect
    # ("Am Montag hat der Rat …") of the past; words before an expression that point back ("seit")
    verb_second: re.Pattern[str] | None = None
    perfect_auxiliaries: frozenset[str] = frozenset()
    # a perfect's auxiliary before the expression and its participle at the clause's end ("hat im April
    # … vorgeschlagen", "ist im Mai … gesunken"): the clause is past though no cue sits near the match
    bracket_auxiliaries: frozenset[str] = frozenset()
    perfect_participle: re.Pattern[str] | None = None
    # words shaped like a present form that are none ("mit", "gegen", "nicht" end in -t, -en)
    not_verbs: frozenset[str] = frozenset()
    # present verbs of showing ("zeigen", "shows", "montrent"): their object reports what the
    # pictures or figures hold, so they make no plan of a date in it ("Bilder zeigen, dass die
    # Detonation in der Nacht des Montags …")
    showing_verbs: frozenset[str] = frozenset()
    # the order of dates in figures joined by full stops, where it is not ``numeric_order``
    # (English writes "03/04/2024" month first, but "02.01.2020" day first as Europe does)
    numeric_order_dotted: str = ""
    backward_before: tuple[str, ...] = ()
    # ... and those that point back only in a clause with no future cue ("desde el lunes" is
    # since Monday, "subirá desde el jueves" from Thursday on); German "seit" is always back
    backward_unless_future: tuple[str, ...] = ()
    # where no word order marks it (Spanish): a present finite verb in the clause before the
    # expression ("el presidente viaja el jueves", "se celebra el martes") and right after a
    # fronted one ("El sábado se disputa la final"), read as a plan when no other cue speaks
    present_patterns: tuple[re.Pattern[str], ...] = ()
    present_after: re.Pattern[str] | None = None
    # words right before the present pattern's verb (its ``verb`` group) that make it a plural
    # noun: a determiner or a preposition ("the primaries Tuesday", "the series of contests")
    noun_right_after: frozenset[str] = frozenset()
    # ... and where the noun phrase it ends (a determiner and up to two words, or up to three
    # capitalised words) follows a word that takes an object: a preposition, an -ing form ("in
    # the opening Iowa caucuses", "of North American leaders", "targeting Central American immigrants")
    object_before: re.Pattern[str] | None = None
    # the words that open reported speech after a verb in the past ("aseguró que", "sagte, …"):
    # a present verb behind them still speaks of what is to come
    reported_that: re.Pattern[str] | None = None
    # where a relative clause opens after the expression ("… the base Mr. Sanders has created",
    # "… who had left"): its verb is not the expression's, so a past there says nothing of it
    relative_opener: re.Pattern[str] | None = None
    # per pattern, a cheap regular expression the text must contain for the pattern to be tried
    # (``needs`` in the language file: "uhr" for clocks); None tries it on every text
    needs: tuple[re.Pattern[str] | None, ...] = ()
    # TimeML span conventions: a leading preposition is a SIGNAL, outside the timex ("within
    # [two weeks]"); a quantity modifier before it belongs inside ("[nearly two years]")
    drop_lead: re.Pattern[str] | None = None
    take_before: re.Pattern[str] | None = None
    # the other end of a range of durations, before and after ("two to [three weeks]")
    range_before: re.Pattern[str] | None = None
    range_after: re.Pattern[str] | None = None
    # the full month and day names (CLDR's wide forms): a full stop after one ends a sentence,
    # where after an abbreviation ("janv.", "Tues.") it is the abbreviation's
    full_names: frozenset[str] = frozenset()
    # abbreviations are day and month names only with their full stop ("Sun." not "Sun")
    abbreviations_need_stop: bool = False
    # a day or month name's abbreviation standing alone (no day, year or clock in its expression) is a
    # name only with its full stop: Spanish "el mar", "Mar del Plata", "Olegaria May" (the datelines'
    # "4 Mar (EFE)" keep their day)
    lone_abbreviations_need_stop: bool = False
    # relative day words that mean the day only in lower case (German "morgen", tomorrow): capitalised
    # inside a sentence the same letters are a noun ("am Morgen des 7. Oktober", "Mannheimer Morgen")
    lower_case_days: frozenset[str] = frozenset()
