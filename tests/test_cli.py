"""The command line as the contract describes it: run, ingest, analyze, export, stats, and bad options."""

from __future__ import annotations

import csv
import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from spine_inputs import EN_PARAGRAPHS, FR_PARAGRAPHS, FR_TITLE, html_page, jsonl_line, plain_text, write

runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, [str(arg) for arg in args])
    assert "Traceback" not in result.output
    return result


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory) -> tuple[Path, Path]:
    """A store made by `newsweave run` on the sample corpus (no input given), and its report folder."""
    folder = tmp_path_factory.mktemp("cli")
    db, report = folder / "news.db", folder / "report"
    result = invoke("run", "--db", db, "--out", report)
    assert result.exit_code == 0, result.output
    assert "sample corpus" in result.stderr
    # The analysis has its own bar, counted per document to its end: reading alone ends in
    # seconds, then a run used to show nothing while it analysed.
    assert re.search(r"analyse\s.*?\b(\d+)/\1\b", result.stderr), result.stderr
    assert f"Report written to {(report / 'index.html').resolve()}" in result.stdout
    return db, report


def test_run_without_input_processes_the_sample_corpus_and_writes_the_report(filled_db):
    db, report = filled_db
    index = (report / "index.html").read_text(encoding="utf-8")
    assert "Port Alder" in index and "Val-Sorel" in index
    stats = json.loads(invoke("stats", "--db", db, "--json").stdout)
    assert stats["articles"] >= 15
    assert stats["languages"].keys() >= {"en", "fr"}
    assert stats["exact_copies"] >= 1 and stats["near_duplicates"] >= 2
    assert stats["rejections"] >= 1


def test_run_on_the_seeds(shared_dir, tmp_path):
    result = invoke("run", shared_dir / "seeds", "--db", tmp_path / "seeds.db", "--out", tmp_path / "report")
    assert result.exit_code == 0, result.output
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    # No listing names an article by its file name (plain texts without a headline are named
    # by their first words).
    assert not re.search(r"\.txt</a>", index)
    assert json.loads(invoke("stats", "--db", tmp_path / "seeds.db", "--json").stdout)["articles"] == 2


def test_ingest_reports_articles_and_rejections_and_exits_zero(tmp_path):
    write(tmp_path / "in" / "a.txt", plain_text())
    write(tmp_path / "in" / "empty.txt", b"")
    result = invoke("ingest", tmp_path / "in", tmp_path / "missing.txt", "--db", tmp_path / "n.db")
    assert result.exit_code == 0, result.output
    assert "Ingest summary" in result.stderr
    stats = json.loads(invoke("stats", "--db", tmp_path / "n.db", "--json").stdout)
    assert (stats["articles"], stats["rejections"]) == (1, 2)
    again = invoke("ingest", tmp_path / "in", "--db", tmp_path / "n.db")
    assert again.exit_code == 0
    assert json.loads(invoke("stats", "--db", tmp_path / "n.db", "--json").stdout)["articles"] == 1


def test_analyze_json_prints_one_object_per_file_in_the_order_given(tmp_path):
    files = [
        write(tmp_path / "b-fr.txt", plain_text(FR_PARAGRAPHS, FR_TITLE), "cp1252"),
        write(tmp_path / "empty.txt", b""),
        write(tmp_path / "a-en.html", html_page()),
    ]
    result = invoke("analyze", *files, "--json")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    first, second, third = (json.loads(line) for line in lines)
    assert [first["source"], second["source"], third["source"]] == [str(path) for path in files]
    assert first["language"] == "fr" and third["language"] == "en"
    assert second["rejected"] is True and "empty" in second["reason"]
    for key in ("id", "url", "title", "published", "published_basis", "text", "removed", "duplicate_of",
                "entities", "dates", "quotes", "events", "flags"):
        assert key in first
    for piece in first["removed"]:
        raw = files[0].read_bytes().decode("cp1252")
        assert raw[piece["source_start"] : piece["source_end"]] == piece["text"]


def test_analyze_takes_language_date_and_url_from_the_user(tmp_path):
    path = write(tmp_path / "a.txt", "\n\n".join(EN_PARAGRAPHS))
    result = invoke("analyze", path, "--json", "--language", "fr", "--published", "2024-02-28", "--url", "https://x.example/a")
    article = json.loads(result.stdout)
    assert (article["language"], article["published"], article["published_basis"], article["url"]) == (
        "fr", "2024-02-28", "given", "https://x.example/a")


def test_analyze_jsonl_gives_one_object_per_line(tmp_path):
    path = write(tmp_path / "a.jsonl", "\n".join([jsonl_line(text=" ".join(EN_PARAGRAPHS)), "{oops",
                                                  jsonl_line(html=html_page(FR_PARAGRAPHS, FR_TITLE, "fr"))]) + "\n")
    results = [json.loads(line) for line in invoke("analyze", path, "--json").stdout.splitlines()]
    assert [result["source"] for result in results] == [f"{path}#line-{number}" for number in (1, 2, 3)]
    assert results[1]["rejected"]


def test_analyze_without_json_prints_a_readable_summary(tmp_path):
    result = invoke("analyze", write(tmp_path / "a.txt", plain_text()))
    assert result.exit_code == 0
    assert "language en" in result.stdout and "read_also" in result.stdout


@pytest.mark.parametrize("what", ["articles", "rejections", "entities", "quotes", "events", "stories", "flags", "feedback"])
def test_export_jsonl_csv_and_parquet_hold_the_same_rows(filled_db, tmp_path, what):
    import pyarrow.parquet as pq

    db, _ = filled_db
    jsonl = invoke("export", "--db", db, "--what", what, "--format", "jsonl")
    assert jsonl.exit_code == 0, jsonl.output
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    out_csv, out_parquet = tmp_path / f"{what}.csv", tmp_path / f"{what}.parquet"
    assert invoke("export", "--db", db, "--what", what, "--format", "csv", "--out", out_csv).exit_code == 0
    assert invoke("export", "--db", db, "--what", what, "--format", "parquet", "--out", out_parquet).exit_code == 0
    with out_csv.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(rows)
    if rows:
        assert pq.read_table(out_parquet).num_rows == len(rows)
    if what == "articles":
        assert len(rows) >= 15
        assert {row["id"] for row in rows} == {row["id"] for row in pq.read_table(out_parquet).to_pylist()}
    if what == "rejections":
        assert rows and all(set(row) >= {"source", "reason", "at"} for row in rows)
    if what == "flags":
        assert rows and all(row["id"].startswith(row["article_id"] + "-") and row["message"] for row in rows)


def test_export_feedback_gives_readers_marks_with_the_flag_they_judged(filled_db):
    from newsweave.store import Store

    db, _ = filled_db
    flags = [json.loads(line) for line in invoke("export", "--db", db, "--what", "flags").stdout.splitlines()]
    store = Store(str(db), create=False)
    try:
        assert store.add_feedback(flags[0]["id"], "wrong", "a dateline, not furniture") is not None
    finally:
        store.engine.dispose()
    [mark] = [json.loads(line) for line in invoke("export", "--db", db, "--what", "feedback").stdout.splitlines()]
    assert (mark["flag_id"], mark["kind"], mark["message"], mark["evidence"]) == (
        flags[0]["id"], flags[0]["kind"], flags[0]["message"], flags[0]["evidence"])
    assert (mark["verdict"], mark["comment"]) == ("wrong", "a dateline, not furniture")


def test_stats_prints_a_table_without_json(filled_db):
    result = invoke("stats", "--db", filled_db[0])
    assert result.exit_code == 0 and "articles" in result.stdout
    assert "settings in force" in result.stdout and "min_article_words=5" in result.stdout


def test_stats_json_shows_the_settings_in_force(filled_db):
    from newsweave.extract.settings import SETTINGS

    result = invoke("stats", "--db", filled_db[0], "--json")
    settings = json.loads(result.stdout)["analysis"]["settings"]
    assert settings["extract"]["min_article_words"] == SETTINGS.min_article_words
    assert settings["ingest"]["min_printable_share"] == 0.95


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsweave.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


BAD_CALLS = {
    "unknown option": (["analyze", "x.txt", "--frobnicate"], 2, "No such option"),
    "bad date": (["analyze", "x.txt", "--published", "2024-13-45"], 2, "--published"),
    "bad language": (["analyze", "x.txt", "--language", "french"], 2, "--language"),
    "bad export kind": (["export", "--what", "nothing"], 2, "--what"),
    "parquet to stdout": (["export", "--what", "articles", "--format", "parquet"], 2, "--out"),
    "missing input": (["ingest"], 2, "Missing argument"),
    "unusable database": (["ingest", "x.txt", "--db", "/proc/no/such/folder/news.db"], 1, "cannot open database"),
    "database that is not one": (["stats", "--db", "not-a-db.txt"], 1, "cannot open database"),
    "stats of a missing store": (["stats", "--db", "/nonexistent/dir/x.db"], 1, "no store at"),
    "report of a missing store": (["report", "--db", "typo.db", "--out", "r"], 1, "no store at"),
    "export of a missing store": (["export", "--what", "articles", "--db", "typo.db"], 1, "no store at"),
    "restory of a missing store": (["restory", "--db", "typo.db"], 1, "no store at"),
    "reanalyze of a missing store": (["reanalyze", "--db", "typo.db"], 1, "no store at"),
}


def test_bad_calls_exit_non_zero_with_one_line_and_no_traceback(tmp_path):
    write(tmp_path / "not-a-db.txt", "plain words, not a database " * 200)
    for name, (args, code, words) in BAD_CALLS.items():
        done = _cli(*args, cwd=tmp_path)
        assert done.returncode == code, f"{name}: {done.returncode} {done.stderr}"
        assert "Traceback" not in done.stderr + done.stdout, name
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("newsweave: error:"), f"{name}: {done.stderr}"
        assert words in lines[0], f"{name}: {lines[0]}"
    assert not (tmp_path / "typo.db").exists(), "a command that only reads created a store"


COMMANDS = ("run", "ingest", "analyze", "export", "report", "stats", "serve", "watch", "restory", "reanalyze")


def test_help_texts_read_cleanly(tmp_path):
    for command in COMMANDS:
        done = _cli(command, "--help", cwd=tmp_path)
        assert done.returncode == 0, command
        text = done.stdout
        assert "<bool>" not in text and not re.search(r" \.(\s|$)", text), f"{command}: {text}"
        # No Python type beside a name ("<bool>", "INPUT <list[str]>"): a user types the metavar.
        assert not re.search(r"<[a-z]+(\[[a-z, ]+\])?>", text), f"{command}: {text}"
        assert "Example: newsweave " + command in text, f"{command} --help shows no example"
    export_help = _cli("export", "--help", cwd=tmp_path).stdout
    assert "articles|entities|quotes|events|stories|rejections" in export_help  # choices never folded mid-word
    assert "[default: jsonl]" in export_help


def test_serve_says_where_it_listens(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "newsweave.cli", "serve", "--db", str(tmp_path / "news.db"), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
    )
    try:
        first_line = server.stderr.readline() if server.stderr else ""
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert f"http://127.0.0.1:{port}/" in first_line


def test_serve_with_two_workers_answers_from_the_named_store(tmp_path):
    """``--workers 2`` starts worker processes from an import string: each must open the store
    given on the command line, not a default one."""
    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store_path = tmp_path / "served.db"
    server = subprocess.Popen(
        [sys.executable, "-m", "newsweave.cli", "serve", "--db", str(store_path), "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path,
    )
    try:
        health = None
        for _ in range(600):
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5)
                if health.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        stories = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=30)
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert health is not None and health.status_code == 200
    assert stories.status_code == 200 and stories.json()["items"] == []
    assert store_path.exists() and not (tmp_path / "newsweave.db").exists()
