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


def test_fresh_texts_join_hipe_tokens_and_cut_europeana(tmp_path: Path) -> None:
    module = bench_module("quotes_real")
    (tmp_path / "stories").mkdir()
    (tmp_path / "ner").mkdir()
    (tmp_path / "stories" / "ecbplus.jsonl").write_text(json.dumps({"doc_id": "1_1ecb", "text": "Ada Quill said so."}) + "\n",
                                                       encoding="utf-8")
    rows = ["TOKEN\tNE\tMISC", "# document_id = GAZ-1900-a", "Le\tO\t_", "maire\tO\tNoSpaceAfter", ",\tO\t_",
            "dit-on\tO\tNoSpaceAfter", ".\tO\tEndOfLine"]
    (tmp_path / "ner" / "fr-hipe2020-dev-v1.4.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    tokens = ["Le", "port", "ferme", "(", "hier", ")", "."] * 36 + ["Fin", "."]
    (tmp_path / "ner" / "fr-europeana.bio").write_text("\n".join(f"{t} O" for t in tokens) + "\n", encoding="utf-8")
    items = module.fresh_texts(tmp_path)
    assert items[0] == ("ecbplus/1_1ecb", "en", "Ada Quill said so.")
    assert items[1] == ("hipe/GAZ-1900-a", "fr", "Le maire, dit-on.")
    europeana = [text for key, _, text in items if key.startswith("europeana/")]
    assert len(europeana) == 2 and europeana[0].startswith("Le port ferme (hier).") and europeana[1] == "Fin."
    assert {module.fresh_half_of(key) for key, _, _ in items} <= {"tune", "check"}
