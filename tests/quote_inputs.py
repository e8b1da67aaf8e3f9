"""A text made an article and run through quote annotation, for the quote and speaker tests."""

from __future__ import annotations

from newsweave.annotate.quotes import annotate_quotes
from newsweave.model import Article, Quote
from newsweave.offsets import OffsetMap


def quotes_of(text: str, language: str) -> dict[str, Quote]:
    """The quotes found in ``text`` (an article of that language), by the words they quote."""
    article = Article(id="q", source="q", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_quotes([article])
    return {text[q.start:q.end]: q for q in article.quotes}
