"""Expand the inputs a user names (files, folders, globs, file:// URLs) into files to read."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

from newsweave.model import Rejection

_HIDDEN_PREFIXES = (".", "~")


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | Rejection]:
    """Yield each file to read, in a stable order, or a rejection for an unusable input."""
    for item in inputs:
        yield from _expand_one(str(item))


def _expand_one(item: str) -> Iterator[Path | Rejection]:
    parsed = urlparse(item)
    if parsed.scheme in ("http", "https", "ftp"):
        yield Rejection(item, "remote URLs are not fetched (newsweave works offline); download the file first")
        return
    if parsed.scheme == "file":
        item = unquote(parsed.path)
    path = Path(item)
    if path.is_dir():
        yield from sorted(_files_under(path))
    elif path.is_file():
        yield path
    elif glob.has_magic(item):
        matches = sorted(Path(match) for match in glob.glob(item, recursive=True))
        files = [match for match in matches if match.is_file()]
        for match in matches:
            if match.is_dir():
                files.extend(_files_under(match))
        if not files:
            yield Rejection(item, "no file matches this pattern")
        yield from sorted(set(files))
    elif path.exists():
        yield Rejection(item, "not a regular file")
    else:
        yield Rejection(item, "no such file or folder")


def _files_under(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).parts
        if any(part.startswith(_HIDDEN_PREFIXES) for part in relative):
            continue
        if path.is_file():
            yield path
