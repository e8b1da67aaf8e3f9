"""An article dated only by its fetch day, or not at all, takes its story's date clue: the days
its peers were published, intersected with its own clues; conflicting clues give no new date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np

from newsweave.link.story_dates import STORY_BASIS, infer_from_story, peer_days, refold_days, rests_on_fetch, story_clue
from newsweave.link.story_state import StoryState
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


def test_an_article_dated_again_refolds_its_storys_days(tmp_path):
    """The German report, fetched on 16 May, says the dam broke "heute Abend" and is filed
    first: the story's last day is its fetch day. Once the English reports (12 and 13 May) are
    filed, it is dated again within the story (14 May); its evening moves with it, and the
    story's days and last day follow instead of keeping 16 May."""
    lines = BRENNVIK.read_text(encoding="utf-8").splitlines()
    german = json.loads(lines[3])
    german["fetched"] = "2026-05-16"
    german["text"] = german["text"].replace("ist gebrochen", "ist heute Abend gebrochen", 1)
    path = tmp_path / "brennvik-evening.jsonl"
    path.write_text("\n".join([json.dumps(german, ensure_ascii=False), *lines[:2]]) + "\n", encoding="utf-8")
    store = Store(str(tmp_path / "dam.db"))
    try:
        ingest([str(path)], store)
        (story,) = store.stories_by_id([row["id"] for row in store.story_rows()])
        (dated,) = [article for article in store.iter_articles() if article.language == "de"]
    finally:
        store.close()
    assert dated.published == "2026-05-14"
    assert (story.first, story.last) == ("2026-05-11", "2026-05-14")
    assert "2026-05-16" not in story.days and story.days["2026-05-14"] == 1


def test_refolding_moves_one_articles_share_of_the_days():
    story = StoryState("s", np.zeros(4, np.float32), size=3, first="2026-03-02", last="2026-03-09",
                       profile={"days": {"2026-03-02": 2, "2026-03-09": 1}, "inferred": {"2026-03-05": 1}})
    # A French article that reported 9 March ("lundi", resolved against its fetch day) now reports the 3rd.
    refold_days(story, ((date(2026, 3, 9),), None), ((date(2026, 3, 3),), None))
    assert story.days == {"2026-03-02": 2, "2026-03-03": 1} and (story.first, story.last) == ("2026-03-02", "2026-03-05")
    # One that reported nothing moves its publication day (folded as inferred) from the 5th to the 4th.
    refold_days(story, ((), date(2026, 3, 5)), ((), date(2026, 3, 4)))
    assert story.profile["inferred"] == {"2026-03-04": 1} and story.last == "2026-03-04"
    # A day cut from a long profile is not taken below zero; nothing left keeps the old span.
    bare = StoryState("t", np.zeros(4, np.float32), first="2026-03-01", last="2026-03-02")
    refold_days(bare, ((date(2026, 3, 1),), None), ((), None))
    assert bare.days == {} and "inferred" not in bare.profile and (bare.first, bare.last) == ("2026-03-01", "2026-03-02")
