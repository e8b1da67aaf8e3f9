"""What story assignment compares for one article (:class:`ArticleSignals`), read off an
annotated article: its embedding, its canonical entities with their mention counts, the
days it reports (TIMEX3 dates and event dates), its PLOVER event types, and the headline and
first sentence that may title a story.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsweave.annotate.embeddings import embed_articles
from newsweave.annotate.word_sets import stop_words as language_stop_words
from newsweave.model import Article

# Entity labels whose mentions count when no canonical id is available.
ENTITY_LABELS = frozenset({"PER", "ORG", "LOC", "PERSON", "GPE"})
KEYWORD_MIN_LETTERS = 4
# A TIMEX3 value that names one day (possibly with a time): what an event date can be compared on.
DAY_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)")
# A TIMEX3 value that names a weekday of no known week ("XXXX-WXX-7", "XXXX-WXX-4T02:09"): the
# day of an undated report's event, compared by weekday (``story_score.weekday_conflict``).
WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-([1-7])(?:$|T)")
# A TIMEX3 value that starts with a year ("2004", "2004-12", "2013-03-14T09:00").
YEAR_VALUE = re.compile(r"^(\d{4})(?:$|-)")
# Days an article reports, at most (the first ones in the text: news states the "when" early).
MAX_DAYS = 6
# Longest headline taken from a plain text's first line, and longest summary sentence shown.
HEADLINE_MAX_CHARS = 160
SUMMARY_MAX_CHARS = 300
# A number written with digits: thousands grouped by "," "." or a (no-break) space, then an
# optional decimal part ("1,200", "1.200", "1 200", "4.6", "4,6"); not inside a word or a time.
NUMBER = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+)(?:[.,](\d{1,2}|\d{4,}))?(?![\w:/]|[.,]\d)")
# Quantities kept per article, at most (the first ones: the lead states what the event measured).
MAX_QUANTITIES = 12


@dataclass(frozen=True)
class ArticleSignals:
    """What is compared for one article."""

    embedding: np.ndarray
    entities: dict[str, str]  # key → display name
    keywords: list[str]
    day: date | None
    language: str | None
    mentions: dict[str, int] = field(default_factory=dict)  # key → mentions in the article
    # Days the article reports (resolved TIMEX3 dates of day precision and its events' dates),
    # in text order; its publication day is compared beside them (``report_days``).
    days: tuple[date, ...] = ()
    events: tuple[str, ...] = ()  # PLOVER types of its events, each once
    labels: dict[str, str] = field(default_factory=dict)  # entity key → PER / ORG / LOC / MISC
    headline: str = ""
    summary: str = ""
    # Entity keys that act or are acted on in its events (actors and targets): who the
    # article's events are about, compared with the story's (``story_score.participant_conflict``).
    participants: tuple[str, ...] = ()
    # The latest year its dates name, compared when a side reports no day
    # (``story_score.year_conflict``): a report names its own year more than a past one.
    year: int | None = None
    # Numbers it reports outside its dates, normalised ("4,6" and "4.6" alike; "1 200" and
    # "1,200" alike): magnitudes, tolls, prices, scores, ages (``story_score.quantity_conflict``).
    quantities: tuple[str, ...] = ()
    # ISO weekdays (1 = Monday) its dates name without a week ("on Sunday" in a report with no
    # date to anchor it), each once, in text order (``story_score.weekday_conflict``).
    weekdays: tuple[int, ...] = ()

    def entity_weights(self) -> dict[str, int]:
        """Mentions per entity (1 for an entity whose count is not known)."""
        return {key: self.mentions.get(key, 1) for key in self.entities}

    def report_days(self) -> tuple[date, ...]:
        """The days the article reports, else its publication day."""
        return self.days or ((self.day,) if self.day else ())


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def entity_keys(article: Article) -> dict[str, str]:
    """Canonical entities of an article (id → name), most mentioned first; spaCy's when there are no ids."""
    return {key: name for key, (name, _) in entity_mentions(article).items()}


def entity_mentions(article: Article) -> dict[str, tuple[str, int]]:
    """Canonical entities of an article: id → (name, mentions), most mentioned first."""
    names: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for entity in article.entities:
        name = entity.canonical or entity.text or ""
        key = entity.entity_id or (_fold_key(name) if entity.label in ENTITY_LABELS else None)
        if key and name:
            names.setdefault(key, name)
            counts[key] += 1
    if not names and article.work.doc is not None:
        for ent in article.work.doc.ents:
            if ent.label_ in ENTITY_LABELS:
                names.setdefault(_fold_key(ent.text), ent.text)
                counts[_fold_key(ent.text)] += 1
    return {key: (names[key], count) for key, count in counts.most_common()}


def entity_labels(article: Article) -> dict[str, str]:
    """Entity key → its label (the first mention's), for the keys of ``entity_mentions``."""
    labels: dict[str, str] = {}
    for entity in article.entities:
        name = entity.canonical or entity.text or ""
        key = entity.entity_id or (_fold_key(name) if entity.label in ENTITY_LABELS else None)
        if key:
            labels.setdefault(key, entity.label or "")
    return labels


def _fold_key(name: str) -> str:
    return "name:" + " ".join(re.findall(r"\w+", name.casefold()))


def reported_days(article: Article) -> tuple[date, ...]:
    """Days named by the article's resolved dates and events, in text order, each once."""
    found: dict[date, None] = {}
    dated: list[tuple[int, str | None]] = [(timex.start, timex.value) for timex in article.dates]
    dated += [(event.trigger.start, event.date) for event in article.events if event.date]
    for _, value in sorted(dated, key=lambda item: item[0]):
        matched = DAY_VALUE.match(value or "")
        day = parse_day(matched.group(1)) if matched else None
        if day:
            found.setdefault(day)
        if len(found) >= MAX_DAYS:
            break
    return tuple(found)


def named_weekdays(article: Article) -> tuple[int, ...]:
    """ISO weekdays of the article's TIMEX3 values that name a weekday of no known week, in text
    order, each once (the first ``MAX_DAYS``, as for days: the event's day comes early)."""
    found: dict[int, None] = {}
    for timex in sorted(article.dates, key=lambda timex: timex.start):
        matched = WEEKDAY_VALUE.match(timex.value or "")
        if matched:
            found.setdefault(int(matched.group(1)))
        if len(found) >= MAX_DAYS:
            break
    return tuple(found)


def latest_year(article: Article, days: tuple[date, ...] = ()) -> int | None:
    """The latest year the article's dates name (a year alone, a month, a day) or its reported
    ``days`` fall in; None when it names no year."""
    years = {int(found.group(1)) for found in (YEAR_VALUE.match(timex.value or "") for timex in article.dates) if found}
    return max(years | {day.year for day in days}, default=None)


def quantities(article: Article) -> tuple[str, ...]:
    """The numbers the article writes in digits outside its dates (years, days of month and
    clock times belong to the dates), normalised so that one quantity reads alike in any
    language's notation; numbers under 10 are left out (counts of everyday things, list
    items). Each once, in text order, at most ``MAX_QUANTITIES``."""
    dated = [(timex.start, timex.end) for timex in article.dates]
    found: dict[str, None] = {}
    for match in NUMBER.finditer(article.text):
        if any(start <= match.start() < end for start, end in dated):
            continue
        whole, decimals = str(int(re.sub(r"\D", "", match.group(1)))), match.group(2)
        if _looks_like_year(match.group(0)) or (not decimals and int(whole) < 10):
            continue
        value = f"{whole}.{decimals}" if decimals else whole
        found.setdefault(value)
        if len(found) >= MAX_QUANTITIES:
            break
    return tuple(found)


def _looks_like_year(number: str) -> bool:
    """A bare four-digit number from 1900 to 2099 is read as a year even outside a date."""
    return bool(re.fullmatch(r"(?:19|20)\d\d", number))


def event_types(article: Article) -> tuple[str, ...]:
    return tuple(dict.fromkeys(event.type for event in article.events if event.type))


def event_participants(article: Article) -> tuple[str, ...]:
    """Entity keys of its events' actors and targets, each once, in text order; keyed as
    ``entity_mentions`` keys them (the canonical id, else the folded name)."""
    keys: dict[str, None] = {}
    for event in article.events:
        for participant in (event.actor, event.target):
            if participant is None:
                continue
            name = participant.canonical or participant.text or ""
            key = participant.entity_id or (_fold_key(name) if name else None)
            if key:
                keys.setdefault(key)
    return tuple(keys)


def keywords(article: Article, stop_words: frozenset[str] = frozenset()) -> list[str]:
    """Content words of the title and lead, for labels (``stop_words``: spaCy's for the language, as
    ``annotate.word_sets.stop_words`` reads them)."""
    lead = f"{article.title or ''} {_cut_at_word(article.text, 600)}"
    words = [word for word in re.findall(r"[^\W\d_]+", lead.casefold()) if len(word) >= KEYWORD_MIN_LETTERS]
    return [word for word in words if word not in stop_words]


def _cut_at_word(text: str, limit: int) -> str:
    """The first ``limit`` characters, less a word the cut splits ("ammunitio" is no keyword)."""
    if len(text) <= limit or not text[limit].isalnum():
        return text[:limit]
    return re.sub(r"\w+$", "", text[:limit])


def headline_and_summary(article: Article) -> tuple[str, str]:
    """The article's headline (its title, else a short first line) and its first sentence after it."""
    text = article.text.strip()
    title = " ".join((article.title or "").split())
    first_line = text.split("\n", 1)[0].strip()
    if not title and 0 < len(first_line) <= HEADLINE_MAX_CHARS and not first_line.endswith((".", ":", ";")):
        title = first_line
    body = text[len(first_line):].lstrip() if title and first_line.strip() == title else text
    return title, first_sentence(body)


def first_sentence(text: str) -> str:
    """The first sentence of a text (up to a full stop, ! or ? followed by a space), trimmed."""
    flat = " ".join(text.split())
    # Not after a one- or two-digit number: "am 4. März", "le 1. …" are ordinals, not ends.
    found = re.match(r"(.{20,}?(?<!\b\d)(?<!\b\d\d)[.!?。])(?=\s+\S|$)", flat)
    sentence = found.group(1) if found else flat
    return sentence if len(sentence) <= SUMMARY_MAX_CHARS else sentence[:SUMMARY_MAX_CHARS].rsplit(" ", 1)[0] + " …"


def article_signals(article: Article) -> ArticleSignals:
    embed_articles([article])
    mentioned = entity_mentions(article)
    labels = entity_labels(article)
    headline, summary = headline_and_summary(article)
    days = reported_days(article)
    return ArticleSignals(
        embedding=article.work.embedding,
        entities={key: name for key, (name, _) in mentioned.items()},
        mentions={key: count for key, (_, count) in mentioned.items()},
        keywords=keywords(article, language_stop_words(article.language or "xx")),
        day=parse_day(article.published),
        language=article.language,
        days=days,
        events=event_types(article),
        participants=event_participants(article),
        labels={key: labels.get(key, "") for key in mentioned},
        headline=headline,
        summary=summary,
        year=latest_year(article, days),
        quantities=quantities(article),
        weekdays=named_weekdays(article),
    )
