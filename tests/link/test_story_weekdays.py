"""Weekdays as a story signal: a report with no date to anchor it names its event's weekday
("on Sunday", "am Sonntag", "jeudi"); against a story dated by the days its articles report,
a weekday none of those days falls on is another event of the same kind. Invented articles
(an invented town, Orvigny)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from newsweave.annotate.dates import annotate_dates
from newsweave.link.settings import SETTINGS
from newsweave.link.story_changes import combined_states, signals_from_json, signals_json
from newsweave.link.story_score import score_story, weekday_conflict
from newsweave.link.story_signals import ArticleSignals, named_weekdays
from newsweave.link.story_state import StoryState, add_to_story
from newsweave.model import Article
from newsweave.offsets import OffsetMap

THURSDAY = date(2031, 3, 13)
ENGLISH_DATED = "A magnitude 4.6 earthquake shook Orvigny on 13 March 2031 at 2:09 a.m., waking the valley."
GERMAN_SUNDAY = "Ein Erdbeben der Stärke 4,2 hat am Sonntag um 9:27 Uhr Orvigny erschüttert."
FRENCH_THURSDAY = "Un séisme de magnitude 4,6 a secoué Orvigny jeudi à 2 h 09, réveillant la vallée."
ENGLISH_SUNDAY = "Another quake, of magnitude 4.2, struck Orvigny on Sunday morning."


def _annotated(text: str, language: str) -> Article:
    article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_dates([article])
    return article


@pytest.mark.parametrize(("text", "language", "expected"), [
    (GERMAN_SUNDAY, "de", (7,)), (FRENCH_THURSDAY, "fr", (4,)), (ENGLISH_SUNDAY, "en", (7,)),
    (ENGLISH_DATED, "en", ()),  # a full date is a day, not a weekday of no known week
])
def test_weekdays_of_no_known_week_are_read_from_the_dates(text, language, expected):
    assert named_weekdays(_annotated(text, language)) == expected


# One shared town and a cosine that joins: 0.45 + 0.5 × 0.5 (a place weighs half) = 0.70.
ANGLE = np.arccos(0.45)
TOWN = {"loc:orvigny": "Orvigny"}


def _signals(language: str, days: tuple[date, ...] = (), weekdays: tuple[int, ...] = (),
             vector: np.ndarray | None = None) -> ArticleSignals:
    embedding = vector if vector is not None else np.array([np.cos(ANGLE), np.sin(ANGLE)], np.float32)
    return ArticleSignals(embedding, dict(TOWN), [], None, language, {"loc:orvigny": 2}, days,
                          labels={"loc:orvigny": "LOC"}, weekdays=weekdays)


def _story(*articles: ArticleSignals) -> StoryState:
    story = StoryState("s1", np.zeros(2, np.float32))
    for number, signals in enumerate(articles):
        add_to_story(story, signals, f"a{number}")
    return story


def test_two_quakes_in_one_town_in_one_week_stay_apart_in_two_languages():
    # The English story is dated (a Thursday); an undated German report of a Sunday quake in the
    # same town pays the weekday conflict and stays out, an undated French report of the Thursday
    # quake joins.
    story = _story(_signals("en", days=(THURSDAY,), vector=np.array([1.0, 0.0], np.float32)))
    german = _signals("de", weekdays=named_weekdays(_annotated(GERMAN_SUNDAY, "de")))
    french = _signals("fr", weekdays=named_weekdays(_annotated(FRENCH_THURSDAY, "fr")))
    assert weekday_conflict(german, story) == 1.0 and weekday_conflict(french, story) == 0.0
    german_score, french_score = score_story(german, story), score_story(french, story)
    assert german_score is not None and french_score is not None
    assert french_score - german_score == pytest.approx(SETTINGS.story_weekday_penalty)
    assert french_score >= SETTINGS.story_join_threshold > german_score


def test_a_dated_report_against_a_story_of_undated_ones_is_compared_both_ways():
    story = _story(_signals("de", weekdays=(7,), vector=np.array([1.0, 0.0], np.float32)))
    assert weekday_conflict(_signals("en", days=(THURSDAY,)), story) == 1.0
    assert weekday_conflict(_signals("en", days=(date(2031, 3, 16),)), story) == 0.0  # a Sunday


def test_two_undated_sides_and_two_dated_sides_are_not_compared_by_weekday():
    # one event's undated reports each name a day of its aftermath; dated sides are the day conflict's
    assert weekday_conflict(_signals("en", weekdays=(2,)), _story(_signals("fr", weekdays=(5,)))) == 0.0
    assert weekday_conflict(_signals("en", days=(date(2031, 3, 16),)), _story(_signals("fr", days=(THURSDAY,)))) == 0.0
    assert weekday_conflict(_signals("en"), _story(_signals("fr", days=(THURSDAY,)))) == 0.0  # names none


def test_weekdays_survive_a_merge_and_the_member_record():
    kept, gone = _story(_signals("de", weekdays=(7,))), _story(_signals("fr", weekdays=(7, 4)))
    assert combined_states(kept, gone).profile["weekdays"] == {"7": 2, "4": 1}
    signals = _signals("de", weekdays=(7, 1))
    assert signals_from_json(signals.embedding.tobytes(), signals_json(signals)).weekdays == (7, 1)
