"""Real professional news texts for the trust evaluation, read from ``../shared/eval``.

Four public sets, none of which the trust detectors were written against:

* SemEval-2022 Task 8 training pairs (``stories/semeval2022-train.jsonl``): each distinct
  text of a pair that was not machine-translated by the data's compilers (``mt_translated``
  false); en, de, es, tr, pl, ar, fr. Some of them are back-translated paraphrases (see
  that README), so they are "real news, lightly reworded" rather than raw copy;
* ECB+ (``stories/ecbplus.jsonl``): 982 English news texts, one sentence per line;
* the extraction set's hand-cleaned bodies (``extraction/ground-truth.jsonl``), language
  detected;
* Fundus's gold bodies (``fundus/gold.jsonl``), ~25 languages, the page's declared language.

Texts are read where they lie and never copied into the repository. Each item is
``{"id", "corpus", "language", "text"}``; ids are stable, so halves cut by hash are too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
MIN_WORDS = 60


def real_news(eval_dir: Path = DEFAULT_EVAL) -> list[dict]:
    """Every real text of the four sets (at least ``MIN_WORDS`` words), deduplicated."""
    seen: set[str] = set()
    items = []
    for item in _all(eval_dir):
        key = item["text"].strip()
        if key in seen or len(key.split()) < MIN_WORDS:
            continue
        seen.add(key)
        items.append(item)
    return items


def missing(eval_dir: Path = DEFAULT_EVAL) -> list[Path]:
    """The corpus files that are not there."""
    return [path for path in _paths(eval_dir) if not path.is_file()]


def _paths(eval_dir: Path) -> list[Path]:
    return [
        eval_dir / "stories" / "semeval2022-train.jsonl",
        eval_dir / "stories" / "ecbplus.jsonl",
        eval_dir / "extraction" / "ground-truth.jsonl",
        eval_dir / "fundus" / "gold.jsonl",
    ]


def _lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _all(eval_dir: Path) -> Iterator[dict]:
    semeval, ecb, extraction, fundus = _paths(eval_dir)
    for record in _lines(semeval):
        if record.get("mt_translated"):
            continue
        for side in ("1", "2"):
            text = (record.get("text" + side) or "").strip()
            pair_id = str(record["pair_id"]).split("_")[int(side) - 1]
            yield {"id": f"semeval/{pair_id}", "corpus": "semeval", "language": record["lang" + side], "text": text}
    for record in _lines(ecb):
        yield {"id": f"ecb/{record['doc_id']}", "corpus": "ecb+", "language": "en", "text": record["text"]}
    for record in _lines(extraction):
        text = (record.get("articleBody") or "").strip()
        yield {"id": f"extraction/{record['id'][:16]}", "corpus": "extraction", "language": _detect(text), "text": text}
    for record in _lines(fundus):
        yield {"id": f"fundus/{record['id']}", "corpus": "fundus", "language": record.get("lang"), "text": record.get("body") or ""}


def _detect(text: str) -> str | None:
    from newsweave.annotate.language import detect_language

    language, _ = detect_language(text[:2000], "fasttext")
    return language


def half(item_id: str) -> str:
    """``"tune"`` or ``"check"``, fixed by the hash of an id."""
    return "tune" if hashlib.sha256(item_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def page_texts(eval_dir: Path = DEFAULT_EVAL) -> list[dict]:
    """The visible text of the saved real news pages (extraction, Fundus and trafilatura-eval HTML), whole.

    Unlike the gold bodies these keep the pages' own furniture and advertising (menus,
    "subscribe" prompts, shop teasers): real text in which a list entry of furniture or
    promotional wording should be found if it names anything real.
    """
    import gzip

    import lxml.html

    languages = {record["id"]: record.get("lang") for record in _lines(eval_dir / "fundus" / "gold.jsonl")}
    items = []
    # trafilatura's own evaluation pages (``extraction/trafilatura-eval/html``, 300 pages in many
    # languages) carry no gold body, only snippets: real page text for the lists, nothing for table 1.
    for folder in ("extraction", "fundus", "extraction/trafilatura-eval"):
        for path in sorted((eval_dir / folder / "html").glob("*.gz")):
            stem = path.name.removesuffix(".gz").removesuffix(".html").removesuffix(".htm")
            try:
                tree = lxml.html.fromstring(gzip.decompress(path.read_bytes()))
            except (ValueError, lxml.etree.ParserError):
                continue
            for bad in tree.xpath("//script|//style|//noscript"):
                bad.drop_tree()
            text = "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())
            language = languages.get(stem) if folder == "fundus" else _detect(text)
            name = folder.rsplit("/", 1)[-1]
            items.append({"id": f"{name}-page/{stem[:24]}", "corpus": f"{name} pages", "language": language, "text": text})
    return items


def semeval_translated(eval_dir: Path = DEFAULT_EVAL) -> list[dict]:
    """SemEval texts that the data's compilers machine-translated (real news, MT wording)."""
    seen: set[str] = set()
    items = []
    for record in _lines(eval_dir / "stories" / "semeval2022-train.jsonl"):
        if not record.get("mt_translated"):
            continue
        for side in ("1", "2"):
            text = (record.get("text" + side) or "").strip()
            if text and text not in seen:
                seen.add(text)
                # A side still in its original language (lang == orig_lang) is the untranslated
                # original of the pair: real text, but not machine translation.
                items.append({"id": f"semeval-mt/{record['pair_id']}/{side}", "corpus": "semeval mt",
                              "language": record["lang" + side], "text": text,
                              "translated": record["lang" + side] != record.get("orig_lang" + side)})
    return items
