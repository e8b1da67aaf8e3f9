"""Per-language knowledge as data files: ``lang/<iso>/<name>.toml``.

Adding a language is adding a folder with its files; code never branches on a language.
``lang/_base/`` holds what holds in every language (agency names, share-button words).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

BASE = "_base"


@cache
def available_languages() -> tuple[str, ...]:
    root = resources.files(__package__)
    return tuple(sorted(item.name for item in root.iterdir() if item.is_dir() and not item.name.startswith("_")))


def alternation(words: Iterable[str], flexible_spaces: bool = False) -> str:
    """A list's words as a regular-expression alternation, longest first (so "la commune de"
    wins over "la"); with ``flexible_spaces`` a space in a phrase matches any run of spaces."""
    escaped = (re.escape(word) for word in sorted(words, key=len, reverse=True))
    return "|".join(word.replace(r"\ ", r"\s+") for word in escaped) if flexible_spaces else "|".join(escaped)


# an alternative that matches nothing: a rule whose list a language leaves empty is off
NEVER = "(?!x)x"


def rule_alternation(words: Iterable[str]) -> str:
    """The words of a language's list as one alternative of a larger pattern: each once, longest
    first (so "said in a statement" wins over "said"), empty entries dropped; with no words, a pattern that never matches (:data:`NEVER`),
    so a list a language leaves empty turns its rule off instead of matching the empty string
    (which ``alternation`` gives, for callers that test for an empty result)."""
    # (words of one length in a fixed order: the same pattern on every run)
    return "|".join(re.escape(word) for word in sorted({w for w in words if w}, key=lambda w: (-len(w), w))) or NEVER


@cache
def load(language: str, name: str) -> dict[str, Any]:
    """The parsed ``<name>.toml`` of one language, or an empty table when there is none."""
    path = resources.files(__package__) / language / f"{name}.toml"
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def articles(language: str) -> tuple[str, ...]:
    """The articles of ``articles`` in the language's entities file as it writes them, with the
    space or apostrophe that joins them to a name ("the ", "l'"), longest first so that a longer
    one is tried before a shorter one it ends with (Italian "gli " before "i ")."""
    return tuple(sorted(load(language, "entities").get("articles", []), key=len, reverse=True))


@cache
def articles_of_every_language() -> frozenset[str]:
    """The articles of the base and of every language (:func:`articles`): a name stored or
    looked up without its language may open with any of them."""
    return frozenset(article for language in (BASE, *available_languages()) for article in articles(language))


def load_all(name: str) -> dict[str, dict[str, Any]]:
    """``<name>.toml`` of the base and of every language that has one, keyed by language."""
    tables = {language: load(language, name) for language in (BASE, *available_languages())}
    return {language: table for language, table in tables.items() if table}
