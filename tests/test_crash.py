"""Crash safety: SIGKILL an ingest at random points, re-run it, and nothing is lost or doubled.

Each ingest is forked from a fork server that loaded the models once (``crash_warmup``), so
a killed ingest restarts in milliseconds instead of re-importing spaCy (a forked child is a
real process: SIGKILL gives it no chance to clean up). Children are not forked from the test
process itself: once it has embedded text, a forked child hangs in OpenMP (see
``crash_warmup``). After every kill the database must hold
only whole articles; after the final, uninterrupted run every input must be stored exactly
once or rejected once. Runs on SQLite and on the test PostgreSQL server.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

from sqlalchemy import func, select, text

from newsweave.pipeline import ingest
from newsweave.scale.synthetic import generate, write_text_files
from newsweave.store import Store, schema

KILLS = 24
ARTICLES = 16
SEED = 20241123
CHILD_TIMEOUT_S = 120
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["crash_warmup"])


def _ingest_child(inputs: list[str], url: str) -> None:
    store = Store(url)
    ingest(inputs, store)
    store.close()


def _run_child(inputs: list[str], url: str, kill_after: float | None) -> bool:
    """Run one ingest in a forked child; SIGKILL it after ``kill_after`` seconds. True if killed."""
    child = _CONTEXT.Process(target=_ingest_child, args=(inputs, url))
    child.start()
    child.join(kill_after if kill_after is not None else CHILD_TIMEOUT_S)
    killed = child.is_alive()
    if killed:
        os.kill(child.pid, signal.SIGKILL)
        child.join()
    else:
        assert child.exitcode == 0, f"ingest failed with exit code {child.exitcode}"
    return killed


def _corpus(folder: Path) -> tuple[list[str], set[str], set[str]]:
    """Generated articles, an exact copy of one, and two inputs that must be rejected."""
    paths = write_text_files(generate(ARTICLES, seed=SEED), folder)
    copy = folder / "copy-of-first.txt"
    copy.write_bytes(paths[0].read_bytes())
    (folder / "too-short.txt").write_text("Nothing here.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    stored = {str(path) for path in [*paths, copy]}
    rejected = {str(folder / "too-short.txt"), str(folder / "binary.txt")}
    return [str(folder)], stored, rejected


def _assert_only_whole_articles(store: Store) -> None:
    """Every visible article has its source row and its duplicate-index rows (one transaction)."""
    a, s, b = schema.articles, schema.article_sources, schema.lsh_bands
    with store.engine.connect() as connection:
        without_source = connection.scalar(
            select(func.count()).select_from(a).where(~a.c.id.in_(select(s.c.article_id)))
        )
        originals_without_bands = connection.scalar(
            select(func.count()).select_from(a).where(a.c.duplicate_of.is_(None), ~a.c.id.in_(select(b.c.article_id)))
        )
        assert without_source == 0 and originals_without_bands == 0
        if store.dialect == "sqlite":
            articles = connection.scalar(select(func.count()).select_from(a))
            assert connection.scalar(text("SELECT count(*) FROM articles_fts")) == articles


def test_sigkill_at_random_points_loses_and_duplicates_nothing(store_url: str, tmp_path: Path):
    inputs, expected_stored, expected_rejected = _corpus(tmp_path / "corpus")
    started = time.monotonic()
    _run_child(inputs, f"sqlite:///{tmp_path / 'reference.db'}", None)
    full_run = time.monotonic() - started

    Store(store_url).close()  # migrate once here: a kill during the first migration is another test's subject
    rng = random.Random(SEED)
    kills = 0
    while kills < KILLS:
        # Kill points spread so that the kills together cover about one full run's work.
        if _run_child(inputs, store_url, rng.uniform(0.0, 2.0 * full_run / KILLS)):
            kills += 1
            store = Store(store_url)
            _assert_only_whole_articles(store)
            store.close()
    assert not _run_child(inputs, store_url, None)

    store = Store(store_url)
    try:
        _assert_only_whole_articles(store)
        with store.engine.connect() as connection:
            sources = connection.execute(
                select(schema.article_sources.c.source, func.count()).group_by(schema.article_sources.c.source)
            ).all()
            articles = connection.scalar(select(func.count()).select_from(schema.articles))
        rejections = [row["source"] for row in store.rejections()]
    finally:
        store.close()
    stored = dict(sources)
    lost = (expected_stored - set(stored)) | (expected_rejected - set(rejections))
    duplicated = [name for name, count in stored.items() if count > 1] + [
        name for name in set(rejections) if rejections.count(name) > 1
    ]
    assert kills >= 20
    assert lost == set() and duplicated == []
    assert set(stored) == expected_stored and set(rejections) == expected_rejected
    assert articles == ARTICLES  # the exact copy is a second source of the first article
