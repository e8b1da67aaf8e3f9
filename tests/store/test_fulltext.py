"""Words search through the store's write path (SQLite and PostgreSQL): an article is found by
the words it holds after it is stored, analysed again or stored twice; on SQLite the FTS5 rows
and their rowid map stay one per article, and both ways of matching words (per candidate, or
the list of matches) give the same articles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from newsweave.link import fingerprint
from newsweave.model import Article
from newsweave.offsets import OffsetMap
from newsweave.store import Store, schema
from newsweave.store.search import SearchFilter, filtered, per_candidate, search
from newsweave.textnorm import content_hash


def _article(number: int, words: str, published: str = "2024-03-01", language: str = "en") -> Article:
    body = f"{words}. Report number {number} from the harbour office."
    return Article(id=f"{number:016x}", source=f"in/{number}.txt", raw=body, raw_sha256=f"{number:064x}", text=body,
                   offsets=OffsetMap.identity(len(body)), title=words, language=language, published=published,
                   published_basis="given")


def _save(store: Store, article: Article) -> bool:
    return store.save_article(article, fingerprint(article.text, content_hash(article.text)), None)


def _found(store: Store, words: str) -> list[str]:
    return [item["id"] for item in search(store, SearchFilter(q=words), limit=50)["items"]]


def _fts_rows(store: Store) -> tuple[int, int]:
    """(FTS5 rows, map rows) of a SQLite store."""
    with store.engine.connect() as connection:
        return (connection.scalar(text("SELECT count(*) FROM articles_fts")),
                connection.scalar(text("SELECT count(*) FROM articles_fts_ids")))


def test_a_reanalysed_article_is_found_by_its_new_words_and_not_its_old(store: Store) -> None:
    first = _article(1, "Tide gauge floods quay")
    assert _save(store, first) and _save(store, _article(2, "Ferry strike ends"))
    assert _found(store, "gauge") == [first.id]
    store.replace_analysis(replace(first, title="Lighthouse keeper retires", text="Lighthouse keeper retires today."))
    assert _found(store, "lighthouse keeper") == [first.id]
    assert _found(store, "gauge") == []
    store.replace_analysis(replace(first, title="Lighthouse keeper retires", text="Lighthouse keeper retires today."))
    assert _found(store, "retires") == [first.id] and _found(store, "ferry") == [_article(2, "").id]
    if store.dialect == "sqlite":
        assert _fts_rows(store) == (2, 2)


def test_storing_an_article_twice_changes_no_search_row(store: Store) -> None:
    article = _article(3, "Bridge tolls rise")
    assert _save(store, article) is True
    before = _fts_rows(store) if store.dialect == "sqlite" else None
    assert _save(store, article) is False
    assert _found(store, "tolls") == [article.id]
    if store.dialect == "sqlite":
        assert _fts_rows(store) == before == (1, 1)


@pytest.fixture
def harbour(sqlite_store: Store) -> Store:
    """Twelve articles, "harbour" in all of them, "crane" in one; two languages, two months."""
    for number in range(12):
        words = "Harbour crane collapses" if number == 5 else "Harbour dues debated"
        published, language = f"2024-0{1 + number % 2}-{10 + number:02d}", ("en", "fr")[number % 3 == 0]
        assert _save(sqlite_store, _article(number, words, published, language))
    return sqlite_store


@pytest.mark.parametrize(("wanted", "count"), [
    (SearchFilter(q="harbour"), 12), (SearchFilter(q="harbour", language="en"), 8), (SearchFilter(q="crane", language="en"), 1),
    (SearchFilter(q="harbour dues", since=date(2024, 2, 1)), 5),
    (SearchFilter(q="harbour", language="fr", until=date(2024, 1, 31)), 2),
    (SearchFilter(q="!!"), 0), (SearchFilter(q="nowhere", language="en"), 0),
])
def test_both_ways_of_matching_words_find_the_same_articles(harbour: Store, wanted: SearchFilter, count: int) -> None:
    a = schema.articles
    with harbour.engine.connect() as connection:
        ways = [sorted(connection.scalars(filtered(harbour, wanted, [a.c.id], probe))) for probe in (False, True)]
    assert ways[0] == ways[1] and len(ways[0]) == count


def test_words_are_checked_per_candidate_only_when_matches_are_many(harbour: Store) -> None:
    with harbour.engine.connect() as connection:
        def choice(wanted: SearchFilter, page: int | None = None) -> bool:
            return per_candidate(harbour, connection, wanted, page)

        assert choice(SearchFilter(q="harbour", language="en", since=date(2024, 2, 1)))  # 12 matches, 4 candidates
        assert not choice(SearchFilter(q="harbour"))  # nothing else to narrow by: the list of matches counts
        assert choice(SearchFilter(q="harbour"), page=3)  # a page in order stops after three
        assert not choice(SearchFilter(q="crane", language="en"))  # one match: look it up
        assert not choice(SearchFilter(q="crane"), page=3)
        assert not choice(SearchFilter(language="en"))  # no words
    assert [item["id"] for item in search(harbour, SearchFilter(q="crane"))["items"]] == [_article(5, "").id]
