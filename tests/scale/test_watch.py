"""``newsweave watch``: files renamed into the folder are ingested; half-written ones are not."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from watchfiles import Change

from newsweave.scale.synthetic import generate
from newsweave.scale.watch import is_input, watch_folder
from newsweave.store import Store

WAIT_S = 120


def _wait_for(condition, timeout: float = WAIT_S) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_ignores_partial_hidden_and_database_files():
    assert is_input(Change.added, "/in/feed.jsonl")
    for name in ("/in/a.warc.gz.part", "/in/.a.txt", "/in/news.db-wal", "/in/x.tmp"):
        assert not is_input(Change.added, name)
    assert not is_input(Change.deleted, "/in/feed.jsonl")


def test_ingests_existing_then_arriving_files(tmp_path: Path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    first, second = generate(2, languages=("en",), seed=11)
    (folder / "first.txt").write_text(f"{first.title}\n\n{first.text}\n", encoding="utf-8")
    store = Store(str(tmp_path / "watch.db"))
    batches: list[list[str]] = []
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch_folder, args=(folder, store, lambda paths, _summary: batches.append(paths), stop), daemon=True
    )
    watcher.start()
    try:
        assert _wait_for(lambda: store.stats()["articles"] == 1), "the file already there was not ingested"
        # A writer writes under a temporary name and renames when done.
        partial = folder / "second.txt.part"
        partial.write_text(f"{second.title}\n\n{second.text}\n", encoding="utf-8")
        time.sleep(1.0)
        assert store.stats()["articles"] == 1, "a half-written file was ingested"
        partial.rename(folder / "second.txt")
        assert _wait_for(lambda: store.stats()["articles"] == 2), "the arriving file was not ingested"
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert not watcher.is_alive()
    assert [Path(path).name for batch in batches[1:] for path in batch] == ["second.txt"]
    assert store.stats()["rejections"] == 0
    store.close()
