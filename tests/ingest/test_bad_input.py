"""Bad input becomes a rejection with a reason a person can read; the rest of the batch goes on."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from newsweave.ingest import ReadOptions, read_path
from newsweave.model import Rejection
from newsweave.pipeline import ingest, read_documents
from spine_inputs import EN_PARAGRAPHS, html_page, jsonl_line, plain_text, warc_bytes, write

FIFTY_MB = 50 * 1024 * 1024


def _random_bytes(size: int) -> bytes:
    # Random bytes stand for an image or an archive named as an article.
    return os.urandom(size)


BAD_FILES: dict[str, tuple[bytes, str]] = {
    # name: (bytes, words the rejection reason must contain)
    "empty.txt": (b"", "empty"),
    "blank.txt": (b" \n\n\t  \r\n", "empty"),
    "nul.txt": (b"PK\x03\x04\x00\x00binary\x00\x00" * 50, "binary"),
    "image.jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 20, "binary"),
    "control.txt": (bytes(range(1, 32)) * 100, "binary"),
    "bad-utf16.txt": (b"\xff\xfe" + "caf\u00e9".encode("utf-16-le") + b"\x00", "undecodable"),
    "bad-utf8-bom.txt": (b"\xef\xbb\xbfabc \xff\xfe\xfd text", "undecodable"),
    "no-text.html": (b"<html><head><title>x</title></head><body><div><img src='a.png'></div><script>var a=1;</script></body></html>",
                     "no article text"),
    "short.txt": (b"Breaking: more soon.", "no article text"),
    "garbage.gz": (gzip.compress(_random_bytes(4000)), ""),
}


def _truncated(data: bytes, keep: float = 0.6) -> bytes:
    return data[: int(len(data) * keep)]


@pytest.fixture
def good_article(tmp_path: Path) -> Path:
    return write(tmp_path / "in" / "zz-good.txt", plain_text())


def _ingest_rejections(store, inputs: list[str]) -> tuple[dict[str, str], object]:
    summary = ingest(inputs, store)
    return {row["source"]: row["reason"] for row in store.rejections()}, summary


def test_each_bad_file_is_rejected_with_a_reason_and_the_good_one_is_stored(sqlite_store, tmp_path, good_article):
    for name, (data, _) in BAD_FILES.items():
        write(tmp_path / "in" / name, data)
    reasons, summary = _ingest_rejections(sqlite_store, [str(tmp_path / "in")])
    assert summary.outcomes["new"] == 1
    for name, (_, words) in BAD_FILES.items():
        reason = reasons.get(str(tmp_path / "in" / name))
        assert reason, f"{name} was not rejected: {reasons}"
        assert words in reason, f"{name}: {reason}"
        assert "Traceback" not in reason and "internal error" not in reason, f"{name}: {reason}"
    assert summary.outcomes["rejected"] == len(BAD_FILES)


def test_truncated_gzip_is_rejected(tmp_path):
    whole = gzip.compress(plain_text().encode("utf-8") * 40, mtime=0)
    path = write(tmp_path / "cut.txt.gz", _truncated(whole))
    [rejection] = list(read_path(path))
    assert isinstance(rejection, Rejection)
    assert "truncated gzip" in rejection.reason


def test_truncated_gzip_jsonl_keeps_the_lines_before_the_cut(tmp_path):
    lines = "\n".join(jsonl_line(text=f"{index} " + " ".join(EN_PARAGRAPHS)) for index in range(200)) + "\n"
    path = write(tmp_path / "cut.jsonl.gz", _truncated(gzip.compress(lines.encode("utf-8"), mtime=0), 0.5))
    documents = list(read_path(path))
    assert len(documents) > 10
    assert isinstance(documents[-1], Rejection) and "truncated gzip" in documents[-1].reason
    assert not any(isinstance(document, Rejection) for document in documents[:-1])


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path, compress):
    pages = [(f"https://gazette.example/{index}", html_page().replace("Hollin", f"Hollin {index}").encode(), "text/html")
             for index in range(6)]
    data = warc_bytes(pages, compress=compress)
    path = write(tmp_path / ("cut.warc.gz" if compress else "cut.warc"), _truncated(data, 0.7))
    documents = list(read_path(path))
    assert 2 <= sum(not isinstance(document, Rejection) for document in documents) < 6
    assert isinstance(documents[-1], Rejection)
    assert "WARC" in documents[-1].reason or "truncated" in documents[-1].reason


def test_warc_with_no_response_is_rejected(tmp_path):
    path = write(tmp_path / "empty.warc.gz", warc_bytes([], compress=True))
    [rejection] = list(read_path(path))
    assert "no response records" in rejection.reason


def test_jsonl_broken_lines_are_rejected_one_by_one(sqlite_store, tmp_path, good_article):
    lines = [
        jsonl_line(text=" ".join(EN_PARAGRAPHS)),
        '{"text": "unterminated',
        "[1, 2, 3]",
        jsonl_line(title="no body"),
        jsonl_line(text="   "),
        jsonl_line(text=" ".join(EN_PARAGRAPHS).replace("Hollin", "Marlow")),
        "{}",
        "not json at all",
        b"\xff\xfe broken bytes".decode("latin-1"),
    ]
    path = write(tmp_path / "in" / "feed.jsonl", "\n".join(lines) + "\n")
    reasons, summary = _ingest_rejections(sqlite_store, [str(path)])
    assert summary.outcomes["new"] + summary.outcomes["near_duplicate"] == 2
    assert "broken JSON line" in reasons[f"{path}#line-2"]
    assert "not an object" in reasons[f"{path}#line-3"]
    for number in (4, 5, 7):
        assert "no \"text\" or \"html\"" in reasons[f"{path}#line-{number}"]
    assert "broken JSON line" in reasons[f"{path}#line-8"]
    assert f"{path}#line-9" in reasons


def test_fifty_megabyte_page_is_refused_without_parsing(sqlite_store, tmp_path, good_article):
    page = html_page().encode()
    huge = page.replace(b"<footer>", b"<p>" + b"filler words " * (FIFTY_MB // 13) + b"</p><footer>")
    assert len(huge) > FIFTY_MB
    write(tmp_path / "in" / "huge.html", huge)
    write(tmp_path / "in" / "huge-bomb.html.gz", huge, compress=True)
    reasons, summary = _ingest_rejections(sqlite_store, [str(tmp_path / "in")])
    assert summary.outcomes["new"] == 1
    for name in ("huge.html", "huge-bomb.html.gz"):
        assert "too large" in reasons[str(tmp_path / "in" / name)]


def test_huge_jsonl_line_is_refused_and_the_next_line_read(tmp_path):
    big = jsonl_line(text="word " * 3000)
    path = write(tmp_path / "big.jsonl", big + "\n" + jsonl_line(text=" ".join(EN_PARAGRAPHS)) + "\n")
    first, second = list(read_path(path, ReadOptions(max_document_bytes=10_000)))
    assert isinstance(first, Rejection) and "too large" in first.reason
    assert not isinstance(second, Rejection)


def test_missing_paths_remote_urls_and_empty_globs_are_rejected(sqlite_store, tmp_path, good_article):
    inputs = [
        str(tmp_path / "nowhere.txt"),
        "https://news.example/article.html",
        "ftp://files.example/crawl.warc.gz",
        str(tmp_path / "in" / "*.nomatch"),
        str(good_article),
        f"file://{good_article}",
    ]
    reasons, summary = _ingest_rejections(sqlite_store, inputs)
    assert reasons[inputs[0]] == "no such file or folder"
    assert "not fetched" in reasons[inputs[1]] and "offline" in reasons[inputs[1]]
    assert "not fetched" in reasons[inputs[2]]
    assert "no file matches" in reasons[inputs[3]]
    assert summary.outcomes["new"] == 1
    assert summary.outcomes["already_stored"] + summary.outcomes["exact_copy"] == 1


def test_unreadable_file_is_rejected(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    path = write(tmp_path / "secret.txt", plain_text())
    path.chmod(0)
    [rejection] = list(read_documents([str(path)]))
    assert "unreadable" in rejection.reason


def test_a_folder_skips_hidden_files(tmp_path):
    write(tmp_path / "in" / ".hidden.txt", plain_text())
    write(tmp_path / "in" / ".git" / "object.txt", plain_text())
    write(tmp_path / "in" / "seen.txt", plain_text())
    documents = list(read_documents([str(tmp_path / "in")]))
    assert [Path(document.source).name for document in documents] == ["seen.txt"]
