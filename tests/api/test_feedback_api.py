"""Why a flag fired and readers' marks on it, through the JSON API, the web UI's form, the
OpenAPI document and ``export`` (SQLite, and PostgreSQL where the test server starts)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from newsweave.api import create_app
from newsweave.model import Flag
from newsweave.report.export import export_rows
from newsweave.report.html import write_report


@pytest.fixture(scope="module")
def flagged(filled_store):
    """The harbour article with a flag on its first words (stored as a re-analysis would)."""
    store, ids = filled_store
    article = store.get_article(ids["harbour"])
    flag = Flag("generic_filler", "info", "vague words that say nothing the article does not", [article.span(0, 14)],
                confidence=0.55)
    store.replace_analysis(replace(article, flags=[*article.flags, flag]))
    return store, ids, flag


@pytest.fixture
def client(flagged):
    store, ids, _flag = flagged
    with TestClient(create_app(store, warm=False)) as test_client:
        test_client.ids = ids  # type: ignore[attr-defined]
        yield test_client


def _our_flag(client) -> dict:
    body = client.get(f"/api/articles/{client.ids['harbour']}").json()
    return next(flag for flag in body["flags"] if flag["kind"] == "generic_filler" and flag["evidence"][0]["start"] == 0)


def test_article_flags_say_why_with_evidence_confidence_id_and_marks(client):
    flag = _our_flag(client)
    assert flag["message"].startswith("vague words") and flag["confidence"] == 0.55
    assert flag["evidence"][0]["text"] == "Harbour bridge"
    assert flag["id"].startswith(client.ids["harbour"] + "-")
    assert set(flag["feedback"]) == {"wrong", "right"}
    alone = client.get(f"/api/flags/{flag['id']}").json()
    assert alone["article_id"] == client.ids["harbour"] and alone["message"] == flag["message"]


def test_a_reader_marks_a_flag_wrong_and_the_mark_is_counted_and_exported(client, flagged):
    store = flagged[0]
    flag = _our_flag(client)
    before = flag["feedback"]["wrong"]
    response = client.post(f"/api/flags/{flag['id']}/feedback", json={"verdict": "wrong", "comment": "a headline, not filler"})
    assert response.status_code == 201
    mark = response.json()
    assert (mark["flag_id"], mark["verdict"], mark["comment"], mark["kind"]) == (flag["id"], "wrong", "a headline, not filler", "generic_filler")
    assert client.post(f"/api/flags/{flag['id']}/feedback", json={"verdict": "right"}).status_code == 201
    assert _our_flag(client)["feedback"]["wrong"] == before + 1
    exported = [row for row in export_rows(store, "feedback") if row["flag_id"] == flag["id"]]
    assert {row["verdict"] for row in exported} == {"wrong", "right"}
    assert json.dumps(exported)  # plain JSON: the time is text
    flags = [row for row in export_rows(store, "flags") if row["id"] == flag["id"]]
    assert flags and flags[0]["article_id"] == client.ids["harbour"]


@pytest.mark.parametrize("body", [
    {"verdict": "maybe"}, {}, {"verdict": "wrong", "comment": "x" * 2001}, {"verdict": ["wrong"]}, {"verdict": "wrong", "comment": 3},
])
def test_bad_feedback_answers_422(client, body):
    flag = _our_flag(client)
    response = client.post(f"/api/flags/{flag['id']}/feedback", json=body)
    assert response.status_code == 422 and response.json()["detail"]


def test_feedback_that_is_not_json_answers_4xx(client):
    flag = _our_flag(client)
    response = client.post(f"/api/flags/{flag['id']}/feedback", content=b"\xff\xfe not json",
                           headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize("ident", ["nope", "0123456789abcdef-0123456789ab", "x" * 300, "..%2F..%2Fetc"])
def test_unknown_flags_answer_404(client, ident):
    assert client.post(f"/api/flags/{ident}/feedback", json={"verdict": "wrong"}).status_code == 404
    assert client.get(f"/api/flags/{ident}").status_code == 404
    assert client.post(f"/flags/{ident}/feedback", data={"verdict": "wrong"}, follow_redirects=False).status_code == 404


def test_an_unknown_flag_of_a_known_article_answers_404(client):
    response = client.post(f"/api/flags/{client.ids['harbour']}-000000000000/feedback", json={"verdict": "wrong"})
    assert response.status_code == 404 and "no flag" in response.json()["detail"]


def test_the_pages_form_stores_a_mark_and_returns_to_the_flag(client):
    flag = _our_flag(client)
    before = flag["feedback"]["wrong"]
    response = client.post(f"/flags/{flag['id']}/feedback", data={"verdict": "wrong", "comment": "fine"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"../../articles/{client.ids['harbour']}.html?marked={flag['id']}#flag-{flag['id']}"
    assert _our_flag(client)["feedback"]["wrong"] == before + 1
    page = client.get(f"/articles/{client.ids['harbour']}.html?marked={flag['id']}").text
    assert "Thank you: your mark is stored." in page and f'action="../flags/{flag["id"]}/feedback"' in page
    assert client.post(f"/flags/{flag['id']}/feedback", data={"verdict": "nonsense"}).status_code == 422
    assert client.post(f"/flags/{flag['id']}/feedback", content=b"\xff\xfe", headers={"content-type": "application/x-www-form-urlencoded"}).status_code == 422


def test_openapi_documents_the_feedback_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    post = paths["/api/flags/{flag_id}/feedback"]["post"]
    assert "201" in post["responses"] and "requestBody" in post
    assert "/api/flags/{flag_id}" in paths
    assert "/flags/{flag_id}/feedback" not in paths  # the page's form is not part of the API
    assert "`inferred`" in paths["/api/stories/{story_id}"]["get"]["description"]
    assert "`feedback`" in paths["/api/articles/{article_id}"]["get"]["description"]


def test_story_timeline_entries_say_whether_their_date_is_inferred(client):
    timeline = client.get("/api/stories/story-bridge").json()["timeline"]
    assert timeline and all(isinstance(entry["inferred"], bool) and "inferred_reason" in entry for entry in timeline)
    assert all((entry["inferred_reason"] is None) != entry["inferred"] for entry in timeline)


def test_the_static_report_shows_why_but_has_no_form(flagged, tmp_path):
    store, ids, _flag = flagged
    write_report(store, tmp_path / "report")
    page = (tmp_path / "report" / "articles" / f"{ids['harbour']}.html").read_text(encoding="utf-8")
    assert "Why:" in page and "confidence 0.55" in page and "Harbour bridge" in page
    assert "<form" not in page.split('id="text"')[1]  # no server to post to
