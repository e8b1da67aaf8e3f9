"""``newsweave reanalyze``: analyse stored articles again with the running code.

Each article keeps the provenance of its analysis (``newsweave.provenance``). After an upgrade
the articles whose provenance differs are *stale*: this runs extract, annotate, link and
assess again on their stored raw input and replaces their analysis in place (same id, same
sources, same duplicate keys), then rebuilds the stories, whose embeddings and peers may
have changed with it (``newsweave.restory``).

Ingest processes must not run meanwhile, as for ``restory``. Extraction and annotation may
run on a Dask cluster (``scale.dask_runner.analyse_on_cluster``); linking, assessing and
storing stay in this process, in order, as for an ingest.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from newsweave import provenance
from newsweave.assess import assess
from newsweave.link.entities import entity_records, link_article_entities
from newsweave.link.site_home import home_from_store, vote_to_file
from newsweave.model import Article, RawDocument, Rejection
from newsweave.pipeline import analyze_batch
from newsweave.restory import restory
from newsweave.store import Store

# Articles analysed together (as ingest's batches: spaCy's nlp.pipe pays off, memory stays flat).
REANALYZE_BATCH = 32


# Extracts and annotates batches of documents, yielding each batch's results in order.
Analyser = Callable[[Iterable[list[RawDocument]]], Iterator[list[Article | Rejection]]]


@dataclass(frozen=True)
class ReanalyzeSummary:
    articles: int
    failed: int


def analyse_here(batches: Iterable[list[RawDocument]]) -> Iterator[list[Article | Rejection]]:
    """Extract and annotate in this process."""
    for documents in batches:
        yield analyze_batch(list(documents), with_assess=False, overlap=False)


def reanalyze(
    store: Store,
    *,
    stale_only: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
    analyse: Analyser = analyse_here,
) -> ReanalyzeSummary:
    """Analyse again the stale articles (or all of them); ``on_progress(done, total)``."""
    ids = store.stale_article_ids(provenance.current().key) if stale_only else store.article_ids()
    done = failed = 0
    waiting: deque[list[Article]] = deque()  # stored articles whose new analysis is under way

    def documents() -> Iterator[list[RawDocument]]:
        for start in range(0, len(ids), REANALYZE_BATCH):
            stored = store.articles_by_ids(ids[start : start + REANALYZE_BATCH])
            waiting.append(stored)
            yield [_raw_document(article) for article in stored]

    for results in analyse(documents()):
        for old, new in zip(waiting.popleft(), results, strict=True):
            if isinstance(new, Article) and _replace(store, old, new):
                done += 1
            else:
                failed += 1  # the stored analysis stays: a failure must not lose an article
        if on_progress:
            on_progress(done + failed, len(ids))
    if done:
        restory(store)
    return ReanalyzeSummary(done, failed)


def _raw_document(article: Article) -> RawDocument:
    # What a container declared beside the text (a feed item's or JSON line's title, a date the
    # feed or the user gave) is not in the raw input: keep it. A whole file declares nothing.
    from_container = "#" in article.source
    declared = article.published if article.published_basis == "given" or (
        from_container and article.published_basis == "metadata") else None
    return RawDocument(
        source=article.source, raw=article.raw, kind=article.kind, raw_sha256=article.raw_sha256,
        url=article.url, title=article.title if from_container else None, published=declared, links=article.links,
        published_given=article.published_basis == "given", fetched=article.fetched,
    )


def analyse_again_with(store: Store, article_id: str, document: RawDocument) -> bool:
    """Analyse a stored article again from ``document``, the same input with new details (a
    re-posted document with another URL or date); its story stays. False if it failed."""
    stored = store.articles_by_ids([article_id])
    if not stored:
        return False
    new = analyze_batch([document], with_assess=False, overlap=False)[0]
    return isinstance(new, Article) and _replace(store, stored[0], new)


def _replace(store: Store, old: Article, new: Article) -> bool:
    if new.id != old.id and new.id in new.work.site_batch_votes:  # its vote replaces its stored one
        new.work.site_batch_votes[old.id] = new.work.site_batch_votes.pop(new.id)
    new.id, new.duplicate_of, new.duplicate_similarity = old.id, old.duplicate_of, old.duplicate_similarity
    if old.published_basis == "given" and new.published == old.published:
        new.published_basis = "given"
    try:
        home_from_store(new, store)
        link_article_entities(new, store)
        if not new.work.assessed:  # a Dask worker may have assessed it already
            assess(new)
        store.replace_analysis(new, entity_records(new.entities, new.language), site_vote=vote_to_file(new, again=True))
    except Exception:  # noqa: BLE001 - counted as failed; the old analysis stays stored
        return False
    return True
