"""``generic_filler``: runs of vague sentences that state nothing a reader could check.

A sentence of reporting carries at least one anchor: a name (person, place, organisation),
a number, a date, or a source ("said", "according to", a quotation). Padding has none:
"The coming weeks will be crucial. The reactions are awaited with interest." One such
sentence is common in honest copy; several in a row are padding. Stock phrases of padding
(``[filler] phrases`` in ``lang/<iso>/trust.toml``) mark a sentence as vague even when it
names a place, because a name alone ("the situation in the region remains tense") gives
nothing to check.
"""

from __future__ import annotations

import re

from newsweave.assess.textual import (
    Sentence,
    find_patterns,
    has_source,
    line_parts,
    mentions,
    overlaps,
    patterns,
    sentences,
    time_spans,
)
from newsweave.model import Article, Flag

KIND = "generic_filler"
SEVERITY = "info"
# Consecutive vague sentences that make a run of padding. Three: two vague sentences in a
# row occur in clean agency copy (a transition, a context line); on the team's labelled set
# (tests/data/trust) three or more occur only in padded articles.
MIN_RUN = 3
# A shorter run is enough when it holds this many stock phrases of padding.
MIN_RUN_WITH_PHRASE = 2
# Sentences this short ("He left.") say too little to call either way.
MIN_WORDS = 6
_DIGIT = re.compile(r"\d")
# A capitalised word after the first one: a name the NER may have missed.
_INNER_CAPITAL = re.compile(r"(?<=[\w,;:] )[A-ZÀ-Ý][\w-]+")


def detect_generic_filler(article: Article) -> list[Flag]:
    """One flag whose evidence is each run of padding, or none."""
    runs = _vague_runs(article)
    if not runs:
        return []
    count = sum(len(run) for run in runs)
    message = f"{count} sentences in a row state nothing checkable: no name, number, date or source."
    if len(runs) > 1:
        message = f"{count} sentences in {len(runs)} passages state nothing checkable: no name, number, date or source."
    evidence = [article.span(start, end) for run in runs for start, end in line_parts(article.text, run[0].start, run[-1].end)]
    return [Flag(KIND, SEVERITY, message, evidence)]


def _vague_runs(article: Article) -> list[list[Sentence]]:
    phrases = patterns(article, "filler", "phrases")
    names = [(m.start, m.end) for m in mentions(article)]
    times = checkable_times(article)
    runs: list[list[Sentence]] = []
    current: list[Sentence] = []
    stock = 0
    for sentence in sentences(article):
        if sentence.heading:
            continue  # a sub-heading neither adds to nor breaks a run
        has_phrase = bool(find_patterns(phrases, article.text, sentence.start, sentence.end))
        if sentence.words() < MIN_WORDS and not has_phrase:
            continue  # too short to judge: neither adds to nor breaks a run
        if _is_vague(article, sentence, names, times, has_phrase):
            current.append(sentence)
            stock += has_phrase
            continue
        if _is_padding(current, stock):
            runs.append(current)
        current, stock = [], 0
    if _is_padding(current, stock):
        runs.append(current)
    return runs


def checkable_times(article: Article) -> list[tuple[int, int]]:
    """Dates a reader could check: resolved to a calendar value or a counted duration.

    "The future", "winter" or "today" (TIMEX ``FUTURE_REF``, ``PRESENT_REF``, a bare
    season) anchor nothing. Without the dates stage, the parser's dates that hold a digit
    or a capitalised word (a weekday, a month) stand in.
    """
    if article.dates:
        return [(d["start"], d["end"]) for d in article.dates if _DIGIT.search(str(d.get("value") or "")) and not str(d.get("value")).endswith("_REF")]
    return [
        (start, end)
        for start, end in time_spans(article)
        if _DIGIT.search(article.text[start:end]) or any(word[:1].isupper() for word in article.text[start:end].split())
    ]


def _is_padding(run: list[Sentence], stock: int) -> bool:
    return len(run) >= MIN_RUN or (len(run) >= MIN_RUN_WITH_PHRASE and stock >= 1)


def _is_vague(
    article: Article, sentence: Sentence, names: list[tuple[int, int]], times: list[tuple[int, int]], has_phrase: bool
) -> bool:
    """No number, date or source; and no name either, unless built on a stock phrase."""
    if _DIGIT.search(sentence.text) or has_source(article, sentence):
        return False
    if has_phrase:
        return True  # "today", "the years ahead" around a stock phrase date nothing
    if overlaps(sentence.start, sentence.end, times):
        return False
    return not overlaps(sentence.start, sentence.end, names) and not _INNER_CAPITAL.search(sentence.text)
