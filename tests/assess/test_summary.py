"""The trust summary: counts by kind, plain explanations, no single score."""

from __future__ import annotations

from newsweave.assess.summary import summarize
from newsweave.model import Flag


def test_summary_counts_by_kind_and_severity_with_one_sentence_per_kind():
    flags = [
        Flag("unsourced_quote", "warning", "m"),
        Flag("unsourced_quote", "warning", "m"),
        Flag("generic_filler", "info", "m"),
    ]
    summary = summarize(flags)
    assert summary.counts == {"unsourced_quote": 2, "generic_filler": 1}
    assert summary.severities == {"warning": 2, "info": 1}
    assert summary.headline == "3 flags: 2 warning, 1 info."
    assert summary.explanations == [
        "2 quotes have no identifiable speaker.",
        "Passages of vague filler state nothing checkable.",
    ]
    assert "machine translation" in summary.checked_clean and "unsourced quote" not in summary.checked_clean
    assert "score" not in summary.to_json()


def test_clean_article_summary_says_so():
    summary = summarize([])
    assert summary.total == 0 and summary.headline == "No trust problem found."
    assert len(summary.checked_clean) == 7


def test_unknown_kind_is_still_explained():
    assert summarize([Flag("new_kind", "info", "m")]).explanations == ["New kind."]
