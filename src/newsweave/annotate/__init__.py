"""Stage 3, annotate: what each article says, on its own (language; later entities, dates, quotes)."""

from __future__ import annotations

from newsweave.annotate.language import detect_language
from newsweave.model import Article


def annotate(article: Article) -> Article:
    """Fill the per-article annotations that need no other article."""
    if not article.language:
        article.language, article.language_score = detect_language(article.text)
    return article
