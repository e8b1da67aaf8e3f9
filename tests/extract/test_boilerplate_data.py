"""Every furniture pattern of ``lang/*/boilerplate.toml`` earns its place on real pages.

A pattern stays only if it matches a line of real news pages or texts that the team did not
write: the shared evaluation pages (Fundus, the extraction benchmark), their gold bodies, and the
texts of the story sets (SemEval-2022, ECB+). Lines are read from the pages' elements, as furniture sits in its own element.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from lxml import html

from shared_data import SHARED, require_shared
from newsweave import lang
from newsweave.extract.boilerplate import word_count

BLOCKS = ("p", "div", "span", "a", "li", "footer", "small", "button", "h2", "h3", "h4", "section", "aside", "figcaption")


@pytest.fixture(scope="module")
def real_lines() -> list[str]:
    eval_dir = require_shared(SHARED / "eval")
    lines: list[str] = []
    pages = sorted((eval_dir / "fundus" / "html").glob("*.html.gz")) + sorted((eval_dir / "extraction" / "html").glob("*"))
    # the trafilatura benchmark's pages: more languages' furniture (Spanish related-content boxes)
    pages += sorted((eval_dir / "extraction" / "trafilatura-eval" / "html").glob("*"))
    for page in pages:
        lines.extend(_element_lines(gzip.decompress(page.read_bytes()) if page.suffix == ".gz" else page.read_bytes()))
    for body in _bodies(eval_dir):
        lines.extend(body.splitlines())
    return [" ".join(line.split()) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def real_tails(real_lines) -> list[str]:
    """The short ends of real lines where furniture may be glued (see ``furniture_tail``)."""
    from newsweave.extract.boilerplate import _TAIL_START

    return [line[match.end():] for line in real_lines for match in _TAIL_START.finditer(line, max(0, len(line) - 600))
            if 0 < match.end() < len(line)]


def _element_lines(data: bytes) -> list[str]:
    try:
        root = html.fromstring(data)
    except (ValueError, SyntaxError):  # lxml's ParserError is a SyntaxError
        return []
    for element in root.xpath("//script|//style|//noscript"):
        element.drop_tree()
    lines = []
    for element in root.iter(*BLOCKS):
        lines.append(element.text or "")
        lines.append("".join(element.itertext()))
    return lines


def _bodies(eval_dir: Path) -> list[str]:
    bodies = [json.loads(line)["body"] for line in (eval_dir / "fundus" / "gold.jsonl").open(encoding="utf-8")]
    bodies += [json.loads(line)["articleBody"] for line in (eval_dir / "extraction" / "ground-truth.jsonl").open(encoding="utf-8")]
    for line in (eval_dir / "stories" / "semeval2022-train.jsonl").open(encoding="utf-8"):
        pair = json.loads(line)
        bodies += [pair["text1"], pair["text2"]]
    bodies += [json.loads(line)["text"] for line in (eval_dir / "stories" / "ecbplus.jsonl").open(encoding="utf-8")]
    return bodies


def _patterns() -> list[tuple[str, str, int, str]]:
    return [
        (language, rule["reason"], int(rule.get("max_words", 20)), pattern)
        for language, table in lang.load_all("boilerplate").items()
        for rule in table.get("rule", [])
        for pattern in rule["patterns"]
    ]


def test_every_furniture_pattern_matches_real_text(real_lines, real_tails):
    """A pattern matches a whole real line, or the end of one where furniture was glued on."""
    never = []
    for language, reason, max_words, pattern in _patterns():
        compiled = re.compile(pattern, re.I)
        if not any(word_count(line) <= max_words and compiled.search(line) for line in real_lines) and not any(
            word_count(tail) <= max_words and compiled.match(tail) for tail in real_tails
        ):
            never.append(f"{language}/{reason}: {pattern}")
    assert not never, "patterns that match no real page or text:\n" + "\n".join(never)


def test_furniture_glued_at_line_ends_is_found_in_real_text(real_lines):
    """Tail cutting (furniture after an article sentence on the same line) fires on real texts,
    for each kind of furniture it is meant for, and always keeps a head of text."""
    from newsweave.extract.boilerplate import furniture_tail

    reasons = set()
    for line in real_lines:
        tail = furniture_tail(line)
        if tail is not None:
            assert re.search(r"\w{2,}", line[: tail[0]])
            reasons.add(tail[1])
    assert {"read_also", "subscription_prompt", "agency_credit", "copyright"} <= reasons
