"""The bench's repair of numbers that ECB+'s detokenisation split (bench/stories.py ``repair_detokenised``)."""

from __future__ import annotations

from bench_modules import bench_module

stories = bench_module("stories")
repair = stories.repair_detokenised


def test_split_decimals_thousands_and_clock_times_are_joined():
    assert repair("A 5. 3 - magnitude quake shook Tolsby.") == "A 5.3 - magnitude quake shook Tolsby."
    assert repair("About 12, 000 people and 1, 250, 000 euros.") == "About 12,000 people and 1,250,000 euros."
    assert repair("The ferry cost $104. 5 million (£88. 25m).") == "The ferry cost $104.5 million (£88.25m)."
    assert repair("Updated: 3 March 2025 17: 42 GMT, then 6: 05: 30 PM") == "Updated: 3 March 2025 17:42 GMT, then 6:05:30 PM"


def test_splits_that_may_be_boundaries_or_lists_stay():
    # a year may end a sentence or a dateline
    assert repair("It opened in 2019. 14 boats use it.") == "It opened in 2019. 14 boats use it."
    assert repair("Brenvik, May 2, 2025. 4: 10 pm") == "Brenvik, May 2, 2025. 4:10 pm"
    # lists of small numbers, a year after a day, items after a letter or a hyphen
    assert repair("Versions 6, 7, 8 and 9.") == "Versions 6, 7, 8 and 9."
    assert repair("Held on March 3, 2021, in Tolsby.") == "Held on March 3, 2021, in Tolsby."
    assert repair("A 2. 4 GHz k5, 640 GB disk") == "A 2.4 GHz k5, 640 GB disk"
    assert repair("He is 6 - foot - 3, 215 pounds.") == "He is 6 - foot - 3, 215 pounds."
    # a comma before two digits is a list or a score, not a thousands group
    assert repair("They lost 3, 24 to 30.") == "They lost 3, 24 to 30."


def test_a_held_out_set_is_scored_by_pairs_of_articles():
    # Two events in one invented town (a fire told in English and French, a strike in German) and a
    # lone report: the linker put the strike report with the fire.
    gold = {"fire-en": "fire", "fire-fr": "fire", "strike-de": "strike", "strike-en": "strike", "zoo-de": "zoo"}
    predicted = {"fire-en": "a", "fire-fr": "a", "strike-de": "a", "strike-en": "b", "zoo-de": "c"}
    precision, recall = stories.pairwise(predicted, gold)
    assert (precision, recall) == (1 / 3, 1 / 2)
    assert stories.pair_errors(predicted, gold) == [("fire-en", "strike-de"), ("fire-fr", "strike-de"),
                                                    ("strike-de", "strike-en")]
    assert stories.pairwise(gold, gold) == (1.0, 1.0)
