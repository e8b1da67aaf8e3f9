"""``newsweave run --dask SCHEDULER|local[:N]``: the heavy stages on a Dask cluster.

Workers extract and annotate batches of documents (the CPU-bound part: spaCy, language
identification, entity and quote finding); the client links, assesses and stores what comes
back **in input order**, one article at a time, exactly as a local ``ingest`` does. So
duplicate detection, entity linking and story assignment see the same sequence whatever
the number of workers, and a run on a cluster gives the same store as a run on one core.

Each worker is a long-lived process, so the spaCy pipelines it loads (``annotate.nlp``,
cached per process) are loaded once per worker. A spaCy ``Doc`` travels back as
``Doc.to_bytes`` without its vocabulary (the model's vectors would make every batch tens of
MB) and is rebuilt on the client against the client's own copy of the same model.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsweave.ingest import ReadOptions
from newsweave.model import Article, RawDocument, Rejection
from newsweave.pipeline import (
    AnalyzedBatch, Summary, analyze_batch, check_story_space, count_outcomes, document_batches,
    finish_ingest, split_known, store_batch, work_ahead,
)
from newsweave.store import Store

# Batches queued per worker: enough that a worker never waits for the client, few enough
# that results waiting to be stored stay a small multiple of one batch in memory.
IN_FLIGHT_PER_WORKER = 2
# Documents per task: half a local ingest's batch. The last tasks' articles are stored by the
# one client process after the workers are done, and a worker that finishes first idles while
# the other ends its last task; smaller tasks shorten both, and a worker's spaCy pipe is as
# fast on 16 documents as on 32. Measured on 120 articles, 2 workers (docs/benchmarks.md):
# speed-up 1.72 and 1.84 against 1.69 and 1.64 in one pair of rounds, no difference in a later one.
TASK_SIZE = 16
# The last documents of a run go out in tasks a quarter of that size (``tapered``): a worker
# that finishes first then idles for a fraction of a small task, not of a whole one, while
# the other ends its last, and the client has only a small task left to store after both.
TAIL_PARTS = 4
# Dask's housekeeping, slowed down for a LocalCluster. Its nannies and scheduler run in the
# client's process, which also links and stores; on a small machine every core is taken by
# a worker, so their timers take CPU from the work. Measured on 2 cores (docs/benchmarks.md):
# the defaults cost the client's event loop ~4 ms of CPU per article, a worker's sampling
# profiler (every 10 ms, for the dashboard's profile page) a few per cent of each worker.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",  # nanny and worker memory checks (100 ms)
    "distributed.admin.system-monitor.interval": "2s",  # CPU/memory/network samples for the dashboard (500 ms)
    "distributed.admin.tick.interval": "200ms",  # event-loop blocking watchdog (20 ms)
}


@dataclass(frozen=True)
class Scheduler:
    """Where to run: a local cluster of ``workers`` processes, or a scheduler's address."""

    address: str | None = None
    workers: int | None = None

    @classmethod
    def parse(cls, spec: str) -> Scheduler:
        """``local`` (one worker per core), ``local:N``, or ``tcp://host:8786`` (any Dask address)."""
        if spec == "local":
            return cls()
        if spec.startswith("local:"):
            count = spec.removeprefix("local:")
            if not count.isdigit() or int(count) < 1:
                raise ValueError(f"--dask local:N needs a whole number of workers ≥ 1, got {spec!r}")
            return cls(workers=int(count))
        if "://" not in spec and ":" not in spec:
            raise ValueError(f"--dask takes local, local:N or a scheduler address such as tcp://host:8786, got {spec!r}")
        return cls(address=spec)


@contextmanager
def dask_client(scheduler: Scheduler) -> Iterator[Any]:
    """A ``distributed.Client``: on a new ``LocalCluster`` or connected to a running scheduler."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler.address:
        with Client(scheduler.address) as client:
            yield client
        return
    # One thread per worker process: spaCy and the annotators are CPU-bound Python, so
    # parallelism comes from processes, and a worker holds one copy of each model.
    with dask.config.set(LOCAL_CLUSTER_CONFIG), LocalCluster(
        n_workers=scheduler.workers, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        yield client


def analyze_on_worker(documents: list[RawDocument | Rejection]) -> list[Article | Rejection]:
    """Extract, annotate and work ahead (assess, fingerprint) on a worker: what the client needs to store it.

    A worker has one thread (``threads_per_worker=1``), so it is given one core: nothing runs
    beside the parse and the embedding engine gets one OpenMP thread (``overlap=False``).
    Parallelism comes from the number of workers, as Dask intends.
    """
    results = analyze_batch(documents, with_assess=False, overlap=False)
    for result in results:
        if isinstance(result, Article):
            work_ahead(result)
            if result.work.assessed:  # the parse was kept for assessing only
                result.work.doc = None
            elif result.work.doc is not None:
                result.work.doc_bytes, result.work.doc = result.work.doc.to_bytes(), None
    return results


def _restore_doc(article: Article) -> None:
    """Rebuild the worker's parse against this process's copy of the language's model."""
    packed, article.work.doc_bytes = article.work.doc_bytes, None
    if packed is not None:
        from spacy.tokens import Doc

        from newsweave.annotate.nlp import pipeline

        article.work.doc = Doc(pipeline(article.language).vocab).from_bytes(packed)


def analyse_on_cluster(client: Any) -> Callable[[Iterable[list[RawDocument]]], Iterator[list[Article | Rejection]]]:
    """An analyser for ``newsweave.reanalyze``: the batches go to ``client``'s workers (a few
    in flight per worker) and come back in order, with their parses rebuilt here."""

    def analyse(batches: Iterable[list[RawDocument]]) -> Iterator[list[Article | Rejection]]:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[Any] = deque()
        for documents in batches:
            pending.append(client.submit(analyze_on_worker, list(documents), pure=False))
            if len(pending) > IN_FLIGHT_PER_WORKER * workers:
                yield _restored(pending.popleft().result())
        while pending:
            yield _restored(pending.popleft().result())

    return analyse


def _restored(results: list[Article | Rejection]) -> list[Article | Rejection]:
    for result in results:
        if isinstance(result, Article):
            _restore_doc(result)
    return results


@dataclass
class _Batch:
    documents: list[RawDocument | Rejection]
    outcomes: list[str | None]
    todo: list[int]
    future: Any = None


def ingest_distributed(
    inputs: Iterable[str],
    store: Store,
    client: Any,
    options: ReadOptions = ReadOptions(),
    on_file: Callable[[str], None] | None = None,
    on_document: Callable[[str, str], None] | None = None,
    batch_size: int = TASK_SIZE,
) -> Summary:
    """Like ``pipeline.ingest``, with extraction and annotation done by ``client``'s workers."""
    summary = Summary()
    started = datetime.now(UTC)
    check_story_space(store)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque[_Batch] = deque()
    most_in_flight = IN_FLIGHT_PER_WORKER * workers * batch_size  # documents sent and not yet stored

    def store_oldest() -> None:
        batch = pending.popleft()
        results = batch.future.result() if batch.future is not None else []
        for result in results:
            if isinstance(result, Article):
                _restore_doc(result)
        analyzed = AnalyzedBatch(batch.outcomes, list(zip(batch.todo, results, strict=True)))
        count_outcomes(summary, batch.documents, store_batch(analyzed, store), on_document)

    batches = document_batches(inputs, options, summary, on_file, batch_size)
    for documents in tapered(batches, workers, max(1, batch_size // TAIL_PARTS)):
        pending.append(_submit(documents, store, client))
        while sum(len(batch.documents) for batch in pending) > most_in_flight:
            store_oldest()
    while pending:
        store_oldest()
    finish_ingest(store, started)
    return summary


def tapered(
    batches: Iterable[list[RawDocument | Rejection]], workers: int, tail_size: int,
) -> Iterator[list[RawDocument | Rejection]]:
    """The batches in order, except that the documents of the last ``workers`` batches come
    re-cut into batches of ``tail_size``. A stream's end is only known once it is reached,
    so that many batches are held back (read, not yet sent) until the next one arrives."""
    held: deque[list[RawDocument | Rejection]] = deque()
    for batch in batches:
        held.append(batch)
        if len(held) > workers:
            yield held.popleft()
    tail = [document for batch in held for document in batch]
    for start in range(0, len(tail), tail_size):
        yield tail[start:start + tail_size]


def _submit(documents: list[RawDocument | Rejection], store: Store, client: Any) -> _Batch:
    """Send a batch's new documents to the cluster; inputs stored before are not sent."""
    outcomes, todo = split_known(documents, store)
    batch = _Batch(documents, outcomes, todo)
    if todo:
        batch.future = client.submit(analyze_on_worker, [documents[index] for index in todo], pure=False)
    return batch
