"""Take a screenshot of each page type of the static report, for docs/screenshots/.

    .venv/bin/python bench/screenshots.py [--out docs/screenshots] [INPUT ...]

Not a benchmark: it builds a report from INPUT (default: the team's labelled trust set,
written as plain-text files, and the seed articles when ../shared/seeds exists) in a temp
folder and opens each page type in Debian's headless Chromium through Playwright (no
browser download). Skips with a message when /usr/bin/chromium is absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from newsweave.pipeline import ingest  # noqa: E402
from newsweave.report.html import write_report  # noqa: E402
from newsweave.store import Store  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
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
        pages = {"index": index, "article": work / "report" / "articles" / f"{pick_article(store)}.html"}
        stories = sorted((work / "report").glob("stories/*.html"), key=lambda p: p.stat().st_size)
        if stories:
            pages["story"] = stories[-1]  # the richest story page: most articles, places, dates
        args.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in pages.items():
                page.goto(path.as_uri())
                if name == "article":
                    marks = page.locator("mark.flag")
                    if marks.count():
                        marks.first.evaluate("element => element.scrollIntoView({block: 'center'})")
                        marks.first.hover()
                target = args.out / f"{name}.png"
                page.screenshot(path=str(target), full_page=name == "story")
                print(f"{name}: {target}")
            browser.close()
        store.close()


if __name__ == "__main__":
    main()
