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

from datetime import UTC, date, datetime

import numpy as np
from sqlalchemy import insert, select

from newsweave.annotate.embeddings import EMBEDDING_DIM
from newsweave.link.stories import ArticleSignals, StoryLinker, new_story_id
from newsweave.link.story_changes import review_due, signals_from_json, signals_json, two_groups
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


def mixed_story(store: Store, events: Events) -> tuple[str, StoryLinker]:
    """A story an older join rule made of two events — two reports of a dock strike and two of
    a lorry crash in the tunnel the next day, all naming Brévignac — written as one story."""
    from newsweave.link.story_changes import remember_member
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
    return story.id, StoryLinker(store)


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
    assert sqlite_store.topics_of([old, new]).get(old) == sqlite_store.topics_of([old, new]).get(new)
    # The next report of the crash joins the crash's story, not the strike's.
    assert file(linker, sqlite_store, "c3", article(events.report("crash"), {**TOWN, **CRASH},
                                                    date(2026, 3, 4), ("ACCIDENT",))) == new


def test_two_stories_that_converge_merge_and_the_old_id_resolves(sqlite_store):
    events = Events(11)
    linker = StoryLinker(sqlite_store)
    # Three reports of a warehouse fire name the brigade and its chief …
    first = {file(linker, sqlite_store, f"f{n}", article(events.report("fire"), {**TOWN, **FIRE}, date(2026, 4, 6),
                                                         ("ACCIDENT",))) for n in range(3)}
    # … a report written another way, naming only the town, starts a story of its own …
    second = file(linker, sqlite_store, "g1", article(events.report("blaze", towards="fire", weight=0.1), TOWN, date(2026, 4, 6),
                                                      ("ACCIDENT",)))
    assert len(first) == 1 and second not in first
    (first_id,) = first
    # … and the next one written that way names the brigade and its chief: it fits both stories,
    # which turn out to be one event, and the smaller merges into the larger.
    landed = file(linker, sqlite_store, "g2", article(events.report("blaze", towards="fire", weight=0.1), {**TOWN, **FIRE},
                                                      date(2026, 4, 7), ("ACCIDENT",)))
    assert landed == first_id
    assert members(sqlite_store) == {first_id: {"f0", "f1", "f2", "g1", "g2"}}
    assert sqlite_store.resolve_story(second) == first_id
    (change,) = sqlite_store.story_change_rows(second)
    assert (change["kind"], change["story_id"], change["successor"]) == ("merge", second, first_id)
    assert change["articles"] == ["g1", "g2"]
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
