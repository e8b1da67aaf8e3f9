"""An article dated only by its fetch day, or not at all, takes its story's date clue: the days
its peers were published, intersected with its own clues; conflicting clues give no new date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsweave.link.story_dates import STORY_BASIS, infer_from_story, peer_days, rests_on_fetch, story_clue
from newsweave.model import Article, PublishedInterval
from newsweave.offsets import OffsetMap
from newsweave.pipeline import ingest
from newsweave.store import Store

BRENNVIK = Path(__file__).resolve().parents[1] / "data" / "stories" / "brennvik.jsonl"


def _article(text: str, language: str, fetched: str | None = None, **fields: object) -> Article:
    return Article(id="x", source="test", raw=text, raw_sha256="0", text=text, offsets=OffsetMap.identity(len(text)),
                   language=language, fetched=fetched, **fields)  # type: ignore[arg-type]


def _stories_and_inferred_articles(path: Path, tmp_path: Path) -> tuple[list, dict[str, Article]]:
    """Ingest one file into a fresh store; its stories, and its inferred-date articles by language."""
    store = Store(str(tmp_path / "dam.db"))
    try:
        ingest([str(path)], store)
        stories = store.story_rows()
        articles = {article.language: article for article in store.iter_articles()
                    if article.published_basis == "inferred"}
    finally:
        store.close()
    return stories, articles


def test_articles_of_a_dated_story_date_those_that_rest_on_their_fetch_day_or_nothing(tmp_path):
    """Invented articles (``tests/data/stories/brennvik.jsonl``): a dam breach reported in English
    on 12 and 13 May with their dates, in French with only a fetch day (14 May) and in German
    with no date at all; none of the two names a day."""
    stories, articles = _stories_and_inferred_articles(BRENNVIK, tmp_path)
    assert len(stories) == 1
    french, german = articles["fr"], articles["de"]
    # Its fetch window (12–14 May) meets the story's (11–15 May): the interval is the intersection.
    assert french.published_interval == PublishedInterval("2026-05-12", "2026-05-14", "fetch date + story")
    # Nothing but the story: its peers' first day, the interval from it to two days after the last.
    assert german.published == "2026-05-12"
    assert german.published_interval == PublishedInterval("2026-05-12", "2026-05-15", STORY_BASIS)


def test_a_fetch_day_far_from_the_peers_days_conflicts_and_gives_no_date():
    text = "Le barrage d'Ostra a cédé au-dessus de Brennvik et l'eau a envahi la ville basse."
    article = _article(text, "fr", fetched="2026-06-20")
    assert infer_from_story(article, [date(2026, 5, 12), date(2026, 5, 13)]) is None
    # The same page fetched two days after its peers appeared is dated inside both windows.
    close = infer_from_story(_article(text, "fr", fetched="2026-05-14"), [date(2026, 5, 12), date(2026, 5, 13)])
    assert close is not None and close.earliest == date(2026, 5, 12) and close.latest == date(2026, 5, 14)


def test_a_weekday_of_the_text_narrows_the_story_interval():
    # Written on a Wednesday ("this Wednesday"): 13 May 2026 is the one Wednesday the story allows.
    text = "Der Ostra-Damm oberhalb von Brennvik ist gebrochen, sagte die Bürgermeisterin heute, Mittwoch."
    found = infer_from_story(_article(text, "de"), [date(2026, 5, 12), date(2026, 5, 12)])
    assert found is not None and found.published == date(2026, 5, 13)
    assert "story" in found.reason and "weekday" in found.reason


def test_peers_far_apart_or_only_inferred_give_no_clue():
    assert story_clue([date(2026, 5, 1), date(2026, 5, 20)]) is None
    assert story_clue([]) is None
    rows = [("a", "2026-05-12", "metadata"), ("b", "2026-05-14", "inferred"), ("x", "2026-05-13", "url")]
    assert peer_days(rows, "x") == [date(2026, 5, 12)]  # an inferred peer and the article itself left out


def test_which_articles_rest_on_their_fetch_day():
    text = "Un texte."
    assert rests_on_fetch(_article(text, "fr"))
    assert not rests_on_fetch(_article(text, "fr", published="2026-05-12", published_basis="metadata"))
    wide = PublishedInterval("2026-05-12", "2026-05-14", "fetch date")
    one_day = PublishedInterval("2026-05-12", "2026-05-12", "fetch date + weekday said today/yesterday")
    from_story = PublishedInterval("2026-05-12", "2026-05-13", "fetch date + story")
    assert rests_on_fetch(_article(text, "fr", published="2026-05-14", published_basis="inferred",
                                   published_interval=wide))
    assert not rests_on_fetch(_article(text, "fr", published="2026-05-12", published_basis="inferred",
                                       published_interval=one_day))
    # A wide interval from the story is dated again as peers come (from its own clues and theirs).
    assert rests_on_fetch(_article(text, "fr", published="2026-05-12", published_basis="inferred",
                                   published_interval=from_story))


def test_a_dated_article_filed_later_dates_the_ones_filed_before_it(tmp_path):
    # The same articles in the other order: the French and German ones are filed first, with
    # only a fetch day or nothing; the English reports with their dates come after.
    lines = BRENNVIK.read_text(encoding="utf-8").splitlines()
    reversed_file = tmp_path / "brennvik-reversed.jsonl"
    reversed_file.write_text("\n".join(lines[2:] + lines[:2]) + "\n", encoding="utf-8")
    stories, articles = _stories_and_inferred_articles(reversed_file, tmp_path)
    assert len(stories) == 1
    assert articles["fr"].published_interval == PublishedInterval("2026-05-12", "2026-05-14", "fetch date + story")
    assert (articles["de"].published, articles["de"].published_interval) == (
        "2026-05-12", PublishedInterval("2026-05-12", "2026-05-15", STORY_BASIS))
