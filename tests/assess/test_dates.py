"""``date_inconsistent``: impossible dates, weekdays that do not match, future dates told in the past.

The articles are the team's hand-written set (tests/data/time/) plus small sentences here.
Checked both without a parse (cue words) and with the real spaCy parse (verb tense).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsweave.annotate import nlp
from newsweave.annotate.dates import tag_article
from newsweave.assess.dates import date_flags
from newsweave.model import Article
from newsweave.offsets import OffsetMap

TIME_SET = Path(__file__).resolve().parents[1] / "data" / "time" / "articles.jsonl"


def _article(text: str, language: str, published: str | None) -> Article:
    return Article(id="d", source="d", raw=text, raw_sha256="", text=text, offsets=OffsetMap.identity(len(text)),
                   language=language, published=published, published_basis="given" if published else "unknown")


def _flags(article: Article) -> list:
    tag_article(article, today=date(2026, 11, 23))
    return date_flags(article)


def _cases() -> list[dict]:
    return [json.loads(line) for line in TIME_SET.open(encoding="utf-8")]


def _overlaps(flag, text: str, evidence: str) -> bool:
    start = text.find(evidence)
    return any(span.start < start + len(evidence) and start < span.end for span in flag.evidence)


@pytest.mark.parametrize("with_parse", [False, True])
def test_hand_written_set_flags_exactly_the_contradictions(with_parse: bool) -> None:
    articles = []
    for case in _cases():
        article = _article(case["text"], case["language"], case["published"])
        articles.append(article)
    if with_parse:
        nlp.parse_batch(articles)
    wrong = []
    for article, case in zip(articles, _cases(), strict=True):
        flags = _flags(article)
        expected = case["gold_flags"]
        matched = all(any(_overlaps(f, case["text"], e) for f in flags) for e in expected)
        if not matched or len(flags) != len(expected):
            wrong.append(case["id"])
    # the set was written by the author of the rules: an optimistic figure, so demand it whole
    assert wrong == []


def test_weekday_mismatch_is_a_warning_with_its_span() -> None:
    text = "Le sommet s'ouvrira le mardi 25 février 2026 à Bruxelles."
    [flag] = _flags(_article(text, "fr", "2026-02-20"))
    assert (flag.kind, flag.severity) == ("date_inconsistent", "warning")
    assert "Wednesday" in flag.message and "Tuesday" in flag.message
    assert text[flag.evidence[0].start:flag.evidence[0].end] == flag.evidence[0].text
    assert "25 février 2026" in flag.evidence[0].text


def test_impossible_date_is_an_error() -> None:
    [flag] = _flags(_article("Payments will be made on February 30 to all households.", "en", "2023-02-10"))
    assert flag.severity == "error" and "February 30" in flag.evidence[0].text


def test_future_date_in_the_past_tense_but_not_in_the_future_tense() -> None:
    past = _flags(_article("The bridge was opened on March 3, 2025, by the mayor.", "en", "2025-01-10"))
    future = _flags(_article("The bridge will be opened on March 3, 2025, by the mayor.", "en", "2025-01-10"))
    assert [f.evidence[0].text for f in past] == ["March 3, 2025"]
    assert future == []


def test_no_flags_without_a_publication_date_for_tense_checks() -> None:
    assert _flags(_article("The bridge was opened on March 3, 2031.", "en", None)) == []


@pytest.mark.parametrize("with_parse", [False, True])
def test_planned_future_dates_are_not_told_in_the_past(with_parse: bool) -> None:
    text = ("La piscine municipale, prévue pour l'automne 2027, ouvrira plus tard que promis, "
            "a reconnu la mairie. The new depot, due to open in March 2027, was delayed again.")
    article = _article(text, "fr", "2025-06-01")
    if with_parse:
        nlp.parse_batch([article])
    assert _flags(article) == []
