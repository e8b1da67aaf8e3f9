"""Stories that change online (``link/story_changes.py``): a story holding two events splits and
keeps its id on the larger part; two stories that converge merge and the old id resolves to the
survivor; two events of one kind in one town are two stories in one topic.

Invented articles about an invented town, Brévignac (a dock strike, a lorry crash in the road
tunnel, a market fire, a warehouse fire), given as the signals the linker reads off an article
(entities with their kinds and mentions, reported days, event types) with embeddings made to
order: a story about one event has articles at a cosine of about 0.9, two events in one town at
about 0.3, as centred e5 embeddings are. Filed by the real linker into a real SQLite store.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
from sqlalchemy import select

from newsweave.annotate.embeddings import EMBEDDING_DIM
from newsweave.link.stories import StoryLinker
from newsweave.link.story_changes import (
    review_due, signals_from_json, signals_json, split_groups, topic_score, two_groups)
from newsweave.link.story_score import NO_FREQUENCIES
from newsweave.link.story_state import StoryState, add_to_story
from newsweave.store import schema
from story_changes_inputs import (
    CRASH, FIRE, STRIKE, TOWN, Events, article, file, members, mixed_story, stub_articles, unit,
)


def test_member_signals_round_trip():
    signals = article(unit(np.arange(1, EMBEDDING_DIM + 1, dtype=np.float32)), {**TOWN, **STRIKE},
                      date(2026, 3, 2), ("STRIKE",), "Dockers walk out in Brévignac")
    back = signals_from_json(signals.embedding.tobytes(), signals_json(signals))
    assert np.array_equal(back.embedding, signals.embedding)
    assert (back.entities, back.mentions, back.labels, back.days, back.events, back.headline) == (
        signals.entities, signals.mentions, signals.labels, signals.days, signals.events, signals.headline)


def test_two_groups_follow_the_pairwise_scores():
    scores = np.array([[0, .9, .1, .9, .1], [.9, 0, .2, .8, .1], [.1, .2, 0, .1, .9],
                       [.9, .8, .1, 0, .2], [.1, .1, .9, .2, 0]], dtype=float)
    assert two_groups(scores) == ([0, 1, 3], [2, 4])


def test_reviews_come_at_growing_sizes():
    due = [size for size in range(1, 40) if review_due(size)]
    assert due[0] == 4 and len(due) < 15 and all(b > a for a, b in zip(due, due[1:]))


def test_a_story_holding_two_events_splits_and_keeps_its_id_on_the_larger_part(sqlite_store):
    events = Events()
    old, linker = mixed_story(sqlite_store, events)
    # A third report of the strike joins the story; at five articles it is reviewed and splits.
    landed = file(linker, sqlite_store, "s3", article(events.report("strike"), {**TOWN, **STRIKE},
                                                       date(2026, 3, 3), ("STRIKE",)))
    stories = members(sqlite_store)
    assert stories[old] == {"s1", "s2", "s3"} and landed == old
    (new,) = set(stories) - {old}
    assert stories[new] == {"c1", "c2"}
    changes = sqlite_store.story_change_rows(old)
    assert [(c["kind"], c["story_id"], c["successor"], c["articles"]) for c in changes] == [
        ("split", old, new, ["c1", "c2"])]
    assert sqlite_store.resolve_story(old) == old
    # The split parts are two events of one town: they stay in one topic.
    topics = sqlite_store.topics_of([old, new])
    assert topics[old] == topics[new]
    # The next report of the crash joins the crash's story, not the strike's.
    assert file(linker, sqlite_store, "c3", article(events.report("crash"), {**TOWN, **CRASH},
                                                    date(2026, 3, 4), ("ACCIDENT",))) == new


def test_two_stories_that_converge_merge_and_the_old_id_resolves(sqlite_store):
    events = Events(11)
    linker = StoryLinker(sqlite_store)
    # Four reports of a warehouse fire name the brigade and its chief …
    first = {file(linker, sqlite_store, f"f{n}", article(events.report("fire"), {**TOWN, **FIRE}, date(2026, 4, 6),
                                                         ("ACCIDENT",))) for n in range(4)}
    (first_id,) = first
    # … two short reports written another way, naming no one, make a story of their own …
    second = {file(linker, sqlite_store, f"g{n}", article(events.report("blaze", towards="fire", weight=0.4), {},
                                                          date(2026, 4, 6), ("ACCIDENT",))) for n in range(2)}
    assert len(second) == 1 and first_id not in second
    (second_id,) = second
    # … until the next one written that way names the brigade and its chief: it fits both
    # stories, which turn out to be one event, and the smaller merges into the larger.
    landed = file(linker, sqlite_store, "h1", article(events.report("blaze", towards="fire", weight=0.2),
                                                      {**TOWN, **FIRE}, date(2026, 4, 7), ("ACCIDENT",)))
    assert landed == first_id
    assert members(sqlite_store) == {first_id: {"f0", "f1", "f2", "f3", "g0", "g1", "h1"}}
    assert sqlite_store.resolve_story(second_id) == first_id
    (change,) = sqlite_store.story_change_rows(second_id)
    assert (change["kind"], change["story_id"], change["successor"]) == ("merge", second_id, first_id)
    assert change["articles"] == ["g0", "g1", "h1"]
    assert sqlite_store.resolve_story("0123456789abcdef") is None


def test_two_events_of_one_kind_in_one_town_are_two_stories_in_one_topic(sqlite_store):
    events = Events(5)
    linker = StoryLinker(sqlite_store)
    market = {"loc:brevignac-market": ("Brévignac market", "LOC"), "org:fire-brigade": ("Brévignac fire brigade", "ORG")}
    warehouse = {"loc:brevignac-docks": ("Brévignac docks", "LOC"), "org:fire-brigade": ("Brévignac fire brigade", "ORG"),
                 "org:portline": ("Portline Logistics", "ORG")}
    one = [file(linker, sqlite_store, f"m{n}", article(events.report("market fire"), {**TOWN, **market},
                                                        date(2026, 5, 4), ("ACCIDENT",))) for n in range(2)]
    two = [file(linker, sqlite_store, f"w{n}", article(events.report("warehouse fire"), {**TOWN, **warehouse},
                                                        date(2026, 5, 19), ("ACCIDENT",))) for n in range(2)]
    assert len(set(one)) == 1 and len(set(two)) == 1 and one[0] != two[0]
    topics = sqlite_store.topics_of([one[0], two[0]])
    assert topics[one[0]] == topics[two[0]]
    (topic,) = sqlite_store.topic_rows(topics[one[0]])
    assert [story["id"] for story in topic["stories"]] == [one[0], two[0]]
    # Unrelated news elsewhere is a topic of its own.
    other = {"loc:val-sorel": ("Val-Sorel", "LOC"), "org:sorel-fc": ("Sorel FC", "ORG")}
    match = file(linker, sqlite_store, "x1", article(events.report("football"), other, date(2026, 5, 10), ("CONTEST",)))
    assert sqlite_store.topics_of([match])[match] != topics[one[0]]


def test_clearing_the_stories_clears_members_changes_and_topics(sqlite_store):
    """``newsweave restory`` starts from nothing: members, changes and topics go with the stories."""
    mixed_story(sqlite_store, Events())
    sqlite_store.clear_stories()
    with sqlite_store.engine.connect() as connection:
        for table in (schema.story_members, schema.story_changes, schema.topics, schema.stories):
            assert connection.execute(select(table).limit(1)).first() is None


def test_a_writer_that_read_a_story_before_it_merged_files_into_the_survivor(sqlite_store):
    """Another process read the smaller story just before the merge: its write meets a story that
    is gone, and the article goes to the survivor instead of bringing the old id back."""
    events = Events(11)
    linker = StoryLinker(sqlite_store)
    for n in range(4):
        file(linker, sqlite_store, f"f{n}", article(events.report("fire"), {**TOWN, **FIRE}, date(2026, 4, 6), ("ACCIDENT",)))
    for n in range(2):
        second = file(linker, sqlite_store, f"g{n}", article(events.report("blaze", towards="fire", weight=0.4), {},
                                                             date(2026, 4, 6), ("ACCIDENT",)))
    (stale,) = sqlite_store.stories_by_id([second])
    survivor = file(linker, sqlite_store, "h1", article(events.report("blaze", towards="fire", weight=0.2),
                                                        {**TOWN, **FIRE}, date(2026, 4, 7), ("ACCIDENT",)))
    assert sqlite_store.resolve_story(second) == survivor != second
    other = StoryLinker(sqlite_store)
    late = article(events.report("blaze", towards="fire", weight=0.4), {}, date(2026, 4, 7), ("ACCIDENT",))
    stub_articles(sqlite_store, ["z1"])
    other._fold_and_save(stale, late, "z1")
    assert sqlite_store.story_of("z1") == survivor and second not in members(sqlite_store)


def test_stories_further_apart_than_the_time_rule_never_merge(sqlite_store):
    """The same kind of report two months apart: the linker would not join them, so no merge."""
    from newsweave.link.settings import SETTINGS as LINK_SETTINGS
    from newsweave.link.story_changes import pair_score, review_merge, state_of
    from newsweave.link.story_score import EntityFrequencies

    events = Events(11)
    early = state_of("a" * 16, [(f"e{n}", article(events.report("fire"), {**TOWN, **FIRE}, date(2026, 4, 6),
                                                   ("ACCIDENT",))) for n in range(2)])
    late = state_of("b" * 16, [(f"l{n}", article(events.report("fire"), {**TOWN, **FIRE}, date(2026, 6, 8),
                                                  ("ACCIDENT",))) for n in range(2)])
    settings = LINK_SETTINGS
    assert pair_score(early, late, EntityFrequencies()) >= settings.story_join_threshold + settings.story_merge_margin
    assert review_merge(sqlite_store, early, late, EntityFrequencies()) is None


def test_an_undated_article_is_kept_out_of_a_topic_by_the_days_it_reports():
    """An article without a publication date (a plain file) is timed by the days it reports:
    two years after a topic's span, it is no candidate, however alike the two read."""
    events = Events()
    vector = events.report("strike")
    topic = StoryState("t1", np.zeros(EMBEDDING_DIM, np.float32))
    add_to_story(topic, article(vector, {**TOWN, **STRIKE}, date(2024, 2, 28), ("STRIKE",)), "a1")
    later = replace(article(vector, {**TOWN, **STRIKE}, date(2026, 2, 25), ("STRIKE",)), day=None)
    assert topic_score(later, topic, NO_FREQUENCIES) is None
    near = replace(article(vector, {**TOWN, **STRIKE}, date(2024, 3, 5), ("STRIKE",)), day=None)
    assert topic_score(near, topic, NO_FREQUENCIES) is not None


def test_two_close_events_split_by_their_neighbourhoods_with_the_larger_part_first():
    """Two events whose groups score together as high as one event's halves (0.7 across, 0.9
    within) are still two neighbourhoods: the spectral halves are pure, larger first."""
    from newsweave.link.story_changes import neighbour_purity, spectral_halves

    groups = [0, 0, 1, 0, 1, 0, 1]
    scores = np.array([[0.0 if i == j else (0.9 if a == b else 0.7) for j, b in enumerate(groups)]
                       for i, a in enumerate(groups)])
    assert spectral_halves(scores) == ([0, 1, 3, 5], [2, 4, 6])
    assert neighbour_purity(scores, [0, 1, 3, 5], [2, 4, 6], 3) == 1.0
    assert split_groups(scores) == ([0, 1, 3, 5], [2, 4, 6], True)


def test_one_event_is_not_split_by_its_neighbourhoods():
    rng = np.random.default_rng(3)
    noise = rng.uniform(0.8, 1.0, (8, 8))
    scores = (noise + noise.T) / 2
    np.fill_diagonal(scores, 0.0)
    larger, smaller, pure = split_groups(scores)
    assert not pure


def test_two_stories_are_compared_once_per_growth_step():
    from newsweave.link.story_changes import first_comparison

    compared: set = set()
    a, b = StoryState("a", np.zeros(0, np.float32), size=5), StoryState("b", np.zeros(0, np.float32), size=3)
    assert first_comparison(compared, a, b)
    assert not first_comparison(compared, b, a)
    a.size = 9
    assert first_comparison(compared, a, b)


def test_two_close_events_in_one_story_split_by_neighbourhoods_and_keep_the_id_on_the_larger(sqlite_store):
    """A story made of two events is cut along them by its members' neighbourhoods; on a tie
    the part holding the first article keeps the old id."""
    from newsweave.link.story_changes import pairwise_scores, review_split, signals_from_json

    events = Events(23)
    old, linker = mixed_story(sqlite_store, events)
    rows = sqlite_store.member_signals(old)
    scores = pairwise_scores([signals_from_json(vector, data) for _, vector, data in rows], NO_FREQUENCIES)
    larger, smaller, pure = split_groups(scores)
    assert pure and sorted(len(group) for group in (larger, smaller)) == [2, 2]
    (story,) = sqlite_store.stories_by_id([old])
    kept, new, moved = review_split(sqlite_store, story, NO_FREQUENCIES)
    assert kept.id == old and new.id != old and len(moved) == 2
    assert members(sqlite_store)[old] == {rows[i][0] for i in larger} == {"s1", "s2"}
    assert members(sqlite_store)[new.id] == set(moved) == {"c1", "c2"}
