"""Early reports offered again (``story_changes.reoffer_small``): a report filed before its
event's story formed, left on its own, joins the story once the story has grown to fit it; the
story keeps its id and the merge is recorded. A report of another event in the same town, filed
as early, stays apart.

Invented reports about an invented town, Brévignac (a warehouse fire, a dock strike), given as the
signals the linker reads off an article, with embeddings made to order (``story_changes_inputs``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from newsweave.annotate.embeddings import EMBEDDING_DIM
from newsweave.link import story_score
from newsweave.link.stories import StoryLinker
from newsweave.link.story_changes import REOFFER_READ, reoffer_due, reoffer_small
from story_changes_inputs import FIRE, STRIKE, TOWN, Events, article, file, members, unit


def test_reoffers_come_at_growing_sizes_and_stop_when_off(monkeypatch):
    due = [size for size in range(1, 40) if reoffer_due(size)]
    assert due[0] == 3 and len(due) < 15 and all(b > a for a, b in zip(due, due[1:]))
    monkeypatch.setattr(story_score, "SETTINGS", replace(story_score.SETTINGS, story_reoffer_max_size=0))
    assert not any(reoffer_due(size) for size in range(1, 40))


@pytest.fixture(autouse=True)
def no_cosine_floor(monkeypatch):
    """These loose reports (cosine about 0.25 to each other, in one language) join on their shared
    names alone, which ``story_cosine_floor`` refuses within a language: the floor has its own tests
    (test_story_floor.py); here it is off, so that the re-offer is what is tested."""
    monkeypatch.setattr(story_score, "SETTINGS", replace(story_score.SETTINGS, story_cosine_floor=0.0))


def scattered(events: Events, event: str) -> np.ndarray:
    """A report written loosely: far from each other such report (cosine about 0.25), near the
    mean of several (each one's own wording averages out)."""
    events.report(event)  # makes the event's direction
    return unit(events.events[event] + 2.0 * events.rng.normal(size=EMBEDDING_DIM))


def file_fire_story(store, events: Events, linker: StoryLinker) -> list[str]:
    """A short early report of the fire naming no one, a report of the strike, then nine loose
    reports of the fire naming the town, the brigade and its chief."""
    day = date(2026, 4, 6)
    early = file(linker, store, "e1", article(events.report("fire"), {}, day, ("ACCIDENT",)))
    strike = file(linker, store, "s1", article(events.report("strike"), {**TOWN, **STRIKE}, day, ("STRIKE",)))
    fire = [file(linker, store, f"f{n}", article(scattered(events, "fire"), {**TOWN, **FIRE}, day, ("ACCIDENT",)))
            for n in range(9)]
    return [early, strike, *fire]


def test_an_early_report_left_alone_joins_its_story_once_the_story_grows(sqlite_store):
    linker = StoryLinker(sqlite_store)
    early, strike, *fire = file_fire_story(sqlite_store, Events(11), linker)
    # No report of the fire fitted the early one (no name shared, each worded its own way), so it
    # stayed alone until the fire's story grew to fit it; the story kept its id, the merge recorded.
    story = fire[0]
    assert len({early, strike, story}) == 3 and set(fire) == {story}
    stories = members(sqlite_store)
    assert stories[story] == {"e1", *(f"f{n}" for n in range(9))} and early not in stories
    assert sqlite_store.resolve_story(early) == story
    (change,) = sqlite_store.story_change_rows(early)
    assert (change["kind"], change["story_id"], change["successor"], change["articles"]) == (
        "merge", early, story, ["e1"])
    # The strike in the same town, filed as early, stays a story of its own.
    assert stories[strike] == {"s1"}


def test_without_the_reoffer_the_early_report_stays_alone(sqlite_store, monkeypatch):
    monkeypatch.setattr(story_score, "SETTINGS", replace(story_score.SETTINGS, story_reoffer_max_size=0))
    linker = StoryLinker(sqlite_store)
    early, strike, *fire = file_fire_story(sqlite_store, Events(11), linker)
    stories = members(sqlite_store)
    assert stories[early] == {"e1"} and stories[strike] == {"s1"} and len(stories[fire[0]]) == 9


def test_a_reoffer_reads_only_the_nearest_candidates(sqlite_store, monkeypatch):
    # A story among many near ones (a dense index): the re-offer reads the few nearest whose cosine
    # could reach the bar, not every candidate that passes the bound.
    linker = StoryLinker(sqlite_store)
    events, day = Events(5), date(2026, 4, 6)
    story_id = file(linker, sqlite_store, "f0", article(events.report("fire"), {**TOWN, **FIRE}, day, ("ACCIDENT",)))
    story = sqlite_store.stories_by_id([story_id])[0]
    near = [(f"{n + 1:016x}", 0.9 - n / 100) for n in range(20)]
    monkeypatch.setattr(linker, "nearest_stories", lambda embedding: near)
    read: list[list[str]] = []
    monkeypatch.setattr(sqlite_store, "stories_by_id", lambda ids, keywords=True: read.append(list(ids)) or [])
    reoffer_small(linker, story)
    assert read == [[story_id for story_id, _ in near[:REOFFER_READ]]] and REOFFER_READ < len(near)
