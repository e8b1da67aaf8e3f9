"""An article's publication day from the other articles of its story.

An article whose date rests only on its fetch day, or on nothing, is dated better once its
story is known: the other articles of a developing story appear within days of each other,
so the days its peers were published bound its own. The clue is an interval (from
``story_date_before`` days before the first peer day to ``story_date_after`` days after the
last) with the middle peer day as the likeliest; it is intersected with the article's own
clues (fetch day, URL, weekdays and dates of its text: ``annotate.published_clues``), and an
empty intersection gives no new date. Peers whose days lie further apart than
``story_date_spread`` disagree and give no clue. The result is recorded as the other inferred
dates are: ``published_basis`` "inferred", the interval's basis naming "story".

Only peers dated by something other than inference count (metadata, URL, dateline, a date
given by the user): an inferred peer could be dated by this very article. Both ways: an
article filed after its dated peers is dated at once, and a dated article filed later dates
again the story's articles that rest on their fetch day.

An article's days were folded into its story's date profile when it was filed (the days it
reports, else its publication day, marked inferred); dated again, its dates resolve against
the new day, so its old share of the profile is taken out and the new one put in, and the
story's first and last days follow (``refold_days``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Protocol

from newsweave.annotate.dates import redate
from newsweave.annotate.published_clues import Clue, as_date, infer_publication
from newsweave.annotate.published_inference import Inference
from newsweave.annotate.timex import find_mentions
from newsweave.link.settings import SETTINGS
from newsweave.link.story_state import StoryConflict, profile_span
from newsweave.link.story_signals import parse_day, reported_days
from newsweave.model import Article

# The basis of the story's clue, as it appears in ``published_interval.basis``.
STORY_BASIS = "story"
# Publication bases of peers whose day is evidence (not itself inferred).
PEER_BASES = frozenset({"metadata", "url", "text", "given"})
# Tries to write a refolded profile when other writers change the story meanwhile.
REFOLD_TRIES = 3


class StoryDatesMemory(Protocol):
    """What dating from the story needs from the store."""

    def story_of(self, article_id: str) -> str | None: ...

    def story_publications(self, story_id: str, limit: int) -> list[tuple[str, str | None, str]]:
        """(article id, published, published_basis) of up to ``limit`` articles of the story."""
        ...

    def replace_analysis(self, article: Article, entities: Any = None) -> None: ...

    def articles_by_ids(self, article_ids: list[str]) -> list[Article]: ...

    def stories_by_id(self, story_ids: list[str], keywords: bool = True) -> list: ...

    def resave_story(self, story: Any) -> bool:
        """Write a story's days, first and last day if its version is still the one read."""
        ...


def rests_on_fetch(article: Article) -> bool:
    """True when the article has no date, or an inferred one its clues do not fix to one day
    (the fetch day's window, perhaps narrowed by a weekday or by its story's peers as they were
    when it was filed: dated again from its own clues and the peers now, nothing compounds)."""
    if not article.published or article.published_basis == "unknown":
        return True
    if article.published_basis != "inferred":
        return False
    interval = article.published_interval
    return interval is None or interval.earliest != interval.latest


def peer_days(rows: list[tuple[str, str | None, str]], article_id: str) -> list[date]:
    """The publication days of the story's other articles that are evidence."""
    days = []
    for other, published, basis in rows:
        day = as_date(published) if other != article_id and basis in PEER_BASES else None
        if day is not None:
            days.append(day)
    return days


def story_clue(days: list[date]) -> Clue | None:
    """The interval the peers' days allow, or None (no peer, or peers too far apart)."""
    if not days or (max(days) - min(days)).days > SETTINGS.story_date_spread:
        return None
    ordered = sorted(days)
    return Clue(STORY_BASIS, ordered[0] - timedelta(days=SETTINGS.story_date_before),
                ordered[-1] + timedelta(days=SETTINGS.story_date_after), centre=ordered[(len(ordered) - 1) // 2])


def infer_from_story(article: Article, days: list[date]) -> Inference | None:
    """The article's publication day from its own clues and its peers' days, or None."""
    clue = story_clue(days)
    if clue is None:
        return None
    mentions = find_mentions(article.text, article.language)
    return infer_publication(mentions, article.text, article.language, fetched=as_date(article.fetched),
                             url=article.url, extra=[clue])


def date_from_story(article: Article, memory: StoryDatesMemory) -> int:
    """After an article is filed under its story: when it rests on its fetch day (or nothing),
    date it from its peers; when it is dated by evidence, date again those of its peers that
    rest on theirs. Stores each new analysis; returns how many articles changed date."""
    weak, dated = rests_on_fetch(article), article.published_basis in PEER_BASES
    story_id = (article.work.story_id or memory.story_of(article.id)) if weak or dated else None
    if story_id is None:
        return 0
    rows = memory.story_publications(story_id, SETTINGS.story_date_peers)
    if weak:
        return _redate(article, peer_days(rows, article.id), memory)
    waiting = [other for other, _, basis in rows if other != article.id and basis in ("unknown", "inferred")]
    if not waiting:
        return 0
    days = peer_days(rows, "")  # the new article's day among them
    if story_clue(days) == story_clue(peer_days(rows, article.id)):
        return 0  # the story's clue is what the waiting articles were dated with (or conflicted with)
    return sum(_redate(peer, days, memory) for peer in memory.articles_by_ids(waiting) if rests_on_fetch(peer))


def _redate(article: Article, days: list[date], memory: StoryDatesMemory) -> int:
    inference = infer_from_story(article, days)
    if inference is None:
        return 0
    before = day_share(article)
    redate(article, inference)
    memory.replace_analysis(article)
    after = day_share(article)
    if after != before:
        story_id = article.work.story_id or memory.story_of(article.id)
        if story_id is not None:
            _refold_stored(story_id, before, after, memory)
    return 1


DayShare = tuple[tuple[date, ...], date | None]


def day_share(article: Article) -> DayShare:
    """What the article adds to its story's date profile: the days it reports, else (second)
    its publication day, folded as inferred (``link.story_state``)."""
    days = reported_days(article)
    return days, (None if days else parse_day(article.published))


def refold_days(story: Any, before: DayShare, after: DayShare) -> None:
    """Take an article's old share out of the story's date profile, put the new one in, and
    set the story's first and last day from what is left (unchanged when nothing dates it)."""
    days, inferred = story.days, story.profile.setdefault("inferred", {})
    for counts, share, step in ((days, before[0], -1), (inferred, before[1:], -1),
                                (days, after[0], 1), (inferred, after[1:], 1)):
        for day in share:
            if day is not None:
                _count(counts, day.isoformat(), step)
    if not inferred:
        story.profile.pop("inferred", None)
    span = profile_span(story)
    if span is not None:
        story.first, story.last = span


def _count(counts: dict[str, int], key: str, step: int) -> None:
    """Add ``step`` to a day's count; a day at zero is dropped (a day cut from a long profile
    is not taken below zero)."""
    value = counts.get(key, 0) + step
    if value > 0:
        counts[key] = value
    else:
        counts.pop(key, None)


def _refold_stored(story_id: str, before: DayShare, after: DayShare, memory: StoryDatesMemory) -> None:
    """Refold the stored story, read again when another writer changed it meanwhile."""
    for _ in range(REFOLD_TRIES):
        stories = memory.stories_by_id([story_id], keywords=False)
        if not stories:
            return
        story = stories[0]
        refold_days(story, before, after)
        if memory.resave_story(story):
            return
    raise StoryConflict(story_id)
