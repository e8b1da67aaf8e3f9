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
from newsweave.annotate import PENDING_KEY, annotate_batch, await_annotations
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
        article.extras.pop("embedding", None)
    return articles


def test_every_article_gets_its_embedding_whether_or_not_it_overlaps():
    beside = [article.extras["embedding"].copy() for article in _articles()]
    alone = [article.extras["embedding"] for article in annotate_batch(_fresh(_articles()), overlap=False)]
    for one, other in zip(beside, alone, strict=True):
        assert one.shape == (384,)
        assert np.allclose(one, other, atol=1e-4)  # beside the parse or after it: the same vectors


def test_deferred_batch_is_complete_after_await():
    articles = annotate_batch(_fresh(_articles()), defer=True)
    for article in articles:
        assert PENDING_KEY in article.extras
        await_annotations(article)
        assert PENDING_KEY not in article.extras
        assert article.extras["embedding"].shape == (384,)
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
