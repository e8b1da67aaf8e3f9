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
    _add_hostile_entity(store)
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


HOSTILE_ENTITY = "Vellmar <img src=x onerror=\"window.pwned = 4\"><script>window.pwned = 5</script>"


def _add_hostile_entity(store: Store) -> None:
    """An entity whose name holds markup (names come from article text), named in the hostile article."""
    hostile = next(row for row in store.article_summaries() if row["source"].endswith("hostile.html"))
    with store.engine.begin() as connection:
        connection.execute(insert(schema.entities).values(
            entity_id="org:hostile", canonical=HOSTILE_ENTITY, label="ORG", aliases=[HOSTILE_ENTITY], languages=["en"]))
        connection.execute(insert(schema.mentions).values(
            article_id=hostile["id"], entity_id="org:hostile", label="ORG", start=0, end=5, source_start=0, source_end=5,
            text=HOSTILE_ENTITY))


def _tab_to(page, selector: str, presses: int = 30) -> None:
    """Press Tab until ``selector`` has the focus (a keyboard user's way there)."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


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


def test_home_lists_growing_stories_and_the_keyboard_reaches_the_search(server, page):
    base, _ids, _store = server
    page.goto(base + "/")
    growing = page.locator("#trending li a", has_text="Kestrel bridge reopens")
    assert growing.count() == 1  # its articles were all stored just now
    row = page.locator("#trending li").filter(has_text="Kestrel bridge reopens").inner_text()
    assert "none before" in row and "expected 0.0" not in row  # no past rate: said in words
    _tab_to(page, "header input[name=q]")
    page.keyboard.type("cables towers")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=cables+towers")
    assert page.locator("#articles tbody tr").count() == 1
    assert page.problems == []


def test_search_page_narrows_by_facets_with_the_keyboard(server, page):
    base, ids, _store = server
    page.goto(base + "/search")
    assert page.inner_text("#count").startswith("4 articles")
    assert page.locator("head link[rel=alternate][type='application/atom+xml']").count() == 1
    french = page.locator("#facet-language a", has_text="fr")
    french.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?language=fr")
    assert page.inner_text("#count").startswith("1 article")
    assert ids["pont"] in page.locator("#articles tbody a").first.get_attribute("href")
    page.locator("#facet-story a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**story=story-bridge**")
    page.locator("#active-filters a", has_text="language").click()  # a filter comes off
    page.wait_for_url("**/search?story=story-bridge")
    assert page.inner_text("#count").startswith("2 articles")
    page.select_option("#search-form select[name=flag]", "unsourced_quote")
    page.fill("#search-form input[name=q]", "bridge")
    page.press("#search-form input[name=q]", "Enter")
    page.wait_for_url("**flag=unsourced_quote**")
    assert "story-bridge" in page.url and "No article matches" in page.inner_text("#articles")
    assert page.problems == []


def test_a_place_page_has_spellings_map_stories_and_a_search_around_it(server, page):
    base, ids, _store = server
    page.goto(base + "/entities?q=Lisbonne")  # the French spelling finds the place
    page.locator("#entities tbody a").first.click()
    page.wait_for_url("**/entities/geo~*.html")
    assert page.inner_text("h1") == "Lisbon" and page.title().startswith("Lisbon · LOC")
    spellings = page.locator("#spellings tbody tr").all_inner_texts()
    assert any(row.startswith("Lisbon\ten") for row in spellings) and any(row.startswith("Lisbonne\tfr") for row in spellings)
    assert page.locator("#place svg.map circle.place").count() == 1
    assert page.locator("svg#per-day rect").count() == 1
    assert page.locator("#entity-stories a", has_text="Kestrel bridge reopens").count() == 1
    assert page.locator("#companions a", has_text="Porto").count() == 1
    assert page.locator("#feed").get_attribute("href").endswith(".atom")
    page.click("#nearby")
    page.wait_for_url("**/search?place=*")
    assert page.inner_text("#count").startswith("2 articles")
    page.go_back()
    page.locator("#entity-stories a").first.click()
    page.wait_for_url("**/stories/story-bridge.html")
    assert page.problems == []


def test_a_person_page_lists_quotes_by_language(server, page):
    base, _ids, _store = server
    page.goto(base + "/entities?q=okafor")
    page.locator("#entities tbody a", has_text="Mara Okafor").first.click()
    page.wait_for_url("**/entities/*.html")
    assert "Traffic will flow normally" in page.inner_text("#quotes-en")
    assert page.locator("#place").count() == 0  # a person has no map
    page.locator("#entity-articles a").first.click()
    page.wait_for_url("**/articles/*.html")
    assert page.problems == []


def test_entity_names_with_markup_stay_text(server, page):
    base, _ids, store = server
    for path in ("/entities/org~00003ahostile.html", "/entities?q=Vellmar", "/search?entity=org:hostile"):
        page.goto(base + path)
        assert page.evaluate("typeof window.pwned") == "undefined", path
        assert page.locator("main script, body script, img, [onerror]").count() == 0, path
    page.goto(base + "/entities/org~00003ahostile.html")
    assert page.inner_text("h1") == HOSTILE_ENTITY
    assert page.title().startswith("Vellmar <img")
    hostile = next(row for row in store.article_summaries() if row["source"].endswith("hostile.html"))
    page.goto(base + f"/articles/{hostile['id']}.html")
    assert hostile["id"] not in page.title()
    assert page.problems == []


def test_article_page_lists_each_entity_once(server, page):
    base, ids, _store = server
    page.goto(base + f"/articles/{ids['harbour']}.html")
    names = page.locator("#entities tbody tr td:first-child").all_inner_texts()
    assert names and len(names) == len(set(zip(names, page.locator("#entities tbody tr td:nth-child(2)").all_inner_texts())))
    page.locator("#entities tbody a", has_text="Lisbon").click()
    page.wait_for_url("**/entities/*.html")
    assert page.inner_text("h1") == "Lisbon"
    assert page.problems == []


def test_a_reader_marks_a_flag_as_wrong_with_the_keyboard(server, page):
    """The article page says why a flag fired and its form stores a mark: no script runs
    (the pages forbid it), a keyboard user reaches the comment and the button, and the page
    comes back at the flag saying the mark is stored."""
    from dataclasses import replace

    from newsweave.model import Flag
    from newsweave.store.feedback import flag_id

    base, _ids, store = server
    # The orchard article: no row of the other tests was added to it by hand (a re-analysis rewrites them).
    orchard = next(row for row in store.article_summaries() if row["source"].endswith("orchard.txt"))
    article = store.get_article(orchard["id"])
    flag = Flag("generic_filler", "info", "vague words with nothing specific", [article.span(0, 7)], confidence=0.5)
    store.replace_analysis(replace(article, flags=[flag]))
    ident = flag_id(article.id, flag)
    page.goto(base + f"/articles/{article.id}.html")
    box = page.locator(f"#flag-{ident}")
    assert "Why: vague words with nothing specific" in box.inner_text() and "confidence 0.50" in box.inner_text()
    _tab_to(page, f"#flag-{ident} input[name=comment]", presses=60)
    page.keyboard.type("the headline, not filler")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Mark as wrong"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/articles/{article.id}.html?marked={ident}#flag-{ident}")
    assert "Thank you: your mark is stored." in page.locator(f"#flag-{ident}").inner_text()
    assert "wrong × 1" in page.locator(f"#flag-{ident}").inner_text()
    assert [(row["verdict"], row["comment"]) for row in store.feedback_rows()] == [("wrong", "the headline, not filler")]
    assert page.problems == []
