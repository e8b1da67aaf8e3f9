"""Quotes on real copy with no gold: dump them, then diff two dumps to read what a change moved.

    PYTHONPATH=src .venv/bin/python bench/quotes_real.py --dump /tmp/main.json      # with main's tree on the path
    PYTHONPATH=src .venv/bin/python bench/quotes_real.py --dump /tmp/branch.json    # with the branch's
    .venv/bin/python bench/quotes_real.py --diff /tmp/main.json /tmp/branch.json

Texts: the distinct SemEval-2022 Task 8 texts (``stories/semeval2022-train.jsonl``, both sides of
each pair, their declared language) and the Fundus gold bodies (``fundus/gold.jsonl``) under
``../shared/eval``. Each quote is dumped as its span, ``direct``, ``partial``, speaker, speaker
description and the person it resolves to (a dropped subject, « —dijo. », has only the last); the
diff prints every quote that differs with its context, for reading by hand (stop 33: 4,806 texts). The dump also prints the CPU time of ``find_quotes`` + ``quote_records``.
``--lang es --half tune`` keeps one language and one half (the halves of ``bench/dates_news.py``: parity
of sha1 of ``pair_id:side`` or of the Fundus id), so that a check half stays unread while tuning.

``--texts fresh40`` reads other texts, none of which the stop-39 halves held (drawn at stop 40, after
those halves were spent): English, the ECB+ news documents (``stories/ecbplus.jsonl``); French, the
HIPE-2020 dev newspapers (``ner/fr-hipe2020-dev-v1.4.tsv``, tokens joined as their ``NoSpaceAfter``
says) and the Europeana newspapers (``ner/fr-europeana.bio``, cut after a full stop once a window
holds 250 tokens). A text is in the tune half when int(sha1(``s40:`` + key)) is even.
``--pool trafilatura`` reads instead the pages of trafilatura's evaluation subset
(``extraction/trafilatura-eval``), as newsweave extracts them (title and main text), each in the
language newsweave detects; its halves are the parity of sha1 of the page's key in ``evaldata.json``.
No one had read their quotes before stop 40, whose German check half is drawn from them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


def texts(eval_dir: Path) -> list[tuple[str, str | None, str]]:
    """(key, language, text) of each distinct text, SemEval first, then Fundus."""
    items: list[tuple[str, str | None, str]] = []
    seen: set[str] = set()
    for line in (eval_dir / "stories" / "semeval2022-train.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        for side in ("1", "2"):
            text = record.get("text" + side) or ""
            if text and text not in seen:
                seen.add(text)
                items.append((f"semeval/{record['pair_id']}/{side}", record.get("lang" + side), text))
    for line in (eval_dir / "fundus" / "gold.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        text = record.get("body") or ""
        if text and text not in seen:
            seen.add(text)
            items.append((f"fundus/{record['id']}", record.get("lang"), text))
    return items


def fresh_texts(eval_dir: Path) -> list[tuple[str, str | None, str]]:
    """(key, language, text) of the texts the stop-39 halves never held: ECB+, HIPE-2020 dev, Europeana."""
    items: list[tuple[str, str | None, str]] = []
    for line in (eval_dir / "stories" / "ecbplus.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        items.append((f"ecbplus/{record['doc_id']}", "en", record["text"]))
    items += [(f"hipe/{doc_id}", "fr", text) for doc_id, text in hipe_documents(eval_dir / "ner" / "fr-hipe2020-dev-v1.4.tsv")]
    items += [(f"europeana/{n}", "fr", text) for n, text in enumerate(europeana_windows(eval_dir / "ner" / "fr-europeana.bio"))]
    return items


def hipe_documents(path: Path) -> list[tuple[str, str]]:
    """Each HIPE document's text: its tokens joined by a space unless ``NoSpaceAfter``."""
    documents: list[tuple[str, list[str]]] = []
    for line in path.open(encoding="utf-8"):
        if line.startswith("# document_id = "):
            documents.append((line.split("=", 1)[1].strip(), []))
        elif line.strip() and not line.startswith(("#", "TOKEN\t")) and documents:
            fields = line.rstrip("\n").split("\t")
            documents[-1][1].append(fields[0] + ("" if "NoSpaceAfter" in fields[-1] else " "))
    return [(doc_id, "".join(parts).strip()) for doc_id, parts in documents]


def europeana_windows(path: Path, size: int = 250) -> list[str]:
    """The Europeana sequence in windows closed by a full stop once they hold ``size`` tokens."""
    windows: list[str] = []
    tokens: list[str] = []
    for line in path.open(encoding="utf-8"):
        token = line.split(" ", 1)[0].strip()
        if not token:
            continue
        tokens.append(token)
        if token == "." and len(tokens) >= size:
            windows.append(detokenised(tokens))
            tokens = []
    if tokens:
        windows.append(detokenised(tokens))
    return windows


def detokenised(tokens: list[str]) -> str:
    """Tokens joined by spaces, none before closing punctuation nor after an opening bracket."""
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:)\]])", r"\1", text)
    return re.sub(r"([(\[]) ", r"\1", text).replace(" ' ", "'").replace("' ", "'")


def fresh_half_of(key: str) -> str:
    """The stop-40 half of a fresh text: parity of sha1 of ``s40:`` + its key."""
    return sha1_half(f"s40:{key}")


def trafilatura_texts(eval_dir: Path) -> list[tuple[str, str | None, str]]:
    """(key, language, text) of each page of trafilatura's evaluation subset, extracted by newsweave."""
    import gzip

    from newsweave.annotate.language import detect_language
    from newsweave.extract.html import extract_html

    folder = eval_dir / "extraction" / "trafilatura-eval"
    entries = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    items: list[tuple[str, str | None, str]] = []
    for key, entry in sorted(entries.items()):
        page = gzip.decompress((folder / "html" / f"{entry['file']}.gz").read_bytes()).decode("utf-8", "replace")
        extraction = extract_html(page, key if key.startswith("http") else None)
        text = (extraction.title or "") + "\n\n" + extraction.cleaned.text
        items.append((f"trafilatura/{key}", detect_language(text)[0], text))
    return items


def half_of(key: str) -> str:
    """The half of a text as ``bench/dates_news.py`` cuts it (its id there: ``pair_id:side`` or the Fundus id)."""
    corpus, _, rest = key.partition("/")
    # (a trafilatura page's id is its key in ``evaldata.json``, as a Fundus id is its own)
    return sha1_half(rest.replace("/", ":") if corpus == "semeval" else rest)


def sha1_half(text_id: str) -> str:
    """"tune" where sha1 of the id is even, else "check"."""
    return "tune" if int(hashlib.sha1(text_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def dump(eval_dir: Path, out: Path, language: str | None = None, half: str | None = None,
         entities: bool = False, fresh: bool = False, pool: str = "semeval-fundus") -> None:
    """``entities``: annotate the entities first, as the pipeline does, so that a speaker left out
    (« —dijo. ») or a pronoun resolves to the persons they find, not only to the named speakers."""
    from newsweave.annotate.entities import annotate_entities
    from newsweave.annotate.quotes import find_quotes, quote_records
    from newsweave.model import Article
    from newsweave.offsets import OffsetMap

    source, halves = (fresh_texts, fresh_half_of) if fresh else (texts, half_of)
    if pool == "trafilatura":
        source, halves = trafilatura_texts, half_of
    items = [(key, lang, text) for key, lang, text in source(eval_dir)
             if (language is None or lang == language) and (half is None or halves(key) == half)]
    articles = [Article(id=key, source=key, raw=text, raw_sha256="", text=text,
                        offsets=OffsetMap.identity(len(text)), language=lang) for key, lang, text in items]
    if entities:
        annotate_entities(articles)
    quotes: dict[str, list[list[object]]] = {}
    began = time.process_time()
    for article in articles:
        quotes[article.id] = [[q.start, q.end, q.direct, bool(q.partial), q.speaker.text if q.speaker else None,
                        q.speaker_description.text if q.speaker_description else None, q.speaker_name]
                       for q in quote_records(article, find_quotes(article))]
    print(f"{len(items)} texts, {time.process_time() - began:.1f} s CPU", file=sys.stderr)
    out.write_text(json.dumps({"quotes": quotes, "texts": {k: t for k, _, t in items},
                               "languages": {k: lang for k, lang, _ in items}}), encoding="utf-8")


def diff(before_path: Path, after_path: Path) -> None:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    changed = 0
    for key, old_quotes in before["quotes"].items():
        old = {tuple(q[:2]): q for q in old_quotes}
        new = {tuple(q[:2]): q for q in after["quotes"].get(key, [])}
        if old == new:
            continue
        changed += 1
        text = before["texts"][key]
        print(f"===== {key} ({before['languages'].get(key)})")
        for start, end in sorted(set(old) | set(new)):
            if old.get((start, end)) != new.get((start, end)):
                was, now = old.get((start, end)), new.get((start, end))
                print(f"  before={was and was[2:]} after={now and now[2:]}")
                print(f"      {text[max(0, start - 120):start]!r} [[ {text[start:end][:150]!r} ]] {text[end:end + 80]!r}")
    print(f"{changed} of {len(before['quotes'])} texts changed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--dump", type=Path, metavar="OUT")
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--lang", help="dump only the texts of this language")
    parser.add_argument("--half", choices=("tune", "check"), help="dump only this half")
    parser.add_argument("--texts", choices=("stop39", "fresh40"), default="stop39",
                        help="fresh40: ECB+, HIPE-2020 and Europeana, texts the stop-39 halves never held")
    parser.add_argument("--entities", action="store_true", help="annotate entities first, as the pipeline does")
    parser.add_argument("--pool", choices=("semeval-fundus", "trafilatura"), default="semeval-fundus",
                        help="the SemEval-2022 texts and Fundus bodies (default), or trafilatura's evaluation pages")
    args = parser.parse_args()
    if args.dump:
        if not (args.eval / "fundus" / "gold.jsonl").is_file():
            print(f"{args.eval} holds no Fundus gold: nothing to dump")
            return
        dump(args.eval, args.dump, args.lang, args.half, args.entities, args.texts == "fresh40", args.pool)
    if args.diff:
        diff(*args.diff)


if __name__ == "__main__":
    main()
