"""Hostile inputs: mutate the sample corpus into thousands of broken files and ingest them all.

Every input must end as an article (new, near-duplicate, exact copy, already stored) or as
a rejection with a reason; no exception may escape. The mutations are seeded, so a failure
can be replayed with the same ``--seed``. ``tests/test_hostile.py`` runs 1,000 of them;
this script runs as many as asked and prints the counts and the time taken.

    .venv/bin/python bench/hostile.py --count 5000 --seed 7

Timings are wall-clock on a shared machine (other jobs run beside it): read them as rough.
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "samples"
EXTENSIONS = (".txt", ".html", ".htm", ".jsonl", ".json", ".rss", ".xml", ".atom", ".warc", ".gz", ".txt.gz", ".warc.gz", "")
ENCODINGS = ("utf-16-le", "utf-16-be", "utf-32", "cp1251", "shift_jis", "koi8-r", "gb18030", "cp437", "mac_roman", "utf-7")
# Big enough to cross the readers' line and chunk sizes, small enough for the test suite;
# bench runs can raise it with --huge-kb.
HUGE_KB = 300


def base_documents() -> list[tuple[str, bytes]]:
    """The sample corpus files: real inputs in every format, to be broken."""
    return [(path.name, path.read_bytes()) for path in sorted(SAMPLES.rglob("*")) if path.is_file()]


def _text_of(data: bytes) -> str:
    for encoding in ("utf-8", "utf-16", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# Each mutation takes the random generator and one base document and returns new bytes.
def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(0, max(1, len(data)))]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    mutable = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        if mutable:
            mutable[rng.randrange(len(mutable))] = rng.randrange(256)
    return bytes(mutable)


def reencode(rng: random.Random, data: bytes) -> bytes:
    return _text_of(data).encode(rng.choice(ENCODINGS), errors="replace")


def add_nuls(rng: random.Random, data: bytes) -> bytes:
    position = rng.randrange(len(data) + 1)
    return data[:position] + b"\x00" * rng.randint(1, 64) + data[position:]


def gzip_garbage(rng: random.Random, data: bytes) -> bytes:
    return gzip.compress(rng.randbytes(rng.randint(0, 5000)), mtime=0)


def gzip_truncated(rng: random.Random, data: bytes) -> bytes:
    packed = gzip.compress(data, mtime=0)
    return packed[: rng.randrange(2, max(3, len(packed)))]


def gzip_twice(rng: random.Random, data: bytes) -> bytes:
    return gzip.compress(gzip.compress(data, mtime=0), mtime=0)


def random_bytes(rng: random.Random, data: bytes) -> bytes:
    return rng.randbytes(rng.randint(0, 20000))


def nested_tags(rng: random.Random, data: bytes) -> bytes:
    depth = rng.randint(100, 5000)
    tag = rng.choice(["div", "p", "span", "b", "table", "li", "a"])
    words = _text_of(data)[:2000].encode("utf-8", errors="replace")
    return b"<html><body>" + f"<{tag}>".encode() * depth + words + f"</{tag}>".encode() * rng.randint(0, depth) + b"</body></html>"


def huge_line(rng: random.Random, data: bytes) -> bytes:
    word = rng.choice([b"word ", b"x", b"\xc3\xa9t\xc3\xa9 ", b"<b>", b"&amp;", b"\t"])
    return data[:200] + word * (HUGE_KB * 1024 // len(word)) + data[200:400]


def many_short_lines(rng: random.Random, data: bytes) -> bytes:
    return b"\n".join(rng.choice([b"a", b"Read also: x", b"", b"With AFP", b"\xc2\xa0", b"."]) for _ in range(rng.randint(1000, 20000)))


def json_oddities(rng: random.Random, data: bytes) -> bytes:
    text = _text_of(data)[:3000]
    choices = [
        "{}", "[]", "null", "1", '"text"', '{"text": null}', '{"text": 12}', '{"html": ""}', '{"text": ["a"]}',
        '{"text": "\\ud800 lone surrogate in the glassworks story, and many more words after it"}',
        json.dumps({"text": text, "published": "not a date"}), json.dumps({"html": text, "url": 42}),
        json.dumps({"text": text, "language": "xx-YY-ZZ", "title": {"nested": True}}), "{" * 5000, '{"text": "' + "a" * 1000,
        json.dumps({"text": "\x00" * 100 + text}), json.dumps({"text": "\u202e\u200b" + text}),
    ]
    return "\n".join(rng.choice(choices) for _ in range(rng.randint(1, 12))).encode("utf-8", errors="surrogatepass")


def html_oddities(rng: random.Random, data: bytes) -> bytes:
    text = _text_of(data)[:3000]
    pieces = [
        "<!--", "<![CDATA[", "&#99999999;", "&#0;", "&#xD800;", "&#x1F600;", "&nbsp" * 50, "<script>", "</html>",
        "<?xml version='1.0'?>", "<!DOCTYPE html>", "<meta charset='x-unknown'>", "<meta charset='utf-16'>",
        "<p>", "</p></p></p>", "<title>", "<body>", "<svg><text>", "<textarea>", "&", "<", ">", "\r", "\u2028",
    ]
    out = []
    for word in text.split(" "):
        out.append(word)
        if rng.random() < 0.05:
            out.append(rng.choice(pieces))
    return ("<html><body><article><p>" + " ".join(out)).encode(rng.choice(["utf-8", "utf-16", "cp1252"]), errors="replace")


def feed_oddities(rng: random.Random, data: bytes) -> bytes:
    text = _text_of(data)[:2000].replace("]]>", "")
    items = [
        f"<item><title>t</title><link>https://e.example/{index}</link><description><![CDATA[{text if rng.random() < 0.5 else ''}]]></description></item>"
        for index in range(rng.randint(0, 50))
    ]
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{"".join(items)}'
    return body.encode("utf-8")[: rng.choice([None, rng.randrange(1, len(body) + 1)])]


def warc_oddities(rng: random.Random, data: bytes) -> bytes:
    payload = data[: rng.randint(0, len(data))]
    declared = rng.choice([len(payload), len(payload) + 500, max(0, len(payload) - 10), 10**12, -5])
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + rng.choice([b"text/html", b"text/html; charset=koi8-r", b"image/png", b""]) + b"\r\n\r\n"
    block = http + payload
    header = (
        b"WARC/1.0\r\nWARC-Type: " + rng.choice([b"response", b"request", b"resource", b"bogus"]) + b"\r\n"
        b"WARC-Target-URI: https://e.example/x\r\nContent-Length: " + str(declared + len(http)).encode() + b"\r\n\r\n"
    )
    record = header + block + b"\r\n\r\n"
    return record * rng.randint(1, 3) if rng.random() < 0.7 else gzip.compress(record, mtime=0)


def bom_garbage(rng: random.Random, data: bytes) -> bytes:
    bom = rng.choice([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE])
    return bom + rng.choice([data, data[1:], rng.randbytes(301), b""])


def unchanged(rng: random.Random, data: bytes) -> bytes:
    return data


MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    truncate, flip_bytes, reencode, add_nuls, gzip_garbage, gzip_truncated, gzip_twice, random_bytes, nested_tags,
    huge_line, many_short_lines, json_oddities, html_oddities, feed_oddities, warc_oddities, bom_garbage, unchanged,
)


def write_hostile_inputs(folder: Path, count: int, seed: int) -> Counter[str]:
    """Write ``count`` mutated files into ``folder``; returns how many of each mutation."""
    rng = random.Random(seed)
    bases = base_documents()
    made: Counter[str] = Counter()
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        name, data = rng.choice(bases)
        mutation = MUTATIONS[number % len(MUTATIONS)]
        mutated = mutation(rng, data)
        if rng.random() < 0.1:
            mutated = gzip.compress(mutated, mtime=0)
        extension = rng.choice(EXTENSIONS) if rng.random() < 0.5 else "".join(Path(name).suffixes)
        (folder / f"{number:05d}-{mutation.__name__}{extension}").write_bytes(mutated)
        made[mutation.__name__] += 1
    return made


def ingest_hostile_inputs(folder: Path, db_url: str) -> dict[str, object]:
    """Ingest everything in ``folder`` in one run; check every file ended somewhere."""
    from newsweave.pipeline import ingest, read_documents
    from newsweave.store import Store

    documents = sum(1 for _ in read_documents([str(folder)]))
    store = Store(db_url)
    try:
        summary = ingest([str(folder)], store)
        sources = [row["source"] for row in store.table_rows("article_sources")]
        rejected = [row["source"] for row in store.rejections()]
    finally:
        store.close()
    files = sorted(str(path) for path in folder.iterdir())
    accounted = {source.split("#")[0] for source in sources + rejected}
    return {
        "files": len(files),
        "documents": documents,
        "outcomes": dict(summary.outcomes),
        "counted": sum(summary.outcomes.values()),
        "unaccounted_files": [path for path in files if path not in accounted],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--huge-kb", type=int, default=HUGE_KB, help="size of the huge-line mutation")
    args = parser.parse_args()
    globals()["HUGE_KB"] = args.huge_kb
    with tempfile.TemporaryDirectory(prefix="newsweave-hostile-") as temp:
        folder = Path(temp) / "inputs"
        made = write_hostile_inputs(folder, args.count, args.seed)
        started = time.perf_counter()
        result = ingest_hostile_inputs(folder, f"sqlite:///{Path(temp) / 'hostile.db'}")
        elapsed = time.perf_counter() - started
    print(f"mutations: {dict(sorted(made.items()))}")
    print(f"files {result['files']}, documents read {result['documents']}, outcomes {result['outcomes']}")
    print(f"every document counted: {result['counted'] == result['documents']}; files with no article and no "
          f"rejection: {len(result['unaccounted_files'])}")
    print(f"ingest took {elapsed:.1f} s ({elapsed / max(1, result['documents']) * 1000:.1f} ms per document)")
    if result["counted"] != result["documents"] or result["unaccounted_files"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
