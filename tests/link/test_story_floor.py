"""Names alone never carry a join (``story_cosine_floor``), and one event's reports in several
languages are not split by language (``story_changes.split_bar``). Invented articles
(``tests/data/stories/vellimont.jsonl``: an invented town, its invented mayor quoted in two events of
one week, a flood reported in French, English and German and followed up in English), ingested for
real, and invented signals for the score itself."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from newsweave.link import story_changes, story_score
from newsweave.link.story_changes import state_of
from newsweave.link.story_score import score_story
from newsweave.link.story_signals import ArticleSignals
from story_ingest import stories_by_url

DATA = Path(__file__).resolve().parents[1] / "data" / "stories" / "vellimont.jsonl"


@pytest.fixture(scope="module")
def filed(tmp_path_factory) -> dict[str, dict]:
    return stories_by_url(DATA, tmp_path_factory.mktemp("vellimont") / "vellimont.db")


def stories_of(filed: dict[str, dict], word: str) -> set[str]:
    return {story["id"] for url, story in filed.items() if word in url}


def test_one_flood_in_three_languages_and_its_follow_up_is_one_story(filed):
    flood = stories_of(filed, "crue") | stories_of(filed, "flood") | stories_of(filed, "hochwasser") \
        | stories_of(filed, "reopens")
    assert len(flood) == 1
    story = next(story for story in filed.values() if story["id"] in flood)
    assert story["languages"] == ["de", "en", "fr"]


def test_the_market_opening_and_the_flood_of_one_town_and_one_mayor_stay_apart(filed):
    market = stories_of(filed, "marche") | stories_of(filed, "market")
    assert len(market) == 1 and not market & stories_of(filed, "crue")


def report(direction: np.ndarray, entities: dict[str, str]) -> ArticleSignals:
    """An invented report along ``direction``, its entities tagged by their key's prefix, named once each."""
    labels = {key: key.split(":")[0].upper() for key in entities}
    return ArticleSignals(direction.astype(np.float32), entities, [], None, None, dict.fromkeys(entities, 1),
                          labels=labels)


def unit_at(cosine: float) -> np.ndarray:
    """A unit vector at ``cosine`` from the first axis."""
    return np.array([cosine, np.sqrt(1 - cosine * cosine), 0.0, 0.0])


MAYOR_AND_TOWN = {"per:ines-carvalhal": "Inês Carvalhal", "loc:tordesal": "Tordesal"}


def test_a_report_that_shares_only_the_town_and_its_mayor_joins_no_other_event_of_the_town():
    rockfall = state_of("", [("", report(np.eye(4)[0], {**MAYOR_AND_TOWN, "per:rui-brandao": "Rui Brandão"}))])
    library = report(unit_at(0.30), MAYOR_AND_TOWN)
    floor = story_score.SETTINGS.story_cosine_floor
    assert score_story(library, rockfall) < story_score.SETTINGS.story_join_threshold
    without_floor = dataclasses.replace(story_score.SETTINGS, story_cosine_floor=0.0)
    original, story_score.SETTINGS = story_score.SETTINGS, without_floor
    try:
        assert score_story(library, rockfall) >= without_floor.story_join_threshold  # the names would carry it
    finally:
        story_score.SETTINGS = original
    assert floor > 0.30


def test_a_report_of_the_same_event_in_another_language_still_joins_on_its_names():
    rockfall = state_of("", [("", report(np.eye(4)[0], {**MAYOR_AND_TOWN, "per:rui-brandao": "Rui Brandão"}))])
    french = report(unit_at(0.48), {**MAYOR_AND_TOWN, "per:rui-brandao": "Rui Brandão"})
    assert score_story(french, rockfall) >= story_score.SETTINGS.story_join_threshold


def test_spectral_halves_that_score_as_high_as_a_merge_do_not_split():
    settings = story_score.SETTINGS
    assert story_changes.split_bar(pure=True) == settings.story_join_threshold + settings.story_merge_margin
    assert story_changes.split_bar(pure=False) == settings.story_join_threshold - settings.story_split_margin
