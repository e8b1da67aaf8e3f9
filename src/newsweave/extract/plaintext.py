"""Clean a plain-text article: cut site furniture line by line, keep every cut piece.

The cleaned text is made of verbatim slices of the raw text (one per kept line, without
its surrounding spaces) joined by newlines, so each slice maps linearly back to the raw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsweave.extract.boilerplate import classify_lines, furniture_reason, furniture_tail
from newsweave.model import RemovedSpan
from newsweave.offsets import OffsetMap
from newsweave.extract.settings import SETTINGS

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


@dataclass
class Cleaned:
    text: str
    offsets: OffsetMap
    removed: list[RemovedSpan] = field(default_factory=list)
    headline: str | None = None


_SENTENCE_END = re.compile(r"""[.;:,…]$|[.!?]["'”»)]?$""")


@dataclass(frozen=True)
class Line:
    """One line of a source text: its stripped words and where they sit in the source."""

    text: str
    source_start: int
    source_end: int


def split_lines(raw: str, base: int = 0) -> list[Line]:
    """Each line of ``raw`` (blank ones as empty lines), offsets shifted by ``base``."""
    lines = []
    position = 0
    for match in _LINE_BREAK.finditer(raw):
        lines.append(_line(raw, position, match.start(), base))
        position = match.end()
    if position < len(raw):
        lines.append(_line(raw, position, len(raw), base))
    return lines


def _line(raw: str, start: int, end: int, base: int) -> Line:
    content = raw[start:end]
    stripped = content.strip()
    if not stripped:
        return Line("", base + start, base + start)
    leading = len(content) - len(content.lstrip())
    return Line(stripped, base + start + leading, base + start + leading + len(stripped))


def line_pieces(line: Line) -> tuple[tuple[int, int, int, int], ...]:
    """How the line's characters map to the source: one linear piece unless the line says."""
    pieces = getattr(line, "pieces", None)
    if pieces is not None:
        return pieces
    return ((0, len(line.text), line.source_start, line.source_end),)


def clean_lines(lines: list[Line], raw_length: int) -> Cleaned:
    """Keep article lines, cut furniture; a paragraph break separates kept blocks."""
    reasons = classify_lines([line.text for line in lines])
    parts: list[str] = []
    offsets = OffsetMap(raw_length=raw_length)
    removed: list[RemovedSpan] = []
    length = 0
    gap = False
    for line, reason in zip(lines, reasons, strict=True):
        if not line.text:
            gap = True
            continue
        tail = furniture_tail(line.text)
        if reason is not None and not _head_is_text(line.text, tail):
            removed.append(RemovedSpan(line.source_start, line.source_end, line.text, reason))
            gap = True
            continue
        line = _cut_tail(line, tail, removed)
        if parts:
            separator = "\n\n" if gap else "\n"
            parts.append(separator)
            length += len(separator)
        for start, end, source_start, source_end in line_pieces(line):
            offsets.add(length + start, length + end, source_start, source_end)
        parts.append(line.text)
        length += len(line.text)
        gap = False
    text = "".join(parts)
    return Cleaned(text, offsets, removed, headline_of(text))


def _head_is_text(line: str, tail: tuple[int, str] | None) -> bool:
    """Whether a line the phrase rules call furniture is article text with furniture glued
    at its end (``tail``, :func:`furniture_tail`'s: "The mayor spoke. Sign up for our
    newsletter"): its head alone is no furniture."""
    return tail is not None and furniture_reason(line[: tail[0]]) is None


def _cut_tail(line: Line, tail: tuple[int, str] | None, removed: list[RemovedSpan]) -> Line:
    """The line without the furniture ``tail`` glued at its end; the cut piece goes to ``removed``."""
    if tail is None:
        return line
    start, reason = tail
    end = len(line.text[:start].rstrip())
    pieces = line_pieces(line)
    removed.append(RemovedSpan(_source_at(pieces, start), line.source_end, line.text[start:], reason))
    kept = tuple((a, min(b, end), sa, sa + (min(b, end) - a) if sb - sa == b - a else sb)
                 for a, b, sa, sb in pieces if a < end)
    return _Cut(line.text[:end], line.source_start, kept[-1][3], kept)


@dataclass(frozen=True)
class _Cut(Line):
    """A line shortened by a cut tail; its pieces map the kept characters to the source."""

    pieces: tuple[tuple[int, int, int, int], ...] = ()


def _source_at(pieces: tuple[tuple[int, int, int, int], ...], position: int) -> int:
    """Where the line's character at ``position`` sits in the source."""
    for start, end, source_start, source_end in pieces:
        if start <= position < end:
            return source_start + (position - start) if source_end - source_start == end - start else source_start
    return pieces[-1][3]


def headline_of(text: str) -> str | None:
    """The first line of a cleaned plain text when it reads as a headline: a line of its own,
    followed by more text, short, and not ending as a sentence does (a lead paragraph does)."""
    first, separator, rest = text.partition("\n")
    first = first.strip()
    if not separator or not rest.strip() or not first:
        return None
    if len(first) > SETTINGS.headline_max_chars or len(first.split()) > SETTINGS.headline_max_words or _SENTENCE_END.search(first):
        return None
    return first


def clean_plain_text(raw: str) -> Cleaned:
    return clean_lines(split_lines(raw), len(raw))
