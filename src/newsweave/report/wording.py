"""Small pieces of English wording shared by the report and the web UI (counts of things)."""

from __future__ import annotations

from datetime import UTC, datetime


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
