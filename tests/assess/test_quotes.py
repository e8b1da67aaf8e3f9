"""``unsourced_quote``: a direct quote nobody is named as saying; attributed ones and
scare quotes stay unflagged. Runs through the real pipeline. Texts written for this test."""

from __future__ import annotations

import hashlib

from newsweave.model import Article, RawDocument
from newsweave.pipeline import analyze_batch


def _analyse(text: str, language: str) -> Article:
    document = RawDocument(source=f"{hashlib.sha1(text.encode()).hexdigest()}.txt", raw=text, kind="text",
                           raw_sha256=hashlib.sha256(text.encode()).hexdigest(), language=language,
                           published="2025-05-06")
    [article] = analyze_batch([document])
    return article


def _unsourced(article: Article) -> list:
    return [flag for flag in article.flags if flag.kind == "unsourced_quote"]


def test_a_quote_with_no_speaker_is_flagged_with_its_span() -> None:
    text = ("The council approved the budget on Tuesday after a long session.\n\n"
            "“Nobody in this town will pay a single cent more for water next year, whatever happens.”\n\n"
            "The vote was twelve to three.")
    article = _analyse(text, "en")
    [flag] = _unsourced(article)
    assert flag.severity == "warning"
    evidence = flag.evidence[0]
    assert evidence.text.startswith("Nobody in this town")
    assert text[evidence.source_start:evidence.source_end] == evidence.text


def test_attributed_quotes_and_scare_quotes_are_not_flagged() -> None:
    text = ("Le maire, Alain Roche, a présenté le budget mardi. « Personne ne paiera un centime de plus pour "
            "l'eau », a-t-il assuré.\n\nSes opposants parlent d'un budget « en trompe-l'œil ».")
    article = _analyse(text, "fr")
    assert article.quotes
    assert _unsourced(article) == []


def test_second_half_of_a_split_quote_is_not_flagged() -> None:
    text = ('Helen Okafor opened the bridge. "It took ten long years to build this bridge," she said, '
            '"and it will carry traffic for a hundred years."')
    assert _unsourced(_analyse(text, "en")) == []
