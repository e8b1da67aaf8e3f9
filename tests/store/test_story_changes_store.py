"""The store's side of stories that change (``store/story_changes.py``), on SQLite and PostgreSQL:
splits and merges are written whole or not at all (a stale read is refused), and an id merged
twice resolves through both merges to the story that holds its articles now."""

from __future__ import annotations

from datetime import date

import numpy as np

from newsweave.annotate.embeddings import EMBEDDING_DIM
from newsweave.link.story_changes import combined_states, state_of
from newsweave.link.story_state import StoryState
from newsweave.store import Store
from story_changes_inputs import FIRE, TOWN, Events, article, stub_articles


def stored_story(store: Store, story_id: str, article_ids: list[str], events: Events) -> StoryState:
    """A story of invented fire reports written through ``save_story``, read back."""
    stub_articles(store, article_ids)
    story = StoryState(story_id, np.zeros(EMBEDDING_DIM, np.float32))
    for article_id in article_ids:
        one = state_of(story_id, [(article_id, article(events.report("fire"), {**TOWN, **FIRE}, date(2026, 4, 6),
                                                       ("ACCIDENT",)))])
        one.id, one.version = story.id, story.version
        if story.size:
            one = combined_states(story, one)
        store.save_story(one, article_id)
        (story,) = store.stories_by_id([story_id])
    return story


def test_a_merge_moves_the_articles_and_ids_resolve_through_chains(store):
    events = Events(3)
    a = stored_story(store, "a" * 16, ["a1", "a2", "a3"], events)
    b = stored_story(store, "b" * 16, ["b1", "b2"], events)
    c = stored_story(store, "c" * 16, ["c1"], events)
    assert store.merge_stories(combined_states(b, c), c, 0.9)
    (b,) = store.stories_by_id([b.id])
    assert store.merge_stories(combined_states(a, b), b, 0.95)
    assert {row["id"]: set(row["article_ids"]) for row in store.story_rows()} == {
        a.id: {"a1", "a2", "a3", "b1", "b2", "c1"}}
    assert store.resolve_story(c.id) == store.resolve_story(b.id) == store.resolve_story(a.id) == a.id
    assert store.merged_stories() == [(b.id, a.id), (c.id, a.id)]
    (merged,) = store.stories_by_id([a.id])
    assert merged.size == 6


def test_a_change_from_a_stale_read_is_refused_and_writes_nothing(store):
    events = Events(4)
    a = stored_story(store, "d" * 16, ["d1", "d2"], events)
    b = stored_story(store, "e" * 16, ["e1"], events)
    stale = StoryState(a.id, a.centroid_sum, a.size, a.entities, a.keywords, a.languages, a.first, a.last, a.label,
                       a.version - 1, a.profile)
    assert not store.merge_stories(combined_states(stale, b), b, 0.9)
    part = state_of("f" * 16, [("d2", article(events.report("fire"), TOWN, date(2026, 4, 6), ()))])
    assert not store.split_story(stale, part, ["d2"], 0.1)
    assert {row["id"]: set(row["article_ids"]) for row in store.story_rows()} == {a.id: {"d1", "d2"}, b.id: {"e1"}}
    assert store.story_change_rows(a.id) == [] and store.resolve_story(b.id) == b.id


def test_a_refolded_date_profile_is_written_alone_and_a_stale_one_refused(store):
    events = Events(1)
    story = stored_story(store, "d" * 16, ["d1", "d2"], events)
    (stale,) = store.stories_by_id([story.id])
    seq = store.latest_story_seq()
    story.first, story.last, story.profile["inferred"] = "2026-04-05", "2026-04-07", {"2026-04-07": 1}
    assert store.resave_story(story)
    (read,) = store.stories_by_id([story.id])
    assert (read.first, read.last, read.profile["inferred"], read.size) == ("2026-04-05", "2026-04-07", {"2026-04-07": 1}, 2)
    assert read.version == story.version and store.latest_story_seq() == seq + 1
    stale.last = "2026-04-30"
    assert not store.resave_story(stale)
    (read,) = store.stories_by_id([story.id])
    assert read.last == "2026-04-07"
