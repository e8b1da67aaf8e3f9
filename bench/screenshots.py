"""Take a screenshot of each page type of the static report and the web UI, for docs/screenshots/.

    .venv/bin/python bench/screenshots.py [--out docs/screenshots] [--only NAME ...] [INPUT ...]

Not a benchmark: it builds a report from INPUT (default: the team's labelled trust set,
written as plain-text files, and the seed articles when ../shared/seeds exists) in a temp
folder and opens each page type in Debian's headless Chromium through Playwright (no
browser download): the report's index, article and story pages, then, from a
``newsweave serve`` on the same store (loopback), the UI's story page and the API docs
with every request to another host aborted (they must work offline), and the daily
tool's pages: the UI's home with the stories growing now, the most quoted person's page,
the most named place's page with its map, a search narrowed by language and flag kind. ``--only story
ui-story`` retakes just those. A console or page error on any page fails the run. Skips
with a message when /usr/bin/chromium is absent.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from newsweave.api import create_app  # noqa: E402
from newsweave.pipeline import ingest  # noqa: E402
from newsweave.report.html import write_report  # noqa: E402
from newsweave.store import Store  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = ("index", "article", "story", "ui-story", "api-docs", "ui-index", "ui-person", "ui-place", "ui-search")
LOOPBACK = {"127.0.0.1", "localhost"}


def default_inputs(folder: Path) -> list[str]:
    from trust import load_labelled

    for item in load_labelled(ROOT / "tests" / "data" / "trust"):
        (folder / f"{item['id']}.txt").write_text(item["text"], encoding="utf-8")
    inputs = [str(folder)]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        inputs.append(str(seeds))
    return inputs


def pick_article(store: Store) -> str:
    """The article with the most kinds of flag and annotation, to show every highlight."""
    best, best_score = None, -1
    for article in store.iter_articles():
        score = 3 * len({f.kind for f in article.flags}) + min(len(article.quotes), 3) + min(len(article.entities), 3)
        if score > best_score:
            best, best_score = article.id, score
    return best


def richest_story(report: Path) -> str | None:
    """The story with the largest report page (most events, dates, places, articles)."""
    pages = sorted((report / "stories").glob("*.html"), key=lambda path: (path.stat().st_size, path.name))
    return pages[-1].stem if pages else None


def daily_tool_pages(store: Store, base: str, person: str | None = None, place: str | None = None) -> dict[str, str]:
    """The UI's home (with its growing stories), the most quoted person's page, the most
    named place's page (with its map), and a search narrowed by language and a flag kind;
    ``person`` and ``place`` (entity ids) choose others."""
    from sqlalchemy import func, select

    from newsweave.report.entities import entity_slug
    from newsweave.store import schema

    e, m, q, f, a = schema.entities, schema.mentions, schema.quotes, schema.flags, schema.articles
    with store.engine.connect() as connection:
        person = person or connection.scalar(
            select(q.c.speaker_entity_id).join(e, e.c.entity_id == q.c.speaker_entity_id).where(e.c.label == "PER")
            .group_by(q.c.speaker_entity_id).order_by(func.count().desc(), q.c.speaker_entity_id).limit(1))
        place = place or connection.scalar(
            select(m.c.entity_id).join(e, e.c.entity_id == m.c.entity_id).where(e.c.lat.is_not(None))
            .group_by(m.c.entity_id).order_by(func.count(func.distinct(m.c.article_id)).desc(), m.c.entity_id).limit(1))
        flag = connection.execute(
            select(f.c.kind, a.c.language).join(a, a.c.id == f.c.article_id).group_by(f.c.kind, a.c.language)
            .order_by(func.count().desc(), f.c.kind).limit(1)).first()
    pages = {"ui-index": f"{base}/"}
    if person:
        pages["ui-person"] = f"{base}/entities/{entity_slug(person)}.html"
    if place:
        pages["ui-place"] = f"{base}/entities/{entity_slug(place)}.html"
    pages["ui-search"] = f"{base}/search?language={flag.language}&flag={flag.kind}" if flag else f"{base}/search"
    return pages


def serve(store: Store):
    """``newsweave serve`` on loopback in a thread; returns its base URL and the server."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def only_loopback(route) -> None:
    url = urlsplit(route.request.url)
    if url.scheme == "file" or url.hostname in LOOPBACK:
        route.continue_()
    else:
        print(f"aborted a request that left the machine: {route.request.url}")
        route.abort()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", nargs="+", choices=PAGES, default=list(PAGES), help="pages to (re)take")
    parser.add_argument("--person", help="entity id of the person's page (default: the most quoted)")
    parser.add_argument("--place", help="entity id of the place's page (default: the most named with coordinates)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} not found: install Debian's chromium package; skipped")
        return
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        store = Store(str(work / "report.db"))
        ingest(args.inputs or default_inputs(work / "in"), store)
        index = write_report(store, work / "report")
        base, server = serve(store)
        story = richest_story(work / "report")
        pages = {"index": index.as_uri(), "article": (work / "report" / "articles" / f"{pick_article(store)}.html").as_uri(),
                 "api-docs": f"{base}/docs"}
        if story:
            pages["story"] = (work / "report" / "stories" / f"{story}.html").as_uri()
            pages["ui-story"] = f"{base}/stories/{story}"
        pages.update(daily_tool_pages(store, base, args.person, args.place))
        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route("**/*", only_loopback)
            # A page shown in the docs must load cleanly: console errors fail the run.
            problems: list[str] = []
            page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
            page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
            for name, url in pages.items():
                if name not in args.only:
                    continue
                page.goto(url)
                if name == "article":
                    marks = page.locator("mark.flag")
                    if marks.count():
                        marks.first.evaluate("element => element.scrollIntoView({block: 'center'})")
                        marks.first.hover()
                if name == "api-docs":
                    page.wait_for_selector(".opblock-summary-path")
                target = args.out / f"{name}.png"
                page.screenshot(path=str(target), full_page=name.endswith("story") or name in ("ui-person", "ui-place"))
                print(f"{name}: {target} ({url.removeprefix(base)})")
            browser.close()
        server.should_exit = True
        store.close()
    print("console errors:", problems or "none")
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
