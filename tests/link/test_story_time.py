"""The time rule of story joins: an article's date is its publication day, else the days it
reports; a story's dates are the span of what its articles report, with the publication days
of articles that report none marked inferred."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from newsweave.link.settings import SETTINGS
from newsweave.link.story_score import article_gap, score_story
from newsweave.link.story_signals import ArticleSignals
from newsweave.link.story_state import StoryState, add_to_story
from newsweave.pipeline import ingest
from newsweave.store import Store

LABELS = {"per:president": "PER", "geo:country": "LOC"}


def _signals(day: date | None = None, days: tuple[date, ...] = ()) -> ArticleSignals:
    entities = {"per:president": 4, "geo:country": 3}
    return ArticleSignals(np.asarray([1, 0, 0], dtype=np.float32), {k: k for k in entities}, [], day, "en",
                          entities, days, (), LABELS)


def _story(*articles: ArticleSignals) -> StoryState:
    story = StoryState("f" * 16, np.zeros(3, np.float32))
    for number, signals in enumerate(articles):
        add_to_story(story, signals, f"a{number}")
    return story


def test_an_article_without_a_publication_date_is_timed_by_the_days_it_reports():
    # A plain file read with no publication date, reporting a day two years after the story's:
    # the time rule saw no date on the article's side and let it join.
    story = _story(_signals(day=date(2024, 2, 28), days=(date(2024, 2, 28),)))
    undated = _signals(days=(date(2026, 2, 25),))
    assert article_gap(undated, story) > SETTINGS.story_reported_gap_days
    assert score_story(undated, story) is None
    # A reported day is not a publication day (a report recalls the past): months away, it is
    # weighed by the day conflict, not ruled out.
    assert article_gap(_signals(days=(date(2024, 6, 1),)), story) == 0
    # The same article reporting a day of the story's week joins as before.
    assert score_story(_signals(days=(date(2024, 2, 29),)), story) is not None
    # With neither a publication day nor a reported one, nothing rules it out.
    assert article_gap(_signals(), story) == 0


def test_a_publication_day_still_decides_when_there_is_one():
    story = _story(_signals(day=date(2024, 2, 28), days=(date(2024, 2, 28),)))
    # Published two years on, it recalls the story's day: still too far.
    assert score_story(_signals(day=date(2026, 2, 25), days=(date(2024, 2, 28),)), story) is None


def test_story_dates_come_from_all_its_articles_and_mark_inferred_days():
    first = _signals(day=date(2026, 3, 4), days=(date(2026, 3, 2), date(2026, 3, 3)))
    later = _signals(day=date(2026, 3, 6))  # reports no day: its publication day stands in, marked
    story = _story(first, later)
    assert (story.first, story.last) == ("2026-03-02", "2026-03-06")
    assert story.profile["days"] == {"2026-03-02": 1, "2026-03-03": 1}
    assert story.profile["inferred"] == {"2026-03-06": 1}


def test_a_week_later_with_the_same_person_is_still_another_event():
    # The story's person named again does not lift the day conflict: the same mayor, fire chief or
    # union leader is in the next week's event in the same town too.
    story = _story(_signals(day=date(2026, 4, 7), days=(date(2026, 4, 6),)))
    same_days = score_story(_signals(day=date(2026, 4, 7), days=(date(2026, 4, 6),)), story)
    week_later = score_story(_signals(day=date(2026, 4, 14), days=(date(2026, 4, 14),)), story)
    recalls_first = score_story(_signals(day=date(2026, 4, 16), days=(date(2026, 4, 16), date(2026, 4, 6))), story)
    assert same_days is not None and week_later is not None and recalls_first is not None
    assert same_days - week_later >= SETTINGS.story_day_penalty
    assert same_days - recalls_first < SETTINGS.story_day_penalty


QUILLEMONT = Path(__file__).resolve().parents[1] / "data" / "stories" / "quillemont.jsonl"


@pytest.mark.xfail(strict=True, reason="stop 24, known: the Spanish report of the market fire joins the sawmill"
                   " story: its 'Quillemont' is read as a person and resolved to the French article's person"
                   " 'Dorvanne de Quillemont' (from 'la scierie Dorvanne de Quillemont'), which with the fire chief"
                   " makes the entity evidence whole (score 0.94 after the day conflict); docs/quality.md, stop 24")
def test_the_same_kind_of_event_a_week_later_is_a_new_story_unless_it_says_it_continues(tmp_path):
    """Invented articles (``tests/data/stories/quillemont.jsonl``): a sawmill fire in one town on 6 April
    (English, French), a market fire there on 14 April (Spanish, German), both fought under the same
    fire chief, and a report on 16 April of the sawmill fire's cause that names its day."""
    store = Store(str(tmp_path / "fires.db"))
    try:
        ingest([str(QUILLEMONT)], store)
        stories = store.story_rows()
        story_of = {summary["url"].rsplit("/", 1)[-1]:
                    next(s["id"] for s in stories if summary["id"] in s["article_ids"])
                    for summary in store.article_summaries()}
    finally:
        store.close()
    sawmill = {story_of[name] for name in ("quillemont-sawmill-fire", "incendie-scierie-quillemont",
                                           "quillemont-sawmill-fire-cause")}
    market = {story_of[name] for name in ("incendio-mercado-quillemont", "quillemont-markthalle-brand")}
    assert len(sawmill) == 1 and len(market) == 1 and sawmill != market
