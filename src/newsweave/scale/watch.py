"""``newsweave watch FOLDER``: ingest files as they arrive (watchfiles: inotify, or polling).

A crawler drops CC-NEWS WARCs or feed dumps into a folder; each new or changed file is
ingested through the ordinary pipeline, so the store (and a report or ``serve`` reading it)
stays current. Files are recognised as complete when the writer renames them into place:
names a writer uses while still writing (``.part``, ``.tmp``, hidden files) are ignored,
and so are database files that may live in the same folder. An input seen before (same
source, same bytes) is skipped by the pipeline itself, so re-ingesting a file that grew
only stores its new records.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchfiles import Change, watch

from newsweave.pipeline import Summary, ingest
from newsweave.store import Store

# Suffixes of files still being written, or of databases: never read as input.
IGNORED_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", "~", ".db", ".db-wal", ".db-shm", ".db-journal", ".sqlite")
# Wait this long after a change for more changes before ingesting (ms): one WARC written in
# several chunks is ingested once.
DEBOUNCE_MS = 1600

OnBatch = Callable[[list[str], Summary], None]


def is_input(change: Change, path: str) -> bool:
    name = Path(path).name
    return change != Change.deleted and not name.startswith(".") and not name.endswith(IGNORED_SUFFIXES)


def watch_folder(
    folder: Path, store: Store, on_batch: OnBatch | None = None, stop: threading.Event | None = None,
    existing: bool = True,
) -> None:
    """Ingest what ``folder`` holds (unless ``existing`` is False), then every file that arrives,
    until ``stop`` is set (or the process is interrupted)."""
    scan_first = existing
    # ``yield_on_timeout``: the first (empty) yield comes once the watcher runs, so the folder
    # is scanned after watching began and a file arriving during the scan is not missed.
    for changes in watch(
        folder, watch_filter=is_input, stop_event=stop, debounce=DEBOUNCE_MS, rust_timeout=500, yield_on_timeout=True
    ):
        if scan_first:
            scan_first = False
            present = sorted(str(path) for path in folder.rglob("*") if path.is_file() and is_input(Change.added, str(path)))
            if present:
                _ingest(present, store, on_batch)
            continue
        paths = sorted({path for _change, path in changes if Path(path).is_file()})
        if paths:
            _ingest(paths, store, on_batch)


def _ingest(paths: list[str], store: Store, on_batch: OnBatch | None) -> None:
    summary = ingest(paths, store)
    if on_batch:
        on_batch(paths, summary)
