"""The extract stage's settings: one frozen object, printed by ``newsweave stats --json``.

Each value says why it is what it is; the measurements behind the tuned ones are in
docs/quality.md ("Main-text extraction", "Every language in, none lost").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractSettings:
    # Fewer words than this is not an article: an empty page, a cookie wall, a redirect.
    # Counted by ``textnorm.word_count``, which also counts scripts written without spaces.
    min_article_words: int = 5
    # trafilatura's fast pass is kept when it finds at least this many characters; below,
    # its full cascade (readability and jusText) runs too (bench/extraction.py).
    full_cascade_below_chars: int = 1000
    # A fast pass is trusted when lines of at least ``prose_line_words`` words hold
    # ``prose_share_min`` of its characters and it is not mostly link text.
    prose_line_words: int = 8
    prose_share_min: float = 0.5
    # A line whose visible characters are at least this share of link text is navigation:
    # the usual cut of link-density boilerplate detectors (jusText, boilerpipe).
    link_density_max: float = 0.5
    # A paragraph with inline links that ends like a sentence stays while its links hold
    # less than this share of it (a related-articles line is a link and little else).
    linked_prose_max: float = 0.85
    # A page headline shorter than this is only dropped when it equals the page title exactly.
    min_headline_words: int = 4
    # A first line of plain text this short, standing alone and not ending a sentence, is
    # the article's headline.
    headline_max_words: int = 25
    headline_max_chars: int = 200
    # Lines after an agency credit are cut as footer only while they stay this short; a
    # long paragraph after it means the article goes on (a correction, an update).
    trailer_max_words: int = 25
    # A question before furniture on its line is the prompt's own lead-in ("Not a member? Sign
    # up") while it stays this short; a longer one is the article asking.
    lead_question_max_words: int = 12
    # A dateline sits at the top; dates further down are about events, not publication.
    dateline_window: int = 300


SETTINGS = ExtractSettings()
