"""The day an input was fetched, where its container says, travels to the article."""

from __future__ import annotations

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.ingest import read_path
from newsweave.model import RawDocument
from newsweave.pipeline import analyze_batch
from spine_inputs import EN_PARAGRAPHS, html_page, jsonl_line, write


def _warc(url: str, body: bytes, warc_date: str | None, http_date: str | None) -> bytes:
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = [("Content-Type", "text/html; charset=utf-8")] + ([("Date", http_date)] if http_date else [])
    response = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=response)
    if warc_date:
        record.rec_headers.replace_header("WARC-Date", warc_date)
    else:
        record.rec_headers.remove_header("WARC-Date")
    writer.write_record(record)
    return buffer.getvalue()


def test_warc_date_is_the_fetch_day_and_reaches_the_article_json(tmp_path):
    path = write(tmp_path / "crawl.warc", _warc("https://gazette.example/glassworks", html_page().encode("utf-8"),
                                                "2025-09-10T04:12:00Z", "Wed, 10 Sep 2025 04:11:59 GMT"))
    [document] = list(read_path(path))
    assert isinstance(document, RawDocument) and document.fetched == "2025-09-10T04:12:00Z"
    [article] = analyze_batch([document])
    assert article.to_json()["fetched"] == "2025-09-10T04:12:00+00:00"


def test_http_date_header_stands_in_for_a_missing_warc_date(tmp_path):
    path = write(tmp_path / "crawl.warc", _warc("https://gazette.example/glassworks", html_page().encode("utf-8"),
                                                None, "Wed, 10 Sep 2025 04:11:59 GMT"))
    [document] = list(read_path(path))
    assert document.fetched == "Wed, 10 Sep 2025 04:11:59 GMT"
    [article] = analyze_batch([document])
    assert article.fetched == "2025-09-10T04:11:59+00:00"


def test_jsonl_fetched_field_is_kept_and_absent_stays_out_of_the_json(tmp_path):
    lines = [jsonl_line(text="\n\n".join(EN_PARAGRAPHS), fetched="2025-09-10"),
             jsonl_line(text="\n\n".join(EN_PARAGRAPHS[:2]))]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    first, second = list(read_path(path))
    assert first.fetched == "2025-09-10" and second.fetched is None
    articles = analyze_batch([first, second])
    assert articles[0].fetched == "2025-09-10"
    assert "fetched" not in articles[1].to_json()
