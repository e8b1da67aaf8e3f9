"""Hostile inputs: mutated files of every format end as an article or a rejection, nothing escapes.

The generator is ``bench/hostile.py`` (seeded, so a failure replays with its seed). Here:
1,000 mutated inputs are read and extracted, the stages that meet the raw bytes, and a
smaller set goes through the whole ``ingest`` into a store (annotation models make each
article cost tenths of a second); ``bench/hostile.py`` runs thousands through ``ingest``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsweave.extract import extract_document
from newsweave.model import Article, RawDocument, Rejection
from newsweave.pipeline import read_documents

HOSTILE = Path(__file__).resolve().parents[1] / "bench" / "hostile.py"
READ_INPUTS = 1000
INGEST_INPUTS = 120
SEED = 20251123


@pytest.fixture(scope="module")
def hostile():
    spec = importlib.util.spec_from_file_location("hostile_bench", HOSTILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HUGE_KB = 64  # the huge-line mutation, kept small for the suite
    return module


def test_a_thousand_hostile_inputs_are_read_and_extracted_without_an_exception(hostile, tmp_path):
    made = hostile.write_hostile_inputs(tmp_path / "inputs", READ_INPUTS, SEED)
    assert sum(made.values()) == READ_INPUTS and len(made) == len(hostile.MUTATIONS)
    counts = {"article": 0, "rejected when read": 0, "rejected when extracted": 0}
    files_seen = set()
    for document in read_documents([str(tmp_path / "inputs")]):
        files_seen.add(document.source.split("#")[0])
        if isinstance(document, Rejection):
            assert document.reason and "internal error" not in document.reason, document
            counts["rejected when read"] += 1
            continue
        assert isinstance(document, RawDocument)
        result = extract_document(document)
        assert isinstance(result, (Article, Rejection))
        counts["article" if isinstance(result, Article) else "rejected when extracted"] += 1
    print(f"\n{READ_INPUTS} hostile inputs: {sum(counts.values())} documents, {counts}")
    assert files_seen == {str(path) for path in (tmp_path / "inputs").iterdir()}
    assert counts["article"] > 100 and counts["rejected when read"] > 100


def test_hostile_inputs_ingested_in_one_run_are_all_counted(hostile, tmp_path):
    hostile.write_hostile_inputs(tmp_path / "inputs", INGEST_INPUTS, SEED + 1)
    result = hostile.ingest_hostile_inputs(tmp_path / "inputs", f"sqlite:///{tmp_path / 'hostile.db'}")
    print(f"\nhostile ingest: {result['files']} files, {result['documents']} documents, outcomes {result['outcomes']}")
    assert result["files"] == INGEST_INPUTS
    assert result["counted"] == result["documents"] >= INGEST_INPUTS
    assert result["unaccounted_files"] == []
    assert result["outcomes"].get("rejected", 0) > 0 and result["outcomes"].get("new", 0) > 0


def test_json_lines_with_lone_surrogates_and_nul_escapes_do_not_stop_a_batch(sqlite_store, tmp_path):
    from newsweave.pipeline import ingest

    path = tmp_path / "odd.jsonl"
    body = "The glassworks in Hollin reopened on Tuesday with forty new jobs for the town"
    path.write_text("\n".join([
        '{"text": "\\ud800 ' + body + '", "title": "\\udfff"}',
        '{"text": "\\u0000 ' + body + ' and more"}',
        '{"text": "' + body + ' once more, with other words at the end"}',
    ]) + "\n", encoding="utf-8")
    summary = ingest([str(path)], sqlite_store)
    assert sum(summary.outcomes.values()) == 3
    reasons = {row["source"]: row["reason"] for row in sqlite_store.rejections()}
    assert "NUL" in reasons[f"{path}#line-2"]
    assert f"{path}#line-1" not in reasons
