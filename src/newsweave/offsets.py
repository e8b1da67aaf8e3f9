"""Map offsets in the cleaned text back to offsets in the decoded raw input.

The cleaned text is assembled from pieces of the raw input (paragraph slices of a plain
text, text nodes of an HTML page) plus separators that we insert. An :class:`OffsetMap`
records each piece as ``(clean_start, clean_end, raw_start, raw_end)``:

* when both ranges have the same length the piece is *linear*: character ``i`` of the
  piece sits at ``raw_start + i`` in the raw input;
* otherwise the piece is *atomic* (an HTML entity such as ``&amp;`` that decodes to one
  character): any character of it maps to the whole raw range.

Characters that belong to no piece (inserted newlines) map to an empty range.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

Piece = tuple[int, int, int, int]


@dataclass
class OffsetMap:
    pieces: list[Piece] = field(default_factory=list)
    raw_length: int = 0

    def __post_init__(self) -> None:
        self.pieces.sort()
        self._starts = [piece[0] for piece in self.pieces]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, length, 0, length)] if length else [], length)

    def add(self, clean_start: int, clean_end: int, raw_start: int, raw_end: int) -> None:
        """Append a piece; pieces must be added in clean-text order."""
        if clean_end <= clean_start:
            return
        last = self.pieces[-1] if self.pieces else None
        if (
            last
            and last[1] == clean_start
            and last[3] == raw_start
            and last[1] - last[0] == last[3] - last[2]
            and clean_end - clean_start == raw_end - raw_start
        ):
            # Two adjacent linear pieces: keep one, so maps of long texts stay small.
            self.pieces[-1] = (last[0], clean_end, last[2], raw_end)
            return
        self.pieces.append((clean_start, clean_end, raw_start, raw_end))
        self._starts.append(clean_start)

    def _piece_at(self, index: int) -> int | None:
        position = bisect_right(self._starts, index) - 1
        if position >= 0 and index < self.pieces[position][1]:
            return position
        return None

    def char_to_source(self, index: int) -> tuple[int, int] | None:
        """Raw range of one cleaned character, or None for an inserted character."""
        position = self._piece_at(index)
        if position is None:
            return None
        clean_start, clean_end, raw_start, raw_end = self.pieces[position]
        if clean_end - clean_start == raw_end - raw_start:
            raw = raw_start + index - clean_start
            return raw, raw + 1
        return raw_start, raw_end

    def _next_raw(self, index: int) -> int:
        """Raw offset of the first mapped character at or after ``index``."""
        position = bisect_right(self._starts, index) - 1
        if position >= 0 and index < self.pieces[position][1]:
            found = self.char_to_source(index)
            return found[0] if found else self.raw_length
        following = position + 1
        if following < len(self.pieces):
            return self.pieces[following][2]
        return self.raw_length

    def _previous_raw_end(self, index: int) -> int:
        """Raw end offset of the last mapped character before ``index``."""
        position = bisect_right(self._starts, index - 1) - 1
        if position < 0:
            return 0
        clean_start, clean_end, raw_start, raw_end = self.pieces[position]
        if index - 1 < clean_end:
            found = self.char_to_source(index - 1)
            return found[1] if found else raw_start
        return raw_end

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(source_start, source_end)`` of the cleaned span ``[start, end)``."""
        source_start = self._next_raw(start)
        if end <= start:
            return source_start, source_start
        source_end = self._previous_raw_end(end)
        if source_end < source_start:
            # The span covers only inserted characters.
            return source_start, source_start
        return source_start, source_end

    def to_json(self) -> list[list[int]]:
        return [list(piece) for piece in self.pieces]

    @classmethod
    def from_json(cls, pieces: list[list[int]], raw_length: int) -> OffsetMap:
        return cls([(a, b, c, d) for a, b, c, d in pieces], raw_length)
