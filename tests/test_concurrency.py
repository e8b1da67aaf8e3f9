"""Two ``newsweave ingest`` processes on one fresh database lose and duplicate nothing.

Both start on an empty database (so their migrations race too) and read the same inputs
in different orders; afterwards every input is stored exactly once. Runs on SQLite and
on the test PostgreSQL server (``store_url`` in ``tests/conftest.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from newsweave.scale.synthetic import generate, write_text_files
from newsweave.store import Store, schema

ARTICLES = 8
PROCESS_TIMEOUT_S = 300


def _ingest_process(inputs: list[str], url: str) -> subprocess.Popen:
    command = [sys.executable, "-c", "from newsweave.cli import main; main()", "ingest", *inputs, "--db", url]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "200"})


def test_two_writers_store_every_input_exactly_once(store_url: str, tmp_path: Path):
    paths = write_text_files(generate(ARTICLES, seed=7), tmp_path / "corpus")
    names = [str(path) for path in paths]
    half = len(names) // 2
    # The second writer reads the second half first, so the two meet in the middle.
    writers = [_ingest_process(names, store_url), _ingest_process(names[half:] + names[:half], store_url)]
    for writer in writers:
        _out, err = writer.communicate(timeout=PROCESS_TIMEOUT_S)
        assert writer.returncode == 0, err[-2000:]
    store = Store(store_url)
    try:
        with store.engine.connect() as connection:
            stored = connection.execute(select(schema.article_sources.c.source, func.count()).group_by(schema.article_sources.c.source)).all()
            articles = connection.scalar(select(func.count()).select_from(schema.articles))
        rejections = store.rejections()
    finally:
        store.close()
    counts = dict(stored)
    assert not rejections, rejections
    assert sorted(counts) == sorted(names), "lost inputs"
    assert set(counts.values()) == {1}, "an input recorded twice"
    assert articles == ARTICLES


def _open_store(url: str) -> str:
    try:
        Store(url).close()
    except Exception as error:  # noqa: BLE001 - reported back to the test
        return f"{type(error).__name__}: {error}"
    return "ok"


def test_processes_opening_a_fresh_database_at_once_all_succeed(store_url: str):
    import multiprocessing

    # Fork: the children start at once with newsweave already imported, which makes the
    # migrations overlap (a spawn start would stagger them by the import time).
    with multiprocessing.get_context("fork").Pool(4) as pool:
        results = pool.map(_open_store, [store_url] * 4)
    assert results == ["ok"] * 4
