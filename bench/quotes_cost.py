"""CPU time of quote finding: ``find_quotes`` + ``quote_records`` on the first 200 PolNeAR dev texts,
best of three runs, in ms per article (``time.process_time``: CPU, not wall time, on a shared machine).

    PYTHONPATH=src .venv/bin/python bench/quotes_cost.py      # run with each tree on the path, paired

The rules are built before timing (one warm-up pass on five texts). Stops 33 and 33b used this
measure to compare a branch with main, run alternately in the same minutes.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from newsweave.annotate.quotes import find_quotes, quote_records
from newsweave.model import Article
from newsweave.offsets import OffsetMap

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "quotes" / "polnear-dev.jsonl"


def main(limit: int = 200, runs: int = 3) -> None:
    texts = [json.loads(line)["text"] for _, line in zip(range(limit), DEV.open(encoding="utf-8"))]
    articles = [Article(id=str(i), source="x", raw=t, raw_sha256="", text=t,
                        offsets=OffsetMap.identity(len(t)), language="en") for i, t in enumerate(texts)]
    for article in articles[:5]:
        quote_records(article, find_quotes(article))
    best = min(_run(articles) for _ in range(runs))
    print(f"{best / len(articles) * 1000:.2f} ms/article (best of {runs}, {len(articles)} texts)")


def _run(articles: list[Article]) -> float:
    began = time.process_time()
    for article in articles:
        quote_records(article, find_quotes(article))
    return time.process_time() - began


if __name__ == "__main__":
    main()
