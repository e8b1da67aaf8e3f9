"""Text normalisation shared by the stages that compare texts (identity, duplicates), and the
lines of a text as offsets (the quote and trust stages read line by line)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: Han, Hiragana, Katakana (and their
# half-width forms), Thai, Lao, Khmer, Myanmar. A run of them is one ``\w+`` "word"
# however long the sentence, so word counts count their characters instead.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
                       r"\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f\U00020000-\U0003134f]")
# Characters that make one word in those scripts, for counting only: Chinese words
# average about 1.5 characters, Japanese a little more, Thai about 4-5; 2 keeps a page of
# a few short sentences in any of them above the "too short" bar without counting a
# one-line cookie notice as an article.
UNSPACED_CHARS_PER_WORD = 2


def normalised_words(text: str) -> list[str]:
    """Words of ``text``, case-folded and NFKC-normalised, punctuation and spacing dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def word_count(text: str) -> int:
    """Words of ``text`` in any script: ``\\w+`` runs of spaced scripts, and the characters of
    scripts written without spaces (see ``_UNSPACED``) over ``UNSPACED_CHARS_PER_WORD``."""
    unspaced = len(_UNSPACED.findall(text))
    spaced = sum(1 for word in _WORD.findall(_UNSPACED.sub(" ", text)))
    return spaced + -(-unspaced // UNSPACED_CHARS_PER_WORD)


def content_hash(text: str) -> str:
    """Hash of the normalised words: equal for texts that differ only in case, spaces, punctuation."""
    return hashlib.sha256(" ".join(normalised_words(text)).encode("utf-8")).hexdigest()


def line_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The non-empty lines of ``text[start:end]`` as (start, end) offsets into ``text``, each trimmed
    of its edge spaces."""
    end = len(text) if end is None else end
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        line_start, line_end = start + match.start(), start + match.end()
        while line_start < line_end and text[line_start].isspace():
            line_start += 1
        while line_end > line_start and text[line_end - 1].isspace():
            line_end -= 1
        if line_end > line_start:
            spans.append((line_start, line_end))
    return spans
