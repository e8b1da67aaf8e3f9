"""Quote marks paired per paragraph, for :mod:`newsweave.annotate.quotes`: curly “…”, straight
"…", « guillemets » (their inner spaces are left out of the span), „…“, and each language's own
marks (``marks`` in ``lang/<iso>/quotes.toml``: »…«, 「…」, ‚…‘ …). A quote left open at a
paragraph's end continues when the next paragraph opens with a mark (the newspaper convention
for multi-paragraph quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each opener with the marks that may close it. Mixed pairs (“…" and "…”) are typing slips
# common in edited copy; pairing them keeps the attribution that follows outside the quote.
OPENERS = {"“": ("”", '"'), "«": ("»",), "„": ("“", "”"), '"': ('"', "”")}


@dataclass
class Piece:
    """The words between one pair of quote marks (marks and inner spaces excluded)."""

    start: int
    end: int
    open_at: int
    close_at: int
    group: int


def find_pieces(text: str, openers: dict[str, tuple[str, ...]] | None = None) -> list[Piece]:
    """Spans between quote marks, paragraph by paragraph, across paragraphs when continued.
    ``openers``: each opening mark with its closing marks (the language's ``marks``)."""
    openers = openers or OPENERS
    any_opener = re.compile("[" + re.escape("".join(openers)) + "]")
    pieces: list[Piece] = []
    group = 0
    carry: tuple[tuple[str, ...], int] | None = None  # (closers, group) of a quote left open by the paragraph before
    for para in re.finditer(r"[^\n]+", text):
        start, stop = para.span()
        position = start
        if carry:
            opener_here = re.match(r"\s*" + any_opener.pattern, text[start:stop])
            if opener_here:
                position = start + opener_here.end()
                closer, open_group = carry
                end_at = _find_close(text, position, stop, closer)
                if end_at is None:
                    pieces.append(_piece(text, position - 1, stop, open_group, closed=False))
                    continue
                pieces.append(_piece(text, position - 1, end_at, open_group))
                position = end_at + 1
            carry = None
        while True:
            found = any_opener.search(text, position, stop)
            if not found:
                break
            closer = openers[found.group(0)]
            end_at = _find_close(text, found.end(), stop, closer, found.group(0))
            group += 1
            if end_at is None:
                following = text[stop:stop + 3]
                if re.match(r"\n+\s*" + any_opener.pattern, following + text[stop + 3:stop + 6]):
                    pieces.append(_piece(text, found.start(), stop, group, closed=False))
                    carry = (closer, group)
                break
            pieces.append(_piece(text, found.start(), end_at, group))
            position = end_at + 1
    return [piece for piece in pieces if piece.end > piece.start]


# An opening mark typed where the closing one belongs ("…a fascist?“ he asked."): after a word or
# punctuation, before a space, punctuation or the paragraph's end, it can open nothing.
REVERSED_CLOSE = {"“": re.compile(r"(?<=[^\s“”\"])“(?=[\s,.;:!?)]|$)")}


def _find_close(text: str, start: int, stop: int, closers: tuple[str, ...], opener: str = "") -> int | None:
    found = [at for at in (text.find(closer, start, stop) for closer in closers) if at >= 0]
    reversed_close = REVERSED_CLOSE.get(opener) if opener not in closers else None
    if reversed_close is not None:
        slip = reversed_close.search(text, start, min(found) if found else stop)
        if slip and slip.start() > start:
            found.append(slip.start())
    return min(found) if found else None


def _piece(text: str, open_at: int, close_at: int, group: int, closed: bool = True) -> Piece:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Piece(start, end, open_at, close_at if closed else close_at, group)


# Two apostrophes (three where a single mark nests inside: '''…'''), or two backticks that
# only ever open. Longer runs are rules or ASCII art, not marks.
DOUBLED = re.compile(r"(?<!['`])(?:'{2,3}|``)(?!['`])")
# What may stand before an opening mark and after a closing one.
OPEN_BEFORE = " \t([{—–-/"
CLOSE_AFTER = " \t.,;:!?)]}—–-/"


def doubled_view(text: str) -> str:
    """``text`` with each pair of doubled marks that clearly pair in a paragraph written as
    curly marks of the same length: the opener as "“ " and the closer as " ”", so that the
    words right before an opening mark and right after a closing one are unchanged and the
    inner space is trimmed from the quote. A lone run (inches, 5'11'', an elision, a rule)
    stays as it is; an opener left open at a paragraph's end counts only when the next
    paragraph opens with one (a quote that goes on)."""
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for index, (start, stop) in enumerate(paragraphs):
        opened: tuple[int, int] | None = None
        for run in DOUBLED.finditer(text, start, stop):
            kind = _doubled_kind(text, run.start(), run.end(), start, stop)
            if kind == "open":
                opened = (run.start(), run.end())
            elif kind == "close" and opened is not None:
                _write(chars, *opened, "open")
                _write(chars, run.start(), run.end(), "close")
                opened = None
        if opened is not None and index + 1 < len(paragraphs) and _opens_paragraph(text, *paragraphs[index + 1]):
            _write(chars, *opened, "open")
    return "".join(chars)


def _opens_paragraph(text: str, start: int, stop: int) -> bool:
    lead = DOUBLED.search(text, start, stop)
    return bool(lead and not text[start:lead.start()].strip()
                and _doubled_kind(text, lead.start(), lead.end(), start, stop) == "open")


def _doubled_kind(text: str, at: int, end: int, start: int, stop: int) -> str | None:
    before = text[at - 1] if at > start else " "
    after = text[end] if end < stop else " "
    if text[at] == "`":
        return "open" if not after.isspace() else None
    opens = (before.isspace() or before in OPEN_BEFORE) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in CLOSE_AFTER)
    if opens == closes:
        return None
    return "open" if opens else "close"


def _write(chars: list[str], at: int, end: int, kind: str) -> None:
    # the doubled mark is the first two characters of an opener ("'''A": '' then a nested ')
    # and the last two of a closer ("a,'''": a nested ' then '')
    if kind == "open":
        chars[at], chars[at + 1] = "“", " "
    else:
        chars[end - 2], chars[end - 1] = " ", "”"
