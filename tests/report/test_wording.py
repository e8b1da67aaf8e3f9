"""Counts written with their noun."""

from __future__ import annotations

from newsweave.report.wording import count_noun


def test_one_is_singular_and_every_other_count_plural():
    assert [count_noun(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article", "2 articles"]
    assert count_noun(1, "entry", "entries") == "1 entry" and count_noun(3, "entry", "entries") == "3 entries"
