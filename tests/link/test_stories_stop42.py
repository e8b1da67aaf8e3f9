"""Stop 42 (issue 18): one name under one key whatever label a tagger gives it, and the names two
events of one town share weigh less when a report published days after the story reports other
days. Invented towns, people, firms and signals: English and Spanish reports."""

from __future__ import annotations

from datetime import date

import numpy as np

from newsweave.link import story_score
from newsweave.link.story_changes import span_gap, state_of, story_as_signals
from newsweave.link.story_score import NO_FREQUENCIES, score_story
from newsweave.link.story_spelling import spelt_alike_keys
from newsweave.link.story_signals import ArticleSignals

TOWN_AS_FIRM = {"org:villaseca-del-cierzo": "Villaseca del Cierzo"}
TOWN_AS_PERSON = {"per:villaseca-del-cierzo": "Villaseca del Cierzo"}
# The town, its council leader and its power company: what two events of one town share.
TOWN_PEOPLE = {"loc:brackenholt": "Brackenholt", "per:maud-tressider": "Maud Tressider", "org:wealdline": "Wealdline"}


def report(direction: list[float], entities: dict[str, str], language: str, published: date | None = None,
           days: tuple[date, ...] = ()) -> ArticleSignals:
    """An invented report along ``direction``, its entities tagged by their key's prefix, named once each."""
    labels = {key: key.split(":")[0].upper() for key in entities}
    vector = np.asarray(direction, dtype=np.float64)
    vector = vector / np.linalg.norm(vector)
    return ArticleSignals(vector.astype(np.float32), entities, [], published, language, dict.fromkeys(entities, 1),
                          days=days, labels=labels)


BOTH = ("en", "es")  # the two languages of the reports compared (story_spelling reads their spellings)


def joins(signals: ArticleSignals, story_signals: ArticleSignals) -> bool:
    score = score_story(signals, state_of("", [("", story_signals)]), NO_FREQUENCIES)
    return score is not None and score >= story_score.SETTINGS.story_join_threshold


def test_one_name_under_two_labels_is_one_key_the_place_s_when_there_is_one():
    labels = {"org:villaseca-del-cierzo": "ORG", "per:villaseca-del-cierzo": "PER"}
    assert spelt_alike_keys({**TOWN_AS_FIRM, **TOWN_AS_PERSON}, labels, BOTH) == {
        "per:villaseca-del-cierzo": "org:villaseca-del-cierzo"}
    with_place = {**TOWN_AS_FIRM, **TOWN_AS_PERSON, "loc:villaseca-del-cierzo": "Villaseca del Cierzo"}
    assert spelt_alike_keys(with_place, {**labels, "loc:villaseca-del-cierzo": "LOC"}, BOTH) == {
        "org:villaseca-del-cierzo": "loc:villaseca-del-cierzo", "per:villaseca-del-cierzo": "loc:villaseca-del-cierzo"}


def test_names_that_differ_keep_their_keys():
    names = {"per:villaseca-del-cierzo": "Villaseca del Cierzo", "org:villaseca-del-monte": "Villaseca del Monte",
             "org:villaseca-del-cierzo-cf": "Villaseca del Cierzo CF"}
    assert spelt_alike_keys(names, {}, BOTH) == {}


def test_a_spanish_report_that_reads_the_town_as_a_person_joins_the_english_story_that_read_it_as_a_firm():
    english = report([1.0, 0.0, 0.0], {**TOWN_AS_FIRM, "per:lucia-orbaneja": "Lucía Orbaneja"}, "en")
    # Across languages the embedding reads little alike: the town they share is what joins them.
    spanish = report([0.45, 0.893, 0.0], {**TOWN_AS_PERSON, "per:anselmo-quiroga": "Anselmo Quiroga"}, "es")
    assert joins(spanish, english)


def test_a_spanish_report_of_another_town_at_the_same_cosine_does_not_join():
    english = report([1.0, 0.0, 0.0], {**TOWN_AS_FIRM, "per:lucia-orbaneja": "Lucía Orbaneja"}, "en")
    other = report([0.45, 0.893, 0.0], {"per:villaseca-del-monte": "Villaseca del Monte",
                                         "per:anselmo-quiroga": "Anselmo Quiroga"}, "es")
    assert not joins(other, english)


FAULT_DAY = date(2031, 3, 3)


def fault_story() -> ArticleSignals:
    """A substation fault, reported the day it happened."""
    return report([1.0, 0.0, 0.0], {**TOWN_PEOPLE, "loc:quarry-road": "Quarry Road"}, "en", FAULT_DAY, (FAULT_DAY,))


def test_a_gale_outage_published_nine_days_later_does_not_join_on_the_town_s_names():
    # Every name it gives is the fault story's; it reports other days: another event.
    gale = report([0.53, 0.848, 0.0], TOWN_PEOPLE, "en", date(2031, 3, 12), (date(2031, 3, 11), date(2031, 3, 12)))
    assert not joins(gale, fault_story())


def test_a_follow_up_two_days_later_that_names_the_fault_day_still_joins():
    follow_up = report([0.53, 0.848, 0.0], TOWN_PEOPLE, "en", date(2031, 3, 5), (FAULT_DAY,))
    assert joins(follow_up, fault_story())


def test_a_report_without_a_publication_day_keeps_its_names_whatever_days_it_recalls():
    # Its reported days are all that time it (a plain file): they may recall another time of one event.
    undated = report([0.53, 0.848, 0.0], TOWN_PEOPLE, "en", None, (date(2031, 3, 11),))
    assert joins(undated, fault_story())


def test_a_small_story_offered_again_is_timed_by_its_span():
    # The gale's two reports formed a story first; the fault story, grown, is offered it again.
    gale_days = (date(2031, 3, 11), date(2031, 3, 12))
    gale = state_of("", [("", report([0.53, 0.848, 0.0], TOWN_PEOPLE, "en", date(2031, 3, 12), gale_days))])
    fault = state_of("", [("", fault_story())])
    as_one = story_as_signals(gale)
    assert score_story(as_one, fault, NO_FREQUENCIES) >= story_score.SETTINGS.story_join_threshold
    assert score_story(as_one, fault, NO_FREQUENCIES, span_gap(fault, gale)) < story_score.SETTINGS.story_join_threshold


def test_one_language_s_two_labels_of_a_name_stay_two_keys():
    """Within one language the two labels are one tagger's two readings: the score is the one it was
    before the names were folded (no fold), across languages the fold joins (test above)."""
    story = report([1.0, 0.3, 0.2], {**TOWN_AS_FIRM, "per:ilse-vardan": "Ilse Vardan"}, "en")
    article = report([1.0, 0.25, 0.3], {**TOWN_AS_PERSON, "per:ilse-vardan": "Ilse Vardan"}, "en")
    state = state_of("", [("", story)])
    assert not story_score.across_languages(article, state)
    folded = spelt_alike_keys({**TOWN_AS_FIRM, **TOWN_AS_PERSON}, {}, BOTH)
    assert folded  # the names would fold; within one language they are left as read
    spanish = report([1.0, 0.25, 0.3], {**TOWN_AS_PERSON, "per:ilse-vardan": "Ilse Vardan"}, "es")
    assert story_score.across_languages(spanish, state)
