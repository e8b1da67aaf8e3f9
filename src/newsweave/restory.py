"""``newsweave restory``: rebuild the stories of a store from its articles.

Stored story centroids are sums of article embeddings, so they live in the vector space of
the embedding that made them (``annotate.embeddings.STORY_SPACE``). When the embedding or the
join rule changes, new articles compared with old centroids are misfiled, and ingest warns
(``pipeline.check_story_space``). This deletes every story, embeds every stored article
again and files it as ingest does (``link.stories.assign_story``), in order of publication,
then records the current space and corroborates quotes again, since their peers are the
articles of their story.

Ingest processes must not run meanwhile: their story indexes still hold the deleted stories.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsweave.annotate.embeddings import STORY_SPACE, embed_articles
from newsweave.assess.corroboration import corroborate
from newsweave.link.stories import assign_story, forget_linker, save_story_index
from newsweave.link.story_dates import date_from_story
from newsweave.store import Store

# Articles read and embedded together: the engine is faster per text in batches, and a batch
# this size keeps memory flat whatever the size of the store.
RESTORY_BATCH = 64
# Articles whose quotes are corroborated in one call (each call reads them and their peers).
CORROBORATE_BATCH = 2_000


@dataclass(frozen=True)
class RestorySummary:
    articles: int
    stories_before: int
    stories_after: int


def restory(store: Store, on_progress: Callable[[int, int], None] | None = None) -> RestorySummary:
    """Delete the store's stories and file every article again; ``on_progress(done, total)``."""
    order = filing_order(store.articles_in_publication_order())
    before = store.clear_stories()
    forget_linker(store)  # its index holds the deleted stories
    _delete_snapshot(store)
    done = 0
    for start in range(0, len(order), RESTORY_BATCH):
        articles = store.articles_by_ids(order[start : start + RESTORY_BATCH])
        embed_articles(articles)
        for article in articles:
            assign_story(article, store)
            date_from_story(article, store)  # after a reanalysis its date rests on the fetch day again
        done += len(articles)
        if on_progress:
            on_progress(done, len(order))
    store.record_story_space(STORY_SPACE)
    save_story_index(store)
    for start in range(0, len(order), CORROBORATE_BATCH):
        corroborate(order[start : start + CORROBORATE_BATCH], store)
    return RestorySummary(done, before, store.stats()["stories"])


def filing_order(rows: Iterable[tuple[str, str | None]]) -> list[str]:
    """Article ids in the order given, except that a near-duplicate waits for its original: at
    ingest the original was filed first and the copy joined its story, whatever their dates."""
    rows = list(rows)
    known = {article_id for article_id, _ in rows}
    order: list[str] = []
    placed: set[str] = set()
    waiting: dict[str, list[str]] = {}

    def place(article_id: str) -> None:
        order.append(article_id)
        placed.add(article_id)
        for copy in waiting.pop(article_id, []):
            place(copy)

    for article_id, original in rows:
        if original in known and original not in placed:
            waiting.setdefault(original, []).append(article_id)
        else:
            place(article_id)
    for copies in list(waiting.values()):  # only if originals wait for each other, which ingest never makes
        for copy in copies:
            if copy not in placed:
                place(copy)
    return order


def _delete_snapshot(store: Store) -> None:
    located = store.story_index_file()
    if located:
        located[0].unlink(missing_ok=True)
