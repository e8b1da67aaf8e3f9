"""Speed of the whole pipeline, of Dask scale-out and of the API, on a generated en/fr corpus.

    .venv/bin/python bench/pipeline.py [--pipeline-only] [--articles 60] [--rounds 5] [--clients 20] [--requests 200] [--plot docs/pipeline-bench.png]

Prints, in one run (models loaded before any timing):
- articles/s of the full pipeline (``pipeline.ingest`` into a fresh SQLite store) and of
  spaCy's ``nlp.pipe`` alone on the same cleaned texts with the same models, and their ratio;
- ``run --dask`` on a LocalCluster with 1 and with 2 workers (models warmed on every worker
  first), in ``--rounds`` rounds of alternating order: the median of the rounds' speed-ups,
  and the ratio of the two median throughputs;
- peak RSS of this process (the full pipeline ran in it) and of the Dask workers;
- latency p50/p95 of an article page and of a full-text search with N concurrent clients
  against ``newsweave serve`` started as a separate process on loopback (bounded request count).
The corpus is made by ``newsweave.scale.synthetic`` (invented names), never copied articles.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SERVER_START_S = 180
CORPUS_LANGUAGES = ("en", "fr")


def _generate(folder: Path, count: int) -> list[str]:
    from newsweave.scale.synthetic import generate, write_text_files

    return [str(path) for path in write_text_files(generate(count, CORPUS_LANGUAGES, seed=2024), folder)]


def _warm_models() -> None:
    """Load every model the pipeline uses (both languages) before anything is timed: the few
    warm-up articles do not reach every lexicon (the word-town rule's loads at the first name that
    is a word), so those are loaded by name."""
    from newsweave.annotate.georesolve import warm_word_lexicons
    from newsweave.pipeline import analyze_batch, read_documents

    with tempfile.TemporaryDirectory() as scratch:
        analyze_batch(list(read_documents(_generate(Path(scratch), 4))))
    for language in CORPUS_LANGUAGES:
        warm_word_lexicons(language)


def bench_full_pipeline(inputs: list[str], db: Path) -> dict:
    from newsweave.pipeline import ingest
    from newsweave.store import Store

    store = Store(str(db))
    started = time.perf_counter()
    summary = ingest(inputs, store)
    seconds = time.perf_counter() - started
    texts = [(article.language, article.text) for article in store.iter_articles()]
    store.close()
    return {"articles": summary.articles, "seconds": seconds, "per_s": summary.articles / seconds, "texts": texts}


def bench_spacy_alone(texts: list[tuple[str, str]]) -> dict:
    from newsweave.annotate.nlp import PIPE_BATCH_SIZE, pipeline

    by_language: dict[str, list[str]] = {}
    for language, text in texts:
        by_language.setdefault(language, []).append(text)
    started = time.perf_counter()
    for language, group in by_language.items():
        for _doc in pipeline(language).pipe(group, batch_size=PIPE_BATCH_SIZE):
            pass
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "per_s": len(texts) / seconds,
            "models": {language: pipeline(language).meta.get("name") for language in by_language}}


def _warm_worker() -> int:
    _warm_models()
    import psutil

    return psutil.Process().memory_info().rss


def bench_dask_rounds(inputs: list[str], rounds: int, root: Path) -> dict:
    """1 against 2 workers, ``rounds`` times, each run on a new cluster into a new store.

    One pair of runs is a noisy ratio: on the 2-core machine of docs/benchmarks.md a worker's
    CPU per article moved by a fifth between runs a few seconds apart. So the pair is run several times, in
    alternating order (1 then 2, 2 then 1, ...) so that a drift favours neither, and the
    median of the rounds' speed-ups is reported beside each round's, with the ratio of the
    median throughputs (the same figure when the noise is slow drift, lower or higher when
    it is run to run)."""
    runs: list[dict] = []
    speedups: list[float] = []
    for round_ in range(rounds):
        order = (1, 2) if round_ % 2 == 0 else (2, 1)
        pair = {workers: bench_dask(inputs, workers, root / f"dask{workers}-{round_}.db") for workers in order}
        runs += [dict(pair[workers], round=round_) for workers in (1, 2)]
        speedups.append(pair[2]["per_s"] / pair[1]["per_s"])
    medians = [statistics.median(run["per_s"] for run in runs if run["workers"] == workers) for workers in (1, 2)]
    return {"runs": runs, "speedups": speedups, "speedup": statistics.median(speedups),
            "median_per_s": medians, "speedup_of_medians": medians[1] / medians[0]}


def bench_dask(inputs: list[str], workers: int, db: Path) -> dict:
    from newsweave.scale.dask_runner import Scheduler, dask_client, ingest_distributed
    from newsweave.store import Store

    with dask_client(Scheduler(workers=workers)) as client:
        client.run(_warm_worker)
        store = Store(str(db))
        started = time.perf_counter()
        summary = ingest_distributed(inputs, store, client)
        seconds = time.perf_counter() - started
        rss = client.run(lambda: __import__("psutil").Process().memory_info().rss)
        store.close()
    return {"workers": workers, "seconds": seconds, "per_s": summary.articles / seconds,
            "worker_rss_mib": max(rss.values()) / 2**20}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_api(db: Path, clients: int, requests: int) -> dict:
    import httpx

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from newsweave.cli import main; main()", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_server(base)
        with httpx.Client(base_url=base, timeout=60) as probe:
            items = probe.get("/api/articles", params={"limit": 50}).json()["items"]
        pages = [f"/articles/{item['id']}.html" for item in items]
        searches = [f"/api/articles?q={word}" for word in ("bridge", "council tram", "pont", "harbour", "école", "ferry")]
        return {"clients": clients, "requests": requests,
                "article_page": _latencies(base, pages, clients, requests),
                "search": _latencies(base, searches, clients, requests)}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for_server(base: str) -> None:
    import httpx

    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise RuntimeError("newsweave serve did not start")


def _latencies(base: str, paths: list[str], clients: int, requests: int) -> dict:
    """``requests`` GETs spread over ``clients`` threads, each with its own connection."""
    import httpx

    local = threading.local()

    def one(number: int) -> float:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=base, timeout=120)
        started = time.perf_counter()
        response = local.client.get(paths[number % len(paths)])
        response.raise_for_status()
        return (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        times = sorted(pool.map(one, range(requests)))
    wall = time.perf_counter() - started
    return {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))], "per_s": requests / wall}


def _plot(results: dict, path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed (pip install -e '.[bench]'): no plot", file=sys.stderr)
        return
    figure, (speed, latency) = plt.subplots(1, 2, figsize=(10, 3.6))
    names = ["spaCy nlp.pipe\nalone", "full\npipeline", "Dask\n1 worker", "Dask\n2 workers"]
    values = [results["spacy"]["per_s"], results["pipeline"]["per_s"], *results["dask_median_per_s"]]
    speed.bar(names, values, color=["#9ca3af", "#2563eb", "#16a34a", "#15803d"])
    speed.set_ylabel("articles/s")
    speed.set_title("Throughput, en/fr corpus (Dask: median of rounds)")
    api = results["api"]
    kinds = ["article_page", "search"]
    for offset, key, colour in ((-0.2, "p50_ms", "#2563eb"), (0.2, "p95_ms", "#f59e0b")):
        latency.bar([index + offset for index in range(len(kinds))], [api[kind][key] for kind in kinds], width=0.4,
                    label=key.replace("_ms", ""), color=colour)
    latency.set_xticks(range(len(kinds)), ["article page", "search"])
    latency.set_ylabel("ms")
    latency.set_title(f"API latency, {api['clients']} concurrent clients")
    latency.legend()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)
    print(f"plot written to {path}")


def pipeline_against_spacy(articles: int) -> dict:
    """The full pipeline's speed, spaCy's alone on the same texts, and their ratio."""
    with tempfile.TemporaryDirectory(prefix="newsweave-bench-") as scratch:
        root = Path(scratch)
        inputs = _generate(root / "corpus", articles)
        _warm_models()
        full = bench_full_pipeline(inputs, root / "full.db")
        spacy_only = bench_spacy_alone(full.pop("texts"))
    return {"articles": articles, "load_average": os.getloadavg(), "pipeline_per_s": full["per_s"],
            "spacy_per_s": spacy_only["per_s"], "ratio_pipeline_to_spacy": spacy_only["per_s"] / full["per_s"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5, help="rounds of Dask 1 against 2 workers")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200, help="requests per API measurement")
    parser.add_argument("--plot", type=Path, default=None, help="write a PNG plot here")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    parser.add_argument("--pipeline-only", action="store_true",
                        help="only the full pipeline against spaCy alone (to compare two checkouts)")
    arguments = parser.parse_args()
    if arguments.pipeline_only:
        print(json.dumps(pipeline_against_spacy(arguments.articles), indent=2))
        return

    with tempfile.TemporaryDirectory(prefix="newsweave-bench-") as scratch:
        root = Path(scratch)
        inputs = _generate(root / "corpus", arguments.articles)
        _warm_models()
        full = bench_full_pipeline(inputs, root / "full.db")
        peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        spacy_only = bench_spacy_alone(full.pop("texts"))
        dask = bench_dask_rounds(inputs, arguments.rounds, root)
        api = bench_api(root / "full.db", arguments.clients, arguments.requests)
    results = {
        "articles": arguments.articles, "cpus": os.cpu_count(), "load_average": os.getloadavg(),
        "pipeline": full, "spacy": spacy_only, "ratio_pipeline_to_spacy": spacy_only["per_s"] / full["per_s"],
        "peak_rss_mib": peak_rss, "dask": dask["runs"], "dask_speedups": dask["speedups"], "dask_speedup": dask["speedup"],
        "dask_median_per_s": dask["median_per_s"], "dask_speedup_of_medians": dask["speedup_of_medians"],
        "api": api,
    }
    print(json.dumps(results, indent=2, default=str))
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    if arguments.plot:
        _plot(results, arguments.plot)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    main()
