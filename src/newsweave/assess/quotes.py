"""Detector ``unsourced_quote``: a direct quote with no identifiable speaker or source.

The quotes annotator keeps an unattributed quote only when it reads as speech (long enough,
or a full sentence), so scare-quoted terms are not flagged. Pieces of one utterance
(same ``quote_id``) are one quote: attributed if any piece is.
"""

from __future__ import annotations

from newsweave.model import Article, Flag

KIND = "unsourced_quote"


def unsourced_quote_flags(article: Article) -> list[Flag]:
    attributed_ids = {q.get("quote_id") for q in article.quotes if q.get("speaker") and q.get("quote_id") is not None}
    flags = []
    for quote in article.quotes:
        if not quote.get("direct") or quote.get("speaker") or quote.get("quote_id") in attributed_ids - {None}:
            continue
        words = len(quote["text"].split())
        flags.append(Flag(KIND, "warning", f"A quote of {words} words has no identifiable speaker or source.",
                          [article.span(quote["start"], quote["end"])]))
    return flags
