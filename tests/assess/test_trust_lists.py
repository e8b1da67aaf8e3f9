"""Every entry of the trust word lists must fire on real text that nobody on the team wrote.

A cue phrase earns its place in ``lang/<iso>/trust.toml`` by occurring in real news, not
because an example article (a seed, the team's labelled set) used it. The real text is the
shared public eval data, read where it lies (``bench/trust_corpus.py``): the gold bodies of
SemEval-2022, ECB+, the extraction set and Fundus, the visible text of the saved news pages
(whose furniture and advertising are real too), and SemEval's machine-translated texts
(real news in real MT wording, where calques belong). An entry counts as firing when it
matches at least one text of its own language (any language for ``_base``).

Needs ``../shared/eval``: fails loudly when it is missing, since an unchecked list would
pass silently.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT / "bench"))

from trust_corpus import DEFAULT_EVAL, missing, page_texts, real_news, semeval_translated  # noqa: E402

LANG_DIR = ROOT / "src" / "newsweave" / "lang"
# Lists that are not phrases to find in text.
NOT_CHECKED = {("translation", "not_names")}


def _entries() -> list[tuple[str, str, str, str]]:
    found = []
    for path in sorted(LANG_DIR.glob("*/trust.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for section, lists in data.items():
            for key, entries in lists.items():
                if (section, key) in NOT_CHECKED or not isinstance(entries, list):
                    continue
                found += [(path.parent.name, section, key, str(entry)) for entry in entries]
    return found


@pytest.fixture(scope="module")
def texts_by_language() -> dict[str, list[str]]:
    absent = missing(DEFAULT_EVAL)
    if absent:
        pytest.fail(f"the real-news corpora are missing ({', '.join(map(str, absent))}): the trust word lists "
                    "cannot be checked; mount ../shared/eval", pytrace=False)
    by_language: dict[str, list[str]] = {}
    for item in [*real_news(), *page_texts(), *semeval_translated()]:
        by_language.setdefault(item["language"] or "?", []).append(item["text"])
    by_language["_base"] = [text for texts in list(by_language.values()) for text in texts]
    return by_language


def test_every_list_entry_fires_on_real_news(texts_by_language: dict[str, list[str]]) -> None:
    silent = []
    for language, section, key, entry in _entries():
        pattern = re.compile(entry, re.IGNORECASE)
        if not any(pattern.search(text) for text in texts_by_language.get(language, [])):
            silent.append(f"{language}/trust.toml [{section}] {key}: {entry}")
    assert not silent, "entries that never fire on real news (remove them):\n" + "\n".join(silent)


def test_the_real_corpora_cover_each_list_language(texts_by_language: dict[str, list[str]]) -> None:
    languages = {language for language, *_ in _entries()} - {"_base"}
    assert all(len(texts_by_language.get(language, [])) >= 50 for language in languages), {
        language: len(texts_by_language.get(language, [])) for language in languages}
