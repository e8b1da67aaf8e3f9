"""Stage 3, annotate: what each article says on its own, needing no other article.

``ANNOTATORS`` run in order over a batch of articles (a batch lets model pipelines such
as spaCy's ``nlp.pipe`` work efficiently); each takes the list and fills fields in place.
An annotator may leave working data (a parsed Doc) in ``article.extras`` for later ones.
"""

from __future__ import annotations

from collections.abc import Callable

from newsweave.annotate.dates import annotate_dates
from newsweave.annotate.embeddings import embed_articles
from newsweave.annotate.events import annotate_events
from newsweave.annotate.entities import annotate_entities
from newsweave.annotate.language import detect_language
from newsweave.annotate.quotes import annotate_quotes
from newsweave.model import Article

Annotator = Callable[[list[Article]], None]


def annotate_language(articles: list[Article]) -> None:
    for article in articles:
        if not article.language:
            article.language, article.language_score = detect_language(article.text)


# Events come after entities and dates: they link their actors and dates to them.
# Embeddings (for stories) are computed here rather than when linking: here they run in
# batches of ``ENCODE_BATCH`` and, under ``run --dask``, on the workers instead of the client.
ANNOTATORS: list[Annotator] = [
    annotate_language, annotate_entities, annotate_dates, annotate_quotes, annotate_events, embed_articles,
]


def annotate_batch(articles: list[Article]) -> list[Article]:
    for annotator in ANNOTATORS:
        annotator(articles)
    return articles


def annotate(article: Article) -> Article:
    """Annotate one article (a batch of one)."""
    return annotate_batch([article])[0]
