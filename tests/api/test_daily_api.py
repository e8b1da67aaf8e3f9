"""The newsroom's daily tool through the API on a real store (SQLite, and PostgreSQL where the
store fixture provides it): faceted search, entity profiles, trending stories, Atom feeds,
request limits, and bad parameters that answer 4xx, never 5xx."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree

import feedparser
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, insert, update

from newsweave.api import create_app
from newsweave.store import schema

HARBOUR_URL = "https://www.kestrel-post.example/city/bridge-reopens"
# Lisbon's centre; Porto lies about 275 km north.
LISBON = {"lat": 38.72, "lon": -9.14}


@pytest.fixture(scope="module")
def client(filled_store):
    store, ids = filled_store
    now = datetime.now(UTC)
    with store.engine.begin() as connection:
        a = schema.articles
        connection.execute(update(a).where(a.c.id == ids["harbour"]).values(url=HARBOUR_URL, ingested_at=now - timedelta(days=3)))
        connection.execute(update(a).where(a.c.id == ids["pont"]).values(ingested_at=now - timedelta(hours=2)))
        others = a.c.id.not_in([ids["harbour"], ids["pont"]])
        connection.execute(update(a).where(others).values(ingested_at=now - timedelta(days=30)))
    with TestClient(create_app(store, warm=False)) as test_client:
        test_client.ids = ids  # type: ignore[attr-defined]
        test_client.now = now  # type: ignore[attr-defined]
        yield test_client


def _ids(body) -> set[str]:
    return {item["id"] for item in body["items"]}


def test_search_counts_articles_per_facet_value(client):
    body = client.get("/api/search").json()
    assert body["total"] == 4
    languages = {item["value"]: item["count"] for item in body["facets"]["language"]}
    assert languages == {"en": 3, "fr": 1}
    stories = {item["value"]: item for item in body["facets"]["story"]}
    assert stories["story-bridge"]["count"] == 2 and stories["story-bridge"]["label"] == "Kestrel bridge reopens"
    assert {"value": "kestrel-post.example".join(["www.", ""]), "count": 1} in body["facets"]["source"]
    assert {"value": "2024-03", "count": 2} in body["facets"]["month"]
    narrowed = client.get("/api/search", params={"language": "fr"}).json()
    assert narrowed["facets"]["language"] == [{"value": "fr", "count": 1}]


def test_every_filter_narrows_and_they_combine(client):
    ids = client.ids
    assert _ids(client.get("/api/search", params={"q": "cables towers"}).json()) == {ids["harbour"]}
    assert _ids(client.get("/api/search", params={"story": "story-bridge"}).json()) == {ids["harbour"], ids["pont"]}
    assert _ids(client.get("/api/search", params={"source": "www.kestrel-post.example"}).json()) == {ids["harbour"]}
    assert _ids(client.get("/api/search", params={"entity": "Q-kestrel"}).json()) == {ids["harbour"]}
    dated = client.get("/api/search", params={"since": "2024-03-01", "until": "2024-03-04"}).json()
    assert _ids(dated) == {ids["harbour"], ids["pont"]}
    three = client.get("/api/search", params={"language": "en", "story": "story-bridge", "since": "2024-03-01"}).json()
    assert _ids(three) == {ids["harbour"]}
    flagged = client.get("/api/search").json()["facets"]["flag"]
    if flagged:  # whatever the assessors flagged, filtering by that kind finds exactly that many
        kind = flagged[0]
        assert client.get("/api/search", params={"flag": kind["value"]}).json()["total"] == kind["count"]


def test_place_filter_keeps_articles_naming_a_place_within_the_radius(client):
    ids = client.ids
    near_lisbon = client.get("/api/search", params={**LISBON, "km": 30}).json()
    assert _ids(near_lisbon) == {ids["harbour"], ids["pont"]}  # "Lisbon" in en, "Lisbonne" in fr
    wide = client.get("/api/search", params={**LISBON, "km": 400}).json()
    assert ids["harbour"] in _ids(wide)
    lisbon = next(item for item in client.get("/api/entities", params={"q": "Lisbonne"}).json()["items"] if item["lat"])
    by_place = client.get("/api/search", params={"place": lisbon["entity_id"], "km": 10}).json()
    assert _ids(by_place) == {ids["harbour"], ids["pont"]}
    assert client.get("/api/search", params={"lat": -60, "lon": 120, "km": 50}).json()["total"] == 0


def test_pages_are_stable_and_cover_every_match_once(client):
    seen = []
    for offset in range(4):
        body = client.get("/api/search", params={"limit": 1, "offset": offset, "facets": False}).json()
        assert body["facets"] == {}
        seen.extend(item["id"] for item in body["items"])
    assert len(seen) == len(set(seen)) == 4
    again = [client.get("/api/search", params={"limit": 1, "offset": offset}).json()["items"][0]["id"] for offset in range(4)]
    assert again == seen
    dates = [client.get("/api/articles/" + article_id).json()["published"] or "" for article_id in seen]
    assert [value for value in dates if value] == sorted((value for value in dates if value), reverse=True)


def test_search_pages_by_cursor_and_refuses_a_cursor_it_did_not_give(client):
    first = client.get("/api/search", params={"limit": 3}).json()
    second = client.get("/api/search", params={"limit": 3, "after": first["next"]}).json()
    whole = client.get("/api/search", params={"limit": 10}).json()
    assert [item["id"] for item in first["items"] + second["items"]] == [item["id"] for item in whole["items"]]
    assert second["next"] is None and whole["facets_exact"] is True
    for bad in ("nope", "!!", "W10", "x" * 500):
        response = client.get("/api/search", params={"after": bad})
        assert response.status_code == 422 and len(response.text) < 2000, (bad, response.text)


@pytest.mark.parametrize("params", [
    {"flag": "bogus"}, {"language": "english"}, {"since": "2024-13-01"}, {"since": "2024-05-01", "until": "2024-01-01"},
    {"lat": 38.7}, {"lat": 91, "lon": 0}, {"lat": 0, "lon": 181}, {"km": 5}, {"lat": 0, "lon": 0, "km": 0},
    {"lat": 0, "lon": 0, "km": -3}, {"lat": "north", "lon": 0}, {"place": "nope"}, {"place": "Q-kestrel"},
    {"place": "x", "lat": 1, "lon": 1}, {"entity": "a b"}, {"source": "bad host/"}, {"q": "x" * 500}, {"story": "<script>"},
    {"limit": 0}, {"limit": 100000}, {"offset": -1},
])
def test_bad_search_parameters_answer_422_with_a_short_message(client, params):
    paging = {"limit", "offset"} & set(params)
    for path in ("/api/search",) if paging else ("/api/search", "/feeds/search.atom", "/search"):
        response = client.get(path, params=params)
        assert response.status_code == 422, (path, params, response.text)
        assert response.json()["detail"] and len(response.text) < 2000


def test_odd_values_never_answer_5xx(client):
    odd = ["", " ", "%", "'", '"', "\\", "\u0000", "NaN", "inf", "-0", "9" * 40, "é" * 50, "../../etc", "<b>", "OR 1=1"]
    paths = ["/api/search", "/api/articles", "/api/entities", "/api/stories/trending", "/feeds/search.atom", "/search", "/entities", "/"]
    keys = ["q", "language", "since", "until", "entity", "place", "lat", "lon", "km", "story", "flag", "source", "limit",
            "offset", "hours", "baseline_days", "at", "facets", "after"]
    for path in paths:
        for key in keys:
            for value in odd:
                response = client.get(path, params={key: value})
                assert response.status_code < 500, (path, key, value, response.text[:200])
    for value in odd[1:]:
        for path in ("/api/entities/", "/entities/", "/feeds/entities/", "/feeds/stories/", "/api/stories/"):
            suffix = ".atom" if path.startswith("/feeds") else ""
            assert client.get(path + quote(value, safe="") + suffix).status_code < 500, (path, value)


def test_articles_refuse_an_unknown_flag_kind(client):
    response = client.get("/api/articles", params={"flag": "bogus"})
    assert response.status_code == 422 and "unsourced_quote" in response.json()["detail"]
    assert client.get("/api/articles", params={"flag": "unsourced_quote"}).status_code == 200


def test_entity_profile_gathers_spellings_languages_stories_and_companions(client):
    found = client.get("/api/entities", params={"q": "lisbonne"}).json()  # a French spelling finds the entity
    lisbon = next(item for item in found["items"] if item["lat"] is not None)
    profile = client.get(f"/api/entities/{lisbon['entity_id']}").json()
    spellings = {(item["text"], item["language"]) for item in profile["spellings"]}
    assert {("Lisbon", "en"), ("Lisbonne", "fr")} <= spellings
    assert profile["mention_languages"] == ["en", "fr"] and profile["articles_total"] == 2
    assert profile["per_day"] == [{"day": "2024-03-04", "articles": 2}]
    assert [story["id"] for story in profile["stories"]] == ["story-bridge"]
    companions = {item["canonical"] for item in profile["companions"]}
    assert "Porto" in companions and lisbon["canonical"] not in companions
    assert profile["mentions"]["total"] == 2  # the contract's mention list is still there


def test_entity_companions_are_counted_over_the_newest_articles_past_the_sample(client, monkeypatch):
    from newsweave.store import entity_pages

    found = client.get("/api/entities", params={"q": "lisbonne"}).json()
    lisbon = next(item for item in found["items"] if item["lat"] is not None)
    whole = client.get(f"/api/entities/{lisbon['entity_id']}").json()
    assert whole["companions_exact"] is True
    monkeypatch.setattr(entity_pages, "COMPANION_SAMPLE", 1)
    sampled = client.get(f"/api/entities/{lisbon['entity_id']}").json()
    assert sampled["companions_exact"] is False and sampled["articles_total"] == 2
    named = {item["entity_id"] for item in sampled["companions"]}
    assert named and named < {item["entity_id"] for item in whole["companions"]}  # one article's companions only


def test_entity_profile_lists_quotes_by_language(client):
    speaker = next(item for item in client.get("/api/entities", params={"q": "Okafor"}).json()["items"] if item["label"] == "PER")
    profile = client.get(f"/api/entities/{speaker['entity_id']}").json()
    assert list(profile["quotes"]) == ["en"] and "Traffic will flow normally" in profile["quotes"]["en"][0]["text"]


def test_trending_ranks_stories_by_growth_in_the_window(client):
    body = client.get("/api/stories/trending", params={"hours": 24, "at": client.now.isoformat()}).json()
    first = body["items"][0]
    assert first["id"] == "story-bridge" and [item["id"] for item in body["items"]] == ["story-bridge"]
    assert first["recent_articles"] == 1 and first["articles_before"] == 1 and first["new_languages"] == ["fr"]
    assert first["ratio"] > 1
    week = client.get("/api/stories/trending", params={"hours": 24 * 5, "at": client.now.isoformat()}).json()
    assert week["items"][0]["id"] == "story-bridge" and week["items"][0]["recent_articles"] == 2
    later = client.get("/api/stories/trending", params={"at": (client.now + timedelta(days=60)).isoformat()}).json()
    assert later["items"] == []


def test_feeds_are_atom_and_follow_the_store(client):
    for path in ("/feeds/search.atom?language=fr", "/feeds/stories/story-bridge.atom", "/feeds/entities/Q-kestrel.atom"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
        parsed = feedparser.parse(response.text)
        assert parsed.version == "atom10" and not parsed.bozo, path
        assert parsed.entries and all(entry.link.startswith("http://testserver/articles/") for entry in parsed.entries)
    french = feedparser.parse(client.get("/feeds/search.atom", params={"language": "fr"}).text)
    assert [entry.link for entry in french.entries] == [f"http://testserver/articles/{client.ids['pont']}.html"]
    assert client.get("/feeds/stories/nope.atom").status_code == 404
    assert client.get("/feeds/entities/nope.atom").status_code == 404


def test_feeds_carry_the_elements_atom_requires(client):
    """RFC 4287 §4.1: a feed has one id, title and updated, and an author unless every entry
    has one; an entry has id, title, updated, and an alternate link when it has no content.
    feedparser reads feeds without them, so it cannot tell; ElementTree checks each element.
    A search that matches nothing is still a valid (empty) feed."""
    atom = "{http://www.w3.org/2005/Atom}"
    paths = ("/feeds/search.atom?q=cables", "/feeds/search.atom?q=nothingmatchesthis", "/feeds/stories/story-bridge.atom",
             "/feeds/entities/Q-kestrel.atom")
    for path in paths:
        root = ElementTree.fromstring(client.get(path).content)
        assert root.tag == f"{atom}feed", path
        for name in ("id", "title", "updated", "author"):
            assert len(root.findall(f"{atom}{name}")) == 1, (path, name)
        assert [link.get("rel") for link in root.findall(f"{atom}link")].count("self") == 1, path
        for entry in root.findall(f"{atom}entry"):
            for name in ("id", "title", "updated"):
                assert len(entry.findall(f"{atom}{name}")) == 1 and entry.find(f"{atom}{name}").text, (path, name)
            links = entry.findall(f"{atom}link")
            assert entry.find(f"{atom}content") is not None or [link.get("rel", "alternate") for link in links] == ["alternate"]
        ids = [entry.find(f"{atom}id").text for entry in root.findall(f"{atom}entry")]
        assert len(ids) == len(set(ids)), path


def test_openapi_lists_the_new_routes(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/search", "/api/health", "/api/stories/trending", "/api/entities/{entity_id}", "/feeds/search.atom",
            "/feeds/stories/{story_id}.atom", "/feeds/entities/{entity_id}.atom"} <= paths


def test_a_body_over_the_limit_answers_a_short_413(client):
    big = b'{"text": "' + b"word " * 2_100_000 + b'"}'  # 10.5 MB
    response = client.post("/api/articles", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "6 MB" in response.json()["detail"] and len(response.content) < 300

    def chunks():  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(70):
            yield b"x" * 100_000
        yield b'"}'

    chunked = client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
    assert chunked.status_code == 413


def test_a_refused_document_is_not_echoed_back(client):
    response = client.post("/api/articles", json={"text": "y" * 5_000_001})
    assert response.status_code == 422 and len(response.content) < 1000
    assert "yyyy" not in response.text


def test_empty_form_fields_count_as_not_given(client):
    everything = client.get("/api/search").json()["total"]
    assert client.get("/api/search?q=&language=&since=&until=&flag=&source=").json()["total"] == everything
    assert client.get("/search?q=&language=&since=&until=&flag=&source=&lat=&lon=&km=").status_code == 200


def test_the_trending_list_is_computed_once_per_half_minute(filled_store):
    from newsweave.store.trending import recent_trending

    store, _ids = filled_store
    first = recent_trending(store, hours=24 * 365)
    assert recent_trending(store, hours=24 * 365) is first  # the same answer object: not computed again
    assert recent_trending(store, hours=24 * 366) is not first  # other parameters, another answer


def test_read_routes_write_dates_and_names_as_fastapis_own_path_did():
    import json
    from datetime import date

    from pydantic import TypeAdapter

    from newsweave.api.app import PlainJSON

    body = {"at": datetime(2024, 3, 4, 5, 6, 7, 250, tzinfo=UTC), "day": date(2024, 3, 4), "name": "Łódź", "n": [1, 2.5, None]}
    written = json.loads(PlainJSON(body).body)
    assert written == {"at": "2024-03-04T05:06:07.000250Z", "day": "2024-03-04", "name": "Łódź", "n": [1, 2.5, None]}
    # What FastAPI wrote for a route annotated ``dict[str, Any]`` (its response field, pydantic):
    assert written == json.loads(TypeAdapter(dict[str, Any]).dump_json(body))


def test_a_story_is_titled_in_the_readers_language_with_its_first_sentence_as_summary(client, filled_store):
    store, _ = filled_store
    s = schema.stories
    heads = {"en": {"title": "Tunnel under the Velden shut", "summary": "The Velden tunnel shut on Monday.", "article": "a1",
                    "centrality": 0.9, "headline": True},
             "fr": {"title": "Le tunnel de Velden fermé", "summary": "Le tunnel de Velden a fermé lundi.", "article": "a2",
                    "centrality": 0.7, "headline": True}}
    with store.engine.begin() as connection:
        connection.execute(insert(s).values(id="story-tunnel", label="Tunnel under the Velden shut", languages=["en", "fr"],
                                            profile={"heads": heads}))
    try:
        plain = client.get("/api/stories/story-tunnel").json()
        assert (plain["label"], plain["summary"], plain["label_language"]) == (
            "Tunnel under the Velden shut", "The Velden tunnel shut on Monday.", "en")
        french = client.get("/api/stories/story-tunnel", params={"language": "fr"}).json()
        assert (french["label"], french["summary"], french["label_language"]) == (
            "Le tunnel de Velden fermé", "Le tunnel de Velden a fermé lundi.", "fr")
        german = client.get("/api/stories/story-tunnel", params={"language": "de"}).json()
        assert german["label"] == "Tunnel under the Velden shut"  # no German article: the most central
        assert client.get("/api/stories/story-tunnel", params={"language": "<b>"}).status_code == 422
        page = client.get("/stories/story-tunnel.html", params={"language": "fr"}).text
        assert "<h1>Le tunnel de Velden fermé</h1>" in page and "Le tunnel de Velden a fermé lundi." in page
        # A story made before titles were kept has no summary, and still answers.
        assert client.get("/api/stories/story-bridge").json()["summary"] is None
    finally:
        with store.engine.begin() as connection:
            connection.execute(delete(s).where(s.c.id == "story-tunnel"))
