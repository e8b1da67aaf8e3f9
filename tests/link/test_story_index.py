"""The story index across processes: snapshots, syncing by change number, concurrent writers.

Vectors here are generated (clustered unit vectors), not embedded: these tests are about the
index and the store, and the real model is exercised by ``test_stories.py``. Stories are
written through the real store (SQLite and PostgreSQL via the ``store_url`` fixture); the
articles they file are minimal rows, since ``story_articles`` points at ``articles``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, insert, select

import newsweave.link.stories as linking
from newsweave.link.settings import SETTINGS as LINK_SETTINGS
from newsweave.link.stories import (
    CANDIDATES, EMBEDDING_DIM, SNAPSHOT_MAGIC, ArticleSignals, StoryConflict, StoryLinker, StoryState,
    add_to_story, linker_for, score_story, story_key, write_snapshot,
)
from newsweave.store import Store, schema
from newsweave.store.database import database_url
from story_changes_inputs import stub_articles, unit

SRC = Path(__file__).resolve().parents[2] / "src"


def clustered(count: int, seed: int = 0, clusters: int = 10) -> np.ndarray:
    """Unit vectors around a few centres: news embeddings are clustered, not uniform. Two of one
    cluster have a cosine of about 0.3, well under the join threshold (centred embeddings)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(clusters, EMBEDDING_DIM))
    return np.vstack([unit(centres[n % clusters] + 1.5 * rng.normal(size=EMBEDDING_DIM)) for n in range(count)])


def signals(vector: np.ndarray) -> ArticleSignals:
    return ArticleSignals(vector, {}, [], None, "en")


def fill(store: Store, vectors: np.ndarray, prefix: str = "a") -> StoryLinker:
    """One new story per vector (their cosines are far below the join threshold)."""
    ids = [f"{prefix}{n}" for n in range(len(vectors))]
    stub_articles(store, ids)
    linker = StoryLinker(store)
    for article_id, vector in zip(ids, vectors, strict=True):
        assert linker.assign_signals(article_id, signals(vector)).new
    return linker


@pytest.fixture
def snapshot_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "snapshots"
    monkeypatch.setenv("NEWSWEAVE_STORY_INDEX_DIR", str(folder))
    return folder


def test_snapshot_reload_gives_the_same_candidates_as_a_rebuild(sqlite_store, snapshot_dir, monkeypatch):
    first = fill(sqlite_store, clustered(100))
    path = first.save_snapshot()
    assert path is not None and path.read_bytes().startswith(SNAPSHOT_MAGIC)
    fill(sqlite_store, clustered(20, seed=1), prefix="later")  # after the snapshot: synced on load
    queries = clustered(25, seed=2)

    loaded = StoryLinker(sqlite_store)
    monkeypatch.setenv("NEWSWEAVE_STORY_INDEX_DIR", "off")
    rebuilt = StoryLinker(sqlite_store)
    assert loaded.loaded_from_snapshot and not rebuilt.loaded_from_snapshot
    assert len(loaded.index) == len(rebuilt.index) == 120
    assert loaded.seen == rebuilt.seen == sqlite_store.latest_story_seq()
    # Same contents (keys and centroids), so the same exact neighbours. The approximate search
    # walks two differently built graphs (one story at a time, and a rebuild, which goes parallel
    # after SEQUENTIAL_START): fewer stories than INDEX_EXPANSION_SEARCH keep it all but exact, and
    # only its head is compared.
    keys = np.sort(np.fromiter(loaded.index.keys, dtype=np.uint64))
    assert np.array_equal(keys, np.sort(np.fromiter(rebuilt.index.keys, dtype=np.uint64)))
    np.testing.assert_allclose(loaded.index.get(keys), rebuilt.index.get(keys), atol=1e-6)
    for query in queries:
        exact = [loaded.index.search(query, 20, exact=True).keys, rebuilt.index.search(query, 20, exact=True).keys]
        assert np.array_equal(*exact)
        assert loaded.candidates(query)[:5] == rebuilt.candidates(query)[:5]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped byte", "other database", "other dimension",
                                    "newer than the database"])
def test_an_unusable_snapshot_falls_back_to_a_rebuild(sqlite_store, snapshot_dir, caplog, damage):
    vectors = clustered(60)
    first = fill(sqlite_store, vectors)
    path = first.save_snapshot()
    data = path.read_bytes()
    start = len(SNAPSHOT_MAGIC) + 4
    size = int.from_bytes(data[len(SNAPSHOT_MAGIC):start], "big")
    header = json.loads(data[start:start + size])
    if damage == "garbage":
        path.write_bytes(b"\x00not an index" * 50)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped byte":
        path.write_bytes(data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:])
    elif damage in ("other database", "other dimension"):
        changed = {"instance": "0" * 32} if damage == "other database" else {"ndim": EMBEDDING_DIM * 2}
        body = json.dumps({**header, **changed}).encode()
        path.write_bytes(SNAPSHOT_MAGIC + len(body).to_bytes(4, "big") + body + data[start + size:])
    else:
        write_snapshot(path, first.index.save(), header["seq"] + 1000, header["count"], header["instance"])

    caplog.set_level("INFO", logger="newsweave.link.stories")
    linker = StoryLinker(sqlite_store)
    assert not linker.loaded_from_snapshot
    assert any("not used" in record.message and "rebuilding" in record.message for record in caplog.records)
    assert len(linker.index) == 60 and linker.seen == sqlite_store.latest_story_seq()
    assert linker.candidates(vectors[7])[0] == first.candidates(vectors[7])[0]


def test_a_missing_snapshot_folder_is_made_and_a_rebuild_logged(sqlite_store, snapshot_dir, caplog):
    caplog.set_level("INFO", logger="newsweave.link.stories")
    linker = fill(sqlite_store, clustered(5))
    assert any("no snapshot" in record.message for record in caplog.records)
    assert linker.save_snapshot() == snapshot_dir / f"{sqlite_store.story_index_file()[1]}.stories.usearch"


def test_the_default_snapshot_lies_next_to_the_sqlite_file(sqlite_store, monkeypatch):
    monkeypatch.delenv("NEWSWEAVE_STORY_INDEX_DIR", raising=False)
    path, _ = sqlite_store.story_index_file()
    assert path.name == "test.db.stories.usearch" and path.parent == Path(sqlite_store.engine.url.database).parent
    stub_articles(sqlite_store, ["x"])
    linker_for(sqlite_store).assign_signals("x", signals(clustered(1)[0]))  # as the pipeline does
    assert not path.exists()
    sqlite_store.close()  # the end of an ingest writes it
    assert path.is_file() and StoryLinker(Store(str(path.with_name("test.db")))).loaded_from_snapshot


def test_best_story_reads_fewer_stories_but_chooses_as_scoring_all_would(sqlite_store, snapshot_dir):
    rng = np.random.default_rng(4)
    vectors = clustered(120, seed=4, clusters=4)
    people = [f"person:{n}" for n in range(60)]  # few shared by chance: a new-like probe rarely joins on entities
    ids = [f"s{n}" for n in range(len(vectors))]
    stub_articles(sqlite_store, ids)
    linker = StoryLinker(sqlite_store)
    for article_id, vector in zip(ids, vectors, strict=True):
        entities = {key: key for key in rng.choice(people, size=3, replace=False)}
        linker.assign_signals(article_id, ArticleSignals(vector, entities, [], None, "en"))
    read = []
    stories_by_id = sqlite_store.stories_by_id
    sqlite_store.stories_by_id = lambda story_ids, **kw: read.append(len(story_ids)) or stories_by_id(story_ids, **kw)
    joined, others = 0, clustered(150, seed=4, clusters=4)[120:]  # same clusters, new vectors
    for number in range(60):  # half near a stored story (most join), half like a new one (most do not)
        base = vectors[rng.integers(len(vectors))] if number % 2 else others[number // 2]
        probe = ArticleSignals(unit(base + rng.uniform(0.0, 1.0) * rng.normal(size=EMBEDDING_DIM) / 20),
                               {key: key for key in rng.choice(people, size=3, replace=False)}, [], None, "en")
        chosen = linker.best_story(probe)
        every = [(story, score_story(probe, story, linker.frequencies)) for story in stories_by_id(linker.candidates(probe.embedding))]
        passing = [(story, score) for story, score in every if score is not None and score >= LINK_SETTINGS.story_join_threshold]
        expected = max(passing, key=lambda pair: pair[1]) if passing else None
        assert (chosen and chosen[0].id) == (expected and expected[0].id)
        joined += chosen is not None
    assert 10 < joined < 60 and sum(read) < 60 * 20


def stored_centroids(store: Store) -> dict[str, np.ndarray]:
    """Every story's unit centroid as the database has it now."""
    return {story_id: unit(np.frombuffer(centroid, dtype=np.float32)) for story_id, centroid, _ in store.stories_since(0)}


def test_changed_stories_are_scored_exactly_until_reindexed_together(sqlite_store, snapshot_dir, monkeypatch):
    # A join moves a story's centroid; the index keeps the old one until PENDING_LIMIT changed
    # stories are re-indexed in one go. Meanwhile candidates must be what the stored centroids
    # give (fewer stories than INDEX_EXPANSION_SEARCH: the index search is all but exact).
    monkeypatch.setattr(linking, "PENDING_LIMIT", 8)
    vectors = clustered(60, seed=9)
    linker = fill(sqlite_store, vectors)
    rng = np.random.default_rng(9)
    joins = [f"join{n}" for n in range(30)]
    stub_articles(sqlite_store, joins)
    emptied = 0
    for number, article_id in enumerate(joins):
        near = vectors[rng.integers(len(vectors))]
        assert not linker.assign_signals(article_id, signals(unit(near + 0.01 * rng.normal(size=EMBEDDING_DIM)))).new
        emptied += len(linker._pending) == 0
        centroids = stored_centroids(sqlite_store)
        ids = list(centroids)
        for query in [near, *clustered(3, seed=100 + number)]:
            cosines = np.array([centroids[story_id] @ query for story_id in ids])
            exact = {ids[n] for n in np.argsort(-cosines)[:CANDIDATES]}
            found = linker._nearest(query)
            assert {story_id for story_id, _ in found} == exact
            for story_id, cosine in found:
                assert cosine == pytest.approx(float(centroids[story_id] @ query), abs=1e-5)
    assert emptied >= 2 and len(linker._pending) > 0  # re-indexed in batches, some held at the end
    indexed_before = {story_id for story_id, _, _ in sqlite_store.stories_since(0)}
    assert len(linker.index) == len(indexed_before) == 60

    linker.save_snapshot()  # with stories pending: the file must hold their latest centroids
    assert len(linker._pending) == 0
    loaded = StoryLinker(sqlite_store)
    assert loaded.loaded_from_snapshot
    for story_id, centroid in stored_centroids(sqlite_store).items():
        np.testing.assert_allclose(loaded.index.get(story_key(story_id)), centroid, atol=1e-6)
        np.testing.assert_allclose(linker.index.get(story_key(story_id)), centroid, atol=1e-6)


def test_another_process_changes_reach_the_index_through_sync(sqlite_store, snapshot_dir):
    vectors = clustered(30, seed=11)
    writer = fill(sqlite_store, vectors)
    reader = StoryLinker(Store(str(sqlite_store.engine.url.database)))
    stub_articles(sqlite_store, ["moved"])
    story_id = writer.assign_signals("moved", signals(unit(vectors[3] + 0.01 * clustered(1, seed=12)[0]))).story_id
    assert reader.sync() == 1 and len(reader._pending) == 1  # a changed story: held, not re-indexed
    centroid = stored_centroids(sqlite_store)[story_id]
    found = dict(reader._nearest(centroid))
    assert found[story_id] == pytest.approx(1.0, abs=1e-5)
    reader.memory.close()


def test_snapshot_places(store, tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSWEAVE_STORY_INDEX_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path, instance = store.story_index_file()
    if store.dialect == "postgresql":  # no file of its own: a cache folder, one file per database instance
        assert path == tmp_path / "cache" / "newsweave" / f"{instance}.stories.usearch"
    else:
        assert path == Path(store.engine.url.database).resolve().with_name("test.db.stories.usearch")
    monkeypatch.setenv("NEWSWEAVE_STORY_INDEX_DIR", "off")
    assert store.story_index_file() is None and StoryLinker(store).save_snapshot() is None


def test_a_second_store_sees_a_story_created_by_the_first(store_url, snapshot_dir):
    one, two = Store(store_url), Store(store_url)
    try:
        stub_articles(one, ["first", "second"])
        linker_one, linker_two = StoryLinker(one), StoryLinker(two)  # both start empty
        vector = clustered(1)[0]
        created = linker_one.assign_signals("first", signals(vector))
        joined = linker_two.assign_signals("second", signals(vector))
        assert created.new and not joined.new and joined.story_id == created.story_id
        assert two.stories_by_id([created.story_id])[0].size == 2
    finally:
        one.close()
        two.close()


def test_a_stale_write_is_refused_by_the_store(store):
    stub_articles(store, ["a", "b", "c"])
    story = StoryState("00000000000000ab", np.zeros(EMBEDDING_DIM, np.float32))
    add_to_story(story, signals(clustered(1)[0]))
    assert store.save_story(story, "a") == 1
    seen_by_one, seen_by_two = store.stories_by_id([story.id]), store.stories_by_id([story.id])
    add_to_story(seen_by_one[0], signals(clustered(1)[0]))
    add_to_story(seen_by_two[0], signals(clustered(1)[0]))
    assert store.save_story(seen_by_one[0], "b") == 2
    with pytest.raises(StoryConflict):
        store.save_story(seen_by_two[0], "c")
    assert store.save_story(seen_by_one[0], "b") is None  # already filed: nothing counted twice
    assert store.stories_by_id([story.id])[0].size == 2


def test_a_linker_folds_its_article_again_after_losing_a_race(store_url, snapshot_dir):
    one, two = Store(store_url), Store(store_url)
    try:
        stub_articles(one, ["seed", "x", "y"])
        vectors = [unit(clustered(1, seed=8)[0] + 0.003 * n) for n in range(3)]  # cosines ~0.99: one story
        linker_one = StoryLinker(one)
        story_id = linker_one.assign_signals("seed", signals(vectors[0])).story_id
        linker_two = StoryLinker(two)
        write = two.save_story
        raced = []

        def another_writer_gets_in_first(story, article_id):
            if not raced:  # between linker two's read of the story and its write
                raced.append(linker_one.assign_signals("x", signals(vectors[1])))
            return write(story, article_id)

        two.save_story = another_writer_gets_in_first
        assignment = linker_two.assign_signals("y", signals(vectors[2]))
        assert raced and raced[0].story_id == assignment.story_id == story_id
        story = one.stories_by_id([story_id])[0]
        assert story.size == 3 and story.version == 3
        np.testing.assert_allclose(story.centroid_sum, np.sum(vectors, axis=0), atol=1e-5)
    finally:
        one.close()
        two.close()


WRITER = textwrap.dedent("""
    import sys
    import numpy as np
    from newsweave.link.stories import ArticleSignals, StoryLinker
    url, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    vectors = np.load(sys.argv[4])
    from newsweave.store import Store
    store = Store(url)
    linker = StoryLinker(store)
    for number in range(count):
        linker.assign_signals(f"{prefix}{number}", ArticleSignals(vectors[number], {}, [], None, "en"))
    store.close()
""")


def test_two_writer_processes_adding_to_one_story_keep_both_contributions(store_url, tmp_path, snapshot_dir):
    per_writer = 12
    store = Store(store_url)
    try:
        base = clustered(1, seed=5)[0]
        rng = np.random.default_rng(6)
        # Close enough to the story to join it (cosine ~0.99), different enough to check the sum.
        near = np.vstack([unit(base + 0.01 * rng.normal(size=EMBEDDING_DIM)) for _ in range(2 * per_writer)])
        stub_articles(store, ["seed"] + [f"{w}{n}" for w in "pq" for n in range(per_writer)])
        story_id = StoryLinker(store).assign_signals("seed", signals(base)).story_id
        files = []
        for number, prefix in enumerate("pq"):
            files.append(tmp_path / f"{prefix}.npy")
            np.save(files[-1], near[number * per_writer:(number + 1) * per_writer])
        environment = {"PYTHONPATH": str(SRC), "NEWSWEAVE_STORY_INDEX_DIR": str(snapshot_dir), "PATH": "/usr/bin:/bin"}
        writers = [
            subprocess.Popen([sys.executable, "-c", WRITER, store_url, prefix, str(per_writer), str(path)],
                             env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for prefix, path in zip("pq", files, strict=True)
        ]
        for writer in writers:
            output, _ = writer.communicate(timeout=300)
            assert writer.returncode == 0, output
        story = store.stories_by_id([story_id])[0]
        assert story.size == 1 + 2 * per_writer
        assert len(store.story_members(story_id)) == 1 + 2 * per_writer
        np.testing.assert_allclose(story.centroid_sum, base + near.sum(axis=0), rtol=1e-4, atol=1e-4)
        assert story.version == 1 + 2 * per_writer
    finally:
        store.close()


def test_migration_0005_upgrades_a_database_made_at_0004(store_url):
    engine = create_engine(database_url(store_url))
    config = Config()
    config.set_main_option("script_location", str(SRC / "newsweave" / "store" / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    vectors = clustered(2, seed=3)
    with engine.begin() as connection:
        for number, vector in enumerate(vectors):
            connection.execute(_v4_story(number, vector))
    engine.dispose()

    store = Store(store_url)  # migrates to head
    try:
        with store.engine.connect() as connection:
            rows = connection.execute(select(schema.stories.c.id, schema.stories.c.seq, schema.stories.c.version)).all()
            instance = connection.scalar(select(schema.store_info.c.value).where(schema.store_info.c.key == "instance"))
        assert sorted(row.seq for row in rows) == [1, 2] and {row.version for row in rows} == {1}
        assert instance and len(instance) == 32
        stub_articles(store, ["later"])
        linker = StoryLinker(store)
        assert len(linker.index) == 2
        assignment = linker.assign_signals("later", signals(vectors[1]))
        assert assignment.story_id == f"{2:016x}" and not assignment.new
        assert store.stories_by_id([assignment.story_id])[0].size == 2 and store.latest_story_seq() == 3
    finally:
        store.close()


def _v4_story(number: int, vector: np.ndarray):
    """A ``stories`` row as revision 0004 knew it (no seq, no version)."""
    from sqlalchemy import JSON, Integer, LargeBinary, String, column, table

    stories = table("stories", column("id", String), column("label", String), column("languages", JSON),
                    column("centroid", LargeBinary), column("size", Integer), column("entity_counts", JSON),
                    column("keyword_counts", JSON))
    return insert(stories).values(id=f"{number + 1:016x}", label="old", languages=["en"], centroid=vector.tobytes(),
                                  size=1, entity_counts={}, keyword_counts={})


def test_each_store_object_owns_its_linker_and_forgetting_it_rebuilds(sqlite_store, snapshot_dir):
    stub_articles(sqlite_store, ["x"])
    linker = linker_for(sqlite_store)
    linker.assign_signals("x", signals(clustered(1)[0]))
    assert sqlite_store.story_linker is linker and linker_for(sqlite_store) is linker
    other = Store(str(sqlite_store.engine.url.database))  # a second handle on the same database
    assert other.story_linker is None and linker_for(other) is not linker
    linking.forget_linker(sqlite_store)
    assert sqlite_store.story_linker is None
    rebuilt = linker_for(sqlite_store)
    assert rebuilt is not linker and rebuilt.seen == linker.seen  # rebuilt from the database, the story kept
