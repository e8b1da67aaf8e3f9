"""Annotator: every temporal expression of an article, resolved against the article's time.

When the article has no publication date, it is inferred first from the text
(:mod:`newsweave.annotate.published_inference`), recorded with ``published_basis:
"inferred"``; the date mentions that served as evidence carry ``"published_evidence":
true``. The resolved :class:`~newsweave.annotate.timex.Timex` objects stay in
``article.work.timexes`` for the ``date_inconsistent`` detector.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from newsweave.annotate.published_clues import as_date, infer_publication
from newsweave.annotate.published_inference import Inference, infer_published
from newsweave.annotate.timex import Timex, find_mentions, resolve_all
from newsweave import model
from newsweave.model import Article


def article_anchor(article: Article) -> date | None:
    """The article's publication day, if it has one."""
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def annotate_dates(articles: list[Article]) -> None:
    for article in articles:
        tag_article(article)


def tag_article(article: Article, today: date | None = None) -> None:
    mentions = find_mentions(article.text, article.language)
    evidence: set[tuple[int, int]] = set()
    if article_anchor(article) is None and mentions:
        fetched = as_date(article.fetched)
        # A fetch day the input gave bounds the day with the text's and the URL's clues; without
        # one, the text alone must fix it (the run day is no fetch day of a file read from disk).
        inference = infer_publication(mentions, article.text, article.language, fetched=fetched, url=article.url) \
            if fetched else infer_published(mentions, article.text, article.language, today or date.today())
        if inference is not None:
            evidence = _set_inferred(article, inference)
    timexes = resolve_all(mentions, article.text, article.language, article_anchor(article))
    article.work.timexes = timexes
    article.dates = [_date_of(article, timex, (timex.start, timex.end) in evidence) for timex in timexes]


def _set_inferred(article: Article, inference: Inference) -> set[tuple[int, int]]:
    """Record an inferred publication day and its interval; the spans of its evidence."""
    article.published, article.published_basis = inference.published.isoformat(), "inferred"
    article.published_interval = model.PublishedInterval(
        (inference.earliest or inference.published).isoformat(),
        (inference.latest or inference.published).isoformat(), inference.reason)
    article.work.published_inference = inference
    return {(t.start, t.end) for t in inference.evidence}


def redate(article: Article, inference: Inference) -> None:
    """Give an annotated article a new inferred publication day (``link.story_dates``: the day
    its story allows) and resolve its dates again against it. An event dated by a date that
    moved, or by the old publication day, moves with it."""
    old_published = (article.published or "")[:10] or None
    old_values = {(item.start, item.end): item.value for item in article.dates}
    evidence = _set_inferred(article, inference)
    timexes = resolve_all(find_mentions(article.text, article.language), article.text, article.language,
                          article_anchor(article))
    article.work.timexes = timexes
    article.dates = [_date_of(article, timex, (timex.start, timex.end) in evidence) for timex in timexes]
    moved = {old_values[(item.start, item.end)]: item.value for item in article.dates
             if (item.start, item.end) in old_values and old_values[(item.start, item.end)] != item.value}
    if old_published:
        moved[old_published] = inference.published.isoformat()
    article.events = [replace(event, date=moved.get(event.date, event.date)) if event.date else event
                      for event in article.events]


def _date_of(article: Article, timex: Timex, is_evidence: bool) -> model.Timex:
    return model.Timex(**article.span(timex.start, timex.end).offsets(), type=timex.type, value=timex.value,
                       mod=timex.mod or None, published_evidence=is_evidence)
