"""Story index snapshots: the linker's usearch index saved to a file, so that a process starts
from it and syncs only the stories changed since, instead of rebuilding from every centroid.

The file: a magic line, the header length (4 bytes), a JSON header (the change number it
covers, the database's instance id, the index settings, a checksum), then usearch's own
serialised index. A missing, corrupt, foreign, wrong-dimension or too-new snapshot raises
:class:`SnapshotError` and the linker rebuilds from the database.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from usearch.index import Index

from newsweave.annotate.embeddings import EMBEDDING_DIM

SNAPSHOT_MAGIC = b"newsweave story index\n"
SNAPSHOT_FORMAT = 1
# HNSW graph settings (usearch's defaults: 16/128/64). News embeddings crowd into a narrow
# cone, where a light graph loses neighbours: on 50k generated clustered centroids,
# expansion_add 32 / search 64 missed the story an article was written from for 11 % of
# such articles; 64 / 128 misses 0.7 % (recall@20 0.996) for +0.04 ms per search and twice
# the build time (33 s on the shared machine, paid only when no snapshot can be used);
# 128 / 64 misses none but builds in 75 s and slows every per-article update.
# bench/stories.py --speed prints the candidates' recall against exact search.
INDEX_CONNECTIVITY = 16
INDEX_EXPANSION_ADD = 64
INDEX_EXPANSION_SEARCH = 128


def new_index() -> Index:
    return Index(ndim=EMBEDDING_DIM, metric="cos", dtype="f32", connectivity=INDEX_CONNECTIVITY,
                 expansion_add=INDEX_EXPANSION_ADD, expansion_search=INDEX_EXPANSION_SEARCH)

class SnapshotError(ValueError):
    """A snapshot file that cannot be used (the index is rebuilt instead)."""


def _snapshot_settings(instance: str) -> dict[str, Any]:
    """What a snapshot must agree on with this process and database to be used."""
    return {"format": SNAPSHOT_FORMAT, "instance": instance, "ndim": EMBEDDING_DIM, "metric": "cos",
            "dtype": "f32", "connectivity": INDEX_CONNECTIVITY}


def _checksum(payload: bytes | bytearray | memoryview) -> str:
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def write_snapshot(path: Path, payload: bytes | bytearray, seq: int, count: int, instance: str) -> None:
    """Magic line, header length (4 bytes), JSON header, usearch's serialised index; written
    to a temp file in the same folder, synced, then renamed over the old one, so a reader
    (or a crash) only ever sees a whole old or a whole new snapshot."""
    header = json.dumps({**_snapshot_settings(instance), "seq": seq, "count": count,
                         "checksum": _checksum(payload)}).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(SNAPSHOT_MAGIC + len(header).to_bytes(4, "big") + header)
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it 0600; the index is no more private than the database
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def read_snapshot(path: Path, instance: str) -> tuple[Index, int]:
    """The index in a snapshot file and the change number it covers; SnapshotError when unusable."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SnapshotError(f"unreadable ({error.strerror or error})") from None
    if not data.startswith(SNAPSHOT_MAGIC):
        raise SnapshotError("not a newsweave story index file")
    start = len(SNAPSHOT_MAGIC) + 4
    try:
        size = int.from_bytes(data[len(SNAPSHOT_MAGIC):start], "big")
        header = json.loads(data[start:start + size])
        seq, count = int(header["seq"]), int(header["count"])
    except (ValueError, KeyError, TypeError) as error:
        raise SnapshotError(f"unreadable header ({error})") from None
    for key, expected in _snapshot_settings(instance).items():
        if header.get(key) != expected:
            raise SnapshotError(f"made for {key} {header.get(key)!r}, this one is {expected!r}")
    payload = memoryview(data)[start + size:]
    if _checksum(payload) != header.get("checksum"):
        raise SnapshotError("checksum does not match (truncated or corrupt)")
    try:
        index = Index.restore(payload)
    except (ValueError, RuntimeError) as error:
        raise SnapshotError(f"usearch cannot read it ({error})") from None
    if index is None or index.ndim != EMBEDDING_DIM or len(index) != count:
        raise SnapshotError("index does not match its header")
    index.expansion_add, index.expansion_search = INDEX_EXPANSION_ADD, INDEX_EXPANSION_SEARCH  # type: ignore[misc]  # not stored by usearch; settable at run time
    return index, seq

