"""One person or place under one key in every language's reports: a title or a common noun that a
tagger glued before a name ("Keeper Odile Marchadier", "Kleinstadt Puerto Orvane") names the
same entity as the name alone; and a story whose reports fall apart by language only (each
language's reports read most alike) is split only when its halves also score apart. Invented
towns, people and signals: French, English, Spanish and German reports."""

from __future__ import annotations

from datetime import date

import numpy as np

from newsweave.link import story_score
from newsweave.link.story_changes import parted_by_language, review_split, signals_json, state_of
from newsweave.link.story_score import NO_FREQUENCIES, glued_name_keys, score_story
from newsweave.link.story_signals import ArticleSignals
from newsweave.link.story_state import StoryState

KEEPER = {"per:keeper-odile-marchadier": "Keeper Odile Marchadier"}
KEEPER_NAMED = {"per:odile-marchadier": "Odile Marchadier"}


def report(direction: np.ndarray, entities: dict[str, str], language: str,
           days: tuple[date, ...] = ()) -> ArticleSignals:
    """An invented report along ``direction`` of ``days``, its entities tagged by their key's prefix, named once each."""
    labels = {key: key.split(":")[0].upper() for key in entities}
    vector = direction / np.linalg.norm(direction)
    return ArticleSignals(vector.astype(np.float32), entities, [], None, language, dict.fromkeys(entities, 1),
                          days=days, labels=labels)


def test_a_title_glued_before_a_person_s_name_is_that_person():
    assert glued_name_keys({**KEEPER, **KEEPER_NAMED}, {}) == {"per:keeper-odile-marchadier": "per:odile-marchadier"}


def test_a_common_noun_glued_before_a_town_is_that_town_under_its_place_key():
    names = {"loc:kleinstadt-puerto-orvane": "Kleinstadt Puerto Orvane", "per:puerto-orvane": "Puerto Orvane",
             "loc:puerto-orvane": "Puerto Orvane"}
    labels = {"loc:kleinstadt-puerto-orvane": "LOC", "per:puerto-orvane": "PER", "loc:puerto-orvane": "LOC"}
    assert glued_name_keys(names, labels) == {"loc:kleinstadt-puerto-orvane": "loc:puerto-orvane"}


def test_a_given_name_before_a_name_is_another_person_and_one_word_left_is_too_little():
    assert glued_name_keys({"per:anna-maria-lenz": "Anna Maria Lenz", "per:maria-lenz": "Maria Lenz"}, {}) == {}
    assert glued_name_keys({"per:keeper-marchadier": "Keeper Marchadier", "per:marchadier": "Marchadier"}, {}) == {}


def test_a_french_report_of_the_keeper_joins_the_english_story_that_glued_his_title():
    town = {"loc:valdrome-les-buis": "Valdrôme-les-Buis"}
    english = state_of("", [("", report(np.array([1.0, 0.0, 0.0]), {**KEEPER, **town}, "en"))])
    # A report across languages reads little alike: the names are what join it.
    french = report(np.array([0.30, 0.954, 0.0]), {**KEEPER_NAMED, **town}, "fr")
    assert score_story(french, english) >= story_score.SETTINGS.story_join_threshold


class OneStory:
    """Just enough of a story store for a split review: one story's members, and the split written."""

    def __init__(self, members: list[tuple[str, ArticleSignals]]) -> None:
        self.rows = [(article_id, signals.embedding.tobytes(), signals_json(signals)) for article_id, signals in members]
        self.split: list[str] | None = None

    def member_signals(self, story_id: str):
        return self.rows

    def split_story(self, kept: StoryState, new: StoryState, moved: list[str], score: float) -> bool:
        self.split = moved
        return True


def escaped_lynx_story(french_language: str) -> OneStory:
    """One lynx escape in five reports: two French ones that read most alike and name the keeper,
    three English and Spanish ones that name the park's director and the keeper; the escape's day
and the capture's next day in both halves."""
    keeper, director = {"per:odile-marchadier": "Odile Marchadier"}, {"per:anselme-rivoire": "Anselme Rivoire"}
    town = {"loc:valdrome-les-buis": "Valdrôme-les-Buis"}
    escape, capture = (date(2031, 4, 14),), (date(2031, 4, 15),)
    members = [
        ("fr1", report(np.array([0.2, 1.0, 0.0]), {**keeper, **town}, french_language, escape)),
        ("fr2", report(np.array([0.25, 1.0, 0.02]), {**keeper, **town}, french_language, capture)),
        ("en1", report(np.array([1.0, 0.45, 0.0]), {**keeper, **director, **town}, "en", escape)),
        ("es1", report(np.array([1.0, 0.40, 0.05]), {**keeper, **director, **town}, "es", escape)),
        ("en2", report(np.array([1.0, 0.42, -0.05]), {**director, **keeper}, "en", capture)),
    ]
    return OneStory(members)


def test_a_story_parted_only_by_language_stays_whole_when_its_halves_score_together():
    memory = escaped_lynx_story("fr")
    story = state_of("lynx", [(article_id, signals) for article_id, signals in
                              ((row[0], report_of(row)) for row in memory.rows)])
    assert review_split(memory, story, NO_FREQUENCIES) is None and memory.split is None


def test_the_same_halves_in_one_language_split_by_their_neighbourhoods():
    memory = escaped_lynx_story("en")
    story = state_of("lynx", [(row[0], report_of(row)) for row in memory.rows])
    assert review_split(memory, story, NO_FREQUENCIES) is not None
    assert sorted(memory.split or []) == ["fr1", "fr2"]


def test_halves_part_by_language_only_when_they_share_no_language_and_report_a_common_day():
    french, english = StoryState("a", np.zeros(0, np.float32)), StoryState("b", np.zeros(0, np.float32))
    french.languages, english.languages = ["fr"], ["en", "es"]
    french.days.update({"2031-04-14": 2})
    english.days.update({"2031-04-14": 1, "2031-04-15": 2})
    assert parted_by_language(french, english)
    english.languages = ["en", "fr"]
    assert not parted_by_language(french, english)
    # Another event a week later, told in other languages: its own days.
    english.languages, english.profile["days"] = ["en", "es"], {"2031-04-21": 3}
    assert not parted_by_language(french, english)


def report_of(row) -> ArticleSignals:
    from newsweave.link.story_changes import signals_from_json

    return signals_from_json(row[1], row[2])
