"""Stories hold one event each: invented articles (``tests/data/stories/brevignac.jsonl``, an
invented town) about two events in one town in one week — a dock strike and a lorry crash that
closes a tunnel — reported in English and French, the crash also in German. Ingested for real
(annotators, embedding, SQLite store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from newsweave.link.story_score import day_conflict, entity_evidence, EntityFrequencies, participant_conflict
from newsweave.link.story_signals import ArticleSignals, event_participants, first_sentence, headline_and_summary
from newsweave.link.story_state import StoryState, add_to_story
from newsweave.link.story_labels import story_title
from story_ingest import stories_by_url

DATA = Path(__file__).resolve().parents[1] / "data" / "stories" / "brevignac.jsonl"


@pytest.fixture(scope="module")
def filed(tmp_path_factory) -> dict[str, dict]:
    """Story row of each article, keyed by the article's URL."""
    return stories_by_url(DATA, tmp_path_factory.mktemp("events") / "events.db")


def _story_of(filed: dict[str, dict], word: str) -> set[str]:
    return {story["id"] for url, story in filed.items() if word in url}


def test_two_events_in_one_town_in_one_week_stay_apart_in_two_languages(filed):
    strike = _story_of(filed, "strike") | _story_of(filed, "greve")
    crash = _story_of(filed, "tunnel")
    assert len(strike) == 1 and len(crash) == 1
    assert strike != crash


def test_one_event_in_three_languages_joins(filed):
    crash = [story for url, story in filed.items() if "tunnel" in url]
    assert len({story["id"] for story in crash}) == 1
    assert crash[0]["languages"] == ["de", "en", "fr"]


def test_a_story_is_titled_by_a_headline_of_its_articles(filed):
    crash = next(story for url, story in filed.items() if "tunnel" in url)
    assert crash["label"] in {"Lorry crash closes the Brévignac road tunnel",
                              "Un camion se renverse, le tunnel de Brévignac fermé",
                              "Lkw-Unfall: Tunnel von Brévignac gesperrt"}


def _signals(vector, days=(), entities=None, labels=None, day=None, language="en", headline="", summary="",
             participants=()):
    entities = entities or {}
    return ArticleSignals(np.asarray(vector, dtype=np.float32), {k: k for k in entities}, [], day, language,
                          dict(entities), tuple(days), (), labels or {}, headline, summary, tuple(participants))


def test_a_report_a_week_later_conflicts_unless_it_names_the_first_days():
    story = StoryState("a" * 16, np.zeros(3, np.float32))
    add_to_story(story, _signals([1, 0, 0], days=[date(2026, 3, 2)], day=date(2026, 3, 2)))
    assert day_conflict((date(2026, 3, 9),), story) == 1.0
    assert day_conflict((date(2026, 3, 9), date(2026, 3, 2)), story) == 0.0
    assert day_conflict((date(2026, 3, 3),), story) == 0.0


def test_story_dates_are_the_span_of_the_reported_days():
    story = StoryState("b" * 16, np.zeros(3, np.float32))
    add_to_story(story, _signals([1, 0, 0], days=[date(2026, 2, 25)], day=date(2024, 2, 28)))
    add_to_story(story, _signals([1, 0, 0], days=[date(2026, 2, 26)], day=date(2026, 2, 26)))
    assert (story.first, story.last) == ("2026-02-25", "2026-02-26")  # not the first article's publication day
    other = StoryState("c" * 16, np.zeros(3, np.float32))
    add_to_story(other, _signals([1, 0, 0], days=[date(2026, 2, 25)]))
    add_to_story(other, _signals([1, 0, 0], day=date(2026, 2, 27)))  # reports no day: its own, inferred
    assert (other.first, other.last) == ("2026-02-25", "2026-02-27")
    assert other.profile["inferred"] == {"2026-02-27": 1}


def test_one_shared_place_is_weaker_evidence_than_a_shared_person():
    labels = {"loc:town": "LOC", "per:mayor": "PER", "org:union": "ORG", "org:agency": "ORG"}
    place = entity_evidence({"loc:town": 3, "org:union": 2}, {"loc:town": 3, "org:agency": 2}, labels)
    person = entity_evidence({"per:mayor": 3, "org:union": 2}, {"per:mayor": 3, "org:agency": 2}, labels)
    assert 0 < place < person


def test_a_name_in_every_article_counts_less():
    frequencies = EntityFrequencies()
    for _ in range(200):
        frequencies.add(["loc:town"])
    frequencies.add(["per:mayor"])
    assert frequencies.share("loc:town") < 0.2 < 0.8 < frequencies.share("per:mayor")


def test_the_title_is_in_the_readers_language_when_the_story_has_one():
    story = StoryState("d" * 16, np.zeros(3, np.float32))
    add_to_story(story, _signals([1, 0, 0], language="en", headline="Tunnel shut", summary="It is shut."), "a1")
    add_to_story(story, _signals([0.9, 0.1, 0], language="fr", headline="Tunnel fermé", summary="Il est fermé."), "a2")
    assert story_title(story, "fr")["title"] == "Tunnel fermé"
    assert story_title(story)["title"] == "Tunnel shut" and story_title(story)["article"] == "a1"
    assert story_title(story, "de")["title"] == "Tunnel shut"


def test_headline_of_a_plain_text_is_its_short_first_line():
    from newsweave.model import Article
    from newsweave.offsets import OffsetMap

    text = "Ferry service resumes at Ostrevale\n\nThe ferry to Ostrevale sailed again on Tuesday. More follows."
    article = Article(id="x", source="x.txt", raw=text, raw_sha256="", text=text, offsets=OffsetMap.identity(len(text)))
    assert headline_and_summary(article) == ("Ferry service resumes at Ostrevale",
                                             "The ferry to Ostrevale sailed again on Tuesday.")
    assert first_sentence("Am Mittwoch, dem 4. März 2026, kippte ein Lastwagen um. Danach") == \
        "Am Mittwoch, dem 4. März 2026, kippte ein Lastwagen um."


def test_event_participants_are_the_actors_and_targets_keyed_like_entities():
    from newsweave.model import Article, Event, Participant, Span
    from newsweave.offsets import OffsetMap

    text = "Dockers at Brévignac port walked out; the port authority closed the quays."
    def span(word):
        start = text.index(word)
        return {"start": start, "end": start + len(word), "source_start": start, "source_end": start + len(word),
                "text": word}
    events = [Event("STRIKE", Span(**span("walked")), Participant(**span("Dockers"), label="ORG"),
                    location=Participant(**span("Brévignac"), label="LOC", entity_id="loc:brevignac")),
              Event("RESTRICT", Span(**span("closed")), Participant(**span("port authority"), label="ORG",
                    entity_id="org:port-authority"), Participant(**span("quays"), label="LOC"))]
    article = Article(id="x", source="x", raw=text, raw_sha256="", text=text, offsets=OffsetMap.identity(len(text)),
                      events=events)
    # The location is where, not who; a participant without an id is keyed by its folded name.
    assert event_participants(article) == ("name:dockers", "org:port-authority", "name:quays")


def test_same_kind_of_event_with_other_people_conflicts_across_languages():
    labels = {"per:reid": "PER", "per:lohan": "PER", "loc:malibu": "LOC"}
    story = StoryState("e" * 16, np.zeros(3, np.float32))
    add_to_story(story, _signals([1, 0, 0], entities={"per:reid": 3, "loc:malibu": 1}, labels=labels,
                                 participants=["per:reid"]))
    assert story.participants == {"per:reid": 1}
    other = _signals([1, 0, 0], entities={"per:lohan": 2, "loc:malibu": 1}, labels=labels, language="fr",
                     participants=["per:lohan"])
    same = _signals([1, 0, 0], entities={"per:reid": 1, "loc:malibu": 1}, labels=labels, language="de",
                    participants=["per:reid"])
    unnamed = _signals([1, 0, 0], entities={"loc:malibu": 2}, labels=labels)
    assert participant_conflict(other, story, labels) == 1.0
    assert participant_conflict(same, story, labels) == 0.0  # one canonical id in every language
    assert participant_conflict(unnamed, story, labels) == 0.0  # nobody to compare: no evidence either way


def test_label_keywords_are_whole_words_where_the_lead_is_cut():
    """The lead read for keywords ends at a word: a word the cut splits is left out, not kept
    as a stem a reader would see in a topic's label."""
    from newsweave.link.story_signals import keywords
    from newsweave.model import Article
    from newsweave.offsets import OffsetMap

    text = "x" * 580 + " shipments of ammunition"  # the 600-character cut falls inside "ammunition"
    article = Article(id="x", source="x.txt", raw=text, raw_sha256="", text=text, offsets=OffsetMap.identity(len(text)))
    found = keywords(article)
    assert "shipments" in found and not any(word.startswith("ammuni") for word in found)
