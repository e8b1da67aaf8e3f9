"""Names alone never carry a join within a language (``story_cosine_floor``): a short report that
names only its town and the town's mayor shares all its weight with any other event of that town.
Across languages, where one event's reports read less alike, the names still count. Invented
signals: an invented Portuguese town and mayor, invented French and Spanish reports."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from newsweave.link import story_score
from newsweave.link.story_changes import state_of
from newsweave.link.story_score import score_story
from newsweave.link.story_signals import ArticleSignals

MAYOR_AND_TOWN = {"per:ines-carvalhal": "Inês Carvalhal", "loc:tordesal": "Tordesal"}
ROCKFALL = {**MAYOR_AND_TOWN, "per:rui-brandao": "Rui Brandão"}


def report(direction: np.ndarray, entities: dict[str, str], language: str = "pt") -> ArticleSignals:
    """An invented report along ``direction``, its entities tagged by their key's prefix, named once each."""
    labels = {key: key.split(":")[0].upper() for key in entities}
    return ArticleSignals(direction.astype(np.float32), entities, [], None, language, dict.fromkeys(entities, 1),
                          labels=labels)


def unit_at(cosine: float) -> np.ndarray:
    """A unit vector at ``cosine`` from the first axis."""
    return np.array([cosine, np.sqrt(1 - cosine * cosine), 0.0, 0.0])


def rockfall_story(language: str = "pt"):
    return state_of("", [("", report(np.eye(4)[0], ROCKFALL, language))])


@pytest.fixture
def no_floor():
    original = story_score.SETTINGS
    story_score.SETTINGS = dataclasses.replace(original, story_cosine_floor=0.0)
    yield story_score.SETTINGS
    story_score.SETTINGS = original


def test_a_report_that_shares_only_the_town_and_its_mayor_joins_no_other_event_of_the_town():
    library = report(unit_at(0.30), MAYOR_AND_TOWN)
    assert story_score.SETTINGS.story_cosine_floor > 0.30
    assert score_story(library, rockfall_story()) < story_score.SETTINGS.story_join_threshold


def test_without_the_floor_the_town_and_its_mayor_would_carry_that_report(no_floor):
    library = report(unit_at(0.30), MAYOR_AND_TOWN)
    assert score_story(library, rockfall_story()) >= no_floor.story_join_threshold


def test_a_report_of_the_same_event_in_the_same_language_still_joins_on_its_names():
    same_event = report(unit_at(0.48), ROCKFALL)
    assert score_story(same_event, rockfall_story()) >= story_score.SETTINGS.story_join_threshold


def test_across_languages_the_names_count_under_the_floor():
    # A French report of the Portuguese rockfall, reading only as alike as reports across
    # languages do: the story holds no French report, so its names count.
    french = report(unit_at(0.30), ROCKFALL, language="fr")
    assert score_story(french, rockfall_story()) >= story_score.SETTINGS.story_join_threshold
    # Once the story holds a French report, a French report that close is weighed within French.
    story = rockfall_story()
    story.languages = ["fr", "pt"]
    assert score_story(french, story) < story_score.SETTINGS.story_join_threshold


def test_a_spanish_report_naming_only_the_town_and_mayor_is_weighed_within_spanish():
    story = rockfall_story(language="es")
    library = report(unit_at(0.30), MAYOR_AND_TOWN, language="es")
    assert score_story(library, story) < story_score.SETTINGS.story_join_threshold
