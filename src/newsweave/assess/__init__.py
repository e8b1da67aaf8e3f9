"""Stage 5, assess: credibility flags, each with the evidence spans that justify it.

Each detector is a small function ``(article) -> list[Flag]`` listed in ``DETECTORS``;
detectors that compare with other articles get the store through a narrow interface.
"""

from __future__ import annotations

from collections.abc import Callable

from newsweave.model import Article, Flag

Detector = Callable[[Article], list[Flag]]

DETECTORS: list[Detector] = []


def assess(article: Article) -> Article:
    """Add the flags that can be computed from the article alone."""
    for detector in DETECTORS:
        article.flags.extend(detector(article))
    return article
