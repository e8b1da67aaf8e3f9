"""Evidence a reader can trust: every span of every flag holds whole words.

Detectors find their evidence by different means (regular expressions, glue points between
pieces of text, the parser's tokens), and each can stop inside a word: a leak piece cut at the
camel case of a brand ("… en Whats" for "WhatsApp"), a calque that ends on the first letter of
a name ("” declared A"). A reader shown half a word cannot tell what the flag points at. So
whatever a detector returns, ``on_word_boundaries`` widens each span to the whole words it
touches, trims the spaces at its edges, and lets a span that holds no word at all (a lone "-",
a doubled ",,") take the nearest word on its line. Only the evidence changes: kind, message and
confidence stay.
"""

from __future__ import annotations

from dataclasses import replace

from newsweave.model import Article, Flag, Span

# Characters that join two word characters into one word: "Val-Sorel", "2024-03-05".
_HYPHENS = frozenset("-‐‑")
# An apostrophe joins too, but only for the end of a span: "C" grows to "C'est", while a span that
# starts after an elision ("qu'à ce jour", "l'application") already starts on a word.
_APOSTROPHES = frozenset("'’")


def on_word_boundaries(article: Article, flag: Flag) -> Flag:
    """The flag with each evidence span widened to whole words of the cleaned text (one copy of each)."""
    spans: list[Span] = []
    for span in flag.evidence:
        start, end = whole_word_bounds(article.text, span.start, span.end)
        if (start, end) == (span.start, span.end):
            spans.append(span)
        else:
            spans.append(article.span(start, end))
    unique = list({(span.start, span.end): span for span in spans}.values())
    if unique == list(flag.evidence):
        return flag
    return replace(flag, evidence=unique)


def whole_word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` trimmed of edge spaces and widened to the whole words it cuts; a span
    without a word grows to the nearest word on its line."""
    start, end = trim_spaces(text, start, end)
    if not any(_is_word_char(char) for char in text[start:end]):
        start, end = _with_nearest_word(text, start, end)
    while start > 0 and _inside_word(text, start, _HYPHENS):
        start -= 1
    while end < len(text) and _inside_word(text, end, _HYPHENS | _APOSTROPHES):
        end += 1
    return start, end


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _inside_word(text: str, at: int, joiners: frozenset[str]) -> bool:
    """The boundary before ``text[at]`` lies inside a word: word characters on both sides, or one
    of ``joiners`` between two of them."""
    before, after = text[at - 1], text[at]
    if _is_word_char(before) and _is_word_char(after):
        return True
    if before in joiners and _is_word_char(after):
        return at >= 2 and _is_word_char(text[at - 2])
    if after in joiners and _is_word_char(before):
        return at + 1 < len(text) and _is_word_char(text[at + 1])
    return False


def trim_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _with_nearest_word(text: str, start: int, end: int) -> tuple[int, int]:
    """A wordless span with the nearest word on its line: the one it is written against ("port,,",
    "said. ."), else the next one, else the one before."""
    after = end
    while after < len(text) and text[after] != "\n" and not _is_word_char(text[after]):
        after += 1
    before = start
    while before > 0 and text[before - 1] != "\n" and not _is_word_char(text[before - 1]):
        before -= 1
    word_after = after < len(text) and _is_word_char(text[after])
    word_before = before > 0 and _is_word_char(text[before - 1])
    if word_before and (start - before < after - end or not word_after):
        return before - 1, end
    if word_after:
        return start, after + 1
    return start, end
