"""Small pieces of English wording shared by the report and the web UI (counts of things)."""

from __future__ import annotations


def count_noun(count: int, noun: str, plural: str | None = None) -> str:
    """A count and its noun, singular for exactly one: "1 article", "0 articles", "2 entries"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
