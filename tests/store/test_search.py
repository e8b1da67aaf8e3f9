"""Faceted search on a real store (SQLite and PostgreSQL): keyset pages that cover every match
once while articles arrive, facet counts over a bounded sample that say so, and counts kept
only while the store is unchanged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsweave.store import Store, schema
from newsweave.store import search as search_module
from newsweave.store.fulltext import index_texts
from newsweave.store.search import Cursor, SearchFilter, search

# Two articles share a day (the id decides), two are undated (last, by id).
PUBLISHED = ["2024-03-05", "2024-03-04", "2024-03-04", None, "2024-02-28", None, "2024-03-01"]


def _add(store: Store, number: int, published: str | None, language: str = "en") -> str:
    article_id = f"a{number:03d}"
    title = f"Harbour tide {number}"
    with store.engine.begin() as connection:
        connection.execute(schema.articles.insert(), [{
            "id": article_id, "source": f"{article_id}.txt", "kind": "text", "url": f"https://outlet{number % 2}.example/x",
            "title": title, "language": language, "published": published, "published_basis": "given" if published else "none",
            "raw_sha256": article_id, "content_hash": article_id, "raw_text": title, "text": title, "offsets": [], "links": [],
            "copies": 1, "signature": b"", "annotations": {}, "ingested_at": datetime.now(UTC) + timedelta(seconds=number),
        }])
        if store.dialect == "sqlite":  # PostgreSQL's document is a generated column
            index_texts(connection, [{"id": article_id, "title": title, "text": title}])
    return article_id


@pytest.fixture
def filled(store: Store) -> Store:
    for number, published in enumerate(PUBLISHED):
        _add(store, number, published, ("en", "fr")[number % 2])
    return store


def _walk(store: Store, wanted: SearchFilter, limit: int) -> list[str]:
    seen: list[str] = []
    after = None
    while True:
        page = search(store, wanted, limit=limit, facets=False, after=after)
        seen += [item["id"] for item in page["items"]]
        if page["next"] is None:
            return seen
        after = Cursor.decode(page["next"])


def test_cursor_pages_follow_the_page_order_and_cover_every_match_once(filled: Store) -> None:
    by_offset = [item["id"] for item in search(filled, SearchFilter(), limit=50, facets=False)["items"]]
    assert by_offset == ["a000", "a001", "a002", "a006", "a004", "a003", "a005"]  # undated last, ties by id
    for limit in (1, 2, 3, 7):
        assert _walk(filled, SearchFilter(), limit) == by_offset
    assert _walk(filled, SearchFilter(q="tide", language="en"), 1) == ["a000", "a002", "a006", "a004"]


def test_an_article_stored_between_two_pages_does_not_shift_the_next_page(filled: Store) -> None:
    first = search(filled, SearchFilter(), limit=3, facets=False)
    _add(filled, 50, "2024-03-09")  # newer than every article of the first page
    after = Cursor.decode(first["next"])
    rest = search(filled, SearchFilter(), limit=10, facets=False, after=after)
    assert [item["id"] for item in first["items"] + rest["items"]] == ["a000", "a001", "a002", "a006", "a004", "a003", "a005"]


def test_a_malformed_cursor_is_refused() -> None:
    for value in ("", "x", "e30", Cursor("2024-01-01", "a").encode()[:-3]):
        with pytest.raises(ValueError):
            Cursor.decode(value)
    assert Cursor.decode(Cursor(None, "a~b").encode()) == Cursor(None, "a~b")


def test_facets_count_the_newest_matches_only_past_the_sample_size(filled: Store, monkeypatch) -> None:
    exact = search(filled, SearchFilter())
    assert exact["facets_exact"] is True
    assert {item["value"]: item["count"] for item in exact["facets"]["language"]} == {"en": 4, "fr": 3}
    monkeypatch.setattr(search_module, "FACET_SAMPLE", 3)
    sampled = search(filled, SearchFilter(q="tide"))
    assert sampled["total"] == 7 and sampled["facets_exact"] is False
    # The three newest matches: a000 (en), a001 (fr), a002 (en).
    assert {item["value"]: item["count"] for item in sampled["facets"]["language"]} == {"en": 2, "fr": 1}


def test_kept_counts_are_dropped_when_an_article_arrives(filled: Store) -> None:
    wanted = SearchFilter(language="fr")
    assert search(filled, wanted)["total"] == 3
    assert search(filled, wanted)["total"] == 3  # kept
    _add(filled, 51, "2024-03-10", "fr")
    again = search(filled, wanted)
    assert again["total"] == 4 and {item["value"]: item["count"] for item in again["facets"]["language"]} == {"fr": 4}


def test_a_kept_facet_statement_runs_with_each_requests_own_values(filled: Store) -> None:
    """Two filters of one shape share one built statement; each counts its own matches."""
    search_module._statements.clear()
    english = search(filled, SearchFilter(q="harbour", language="en", since=datetime(2024, 3, 1).date()), facets=True)
    french = search(filled, SearchFilter(q="tide", language="fr", since=datetime(2024, 2, 1).date()), facets=True)
    assert len(search_module._statements) == 1
    assert {item["language"] for item in english["items"]} == {"en"} and english["total"] == 3
    assert {item["language"] for item in french["items"]} == {"fr"} and french["total"] == 1
    assert english["facets"]["language"] == [{"value": "en", "count": 3}]
    assert french["facets"]["language"] == [{"value": "fr", "count": 1}]
    nothing = search(filled, SearchFilter(q="harbour", language="de", since=datetime(2024, 3, 1).date()), facets=True)
    assert nothing["total"] == 0 and nothing["items"] == [] and len(search_module._statements) == 1
