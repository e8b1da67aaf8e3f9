"""Stop 44 (issue 18): one event told in several languages gathers first in one story per language
(reports in one language read most alike to each other). A story told in one language, seen as one
article, is a report in that language; two stories an article fits both, told in no common
language and reporting a common day, merge at the join threshold and do not split back. Invented
towns, festivals, people and signals: French, English, German and Spanish reports."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from newsweave.link import story_score
from newsweave.link.story_changes import pair_score, review_split, signals_json, state_of
from newsweave.link.story_score import NO_FREQUENCIES
from newsweave.link.story_signals import ArticleSignals
from newsweave.link.story_state import StoryState

# A stage that gave way at a village fair, named by its town and its fair in every language.
TOWN = {"loc:corvelles": "Corvelles"}
FAIR = {"misc:foire-aux-pommes": "Foire aux Pommes"}
FAIR_DAY = date(2026, 6, 13)


def report(direction: list[float], entities: dict[str, str], language: str, day: date) -> ArticleSignals:
    """An invented report along ``direction``, reporting ``day``, its entities named once each."""
    labels = {key: key.split(":")[0].upper() for key in entities}
    vector = np.asarray(direction, dtype=np.float64)
    vector = vector / np.linalg.norm(vector)
    return ArticleSignals(vector.astype(np.float32), entities, [], day, language, dict.fromkeys(entities, 1),
                          days=(day,), labels=labels)


def apart(cosine: float) -> tuple[list[float], list[float]]:
    """Two directions at ``cosine``."""
    return [1.0, 0.0, 0.0], [cosine, float(np.sqrt(1.0 - cosine * cosine)), 0.0]


def french_story(direction: list[float], day: date = FAIR_DAY) -> StoryState:
    return state_of("f" * 16, [
        ("fr1", report(direction, {**TOWN, **FAIR, "per:odile-marchais": "Odile Marchais"}, "fr", day)),
        ("fr2", report(direction, {**TOWN, "per:odile-marchais": "Odile Marchais", "per:luc-ferrand": "Luc Ferrand"},
                       "fr", day))])


def foreign_story(direction: list[float], town: dict[str, str] = TOWN, day: date = FAIR_DAY,
                  languages: tuple[str, str] = ("en", "de")) -> StoryState:
    return state_of("e" * 16, [
        (f"{languages[0]}1", report(direction, {**town, "per:megan-holt": "Megan Holt"}, languages[0], day)),
        (f"{languages[1]}1", report(direction, {**town, "per:jonas-kettler": "Jonas Kettler"}, languages[1], day))])


class Members:
    """What ``review_split`` reads of a store: the members' signals; a split is always written."""

    def __init__(self, members: list[tuple[str, ArticleSignals]]) -> None:
        self.rows = [(article_id, np.asarray(signals.embedding, np.float32).tobytes(), signals_json(signals))
                     for article_id, signals in members]

    def member_signals(self, story_id: str) -> list[tuple[str, bytes, dict[str, Any]]]:
        return self.rows

    def split_story(self, kept: StoryState, new: StoryState, moved: list[str], score: float) -> bool:
        return True


def one_story(french: StoryState, foreign: StoryState) -> tuple[Members, StoryState]:
    members = [(article_id, signals) for story in (french, foreign) for article_id, signals in story_members(story)]
    return Members(members), state_of("m" * 16, members)


def story_members(story: StoryState) -> list[tuple[str, ArticleSignals]]:
    return MEMBERS[story.id]


MEMBERS: dict[str, list[tuple[str, ArticleSignals]]] = {}


def remembered(story_id: str, members: list[tuple[str, ArticleSignals]]) -> StoryState:
    MEMBERS[story_id] = members
    return state_of(story_id, members)


def test_a_story_in_one_language_seen_as_one_article_is_a_report_in_it():
    from newsweave.link.story_changes import sole_language, story_as_signals

    french, foreign = french_story(apart(0.47)[0]), foreign_story(apart(0.47)[1])
    assert sole_language(french) == "fr" and story_as_signals(french).language == "fr"
    assert sole_language(foreign) is None  # two languages, compared with nothing
    assert sole_language(foreign, french) in {"en", "de"}  # none of them is French
    mixed = foreign_story(apart(0.47)[1], languages=("en", "fr"))
    assert sole_language(mixed, french) is None  # shares French with it


def test_one_event_told_apart_in_french_and_in_english_and_german_scores_as_one():
    french_way, foreign_way = apart(0.47)
    score = pair_score(french_story(french_way), foreign_story(foreign_way), NO_FREQUENCIES)
    assert score is not None and score >= story_score.SETTINGS.story_join_threshold


def test_stories_parted_by_language_on_one_day_merge_at_the_join_threshold():
    from newsweave.link.story_changes import merge_margin

    french_way, foreign_way = apart(0.47)
    french, foreign = french_story(french_way), foreign_story(foreign_way)
    assert merge_margin(french, foreign) == story_score.SETTINGS.story_merge_language_margin
    # Look-alike: the same kind of report in the same town ten days later keeps the wider margin.
    later = foreign_story(foreign_way, day=date(2026, 6, 23))
    assert merge_margin(french, later) == story_score.SETTINGS.story_merge_margin
    later_score = pair_score(french, later, NO_FREQUENCIES)
    assert later_score is not None and later_score < story_score.SETTINGS.story_join_threshold


def test_the_same_kind_of_event_in_two_towns_on_one_day_in_two_languages_stays_apart():
    # Look-alike: a stage in Corvelles (French) and one in Villarroja (English, Spanish) on one day.
    french_way, foreign_way = apart(0.40)
    other = foreign_story(foreign_way, town={"loc:villarroja": "Villarroja"}, languages=("en", "es"))
    score = pair_score(french_story(french_way), other, NO_FREQUENCIES)
    assert score is not None and score < story_score.SETTINGS.story_join_threshold


def test_one_event_gathered_from_two_languages_is_not_split_back_by_language():
    french_way, foreign_way = apart(0.47)
    french = remembered("f" * 16, [
        ("fr1", report(french_way, {**TOWN, **FAIR, "per:odile-marchais": "Odile Marchais"}, "fr", FAIR_DAY)),
        ("fr2", report(french_way, {**TOWN, "per:luc-ferrand": "Luc Ferrand"}, "fr", FAIR_DAY))])
    foreign = remembered("e" * 16, [
        ("en1", report(foreign_way, {**TOWN, "per:megan-holt": "Megan Holt"}, "en", FAIR_DAY)),
        ("de1", report(foreign_way, {**TOWN, "per:jonas-kettler": "Jonas Kettler"}, "de", FAIR_DAY))])
    memory, story = one_story(french, foreign)
    assert review_split(memory, story, NO_FREQUENCIES) is None


def test_two_events_gathered_from_two_languages_still_split():
    # Look-alike: two towns' stages, read little alike, in one story by mistake: they split.
    french_way, foreign_way = apart(0.25)
    french = remembered("g" * 16, [
        ("fr1", report(french_way, {**TOWN, "per:odile-marchais": "Odile Marchais"}, "fr", FAIR_DAY)),
        ("fr2", report(french_way, {**TOWN, "per:luc-ferrand": "Luc Ferrand"}, "fr", FAIR_DAY))])
    villarroja = {"loc:villarroja": "Villarroja"}
    foreign = remembered("h" * 16, [
        ("en1", report(foreign_way, {**villarroja, "per:megan-holt": "Megan Holt"}, "en", FAIR_DAY)),
        ("es1", report(foreign_way, {**villarroja, "per:nuria-salcedo": "Nuria Salcedo"}, "es", FAIR_DAY))])
    memory, story = one_story(french, foreign)
    split = review_split(memory, story, NO_FREQUENCIES)
    assert split is not None and sorted(split[2]) in (["en1", "es1"], ["fr1", "fr2"])
