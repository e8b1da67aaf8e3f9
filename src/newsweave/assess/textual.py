"""What the trust detectors share: sentences, name mentions and per-language word lists.

The detectors rest on general signals (a sentence with no name, number, date or source; a
lower-cased name; a promotional phrase next to a brand), so they need the same few views
of an article: its sentences, the names it mentions, and its ``lang/<iso>/trust.toml``
word lists. This module builds those views once per article and caches them in
``article.work.memo`` so that five detectors do not redo the work.

Names come from ``article.entities`` when the entities stage filled them, else from the
spaCy Doc that ``annotate/nlp.parse_batch`` left (parsed here if no stage did), so the
detectors degrade gracefully instead of going silent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsweave import lang
from newsweave.annotate.nlp import parse_batch
from newsweave.model import Article
from newsweave.textnorm import line_spans
from newsweave.assess.settings import SETTINGS

TRUST_FILE = "trust"
# spaCy labels (English OntoNotes and French WikiNER) that name something a reader could
# look up; numbers and dates are checked apart.
NAME_LABELS = frozenset({"PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "MISC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)\]]\s*$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    heading: bool = False

    def words(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass(frozen=True)
class Mention:
    """A name in the text: an entity of the entities stage or of the spaCy parse."""

    start: int
    end: int
    text: str
    label: str


def doc_of(article: Article) -> Any:
    """The article's spaCy Doc, parsed now when no annotator left one."""
    if article.work.doc is None:
        parse_batch([article])
    return article.work.doc


def sentences(article: Article) -> list[Sentence]:
    """Sentences of the text, never crossing a line break, each flagged heading or not."""
    cached = article.work.memo.get("trust_sentences")
    if cached is not None:
        return cached
    found: list[Sentence] = []
    text = article.text
    for sent in doc_of(article).sents:
        for start, end in line_spans(text, sent.start_char, sent.end_char):
            found.append(Sentence(start, end, text[start:end], _is_heading(text, start, end)))
    article.work.memo["trust_sentences"] = found
    return found


def _is_heading(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return len(_WORD.findall(line)) <= SETTINGS.heading_max_words and not _SENTENCE_END.search(line)


def mentions(article: Article) -> list[Mention]:
    """Names mentioned in the text, from the entities stage or else from the parse."""
    cached = article.work.memo.get("trust_mentions")
    if cached is not None:
        return cached
    if article.entities:
        found = [Mention(e.start, e.end, e.text, e.label) for e in article.entities]
    else:
        found = [
            Mention(ent.start_char, ent.end_char, ent.text, ent.label_)
            for ent in doc_of(article).ents
            if ent.label_ in NAME_LABELS
        ]
    article.work.memo["trust_mentions"] = found
    return found


def time_spans(article: Article) -> list[tuple[int, int]]:
    """Dates and times: the dates stage's when present, plus the parse's DATE/TIME entities."""
    spans = [(item.start, item.end) for item in article.dates]
    spans.extend((ent.start_char, ent.end_char) for ent in doc_of(article).ents if ent.label_ in TIME_LABELS)
    return spans


def line_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks: a span that crosses lines would cover separator
    characters the extractor inserted, which have no place in the raw input."""
    return line_spans(text, start, end)


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


# -- per-language word lists -----------------------------------------------------------------


@cache
def _patterns(language: str, section: str, key: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for code in (lang.BASE, language):
        for pattern in lang.load(code, TRUST_FILE).get(section, {}).get(key, []):
            compiled.append(re.compile(pattern, re.IGNORECASE))
    return tuple(compiled)


@cache
def _words(language: str, section: str, key: str) -> tuple[str, ...]:
    words: list[str] = []
    for code in (lang.BASE, language):
        words.extend(str(word).lower() for word in lang.load(code, TRUST_FILE).get(section, {}).get(key, []))
    return tuple(words)


def word_list(article: Article, section: str, key: str) -> tuple[str, ...]:
    """A plain word list (lower case) of the base and of the article's language."""
    return _words(article.language or "", section, key)


@cache
def _switch(language: str, section: str, key: str) -> bool:
    return bool(lang.load(language, TRUST_FILE).get(section, {}).get(key, False))


def language_says(article: Article, section: str, key: str) -> bool:
    """A yes-or-no ``[section] key`` of the article's language (no, where it is not set)."""
    return _switch(article.language or "", section, key)


def patterns(article: Article, section: str, key: str) -> tuple[re.Pattern[str], ...]:
    """Compiled ``[section] key`` patterns of the base and of the article's language."""
    return _patterns(article.language or "", section, key)


def find_patterns(pats: tuple[re.Pattern[str], ...], text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Every match of any pattern in ``text[start:end]``, as absolute offsets, in order."""
    end = len(text) if end is None else end
    found = []
    for pattern in pats:
        for match in pattern.finditer(text, start, end):
            if match.end() > match.start():
                found.append((match.start(), match.end()))
    return sorted(set(found))


def ends_with_pattern(pats: tuple[re.Pattern[str], ...], text: str, gap: str = "") -> bool:
    """Whether one of ``pats`` matches right at the end of ``text``, with only what ``gap`` matches
    after it (a word just before a span: "until" before a date, a determiner before a name)."""
    return any(re.search(rf"(?:{pattern.pattern}){gap}$", text, pattern.flags) for pattern in pats)


def has_source(article: Article, sentence: Sentence) -> bool:
    """The sentence quotes someone or names where its claim comes from."""
    if any(mark in sentence.text for mark in "«»“”\""):
        return True
    # Inside a quotation whose marks the parser left in another sentence, or a line of
    # dialogue opened by a dash (Polish, Spanish, Russian copy: "– W tym ośrodku byłem…"):
    # someone's words, not the article's own claim.
    if sentence.text[:1] in "–—" or overlaps(sentence.start, sentence.end, quoted_spans(article)):
        return True
    if overlaps(sentence.start, sentence.end, [(q.start, q.end) for q in article.quotes]):
        return True
    return bool(find_patterns(patterns(article, "source", "cues"), article.text, sentence.start, sentence.end))


# Quotation pairs of the languages we read, each inside one paragraph: German „…“ (its
# closing mark is the English opening one, so it is looked for first), English “…”,
# French and Spanish «…», typewriter "…".
_QUOTED = re.compile(r"„[^“”„\n]{1,1500}[“”]|“[^“”\n]{1,1500}”|«[^«»\n]{1,1500}»|\"[^\"\n]{1,1500}\"|‹[^‹›\n]{1,1500}›")


def quoted_spans(article: Article) -> list[tuple[int, int]]:
    """Every stretch of text between quotation marks, marks included (cached)."""
    cached = article.work.memo.get("trust_quoted")
    if cached is not None:
        return cached
    found = [(match.start(), match.end()) for match in _QUOTED.finditer(article.text)]
    article.work.memo["trust_quoted"] = found
    return found
