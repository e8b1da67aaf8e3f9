"""Quantities as a story signal: the numbers a report writes outside its dates (a magnitude, a
toll, a price), read alike in English and French notation, and the cost when an article and a
story both report some and share none. Invented articles (an invented town, Varlenne)."""

from __future__ import annotations

import numpy as np

from newsweave.link.story_changes import combined_states, signals_from_json, signals_json
from newsweave.link.story_score import quantity_conflict, score_story
from newsweave.link.story_signals import ArticleSignals, quantities
from newsweave.link.story_state import StoryState, add_to_story
from newsweave.model import Article, Timex
from newsweave.offsets import OffsetMap


def _article(text: str, language: str, dated: tuple[str, str] | None = None) -> Article:
    """An article whose TIMEX3 span covers ``dated[0]`` (value ``dated[1]``), as the date stage leaves it."""
    dates = []
    if dated:
        start = text.index(dated[0])
        end = start + len(dated[0])
        dates = [Timex(start, end, start, end, dated[0], value=dated[1])]
    return Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                   offsets=OffsetMap.identity(len(text)), language=language, dates=dates)


ENGLISH = ("A magnitude 4.6 earthquake shook Varlenne on 12 March 2031 at 10:40. About 1,200 homes lost power"
           " and 3 schools closed; repairs will cost 2.5 million euros.")
FRENCH = ("Un séisme de magnitude 4,6 a secoué Varlenne le 12 mars 2031 à 10:40. Quelque 1 200 foyers ont été"
          " privés d'électricité et 3 écoles ont fermé ; les réparations coûteront 2,5 millions d'euros.")


def test_one_reports_quantities_read_alike_in_english_and_french_without_its_dates():
    english = quantities(_article(ENGLISH, "en", ("12 March 2031", "2031-03-12")))
    french = quantities(_article(FRENCH, "fr", ("12 mars 2031", "2031-03-12")))
    assert english == ("4.6", "1200", "2.5")  # no 12 (the day), 2031 (the year), 10:40 (a time) or 3 (too small)
    assert french == english


def test_a_bare_year_outside_a_date_is_no_quantity():
    assert quantities(_article("The 2019 flood cost 40 million; the dam built in 1987 held.", "en")) == ("40",)


def _signals(vector: np.ndarray, found: tuple[str, ...], language: str = "en") -> ArticleSignals:
    return ArticleSignals(vector, {"loc:varlenne": "Varlenne"}, [], None, language, quantities=found)


def _story(*articles: ArticleSignals) -> StoryState:
    story = StoryState("s1", np.zeros(4, np.float32))
    for number, signals in enumerate(articles):
        add_to_story(story, signals, f"a{number}")
    return story


VECTOR = np.array([1.0, 0.0, 0.0, 0.0], np.float32)


def test_another_quake_in_the_same_town_measured_otherwise_pays_the_conflict():
    story = _story(_signals(VECTOR, ("4.6", "1200", "2.5")), _signals(VECTOR, ("4.6", "1200")))
    french_same = _signals(VECTOR, ("4.6", "2.5"), "fr")
    other_quake = _signals(VECTOR, ("5.1", "300"))
    assert quantity_conflict(french_same, story) == 0.0
    assert quantity_conflict(other_quake, story) == 1.0
    assert score_story(other_quake, story) < score_story(french_same, story)


def test_one_number_alone_is_no_conflict():
    story = _story(_signals(VECTOR, ("4.6", "1200")))
    assert quantity_conflict(_signals(VECTOR, ("75",)), story) == 0.0
    assert quantity_conflict(_signals(VECTOR, ()), story) == 0.0


def test_quantities_survive_a_merge_and_the_member_record():
    kept = _story(_signals(VECTOR, ("4.6", "1200")))
    gone = _story(_signals(VECTOR, ("4.6", "75")))
    assert combined_states(kept, gone).profile["quantities"] == {"4.6": 2, "1200": 1, "75": 1}
    signals = _signals(VECTOR, ("4.6", "1200"))
    assert signals_from_json(VECTOR.tobytes(), signals_json(signals)).quantities == ("4.6", "1200")


def test_the_years_of_two_merged_stories_are_kept():
    # a merged story still knows the years its undated reports name (the year-conflict signal)
    kept = StoryState("s1", np.zeros(4, np.float32))
    gone = StoryState("s2", np.zeros(4, np.float32))
    add_to_story(kept, ArticleSignals(VECTOR, {"loc:varlenne": "Varlenne"}, [], None, "en", year=2019), "a0")
    add_to_story(gone, ArticleSignals(VECTOR, {"loc:varlenne": "Varlenne"}, [], None, "fr", year=2019), "a1")
    add_to_story(gone, ArticleSignals(VECTOR, {"loc:varlenne": "Varlenne"}, [], None, "fr", year=2021), "a2")
    assert combined_states(kept, gone).profile["years"] == {"2019": 2, "2021": 1}
