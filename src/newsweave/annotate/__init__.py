"""Stage 3, annotate: what each article says on its own, needing no other article.

``ANNOTATORS`` run in order over a batch of articles (a batch lets model pipelines such
as spaCy's ``nlp.pipe`` work efficiently); each takes the list and fills fields in place.
An annotator may leave working data (a parsed Doc) in ``article.work`` for later ones.

Each annotator declares what it needs and what it adds, as spaCy's components declare
``requires`` and ``assigns``; :func:`check_order` proves at import that every need is met
by the article as extracted or by an annotator before it, so a reordering that would
starve a stage fails at start-up instead of leaving fields silently empty.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import nullcontext
from dataclasses import dataclass

from newsweave.annotate.dates import annotate_dates
from newsweave.annotate import embeddings
from newsweave.annotate.embeddings import embed_articles
from newsweave.annotate.events import annotate_events
from newsweave.annotate.entities import annotate_entities
from newsweave.annotate.language import detect_language
from newsweave.annotate.quotes import annotate_quotes
from newsweave.model import Article, Skip
from threadpoolctl import threadpool_limits

AnnotateFunction = Callable[[list[Article]], None]
# What the extract stage gives every article: the names annotators may need from the start.
EXTRACTED = frozenset({"text", "title", "published", "url"})


@dataclass(frozen=True)
class Annotator:
    """One annotation step: its name (the stage a skip is recorded under), what it reads and
    what it fills. Names are the article's fields, and ``work.<field>`` for work in flight."""

    name: str
    run: AnnotateFunction
    needs: frozenset[str] = frozenset()
    adds: frozenset[str] = frozenset()

    def __call__(self, articles: list[Article]) -> None:
        self.run(articles)


def annotator(name: str, run: AnnotateFunction, *, needs: Sequence[str] = (), adds: Sequence[str] = ()) -> Annotator:
    return Annotator(name, run, frozenset(needs), frozenset(adds))


class AnnotatorOrderError(RuntimeError):
    """An annotator would run before what it needs is there."""


def check_order(steps: Sequence[Annotator | AnnotateFunction], given: frozenset[str] = EXTRACTED,
                beside: Sequence[Annotator | AnnotateFunction] = ()) -> None:
    """Raise :class:`AnnotatorOrderError` when an annotator needs what neither the extracted
    article nor an earlier annotator gives. ``beside`` run next to ``steps``, so they may
    need only what the article has before any of them (the language is detected first)."""
    have = set(given)
    for step in beside:
        _check_step(step, have | {"language"}, "beside the annotators")
    for step in steps:
        _check_step(step, have, "before it")
        have |= getattr(step, "adds", frozenset())


def _check_step(step: Annotator | AnnotateFunction, have: set[str], where: str) -> None:
    missing = sorted(set(getattr(step, "needs", frozenset())) - have)
    if missing:
        raise AnnotatorOrderError(
            f"annotator {stage_name(step)!r} needs {', '.join(missing)}, which nothing {where} adds")


def annotate_language(articles: list[Article]) -> None:
    for article in articles:
        if not article.language:
            article.language, article.language_score = detect_language(article.text)


ANNOTATORS: list[Annotator | AnnotateFunction] = [
    annotator("language", annotate_language, needs=["text"], adds=["language"]),
    annotator("entities", annotate_entities, needs=["text", "language"], adds=["entities", "work.doc"]),
    annotator("dates", annotate_dates, needs=["text", "language", "published"],
              adds=["dates", "work.timexes", "work.published_inference"]),
    # Quotes name their speakers by the entities; events link their actors and dates.
    annotator("quotes", annotate_quotes, needs=["text", "language", "entities"], adds=["quotes"]),
    annotator("events", annotate_events, needs=["language", "entities", "dates"], adds=["events", "work.doc"]),
]
# Annotators that read only the title and text, so they can run beside ``ANNOTATORS``.
# Story embeddings are computed here rather than when linking: here they run in batches
# and, under ``run --dask``, on the workers instead of the client. The embedding engine is
# C code called through ctypes, which releases the GIL, so on a second core it overlaps
# the spaCy parse of the same batch instead of waiting for it.
BESIDE: list[Annotator | AnnotateFunction] = [
    annotator("embeddings", embed_articles, needs=["text", "title", "language"], adds=["work.embedding"]),
]
check_order(ANNOTATORS, beside=BESIDE)
# The engine's OpenMP team would otherwise take every core and wait at each barrier for the
# core the parse is using; one thread beside the parse keeps both cores busy (measured in
# bench/pipeline.py). OpenMP's thread count belongs to the calling thread, so this limit
# holds in the pool's thread only and leaves other callers (benches, the API) the default.
BESIDE_THREADS = 1
# A skip's reason keeps this many characters of the error (the first line: the cause).
SKIP_REASON_CHARS = 300
_beside_pools: dict[int, ThreadPoolExecutor] = {}


def _beside_pool() -> ThreadPoolExecutor:
    """This process's pool: a child forked from a process whose pool had started would
    inherit a pool object without its thread, and wait on it for ever."""
    pid = os.getpid()
    if pid not in _beside_pools:
        _beside_pools[pid] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsweave-annotate")
    return _beside_pools[pid]


def run_with_openmp_threads(threads: int, step: Annotator | AnnotateFunction, articles: list[Article]) -> None:
    """Run ``step`` with at most ``threads`` OpenMP threads in this thread."""
    # threadpoolctl only sees libraries already loaded, so the engine is loaded first.
    embeddings._model()  # noqa: SLF001 - loading only; the stage owns the engine
    single = embeddings.one_thread() if threads == 1 else nullcontext()
    with threadpool_limits(limits=threads, user_api="openmp"), single:
        step(articles)


def annotate_batch(articles: list[Article], *, overlap: bool = True, defer: bool = False) -> list[Article]:
    """Run every annotator over the batch.

    ``overlap=False`` keeps to the calling thread and one core (a Dask worker is given one
    core, so it must not start a second busy thread). ``defer=True`` returns before the
    ``BESIDE`` annotators are done, so the caller's next work (storing the batch) overlaps
    them too; it must call ``await_annotations`` on each article before using their fields.
    """
    # Languages first: the BESIDE embeddings are centred by language, and must not read it while
    # the main thread is still detecting it (detection is cheap; ANNOTATORS then skip it).
    annotate_language(articles)
    if not overlap:
        for annotator in ANNOTATORS:
            run_or_skip(annotator, articles)
        for annotator in BESIDE:
            run_with_openmp_threads(1, annotator, articles)
        return articles
    beside = [_beside_pool().submit(run_with_openmp_threads, BESIDE_THREADS, annotator, articles)
              for annotator in BESIDE]
    try:
        for annotator in ANNOTATORS:
            run_or_skip(annotator, articles)
    except BaseException:
        wait(beside)  # a retry must not race the thread still filling these articles
        raise
    if defer:
        for article in articles:
            article.work.pending = beside
    else:
        for future in beside:
            future.result()  # re-raises the annotator's error, so the batch is retried one by one
    return articles


def stage_name(step: Annotator | AnnotateFunction) -> str:
    """The name a skip is recorded under: the annotator's, or a bare function's without
    ``annotate_`` (``annotate_entities`` -> ``entities``)."""
    if isinstance(step, Annotator):
        return step.name
    return getattr(step, "__name__", "annotator").removeprefix("annotate_")


def run_or_skip(annotator: Annotator | AnnotateFunction, articles: list[Article]) -> None:
    """Run an annotator over the batch; where it fails, find the articles it fails on and
    record it as skipped on those (stage and reason), so that they are stored with what
    the other stages found instead of being rejected.

    A missing language component (spaCy's Japanese tokenizer without SudachiPy, a model
    that cannot be loaded) fails the same way for every article of that language; the
    article itself is fine, so it is never a reason to lose it.
    """
    try:
        annotator(articles)
        return
    except Exception as error:  # noqa: BLE001 - see the docstring: recorded, never raised
        if len(articles) == 1:
            _record_skip(articles[0], annotator, error)
            return
    for article in articles:
        run_or_skip(annotator, [article])


def _record_skip(article: Article, annotator: Annotator | AnnotateFunction, error: Exception) -> None:
    lines = str(error).strip().splitlines()
    reason = f"{type(error).__name__}: {lines[0] if lines else ''}".strip()[:SKIP_REASON_CHARS]
    article.skipped.append(Skip(stage_name(annotator), f"{reason} (language {article.language or 'unknown'})"))
    article.work.doc = None  # a parse left half-made must not feed the next stage


def await_annotations(article: Article) -> None:
    """Wait for the deferred ``BESIDE`` annotators of the article's batch (re-raising their error)."""
    pending, article.work.pending = article.work.pending, []
    for future in pending:
        future.result()


def annotate(article: Article) -> Article:
    """Annotate one article (a batch of one)."""
    return annotate_batch([article])[0]
