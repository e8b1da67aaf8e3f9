"""Detector ``date_inconsistent``: dates that cannot be true or contradict the article's time.

Three checks, each flag with the date mention as evidence:

* an impossible date ("31 February") — error;
* a weekday that does not match its date ("mardi 25 février 2026" is a Wednesday) — warning;
* the same two checks on dates the tagger does not read (other shapes, other languages),
  in ``calendar_check.py``;
* a date after the article's publication told in the past tense ("the summit was held on
  12 March 2027" in an article of 2026) — warning; not a date that ends a stretch of time
  ("cut until 2027", ``[calendar] until``). The tense comes from the spaCy parse when
  the article has one (``Tense=Past`` on the governing verb or its auxiliaries), else from
  the past/future cue words of ``lang/<iso>/dates.toml``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from newsweave import lang
from newsweave.annotate.timex import Timex, tag
from newsweave.assess.calendar_check import CONFIDENCE, calendar_flags
from newsweave.assess.textual import ends_with_pattern, patterns
from newsweave.model import Article, Flag
from newsweave.assess.settings import SETTINGS

KIND = "date_inconsistent"
# How far before a date its "until" may start ("jusqu'à la fin de 2027"), in characters.
SPAN_END_REACH = 40


def date_flags(article: Article) -> list[Flag]:
    timexes = _timexes(article)
    published = _published(article)
    flags: list[Flag] = []
    for timex in timexes:
        flag = _impossible(article, timex) or _weekday_mismatch(article, timex) or _future_in_past(article, timex, published)
        if flag:
            flags.append(flag)
    # Shapes and languages the TIMEX tagger does not read (assess/calendar_check.py).
    flags += calendar_flags(article, [(span.start, span.end) for flag in flags for span in flag.evidence])
    return flags


def _timexes(article: Article) -> list[Timex]:
    if article.work.timexes is not None:
        return article.work.timexes
    return tag(article.text, article.language, _published(article))


def _published(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published[:10]) if article.published else None
    except ValueError:
        return None


def _impossible(article: Article, timex: Timex) -> Flag | None:
    if not timex.impossible or timex.month is None:
        return None
    return Flag(KIND, "error", f"“{timex.text}” is not a date: {calendar.month_name[timex.month]} has no day {timex.day}.",
                [article.span(timex.start, timex.end)], CONFIDENCE["impossible"])


def _weekday_mismatch(article: Article, timex: Timex) -> Flag | None:
    if timex.weekday is None or timex.resolve != "absolute" or timex.year is None or timex.impossible:
        return None
    if timex.month is None or timex.day is None:
        return None
    if not timex.year_given and article.published_basis == "inferred":
        return None  # the year was guessed from a guessed article date
    actual = date(timex.year, timex.month, timex.day)
    if actual.weekday() == timex.weekday:
        return None
    how = "" if timex.year_given else " (year taken from the article's date)"
    return Flag(KIND, "warning",
                f"“{timex.text}” names a {calendar.day_name[timex.weekday]} but {actual.isoformat()} is a "
                f"{calendar.day_name[actual.weekday()]}{how}.",
                [article.span(timex.start, timex.end)], CONFIDENCE["weekday" if timex.year_given else "weekday_inferred_year"])


def _first_day(timex: Timex) -> date | None:
    """The first day a dated mention covers, for mentions that name their year."""
    if not timex.year_given or timex.year is None or timex.impossible:
        return None
    if timex.resolve == "absolute" and timex.month and timex.day:
        return date(timex.year, timex.month, timex.day)
    if timex.resolve == "month" and timex.month:
        return date(timex.year, timex.month, 1)
    if timex.resolve == "year":
        return date(timex.year, 1, 1)
    return None


def _future_in_past(article: Article, timex: Timex, published: date | None) -> Flag | None:
    first = _first_day(timex)
    if published is None or first is None or first <= published or article.published_basis == "inferred":
        return None
    if _ends_a_span(article, timex) or not _told_in_past(article, timex):
        return None
    return Flag(KIND, "warning",
                f"“{timex.text}” is after the article's date ({published.isoformat()}) yet told in the past tense.",
                [article.span(timex.start, timex.end)], SETTINGS.date_future_in_past_confidence)


def _ends_a_span(article: Article, timex: Timex) -> bool:
    """The date closes a stretch of time ("a pay cut until 2023", « amputé … jusqu'en 2027 »,
    ``[calendar] until`` of ``lang/<iso>/trust.toml``): a verb in the past tells when the stretch was
    decided or began, so a later end says nothing against the article's date."""
    before = article.text[max(0, timex.start - SPAN_END_REACH) : timex.start]
    return ends_with_pattern(patterns(article, "calendar", "until"), before, gap=r"\s*")


def _told_in_past(article: Article, timex: Timex) -> bool:
    if _clause_has(article, timex, "future_tense") or _clause_has(article, timex, "future"):
        return False  # "prévue pour la rentrée 2026", "due to finish in 2026"
    doc = article.work.doc
    if doc is not None and doc.has_annotation("MORPH"):
        return _parse_says_past(doc, timex)
    return _cues_say_past(article, timex)


def _parse_says_past(doc, timex: Timex) -> bool:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(6):  # climb to the verb that governs the date
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        below, token = token, token.head
        if token.pos_ == "NOUN" and not span.start <= token.i < span.end and _by_preposition(below):
            return False  # the date describes a thing ("a use-by date of August 2027"), not when the verb's event was
    tenses = set(token.morph.get("Tense"))
    if "Part" in token.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in token.children):
        tenses.discard("Past")  # a participle used as an adjective ("prévue pour 2026") tells no past
    for child in token.children:
        if child.dep_.startswith("aux"):
            tenses.update(child.morph.get("Tense"))
            if child.tag_ == "MD" or "Fut" in child.morph.get("Tense"):
                return False  # "will be held", "sera"
            if "Inf" in child.morph.get("VerbForm") or child.tag_ == "TO":
                return False  # an infinitive ("to be connected in 2027", « doit être raccordé »): its participle tells no past
    return "Past" in tenses and "Fut" not in tenses


def _by_preposition(token) -> bool:
    """The token is a preposition or is headed by one ("of" in "a date of May 2028"; « de » in
    « une date de mai 2028 »): the date it brings is a noun's complement. A date hung on a noun
    with no preposition (« raccordée au réseau le 12 mai ») is a parse's slip, still the verb's time."""
    return token.pos_ == "ADP" or any(child.dep_ == "case" for child in token.children)


def _clause_has(article: Article, timex: Timex, cue_list: str) -> bool:
    """A cue word of ``dates.toml``'s ``[cues]`` list in the clause around the date."""
    words = lang.load(article.language or "", "dates").get("cues", {}).get(cue_list, [])
    window = article.text[max(0, timex.start - SETTINGS.date_tense_window):timex.end + SETTINGS.date_tense_window // 2].lower()
    clause = next((part for part in re.split(r"[.!?;]\s|\n", window) if timex.text.lower() in part), window)
    before = clause.split(timex.text.lower())[0][-SETTINGS.date_tense_window // 2:] + " " + timex.text.lower()
    return any(re.search(rf"(?<!\w){re.escape(word.strip())}(?!\w)", before) for word in words)


def _cues_say_past(article: Article, timex: Timex) -> bool:
    cues = lang.load(article.language or "", "dates").get("cues", {})
    window = article.text[max(0, timex.start - SETTINGS.date_tense_window):timex.end + SETTINGS.date_tense_window].lower()
    sentence = re.split(r"[.!?]\s", window)
    around = next((part for part in sentence if timex.text.lower() in part), window)

    def has(words: list[str]) -> bool:
        return any(re.search(rf"(?<!\w){re.escape(word.strip())}(?!\w)", around) for word in words)

    past = has(cues.get("past_tense", [])) or any(re.search(p, around) for p in cues.get("past_tense_patterns", []))
    return past and not has(cues.get("future_tense", []))
