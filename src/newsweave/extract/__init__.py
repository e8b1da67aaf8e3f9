"""Stage 2, extract: the main text of each document, its furniture cut away, and its metadata.

:func:`extract_document` is the driver: HTML goes to trafilatura (``extract.html``), plain
text to the line cleaner (``extract.plaintext``); both keep offsets to the raw input.
"""

from __future__ import annotations

from newsweave.extract.html import description_text, extract_html
from newsweave.extract.plaintext import clean_plain_text
from newsweave.extract.published import date_from_url, date_in_text, normalise_timestamp
from newsweave.model import Article, RawDocument, Rejection
from newsweave.textnorm import content_hash, word_count
from newsweave.extract.settings import SETTINGS



def extract_document(document: RawDocument) -> Article | Rejection:
    if document.kind == "html":
        extraction = extract_html(document.raw, document.url)
        cleaned = extraction.cleaned
        title = document.title or extraction.title
        url = document.url or extraction.url
        metadata_date = normalise_timestamp(document.published) or normalise_timestamp(extraction.published)
        method = "trafilatura"
        if word_count(cleaned.text) < SETTINGS.min_article_words:
            described = description_text(document.raw)
            if described is not None:
                cleaned, method = described, "meta_description"
    else:
        cleaned = clean_plain_text(document.raw)
        title, url = document.title or cleaned.headline, document.url
        metadata_date = normalise_timestamp(document.published)
        method = "plaintext"
    if word_count(cleaned.text) < SETTINGS.min_article_words:
        what = "HTML page" if document.kind == "html" else "text"
        return Rejection(document.source, f"{what} has no article text (fewer than {SETTINGS.min_article_words} words after cleaning)")
    article = Article(
        id=content_hash(cleaned.text)[:16],
        source=document.source,
        raw=document.raw,
        raw_sha256=document.raw_sha256,
        text=cleaned.text,
        offsets=cleaned.offsets,
        kind=document.kind,
        url=url,
        title=title,
        language=document.language,
        removed=cleaned.removed,
        links=document.links,
        extraction_method=method,
        fetched=normalise_timestamp(document.fetched),
    )
    set_published(article, metadata_date)
    return article


def set_published(article: Article, metadata_date: str | None) -> None:
    """Fill ``published`` from the best evidence: metadata, then URL, then the dateline."""
    for value, basis in (
        (metadata_date, "metadata"),
        (date_from_url(article.url), "url"),
        (date_in_text(article.text), "text"),
    ):
        if value:
            article.published, article.published_basis = value, basis  # type: ignore[assignment]
            return
