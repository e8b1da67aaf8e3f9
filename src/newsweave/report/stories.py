"""Stories for readers: each story's timeline (events and dated statements in time order,
each pointing to its article and span), its export rows, and its page.

The page (:func:`render_story`) is the same in the static report and in the web UI of
``newsweave serve``: timeline plot, map of the places its articles name, timeline table and
articles by language. Its links are relative (``../articles/<id>.html``) and both put
story pages one level below the article folder's parent, so they work in either.

The timeline plot is an inline SVG drawn here rather than an Altair/Plotly chart: those need
a JavaScript runtime (≈1 MB inlined per page) that the report's Content-Security-Policy
forbids, while an SVG of a few dozen marks needs no script, works offline in any browser,
and its marks are plain links to the article pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from jinja2 import Environment
from sqlalchemy import select

from newsweave.link.story_labels import story_title
from newsweave.link.story_state import StoryState
from newsweave.model import Article, Event, Participant, Timex
from newsweave.report.map import Place, places_in_articles, world_map_svg
from newsweave.report.wording import article_name, count_noun
from newsweave.store import Store, schema

# A date value precise enough for a timeline (TIMEX3 day or month); weeks and years are too vague.
TIMELINE_DATE = re.compile(r"^\d{4}-\d\d(-\d\d)?$")
# A dated statement quotes at most this much of its sentence.
STATEMENT_CHARS = 280
# Sentence edges for statements: stored articles keep no parse, and a full stop, question or
# exclamation mark followed by a space, or a line break, is enough to cut a readable excerpt.
SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
# A dated sentence says something only with this many words besides its date: fewer is a
# dateline or a publication line ("Published 10 February 2025", "Mis à jour le 3 mars").
STATEMENT_MIN_WORDS = 4
_LETTER_WORD = re.compile(r"[^\W\d_]+")
# Plot geometry (px).
PLOT_WIDTH, LANE_HEIGHT, PLOT_MARGIN, LABEL_WIDTH = 760, 34, 24, 44
TYPE_COLOURS = {
    "CONSULT": "#2563eb", "AGREE": "#16a34a", "SUPPORT": "#22c55e", "COOPERATE": "#15803d", "AID": "#0d9488",
    "CONCEDE": "#65a30d", "RETREAT": "#a3a3a3", "REQUEST": "#ca8a04", "DEMAND": "#d97706", "ACCUSE": "#ea580c",
    "REJECT": "#c2410c", "THREATEN": "#dc2626", "PROTEST": "#db2777", "SANCTION": "#9333ea", "MOBILIZE": "#7c3aed",
    "COERCE": "#b91c1c", "ASSAULT": "#7f1d1d",
}
STATEMENT_COLOUR = "#6b7280"
# Why an entry's date is inferred rather than read in its sentence (shown on its mark).
AT_ARTICLE_TIME = "no date in the sentence: placed at the article's date"
RELATIVE_WORD = "a weekday, month or relative word without a number, resolved against the article's date"
ARTICLE_DATE_INFERRED = "the article's own date is inferred"
_DIGIT = re.compile(r"\d")
# A timeline entry in ``export --what stories`` (the contract's keys, then ``inferred``).
EXPORT_TIMELINE_KEYS = ("date", "article_id", "start", "end", "text", "event_type", "inferred")


# --- timelines ----------------------------------------------------------------------------


def timeline_entries(article: Article) -> list[dict[str, Any]]:
    """An article's events, and its sentences holding a resolved date that no event covers."""
    entries = [_event_entry(article, event) for event in article.events]
    covered = [(entry["start"], entry["end"]) for entry in entries]
    for item in article.dates:
        value = item.value or ""
        if item.type != "DATE" or not TIMELINE_DATE.match(value):
            continue
        start, end = sentence_around(article.text, item.start, item.end)
        if any(start <= a < end or start < b <= end for a, b in covered):
            continue
        if not says_more_than_its_date(article.text, start, end, item.start, item.end):
            continue
        covered.append((start, end))
        entries.append({"date": value, "article_id": article.id, "start": start, "end": end,
                        "text": article.text[start:end], "event_type": None, "language": article.language,
                        **_cuts(article.text, start, end), **_inferred(article, _timex_reason(article, item))})
    return entries


def _inferred(article: Article, reason: str | None) -> dict[str, Any]:
    """``inferred`` (the date is not written in full in the sentence) and why."""
    reasons = [reason] if reason else []
    if reason and article.published_basis == "inferred":
        basis = article.published_interval.basis if article.published_interval else ""
        reasons.append(f"{ARTICLE_DATE_INFERRED} ({basis})" if basis else ARTICLE_DATE_INFERRED)  # e.g. "fetch date + story"
    return {"inferred": bool(reasons), "inferred_reason": "; ".join(reasons) or None}


def _timex_reason(article: Article, item: Timex) -> str | None:
    """Why a date read from ``item`` leans on the article's own date (None: written in full).

    A bare weekday, month or word ("Tuesday", "janvier", "hier") is resolved against the article's date; a
    day without its year ("4 March") takes the year from it, which counts only when that
    date is itself inferred.
    """
    value = item.value or ""
    if not _DIGIT.search(item.text):
        return RELATIVE_WORD
    if value[:4] not in item.text and article.published_basis == "inferred":
        return "the year taken from the article's date"
    return None


def _event_inferred(article: Article, day: str | None, start: int, end: int) -> dict[str, Any]:
    """An event's date comes from a date in its sentence, else from the article's date (the
    events stage gives an undated sentence the article's date; so does an event without one)."""
    if day is None:
        return {"inferred": False, "inferred_reason": None}
    written = next((item for item in article.dates
                    if item.value == day and start <= item.start and item.end <= end), None)
    return _inferred(article, _timex_reason(article, written) if written else AT_ARTICLE_TIME)


def says_more_than_its_date(text: str, start: int, end: int, date_start: int, date_end: int) -> bool:
    """Whether the sentence [start, end) holds enough words besides the date [date_start, date_end)."""
    rest = text[start:date_start] + " " + text[date_end:end]
    return len(_LETTER_WORD.findall(rest)) >= STATEMENT_MIN_WORDS


def _cuts(text: str, start: int, end: int) -> dict[str, bool]:
    """Whether the excerpt [start, end) starts or ends inside its sentence (shown with an ellipsis)."""
    before = text[:start].rstrip(" \t")
    opens = not before or before.endswith(("\n", ".", "!", "?", "…", ":", "»", '"', "”"))
    closes = end >= len(text) or bool(SENTENCE_END.match(text, end - 1)) or text[end] == "\n" or text[end - 1] in ".!?…"
    return {"cut_before": not opens, "cut_after": not closes}


def _event_entry(article: Article, event: Event) -> dict[str, Any]:
    """The sentence that states the event (its participants' span alone, "Tirana, Zelensky
    visited Saudi Arabia", can say the opposite of the source)."""
    parts = [part for part in (event.trigger, event.actor, event.target, event.location) if part is not None]
    start, end = min(part.start for part in parts), max(part.end for part in parts)
    start, end = sentence_around(article.text, start, end)
    day = event.date or (article.published[:10] if article.published else None)
    return {
        "date": day,
        "article_id": article.id, "start": start, "end": end, "text": article.text[start:end], **_cuts(article.text, start, end),
        "event_type": event.type, "language": article.language,
        "actor": _participant_name(event.actor), "target": _participant_name(event.target),
        **_event_inferred(article, day, start, end),
    }


def _participant_name(participant: Participant | None) -> str | None:
    return (participant.canonical or participant.text) if participant is not None else None


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end), cut to ``STATEMENT_CHARS`` around the span."""
    before = [match.end() for match in SENTENCE_END.finditer(text, 0, start)]
    left = before[-1] if before else 0
    after = SENTENCE_END.search(text, end)
    right = after.end() if after else len(text)
    left = max(left, start - STATEMENT_CHARS // 2)
    right = min(right, max(end, left + STATEMENT_CHARS))
    while 0 < left < start and text[left - 1].isalnum():  # a cut sentence starts on a whole word
        left += 1
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def sort_timeline(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Date order; entries without a date go last (they cannot be placed)."""
    return sorted(entries, key=lambda e: (e["date"] is None, e["date"] or "", e["article_id"], e["start"]))


def story_timeline(store: Store, article_ids: list[str]) -> tuple[list[dict[str, Any]], list[Article]]:
    articles = [article for article_id in article_ids if (article := store.get_article(article_id))]
    entries = [entry for article in articles for entry in timeline_entries(article)]
    return without_repeats(sort_timeline(entries)), articles


def without_repeats(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first of entries saying the same thing on the same date: near-duplicate articles
    (a wire story and its copies) repeat sentences word for word, up to case and punctuation."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for entry in entries:
        key = (entry["date"], entry["event_type"], " ".join(_LETTER_WORD.findall(entry["text"].casefold())))
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


def story_export_rows(store: Store) -> Iterator[dict[str, Any]]:
    """``export --what stories`` rows in the contract's shape."""
    for story in store.story_rows():
        timeline, _ = story_timeline(store, story["article_ids"])
        yield {
            "id": story["id"], "label": story["label"], "languages": story["languages"],
            "article_ids": story["article_ids"], "first": story["first"], "last": story["last"],
            "timeline": [{key: entry[key] for key in EXPORT_TIMELINE_KEYS} for entry in timeline],
        }


# --- the plot -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    colour: str
    href: str
    title: str
    inferred: bool = False


@dataclass(frozen=True)
class Plot:
    width: int
    height: int
    marks: list[Mark]
    ticks: list[tuple[float, str]]
    lanes: list[tuple[float, str]]
    undated: int


def timeline_plot(entries: list[dict[str, Any]]) -> Plot:
    """Marks placed by date (x) and language lane (y); undated entries are only counted."""
    days = [(entry, _day(entry["date"])) for entry in entries]
    dated: list[tuple[dict[str, Any], date]] = [(entry, day) for entry, day in days if day is not None]
    languages = sorted({entry.get("language") or "?" for entry, _ in dated})
    height = PLOT_MARGIN * 2 + LANE_HEIGHT * max(len(languages), 1)
    if not dated:
        return Plot(PLOT_WIDTH, height, [], [], [], len(entries))
    first, last = min(day for _, day in dated), max(day for _, day in dated)
    span = max((last - first).days, 1)
    left, right = PLOT_MARGIN + LABEL_WIDTH, PLOT_WIDTH - PLOT_MARGIN

    def x_of(day: date) -> float:
        return round(left + (right - left) * (day - first).days / span, 1) if last > first else (left + right) / 2

    def y_of(language: str) -> float:
        return PLOT_MARGIN + LANE_HEIGHT * (languages.index(language) + 0.5)

    marks = []
    stacked: dict[tuple[float, str], int] = {}
    for entry, day in dated:
        language = entry.get("language") or "?"
        x = x_of(day)
        nudge = stacked.get((x, language), 0)
        stacked[(x, language)] = nudge + 1
        kind = entry["event_type"] or "statement"
        when = f"{entry['date']} (inferred: {entry['inferred_reason']})" if entry.get("inferred") else entry["date"]
        marks.append(Mark(x, y_of(language) + (nudge % 3 - 1) * 7, TYPE_COLOURS.get(kind, STATEMENT_COLOUR),
                          f"../articles/{entry['article_id']}.html", f"{when} · {kind} · {entry['text'][:160]}",
                          bool(entry.get("inferred"))))
    ticks = [(x_of(first), first.isoformat())] + ([(x_of(last), last.isoformat())] if last > first else [])
    lanes = [(y_of(language), language) for language in languages]
    return Plot(PLOT_WIDTH, height, marks, ticks, lanes, len(entries) - len(dated))


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value if len(value) == 10 else f"{value[:7]}-01")
    except ValueError:
        return None


# --- pages --------------------------------------------------------------------------------


def story_heading(store: Store, story_id: str, language: str | None = None) -> dict[str, Any] | None:
    """``{"title", "summary", "article", "language"}``: the headline and first sentence of the
    story's most central article, in ``language`` when one of its articles is written in it
    (``link.story_labels.story_title``); None for a story without one."""
    with store.engine.connect() as connection:
        profile = connection.scalar(select(schema.stories.c.profile).where(schema.stories.c.id == story_id))
    # Only the profile is read: the title needs no vectors (a story row may have none yet).
    return story_title(StoryState(story_id, np.zeros(0, np.float32), profile=dict(profile or {})), language)


def story_page(store: Store, story: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """What a story page shows, for ``story.html``: ``story`` is a row of ``Store.story_rows``;
    ``language``: the reader's, for the title and summary when the story has an article in it."""
    timeline, articles = story_timeline(store, story["article_ids"])
    by_language: dict[str, list[Article]] = {}
    for article in sorted(articles, key=lambda a: (a.published or "", a.id)):
        by_language.setdefault(article.language or "?", []).append(article)
    places = places_in_articles([[entity.to_json() for entity in article.entities] for article in articles],
                                texts=[article.text for article in articles])
    heading = story_heading(store, story["id"], language)
    if language and heading and heading["language"] == language:
        story = {**story, "label": heading["title"]}
    return {
        "story": story, "summary": heading["summary"] if heading else None, "timeline": timeline, "plot": timeline_plot(timeline), "by_language": dict(sorted(by_language.items())),
        "colours": TYPE_COLOURS, "statement_colour": STATEMENT_COLOUR, "places": places,
        "titles": {article.id: article_name(article) for article in articles},
        "place_map": world_map_svg(places, label=_map_label(places)) if places else None,
        "topic": _topic_of(store, story["id"]), "changes": store.story_change_rows(story["id"]),
    }


def _topic_of(store: Store, story_id: str) -> dict[str, Any] | None:
    """The story's topic with its stories (``Store.topic_rows``), or None."""
    held = store.topics_of([story_id])
    rows = store.topic_rows(held[story_id]) if story_id in held else []
    return rows[0] if rows else None


def _map_label(places: list[Place]) -> str:
    return f"Map of the {count_noun(len(places), 'place')} named in the story's articles"


def render_story(env: Environment, store: Store, story: dict[str, Any], language: str | None = None) -> str:
    """A story's page; the report writes it to ``stories/<id>.html``, the web UI serves it
    (titled in the reader's ``language`` when asked)."""
    return env.get_template("story.html").render(**story_page(store, story, language))


def write_story_pages(store: Store, out: Path, env: Environment) -> list[dict[str, Any]]:
    """One page per story under ``out/stories/``; returns the stories for the index."""
    folder = out / "stories"
    folder.mkdir(parents=True, exist_ok=True)
    stories = store.story_rows()
    for story in stories:
        (folder / f"{story['id']}.html").write_text(render_story(env, store, story), encoding="utf-8")
    for gone, successor in store.merged_stories():  # links to a merged story lead to its survivor
        (folder / f"{gone}.html").write_text(_moved_page(successor), encoding="utf-8")
    return stories


def _moved_page(successor: str) -> str:
    return (f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={successor}.html">'
            f'<title>Story moved</title><p>This story joined <a href="{successor}.html">another story</a>.</p>\n')
