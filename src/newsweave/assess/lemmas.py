"""The lemma table of ``simplemma`` (bundled data, no download), for the trust detectors of a
language that has no spaCy model here.

Loaded on first use and only for the languages that ask for it in their ``trust.toml``: the
German table costs about a second of CPU and a hundred MiB (docs/models.md).
"""

from __future__ import annotations

from functools import cache


@cache
def lemma(language: str, word: str) -> str:
    """The word's lemma (the word itself when the table does not know it)."""
    import simplemma

    return str(simplemma.lemmatize(word, lang=language))


@cache
def known(language: str, word: str) -> bool:
    """The table knows the word (any inflected form of a lemma it lists)."""
    import simplemma

    return bool(simplemma.is_known(word, lang=language))
