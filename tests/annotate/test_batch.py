"""The annotate stage's batch runner: the embedding thread beside the parse, deferral, errors.

Real models throughout; the only stand-ins are annotators added to ``BESIDE`` to observe the
thread they run in or to fail on purpose.
"""

from __future__ import annotations

import hashlib
import threading

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from newsweave import annotate
from newsweave.annotate import annotate_batch, await_annotations
from newsweave.model import Article, RawDocument
from newsweave.pipeline import analyze_batch, ingest_batch
from newsweave.store import Store

TEXTS = {
    "en": "The city council of Leeds approved a new tram line on Tuesday. The mayor said work starts in spring.",
    "fr": "Le conseil municipal de Lyon a voté mardi une nouvelle ligne de tramway. Les travaux commencent au printemps.",
}


def _document(source: str, text: str) -> RawDocument:
    return RawDocument(source=source, raw=text, kind="text", raw_sha256=hashlib.sha256(text.encode()).hexdigest())


def _articles() -> list[Article]:
    documents = [_document(f"test://{language}", text) for language, text in TEXTS.items()]
    return [result for result in analyze_batch(documents, with_assess=False) if isinstance(result, Article)]


def _fresh(articles: list[Article]) -> list[Article]:
    for article in articles:
        article.work.embedding = None
    return articles


def test_every_article_gets_its_embedding_whether_or_not_it_overlaps():
    beside = [article.work.embedding.copy() for article in _articles()]
    alone = [article.work.embedding for article in annotate_batch(_fresh(_articles()), overlap=False)]
    for one, other in zip(beside, alone, strict=True):
        assert one.shape == (384,)
        assert np.allclose(one, other, atol=1e-4)  # beside the parse or after it: the same vectors


def test_deferred_batch_is_complete_after_await():
    articles = annotate_batch(_fresh(_articles()), defer=True)
    for article in articles:
        assert article.work.pending
        await_annotations(article)
        assert not article.work.pending
        assert article.work.embedding.shape == (384,)
    assert articles[0].entities  # the annotators of the calling thread ran before returning


def test_beside_annotators_run_in_another_thread_with_one_openmp_thread(monkeypatch):
    seen: dict[str, object] = {}

    def observe(articles: list[Article]) -> None:
        seen["thread"] = threading.current_thread().name
        seen["openmp"] = [info["num_threads"] for info in threadpool_info() if info["user_api"] == "openmp"]

    monkeypatch.setattr(annotate, "BESIDE", [*annotate.BESIDE, observe])
    annotate_batch(_fresh(_articles()))
    assert seen["thread"] != threading.current_thread().name
    assert seen["openmp"] and set(seen["openmp"]) == {annotate.BESIDE_THREADS}


def test_a_failing_beside_annotator_fails_the_batch(monkeypatch):
    def broken(articles: list[Article]) -> None:
        raise RuntimeError("engine fault")

    monkeypatch.setattr(annotate, "BESIDE", [broken])
    with pytest.raises(RuntimeError, match="engine fault"):
        annotate_batch(_fresh(_articles()))


def test_ingest_keeps_an_article_whose_deferred_embedding_failed(monkeypatch, tmp_path):
    def broken(articles: list[Article]) -> None:
        raise RuntimeError("engine fault")

    monkeypatch.setattr(annotate, "BESIDE", [broken])
    store = Store(str(tmp_path / "defer.db"))
    assert ingest_batch([_document("test://deferred", TEXTS["en"])], store) == ["new"]
    reasons = [row["reason"] for row in store.rejections()]
    assert any("link (stories)" in reason and "engine fault" in reason for reason in reasons)
    store.close()


def test_the_annotators_order_is_checked_against_what_each_needs() -> None:
    annotate.check_order(annotate.ANNOTATORS, beside=annotate.BESIDE)
    by_name = {annotate.stage_name(step): step for step in annotate.ANNOTATORS}
    starved = [by_name["language"], by_name["quotes"], by_name["entities"]]
    with pytest.raises(annotate.AnnotatorOrderError, match="'quotes' needs entities"):
        annotate.check_order(starved)
    # something run beside the main annotators cannot wait for what they add
    parse_reader = annotate.annotator("parse-reader", lambda articles: None, needs=["work.doc"])
    with pytest.raises(annotate.AnnotatorOrderError, match="beside"):
        annotate.check_order(annotate.ANNOTATORS, beside=[parse_reader])


def test_a_skip_is_recorded_under_the_annotator_name() -> None:
    assert [annotate.stage_name(step) for step in annotate.ANNOTATORS] == [
        "language", "entities", "dates", "quotes", "events"]
