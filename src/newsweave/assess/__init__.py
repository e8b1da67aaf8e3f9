"""Stage 5, assess: credibility flags, each with the evidence spans that justify it.

Each detector is a small function ``(article) -> list[Flag]`` listed in ``DETECTORS``;
detectors that compare with other articles get the store through a narrow interface.
Whatever a detector returns, its evidence is held to whole words here (``assess/evidence.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from newsweave.assess.dates import date_flags
from newsweave.assess.evidence import on_word_boundaries
from newsweave.assess.filler import detect_generic_filler
from newsweave.assess.leaks import detect_boilerplate_leak
from newsweave.assess.quotes import unsourced_quote_flags
from newsweave.assess.promotion import detect_undisclosed_promotion
from newsweave.assess.translation import detect_machine_translation
from newsweave.model import Article, Flag

Detector = Callable[[Article], list[Flag]]

DETECTORS: list[Detector] = [
    detect_undisclosed_promotion,
    detect_machine_translation,
    detect_boilerplate_leak,
    detect_generic_filler,
    date_flags,
    unsourced_quote_flags,
]


def assess(article: Article) -> Article:
    """Add the flags that can be computed from the article alone."""
    for detector in DETECTORS:
        article.flags.extend(on_word_boundaries(article, flag) for flag in detector(article))
    return article
