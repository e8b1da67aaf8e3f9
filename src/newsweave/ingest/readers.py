"""Read one file into raw documents, whatever its format, or into rejections.

Formats are told apart by name and by content (after gunzipping), so a ``.txt`` that is
really HTML is still read as HTML. Each reader yields :class:`RawDocument` or
:class:`Rejection`; none raises for bad input, so one bad file never stops a batch.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsweave.ingest import feeds, jsonl, warc
from newsweave.ingest.documents import HTML_START, document_from_bytes
from newsweave.model import RawDocument, Rejection

# A page larger than this is refused rather than parsed: no real article is this big, and
# lxml/trafilatura on a 50 MB page costs seconds and gigabytes.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024

_GZIP_MAGIC = b"\x1f\x8b"
_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.I | re.S)
_HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml"}
_FEED_EXTENSIONS = {".rss", ".atom", ".xml"}
_JSONL_EXTENSIONS = {".jsonl", ".ndjson", ".json"}
_WARC_EXTENSIONS = {".warc", ".arc"}


@dataclass(frozen=True)
class ReadOptions:
    max_document_bytes: int = MAX_DOCUMENT_BYTES


def read_path(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[RawDocument | Rejection]:
    """Yield the documents in ``path`` (one for a page, many for WARC, JSONL and feeds)."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(2)
    except OSError as error:
        yield Rejection(source, f"unreadable file: {error.strerror or error}")
        return
    compressed = head == _GZIP_MAGIC
    try:
        peek = _peek(path, compressed)
    except (OSError, EOFError, zlib.error) as error:
        yield Rejection(source, f"corrupt or truncated gzip: {_reason(error)}")
        return
    kind = _detect_format(path, peek)
    if kind == "warc":
        yield from warc.read_warc(path, source, options.max_document_bytes)
        return
    if kind == "jsonl":
        with _open(path, compressed) as stream:
            yield from jsonl.read_jsonl(stream, source, options.max_document_bytes)
        return
    data = _read_limited(path, compressed, options.max_document_bytes, source)
    if isinstance(data, Rejection):
        yield data
        return
    if kind == "feed":
        yield from feeds.read_feed(data, source)
        return
    yield from document_from_bytes(data, source, "html" if kind == "html" else "text")


def _open(path: Path, compressed: bool) -> BinaryIO:
    return gzip.open(path, "rb") if compressed else path.open("rb")  # type: ignore[return-value]


def _peek(path: Path, compressed: bool) -> bytes:
    with _open(path, compressed) as stream:
        return stream.read(4096)


def _read_limited(path: Path, compressed: bool, limit: int, source: str) -> bytes | Rejection:
    try:
        with _open(path, compressed) as stream:
            data = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as error:
        return Rejection(source, f"corrupt or truncated gzip: {_reason(error)}")
    if len(data) > limit:
        return Rejection(source, f"too large: over {limit // (1024 * 1024)} MB for one document")
    return data


def _detect_format(path: Path, peek: bytes) -> str:
    suffixes = [suffix.lower() for suffix in path.suffixes if suffix.lower() != ".gz"]
    suffix = suffixes[-1] if suffixes else ""
    if peek.startswith(b"WARC/") or suffix in _WARC_EXTENSIONS:
        return "warc"
    if _FEED_START.match(peek):
        return "feed"
    if suffix in _JSONL_EXTENSIONS and peek.lstrip()[:1] in (b"{", b""):
        return "jsonl"
    if suffix in _HTML_EXTENSIONS or HTML_START.match(peek):
        return "html"
    if suffix in _FEED_EXTENSIONS:
        return "feed"
    return "text"


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]
