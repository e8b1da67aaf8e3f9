"""Small pieces of English wording shared by the report and the web UI (counts of things,
what an article is called in a listing)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

# A listing's line for an article without a title: its text's first line, cut at a word.
NAME_CHARS = 80
UNTITLED = "Untitled article"


def count_noun(count: int, noun: str, plural: str | None = None) -> str:
    """A count and its noun, singular for exactly one: "1 article", "0 articles", "2 entries"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def when(value: object) -> str:
    """A moment as readers write it: a day stays a day, a timestamp loses its seconds and
    microseconds ("2024-03-04 09:41 UTC"); anything unparseable is shown as given."""
    if value is None or value == "":
        return "unknown"
    moment = value if isinstance(value, datetime) else None
    if moment is None:
        text = str(value)
        if len(text) <= 10:
            return text
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def article_name(article: Any) -> str:
    """What a listing, a link or a browser tab calls an article: its title, else the first
    line of its text (the ``lead`` a listing's query reads, else ``text``), cut at a word;
    never its file name or hash id, which say nothing to a reader. ``article``: an
    ``Article`` or a row mapping."""
    get = article.get if isinstance(article, Mapping) else lambda key: getattr(article, key, None)
    title = (get("title") or "").strip()
    if title:
        return title
    # A listing's row reads ``lead``; its ``text`` may be another thing's (a quote's words).
    start = get("lead") or get("text") or ""
    first = next((line.strip() for line in start.splitlines() if line.strip()), "")
    if not first:
        return UNTITLED
    if len(first) <= NAME_CHARS:  # a lead is longer than this, so such a line is whole
        return first
    cut = first[: NAME_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
