"""Readers' marks on flags, on SQLite and PostgreSQL: a flag's id survives a re-analysis, a mark
keeps the flag it judged, and bad verdicts or unknown flags are refused."""

from __future__ import annotations

from dataclasses import replace

import pytest
from alembic import command
from alembic.config import Config
from importlib import resources
from sqlalchemy import create_engine, inspect

from newsweave.link import fingerprint
from newsweave.model import Article, Flag, Span
from newsweave.pipeline import analyze_batch, read_documents
from newsweave.store import Store
from newsweave.store.database import database_url
from newsweave.store.feedback import flag_article_id, flag_id
from newsweave.textnorm import content_hash
from spine_inputs import plain_text, write


def _stored_with_flag(store: Store, tmp_path) -> tuple[Article, Flag]:
    [article] = analyze_batch(list(read_documents([str(write(tmp_path / "a.txt", plain_text()))])), with_assess=False)
    flag = Flag("generic_filler", "info", "vague words with nothing specific", [article.span(0, 12)], confidence=0.6)
    article.flags.append(flag)
    assert store.save_article(article, fingerprint(article.text, content_hash(article.text)), None)
    return article, flag


def test_a_flag_id_holds_its_article_and_depends_on_kind_and_evidence_only():
    first = Flag("generic_filler", "info", "one reason", [Span(4, 20, 9, 25, "some vague words")], confidence=0.5)
    assert flag_id("0123456789abcdef", first) == flag_id("0123456789abcdef", replace(first, message="new wording", confidence=0.9))
    assert flag_id("0123456789abcdef", first) != flag_id("0123456789abcdef", replace(first, kind="unsourced_quote"))
    assert flag_id("0123456789abcdef", first) != flag_id("0123456789abcdef", replace(first, evidence=[Span(4, 21, 9, 26, "x")]))
    assert flag_article_id(flag_id("0123456789abcdef", first)) == "0123456789abcdef"
    assert flag_article_id("../../etc/passwd") is None and flag_article_id("0123456789abcdef") is None


def test_marks_are_stored_counted_and_exported_with_the_flag_they_judged(store, tmp_path):
    article, flag = _stored_with_flag(store, tmp_path)
    ident = flag_id(article.id, flag)
    assert store.find_flag(ident) == (store.get_article(article.id), flag)
    wrong = store.add_feedback(ident, "wrong", "  it is a plain fact  ")
    assert wrong is not None and wrong["verdict"] == "wrong" and wrong["comment"] == "it is a plain fact"
    store.add_feedback(ident, "right")
    store.add_feedback(ident, "wrong", "")
    assert store.feedback_counts(article.id) == {ident: {"wrong": 2, "right": 1}}
    rows = list(store.feedback_rows())
    assert [row["verdict"] for row in rows] == ["wrong", "right", "wrong"]
    assert rows[0]["kind"] == "generic_filler" and rows[0]["message"] == flag.message
    assert rows[0]["evidence"] == [span.to_json() for span in flag.evidence]
    assert rows[0]["article_id"] == article.id and rows[2]["comment"] is None
    assert rows[0]["at"].endswith("+00:00")


def test_the_same_finding_keeps_its_id_when_the_article_is_analysed_again(store, tmp_path):
    article, flag = _stored_with_flag(store, tmp_path)
    ident = flag_id(article.id, flag)
    store.add_feedback(ident, "wrong")
    reworded = replace(flag, message="reworded by a newer detector", confidence=0.4)
    store.replace_analysis(replace(article, flags=[reworded]))
    assert store.find_flag(ident) is not None
    assert store.feedback_counts(article.id) == {ident: {"wrong": 1}}
    store.replace_analysis(replace(article, flags=[]))  # the flag is gone; its mark stays, as data
    assert store.find_flag(ident) is None
    assert [row["message"] for row in store.feedback_rows()] == [flag.message]


def test_unknown_flags_and_bad_verdicts_are_refused(store, tmp_path):
    article, flag = _stored_with_flag(store, tmp_path)
    assert store.add_feedback(f"{article.id}-000000000000", "wrong") is None
    assert store.add_feedback("ffffffffffffffff-000000000000", "wrong") is None
    assert store.add_feedback("not a flag id", "wrong") is None
    with pytest.raises(ValueError):
        store.add_feedback(flag_id(article.id, flag), "maybe")
    assert list(store.feedback_rows()) == []


def test_revision_0012_feedback_adds_the_table_and_its_downgrade_drops_it(store_url):
    config = Config()
    config.set_main_option("script_location", str(resources.files("newsweave.store") / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url(store_url))

    def tables() -> set[str]:
        engine = create_engine(database_url(store_url))
        try:
            return set(inspect(engine).get_table_names())
        finally:
            engine.dispose()

    command.upgrade(config, "0012_feedback")
    assert "flag_feedback" in tables()
    command.downgrade(config, "0011")
    assert "flag_feedback" not in tables() and "flags" in tables()
    command.upgrade(config, "0012_feedback")
    store = Store(store_url)  # a store opens what the command line migrated, and writes marks there
    try:
        assert list(store.feedback_rows()) == []
    finally:
        store.engine.dispose()
