"""Build a :class:`RawDocument` from one document's bytes (shared by every reader)."""

from __future__ import annotations

from typing import Any

import hashlib
import re
from collections.abc import Iterator

from newsweave.ingest.decode import NotText, decode_bytes
from newsweave.model import RawDocument, Rejection

HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I | re.S
)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_from_bytes(
    data: bytes,
    source: str,
    kind: str,
    *,
    declared_charset: str | None = None,
    **metadata: Any,
) -> Iterator[RawDocument | Rejection]:
    """Decode one document's bytes; sniff HTML inside a file that was named as text."""
    try:
        raw = decode_bytes(data, declared_charset)
    except NotText as error:
        yield Rejection(source, str(error))
        return
    if kind == "text" and HTML_START.match(data[:4096]):
        kind = "html"
    yield RawDocument(source=source, raw=raw, kind=kind, raw_sha256=sha256(data), **metadata)  # type: ignore[arg-type]
