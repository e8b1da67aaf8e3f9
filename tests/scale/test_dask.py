"""``run --dask`` and ``reanalyze --dask``: a LocalCluster run stores what a local run stores, in the same order."""

from __future__ import annotations

from pathlib import Path

import dask
import pytest
from sqlalchemy import select

from newsweave.pipeline import ingest
from newsweave.reanalyze import reanalyze
from newsweave.scale.dask_runner import (
    LOCAL_CLUSTER_CONFIG, Scheduler, analyse_on_cluster, dask_client, ingest_distributed, tapered,
)
from newsweave.scale.synthetic import generate, write_jsonl, write_text_files
from newsweave.store import Store, schema

ARTICLES = 6


def _snapshot(store: Store) -> dict:
    """What must not depend on where the analysis ran: articles, links, stories, rejections."""
    a, sa = schema.articles, schema.story_articles
    with store.engine.connect() as connection:
        articles = connection.execute(select(a.c.id, a.c.language, a.c.duplicate_of, a.c.annotations).order_by(a.c.id)).all()
        stories = connection.execute(select(sa.c.article_id, sa.c.story_id).order_by(sa.c.article_id)).all()
    return {
        "articles": [tuple(row) for row in articles],
        "stories": [tuple(row) for row in stories],
        "rejections": sorted((row["source"], row["reason"]) for row in store.rejections()),
    }


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    articles = generate(ARTICLES, seed=3)
    folder = tmp_path / "corpus"
    write_text_files(articles[:4], folder)
    write_jsonl(articles[4:], folder / "feed.jsonl")
    (folder / "copy.txt").write_bytes((folder / f"{articles[0].name}.txt").read_bytes())
    (folder / "empty.txt").write_text("Too short.\n", encoding="utf-8")
    return [str(folder)]


def test_scheduler_specs():
    assert Scheduler.parse("local") == Scheduler()
    assert Scheduler.parse("local:3") == Scheduler(workers=3)
    assert Scheduler.parse("tcp://10.0.0.5:8786") == Scheduler(address="tcp://10.0.0.5:8786")
    for bad in ("local:0", "local:x", "nowhere"):
        with pytest.raises(ValueError):
            Scheduler.parse(bad)


def test_the_last_batches_go_out_cut_small_in_order():
    documents = list(range(70))
    batches = [documents[start:start + 16] for start in range(0, 70, 16)]  # 16, 16, 16, 16, 6
    tasks = list(tapered(iter(batches), workers=2, tail_size=4))
    assert [len(task) for task in tasks] == [16, 16, 16, 4, 4, 4, 4, 4, 2]
    assert [document for task in tasks for document in task] == documents
    assert list(tapered(iter([[1, 2, 3]]), workers=2, tail_size=4)) == [[1, 2, 3]]
    assert list(tapered(iter([]), workers=2, tail_size=4)) == []


def test_local_cluster_run_matches_a_local_run(corpus, tmp_path):
    local = Store(str(tmp_path / "local.db"))
    expected = ingest(corpus, local)
    distributed = Store(str(tmp_path / "dask.db"))
    with dask_client(Scheduler(workers=1)) as client:
        # Batches of 2 so that several are in flight at once and order matters.
        summary = ingest_distributed(corpus, distributed, client, batch_size=2)
        again = ingest_distributed(corpus, distributed, client, batch_size=2)
        # The worker processes run with Dask's housekeeping turned down (LOCAL_CLUSTER_CONFIG).
        worker_settings = client.run(lambda: {key: dask.config.get(key) for key in LOCAL_CLUSTER_CONFIG})
        # ``reanalyze --all --dask``: the workers analyse again, this process links, assesses
        # (once: flags are not doubled) and stores, as a reanalysis here does.
        reanalysed = reanalyze(distributed, stale_only=False, analyse=analyse_on_cluster(client))
    assert reanalyze(local, stale_only=False) == reanalysed
    assert reanalysed.articles == ARTICLES and reanalysed.failed == 0
    assert summary.outcomes == expected.outcomes and summary.files == expected.files
    assert summary.outcomes["new"] == ARTICLES and summary.outcomes["exact_copy"] == 1
    assert again.outcomes["already_stored"] == ARTICLES + 1
    assert _snapshot(distributed) == _snapshot(local)
    assert list(worker_settings.values()) == [LOCAL_CLUSTER_CONFIG]
