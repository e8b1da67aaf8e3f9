"""Stop 43 (issue 18): one event's reports across languages. A foreign name spelt each language's
way, or held at the end of a longer name, is one name; a report in a language new to the story
reads a gap less alike; a country says nothing of which event across languages. Invented towns,
people, firms and signals: English, German and Spanish reports."""

from __future__ import annotations

from story_reports import at_cosine, report, score

from newsweave.link import story_score
from newsweave.link.story_score import NO_FREQUENCIES, entity_evidence
from newsweave.link.story_signals import ArticleSignals
from newsweave.link.story_spelling import spelt_alike_keys

# A mining town abroad as an English, a German and a Spanish report spell it.
ENGLISH_TOWN = {"loc:kharnivka": "Kharnivka"}
GERMAN_TOWN = {"loc:bergbaustadt-charniwka": "Bergbaustadt Charniwka"}
SPANISH_TOWN = {"per:zoria-7-de-jarnivka": "Zoria-7 de Jarnivka"}
# Its mine operator, as the English and the German report spell it.
ENGLISH_FIRM = {"org:vuhlemar": "Vuhlemar"}
GERMAN_FIRM = {"org:betreiber-wuhlemar": "Betreiber Wuhlemar"}
POLAND = "geo:798544"


def joins(signals: ArticleSignals, story_signals: ArticleSignals) -> bool:
    return score(signals, story_signals) >= story_score.SETTINGS.story_join_threshold


def english_mine_story() -> ArticleSignals:
    return report([1.0, 0.0, 0.0], {**ENGLISH_TOWN, **ENGLISH_FIRM, "per:oleksa-dubrych": "Oleksa Dubrych"}, "en")


def test_a_german_and_a_spanish_spelling_of_a_name_are_the_english_one():
    # Two places of one length: the first key in order stands for both.
    assert spelt_alike_keys({"loc:kharnivka": "Kharnivka", "loc:charniwka": "Charniwka"}, {}, ["en", "de"]) == {
        "loc:kharnivka": "loc:charniwka"}
    assert spelt_alike_keys({"loc:kharnivka": "Kharnivka", "per:jarnivka": "Jarnivka"},
                            {"loc:kharnivka": "LOC", "per:jarnivka": "PER"}, ["es", "en"]) == {"per:jarnivka": "loc:kharnivka"}


def test_a_name_held_at_the_end_of_a_longer_one_is_that_name():
    names = {**ENGLISH_TOWN, **GERMAN_TOWN, **SPANISH_TOWN, **ENGLISH_FIRM, **GERMAN_FIRM}
    labels = {key: key.split(":")[0].upper() for key in names}
    assert spelt_alike_keys(names, labels, ["en", "de", "es"]) == {
        "loc:bergbaustadt-charniwka": "loc:kharnivka", "per:zoria-7-de-jarnivka": "loc:kharnivka",
        "org:betreiber-wuhlemar": "org:vuhlemar"}


def test_names_that_are_not_spelt_alike_keep_their_keys():
    # Another town one letter apart; a given name before the end; a language with no rule for "j".
    assert spelt_alike_keys({"loc:kharnivka": "Kharnivka", "loc:karnivka": "Karnivka"}, {}, ["en", "de", "es"]) == {}
    assert spelt_alike_keys({"per:anna-maria-lenz": "Anna Maria Lenz", "per:maria-lenz": "Maria Lenz"}, {}, ["en", "de"]) == {}
    assert spelt_alike_keys({"loc:kharnivka": "Kharnivka", "per:jarnivka": "Jarnivka"}, {}, ["en", "de"]) == {}


def test_a_german_report_of_the_mine_joins_the_english_story_that_spells_it_otherwise():
    german = report(at_cosine(0.42), {**GERMAN_TOWN, **GERMAN_FIRM, "per:hanna-lytschko": "Hanna Lytschko"}, "de")
    assert joins(german, english_mine_story())


def test_a_german_report_of_another_mining_town_at_the_same_cosine_does_not_join():
    german = report(at_cosine(0.42), {"loc:bergbaustadt-dorniwka": "Bergbaustadt Dorniwka",
                                      "org:betreiber-sarmet": "Betreiber Sarmet",
                                      "per:hanna-lytschko": "Hanna Lytschko"}, "de")
    assert not joins(german, english_mine_story())


def test_a_report_in_a_language_new_to_the_story_reads_the_gap_higher():
    spanish = report(at_cosine(0.48), {"per:ines-barcala": "Inés Barcala"}, "es")
    english = report(at_cosine(0.48), {"per:ines-barcala": "Inés Barcala"}, "en")
    story = english_mine_story()
    assert abs(score(spanish, story) - score(english, story) - story_score.SETTINGS.story_language_gap) < 1e-6
    assert joins(spanish, story)
    assert not joins(english, story)  # the look-alike: one language, one cosine, no name shared


def test_a_country_shared_across_languages_says_nothing_of_the_event():
    story = {POLAND: 1.0, "loc:wolmirzec": 1.0}
    article = {POLAND: 1.0, "loc:brzostki": 1.0}
    labels = {POLAND: "LOC", "loc:wolmirzec": "LOC", "loc:brzostki": "LOC"}
    assert entity_evidence(article, story, labels, NO_FREQUENCIES, across=True) == 0.0
    # Within one language a country weighs as a place, as it did.
    assert entity_evidence(article, story, labels, NO_FREQUENCIES) > 0.0


def test_a_spanish_report_of_another_town_of_the_country_does_not_join_on_the_country():
    story = report([1.0, 0.0, 0.0], {POLAND: "Poland", "loc:wolmirzec": "Wolmirzec", "org:chemwol": "Chemwol"}, "en")
    spanish = report(at_cosine(0.40), {POLAND: "Polonia", "loc:brzostki": "Brzostki"}, "es")
    assert not joins(spanish, story)
