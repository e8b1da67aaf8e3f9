"""TIMEX3 values for matched temporal expressions: one resolver per kind of pattern.

Each pattern of ``lang/<iso>/dates.toml`` names its resolver; the resolver turns the matched
parts into a TimeML type and value relative to the anchor date (the article's time):
2024-02-28, 2024-W09, 2024-Q1, P2Y, PRESENT_REF, XXXX-WXX-3 when there is no anchor. The
resolvers are language-independent: words come from the grammar's tables.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta
from typing import Any

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from newsweave import lang
from newsweave.annotate.timex_types import Grammar, Mention, Timex
from newsweave.annotate.settings import SETTINGS

# Years outside this range are numbers, not years ("1500 people" is also caught by the
# not_year_after words); set by eye on news text, which rarely dates before 1800.
YEAR_MIN, YEAR_MAX = 1800, 2099
DURATION_UNITS = {"S": "PT{n}S", "MIN": "PT{n}M", "H": "PT{n}H", "D": "P{n}D", "W": "P{n}W", "WE": "P{n}WE",
                  "M": "P{n}M", "Q": "P{n}Q", "Y": "P{n}Y", "DE": "P{n}DE", "CE": "P{n}CE"}
# TimeML writes quarters, decades and centuries as months and years: "three quarters" = P9M
UNIT_AS = {"Q": ("M", 3), "DE": ("Y", 10), "CE": ("Y", 100)}
TIME_UNITS = {"S", "MIN", "H"}


# A two-digit year is read at most this many years after the anchor ("3/7/27" written in 2016 is
# 2027, "05/05/89" is 1989), as Python's and most libraries' pivots do.
TWO_DIGIT_YEAR_AHEAD = 20

# "fell in [March]", "im [März] gesunken": a past verb at most this many characters from a month.
PAST_BESIDE = 12

# where a clause ends inside a sentence: punctuation, not words (those are each language's)
_CLAUSE_BREAK = re.compile(r"[,:;()\"“”«»–—]|\s-\s")
# whether a word (or a piece of one) is a tense cue, per language
_WORD_CUES: dict[tuple[str, str], bool] = {}
# a short aside set off by two commas, no other break inside
_ASIDE = re.compile(r",[^,:;()\"“”«»–—.!?\n]{1,60},")
# where a sentence ends: a cue beyond it says nothing about the match's clause
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")
# ... read forward over a title's full stop ("Mr. Ashok said")
_SENTENCE_END_AFTER = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?;]\s|\n")


@dataclass
class ResolveContext:
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

    def looks_future(self, present_is_plan: bool = True) -> bool:
        """The clause around the match points after the anchor ("will", "sera", "until")."""
        return self.tense(present_is_plan) > 0

    def tense(self, present_is_plan: bool = True) -> int:
        """+1 when the clause around the match speaks of the future, -1 of the past, 0 when it
        says nothing. A word right before the match that points forward ("until Thursday",
        "jusqu'à jeudi") wins unless a past marker is nearer than any future one ("talks went
        on until Thursday"); otherwise the tense marker nearest the match wins ("said he will
        arrive on Tuesday": "will"). A verb in the present, the only cue, speaks of a plan
        (+1) unless ``present_is_plan`` is False: a month or a date asks separately, since the
        present also reports the figures of one just past ("El paro baja en enero", "Die
        Inflation steigt im Januar"). A cheap stand-in for a parse: no per-article cost."""
        before = self._clause_before()
        after = self.text[self.mention.end:self.mention.end + SETTINGS.timex_cue_window // 2]
        if any(regex.search(before.lower()) for regex in _forward_regexes(self.rules.backward_before)):
            return -1  # "seit Montag"
        if any(regex.search(before.lower()) for regex in _forward_regexes(self.rules.backward_unless_future)):
            # "desde el lunes"; but "subirá un 7 % desde el jueves" is ahead
            return 1 if self._future_in_clause(before, after) else -1
        fronted = re.fullmatch(r"\W*(?:\w{1,3}\s+){0,2}", before) is not None
        if fronted and self.rules.verb_second is not None:
            verb_tense = self._verb_second_tense(after, present_is_plan)
            if verb_tense:
                return verb_tense
        # (or after one sentence adverb: « También este domingo, el comité ha denunciado … »)
        fronted_clause = ""
        if (fronted or re.fullmatch(r"\W*\w+\s+", before)) and re.match(r",\s", after):
            # a fronted expression ("En 2023, ils avaient…", "On Friday, the court will rule"):
            # its clause's verb comes after the comma, and after its subject, which may be long
            fronted_clause = self.text[self.mention.end + 2:self.mention.end + 2 + SETTINGS.timex_cue_window]
            after = after[2:]
        after = re.split(r"[.!?;,]\s|\n|\s(?:and|et|und|y|e)\s", after)[0]
        before_lower, after_lower = _mask_names(before).lower(), _mask_names(after).lower()
        if self.rules.verb_final:
            # the clause's verb comes after the expression: read the words that follow first
            future_after = _first_cue(after_lower, self.rules.future_cues, self.rules.future_patterns, self.rules.word_boundaries)
            past_after = _first_cue(after_lower, self.rules.past_cues, self.rules.past_patterns, self.rules.word_boundaries)
            if future_after is not None or past_after is not None:
                return 1 if past_after is None or (future_after is not None and future_after <= past_after) else -1
        past_before = _last_cue(before_lower, self.rules.past_cues, self.rules.past_patterns, self.rules.word_boundaries)
        future_before = _last_cue(before_lower, self.rules.future_cues, self.rules.future_patterns, self.rules.word_boundaries)
        if any(regex.search(before_lower) for regex in _forward_regexes(self.rules.forward_before)):
            # "said he would stay until Thursday", "the strike will last until Thursday": any
            # future cue of the clause keeps the preposition's forward reading; only a clause
            # in the past alone turns it back ("talks went on until Thursday")
            return -1 if past_before is not None and future_before is None else 1
        if past_before is None and self._forward_preposition_then_past(before_lower, future_before, after_lower):
            return -1
        # nearest marker before the match: the larger end offset; "expected" is a future cue
        # and also looks like a past participle, so the future wins a tie
        if future_before is not None and (past_before is None or future_before >= past_before):
            return 1
        if past_before is not None:
            # "aseguró que el plan se presenta el viernes": reported speech in the present
            return 1 if present_is_plan and self._reported_present(before[past_before:]) else -1
        future_after = _first_cue(after_lower, self.rules.future_cues, self.rules.future_patterns, self.rules.word_boundaries)
        past_after = _first_cue(after_lower, self.rules.past_cues, self.rules.past_patterns, self.rules.word_boundaries)
        if future_after is not None and (past_after is None or future_after <= past_after):
            return 1
        if past_after is not None or self._past_after_long_subject(fronted_clause):
            return -1
        if not present_is_plan or re.match(r"['’]s\b", after):
            # a possessive weekday ("after Tuesday's attack") names an event, not the clause's time
            return 0
        present_after = fronted and self.rules.present_after is not None and self.rules.present_after.match(after)
        if not (present_after or self._present_verb_before(before)):
            return 0
        # the present read off a word's ending (not a verb-second position) is a guess: a past
        # verb later in the sentence ("Jeudi soir, le président russe Vladimir Poutine a
        # confirmé", "En octubre, la Administración Trump comenzó") shows it was none
        return 0 if self.rules.verb_second is None and self._past_later_in_sentence() else 1

    def _forward_preposition_then_past(self, before_lower: str, future_before: int | None, after_lower: str) -> bool:
        """Whether the clause's only future cue is a forward preposition further back ("hasta" in
        « hasta la noche de este jueves permaneció sin identificar ») and its verb, after the match,
        is past with no future cue: the preposition bounds a state that lasted up to that day."""
        if future_before is None or not any(re.search(rf"(?<!\w){re.escape(word)}$", before_lower[:future_before])
                                            for word in self.rules.forward_before):
            return False
        cues = (self.rules.word_boundaries,)
        if _last_cue(before_lower[:future_before - 1], self.rules.future_cues, self.rules.future_patterns, *cues) is not None:
            return False
        return (_first_cue(after_lower, self.rules.past_cues, self.rules.past_patterns, *cues) is not None
                and _first_cue(after_lower, self.rules.future_cues, self.rules.future_patterns, *cues) is None)

    def _perfect_bracket(self, before_lower: str) -> bool:
        """A perfect's auxiliary among the clause's words before the match and a participle later in
        its sentence, outside a relative clause (``bracket_auxiliaries``, ``perfect_participle``):
        "Ich habe Anfang April vorgeschlagen, …", "ist im Mai gegenüber dem Vormonat um 0,5 Prozent
        gesunken". A participle that is a future cue ("geplant") makes no past."""
        if self.rules.perfect_participle is None or not set(re.findall(r"\w+", before_lower)) & self.rules.bracket_auxiliaries:
            return False
        rest = self._rest_of_sentence()
        cues = (self.rules.future_cues, self.rules.future_patterns, self.rules.word_boundaries)
        return any(_first_cue(word.group(0), *cues) is None for word in self.rules.perfect_participle.finditer(rest))

    def _rest_of_sentence(self) -> str:
        """The words after the match up to its sentence's end (within three cue windows), cut
        before a relative clause (``relative_opener``), names masked, lower case."""
        rest = self.text[self.mention.end:self.mention.end + 3 * SETTINGS.timex_cue_window]
        rest = _SENTENCE_END_AFTER.split(rest)[0]
        relative = self.rules.relative_opener.search(rest) if self.rules.relative_opener is not None else None
        return _mask_names(rest[:relative.start()] if relative else rest).lower()

    def _clause_before(self) -> str:
        """The words of the match's clause before it: the cue window, cut at the sentence's
        start (a cue in the sentence before says nothing about this one). Where the window holds
        no tense cue and no clause break, a future cue further back in the same clause counts
        ("Greece will move hundreds of migrants from a camp … to mainland facilities on
        Sunday"): a long object puts the auxiliary out of reach of a fixed distance. Only a
        future cue: a past verb that far back is as often a relative clause's or a decision's
        ("a décidé de suspendre … à partir de vendredi"). Not in a verb-second language, whose
        finite verb stands near the expression and whose future auxiliary is also the passive's."""
        window = SETTINGS.timex_cue_window
        before = self._sentence_before(window)
        start = self.mention.start
        sentence_starts = start <= window or _SENTENCE_BREAK.search(self.text[start - window:start]) is not None
        if (sentence_starts or self.rules.verb_second is not None
                or self._cue_in(before, future=True) or self._cue_in(before, future=False)):
            return before
        longer = self._sentence_before(3 * window)
        head = longer[:len(longer) - len(before)]
        # an aside between two commas right after a future form ("will, after a long review,
        # publish …", "organisera, comme chaque printemps, …") does not end the clause: its commas
        # are masked before the last break is sought. After another word the commas may close a
        # list or a relative clause ("would hold a shotgun, as well as empty boxes, in …")
        joined = head + before
        masked = _ASIDE.sub(lambda found: " " * len(found.group(0)) if self._future_ends(joined[:found.start()])
                            else found.group(0), joined)
        start = max((found.end() for found in _CLAUSE_BREAK.finditer(masked)), default=0)
        if start >= len(head):
            return before  # the clause starts inside the window
        head = head[start:]
        # the cue may straddle the window's edge ("is se|t to hear …"): read it whole; the
        # window itself holds none, so a cue found here starts further back
        return head + before if self._cue_in(head + before, future=True) else before

    def _future_ends(self, words: str) -> bool:
        """The words end with a future cue ("… will", "… organisera")."""
        tail = _mask_names(words[-30:]).lower()
        found = _cue_spans(tail, self.rules.future_cues, self.rules.future_patterns, self.rules.word_boundaries)
        return any(re.fullmatch(r"\W*", tail[end:]) for _, end in found)

    def _sentence_before(self, reach: int) -> str:
        """The match's sentence before it, at most ``reach`` characters of it."""
        start = self.mention.start
        begin = max(0, start - reach)
        window = self.text[begin:start]
        cut = re.match(r"\w+", window) if begin and self.text[begin - 1].isalnum() else None
        if cut is not None:
            # a word cut in two by the window that is a cue only as a piece ("[hun]dred" read as a
            # verb in -ed) is dropped; a piece that is a cue whole too ("[amas]sed") stays
            whole = re.search(r"\w*$", self.text[:begin]).group(0) + cut.group(0)  # type: ignore[union-attr]
            if self._any_cue(cut.group(0)) and not self._any_cue(whole):
                window = window[cut.end():]
        return _SENTENCE_BREAK.split(window)[-1]

    def _any_cue(self, word: str) -> bool:
        key = (self.rules.language, word)
        if key not in _WORD_CUES:  # the same pieces recur: the cue regexes run once per word
            _WORD_CUES[key] = self._cue_in(word, future=True) or self._cue_in(word, future=False)
        return _WORD_CUES[key]

    def _cue_in(self, words: str, future: bool) -> bool:
        lowered = _mask_names(words).lower()
        cues = ((self.rules.future_cues, self.rules.future_patterns) if future
                else (self.rules.past_cues, self.rules.past_patterns))
        return _last_cue(lowered, *cues, self.rules.word_boundaries) is not None

    def _past_after_long_subject(self, clause: str) -> bool:
        """A past verb after the long subject of a fronted expression's clause, beyond the cue window
        (« También este domingo, el Comité Internacional de la Cruz Roja ha denunciado »). Only a
        past one: a future cue that far is as often a noun or a plan's verb ("On Friday, the
        government planned to pay …" is the last Friday)."""
        clause = re.split(r"[.!?;,]\s|\n", clause)[0]
        return bool(clause) and _first_cue(_mask_names(clause).lower(), self.rules.past_cues, self.rules.past_patterns,
                                           self.rules.word_boundaries) is not None

    def _past_later_in_sentence(self) -> bool:
        """A past cue between the match and the end of its sentence (further than ``tense``'s
        window after the match, which stops at the first comma), outside a relative clause, whose
        verb is not the expression's ("needs in November or risk losing the base Mr. Sanders has
        created")."""
        return _first_cue(self._rest_of_sentence(), self.rules.past_cues, self.rules.past_patterns, self.rules.word_boundaries) is not None

    def _future_in_clause(self, before: str, after: str) -> bool:
        after = _SENTENCE_BREAK.split(after)[0]
        cues = (self.rules.future_cues, self.rules.future_patterns, self.rules.word_boundaries)
        return (_last_cue(_mask_names(before).lower(), *cues) is not None
                or _first_cue(_mask_names(after).lower(), *cues) is not None)

    def _reported_present(self, tail: str) -> bool:
        """The words between the clause's last past verb and the match open reported speech
        ("dijo que", "sagte,") and hold a present verb: "dijo que la huelga empieza el miércoles",
        "sagte, die Sitzung beginnt am Donnerstag"."""
        if self.rules.reported_that is None:
            return False
        opener = None
        for opener in self.rules.reported_that.finditer(tail):
            pass
        return opener is not None and self._present_verb_before(tail[opener.end():])

    def _present_verb_before(self, before: str) -> bool:
        """A clause with no past marker whose verb is in the present speaks of a plan. In a
        verb-second language the verb follows its subject ("Die Sitzung beginnt am Donnerstag",
        "Merz reist am Montag"); elsewhere the language's present patterns find it ("el
        presidente viaja el jueves", "los ministros se reúnen el lunes")."""
        if self.rules.verb_second is None:
            return any(self._present_match(pattern, before) for pattern in self.rules.present_patterns)
        for found in re.finditer(r"(?:\b[A-ZÄÖÜ][\w-]*|\b(?:er|sie|es|wir|ihr|man))\s+([a-zäöüß]+)\b", before):
            verb = found.group(1)
            if verb in self.rules.not_verbs or verb in self.rules.showing_verbs:
                continue
            if verb in self.rules.perfect_auxiliaries:
                return False
            if self.rules.verb_second.fullmatch(verb):
                return True
        return False

    def _present_match(self, pattern: re.Pattern[str], before: str) -> bool:
        """``pattern`` finds a present verb at some start whose ``verb`` group the words right
        before it do not show to be a plural noun ("the three Democratic contests Tuesday")."""
        start = 0
        while (found := pattern.search(before, start)) is not None:
            if not self._shows(found) and ("verb" not in pattern.groupindex
                                           or not self._plural_noun(before[:found.start("verb")])):
                return True
            start = found.start() + 1
        return False

    def _shows(self, found: re.Match[str]) -> bool:
        """The present verb found (its ``verb`` group, else the match's last word) is one of
        showing: "Satellite images show the depot on Monday" reports, it plans nothing."""
        verb = found.group("verb") if "verb" in found.re.groupindex else found.group(0).split()[-1]
        return verb.lower() in self.rules.showing_verbs

    def _plural_noun(self, head: str) -> bool:
        """The words right before a form in -s (no punctuation between) make it a plural noun,
        which a singular verb in -s cannot be: a determiner or a preposition just before it
        ("the primaries Tuesday"), a count in figures just before it ("the 125 seats Sunday"),
        a count word above one among the last three ("the three Democratic contests"), or a
        noun phrase that a preposition or an -ing form takes as its object ("in the opening
        Iowa caucuses"): a subject stands there only in a clause of its own."""
        words = re.search(r"(?:[\w'’-]+\s+){1,3}$", head)
        if words is None:
            return False
        lowered = words.group(0).lower().split()
        if lowered[-1] in self.rules.noun_right_after or (lowered[-1].isdigit() and int(lowered[-1]) > 1):
            return True
        if any(isinstance(count := self.lookup("numbers", word), (int, float)) and count > 1 for word in lowered):
            return True
        return self.rules.object_before is not None and self.rules.object_before.search(head[-80:]) is not None

    def _verb_second_tense(self, after: str, present_is_plan: bool = True) -> int:
        """The tense of the finite verb right after a fronted expression in a verb-second
        language: -1 past, +1 future or present (a plan), 0 when the next word is no verb."""
        found = re.match(r"\s+([^\W\d_]+)\b", after)
        if not found or not found.group(1)[0].islower():
            return 0  # a noun, a name, or punctuation: no verb to read
        verb = found.group(1)
        if verb in self.rules.not_verbs:
            return 0
        bounded = self.rules.word_boundaries
        if verb in self.rules.perfect_auxiliaries or _first_cue(verb, self.rules.past_cues, self.rules.past_patterns, bounded) is not None:
            return -1
        if _first_cue(verb, self.rules.future_cues, self.rules.future_patterns, bounded) is not None:
            return 1
        assert self.rules.verb_second is not None
        return 1 if present_is_plan and self.rules.verb_second.fullmatch(verb) else 0

    def past_beside(self) -> bool:
        """A verb in the past right beside the match, in a clause with no future cue: "fell in
        [March]", "ont chuté en [mars]", "im [März] gesunken". Narrower than ``tense``: a past
        verb further off is as often the reporting clause's ("said it expects to report in
        [November]") or a participle after "be" ("to be published in [November]")."""
        before = self._sentence_before(SETTINGS.timex_cue_window)
        after = re.split(r"[.!?;,]\s|\n", self.text[self.mention.end:self.mention.end + SETTINGS.timex_cue_window // 2])[0]
        before_lower, after_lower = _mask_names(before).lower(), _mask_names(after).lower()
        cues = (self.rules.future_cues, self.rules.future_patterns, self.rules.word_boundaries)
        if _last_cue(before_lower, *cues) is not None or _first_cue(after_lower, *cues) is not None:
            return False
        past = (self.rules.past_cues, self.rules.past_patterns, self.rules.word_boundaries)
        first = _first_cue(after_lower, *past)
        if first is not None and first <= PAST_BESIDE:
            return True  # the participle after it ("im [März] gesunken")
        if self._perfect_bracket(before_lower):
            return True  # "ist im [Mai] gegenüber dem Vormonat um 0,5 Prozent gesunken"
        spans = _cue_spans(before_lower, *past)
        end = max((end for _, end in spans), default=None)
        if end is None or len(before_lower) - end > PAST_BESIDE:
            return False
        start = max(start for start, stop in spans if stop == end)
        return not re.search(r"(?<!\w)(?:be|been|being)\s+$", before_lower[:start])

    def names_figures(self) -> bool:
        """The month or quarter names the period of published figures ("the November jobs
        report", "fourth-quarter earnings", "la producción de la construcción de enero"): a
        period that has been, whatever the clause's tense (a future clause speaks of the
        report's release, not of the period)."""
        after_words = self.rules.tables.get("figures_after", {})
        before_words = self.rules.tables.get("figures_before", {})
        after = self.text[self.mention.end:self.mention.end + 30].lower()
        found = re.match(r"[\s-]+(\w+)", after)
        if found and found.group(1) in after_words:
            return True
        if not before_words:
            return False
        connectors = self.rules.tables.get("figures_connectors", {})
        before = self.text[max(0, self.mention.start - 60):self.mention.start].lower()
        # the noun, at most three words, then the language's "of" right before the month ("los datos de enero")
        found = re.search(rf"((?:\w+\s+){{1,4}})(?:{lang.rule_alternation(connectors)})\s+$", before)
        return bool(found and any(word in before_words for word in found.group(1).split()))

    def timex(self, type_: str, value: str, resolve: str | None = None, **extra: Any) -> Timex:
        """The mention's Timex; ``resolve`` names another resolver than the pattern's where the
        value was read as that one reads it (a clock on a weekday is a weekday's)."""
        mention = self.mention
        return Timex(mention.start, mention.end, mention.text, type_, value, resolve=resolve or mention.resolve, **extra)


def _mask_names(window: str) -> str:
    """Blank the capitalised words inside a clause ("the United States", "Ted"): a name that
    ends like a past form is no tense marker. The clause's first word keeps its capital."""
    return re.sub(r"(?<=\S)(\s+)([^\W\d_][^\W\d_A-Z]*[a-z]\w*)",
                  lambda m: m.group(1) + ("_" * len(m.group(2)) if m.group(2)[0].isupper() else m.group(2)), window)


@lru_cache(maxsize=None)
def _cue_regexes(words: tuple[str, ...], patterns: tuple[str, ...], bounded: bool) -> tuple[re.Pattern[str], ...]:
    """One compiled regex per cue word, then the grammar's patterns: compiled once per grammar,
    not per mention (there are more cue words than ``re``'s own cache holds)."""
    left, right = (r"(?<!\w)", r"(?!\w)") if bounded else ("", "")
    return (*(re.compile(rf"{left}{re.escape(word.strip())}{right}") for word in words),
            *(re.compile(pattern) for pattern in patterns))


@lru_cache(maxsize=None)
def _forward_regexes(words: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """A forward-pointing word right at the end of the clause before the match."""
    return tuple(re.compile(rf"(?<!\w){re.escape(word)}\s*$") for word in words)


def _cue_spans(window: str, words: tuple[str, ...], patterns: tuple[str, ...], bounded: bool = True) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for regex in _cue_regexes(words, patterns, bounded) for m in regex.finditer(window)]


def _last_cue(window: str, words: tuple[str, ...], patterns: tuple[str, ...], bounded: bool = True) -> int | None:
    """Where the last cue of the window ends, or None."""
    spans = _cue_spans(window, words, patterns, bounded)
    return max(end for _, end in spans) if spans else None


def _first_cue(window: str, words: tuple[str, ...], patterns: tuple[str, ...], bounded: bool = True) -> int | None:
    spans = _cue_spans(window, words, patterns, bounded)
    return min(start for start, _ in spans) if spans else None


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
    if amount != int(amount) and unit in ("Y", "M", "W"):
        # "vor anderthalb Jahren", "hace año y medio": a fraction moves by the next unit down
        unit, amount = {"Y": ("M", amount * 12), "M": ("D", amount * 30), "W": ("D", amount * 7)}[unit]
    amount_int = int(round(amount))
    deltas = {"D": relativedelta(days=amount_int), "W": relativedelta(weeks=amount_int),
              "WE": relativedelta(weeks=amount_int), "M": relativedelta(months=amount_int),
              "Q": relativedelta(months=3 * amount_int), "Y": relativedelta(years=amount_int),
              "DE": relativedelta(years=10 * amount_int), "CE": relativedelta(years=100 * amount_int)}
    return day + deltas.get(unit, relativedelta())


def _date_tense(ctx: ResolveContext) -> tuple[int, bool]:
    """The tense of the clause around a month or a date, and whether a verb in the present,
    the only cue, makes it a plan (see ``ResolveContext.tense``)."""
    tense = ctx.tense(present_is_plan=False)
    return tense, tense == 0 and ctx.tense() > 0


def _nearest_year(anchor: date, month: int, day: int | None, tense: int | bool, plan: bool = False) -> int:
    """The year that puts month/day nearest the anchor; a clause in the future (tense > 0)
    points forward, a plan in the present (``plan``) forward unless the month or day is one
    just past, otherwise past expressions dominate news."""
    tense = int(tense)
    best = anchor.year
    best_distance = None
    if day is None and month == anchor.month:
        return anchor.year  # the anchor's own month ("Ende Februar", written in February)
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            candidate = date(year, month, 28)
        distance = (candidate - anchor).days
        # a date up to ~8 months after the anchor stays in its year only with a future cue (a
        # past cue is not used: on the TE3 tune half it is too often another clause's verb)
        if distance > 0 and tense < -1 and day is None and (year, month) > (anchor.year, anchor.month):
            # a month alone right after a verb in the past ("sales fell in March", written in
            # February; ``past_beside``) is one that has been: last year's
            penalty = abs(distance) + SETTINGS.timex_wrong_side_future
        elif distance > 0 and tense <= 0 and not plan:
            penalty = abs(distance) + SETTINGS.timex_wrong_side_past
        elif distance < 0 and tense > 0:
            penalty = abs(distance) + SETTINGS.timex_wrong_side_future
        elif distance < 0 and plan:
            penalty = abs(distance) + SETTINGS.timex_wrong_side_plan
        else:
            penalty = abs(distance)
        if best_distance is None or penalty < best_distance:
            best, best_distance = year, penalty
    return best


def _resolve_absolute(ctx: ResolveContext) -> Timex | None:
    parts = ctx.parts
    weekday = ctx.rules.weekdays.get(parts["weekday"].lower().rstrip(".")) if "weekday" in parts else None
    month: int | None
    year: int | None
    if "iso" in parts:
        year, month, day = (int(x) for x in parts["iso"].split("-"))
    elif "numeric" in parts:
        pieces = re.split(r"[/.-]", parts["numeric"])
        first, second, third = (int(piece) for piece in pieces)
        if len(pieces[0]) == 4:  # the year first: "2015.5.13"
            year, month, day = first, second, third
        else:
            year = _full_year(third, ctx.anchor) if len(pieces[2]) == 2 else third
            order = ctx.rules.numeric_order_dotted if "." in parts["numeric"] else ""
            month, day = (first, second) if (order or ctx.rules.numeric_order) == "mdy" else (second, first)
    elif "month" not in parts and "mnum" not in parts:
        return _day_of_nearby_month(ctx, int(parts["day"]), weekday)
    else:
        # a month by name, or by number in scripts and styles that write it so ("3月", "15.1.")
        month = int(parts["mnum"]) if "mnum" in parts else ctx.rules.months.get(parts["month"].lower().rstrip("."))
        day, year = _day_number(ctx), int(parts["year"]) if "year" in parts else None
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    year_given = year is not None
    if year is None and ctx.anchor is not None:
        tense, plan = _date_tense(ctx)
        year = _nearest_year(ctx.anchor, month, day, tense, plan)
        if (month, day) == (2, 29):
            year = _leap_year_near(year, 1 if plan else tense)
    impossible = False
    if year is not None:
        try:
            date(year, month, day)
        except ValueError:
            impossible = True
    value = f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"XXXX-{month:02d}-{day:02d}"
    return ctx.timex("DATE", value, year=year, month=month, day=day, weekday=weekday,
                     year_given=year_given, impossible=impossible)


def _full_year(short: int, anchor: date | None) -> int:
    """A two-digit year ("05/05/89", "3.7.27"): the century that puts it at most
    ``TWO_DIGIT_YEAR_AHEAD`` years after the anchor (or after 2000 without one)."""
    latest = (anchor.year if anchor else 2000) + TWO_DIGIT_YEAR_AHEAD
    year = latest // 100 * 100 + short
    return year if year <= latest else year - 100


def _day_number(ctx: ResolveContext) -> int:
    """The day of the month, in figures or in words ("primero", "cuatro"); 0 when unknown."""
    raw = ctx.parts["day"]
    return int(raw) if raw.isdigit() else int(ctx.lookup("day_words", raw) or 0)


def _leap_year_near(year: int, tense: int) -> int:
    """"29/2" without a year: the leap year nearest ``year``, forward only in a future clause."""
    step = 1 if tense > 0 else -1
    while not calendar.isleap(year):
        year += step
    return year


def _resolve_nth_weekday(ctx: ResolveContext) -> Timex | None:
    """"el primer viernes de julio", "am ersten Sonntag im März", "el último lunes de mayo":
    the n-th (or last, ordinal -1) such weekday of that month."""
    weekday = ctx.rules.weekdays.get(ctx.parts["weekday"].lower().rstrip("."))
    month = ctx.rules.months.get(ctx.parts["month"].lower().rstrip("."))
    nth = ctx.lookup("relative", ctx.parts["last"]) if "last" in ctx.parts else _ordinal(ctx)
    if weekday is None or not month or nth not in (-1, 1, 2, 3, 4, 5):
        return None
    year = int(ctx.parts["year"]) if "year" in ctx.parts else None
    if year is None and ctx.anchor is None:
        return ctx.timex("DATE", f"XXXX-{month:02d}-WXX-{weekday + 1}-#{nth}" if nth > 0 else f"XXXX-{month:02d}")
    if year is None:
        assert ctx.anchor is not None
        year = _nearest_year(ctx.anchor, month, None, *_date_tense(ctx))
    found = _holiday_day(f"{month:02d}-W{weekday + 1}-{'L' if nth == -1 else nth}", year)
    if found.month != month:
        return None  # a fifth Friday that month does not have
    return ctx.timex("DATE", found.isoformat(), year=year, month=month, day=found.day, weekday=weekday)


def _day_of_nearby_month(ctx: ResolveContext, day: int, weekday: int | None) -> Timex | None:
    """"el lunes 12": the 12th of the month around the anchor that falls on that weekday."""
    if not 1 <= day <= 31:
        return None
    if ctx.anchor is None:
        return ctx.timex("DATE", f"XXXX-XX-{day:02d}", day=day, weekday=weekday)
    candidates = []
    for shift in (-1, 0, 1):
        month_start = ctx.anchor.replace(day=1) + relativedelta(months=shift)
        try:
            candidate = month_start.replace(day=day)
        except ValueError:
            continue
        if weekday is None or candidate.weekday() == weekday:
            candidates.append(candidate)
    if not candidates:
        return None
    found = min(candidates, key=lambda candidate: abs((candidate - ctx.anchor).days))  # type: ignore[operator]
    return ctx.timex("DATE", found.isoformat(), year=found.year, month=found.month, day=found.day, weekday=weekday)


def _resolve_month(ctx: ResolveContext) -> Timex | None:
    month = int(ctx.parts["mnum"]) if "mnum" in ctx.parts else ctx.rules.months.get(ctx.parts["month"].lower().rstrip("."))
    if not month:
        return None
    year = int(ctx.parts["year"]) if "year" in ctx.parts else None
    if "yrel" in ctx.parts and ctx.anchor is not None:  # "July last year"
        year = ctx.anchor.year + (ctx.lookup("relative", ctx.parts["yrel"]) or 0)
    if year is None and ctx.anchor is not None:
        direction = ctx.lookup("relative", ctx.parts["rel"]) if "rel" in ctx.parts else None
        if direction == -1:
            year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
        elif direction == 1:
            year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
        elif direction == 0:
            year = ctx.anchor.year
        else:
            tense, plan = (-2, False) if ctx.past_beside() or ctx.names_figures() else _date_tense(ctx)
            year = _nearest_year(ctx.anchor, month, None, tense, plan)
    value = f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"
    return ctx.timex("DATE", value, mod=ctx.mod(), year=year, month=month, year_given="year" in ctx.parts)


def _resolve_year(ctx: ResolveContext) -> Timex | None:
    year = int(ctx.parts["year"])
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    return ctx.timex("DATE", f"{year:04d}", mod=ctx.mod(), year=year, year_given=True)


def _resolve_decade(ctx: ResolveContext) -> Timex | None:
    if "decade" in ctx.parts:
        return ctx.timex("DATE", ctx.parts["decade"][:3], mod=ctx.mod())
    return ctx.timex("DATE", "19" + ctx.parts["decade2"][0], mod=ctx.mod())


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _resolve_quarter(ctx: ResolveContext) -> Timex | None:
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
    if year is None and ctx.anchor is not None and ctx.names_figures():
        # the figures of a quarter that has ended or is running ("will report fourth-quarter
        # earnings", written in February), never of one to come, whatever the clause's tense
        year = ctx.anchor.year if ordinal <= _quarter_of(ctx.anchor) else ctx.anchor.year - 1
    if year is None and ctx.anchor is not None:
        tense, plan = _date_tense(ctx)
        # a plan in the present, unless it is the quarter just past ("el PIB crece en el cuarto
        # trimestre", written in February)
        just_past = (_quarter_of(ctx.anchor) - 2) % 4 + 1
        ahead = ordinal <= _quarter_of(ctx.anchor) or tense > 0 or (plan and ordinal != just_past)
        year = ctx.anchor.year if ahead else ctx.anchor.year - 1
    return ctx.timex("DATE", f"{year:04d}-Q{ordinal}" if year else f"XXXX-Q{ordinal}")


def _ordinal(ctx: ResolveContext) -> int | None:
    raw = ctx.parts["ordinal"]
    digits = re.match(r"\d+", raw)
    if digits:
        return int(digits.group(0))
    if re.fullmatch(r"[IVXL]+", raw):  # "el siglo XV", "im XX. Jahrhundert"
        return _roman(raw)
    return ctx.lookup("ordinals", raw)


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for letter, following in zip(numeral, numeral[1:] + " "):
        value = values[letter]
        total += -value if values.get(following, 0) > value else value
    return total


def _resolve_season(ctx: ResolveContext) -> Timex | None:
    season = ctx.lookup("seasons", ctx.parts["season"])
    year = int(ctx.parts["year"]) if "year" in ctx.parts else None
    if year is None and ctx.anchor is not None:
        direction = ctx.lookup("relative", ctx.parts["rel"]) if "rel" in ctx.parts else 0
        year = ctx.anchor.year + (direction or 0)
    return ctx.timex("DATE", f"{year:04d}-{season}" if year else f"XXXX-{season}", mod=ctx.mod())


def _resolve_relative_unit(ctx: ResolveContext) -> Timex | None:
    unit = ctx.unit()
    if unit is None or unit in TIME_UNITS:
        return None
    text = ctx.mention.text.lower()
    if unit == "WE" and "rel" not in ctx.parts and ctx.anchor is not None:
        # "the weekend": the coming one in a clause about the future or a plan ("El fin de semana
        # llueve"), the one just past in the past; without a cue the one just past early in the
        # week and the coming one later in it
        tense = ctx.tense() if ctx.anchor.weekday() < 5 else 0
        ahead = tense > 0 or (tense == 0 and ctx.anchor.weekday() >= 3)
        weekend_week = ctx.anchor if ahead else ctx.anchor - timedelta(days=7)
        return ctx.timex("DATE", _fmt(weekend_week, "WE"))
    if "rel" in ctx.parts:
        direction = ctx.lookup("relative", ctx.parts["rel"]) or 0
        if unit == "WE" and direction == 1 and ctx.anchor is not None and ctx.anchor.weekday() < 5:
            # "am kommenden Wochenende", "el próximo fin de semana" said on a weekday: the one
            # ahead, this week's
            return ctx.timex("DATE", _fmt(ctx.anchor, "WE"))
    else:
        direction = -1 if re.search(r"earlier|ago|before", text) and "this" not in text else 0
    if ctx.anchor is None:
        return ctx.timex("DATE", "PRESENT_REF" if direction == 0 else ("PAST_REF" if direction < 0 else "FUTURE_REF"))
    if unit == "D":
        return ctx.timex("DATE", _shift(ctx.anchor, direction, "D").isoformat())
    return ctx.timex("DATE", _fmt(_shift(ctx.anchor, direction, unit), unit), mod=ctx.mod())


def _resolve_weekday(ctx: ResolveContext) -> Timex | None:
    weekday = ctx.rules.weekdays.get(ctx.parts["weekday"].lower().rstrip("."))
    if weekday is None:
        return None
    # "Friday night" keeps the day's value: news gold (TimeBank) mostly dates the day only
    type_, suffix = "DATE", ""
    if ctx.anchor is None:
        return ctx.timex(type_, f"XXXX-WXX-{weekday + 1}{suffix}", weekday=weekday)
    day = _weekday_date(ctx, weekday)
    return ctx.timex(type_, day.isoformat() + suffix, weekday=weekday, year=day.year, month=day.month, day=day.day)


def _weekday_date(ctx: ResolveContext, weekday: int) -> date:
    """The day a weekday name points at: the last one, or the next one with a future cue."""
    assert ctx.anchor is not None
    if "wrel" in ctx.parts or "wrel2" in ctx.parts:
        # "am Freitag kommender Woche", "el martes de la próxima semana": that week's day
        weeks = ctx.lookup("relative", ctx.parts.get("wrel") or ctx.parts["wrel2"]) or 0
        return ctx.anchor + timedelta(days=7 * weeks + weekday - ctx.anchor.weekday())
    if "relday" in ctx.parts:
        # "mañana jueves", "hoy martes": the day word says which one, when the weekday agrees
        said = ctx.anchor + timedelta(days=ctx.lookup("relative_days", ctx.parts["relday"]) or 0)
        # the day word names the day, whatever the clause's tense; where the anchor is a day or two
        # off the weekday ("hoy martes" in a text dated Wednesday), that weekday nearest the said day
        return said + timedelta(days=(weekday - said.weekday() + 3) % 7 - 3)
    direction = ctx.lookup("relative", ctx.parts["rel"]) if "rel" in ctx.parts else None
    back = (ctx.anchor.weekday() - weekday) % 7
    if direction == -1:
        day = ctx.anchor - timedelta(days=back or 7)
    elif direction == 1:
        day = ctx.anchor + timedelta(days=((weekday - ctx.anchor.weekday()) % 7) or 7)
    elif direction == 0:
        day = ctx.anchor + timedelta(days=weekday - ctx.anchor.weekday())
        if day > ctx.anchor and _said_today_in_past(ctx):
            day -= timedelta(days=7)
    elif ctx.looks_future() and back:
        day = ctx.anchor + timedelta(days=(weekday - ctx.anchor.weekday()) % 7)
    else:
        day = ctx.anchor - timedelta(days=back)
    return day


def _said_today_in_past(ctx: ResolveContext) -> bool:
    """A weekday after a word that makes it the day of writing (``today_weekday``: "este domingo")
    in a clause that reads past: "El Gobierno celebró este domingo …" was written that Sunday or
    after, so the Sunday is the last one, not the one ahead in the anchor's week."""
    said = ctx.parts.get("rel", "").lower()
    if said not in ctx.rules.tables.get("today_weekday", {}):
        return False
    # "confirmó que a partir de este jueves …": a preposition that points forward keeps the day ahead
    before = ctx.text[max(0, ctx.mention.start - SETTINGS.timex_cue_window):ctx.mention.start].lower()
    if any(regex.search(before) for regex in _forward_regexes(ctx.rules.forward_before)):
        return False
    return ctx.tense() < 0


def _resolve_relative_day(ctx: ResolveContext) -> Timex | None:
    offset, part = 0, None
    if "relday" in ctx.parts:
        offset = ctx.lookup("relative_days", ctx.parts["relday"]) or 0
        part = ctx.lookup("relative_day_parts", ctx.parts["relday"])
    if "part" in ctx.parts:
        part = ctx.lookup("parts_of_day", ctx.parts["part"])
        if re.search(r"\blast\b|derni", ctx.mention.text.lower()):
            offset = -1
        elif "rel" in ctx.parts and "relday" not in ctx.parts:
            # "vergangene Nacht", "la noche anterior": the word says which day's part
            offset = ctx.lookup("relative", ctx.parts["rel"]) or 0
    suffix = f"T{part}" if part else ""
    if ctx.anchor is None:
        return ctx.timex("TIME" if part else "DATE", "XXXX-XX-XX" + suffix)
    return ctx.timex("TIME" if part else "DATE", (ctx.anchor + timedelta(days=offset)).isoformat() + suffix)


def _plus_half(ctx: ResolveContext, amount: float | str) -> float | str:
    """"un año y medio", "zwei Jahre und ein halbes": the pattern's ``half`` group adds a half;
    "año y medio" alone (no count) is one and a half."""
    if "half" not in ctx.parts or isinstance(amount, str):
        return amount
    return float(amount) + 0.5


def _resolve_shifted(ctx: ResolveContext, sign: int) -> Timex | None:
    amount, unit = ctx.number() if "num" in ctx.parts else (1 if "half" in ctx.parts else None), ctx.unit()
    if unit is None or amount is None:
        return None
    amount = _plus_half(ctx, amount)
    if isinstance(amount, str):
        return ctx.timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if ctx.anchor is None:
        return ctx.timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", number=amount, unit=unit)
    if unit in TIME_UNITS:
        return ctx.timex("DATE", ctx.anchor.isoformat(), number=amount, unit=unit)
    shifted = _shift(ctx.anchor, sign * amount, unit)
    if sign > 0 and unit == "W":
        # "in two weeks", "dentro de dos semanas": the day a whole count of weeks ahead
        return ctx.timex("DATE", _fmt(shifted, "D" if amount == int(amount) else unit), number=amount, unit=unit)
    return ctx.timex("DATE", _fmt(shifted, unit), number=amount, unit=unit)


def _resolve_duration(ctx: ResolveContext) -> Timex | None:
    unit = ctx.unit()
    if unit is None:
        return None
    amount = ctx.number() if "num" in ctx.parts else 1
    if amount is None:
        return None
    amount = _plus_half(ctx, amount)
    # "for years", "seit Jahren", "en los últimos años": a plural without a count ("many" marks
    # it where the plural does not end in -s)
    plural_only = "num" not in ctx.parts and (ctx.parts["unit"].lower().endswith("s") or "many" in ctx.parts)
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


def _resolve_anniversary(ctx: ResolveContext) -> Timex | None:
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


def _resolve_time(ctx: ResolveContext) -> Timex | None:
    clock = ctx.parts["clock"].lower()
    clock = ctx.lookup("named_clocks", clock) or _clock_from_words(ctx, clock) or clock
    # "18:30", "18h30", and "18.30" as German and Spanish papers write it
    found = re.match(r"(\d{1,2})(?:[:h.](\d\d)(?::(\d\d))?)?", clock)
    if not found:
        return None
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    if re.search(r"p\.?\s?m", clock) and hour < 12:
        hour += 12
    elif re.search(r"a\.?\s?m", clock) and hour == 12:
        hour = 0
    if "part" in ctx.parts or "part2" in ctx.parts:
        # "a las 7 de la tarde", "am Donnerstag um 8 Uhr abends": the part after the clock wins
        part = ctx.lookup("parts_of_day", ctx.parts.get("part2") or ctx.parts["part"])
    else:  # "anoche a las 10" is ten at night
        part = ctx.lookup("relative_day_parts", ctx.parts["relday"]) if "relday" in ctx.parts else None
    hour = _hour_in_part(hour, part)
    if hour > 23:
        return None
    day = ctx.anchor.isoformat() if ctx.anchor else "XXXX-XX-XX"
    weekday = ctx.rules.weekdays.get(ctx.parts["weekday"].lower().rstrip(".")) if "weekday" in ctx.parts else None
    clock = f"T{hour:02d}:{minute:02d}" + (f":{found.group(3)}" if found.group(3) else "")
    if "numeric" in ctx.parts or ("day" in ctx.parts and ("month" in ctx.parts or "mnum" in ctx.parts)):
        dated = _resolve_absolute(ctx)  # "am 3. März um 18 Uhr", "el 3 de marzo a las 18.00"
        if dated is None:
            return None
        # the day's own fields and resolver, so that what reads dates named (the publication
        # day's clues, the weekday check) reads this one too
        dated.type, dated.value, dated.resolve = "TIME", dated.value + clock, "absolute"
        return dated
    if weekday is not None and ctx.anchor is None:
        return ctx.timex("TIME", f"XXXX-WXX-{weekday + 1}{clock}", resolve="weekday", weekday=weekday)
    if weekday is not None:
        that_day = _weekday_date(ctx, weekday)
        return ctx.timex("TIME", that_day.isoformat() + clock, resolve="weekday", weekday=weekday,
                         year=that_day.year, month=that_day.month, day=that_day.day)
    if "relday" in ctx.parts and ctx.anchor is not None:  # "morgen um 9 Uhr", "hoy a las 18.00 horas"
        said_day = ctx.anchor + timedelta(days=ctx.lookup("relative_days", ctx.parts["relday"]) or 0)
        return ctx.timex("TIME", said_day.isoformat() + clock, resolve="relative_day")
    return ctx.timex("TIME", f"{day}{clock}")


def _clock_from_words(ctx: ResolveContext, clock: str) -> str | None:
    """"siete y media" → "7:30", "ocho menos cuarto" → "7:45" (``clock_hours`` and
    ``clock_minutes`` of the language file); None for a clock in digits."""
    words = re.sub(r"\s+", " ", clock.strip())
    hours = ctx.rules.tables.get("clock_hours", {})
    if not hours or words[:1].isdigit():
        return None
    hour_word = max((word for word in hours if words == word or words.startswith(word + " ")), key=len, default=None)
    if hour_word is None:
        return None
    hour, minutes = int(hours[hour_word]), int(ctx.rules.tables["clock_minutes"].get(words[len(hour_word):].strip(), 0))
    if minutes < 0:
        hour, minutes = (hour - 1) % 24, 60 + minutes
    return f"{hour}:{minutes:02d}"


def _hour_in_part(hour: int, part: str | None) -> int:
    """The 24-hour clock of "8 Uhr abends", "las 7 de la tarde", "12 Uhr nachts"."""
    if part in ("AF", "EV") and hour < 12:
        return hour + 12
    if part == "EV" and hour == 12:  # "12 Uhr abends" is midnight
        return 0
    if part == "NI":
        if hour == 12:
            return 0
        if 6 <= hour < 12:  # "10 Uhr nachts" is 22:00, "3 Uhr nachts" is 03:00
            return hour + 12
    if part == "MO" and hour == 12:
        return 0
    return hour


def _resolve_vague(ctx: ResolveContext) -> Timex | None:
    value = ctx.lookup("vague", ctx.parts["vague"])
    return ctx.timex("DATE", value) if value else None


def _resolve_set(ctx: ResolveContext) -> Timex | None:
    if "set" in ctx.parts:
        value = ctx.lookup("sets", ctx.parts["set"])
        return ctx.timex("SET", value) if value else None
    if "weekday" in ctx.parts:
        weekday = ctx.rules.weekdays.get(ctx.parts["weekday"].lower().rstrip("."))
        return ctx.timex("SET", f"XXXX-WXX-{weekday + 1}") if weekday is not None else None
    unit = ctx.unit()
    return ctx.timex("SET", DURATION_UNITS[unit].format(n=1)) if unit else None


def _resolve_holiday(ctx: ResolveContext) -> Timex | None:
    rule = ctx.lookup("holidays", ctx.parts["holiday"])
    if not rule:
        return None
    given = int(ctx.parts["year"]) if "year" in ctx.parts else None  # "Ostern 2027", "la Semana Santa de 2025"
    if given is not None:
        day = _holiday_day(rule, given)
        return ctx.timex("DATE", day.isoformat(), year=given, month=day.month, day=day.day, year_given=True)
    if ctx.anchor is None:
        if rule.startswith("E"):
            return ctx.timex("DATE", "XXXX")
        return ctx.timex("DATE", f"XXXX-{rule}" if len(rule) == 5 else f"XXXX-{int(rule[:2]):02d}")
    this_year = _holiday_day(rule, ctx.anchor.year)
    # a holiday of a fixed day is that day ("Christmas", written on 24 December, is tomorrow's
    # even in a future clause), one of a month only its middle
    fixed_day = rule.startswith("E") or len(rule) == 5
    year = _nearest_year(ctx.anchor, this_year.month, this_year.day if fixed_day else 15, *_date_tense(ctx))
    day = _holiday_day(rule, year)
    month = day.month
    return ctx.timex("DATE", day.isoformat(), year=year, month=month, day=day.day)


def _holiday_day(rule: str, year: int) -> date:
    """ "12-25" or "11-W4-4" (4th Thursday of November) or "05-W1-L" (last Monday of May), or
    "E-2" (Easter Sunday and the days counted from it: Good Friday, Whit Monday "E+50")."""
    if rule.startswith("E"):
        return easter(year) + timedelta(days=int(rule[1:] or 0))
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


def _resolve_century(ctx: ResolveContext) -> Timex | None:
    ordinal = _ordinal(ctx)
    if not ordinal or not 1 <= ordinal <= 21:
        return None
    return ctx.timex("DATE", f"{ordinal - 1:02d}")


def _resolve_ahead_or_duration(ctx: ResolveContext) -> Timex | None:
    """"en dos semanas" is a date ahead in a future or present clause and a duration in a past
    one ("avanzó 50 km en dos horas")."""
    return _resolve_duration(ctx) if ctx.tense() < 0 else _resolve_shifted(ctx, 1)


def _resolve_half_year(ctx: ResolveContext) -> Timex | None:
    """"im zweiten Halbjahr", "el primer semestre de 2024": TimeML's 2024-H1 / 2024-H2."""
    half = _ordinal(ctx) if "ordinal" in ctx.parts else None
    if half not in (1, 2):
        return None
    year = int(ctx.parts["year"]) if "year" in ctx.parts else None
    if year is None and ctx.anchor is not None:
        current = 1 if ctx.anchor.month <= 6 else 2
        # a present verb makes no plan of the other half: written in the first, it is the one just past
        ahead = half <= current or ctx.looks_future(present_is_plan=False)
        year = ctx.anchor.year if ahead else ctx.anchor.year - 1
    return ctx.timex("DATE", f"{year:04d}-H{half}" if year else f"XXXX-H{half}")


RESOLVERS = {
    "ahead_or_duration": _resolve_ahead_or_duration,
    "half_year": _resolve_half_year,
    "century": _resolve_century,
    "holiday": _resolve_holiday,
    "absolute": _resolve_absolute,
    "nth_weekday": _resolve_nth_weekday,
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
