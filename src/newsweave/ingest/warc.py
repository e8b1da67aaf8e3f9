"""WARC and WARC.gz files as in Common Crawl's CC-NEWS: ``response`` records with HTML."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsweave.ingest.documents import document_from_bytes
from newsweave.model import RawDocument, Rejection

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Bytes read after the last complete record to tell a cut file from trailing blank lines.
TAIL_CHECK_BYTES = 4096


def read_warc(path: Path, source: str, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """Yield one document per HTML response; a truncated file keeps the records before the cut."""
    number = 0
    responses = 0
    end = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                number += 1
                if record.rec_type == "response":
                    responses += 1
                    yield from _document_from_record(record, f"{source}#record-{number}", max_bytes)
                elif _cut_short(record):
                    yield Rejection(f"{source}#record-{number}", f"truncated WARC: the file stops inside record {number}")
                    return
                records.read_to_end(record)
                end = records.get_record_offset() + records.get_record_length()
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
        detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        yield Rejection(f"{source}#record-{number + 1}", f"truncated or corrupt WARC after {number} records: {detail}")
        return
    if _has_unread_tail(path, end):
        # warcio ends quietly when the file stops inside a record's headers.
        yield Rejection(f"{source}#record-{number + 1}", f"truncated WARC: the file stops inside a record after {number} records")
    elif responses == 0:
        yield Rejection(source, "WARC file has no response records")


def _has_unread_tail(path: Path, end: int) -> bool:
    """True when bytes other than blank lines follow the last complete record."""
    with path.open("rb") as stream:
        stream.seek(end)
        return bool(stream.read(TAIL_CHECK_BYTES).strip())


def _cut_short(record) -> bool:
    """True when the record's block stops before its Content-Length (warcio does not say so)."""
    raw = record.raw_stream
    while getattr(raw, "limit", 0) > 0:
        if not raw.read(64 * 1024):
            return True
    return False


def _document_from_record(record, source: str, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    http = record.http_headers
    content_type = (http.get_header("Content-Type") if http else None) or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        truncated = " and truncated" if _cut_short(record) else ""
        yield Rejection(source, f"WARC response is not HTML ({content_type or 'no content type'}){truncated}")
        return
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        yield Rejection(source, f"too large: over {max_bytes // (1024 * 1024)} MB for one document")
        return
    if _cut_short(record):
        yield Rejection(source, f"truncated WARC record: the file ends {record.raw_stream.limit} bytes short of its end")
        return
    charset = None
    if "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=")[-1].split(";")[0].strip().strip("\"'") or None
    url = record.rec_headers.get_header("WARC-Target-URI")
    yield from document_from_bytes(payload, source, "html", declared_charset=charset, url=url,
                                   fetched=fetched_at(record))


def fetched_at(record) -> str | None:
    """When the record was fetched, as the record says it: its WARC-Date (ISO 8601), else the
    HTTP Date header of the response (RFC 2822); extract normalises either."""
    http = record.http_headers
    return record.rec_headers.get_header("WARC-Date") or (http.get_header("Date") if http else None)
