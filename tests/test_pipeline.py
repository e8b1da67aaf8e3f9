"""The pipeline's own steps: work done ahead of storing gives what storing alone gives."""

from __future__ import annotations

from pathlib import Path

from newsweave.model import Article
from newsweave.pipeline import analyze_batch, read_documents, store_analyzed, work_ahead
from newsweave.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "samples"


def _stored_flags(store: Store) -> dict[str, list[tuple[str, str]]]:
    flags = {}
    for summary in store.article_summaries():
        article = store.get_article(summary["id"])
        flags[Path(article.source).name] = sorted((flag.kind, flag.message) for flag in article.flags)
    return flags


def test_work_done_ahead_stores_the_same_articles_and_flags_once(tmp_path):
    paths = [str(SAMPLES / "en" / "museum-translation.txt"), str(SAMPLES / "fr" / "vendanges.txt")]
    stores = {}
    for ahead in (False, True):
        store = Store(f"sqlite:///{tmp_path / f'ahead-{ahead}.db'}")
        for result in analyze_batch(list(read_documents(paths)), with_assess=False, overlap=False):
            if ahead and isinstance(result, Article):
                work_ahead(result)
                assert result.work.assessed and result.work.fingerprint is not None
            assert store_analyzed(result, store) == "new"
        stores[ahead] = _stored_flags(store)
        store.close()
    assert stores[True] == stores[False]
    assert any(stores[True].values())  # the machine-translated sample is flagged, and only once


def test_an_assessment_that_fails_ahead_is_recorded_when_storing(tmp_path, monkeypatch):
    import newsweave.pipeline as pipeline

    [article] = analyze_batch(list(read_documents([str(SAMPLES / "en" / "museum-translation.txt")])),
                              with_assess=False, overlap=False)

    def broken(_article):
        raise ValueError("assessor broke")

    monkeypatch.setattr(pipeline, "assess", broken)
    work_ahead(article)
    assert not article.work.assessed
    store = Store(f"sqlite:///{tmp_path / 'broken.db'}")
    try:
        assert store_analyzed(article, store) == "rejected"
        assert any("internal error in assess" in row["reason"] for row in store.rejections())
    finally:
        store.close()
