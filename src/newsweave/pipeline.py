"""Run the stages in the order data flows: ingest → extract → annotate → link → assess → store.

Each document is processed on its own; a failure in any stage becomes a rejection with the
stage's name in its reason, so one bad input never stops a batch.
"""

from __future__ import annotations

import logging
import traceback
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newsweave.annotate import annotate_batch, await_annotations
from newsweave.annotate.embeddings import STORY_SPACE
from newsweave.assess import assess
from newsweave.assess.corroboration import corroborate
from newsweave.extract import extract_document
from newsweave.ingest import ReadOptions, expand_inputs, read_path
from newsweave.link import find_duplicate, fingerprint
from newsweave.link.stories import assign_story
from newsweave.link.story_dates import date_from_story
from newsweave.link.entities import entity_records, link_article_entities
from newsweave.link.site_home import home_from_store, vote_to_file
from newsweave import provenance
from newsweave.model import Article, RawDocument, Rejection
from newsweave.store import Store
from newsweave.store.database import STORY_SPACE_REBUILDING
from newsweave.textnorm import content_hash

# Documents annotated together: large enough for spaCy's nlp.pipe to pay off, small
# enough that a crash loses little work and memory stays flat.
BATCH_SIZE = 32
OUTCOMES = ("new", "near_duplicate", "exact_copy", "already_stored", "rejected")

log = logging.getLogger(__name__)
# Stores already warned that their stories need ``newsweave restory`` (once per store and process).
_warned_stale: weakref.WeakSet[Store] = weakref.WeakSet()


@dataclass
class Summary:
    """What a batch did, counted by outcome (see ``OUTCOMES``) and by input file."""

    outcomes: Counter[str] = field(default_factory=Counter)
    files: int = 0

    @property
    def articles(self) -> int:
        return sum(self.outcomes[name] for name in ("new", "near_duplicate", "exact_copy", "already_stored"))


@dataclass(frozen=True)
class AnalyzeOptions:
    """What a user may state about a document instead of letting the pipeline find it."""

    language: str | None = None
    published: str | None = None
    url: str | None = None


def analyze_batch(
    documents: list[RawDocument | Rejection],
    options: AnalyzeOptions = AnalyzeOptions(),
    *,
    with_assess: bool = True,
    overlap: bool = True,
    defer: bool = False,
) -> list[Article | Rejection]:
    """Extract, annotate (and assess) documents without a store; results in input order.

    ``overlap`` lets annotators that need only the text run in a second thread (see
    ``annotate.BESIDE``); a caller that owns exactly one core turns it off. ``defer``
    returns before that thread is done (``ingest`` stores meanwhile and waits with
    ``annotate.await_annotations`` where it needs the result).
    """
    results: list[Article | Rejection] = [_extract(document, options) for document in documents]
    articles = [result for result in results if isinstance(result, Article)]
    outcomes = _annotate(articles, with_assess, overlap, defer)
    for outcome in outcomes:
        if isinstance(outcome, Article):
            outcome.provenance = provenance.stamp()
    annotated = {id(article): outcome for article, outcome in zip(articles, outcomes, strict=True)}
    return [annotated.get(id(result), result) for result in results]


def _extract(document: RawDocument | Rejection, options: AnalyzeOptions) -> Article | Rejection:
    if isinstance(document, Rejection):
        return document
    try:
        extracted = extract_document(document)
    except Exception as error:  # noqa: BLE001 - any failure becomes a rejection, never a crash
        return _internal_rejection(document.source, "extract", error)
    if isinstance(extracted, Article):
        if document.published_given and extracted.published_basis == "metadata":
            extracted.published_basis = "given"
        if options.url:
            extracted.url = options.url
        if options.language:
            extracted.language = options.language
        if options.published:
            extracted.published, extracted.published_basis = options.published, "given"
    return extracted


def _annotate(
    articles: list[Article], with_assess: bool, overlap: bool = True, defer: bool = False
) -> list[Article | Rejection]:
    """Annotate (and assess) a batch; if the batch fails, retry one by one to find the culprit."""
    if not articles:
        return []
    try:
        annotated = annotate_batch(articles, overlap=overlap, defer=defer and not with_assess)
        return [assess(article) for article in annotated] if with_assess else list(annotated)
    except Exception as error:  # noqa: BLE001
        if len(articles) == 1:
            return [_internal_rejection(articles[0].source, "annotate", error)]
    results: list[Article | Rejection] = []
    for article in articles:
        results.extend(_annotate([article], with_assess, overlap))
    return results


def read_documents(inputs: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[RawDocument | Rejection]:
    for item in expand_inputs(inputs):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_path_safely(item, options)


def read_path_safely(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[RawDocument | Rejection]:
    """``read_path``, with a reader's unexpected failure turned into a rejection of the rest of the file."""
    try:
        yield from read_path(path, options)
    except Exception as error:  # noqa: BLE001 - one file's reader bug must not stop the batch
        yield _internal_rejection(str(path), "ingest", error)


def ingest_batch(documents: list[RawDocument | Rejection], store: Store) -> list[str]:
    """Process documents into the store; returns each one's outcome (one of ``OUTCOMES``)."""
    check_story_space(store)  # the API ingests through here, a document at a time
    return store_batch(analyze_new(documents, store), store)


@dataclass
class AnalyzedBatch:
    """A batch read and analysed, not yet stored: known inputs have their outcome already."""

    outcomes: list[str | None]
    todo: list[tuple[int, Article | Rejection]]


def split_known(documents: list[RawDocument | Rejection], store: Store) -> tuple[list[str | None], list[int]]:
    """Outcomes with "already_stored" for inputs the store holds (same source, same bytes), and
    the indices of the documents still to process."""
    outcomes: list[str | None] = [None] * len(documents)
    todo: list[int] = []
    for index, document in enumerate(documents):
        if isinstance(document, RawDocument) and store.knows_source(document.source, document.raw_sha256):
            outcomes[index] = "already_stored"
        else:
            todo.append(index)
    return outcomes, todo


def analyze_new(documents: list[RawDocument | Rejection], store: Store) -> AnalyzedBatch:
    """Analyse the documents the store does not hold yet (their embeddings may still be computing)."""
    outcomes, todo = split_known(documents, store)
    results = analyze_batch([documents[index] for index in todo], with_assess=False, defer=True)
    return AnalyzedBatch(outcomes, list(zip(todo, results, strict=True)))


def store_batch(batch: AnalyzedBatch, store: Store) -> list[str]:
    """Link, assess and store an analysed batch in input order; returns each document's outcome."""
    for index, result in batch.todo:
        batch.outcomes[index] = store_analyzed(result, store)
    return [outcome or "rejected" for outcome in batch.outcomes]


def count_outcomes(
    summary: Summary,
    documents: list[RawDocument | Rejection],
    outcomes: list[str],
    on_document: Callable[[str, str], None] | None = None,
) -> None:
    """Add a stored batch's outcomes to the summary and report each document to ``on_document``."""
    for document, outcome in zip(documents, outcomes, strict=True):
        summary.outcomes[outcome] += 1
        if on_document:
            on_document(document.source, outcome)


def store_analyzed(result: Article | Rejection, store: Store) -> str:
    """Link, assess and store one extracted and annotated document; returns its outcome.

    ``store_batch`` calls it, in input order, both after analysing locally and, in the Dask
    runner (``newsweave.scale``), after workers analysed, so links and stories come out the same.
    """
    if isinstance(result, Rejection):
        store.save_rejection(result)
        return "rejected"
    return _store_article(result, store)


# Work done ahead by ``work_ahead`` (where the article was analysed), found by ``_store_article``.


def work_ahead(article: Article) -> None:
    """Do what storing the article needs that the store does not: its assessment (no assessor
    reads what linking adds, canonical ids or duplicates) and its near-duplicate fingerprint.

    The Dask runner calls it on the workers, so that the one process that stores does less
    per article. An assessment that fails is left undone: ``_store_article`` meets the failure
    again and records it, as in a local ingest.
    """
    article.work.fingerprint = fingerprint(article.text, content_hash(article.text))
    try:
        assess(article)
    except Exception:  # noqa: BLE001 - recorded when the article is stored
        return
    article.work.assessed = True


def _store_article(article: Article, store: Store) -> str:
    """Link the article to what the store holds, assess it, and store it."""
    try:
        print_ = article.work.fingerprint or fingerprint(article.text, content_hash(article.text))
        article.work.fingerprint = None
        match = find_duplicate(print_, store)
        if not (match and match.exact):
            home_from_store(article, store)  # places read again with the home of the site's stored articles
            link_article_entities(article, store)
    except Exception as error:  # noqa: BLE001
        store.save_rejection(_internal_rejection(article.source, "link", error))
        return "rejected"
    assessed, article.work.assessed = article.work.assessed, False
    if not (match and match.exact) and not assessed:
        try:
            assess(article)
        except Exception as error:  # noqa: BLE001
            store.save_rejection(_internal_rejection(article.source, "assess", error))
            return "rejected"
    if match and match.exact:
        return "exact_copy" if store.add_source_to(match.article_id, article.source, article.raw_sha256) else "already_stored"
    if match:
        article.duplicate_of, article.duplicate_similarity = match.article_id, round(match.similarity, 3)
    try:
        saved = store.save_article(article, print_, match, entity_records(article.entities, article.language),
                                   site_vote=vote_to_file(article))
    except Exception as error:  # noqa: BLE001 - a row the database refuses must not stop the batch
        store.save_rejection(_internal_rejection(article.source, "store", error))
        return "rejected"
    if not saved:
        # Another writer stored the same text between our lookup and our insert.
        existing = store.article_with_content(print_.content_hash)
        if existing and store.add_source_to(existing, article.source, article.raw_sha256):
            return "exact_copy"
        return "already_stored"
    _assign_story(article, store)
    return "near_duplicate" if match else "new"


def _assign_story(article: Article, store: Store) -> None:
    """File a stored article under its story; a failure is recorded, the article stays stored."""
    try:
        await_annotations(article)  # its embedding may still be computing beside (``analyze_new``)
        assign_story(article, store)
        date_from_story(article, store)  # a date resting on the fetch day alone: its story's days bound it
    except Exception as error:  # noqa: BLE001
        store.save_rejection(_internal_rejection(article.source, "link (stories)", error))


def document_batches(
    inputs: Iterable[str],
    options: ReadOptions,
    summary: Summary,
    on_file: Callable[[str], None] | None = None,
    size: int = BATCH_SIZE,
) -> Iterator[list[RawDocument | Rejection]]:
    """The inputs' documents (and unusable inputs as rejections) in batches of ``size``."""
    batch: list[RawDocument | Rejection] = []
    for item in expand_inputs(inputs):
        if isinstance(item, Rejection):
            batch.append(item)
            continue
        summary.files += 1
        if on_file:
            on_file(str(item))
        for document in read_path_safely(item, options):
            batch.append(document)
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch


def ingest(
    inputs: Iterable[str],
    store: Store,
    options: ReadOptions = ReadOptions(),
    on_file: Callable[[str], None] | None = None,
    on_document: Callable[[str, str], None] | None = None,
    batch_size: int = BATCH_SIZE,
    on_read: Callable[[int], None] | None = None,
) -> Summary:
    """Ingest every input into ``store``; callbacks let a caller show progress (``on_read``
    gets the number of documents of each batch read, before it is analysed)."""
    summary = Summary()
    started = datetime.now(UTC)
    check_story_space(store)

    def store_and_count(documents: list[RawDocument | Rejection], analyzed: AnalyzedBatch) -> None:
        count_outcomes(summary, documents, store_batch(analyzed, store), on_document)

    # One batch of look-ahead: batch N+1 is parsed while batch N's embeddings finish beside
    # it, and only then is batch N stored, so the embedding thread is never idle while this
    # one stores. Storing stays in input order, one article at a time, as before.
    previous: tuple[list[RawDocument | Rejection], AnalyzedBatch] | None = None
    for batch in document_batches(inputs, options, summary, on_file, batch_size):
        if on_read:
            on_read(len(batch))
        analyzed = analyze_new(batch, store)
        if previous:
            store_and_count(*previous)
        previous = (batch, analyzed)
    if previous:
        store_and_count(*previous)
    finish_ingest(store, started)
    return summary


def check_stale_analyses(store: Store, show: Callable[[str], None]) -> int:
    """Say (to ``show``) how many stored articles other code, models or settings analysed."""
    current = provenance.current().key
    stale = sum(count for key, count in store.provenance_counts().items() if key != current)
    if stale:
        show(f"{stale} stored article(s) were analysed by another version, models or settings of newsweave: "
             "`newsweave reanalyze --stale` analyses them again")
    return stale


def check_story_space(store: Store, show: Callable[[str], None] | None = None) -> str | None:
    """At the start of an ingest: warn (once per store) when the stored stories were made in
    another embedding space than ``annotate.embeddings.STORY_SPACE``, where new articles
    would be misfiled. The warning goes to ``show`` when given (the command line prints it),
    else to the log; ingest goes on either way. A store without stories takes the current space."""
    space = store.story_space()
    problem = _stale_reason(store, space)
    if problem is None and space != STORY_SPACE:
        store.record_story_space(STORY_SPACE)  # no stories yet: the first ones will be made in it
    elif problem and store not in _warned_stale:
        _warned_stale.add(store)
        (show or log.warning)(problem)
    return problem


def stale_stories(store: Store) -> str | None:
    """Why the store's stories must be rebuilt with ``newsweave restory``, or None."""
    return _stale_reason(store, store.story_space())


def _stale_reason(store: Store, space: str | None) -> str | None:
    """``stale_stories`` for the space recorded in the store (read by the caller)."""
    if space == STORY_SPACE or not store.has_stories():
        return None
    if space == STORY_SPACE_REBUILDING:
        made = "left half rebuilt by a `newsweave restory` that did not finish"
    elif space:
        made = f"made with another embedding ({space})"
    else:
        made = "made by an older newsweave, with another embedding"
    where = store.engine.url.render_as_string(hide_password=True)
    return (f"the stories in {where} were {made}; new articles compared with them would be misfiled."
            " Run `newsweave restory` to rebuild them.")


def finish_ingest(store: Store, started: datetime) -> None:
    """What runs once after a whole ingest: cross-article checks on what it stored."""
    _corroborate_quotes(store, started)


def _corroborate_quotes(store: Store, since: datetime) -> None:
    """Match the new articles' quotes with their stories' (and update their peers' flags)."""
    try:
        corroborate(store.articles_ingested_since(since), store)
    except Exception as error:  # noqa: BLE001 - the articles stay stored; the failure is recorded
        store.save_rejection(_internal_rejection("(quote corroboration)", "assess", error))


def _internal_rejection(source: str, stage: str, error: Exception) -> Rejection:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    place = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    message = str(error).splitlines()[0][:200] if str(error) else ""
    return Rejection(source, f"internal error in {stage}: {type(error).__name__}{place}: {message}")
