"""bench/quotes_real.py: the diff of two quote dumps prints the texts whose quotes changed, and only those."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench_modules import bench_module


def _dump(path: Path, quotes: dict[str, list[list[object]]]) -> Path:
    texts = {"a": "Ada Quill said: “The ferry stays.”", "b": "The port opened on Monday."}
    path.write_text(json.dumps({"quotes": quotes, "texts": texts, "languages": {"a": "en", "b": "en"}}), encoding="utf-8")
    return path


def test_diff_prints_the_changed_quotes_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    module = bench_module("quotes_real")
    before = _dump(tmp_path / "before.json", {"a": [[16, 32, True, False, None, None]], "b": []})
    after = _dump(tmp_path / "after.json", {"a": [[16, 32, True, False, "Ada Quill", None]], "b": []})
    module.diff(before, after)
    out = capsys.readouterr().out
    assert "===== a (en)" in out and "===== b" not in out
    assert "after=[True, False, 'Ada Quill', None]" in out
    assert out.rstrip().endswith("1 of 2 texts changed")
