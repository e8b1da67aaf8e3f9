"""The JSON API on a real store (SQLite, and PostgreSQL where the store fixture provides it)."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from fastapi.testclient import TestClient

from newsweave.api import create_app
from newsweave.api.queries import fts5_query
from newsweave.report.html import write_report


@pytest.fixture
def client(filled_store):
    store, ids = filled_store
    with TestClient(create_app(store, warm=False)) as test_client:
        test_client.ids = ids  # type: ignore[attr-defined]
        yield test_client


def test_lists_articles_with_total_and_pages(client):
    body = client.get("/api/articles", params={"limit": 2}).json()
    assert body["total"] == 4 and len(body["items"]) == 2
    rest = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    seen = {item["id"] for item in body["items"]} | {item["id"] for item in rest["items"]}
    assert len(seen) == 4


def test_filters_by_language_story_entity(client):
    french = client.get("/api/articles", params={"language": "fr"}).json()
    assert [item["id"] for item in french["items"]] == [client.ids["pont"]]
    story = client.get("/api/articles", params={"story": "story-bridge"}).json()
    assert {item["id"] for item in story["items"]} == {client.ids["harbour"], client.ids["pont"]}
    entity = client.get("/api/articles", params={"entity": "Q-kestrel"}).json()
    assert [item["id"] for item in entity["items"]] == [client.ids["harbour"]]


def test_full_text_search_finds_words_in_any_order_and_ignores_syntax(client):
    found = client.get("/api/articles", params={"q": "cables towers"}).json()
    assert {item["id"] for item in found["items"]} == {client.ids["harbour"]}
    accented = client.get("/api/articles", params={"q": "câbles travaux"}).json()
    assert [item["id"] for item in accented["items"]] == [client.ids["pont"]]
    hostile = client.get("/api/articles", params={"q": "\" OR 1=1; -- NEAR( drop"}).json()
    assert hostile["total"] == 0


def test_fts5_query_quotes_every_word():
    assert fts5_query('bridge" OR x') == '"bridge" "OR" "x"'
    assert fts5_query("!!!") is None


def test_article_has_spans_sources_and_stories(client):
    body = client.get(f"/api/articles/{client.ids['harbour']}").json()
    assert body["text"].startswith("Harbour bridge") or "Kestrel" in body["text"]
    assert body["sources"] and body["stories"] == ["story-bridge"]
    for key in ("entities", "dates", "quotes", "events", "flags", "removed"):
        assert isinstance(body[key], list)


def test_unknown_ids_answer_404_with_a_message(client):
    for path in ("/api/articles/nope", "/api/entities/nope", "/api/stories/nope", "/articles/nope.html", "/stories/nope"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "nope" in response.json()["detail"]


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 100000}, {"offset": -1}, {"since": "yesterday"}, {"language": "english"},
    {"since": "2024-05-01", "until": "2024-01-01"}, {"q": "x" * 500},
])
def test_bad_parameters_answer_422_with_json(client, params):
    response = client.get("/api/articles", params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_entities_stories_quotes_and_stats(client):
    entities = client.get("/api/entities", params={"q": "kestrel harbour"}).json()
    kestrel = next(item for item in entities["items"] if item["entity_id"] == "Q-kestrel")
    assert kestrel["mentions"] == 1
    assert client.get("/api/entities", params={"q": "no such name"}).json()["total"] == 0
    entity = client.get("/api/entities/Q-kestrel").json()
    assert entity["aliases"] == ["Kestrel", "Kestrel harbour"] and entity["mentions"]["items"][0]["text"] == "Kestrel"
    stories = client.get("/api/stories").json()
    assert next(item for item in stories["items"] if item["id"] == "story-bridge")["articles"] == 2
    story = client.get("/api/stories/story-bridge").json()
    assert set(story["article_ids"]) == {client.ids["harbour"], client.ids["pont"]}
    dates = [entry["date"] for entry in story["timeline"] if entry["date"]]
    assert dates == sorted(dates) and "2024-03-04" in dates
    assert {entry["article_id"] for entry in story["timeline"]} <= set(story["article_ids"])
    by_okafor = client.get("/api/quotes", params={"speaker": "okafor"}).json()
    assert by_okafor["total"] >= 1 and all("Okafor" in item["speaker_name"] for item in by_okafor["items"])
    assert client.get("/api/quotes", params={"q": "flow normally"}).json()["total"] >= 1
    assert client.get("/api/quotes", params={"q": "no such words"}).json()["total"] == 0
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 4 and stats["stories"] >= 1


def test_post_ingests_through_the_pipeline_and_is_idempotent(client):
    document = {
        "text": "A new ferry line will link the two islands from June, the regional transport office announced today.",
        "published": "2024-04-02", "url": "https://example.org/ferry",
    }
    first = client.post("/api/articles", json=document)
    assert first.status_code == 201, first.text
    article = first.json()["article"]
    assert article["published"] == "2024-04-02"
    assert article["language"] == "en" and "ferry" in article["text"]
    assert client.get(f"/api/articles/{article['id']}").status_code == 200
    assert client.get("/api/articles", params={"q": "ferry islands"}).json()["total"] == 1
    assert article["published_basis"] == "given"
    again = client.post("/api/articles", json=document)
    assert again.status_code == 200 and again.json()["outcome"] == "already_stored"
    moved = client.post("/api/articles", json={**document, "published": "2024-05-07", "url": "https://example.org/ferry-2"})
    assert moved.status_code == 200 and moved.json()["outcome"] == "updated", moved.text
    updated = moved.json()["article"]
    assert updated["id"] == article["id"]
    assert (updated["published"], updated["published_basis"], updated["url"]) == ("2024-05-07", "given", "https://example.org/ferry-2")
    assert any(item["value"] == "2024-05-07" for item in updated["dates"])  # "today" follows the new date


@pytest.mark.parametrize("document", [
    {}, {"text": "a", "html": "<p>a</p>"}, {"text": "fine words here", "published": "not a date"},
    {"text": "fine words here", "language": "French"},
])
def test_post_rejects_bad_documents_with_422(client, document):
    response = client.post("/api/articles", json=document)
    assert response.status_code == 422 and response.json()["detail"]


def test_post_of_a_non_article_answers_422_with_the_reason(client):
    response = client.post("/api/articles", json={"text": "too short"})
    assert response.status_code == 422 and "fewer than" in response.json()["detail"]


def test_openapi_lists_the_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/articles", "/api/articles/{article_id}", "/api/stats", "/api/quotes"} <= set(paths)
    assert client.get("/docs").status_code == 200


def test_docs_page_loads_nothing_from_elsewhere_and_allows_only_its_own_scripts(client):
    response = client.get("/docs")
    page, policy = response.text, response.headers["content-security-policy"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(source.startswith("/") for source in sources), sources  # no CDN
    for source in sources:
        assert client.get(source).status_code == 200, source
    inline = re.findall(r"<script>(.*?)</script>", page, re.S)
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert len(inline) == 1 and f"script-src 'self' 'sha256-{digest}';" in policy
    assert client.get("/redoc").status_code == 404


def test_pages_forbid_scripts(client):
    for path in ("/", "/stories", "/stories/story-bridge", f"/articles/{client.ids['harbour']}.html"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "default-src 'none'" in response.headers["content-security-policy"]
    assert client.get(f"/articles/{client.ids['harbour']}").status_code == 200  # redirected to the .html page


def test_ui_story_page_is_the_reports_story_page(client, filled_store, tmp_path):
    store, _ids = filled_store
    write_report(store, tmp_path / "report")
    report_page = (tmp_path / "report" / "stories" / "story-bridge.html").read_text(encoding="utf-8")
    ui_page = client.get("/stories/story-bridge").text

    def content(page: str) -> str:  # everything below the header, which differs (report link vs UI search box)
        return page[page.index("<h1>"):]

    assert content(ui_page) == content(report_page)
    assert 'id="timeline-plot"' in ui_page and '<svg class="map"' in ui_page and 'id="articles-fr"' in ui_page
    assert 'name="q"' in ui_page and 'name="q"' not in report_page
    assert client.get("/stories/story-bridge.html").text == ui_page
