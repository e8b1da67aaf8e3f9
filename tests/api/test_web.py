"""The web UI in headless Chromium (Debian's, never a downloaded browser) against a live server.

Pages render, search works, the browser console stays clean, and markup written inside an
article (a script tag, an onerror attribute) shows as text and never runs. The story page is
the report's (timeline plot, map of places, articles by language), and the API docs page
works with every request that leaves the machine aborted.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

from urllib.parse import urlsplit

import pytest
import uvicorn
from sqlalchemy import insert

from newsweave.api import create_app
from newsweave.pipeline import ingest
from newsweave.store import Store, schema

from api_corpus import add_story_and_entity, write_corpus

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_START_S = 30
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# A story label is built from article words, hence untrusted: this one must stay text.
HOSTILE_LABEL = "Library budget <img src=x onerror=\"window.pwned = 3\">"

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
    _add_hostile_story(store)
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(store, warm=False), host="127.0.0.1", port=port, log_level="warning"))
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


def _add_hostile_story(store: Store) -> None:
    """A story holding the article with markup in its text and title, under a label with markup."""
    hostile = next(row for row in store.article_summaries() if row["source"].endswith("hostile.html"))
    with store.engine.begin() as connection:
        connection.execute(schema.story_articles.delete().where(schema.story_articles.c.article_id == hostile["id"]))
        connection.execute(insert(schema.stories).values(id="story-hostile", label=HOSTILE_LABEL, languages=["en"]))
        connection.execute(insert(schema.story_articles).values(story_id="story-hostile", article_id=hostile["id"]))


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
    assert page.inner_text("#count") == "4 articles"  # the report's count_noun filter, in the UI's templates
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


def test_story_page_has_timeline_map_and_articles_by_language(server, page):
    base, ids, _store = server
    page.goto(base + "/stories")
    page.click("text=Kestrel bridge reopens")
    page.wait_for_url("**/stories/story-bridge")
    assert page.locator("header form.search").count() == 1  # the UI's frame around the report's page
    assert page.locator("svg#timeline-plot circle").count() >= 1
    assert page.locator("#timeline tbody tr").count() >= 1
    dots = page.locator("#places svg.map circle.place")
    tips = [dots.nth(i).locator("title").text_content() for i in range(dots.count())]
    assert any(tip.startswith("Lisbon · 2 articles") for tip in tips), tips  # named in the en and the fr article
    assert any(tip.startswith("Porto · 1 article,") for tip in tips), tips
    listed = page.locator("#places li").all_inner_texts()
    assert any(item.startswith("Lisbon 2 articles,") for item in listed), listed
    english, french = page.locator("#articles-en li a"), page.locator("#articles-fr li a")
    assert english.count() == 1 and ids["harbour"] in english.first.get_attribute("href")
    assert french.count() == 1 and ids["pont"] in french.first.get_attribute("href")
    french.first.click()
    page.wait_for_url(f"**/articles/{ids['pont']}.html")
    assert "Kestrel" in page.inner_text("#text")
    assert page.problems == []


def test_story_page_shows_markup_from_articles_as_text(server, page):
    base, _ids, _store = server
    page.goto(base + "/stories/story-hostile")
    assert page.inner_text("h1") == HOSTILE_LABEL
    assert "A council meeting about the library" in page.inner_text("#articles-en")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("script, img, [onerror], [onload]").count() == 0
    assert page.locator("svg.map").count() == 0  # no place with coordinates, so no map
    assert page.locator("svg").count() == page.locator("svg#timeline-plot").count()  # no svg from the article
    assert "No place with coordinates" in page.inner_text("#places")
    page.goto(base + "/stories/story-hostile.html")  # the report's file name answers too
    assert page.inner_text("h1") == HOSTILE_LABEL
    assert page.problems == []


def test_api_docs_work_offline(server, page):
    base, _ids, _store = server
    left_the_machine = []

    def only_loopback(route) -> None:
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            left_the_machine.append(route.request.url)
            route.abort()

    page.route("**/*", only_loopback)
    response = page.goto(base + "/docs")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'sha256-" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = {page.locator(".opblock-summary-path").nth(i).get_attribute("data-path")
             for i in range(page.locator(".opblock-summary-path").count())}
    assert {"/api/articles", "/api/articles/{article_id}", "/api/stories/{story_id}", "/api/stats"} <= paths
    page.locator(".opblock-summary", has_text="/api/stats").first.click()  # an operation opens
    page.wait_for_selector(".opblock.is-open")
    assert left_the_machine == []
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
