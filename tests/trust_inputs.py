"""What the trust-flag tests share: one invented text run through the real pipeline, and the
flags of one kind it raised."""

from __future__ import annotations

import hashlib

from newsweave.model import Article, RawDocument
from newsweave.pipeline import analyze_batch


def analyse(text: str, language: str, title: str | None = None) -> Article:
    document = RawDocument(source=f"test/{hashlib.sha1(text.encode()).hexdigest()}.txt", raw=text, kind="text",
                           raw_sha256=hashlib.sha256(text.encode()).hexdigest(), title=title,
                           published="2025-05-06", language=language)
    [article] = analyze_batch([document])
    assert isinstance(article, Article), article
    return article


def flags(article: Article, kind: str) -> list:
    return [flag for flag in article.flags if flag.kind == kind]
