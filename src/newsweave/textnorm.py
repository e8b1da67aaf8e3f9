"""Text normalisation shared by the stages that compare texts (identity, duplicates)."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WORD = re.compile(r"\w+")


def normalised_words(text: str) -> list[str]:
    """Words of ``text``, case-folded and NFKC-normalised, punctuation and spacing dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    """Hash of the normalised words: equal for texts that differ only in case, spaces, punctuation."""
    return hashlib.sha256(" ".join(normalised_words(text)).encode("utf-8")).hexdigest()
