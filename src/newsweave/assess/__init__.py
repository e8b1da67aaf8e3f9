"""Stage 5, assess: credibility flags with evidence (filled by the trust detectors)."""

from __future__ import annotations

from newsweave.model import Article


def assess(article: Article) -> Article:
    """Add the flags that can be computed from the article alone."""
    return article
