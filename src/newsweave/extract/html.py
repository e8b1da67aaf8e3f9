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
from bisect import bisect_right
from dataclasses import dataclass, field, replace

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import load_html

from newsweave.extract.plaintext import Cleaned, Line, clean_lines
from newsweave.extract.published import day_in_page_offset, site_zone
from newsweave.extract.site import domain_country
from newsweave.model import RemovedSpan
from newsweave.offsets import OffsetMap
from newsweave.textnorm import word_count
from newsweave.extract.settings import SETTINGS

_SKIPPED_ELEMENTS = ("script", "style", "noscript", "template", "svg", "head", "title", "textarea")
# One scan of the page: markup to skip (comments, CDATA, whole script/style/... elements,
# tags) or a visible token (a word without "<" or "&", an entity, a stray "<" or "&").
# Skipped elements and comments use "unrolled" loops ([^<]* runs) rather than a lazy .*?:
# the scan is then ~2.5x faster on pages full of inline scripts.
_SKIPPED = "|".join(rf"<{name}\b[^>]*>[^<]*(?:<(?!/{name}\b)[^<]*)*(?:</{name}\s*>|$)" for name in _SKIPPED_ELEMENTS)
_TOKEN = re.compile(
    r"(?P<markup><!--[^-]*(?:-(?!->)[^-]*)*(?:-->|$)"
    r"|<!\[CDATA\[.*?(?:\]\]>|$)"
    r"|" + _SKIPPED + r"|<[!?/]?[a-zA-Z][^>]*>?)"
    r"|(?P<word>[^\s<&]+)"
    r"|(?P<entity>&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});?)"
    r"|[<&]",
    re.S | re.I,
)
_RUN = re.compile(r"\S+")
_TABLE_MARK = re.compile(r"[|:\-]+")
_BODY = re.compile(r"<body\b[^>]*>", re.I)
# Elements whose extent in the visible text is recorded: links (for link density). Tried
# and left out: <h1> as a headline signal (docs/quality.md, "Main-text extraction").
_TRACKED = re.compile(r"<(/?)(a)\b", re.I)
_TRACKED_SECOND_CHARS = frozenset("aA/")
# When trafilatura's fast pass is kept, and when its full cascade runs too, is set by
# ``SETTINGS`` (extract/settings.py): a fast pass that returned a site's menu (a hundred one-
# to four-word lines) is not prose, so the full cascade runs and its text is kept when it
# holds more prose. Measured in docs/quality.md ("Main-text extraction").
_DATE_SEARCH = {k: v for k, v in set_date_params(False).items() if k != "url"}
SENTENCE_END = frozenset(".!?…。！？؟।")
_WORD = re.compile(r"\w+")
# How far past the previous line a word of a line that did not align whole may be found.
WORD_SEARCH_WINDOW = 2000


@dataclass
class VisibleText:
    """The page's visible characters with spaces dropped, mapped to the HTML.

    ``link_spans`` are the ranges of ``compact`` that sit inside ``<a>`` elements, in order:
    the share of a line's characters that are link text is the classic boilerplate signal
    (menus, "related articles" lists, tag clouds).
    """

    page: str
    compact: str
    offsets: OffsetMap
    body_start: int
    link_spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class HtmlExtraction:
    cleaned: Cleaned
    title: str | None
    published: str | None
    url: str | None
    language: str | None


def visible_text(page: str) -> VisibleText:
    """Scan the page once; written by hand because lxml keeps no character offsets."""
    runs: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    spans: dict[str, list[tuple[int, int]]] = {"a": []}
    open_at: dict[str, int | None] = {"a": None}
    length = 0
    for token in _TOKEN.finditer(page):
        kind = token.lastgroup
        if kind == "markup":
            _track_element(token.group(), length, open_at, spans)
            continue
        text = token.group()
        if kind == "entity":
            decoded = html_lib.unescape(text)
            if not decoded.strip():  # &nbsp; and friends are spaces
                continue
            text = decoded
        runs.append(text)
        pieces.append((length, length + len(text), token.start(), token.end()))
        length += len(text)
    for name, start in open_at.items():
        if start is not None and length > start:
            spans[name].append((start, length))
    offsets = OffsetMap(pieces, raw_length=len(page))
    body = _BODY.search(page)
    body_start = offsets._next_raw(0) if body is None else _compact_index_at(offsets, body.end())
    return VisibleText(page, "".join(runs), offsets, body_start, spans["a"])


def _track_element(tag: str, length: int, open_at: dict[str, int | None], spans: dict[str, list[tuple[int, int]]]) -> None:
    """Open or close the span of a tracked element (``<a>``) at one of its tags."""
    if tag[1:2] not in _TRACKED_SECOND_CHARS:
        return
    match = _TRACKED.match(tag)
    if match is None:
        return
    name = match.group(2).lower()
    start = open_at[name]
    if match.group(1):  # a closing tag
        if start is not None and length > start:
            spans[name].append((start, length))
        open_at[name] = None
    elif start is None:
        open_at[name] = length


def _compact_index_at(offsets: OffsetMap, raw_position: int) -> int:
    for clean_start, _, raw_start, _ in offsets.pieces:
        if raw_start >= raw_position:
            return clean_start
    return offsets.pieces[-1][1] if offsets.pieces else 0


def extract_html(page: str, url: str | None = None) -> HtmlExtraction:
    tree = load_html(page)
    metadata = _page_metadata(tree, url) if tree is not None else Document()
    text, fast = _main_text(tree) if tree is not None else ("", False)
    visible = visible_text(page)
    lines = _align_lines(text, visible, len(page))
    if tree is not None and fast and not _reads_as_article(text, lines, visible):
        full = _trafilatura_text(tree, fast=False)
        if _prose_chars(full) > _prose_chars(text):
            text, lines = full, _align_lines(full, visible, len(page))
    lines, furniture = _drop_html_furniture(lines, visible, metadata.title)
    cleaned = clean_lines(lines, len(page))
    cleaned.removed.extend(furniture)
    cleaned.removed.extend(_unused_visible_text(visible, cleaned, page))
    cleaned.removed.sort(key=lambda piece: piece.source_start)
    return HtmlExtraction(
        cleaned=cleaned,
        title=metadata.title,
        published=metadata.date,
        url=metadata.url or url,
        language=None,
    )


# The page's own summary, in a meta tag of its head: og:description or description.
_DESCRIPTION = re.compile(
    r"<meta\b(?=[^>]*\b(?:name|property)\s*=\s*[\"']?(?:og:)?description[\"'\s/>])[^>]*?\bcontent\s*=\s*"
    r"(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)')",
    re.I,
)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")


def description_text(page: str) -> Cleaned | None:
    """The page's meta description as its text, each character mapped into the attribute.

    For pages whose article is not in the HTML as text (an app that renders it from a
    script's data): the summary the site wrote for the page is then all the page says
    without running its scripts, and the article is stored with it rather than lost.
    The longer of og:description and description is kept.
    """
    best: tuple[str, OffsetMap] | None = None
    for match in _DESCRIPTION.finditer(page):
        group = "dq" if match.group("dq") is not None else "sq"
        start, end = match.span(group)
        text, offsets = _decoded_attribute(page, start, end)
        text_start = len(text) - len(text.lstrip())
        text_end = len(text.rstrip())
        if text_end > text_start and (best is None or text_end - text_start > len(best[0])):
            best = (text[text_start:text_end], _clipped(offsets, text_start, text_end, len(page)))
    return Cleaned(best[0], best[1]) if best else None


def _clipped(offsets: OffsetMap, start: int, end: int, raw_length: int) -> OffsetMap:
    """The part of a map between ``start`` and ``end`` of its text, shifted to start at 0."""
    pieces = []
    for a, b, c, d in offsets.pieces:
        lo, hi = max(a, start), min(b, end)
        if lo >= hi:
            continue
        if b - a == d - c:  # linear: clip the raw range alike
            pieces.append((lo - start, hi - start, c + lo - a, c + hi - a))
        else:
            pieces.append((lo - start, hi - start, c, d))
    return OffsetMap(pieces, raw_length)


def _decoded_attribute(page: str, start: int, end: int) -> tuple[str, OffsetMap]:
    """An attribute value with its entities decoded; a decoded entity maps to the whole reference."""
    pieces: list[tuple[int, int, int, int]] = []
    text: list[str] = []
    length, position = 0, start
    for entity in _ENTITY.finditer(page, start, end):
        if entity.start() > position:
            chunk = page[position : entity.start()]
            pieces.append((length, length + len(chunk), position, entity.start()))
            text.append(chunk)
            length += len(chunk)
        decoded = html_lib.unescape(entity.group())
        pieces.append((length, length + len(decoded), entity.start(), entity.end()))
        text.append(decoded)
        length += len(decoded)
        position = entity.end()
    if end > position:
        pieces.append((length, length + end - position, position, end))
        text.append(page[position:end])
    return "".join(text), OffsetMap(pieces, len(page))


def _main_text(tree: HtmlElement) -> tuple[str, bool]:
    """trafilatura's text of the page: its fast pass first, the full cascade when that is thin.

    The fast pass skips trafilatura's comparison with readability and jusText, which costs
    about a third of its time and changes the result only where the main extractor found
    little; below ``SETTINGS.full_cascade_below_chars`` the full cascade runs (on the same parsed
    tree: trafilatura copies it before pruning). Also says whether the text is the fast
    pass's, which ``extract_html`` then judges (``_reads_as_article``).
    """
    text = _trafilatura_text(tree, fast=True)
    if len(text) < SETTINGS.full_cascade_below_chars:
        return _trafilatura_text(tree, fast=False) or text, False
    return text, True


def _prose_chars(text: str) -> int:
    """Characters of ``text`` in lines long enough to be prose (``SETTINGS.prose_line_words``)."""
    return sum(len(line) for line in text.splitlines() if word_count(line) >= SETTINGS.prose_line_words)


def _reads_as_article(text: str, lines: list[Line], visible: VisibleText) -> bool:
    """Whether an extracted text reads as an article: mostly prose lines, mostly not links."""
    total = sum(len(line.strip()) for line in text.splitlines())
    if not total or _prose_chars(text) < SETTINGS.prose_share_min * total:
        return False
    placed = [(line, getattr(line, "compact_end", 0) - getattr(line, "compact_start", 0)) for line in lines]
    size = sum(length for _, length in placed)
    linked = sum(_share_inside(line, visible.link_spans) * length for line, length in placed)
    return not size or linked / size < SETTINGS.link_density_max


def _trafilatura_text(tree: HtmlElement, fast: bool) -> str:
    document = trafilatura.bare_extraction(
        tree, fast=fast, with_metadata=False, include_comments=False, include_tables=True, deduplicate=False
    )
    return getattr(document, "text", None) or ""


def _page_metadata(tree: HtmlElement, url: str | None) -> Document:
    """Title, canonical URL and date from the page's metadata.

    The parts of ``trafilatura.metadata.extract_metadata`` we use, without the author,
    site name, categories, tags and licence searches it also runs (half its cost), and
    with htmldate's quick search: a date found only in running text is left to
    ``extract.published``, which looks at the dateline of the cleaned text. The day is
    taken in the page's own offset where the page writes it, else in its site's country's one time zone
    (``day_in_page_offset``).
    """
    times = _page_times(tree)
    metadata = examine_meta(tree)
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD parser fails on malformed data; keep the meta tags
        pass
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, url)
    zone = site_zone(domain_country(metadata.url or url))
    metadata.date = day_in_page_offset(find_date(tree, url=metadata.url, **_DATE_SEARCH), times, zone)
    return metadata


def _page_times(tree: HtmlElement) -> list[str]:
    """Where a page writes machine-readable times: meta and microdata ``content``, ``<time datetime>``,
    JSON-LD. Read before htmldate, which may prune the tree."""
    values = tree.xpath("//@content | //@datetime | //script[@type='application/ld+json']/text()")
    return [str(value) for value in values]


def _align_lines(text: str, visible: VisibleText, page_length: int) -> list[Line]:
    """Lines of the extracted text, each placed in the HTML as well as it aligns."""
    cursor = visible.body_start
    lines = []
    for line_text in text.splitlines():
        stripped = line_text.strip()
        runs = content_runs(stripped)
        if not runs:  # blank, or only the bars of a table's header rule
            lines.append(Line("", 0, 0))
            continue
        compact = "".join(stripped[start:end] for start, end in runs)
        found = visible.compact.find(compact, cursor)
        if found < 0:
            found = visible.compact.find(compact)
        if found >= 0:
            cursor = found + len(compact)
            lines.append(_placed_line(stripped, runs, visible, found))
        else:
            line, cursor = _word_aligned_line(stripped, runs, visible, cursor)
            lines.append(line)
    return lines


def content_runs(stripped: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the line's words, without the marks trafilatura's text output adds.

    trafilatura writes a list item as ``- item`` and a table row as ``| cell | cell |``; those
    marks are not in the page, and searching for them would misplace the line.
    """
    runs = [(run.start(), run.end()) for run in _RUN.finditer(stripped)]
    if stripped.startswith("- ") and runs:
        runs = runs[1:]
    elif stripped.startswith("|"):
        runs = [(start, end) for start, end in runs if not _TABLE_MARK.fullmatch(stripped, start, end)]
    return runs


@dataclass(frozen=True)
class PlacedLine(Line):
    """A line whose characters map to the HTML piece by piece (see :class:`OffsetMap`)."""

    pieces: tuple[tuple[int, int, int, int], ...] = ()
    # Where the line sits in the page's compact visible text (for its link density).
    compact_start: int = 0
    compact_end: int = 0


def _placed_line(stripped: str, runs: list[tuple[int, int]], visible: VisibleText, compact_start: int) -> PlacedLine:
    """Map a line found whole at ``compact_start`` by one walk over the visible pieces.

    The line's words are consecutive in the compact text; each overlapping visible piece is
    clipped to the word it falls in. One pointer moves forward over the pieces, so a line
    costs the number of its pieces, not a search per word.
    """
    page_pieces = visible.offsets.pieces
    index = max(0, bisect_right(visible.offsets._starts, compact_start) - 1)
    pieces: list[tuple[int, int, int, int]] = []
    compact = compact_start
    for line_start, line_end in runs:
        compact_end = compact + line_end - line_start
        while index < len(page_pieces) and page_pieces[index][1] <= compact:
            index += 1
        while index < len(page_pieces):
            clean_start, clean_end, raw_start, raw_end = page_pieces[index]
            if clean_start >= compact_end:
                break
            start, end = max(clean_start, compact), min(clean_end, compact_end)
            line_from, line_to = line_start + start - compact, line_start + end - compact
            if clean_end - clean_start == raw_end - raw_start:
                pieces.append((line_from, line_to, raw_start + start - clean_start, raw_start + end - clean_start))
            else:  # an entity: each of its characters stands for the whole reference
                pieces.append((line_from, line_to, raw_start, raw_end))
            if clean_end > compact_end:
                break  # the piece goes on into the next word of the line
            index += 1
        compact = compact_end
    line = _line_from_pieces(stripped, _merge_across_spaces(pieces, stripped, visible.page))
    return replace(line, compact_start=compact_start, compact_end=compact)


def _word_aligned_line(stripped: str, runs: list[tuple[int, int]], visible: VisibleText, cursor: int) -> tuple[PlacedLine, int]:
    pieces = []
    first = None
    for start, end in runs:
        word = stripped[start:end]
        found = visible.compact.find(word, cursor, cursor + WORD_SEARCH_WINDOW)
        if found < 0:
            continue
        first = found if first is None else first
        pieces.extend(_run_pieces(start, found, len(word), visible.offsets))
        cursor = found + len(word)
    line = _line_from_pieces(stripped, pieces)
    return replace(line, compact_start=first or 0, compact_end=cursor if first is not None else 0), cursor


def _run_pieces(line_start: int, compact_start: int, length: int, offsets: OffsetMap) -> list[tuple[int, int, int, int]]:
    """Pieces mapping ``length`` characters of a line to the HTML through the compact text.

    Used for lines that did not align whole (rare): each word is placed on its own.
    """
    pieces = []
    compact_end = compact_start + length
    index = max(0, bisect_right(offsets._starts, compact_start) - 1)
    while index < len(offsets.pieces):
        clean_start, clean_end, raw_start, raw_end = offsets.pieces[index]
        if clean_start >= compact_end:
            break
        index += 1
        start, end = max(clean_start, compact_start), min(clean_end, compact_end)
        if start >= end:
            continue
        line_from, line_to = line_start + start - compact_start, line_start + end - compact_start
        if clean_end - clean_start == raw_end - raw_start:
            pieces.append((line_from, line_to, raw_start + start - clean_start, raw_start + end - clean_start))
        else:  # an entity: each of its characters stands for the whole reference
            pieces.append((line_from, line_to, raw_start, raw_end))
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


def _drop_html_furniture(lines: list[Line], visible: VisibleText, title: str | None) -> tuple[list[Line], list[RemovedSpan]]:
    """Cut lines that the page's structure shows to be furniture, before the text filters run.

    * the headline: the first line when it repeats the page title (kept in ``title``);
    * link lines at the edges: the lines before the first and after the last line of prose
      that are made mostly of link text (breadcrumbs, "related" lists, tag lists). Link
      lines between prose lines stay: there they are the article's own lists of sources.
    A cut line becomes a blank line, so the text around it is separated as a paragraph.
    """
    reasons: list[str | None] = [None] * len(lines)
    title_words = _words(title or "")
    text_lines = [index for index, line in enumerate(lines) if line.text]
    if text_lines:
        first = lines[text_lines[0]]
        if _repeats_title(_words(first.text), title_words):
            reasons[text_lines[0]] = "headline"
    for edge in (text_lines, text_lines[::-1]):
        for index in edge:
            if reasons[index]:
                continue
            if not _is_link_line(lines[index], visible):
                break
            reasons[index] = "link_text"
    kept: list[Line] = []
    removed: list[RemovedSpan] = []
    for line, reason in zip(lines, reasons, strict=True):
        if reason and line.source_end > line.source_start:
            removed.append(RemovedSpan(line.source_start, line.source_end, line.text, reason))
            kept.append(Line("", 0, 0))
        else:
            kept.append(line)
    return kept, removed


def _is_link_line(line: Line, visible: VisibleText) -> bool:
    """A line made of link text: past ``SETTINGS.link_density_max``, unless it reads as a sentence of
    prose whose links are inline (a paragraph ending in sentence punctuation, long enough to
    be prose, with at least SETTINGS.linked_prose_max of its characters outside links)."""
    share = _share_inside(line, visible.link_spans)
    if share < SETTINGS.link_density_max:
        return False
    prose = word_count(line.text) >= SETTINGS.prose_line_words and line.text.rstrip()[-1:] in SENTENCE_END
    return not (prose and share < SETTINGS.linked_prose_max)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _repeats_title(words: list[str], title_words: list[str]) -> bool:
    """The line is the title, or the title with a site name before or after it."""
    if not words or not title_words:
        return False
    if words == title_words:
        return True
    size = len(words)
    return size >= SETTINGS.min_headline_words and (title_words[:size] == words or title_words[-size:] == words)


def _share_inside(line: Line, spans: list[tuple[int, int]]) -> float:
    """Share of the line's visible characters inside the given element spans (links)."""
    start, end = getattr(line, "compact_start", 0), getattr(line, "compact_end", 0)
    if end <= start:
        return 0.0
    index = max(0, bisect_right(spans, (start, start)) - 1)
    linked = 0
    while index < len(spans) and spans[index][0] < end:
        linked += max(0, min(end, spans[index][1]) - max(start, spans[index][0]))
        index += 1
    return linked / (end - start)


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
