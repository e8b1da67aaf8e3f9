"""A text made an article and run through quote annotation, for the quote and speaker tests."""

from __future__ import annotations

import re

from newsweave.annotate.nlp import parse_batch
from newsweave.annotate.quotes import annotate_quotes, find_quotes, quote_records
from newsweave.model import Article, Entity, Quote
from newsweave.offsets import OffsetMap


def quotes_of(text: str, language: str) -> dict[str, Quote]:
    """The quotes found in ``text`` (an article of that language), by the words they quote."""
    article = Article(id="q", source="q", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_quotes([article])
    return {text[q.start:q.end]: q for q in article.quotes}


def quotes_with_people(text: str, language: str, people: list[tuple[str, str]], parse: bool = False
                       ) -> dict[str, Quote]:
    """The quotes of an article whose entities stage found ``people`` (mention, entity id) as
    persons, every occurrence of each mention, by the words they quote; ``parse``: with the
    language's spaCy parse in ``article.work.doc``, as the entities stage leaves it."""
    article = Article(id="q", source="q", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    if parse:
        parse_batch([article])
    for mention, entity_id in people:
        for found in re.finditer(re.escape(mention), text):
            article.entities.append(Entity(found.start(), found.end(), found.start(), found.end(), mention,
                                           label="PER", entity_id=entity_id, canonical=mention))
    article.quotes = quote_records(article, find_quotes(article))
    return {text[q.start:q.end]: q for q in article.quotes}


def annotated(text: str, language: str) -> Article:
    """An article of ``text`` whose entities the real annotator found, then its quotes, as the
    pipeline runs (a dropped subject resolves to the persons the entities stage finds)."""
    from newsweave.annotate.entities import annotate_entities

    article = Article(id="q", source="q", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    article.quotes = quote_records(article, find_quotes(article))
    return article


def quotes_after_entities(text: str, language: str) -> dict[str, Quote]:
    """The quotes of :func:`annotated`, by the words they quote."""
    article = annotated(text, language)
    return {text[q.start:q.end]: q for q in article.quotes}


def speaker_text(quote: Quote) -> str | None:
    """The words of a quote's speaker mention, None when it has none."""
    return quote.speaker.text if quote.speaker else None
