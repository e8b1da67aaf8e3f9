"""Invented articles for the tests of stories that change (``link/story_changes.py``): reports
about an invented town, Brévignac (a dock strike, a lorry crash in the road tunnel, fires), given
as the signals the linker reads off an article (entities with their kinds and mentions, reported
days, event types) with embeddings made to order: reports of one event at a cosine of about 0.9,
two events in one town at about 0.3, as centred e5 embeddings are."""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
from sqlalchemy import insert

from newsweave.annotate.embeddings import EMBEDDING_DIM
from newsweave.link.stories import ArticleSignals, StoryLinker, new_story_id
from newsweave.store import Store, schema

TOWN = {"loc:brevignac": ("Brévignac", "LOC")}
STRIKE = {"org:dockers-union": ("Brévignac dockers' union", "ORG"), "per:lena-roux": ("Léna Roux", "PER"),
          "loc:brevignac-port": ("port of Brévignac", "LOC")}
CRASH = {"org:gendarmerie": ("Gendarmerie of Brévignac", "ORG"), "per:marc-vidal": ("Marc Vidal", "PER"),
         "loc:brevignac-tunnel": ("Brévignac tunnel", "LOC")}
FIRE = {"org:fire-brigade": ("Brévignac fire brigade", "ORG"), "per:ines-morel": ("Inès Morel", "PER")}


def stub_articles(store: Store, ids: list[str]) -> None:
    now = datetime.now(UTC)
    rows = [{"id": i, "source": f"test:{i}", "kind": "text", "published_basis": "unknown", "raw_sha256": i,
             "content_hash": i, "raw_text": "", "text": "", "offsets": [], "links": [], "signature": b"",
             "annotations": {}, "ingested_at": now} for i in ids]
    with store.engine.begin() as connection:
        connection.execute(insert(schema.articles), rows)


def unit(vector: np.ndarray) -> np.ndarray:
    return (vector / np.linalg.norm(vector)).astype(np.float32)


class Events:
    """Embeddings of invented reports: one direction per event, all near a shared "town" direction."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = np.random.default_rng(seed)
        self.town = self.rng.normal(size=EMBEDDING_DIM)
        self.events: dict[str, np.ndarray] = {}

    def report(self, event: str, towards: str | None = None, weight: float = 0.3) -> np.ndarray:
        """An article about ``event`` (optionally written a little like another: cosine about
        0.45 to it at the default ``weight``)."""
        for name in (event, towards):
            if name and name not in self.events:
                self.events[name] = 0.55 * self.town + self.rng.normal(size=EMBEDDING_DIM)
        centre = self.events[event] + (weight * self.events[towards] if towards else 0)
        return unit(centre + 0.33 * self.rng.normal(size=EMBEDDING_DIM))


def article(vector: np.ndarray, entities: dict[str, tuple[str, str]], day: date, events: tuple[str, ...],
            headline: str = "") -> ArticleSignals:
    return ArticleSignals(vector, {key: name for key, (name, _) in entities.items()}, [], day, "en",
                          {key: 2 for key in entities}, (day,), events,
                          {key: label for key, (_, label) in entities.items()}, headline, headline)


def file(linker: StoryLinker, store: Store, article_id: str, signals: ArticleSignals) -> str:
    stub_articles(store, [article_id])
    return linker.assign_signals(article_id, signals).story_id


def members(store: Store) -> dict[str, set[str]]:
    return {row["id"]: set(row["article_ids"]) for row in store.story_rows()}


def mixed_story(store: Store, events: Events) -> tuple[str, StoryLinker]:
    """A story an older join rule made of two events — two reports of a dock strike and two of
    a lorry crash in the tunnel the next day, all naming Brévignac — written as one story."""
    from newsweave.link.story_changes import place_in_topic, remember_member
    from newsweave.link.story_state import StoryState, add_to_story

    reports = [("s1", article(events.report("strike"), {**TOWN, **STRIKE}, date(2026, 3, 2), ("STRIKE",))),
               ("c1", article(events.report("crash"), {**TOWN, **CRASH}, date(2026, 3, 3), ("ACCIDENT",))),
               ("s2", article(events.report("strike"), {**TOWN, **STRIKE}, date(2026, 3, 2), ("STRIKE",))),
               ("c2", article(events.report("crash"), {**TOWN, **CRASH}, date(2026, 3, 3), ("ACCIDENT",)))]
    story = StoryState(new_story_id("s1"), np.zeros(EMBEDDING_DIM, np.float32))
    for article_id, signals in reports:
        stub_articles(store, [article_id])
        add_to_story(story, signals, article_id)
        store.save_story(story, article_id)
        story.version += 1
        remember_member(store, article_id, signals)
    linker = StoryLinker(store)
    place_in_topic(store, story.id, reports[0][1], [], linker.frequencies)  # as when the story was made
    return story.id, linker
