"""JSON lines: one article per line, ``text`` or ``html`` plus optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from newsweave.ingest.documents import document_from_bytes
from newsweave.model import RawDocument, Rejection

_METADATA_FIELDS = ("url", "title", "published", "language", "fetched")


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """Yield one document per line; a broken line is rejected and the next one read."""
    line_number = 0
    while True:
        try:
            line = stream.readline(max_bytes + 1)
        except (OSError, EOFError) as error:
            yield Rejection(f"{source}#line-{line_number + 1}", f"corrupt or truncated gzip: {error}")
            return
        if not line:
            return
        line_number += 1
        line_source = f"{source}#line-{line_number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield Rejection(line_source, f"too large: line over {max_bytes // (1024 * 1024)} MB")
            _skip_rest_of_line(stream)
            continue
        if not line.strip():
            continue
        yield from _document_from_line(line, line_source)


def _document_from_line(line: bytes, source: str) -> Iterator[RawDocument | Rejection]:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        yield Rejection(source, f"broken JSON line: {error}")
        return
    if not isinstance(record, dict):
        yield Rejection(source, f"JSON line is a {type(record).__name__}, not an object")
        return
    kind = "html" if isinstance(record.get("html"), str) and record["html"].strip() else "text"
    body = record.get(kind)
    if not isinstance(body, str) or not body.strip():
        yield Rejection(source, 'JSON line has no "text" or "html" field with content')
        return
    metadata = {name: _as_text(record.get(name)) for name in _METADATA_FIELDS}
    yield from document_from_bytes(_utf8(body), source, kind, declared_charset="utf-8", **metadata)


def _utf8(text: str) -> bytes:
    # JSON may escape half of a surrogate pair ("\ud800") that no UTF-8 text can hold; such
    # a character becomes "?" rather than costing the whole article.
    return text.encode("utf-8", errors="replace")


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    text = _utf8(str(value)).decode("utf-8").strip()
    return text or None


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1024 * 1024)
        if not chunk or chunk.endswith(b"\n"):
            return
