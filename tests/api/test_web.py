"""The web UI in headless Chromium (Debian's, never a downloaded browser) against a live server.

Pages render, search works, the browser console stays clean, and markup written inside an
article (a script tag, an onerror attribute) shows as text and never runs.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from newsweave.api import create_app
from newsweave.pipeline import ingest
from newsweave.store import Store

from api_corpus import add_story_and_entity, write_corpus

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_START_S = 30

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
    reason=f"Chromium not installed at {CHROMIUM} (apt-get install chromium); the UI tests need a real browser",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A live ``newsweave serve`` (uvicorn in a thread) on a small SQLite store."""
    folder = tmp_path_factory.mktemp("web")
    store = Store(str(folder / "web.db"))
    ingest([str(write_corpus(folder / "corpus"))], store)
    ids = add_story_and_entity(store)
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_S
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", ids, store
    uv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors, page errors and dialogs."""
    context = browser.new_context()
    opened = context.new_page()
    opened.problems = []  # type: ignore[attr-defined]
    opened.on("console", lambda message: message.type == "error" and opened.problems.append(f"console: {message.text}"))
    opened.on("pageerror", lambda error: opened.problems.append(f"pageerror: {error}"))
    opened.on("dialog", lambda dialog: (opened.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield opened
    context.close()


def test_home_lists_articles_and_search_narrows_them(server, page):
    base, ids, _store = server
    page.goto(base + "/")
    assert page.locator("#articles tbody tr").count() == 4
    page.fill("input[name=q]", "cables towers")
    page.click("form.search button")
    page.wait_for_url("**/?q=cables+towers")
    links = page.locator("#articles tbody a")
    assert links.count() == 1 and ids["harbour"] in links.first.get_attribute("href")
    links.first.click()
    page.wait_for_url(f"**/articles/{ids['harbour']}.html")
    assert "Kestrel" in page.inner_text("#text")
    page.go_back()
    page.fill("input[name=q]", "zebra unicorn")
    page.click("form.search button")
    assert "No article matches" in page.inner_text("#articles")
    assert page.problems == []


def test_stories_pages_render(server, page):
    base, ids, _store = server
    page.goto(base + "/stories")
    page.click("text=Kestrel bridge reopens")
    page.wait_for_url("**/stories/story-bridge")
    assert page.locator("#timeline tbody tr").count() >= 1
    assert page.locator("#story-articles li").count() == 2
    assert page.problems == []


def test_markup_inside_an_article_is_shown_as_text_and_never_runs(server, page):
    base, _ids, store = server
    hostile = next(row for row in store.article_summaries() if row["source"].endswith("hostile.html"))
    page.goto(base + f"/articles/{hostile['id']}.html")
    text = page.inner_text("#text")
    assert "<script>window.pwned = 1</script>" in text and "onerror" in text
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("#text script, #text img").count() == 0
    page.goto(base + "/?q=placard")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.problems == []
