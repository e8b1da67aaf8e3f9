"""Run the stages in the order data flows: ingest → extract → annotate → link → assess → store.

Each document is processed on its own; a failure in any stage becomes a rejection with the
stage's name in its reason, so one bad input never stops a batch.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.annotate import annotate
from newsweave.assess import assess
from newsweave.extract import extract_document
from newsweave.ingest import ReadOptions, expand_inputs, read_path
from newsweave.link import find_duplicate, fingerprint
from newsweave.model import Article, RawDocument, Rejection
from newsweave.store import Store
from newsweave.textnorm import content_hash

OUTCOMES = ("new", "near_duplicate", "exact_copy", "already_stored", "rejected")


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


def analyze_document(document: RawDocument, options: AnalyzeOptions = AnalyzeOptions()) -> Article | Rejection:
    """Extract, annotate and assess one document, without a store."""
    try:
        extracted = extract_document(document)
    except Exception as error:  # noqa: BLE001 - any failure becomes a rejection, never a crash
        return _internal_rejection(document.source, "extract", error)
    if isinstance(extracted, Rejection):
        return extracted
    article = extracted
    if options.url:
        article.url = options.url
    if options.language:
        article.language = options.language
    if options.published:
        article.published, article.published_basis = options.published, "given"
    try:
        return assess(annotate(article))
    except Exception as error:  # noqa: BLE001
        return _internal_rejection(document.source, "annotate", error)


def read_documents(inputs: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[RawDocument | Rejection]:
    for item in expand_inputs(inputs):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_path(item, options)


def ingest_document(document: RawDocument | Rejection, store: Store) -> str:
    """Process one document into the store; returns its outcome (one of ``OUTCOMES``)."""
    if isinstance(document, Rejection):
        store.save_rejection(document)
        return "rejected"
    if store.knows_source(document.source, document.raw_sha256):
        return "already_stored"
    result = analyze_document(document)
    if isinstance(result, Rejection):
        store.save_rejection(result)
        return "rejected"
    return _store_article(result, store)


def _store_article(article: Article, store: Store) -> str:
    try:
        print_ = fingerprint(article.text, content_hash(article.text))
        match = find_duplicate(print_, store)
    except Exception as error:  # noqa: BLE001
        store.save_rejection(_internal_rejection(article.source, "link", error))
        return "rejected"
    if match and match.exact:
        return "exact_copy" if store.add_source_to(match.article_id, article.source, article.raw_sha256) else "already_stored"
    if match:
        article.duplicate_of, article.duplicate_similarity = match.article_id, round(match.similarity, 3)
    if not store.save_article(article, print_, match):
        # Another writer stored the same text between our lookup and our insert.
        existing = store.article_with_content(print_.content_hash)
        if existing and store.add_source_to(existing, article.source, article.raw_sha256):
            return "exact_copy"
        return "already_stored"
    return "near_duplicate" if match else "new"


def ingest(
    inputs: Iterable[str],
    store: Store,
    options: ReadOptions = ReadOptions(),
    on_file: Callable[[str], None] | None = None,
    on_document: Callable[[str, str], None] | None = None,
) -> Summary:
    """Ingest every input into ``store``; callbacks let a caller show progress."""
    summary = Summary()
    for item in expand_inputs(inputs):
        if isinstance(item, Rejection):
            _count(summary, item, ingest_document(item, store), on_document)
            continue
        summary.files += 1
        if on_file:
            on_file(str(item))
        for document in read_path(item, options):
            _count(summary, document, ingest_document(document, store), on_document)
    return summary


def _count(summary: Summary, document: RawDocument | Rejection, outcome: str, on_document) -> None:
    summary.outcomes[outcome] += 1
    if on_document:
        on_document(document.source, outcome)


def _internal_rejection(source: str, stage: str, error: Exception) -> Rejection:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    place = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    message = str(error).splitlines()[0][:200] if str(error) else ""
    return Rejection(source, f"internal error in {stage}: {type(error).__name__}{place}: {message}")
