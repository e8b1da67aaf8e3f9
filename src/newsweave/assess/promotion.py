"""``undisclosed_promotion``: a brand pushed at the reader, off-topic, with no disclosure.

Three general signals must meet:

1. **promotional wording** in a sentence: advertising register ("offers innovative
   solutions for", « découvrez », a call to the reader, a web address), listed per
   language in ``[promotion] wording`` of ``lang/<iso>/trust.toml``;
2. **a name in that sentence that is off-topic**: the article never mentions it outside
   promotional sentences and its title does not name it. A company the story is about is
   named again and again; a brand slipped in to be promoted appears once, in the pitch;
3. **no disclosure** anywhere in the article ("sponsored", « en partenariat avec »…).

Names come from ``textual.mentions`` (entities stage or spaCy parse) plus capitalised
words inside the sentence, since small models often miss or mislabel brand names.
"""

from __future__ import annotations

import re

from newsweave.assess.leaks import furniture_pieces
from newsweave.assess.textual import Sentence, find_patterns, mentions, overlaps, patterns, sentences, time_spans
from newsweave.model import Article, Flag

KIND = "undisclosed_promotion"
SEVERITY = "warning"
# A capitalised word (or a web address) that is not the sentence's first word.
_BRAND_WORD = re.compile(r"(?<=[\w,;:(] )([A-ZÀ-Ý][\w&'’-]*[\w](?: [A-Z0-9][\w&-]*)*)")
_ADDRESS = re.compile(r"\b[\w-]+\.(?:com|net|org|io|fr|app|shop|store)\b")
# Words that name the reader's own world and are never a brand.
_NOT_BRANDS = frozenset({"I", "You", "We", "Vous", "Nous", "Je"})


def detect_undisclosed_promotion(article: Article) -> list[Flag]:
    """One flag per promoted name, with the name and the promotional wording as evidence."""
    if find_patterns(patterns(article, "promotion", "disclosure"), _whole(article)):
        return []
    wording = patterns(article, "promotion", "wording")
    # The site's own prompts ("Download our app") are furniture, not a promoted brand.
    furniture = [(start, end) for start, end, _ in furniture_pieces(article)]
    promo: list[tuple[Sentence, list[tuple[int, int]]]] = []
    for sentence in sentences(article):
        cues = [c for c in find_patterns(wording, article.text, sentence.start, sentence.end) if not overlaps(*c, furniture)]
        if cues:
            promo.append((sentence, cues))
    if not promo:
        return []
    flags = []
    seen: set[str] = set()
    for sentence, cues in promo:
        names = [(start, end) for start, end in _names_in(article, sentence)
                 if _core(article.text[start:end]) not in seen and _off_topic(article, article.text[start:end], [s for s, _ in promo])]
        if not names:
            continue
        seen.update(_core(article.text[start:end]) for start, end in names)
        brand = min(names, key=lambda span: _looks_like_address_or_code(article.text[span[0] : span[1]]))
        name = article.text[brand[0] : brand[1]]
        message = f"“{name}” is promoted in passing, off the article's topic, and nothing discloses a partnership."
        evidence = [article.span(start, end) for start, end in names]
        evidence += [article.span(s, e) for s, e in cues if not any(s < end and start < e for start, end in names)]
        flags.append(Flag(KIND, SEVERITY, message, sorted(evidence, key=lambda span: span.start)))
    return flags


def _whole(article: Article) -> str:
    return f"{article.title or ''}\n{article.text}"


def _names_in(article: Article, sentence: Sentence) -> list[tuple[int, int]]:
    """Names in the sentence: parsed mentions, else capitalised words and web addresses."""
    found = [(m.start, m.end) for m in mentions(article) if sentence.start <= m.start and m.end <= sentence.end]
    times = time_spans(article)
    text = sentence.text
    for pattern in (_BRAND_WORD, _ADDRESS):
        for match in pattern.finditer(text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if match.group(0) in _NOT_BRANDS or overlaps(start, end, times):
                continue  # the reader, a weekday or a month: not a brand
            if not any(s < end and start < e for s, e in found):
                found.append((start, end))
    return sorted(found)


def _off_topic(article: Article, name: str, promo_sentences: list[Sentence]) -> bool:
    """The name appears nowhere but in promotional sentences, and not in the title."""
    key = _core(name)
    if not key:
        return False
    if article.title and key in article.title.lower():
        return False
    outside = article.text.lower()
    for sentence in sorted(promo_sentences, key=lambda s: -s.start):
        outside = outside[: sentence.start] + " " * (sentence.end - sentence.start) + outside[sentence.end :]
    return re.search(rf"\b{re.escape(key)}\b", outside) is None


def _looks_like_address_or_code(name: str) -> bool:
    """Web addresses and promo codes ("shop.com", "RAIL10") are evidence, not the brand's name."""
    return "." in name or any(char.isdigit() for char in name)


def _core(name: str) -> str:
    """The distinctive part of a name: its longest word, lower-cased."""
    words = re.findall(r"\w[\w&'’-]*", name)
    return max(words, key=len).lower() if words else ""
