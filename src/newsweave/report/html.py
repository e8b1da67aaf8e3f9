"""The static HTML report: an index of articles and rejections, and one page per article.

Article content is untrusted input: every value goes through Jinja2's autoescaping, and
highlighted text is cut into plain segments that are escaped one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from newsweave.model import Article
from newsweave.store import Store


@dataclass(frozen=True)
class Segment:
    """A stretch of article text, plain or inside one highlighted span."""

    text: str
    kind: str | None = None
    title: str | None = None


def environment() -> Environment:
    return Environment(
        loader=PackageLoader("newsweave.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def highlight_spans(article: Article) -> list[dict[str, Any]]:
    """Every annotation with offsets, as ``{start, end, kind, title}``, in text order."""
    spans = []
    for entity in article.entities:
        name = entity.get("canonical") or entity["text"]
        spans.append({**entity, "kind": "entity", "title": f"{entity.get('label', '')}: {name}"})
    for item in article.dates:
        spans.append({**item, "kind": "date", "title": f"{item.get('type', 'DATE')}: {item.get('value')}"})
    for quote in article.quotes:
        speaker = quote.get("speaker_name") or "unknown speaker"
        spans.append({**quote, "kind": "quote", "title": f"quote by {speaker}"})
    for flag in article.flags:
        for evidence in flag.evidence:
            spans.append({"start": evidence.start, "end": evidence.end, "kind": f"flag flag-{flag.severity}", "title": flag.message})
    return sorted(spans, key=lambda span: (span["start"], -span["end"]))


def segments(text: str, spans: list[dict[str, Any]]) -> list[Segment]:
    """Cut ``text`` at span edges; a span overlapping an earlier one is left unhighlighted."""
    pieces = []
    position = 0
    for span in spans:
        start, end = span["start"], span["end"]
        if start < position or end <= start or end > len(text):
            continue
        if start > position:
            pieces.append(Segment(text[position:start]))
        pieces.append(Segment(text[start:end], span["kind"], span.get("title")))
        position = end
    if position < len(text):
        pieces.append(Segment(text[position:]))
    return pieces


def render_article(env: Environment, article: Article, store: Store) -> str:
    """One article's page (``articles/<id>.html``); ``newsweave serve`` shows the same page."""
    return env.get_template("article.html").render(
        article=article,
        segments=segments(article.text, highlight_spans(article)),
        sources=store.sources_of(article.id),
    )


def write_report(store: Store, out: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """Write ``index.html`` and one page per article into ``out``; returns the index path."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "articles").mkdir(exist_ok=True)
    env = environment()
    summaries = store.article_summaries()
    stats = store.stats()
    index = out / "index.html"
    index.write_text(
        env.get_template("index.html").render(articles=summaries, rejections=store.rejections(), stats=stats),
        encoding="utf-8",
    )
    for number, article in enumerate(store.iter_articles(), start=1):
        page = render_article(env, article, store)
        (out / "articles" / f"{article.id}.html").write_text(page, encoding="utf-8")
        if progress:
            progress(number, len(summaries))
    return index
