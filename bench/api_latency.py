"""Latency of the daily-tool routes on a 20,000-article store, SQLite and PostgreSQL, under
10 concurrent clients: faceted search with three filters, an entity page, the trending list.

    nice .venv/bin/python bench/api_latency.py [--articles 20000] [--clients 10] [--requests 30]
                                               [--backends sqlite postgresql] [--indexes 10]
                                               [--baseline-src OTHER_CHECKOUT/src]

It ends with a p50/p95 table of every backend and route (Markdown, for docs/benchmarks.md).

The store is written straight into the tables (no pipeline: analysing 20,000 articles
would take hours on this machine, and these routes read only rows): generated articles
(``scale.synthetic``, invented names, en and fr), 40 outlets, 3,000 entities (a third of
them places with coordinates) named with a long-tailed frequency (a few very often, most
rarely, one to three times in an article), 2,000 stories (also long-tailed), a flag on one article in ten, arrival times over 30 days with a
burst in a few stories in the last hours. SQLite gets its FTS5 rows and their rowid map
(``store.fulltext.index_texts``, as ``Store.save_article`` writes them); PostgreSQL indexes
by itself (migration 0002).

The server is ``newsweave serve``'s app in its own process (uvicorn, one worker, as
``serve`` runs it); each client is a thread with its own HTTP connection sending requests
back to back. Each route gets ``clients × requests`` timed requests after a few untimed
ones; the figures are p50 and p95 of the wall time per request, seen by the client.
PostgreSQL needs the server binaries (``/usr/lib/postgresql/*/bin``): the bench starts a
throwaway server as the tests do (``tests/conftest.py``), and skips it with a message if
they are absent.

``--baseline-src DIR`` first serves the same store with the code of another checkout (its
``src`` folder, e.g. ``git worktree add /tmp/base main``), then with this one, so before and
after are measured in the same run under the same load; the baseline server does not
migrate the store (this checkout's migrations are applied already, new indexes included).

``--indexes N`` then times the same reads called directly, one at a time, with the read
indexes of revision 0011 and without them (downgraded to 0010 on the same store, then
upgraded again): the median of ``N`` requests per route, trending uncached (at 0010 SQLite
matches words as before revision 0013_search: ids read from the FTS table).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from sqlalchemy import insert, text  # noqa: E402

from newsweave.lang import load  # noqa: E402
from newsweave.scale.synthetic import generate  # noqa: E402
from newsweave.store import Store, schema  # noqa: E402
from newsweave.store.fulltext import index_texts  # noqa: E402
from newsweave.store.search import FLAG_KINDS  # noqa: E402

ENTITIES, PLACES_SHARE, STORIES, OUTLETS = 3000, 3, 2000, 40
BATCH = 1000
WARM_REQUESTS = 5
SERVER_START_S = 60


def _long_tail(rng: random.Random, size: int, power: float) -> int:
    """An index in [0, size) drawn so that low indices are far more frequent: with ``power``
    3 over 3,000 entities the first is in about 7 % of draws, with 2 over 2,000 stories
    the first story holds about 2 % of the articles."""
    return min(int(size * rng.random() ** power), size - 1)


def build_store(url: str, count: int, seed: int = 0) -> dict:
    """Fill an empty store at ``url``; returns what the request mix draws from."""
    rng = random.Random(seed)
    store = Store(url)
    now = datetime.now(UTC)
    entities = []
    for number in range(ENTITIES):
        kind = ("geo", "per", "org")[number % PLACES_SHARE]
        row = {"entity_id": f"{kind}:bench-{number}", "canonical": f"Name{number} {kind.title()}", "label": {"geo": "LOC", "per": "PER", "org": "ORG"}[kind],
               "aliases": [f"Name{number} {kind.title()}", f"Nom{number}"], "languages": ["en", "fr"],
               "lat": rng.uniform(-60, 70) if kind == "geo" else None, "lon": rng.uniform(-180, 180) if kind == "geo" else None,
               "country": None}
        entities.append(row)
    stories = [{"id": f"bench-story-{number}", "label": f"Story {number}", "languages": ["en", "fr"], "first": "2024-01-01",
                "last": "2024-12-28", "size": 0} for number in range(STORIES)]
    hot = {f"bench-story-{number}" for number in range(5)}
    with store.engine.begin() as connection:
        connection.execute(insert(schema.entities), entities)
        connection.execute(insert(schema.stories), stories)
    articles = generate(count, ("en", "fr"), seed)
    for start in range(0, count, BATCH):
        rows, sources, mentions, flags, members, fts = [], [], [], [], [], []
        for offset, generated in enumerate(articles[start:start + BATCH]):
            number = start + offset
            article_id = hashlib.sha256(generated.name.encode()).hexdigest()[:16]
            story = f"bench-story-{_long_tail(rng, STORIES, 2)}"
            recent = story in hot and rng.random() < 0.5
            arrived = now - (timedelta(hours=rng.uniform(0, 6)) if recent else timedelta(days=rng.uniform(0.3, 30)))
            body = f"{generated.title}\n\n{generated.text}"
            rows.append({
                "id": article_id, "source": f"bench/{generated.name}.txt", "kind": "text",
                "url": f"https://outlet{number % OUTLETS}.example/news/{generated.name}", "title": generated.title,
                "language": generated.language, "language_score": 1.0, "published": generated.published, "published_basis": "given",
                "raw_sha256": hashlib.sha256(body.encode()).hexdigest(), "content_hash": hashlib.sha256(f"{number}{body}".encode()).hexdigest(),
                "raw_text": body, "text": body, "offsets": [], "links": [], "copies": 1, "signature": b"\0" * 8,
                "annotations": {}, "ingested_at": arrived,
            })
            sources.append({"source": f"bench/{generated.name}.txt", "raw_sha256": rows[-1]["raw_sha256"], "article_id": article_id,
                            "ingested_at": arrived})
            named = {_long_tail(rng, ENTITIES, 3) for _ in range(rng.randint(3, 8))}
            for index in sorted(named):
                entity = entities[index]
                spelled = entity["canonical"] if generated.language == "en" else entity["aliases"][1]
                for _ in range(rng.randint(1, 3)):  # an entity is often named more than once in an article
                    mentions.append({"article_id": article_id, "entity_id": entity["entity_id"], "label": entity["label"],
                                     "start": 0, "end": len(spelled), "source_start": 0, "source_end": len(spelled), "text": spelled})
            if rng.random() < 0.1:
                flags.append({"article_id": article_id, "kind": rng.choice(FLAG_KINDS), "severity": "warning", "message": "bench",
                              "evidence": []})
            members.append({"story_id": story, "article_id": article_id})
            fts.append({"id": article_id, "title": generated.title, "text": body})
        with store.engine.begin() as connection:
            connection.execute(insert(schema.articles), rows)
            connection.execute(insert(schema.article_sources), sources)
            connection.execute(insert(schema.mentions), mentions)
            if flags:
                connection.execute(insert(schema.flags), flags)
            connection.execute(insert(schema.story_articles), members)
            if store.dialect == "sqlite":
                index_texts(connection, fts)
    if store.dialect == "postgresql":
        # As autovacuum leaves a store that has been idle a while: statistics, and the
        # visibility map that lets index-only scans skip the table.
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    store.close()
    words = {language: load(language, "synthetic")["thing"] for language in ("en", "fr")}
    return {"entities": [row["entity_id"] for row in entities[:300]],
            "places": [row for row in entities[:600] if row["lat"] is not None], "words": words}


def request_mix(pool: dict, rng: random.Random) -> dict[str, list[tuple[str, dict]]]:
    """Per route, the requests clients send (drawn once, the same for both backends)."""
    def words_language_dates() -> tuple[str, dict]:
        language = rng.choice(("en", "fr"))
        start = datetime(2024, 1, 1) + timedelta(days=rng.randint(0, 300))
        return "/api/search", {"q": rng.choice(pool["words"][language]).split()[-1], "language": language,
                               "since": start.date().isoformat(), "until": (start + timedelta(days=60)).date().isoformat()}

    def place_flag_language() -> tuple[str, dict]:
        place = rng.choice(pool["places"])
        return "/api/search", {"lat": round(place["lat"], 3), "lon": round(place["lon"], 3), "km": 500,
                               "flag": rng.choice(FLAG_KINDS), "language": rng.choice(("en", "fr"))}

    size = 400
    return {
        "search: words + language + dates": [words_language_dates() for _ in range(size)],
        "search: place 500 km + flag + language": [place_flag_language() for _ in range(size)],
        "entity page": [(f"/api/entities/{rng.choice(pool['entities'])}", {}) for _ in range(size)],
        "trending stories": [("/api/stories/trending", {}) for _ in range(size)],
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(url: str, src: Path = ROOT / "src", migrate: bool = True,
                 workers: int = 1) -> tuple[subprocess.Popen, str]:
    """``serve``'s app on ``url`` in a process of its own, with the code under ``src``; with
    ``workers`` > 1, as ``serve --workers N`` runs it (each worker loads the models first)."""
    port = free_port()
    if workers > 1:
        code = (
            "import os, sys; sys.path.insert(0, %r); os.environ['PYTHONPATH'] = %r;"
            "from newsweave.api.processes import serve_in_processes;"
            "serve_in_processes(%r, '127.0.0.1', %d, %d)"
        ) % (str(src), str(src), url, port, workers)
    else:
        code = (
            "import sys, uvicorn; sys.path.insert(0, %r);"
            "from newsweave.api import create_app; from newsweave.store import Store;"
            "%s"
            "uvicorn.run(create_app(Store(%r), warm=False), host='127.0.0.1', port=%d, log_level='warning')"
        ) % (str(src), "" if migrate else "Store._migrate = lambda self: None;", url, port)
    process = subprocess.Popen([sys.executable, "-c", code])
    base = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + SERVER_START_S * (3 if workers > 1 else 1)  # each worker loads the models
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


def measure(base: str, requests: list[tuple[str, dict]], clients: int, per_client: int) -> dict:
    import httpx

    timings: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        mine = requests[number::clients][: per_client + WARM_REQUESTS]
        with httpx.Client(base_url=base, timeout=60) as http:
            for index, (path, params) in enumerate(mine):
                started = time.perf_counter()
                response = http.get(path, params=params)
                elapsed = time.perf_counter() - started
                with lock:
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {path} {params}")
                    elif index >= WARM_REQUESTS:
                        timings.append(elapsed)

    threads = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    timings.sort()
    return {"requests": len(timings), "errors": errors[:3], "error_count": len(errors),
            "p50_ms": round(statistics.median(timings) * 1000, 1),
            "p95_ms": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))] * 1000, 1),
            "throughput_rps": round(len(timings) / wall, 1)}


def _direct_reads(url: str, mix: dict[str, list[tuple[str, dict]]], count: int) -> dict[str, float]:
    """Median ms of ``count`` reads per route, called in this process one at a time."""
    from newsweave.store.entity_pages import entity_profile
    from newsweave.store.search import Near, SearchFilter, search
    from newsweave.store.trending import trending_stories

    store = Store(url)
    if store.dialect == "postgresql":  # the planner needs statistics of the indexes it has now
        with store.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    medians = {}
    for name, requests in mix.items():
        timings = []
        for path, params in requests[:count]:
            started = time.perf_counter()
            if name.startswith("search"):
                near = Near(params["lat"], params["lon"], params["km"]) if "lat" in params else None
                wanted = SearchFilter(q=params.get("q"), language=params.get("language"), flag=params.get("flag"), near=near,
                                      since=date.fromisoformat(params["since"]) if "since" in params else None,
                                      until=date.fromisoformat(params["until"]) if "until" in params else None)
                search(store, wanted)
            elif name == "entity page":
                entity_profile(store, path.rsplit("/", 1)[1])
            else:
                trending_stories(store)
            timings.append(time.perf_counter() - started)
        medians[name] = round(statistics.median(timings) * 1000, 1)
    store.engine.dispose()
    return medians


def compare_indexes(url: str, mix: dict[str, list[tuple[str, dict]]], count: int) -> dict[str, dict[str, float]]:
    """Direct reads downgraded to 0010 (no read indexes), then upgraded again to head."""
    from importlib import resources

    from alembic import command
    from alembic.config import Config

    from newsweave.store.database import database_url

    config = Config()
    config.set_main_option("script_location", str(resources.files("newsweave.store") / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url(url))
    command.downgrade(config, "0010")
    try:
        without = _direct_reads_at_0010(url, mix, count)
    finally:
        command.upgrade(config, "head")
    with_indexes = _direct_reads(url, mix, count)
    return {"with 0011 indexes": with_indexes, "without (0010)": without}


def _direct_reads_at_0010(url: str, mix: dict[str, list[tuple[str, dict]]], count: int) -> dict[str, float]:
    """As ``_direct_reads``; ``Store`` would migrate back to head on opening, so the
    migration is skipped, and PostgreSQL matches words as before 0011 (the expression of
    revision 0002: the stored ``search_document`` column is gone)."""
    from newsweave.store import fulltext, search

    original, match = Store._migrate, search._PG_MATCH
    matched_ids, per_candidate = fulltext.matched_ids, search.per_candidate
    Store._migrate = lambda self: None  # type: ignore[method-assign]
    search._PG_MATCH = ("to_tsvector('simple', coalesce(articles.title, '') || ' ' || articles.text) "
                        "@@ websearch_to_tsquery('simple', :fulltext)")
    # SQLite before 0013_search: no rowid map, the ids are read from the FTS table.
    fulltext.matched_ids = lambda words: text("SELECT article_id FROM articles_fts WHERE articles_fts MATCH :fulltext").bindparams(
        fulltext=fulltext.fts5_query(words))
    search.per_candidate = lambda *args, **kwargs: False
    search._statements.clear()  # facet statements are kept per shape: build them with the old matching
    try:
        return _direct_reads(url, mix, count)
    finally:
        Store._migrate, search._PG_MATCH = original, match  # type: ignore[method-assign]
        fulltext.matched_ids, search.per_candidate = matched_ids, per_candidate
        search._statements.clear()


def postgres_url():
    from conftest import _postgres_bin_dir, _start_postgres

    bin_dir = _postgres_bin_dir()
    if bin_dir is None:
        return None, None
    server = _start_postgres(bin_dir)
    return server, server.url(server.create_database())


def serve_and_measure(url: str, mix: dict, args, src: Path, migrate: bool, workers: int = 1) -> dict[str, dict]:
    """Every route of ``mix`` through a server running the code under ``src``."""
    process, base = start_server(url, src, migrate, workers)
    figures = {}
    try:
        for name, requests in mix.items():
            figures[name] = measure(base, requests, args.clients, args.requests)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return figures


def table(results: dict[str, dict[str, dict]], baseline: bool) -> str:
    """The p50/p95 table (Markdown): backend, route, [baseline,] this checkout."""
    header = "| backend | route | " + ("baseline p50 / p95 ms | " if baseline else "") + "p50 / p95 ms | req/s | errors |"
    lines = [header, "|---|---|" + ("---:|" if baseline else "") + "---:|---:|---:|"]
    for key, figures in results.items():
        if "(this checkout" not in key:
            continue
        backend = key.split(" ", 1)[0]
        workers = key.split("this checkout", 1)[1].strip(", )")
        for name, now in figures.items():
            before = results.get(f"{backend} (baseline)", {}).get(name)
            cells = [backend, f"{name}, {workers}" if workers else name]
            if baseline:
                cells.append(f"{before['p50_ms']:.0f} / {before['p95_ms']:.0f}" if before else "-")
            cells += [f"{now['p50_ms']:.0f} / {now['p95_ms']:.0f}", f"{now['throughput_rps']:.1f}", str(now["error_count"])]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per client and route")
    parser.add_argument("--indexes", type=int, default=0, metavar="N",
                        help="then time N direct reads per route with and without the 0011 indexes")
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument("--baseline-src", type=Path, metavar="DIR",
                        help="first serve the same store with the code in DIR (another checkout's src)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1], metavar="N",
                        help="serve this checkout with N worker processes (serve --workers N); several values, one run each")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends:
            server = None
            if backend == "sqlite":
                url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            else:
                server, url = postgres_url()
                if url is None:
                    print("PostgreSQL binaries not found (/usr/lib/postgresql/*/bin): skipped")
                    continue
            try:
                started = time.perf_counter()
                pool = build_store(url, args.articles)
                print(f"{backend}: built {args.articles} articles in {time.perf_counter() - started:.0f} s", flush=True)
                mix = request_mix(pool, random.Random(1))
                runs = [("baseline", args.baseline_src, False)] if args.baseline_src else []
                mine = [(f"this checkout, {n} workers" if n > 1 else "this checkout", ROOT / "src", True, n)
                        for n in args.workers]
                for label, src, migrate, workers in [*[(*run, 1) for run in runs], *mine]:
                    figures = serve_and_measure(url, mix, args, src, migrate, workers)
                    results[f"{backend} ({label})"] = figures
                    for name, one in figures.items():
                        print(f"{backend:10} {label:13} {name:40} p50 {one['p50_ms']:7.1f} ms  p95 {one['p95_ms']:7.1f} ms  "
                              f"{one['throughput_rps']:6.1f} req/s  errors {one['error_count']}", flush=True)
                if args.indexes:
                    compared = compare_indexes(url, mix, args.indexes)
                    results[f"{backend} · direct reads, median ms"] = compared
                    for name in mix:
                        print(f"{backend:10} direct {name:35} with indexes {compared['with 0011 indexes'][name]:7.1f} ms  "
                              f"without {compared['without (0010)'][name]:7.1f} ms", flush=True)
            finally:
                if server is not None:
                    server.command("pg_ctl", "-D", str(server.root / "data"), "-m", "immediate", "stop")
                    shutil.rmtree(server.root, ignore_errors=True)
    print(json.dumps(results, indent=1))
    print(f"\n{args.clients} clients, {args.requests} timed requests per client and route, {args.articles} articles:\n")
    print(table(results, args.baseline_src is not None))


if __name__ == "__main__":
    main()
