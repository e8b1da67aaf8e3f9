"""The link stage's settings: one frozen object, printed by ``newsweave stats --json``.

Measurements behind the tuned values are in docs/quality.md; a comment here keeps the reason.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkSettings:
    # MinHash signature length and shingle size of the near-duplicate finder.
    num_perm: int = 128
    shingle_words: int = 4
    # Estimated Jaccard similarity of shingle sets above which an article is a copy of an
    # earlier one. Jaccard punishes a shorter copy twice (fewer shared shingles, same union),
    # so a wire copy with a rewritten lead and a paragraph dropped scores little above this,
    # while two different articles, even on one story, stay near 0 (docs/quality.md, "Spine",
    # the duplicates paragraph).
    near_duplicate_threshold: float = 0.5


SETTINGS = LinkSettings()
