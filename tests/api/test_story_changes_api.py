"""The API after stories changed (``link/story_changes.py``): a split story answers under its old
id with its larger part, a merged story's old id redirects to the survivor, a story names its
topic and changes, and topics have routes. Invented articles (``tests/story_changes_inputs.py``)
filed by the real linker into a real SQLite store."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from newsweave.api import create_app
from newsweave.link.stories import StoryLinker
from newsweave.store import Store
from story_changes_inputs import CRASH, FIRE, STRIKE, TOWN, Events, article, file, members, mixed_story


@pytest.fixture
def changed(tmp_path) -> tuple[Store, dict[str, str]]:
    """A store where one story split (``split``: its old id, ``part``: the new one) and two merged
    (``gone`` into ``survivor``)."""
    store = Store(str(tmp_path / "changes.db"))
    events = Events()
    old, linker = mixed_story(store, events)
    file(linker, store, "s3", article(events.report("strike"), {**TOWN, **STRIKE}, date(2026, 3, 3), ("STRIKE",)))
    (part,) = set(members(store)) - {old}
    fires = Events(11)
    linker = StoryLinker(store)
    survivor = {file(linker, store, f"f{n}", article(fires.report("fire"), {**TOWN, **FIRE}, date(2026, 4, 6),
                                                     ("ACCIDENT",))) for n in range(4)}.pop()
    gone = {file(linker, store, f"g{n}", article(fires.report("blaze", towards="fire", weight=0.4), {},
                                                 date(2026, 4, 6), ("ACCIDENT",))) for n in range(2)}.pop()
    file(linker, store, "h1", article(fires.report("blaze", towards="fire", weight=0.2), {**TOWN, **FIRE},
                                      date(2026, 4, 7), ("ACCIDENT",)))
    assert members(store)[survivor] >= {"g0", "g1", "h1"}
    yield store, {"split": old, "part": part, "gone": gone, "survivor": survivor}
    store.close()


def test_old_story_ids_stay_valid_and_stories_name_their_topic(changed):
    store, ids = changed
    with TestClient(create_app(store, warm=False)) as client:
        split = client.get(f"/api/stories/{ids['split']}").json()
        assert set(split["article_ids"]) == {"s1", "s2", "s3"}
        assert [(c["kind"], c["successor"]) for c in split["changes"]] == [("split", ids["part"])]
        part = client.get(f"/api/stories/{ids['part']}").json()
        assert set(part["article_ids"]) == {"c1", "c2"}
        assert split["topic"]["id"] == part["topic"]["id"] and split["topic"]["stories"] >= 2

        moved = client.get(f"/api/stories/{ids['gone']}", follow_redirects=False)
        assert moved.status_code == 308 and moved.headers["location"].endswith(f"/api/stories/{ids['survivor']}")
        followed = client.get(f"/api/stories/{ids['gone']}").json()
        assert followed["id"] == ids["survivor"] and {"g0", "g1", "h1"} <= set(followed["article_ids"])
        assert [(c["kind"], c["story_id"]) for c in followed["changes"]] == [("merge", ids["gone"])]
        by_old_id = client.get("/api/articles", params={"story": ids["gone"], "limit": 50}).json()
        assert {"g0", "h1", "f0"} <= {item["id"] for item in by_old_id["items"]}
        assert client.get("/api/stories/0123456789abcdef").status_code == 404


def test_topics_route_lists_topics_with_their_stories(changed):
    store, ids = changed
    with TestClient(create_app(store, warm=False)) as client:
        topics = client.get("/api/topics").json()
        assert topics["total"] == len(topics["items"]) >= 1
        topic_id = client.get(f"/api/stories/{ids['split']}").json()["topic"]["id"]
        topic = client.get(f"/api/topics/{topic_id}").json()
        assert {ids["split"], ids["part"]} <= {story["id"] for story in topic["stories"]}
        assert topic["first"] <= topic["last"]
        assert client.get("/api/topics/0123456789abcdef").status_code == 404


def test_story_page_shows_its_topic_and_a_merged_story_leads_to_its_survivor(changed, tmp_path):
    from newsweave.report.html import write_report

    store, ids = changed
    with TestClient(create_app(store, warm=False)) as client:
        page = client.get(f"/stories/{ids['split']}.html").text
        assert 'id="story-topic"' in page and f'href="{ids["part"]}.html"' in page
        assert 'id="story-changes"' in page and "left this story" in page
        moved = client.get(f"/stories/{ids['gone']}.html", follow_redirects=False)
        assert moved.status_code == 308 and moved.headers["location"] == f"/stories/{ids['survivor']}.html"
    write_report(store, tmp_path / "report")
    stub = (tmp_path / "report" / "stories" / f"{ids['gone']}.html").read_text(encoding="utf-8")
    assert f'url={ids["survivor"]}.html' in stub
