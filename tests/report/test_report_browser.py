"""The static report in a real browser: hostile article content must stay text.

Inputs carrying ``<script>``, ``onerror=`` and ``onload=`` payloads (in the text, in a
quote, in the title and the URL, as plain text, HTML and JSON lines, in English and French)
go through the real ingest and report; each page then opens in Debian's headless Chromium,
driven by Playwright with the system executable (no browser download). A page passes when
no script ran (no dialog, no marker set on ``window``), the DOM holds no script element or
event-handler attribute, the payloads are shown as literal text, and the console stays free
of errors. A story holding all the articles (under a label with markup) checks the story
page: timeline plot, map of the geocoded places, articles by language.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, insert

from newsweave.pipeline import ingest
from newsweave.report.html import write_report
from newsweave.store import Store, schema

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

SCRIPT = "<script>window.__pwned = 'script'; alert('script')</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">"
SVG = "\"><svg onload=\"window.__pwned = 'svg'\">"
STORY_ID = "story-hostile"
STORY_LABEL = f"Brisk budget {IMG}"


def hostile_inputs(folder: Path) -> list[str]:
    (folder / "plain.txt").write_text(
        f"The council of Brisk met on Monday {SCRIPT} to vote on the budget, officials said.\n\n"
        f"\u201cWe will not accept {IMG} in our town,\u201d said mayor Ian Cole on Tuesday.\n\n"
        f"Order now from Kidsmart {SVG}, the leading brand for families: school bags from just £9.99 "
        "with the code BRISK10.\n",
        encoding="utf-8",
    )
    (folder / "page.html").write_text(
        "<!doctype html><html><head><title>Budget &lt;script&gt;alert(1)&lt;/script&gt; vote</title>"
        "<script>window.__pwned = 'page'</script></head><body><article>"
        "<h1>Budget vote &lt;img src=x onerror=alert(1)&gt;</h1>"
        "<p>The council of Brisk approved a budget of 14 million pounds on Monday, the mayor said in a statement "
        "published on the town website &lt;script&gt;alert('p')&lt;/script&gt; after a long debate.</p>"
        "<p>Opposition members said the plan &lt;svg onload=alert(2)&gt; was rushed and would raise local taxes "
        "by four per cent, according to the town's finance office.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    record = {
        "title": f"Title {IMG}",
        "url": "javascript:alert('url')",
        "text": f"A payload in JSON lines {SCRIPT} sits in the middle of a sentence about the port of Dunmere, "
        f"which handled 4 million containers in 2024, the authority said. {SVG} "
        "Ships from the port also sail to the French city of Marseille every week.",
    }
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "conseil.txt").write_text(
        f"Le conseil municipal de Brisk a voté le budget de la ville le lundi 3 juin 2024 {SCRIPT}, a indiqué la mairie "
        "dans un communiqué publié le soir même.\n\n"
        f"Les élus de Marseille et de Lyon ont salué ce vote {IMG} selon la presse locale, qui parle d'un budget "
        "prudent pour les écoles et les transports de la commune.\n",
        encoding="utf-8",
    )
    return [str(folder)]


def file_under_one_story(store: Store) -> None:
    """Every article in one story, as the stories stage would file related articles."""
    ids = [row["id"] for row in store.article_summaries()]
    with store.engine.begin() as connection:
        connection.execute(delete(schema.story_articles).where(schema.story_articles.c.article_id.in_(ids)))
        connection.execute(insert(schema.stories).values(
            id=STORY_ID, label=STORY_LABEL, languages=["en", "fr"], first="2024-06-03", last="2024-06-03"))
        connection.execute(insert(schema.story_articles), [{"story_id": STORY_ID, "article_id": i} for i in ids])


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("hostile")
    (work / "in").mkdir()
    store = Store(str(work / "report.db"))
    summary = ingest(hostile_inputs(work / "in"), store)
    assert summary.articles == 4, summary.outcomes
    file_under_one_story(store)
    write_report(store, work / "report")
    store.close()
    return work / "report"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package to run the browser checks")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser, path: Path, keep_open: bool = False):
    page = browser.new_page()
    seen = {"console_errors": [], "page_errors": [], "dialogs": []}
    page.on("console", lambda message: seen["console_errors"].append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen["page_errors"].append(str(error)))

    def on_dialog(dialog) -> None:
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    seen["pwned"] = page.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)")
    seen["scripts"] = page.evaluate("() => document.querySelectorAll('script').length")
    seen["handlers"] = page.evaluate(
        "() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"
    )
    seen["svg_or_img"] = page.evaluate("() => document.querySelectorAll('svg, img').length")
    seen["text"] = page.inner_text("body")
    if keep_open:
        return seen, page
    page.close()
    return seen


def pages(report: Path) -> list[Path]:
    return [report / "index.html", *sorted((report / "articles").glob("*.html"))]


def test_report_has_index_and_one_page_per_article(report):
    assert (report / "index.html").is_file()
    assert len(list((report / "articles").glob("*.html"))) == 4
    assert (report / "stories" / f"{STORY_ID}.html").is_file()


def test_no_script_runs_and_no_console_error_on_any_page(report, browser):
    for path in pages(report):
        seen = open_page(browser, path)
        assert seen["pwned"] is None, path
        assert seen["dialogs"] == [], path
        assert seen["scripts"] == 0, path
        assert seen["handlers"] == 0, path
        assert seen["svg_or_img"] == 0, path
        assert seen["console_errors"] == [], (path, seen["console_errors"])
        assert seen["page_errors"] == [], (path, seen["page_errors"])


def test_payloads_are_shown_as_literal_text(report, browser):
    shown = "\n".join(open_page(browser, path)["text"] for path in pages(report)[1:])
    assert "<script>window.__pwned = 'script'" in shown
    assert "onerror=" in shown
    assert "<svg onload=" in shown


def test_hovering_a_flagged_span_shows_the_flag_message(report, browser):
    path = next(p for p in pages(report)[1:] if "Kidsmart" in p.read_text(encoding="utf-8"))
    page = browser.new_page()
    page.goto(path.as_uri())
    mark = page.locator("mark.flag[title*='undisclosed promotion']").first
    mark.hover()
    tip = mark.evaluate("element => getComputedStyle(element, '::after').content")
    page.close()
    assert "undisclosed promotion (warning)" in tip and "Kidsmart" in tip


def test_article_page_shows_trust_summary_and_flag_evidence(report, browser):
    texts = [open_page(browser, path)["text"] for path in pages(report)[1:]]
    plain = next(text for text in texts if "Kidsmart" in text)
    assert "Trust summary" in plain
    assert "undisclosed promotion" in plain


def test_story_page_has_timeline_map_and_articles_by_language(report, browser):
    seen, page = open_page(browser, report / "stories" / f"{STORY_ID}.html", keep_open=True)
    try:
        assert page.inner_text("h1") == STORY_LABEL  # markup in a label is text
        assert page.locator("svg#timeline-plot circle").count() >= 1
        tips = page.locator("#places svg.map circle.place title").all_text_contents()
        assert any(tip.startswith("Marseille · 2 articles") for tip in tips), tips  # in the jsonl and the French text
        assert any(tip.startswith("Lyon · 1 article,") for tip in tips), tips
        assert page.locator("#articles-en li").count() == 3 and page.locator("#articles-fr li").count() == 1
        # Every svg on the page is one the report drew; nothing else came from the articles.
        assert page.locator("svg").count() == 2 == page.locator("svg#timeline-plot, svg.map").count()
        hrefs = page.locator("#story-articles a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert all(href.startswith("../articles/") and (report / "stories" / href).resolve().is_file() for href in hrefs)
    finally:
        page.close()
    assert seen["pwned"] is None and seen["dialogs"] == []
    assert seen["scripts"] == 0 and seen["handlers"] == 0
    assert seen["console_errors"] == [] and seen["page_errors"] == []


def test_no_script_runs_on_any_story_page(report, browser):
    for path in sorted((report / "stories").glob("*.html")):
        seen = open_page(browser, path)
        assert seen["pwned"] is None and seen["dialogs"] == [], path
        assert seen["scripts"] == 0 and seen["handlers"] == 0, path
        assert seen["console_errors"] == [] and seen["page_errors"] == [], (path, seen["console_errors"])


def test_entity_pages_load_clean_and_their_links_resolve(report, browser):
    paths = sorted((report / "entities").glob("*.html"))
    assert paths, "the report wrote no entity page"
    for path in paths:
        seen, page = open_page(browser, path, keep_open=True)
        try:
            hrefs = page.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        finally:
            page.close()
        assert seen["pwned"] is None and seen["dialogs"] == [], path
        assert seen["scripts"] == 0 and seen["handlers"] == 0, path
        assert seen["console_errors"] == [] and seen["page_errors"] == [], (path, seen["console_errors"])
        for href in hrefs:
            if href.startswith("../"):
                assert (path.parent / href).resolve().is_file(), (path.name, href)


def test_a_place_page_in_the_report_has_its_map_and_both_languages(report, browser):
    seen, page = open_page(browser, report / "index.html", keep_open=True)
    try:
        page.locator("#entities a", has_text="Marseille").first.click()
        page.wait_for_load_state("load")
        assert page.inner_text("h1") == "Marseille"
        assert page.locator("#place svg.map circle.place").count() == 1
        assert {"en", "fr"} <= set(page.locator("#spellings tbody td:nth-child(2)").all_inner_texts())
        assert page.locator("#trending").count() == 0  # the trending list lives on the index
    finally:
        page.close()
    assert "Growing in the last 24 hours" in seen["text"]
