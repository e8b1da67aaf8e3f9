"""Extract the main text of an HTML page with trafilatura, and map it back to the HTML.

trafilatura finds the article but drops positions. We keep them by aligning its output to
the page's visible text:

1. :func:`visible_text` scans the HTML once and keeps every non-space run of visible text
   with its offsets in the HTML string (entities decode to one character that maps to the
   whole ``&amp;``).
2. Each line trafilatura returns is searched, spaces ignored, forward from where the
   previous line was found; a line that is not found whole is aligned word by word.
3. Visible text of the page's body that no line used is reported in ``removed``.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

import trafilatura

from newsweave.extract.plaintext import Cleaned, Line, clean_lines
from newsweave.model import RemovedSpan
from newsweave.offsets import OffsetMap

_SKIPPED_ELEMENTS = ("script", "style", "noscript", "template", "svg", "head", "title", "textarea")
_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)"
    r"|<!\[CDATA\[.*?(?:\]\]>|$)"
    r"|<(" + "|".join(_SKIPPED_ELEMENTS) + r")\b[^>]*>.*?(?:</\1\s*>|$)"
    r"|<[!?/]?[a-zA-Z][^>]*>?",
    re.S | re.I,
)
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});?")
_RUN = re.compile(r"\S+")
_BODY = re.compile(r"<body\b[^>]*>", re.I)
# How far past the previous line a word of a line that did not align whole may be found.
WORD_SEARCH_WINDOW = 2000


@dataclass
class VisibleText:
    """The page's visible characters with spaces dropped, mapped to the HTML."""

    page: str
    compact: str
    offsets: OffsetMap
    body_start: int


@dataclass
class HtmlExtraction:
    cleaned: Cleaned
    title: str | None
    published: str | None
    url: str | None
    language: str | None


def visible_text(page: str) -> VisibleText:
    runs: list[str] = []
    offsets = OffsetMap(raw_length=len(page))
    length = 0
    position = 0
    for markup in _MARKUP.finditer(page):
        length = _add_text(page, position, markup.start(), runs, offsets, length)
        position = markup.end()
    _add_text(page, position, len(page), runs, offsets, length)
    body = _BODY.search(page)
    body_start = offsets._next_raw(0) if body is None else _compact_index_at(offsets, body.end())
    return VisibleText(page, "".join(runs), offsets, body_start)


def _compact_index_at(offsets: OffsetMap, raw_position: int) -> int:
    for clean_start, _, raw_start, _ in offsets.pieces:
        if raw_start >= raw_position:
            return clean_start
    return offsets.pieces[-1][1] if offsets.pieces else 0


def _add_text(page: str, start: int, end: int, runs: list[str], offsets: OffsetMap, length: int) -> int:
    for run in _RUN.finditer(page, start, end):
        position = run.start()
        for entity in _ENTITY.finditer(page, run.start(), run.end()):
            length = _add_run(page[position : entity.start()], position, runs, offsets, length)
            decoded = html_lib.unescape(entity.group())
            if decoded.strip():
                runs.append(decoded)
                offsets.add(length, length + len(decoded), entity.start(), entity.end())
                length += len(decoded)
            position = entity.end()
        length = _add_run(page[position : run.end()], position, runs, offsets, length)
    return length


def _add_run(text: str, raw_start: int, runs: list[str], offsets: OffsetMap, length: int) -> int:
    if text:
        runs.append(text)
        offsets.add(length, length + len(text), raw_start, raw_start + len(text))
    return length + len(text)


def extract_html(page: str, url: str | None = None) -> HtmlExtraction:
    document = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
    )
    text = getattr(document, "text", None) or ""
    visible = visible_text(page)
    lines = _align_lines(text, visible, len(page))
    cleaned = clean_lines(lines, len(page))
    cleaned.removed[:0] = _unused_visible_text(visible, cleaned, page)
    cleaned.removed.sort(key=lambda piece: piece.source_start)
    return HtmlExtraction(
        cleaned=cleaned,
        title=getattr(document, "title", None),
        published=getattr(document, "date", None),
        url=getattr(document, "url", None) or url,
        language=getattr(document, "language", None),
    )


def _align_lines(text: str, visible: VisibleText, page_length: int) -> list[Line]:
    """Lines of the extracted text, each placed in the HTML as well as it aligns."""
    cursor = visible.body_start
    lines = []
    for line_text in text.splitlines():
        stripped = line_text.strip()
        if not stripped:
            lines.append(Line("", 0, 0))
            continue
        compact = "".join(stripped.split())
        found = visible.compact.find(compact, cursor)
        if found < 0:
            found = visible.compact.find(compact)
        if found >= 0:
            cursor = found + len(compact)
            lines.append(_placed_line(stripped, visible, found))
        else:
            line, cursor = _word_aligned_line(stripped, visible, cursor)
            lines.append(line)
    return lines


@dataclass(frozen=True)
class PlacedLine(Line):
    """A line whose characters map to the HTML piece by piece (see :class:`OffsetMap`)."""

    pieces: tuple[tuple[int, int, int, int], ...] = ()


def _placed_line(stripped: str, visible: VisibleText, compact_start: int) -> PlacedLine:
    pieces = []
    compact = compact_start
    for run in _RUN.finditer(stripped):
        pieces.extend(_run_pieces(run.start(), compact, len(run.group()), visible.offsets))
        compact += len(run.group())
    return _line_from_pieces(stripped, _merge_across_spaces(pieces, stripped, visible.page))


def _word_aligned_line(stripped: str, visible: VisibleText, cursor: int) -> tuple[PlacedLine, int]:
    pieces = []
    for run in _RUN.finditer(stripped):
        found = visible.compact.find(run.group(), cursor, cursor + WORD_SEARCH_WINDOW)
        if found < 0:
            continue
        pieces.extend(_run_pieces(run.start(), found, len(run.group()), visible.offsets))
        cursor = found + len(run.group())
    return _line_from_pieces(stripped, pieces), cursor


def _run_pieces(line_start: int, compact_start: int, length: int, offsets: OffsetMap) -> list[tuple[int, int, int, int]]:
    """Pieces mapping ``length`` characters of a line to the HTML through the compact text."""
    pieces = []
    for index in range(length):
        mapped = offsets.char_to_source(compact_start + index)
        if mapped is None:
            continue
        start, end = mapped
        if pieces and pieces[-1][3] == start and pieces[-1][1] == line_start + index and end == start + 1 and (
            pieces[-1][1] - pieces[-1][0] == pieces[-1][3] - pieces[-1][2]
        ):
            last = pieces[-1]
            pieces[-1] = (last[0], last[1] + 1, last[2], end)
        else:
            pieces.append((line_start + index, line_start + index + 1, start, end))
    return pieces


def _merge_across_spaces(pieces: list[tuple[int, int, int, int]], line: str, page: str) -> list[tuple[int, int, int, int]]:
    """Join word pieces whose gap in the line is the very same characters in the page."""
    merged: list[tuple[int, int, int, int]] = []
    for piece in pieces:
        if merged:
            a, b, c, d = merged[-1]
            linear = b - a == d - c and piece[1] - piece[0] == piece[3] - piece[2]
            if linear and piece[0] - b == piece[2] - d and line[b : piece[0]] == page[d : piece[2]]:
                merged[-1] = (a, piece[1], c, piece[3])
                continue
        merged.append(piece)
    return merged


def _line_from_pieces(stripped: str, pieces: list[tuple[int, int, int, int]]) -> PlacedLine:
    if not pieces:
        return PlacedLine(stripped, 0, 0, ())
    return PlacedLine(stripped, pieces[0][2], pieces[-1][3], tuple(pieces))


def _unused_visible_text(visible: VisibleText, cleaned: Cleaned, page: str) -> list[RemovedSpan]:
    """Body text that the extraction left out, one removed piece per contiguous stretch."""
    used = sorted((piece[2], piece[3]) for piece in cleaned.offsets.pieces)
    used.extend((piece.source_start, piece.source_end) for piece in cleaned.removed)
    used.sort()
    removed = []
    compact_pieces = [piece for piece in visible.offsets.pieces if piece[0] >= visible.body_start]
    stretch: list[tuple[int, int, int, int]] = []
    used_index = 0
    for piece in compact_pieces:
        while used_index < len(used) and used[used_index][1] <= piece[2]:
            used_index += 1
        inside = used_index < len(used) and used[used_index][0] <= piece[2] < used[used_index][1]
        if inside:
            removed.extend(_stretch_to_removed(stretch, visible))
            stretch = []
        else:
            stretch.append(piece)
    removed.extend(_stretch_to_removed(stretch, visible))
    return removed


def _stretch_to_removed(stretch: list[tuple[int, int, int, int]], visible: VisibleText) -> list[RemovedSpan]:
    if not stretch:
        return []
    words = " ".join(visible.compact[piece[0] : piece[1]] for piece in stretch)
    return [RemovedSpan(stretch[0][2], stretch[-1][3], words, "page_furniture")]
