"""A site's home from the store: a local paper's lone article, ingested after the site's earlier
articles were stored, is read in the division those articles name (invented towns, sites and
articles; English and French; SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
import re

import pytest
from gazetteer_inputs import use_invented_readings

from newsweave.annotate import entities
from newsweave.annotate.canonical import Mention
from newsweave.annotate.geo import Place, _Entry
from newsweave.link.site_home import home_from_store, remember_votes
from newsweave.model import Article, Event, Participant, Span
from newsweave.offsets import OffsetMap
from newsweave.pipeline import store_analyzed
from newsweave.store import Store


def _town(geonameid: int, name: str, lat: float, lon: float, region: str, population: int = 8_000,
          country: str = "US", capital: bool = False) -> _Entry:
    return _Entry(Place(geonameid, name, lat, lon, country, population, "city", region=region, capital=capital), True)


# "Corvel" is a capital abroad and a small town of Tesanna (an invented state); "Birch Landing"
# and "Saint-Rémy-des-Sables" are towns of Tesanna only.
GAZETTEER = {
    "corvel": (_town(1, "Corvel", 31.10, -97.50, "tesanna"),
               _town(2, "Corvel", 48.00, 2.00, "FR", population=2_000_000, country="FR", capital=True)),
    "birch landing": (_town(3, "Birch Landing", 31.20, -97.40, "tesanna"),),
    "saint-remy-des-sables": (_town(5, "Saint-Rémy-des-Sables", 31.30, -97.20, "tesanna", population=20_000),),
    "pine hollow": (_town(6, "Pine Hollow", 44.00, -100.00, "plaines", population=30_000),),
    "orvanne-le-haut": (_town(7, "Orvanne-le-Haut", 44.10, -100.20, "plaines", population=25_000),),
}
NAMES = re.compile("|".join(map(re.escape, ("Corvel", "Birch Landing", "Saint-Rémy-des-Sables", "Pine Hollow", "Orvanne-le-Haut"))))

FIRST = {
    "en": ["Birch Landing and Saint-Rémy-des-Sables share a new bus line.",
           "The fair in Saint-Rémy-des-Sables opened on Friday."],
    "fr": ["Le marché de Birch Landing et celui de Saint-Rémy-des-Sables rouvrent samedi.",
           "À Saint-Rémy-des-Sables, la fête du village a attiré la foule."],
}
LONE = {"en": "Corvel council met on Monday to vote the budget.",
        "fr": "Le conseil municipal de Corvel a voté son budget lundi."}


@pytest.fixture(autouse=True)
def invented_places(monkeypatch: pytest.MonkeyPatch) -> None:
    use_invented_readings(monkeypatch, GAZETTEER)
    monkeypatch.setattr(entities, "parse_batch", lambda articles: None)
    monkeypatch.setattr(entities, "_mentions_of", _mentions)


def _mentions(article: Article) -> list[Mention]:
    return [Mention(match.start(), match.end(), match.group(), "LOC") for match in NAMES.finditer(article.text)]


def _article(text: str, url: str, language: str) -> Article:
    return Article(id=hashlib.sha1(text.encode()).hexdigest()[:32], source=url, raw=text,
                   raw_sha256=hashlib.sha256(text.encode()).hexdigest(), text=text,
                   offsets=OffsetMap.identity(len(text)), language=language, url=url)


def _batch(texts: list[str], site: str, language: str) -> list[Article]:
    articles = [_article(text, f"https://www.{site}/{index}-{len(text)}", language) for index, text in enumerate(texts)]
    entities.annotate_entities(articles)
    return articles


def _corvel(article: Article) -> str | None:
    return next(item.entity_id for item in article.entities if item.text == "Corvel")


@pytest.fixture(autouse=True)
def _no_assessing(monkeypatch: pytest.MonkeyPatch) -> None:
    # Assessing needs a parse; these articles have only their invented mentions.
    monkeypatch.setattr("newsweave.pipeline.assess", lambda article: article)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_lone_article_is_read_at_the_home_its_stored_site_articles_give(store: Store, language: str) -> None:
    for article in _batch(FIRST[language], "tesanna-herald.com", language):
        assert store_analyzed(article, store) == "new"
    [lone] = _batch([LONE[language]], "tesanna-herald.com", language)
    assert _corvel(lone) == "geo:2"  # the batch alone: the capital abroad
    assert store_analyzed(lone, store) == "new"
    assert _corvel(lone) == "geo:1"
    stored = store.get_article(lone.id)
    assert stored is not None and _corvel(stored) == "geo:1"


def test_without_stored_history_the_lone_article_stays_as_today(store: Store) -> None:
    for article in _batch(FIRST["en"], "other-paper.com", "en"):
        store_analyzed(article, store)
    [lone] = _batch([LONE["en"]], "tesanna-herald.com", "en")
    assert store_analyzed(lone, store) == "new"
    assert _corvel(lone) == "geo:2"


def test_an_article_naming_its_own_places_keeps_them(store: Store) -> None:
    for article in _batch(FIRST["en"], "tesanna-herald.com", "en"):
        store_analyzed(article, store)
    # Its own sure towns lie in another state: the site's home is not this article's.
    [own] = _batch(["Corvel, Pine Hollow and Orvanne-le-Haut"], "tesanna-herald.com", "en")
    assert _corvel(own) == "geo:2"
    assert home_from_store(own, store) == {}
    assert _corvel(own) == "geo:2"


def test_storing_again_changes_no_vote(store: Store) -> None:
    first = _batch(FIRST["en"], "tesanna-herald.com", "en")
    for article in first:
        store_analyzed(article, store)
    votes = store.site_votes("tesanna-herald.com", 50)
    assert sorted(article_id for article_id, _ in votes) == sorted(article.id for article in first)
    assert all(vote == {("US", "tesanna")} for _, vote in votes)
    for article in _batch(FIRST["en"], "tesanna-herald.com", "en"):
        assert store_analyzed(article, store) in ("exact_copy", "already_stored")
        remember_votes(article, store)
    assert sorted(store.site_votes("tesanna-herald.com", 50)) == sorted(votes)
    assert len(store.site_votes("tesanna-herald.com", 1)) == 1


def test_events_follow_the_place_read_again(store: Store) -> None:
    for article in _batch(FIRST["en"], "tesanna-herald.com", "en"):
        store_analyzed(article, store)
    [lone] = _batch([LONE["en"]], "tesanna-herald.com", "en")
    place = next(item for item in lone.entities if item.text == "Corvel")
    location = Participant(place.start, place.end, place.source_start, place.source_end, place.text, label="LOC",
                           entity_id=place.entity_id, lat=place.lat, lon=place.lon, country=place.country)
    lone.events = [Event("MEET", Span(place.start, place.end, place.source_start, place.source_end, place.text),
                         location=location)]
    assert home_from_store(lone, store) == {"geo:2": "geo:1"}
    moved = lone.events[0].location
    assert moved is not None and moved.entity_id == "geo:1" and moved.country == "US"


def test_an_article_analysed_again_replaces_its_vote(store: Store) -> None:
    first = _batch(FIRST["en"], "tesanna-herald.com", "en")
    for article in first:
        store_analyzed(article, store)
    first[0].work.site_vote = set()
    remember_votes(first[0], store)  # a new article without a vote files nothing …
    assert len(store.site_votes("tesanna-herald.com", 50)) == 2
    remember_votes(first[0], store, again=True)  # … one analysed again loses the vote it had
    assert [article_id for article_id, _ in store.site_votes("tesanna-herald.com", 50)] == [first[1].id]


def test_the_vote_is_written_in_the_article_s_own_transaction(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _batch(FIRST["fr"], "journal-de-tesanna.fr", "fr")
    assert store_analyzed(first[0], store) == "new"
    assert [article_id for article_id, _ in store.site_votes("journal-de-tesanna.fr", 50)] == [first[0].id]

    def refused(*args: object) -> None:
        raise RuntimeError("the vote's rows are refused")

    monkeypatch.setattr("newsweave.store.articles.write_site_votes", refused)
    # The vote fails: the article is not stored either (and is recorded as rejected).
    assert store_analyzed(first[1], store) == "rejected"
    assert store.get_article(first[1].id) is None
    assert [article_id for article_id, _ in store.site_votes("journal-de-tesanna.fr", 50)] == [first[0].id]


def test_an_analysis_replaced_with_an_empty_vote_loses_the_stored_one(store: Store) -> None:
    first = _batch(FIRST["en"], "tesanna-herald.com", "en")
    for article in first:
        store_analyzed(article, store)
    store.replace_analysis(first[0], site_vote=("tesanna-herald.com", set()))
    assert [article_id for article_id, _ in store.site_votes("tesanna-herald.com", 50)] == [first[1].id]
    store.replace_analysis(first[0], site_vote=("tesanna-herald.com", {("US", "tesanna")}))
    assert len(store.site_votes("tesanna-herald.com", 50)) == 2
