"""The store on SQLite and PostgreSQL: what goes in comes out, and ingesting twice changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from newsweave.model import Entity, Flag, Rejection, Timex
from newsweave.pipeline import analyze_batch, ingest, read_documents
from newsweave.store import Store, StoreError, database_url, schema
from spine_inputs import EN_PARAGRAPHS, FR_PARAGRAPHS, FR_TITLE, html_page, jsonl_line, plain_text, write

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsweave" / "samples"


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {
            name: connection.scalar(select(func.count()).select_from(table))
            for name, table in schema.metadata.tables.items()
        }


def test_reingesting_the_sample_corpus_changes_no_row(store):
    first = ingest([str(SAMPLES)], store)
    counts = row_counts(store)
    assert counts["articles"] >= 15 and counts["removed_spans"] > 20 and counts["lsh_bands"] > 0
    second = ingest([str(SAMPLES)], store)
    assert row_counts(store) == counts
    assert second.outcomes["new"] == second.outcomes["near_duplicate"] == second.outcomes["exact_copy"] == 0
    assert second.outcomes["already_stored"] == first.articles
    assert second.outcomes["rejected"] == first.outcomes["rejected"]


def test_a_changed_file_is_read_again(store, tmp_path):
    path = write(tmp_path / "in" / "a.txt", plain_text())
    ingest([str(path)], store)
    write(path, plain_text(FR_PARAGRAPHS, FR_TITLE))
    summary = ingest([str(path)], store)
    assert summary.outcomes["new"] == 1
    assert row_counts(store)["articles"] == 2


def test_article_comes_back_as_it_went_in(store, tmp_path):
    write(tmp_path / "in" / "page.html", html_page())
    write(tmp_path / "in" / "text.txt", plain_text(FR_PARAGRAPHS, FR_TITLE), "cp1252")
    fresh = {article.source: article for article in analyze_batch(list(read_documents([str(tmp_path / "in")])))}
    for article in fresh.values():
        article.entities.append(Entity(**article.span(0, 5).offsets(), label="ORG", entity_id="test:1", canonical="X"))
        article.dates.append(Timex(**article.span(6, 10).offsets(), type="DATE", value="2025-09-09"))
        article.flags.append(Flag("generic_filler", "info", "test flag", [article.span(0, 12)]))
    expected = {name: sum(len(getattr(article, name)) for article in fresh.values()) for name in ("entities", "dates", "flags")}
    from newsweave.link import fingerprint
    from newsweave.textnorm import content_hash

    for article in fresh.values():
        assert store.save_article(article, fingerprint(article.text, content_hash(article.text)), None)
    for stored in store.iter_articles():
        original = fresh[stored.source]
        assert stored.to_json() == original.to_json()
        assert stored.raw == original.raw and stored.offsets.pieces == original.offsets.pieces
    counts = row_counts(store)
    assert (counts["mentions"], counts["dates"], counts["flags"]) == (expected["entities"], expected["dates"], expected["flags"])
    assert counts["article_sources"] == 2


def test_saving_the_same_article_twice_is_refused_quietly(store, tmp_path):
    [article] = analyze_batch(list(read_documents([str(write(tmp_path / "a.txt", plain_text()))])), with_assess=False)
    from newsweave.link import fingerprint
    from newsweave.textnorm import content_hash

    print_ = fingerprint(article.text, content_hash(article.text))
    assert store.save_article(article, print_, None) is True
    assert store.save_article(article, print_, None) is False
    assert row_counts(store)["articles"] == 1


def test_rejections_are_recorded_once_with_their_time(store):
    assert store.save_rejection(Rejection("x.txt", "empty input")) is True
    assert store.save_rejection(Rejection("x.txt", "empty input")) is False
    assert store.save_rejection(Rejection("x.txt", "binary content")) is True
    rows = store.rejections()
    assert [(row["source"], row["reason"]) for row in rows] == [("x.txt", "empty input"), ("x.txt", "binary content")]
    assert all(row["at"][:4].isdigit() for row in rows)


def test_stats_count_what_was_ingested(store, tmp_path):
    write(tmp_path / "in" / "a.txt", plain_text())
    write(tmp_path / "in" / "b.txt", plain_text())
    write(tmp_path / "in" / "c.jsonl", jsonl_line(text=" ".join(EN_PARAGRAPHS)) + "\n{broken\n")
    write(tmp_path / "in" / "d.txt", b"")
    ingest([str(tmp_path / "in")], store)
    stats = store.stats()
    assert stats["articles"] == 2 and stats["exact_copies"] >= 1
    assert stats["rejections"] == 2
    assert stats["languages"] == {"en": 2}


def test_reopening_a_store_keeps_its_rows(store_url, tmp_path):
    first = Store(store_url)
    ingest([str(write(tmp_path / "a.txt", plain_text()))], first)
    first.close()
    again = Store(store_url)
    assert again.stats()["articles"] == 1
    again.close()


def test_unusable_database_urls_raise_a_store_error(tmp_path):
    blocker = write(tmp_path / "file", "not a folder")
    for url in (f"sqlite:///{blocker}/sub/news.db", "postgresql://nobody@127.0.0.1:1/none", "nosuchdb://x"):
        with pytest.raises(StoreError):
            Store(url)


def test_a_file_that_is_not_a_database_raises_a_store_error(tmp_path):
    path = write(tmp_path / "news.db", b"this is not a SQLite file at all, just text " * 100)
    with pytest.raises(StoreError):
        Store(str(path))


def test_database_url_accepts_paths_and_urls():
    assert database_url(None) == "sqlite:///newsweave.db"
    assert database_url("news.db") == "sqlite:///news.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"


def test_fetch_day_and_inferred_interval_come_back_from_the_store(store, tmp_path):
    from newsweave.link import fingerprint
    from newsweave.model import PublishedInterval
    from newsweave.textnorm import content_hash

    path = write(tmp_path / "a.jsonl", jsonl_line(text="\n\n".join(EN_PARAGRAPHS), fetched="2025-09-10") + "\n")
    [article] = analyze_batch(list(read_documents([str(path)])), with_assess=False)
    article.published, article.published_basis = "2025-09-09", "inferred"
    article.published_interval = PublishedInterval("2025-09-08", "2025-09-10", "fetch date + weekday")
    assert store.save_article(article, fingerprint(article.text, content_hash(article.text)), None)
    [stored] = list(store.iter_articles())
    assert stored.fetched == "2025-09-10" and stored.published_interval == article.published_interval
    assert stored.to_json() == article.to_json()
