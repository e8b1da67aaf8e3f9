"""A site's home division from the articles the store already holds.

The annotator reads a local paper's ambiguous places ("Paris" in a Texas paper that names no
other place) with its site's home, the division its articles' sure places lie in
(:func:`newsweave.annotate.georesolve.site_home_of`), but from the current batch only: a site
with one article in the batch has none. Here the votes of the site's earlier articles, kept
by the store (:class:`SiteHomeMemory`), join the batch's; where the home they give differs from
the one the article was read with, the article's place mentions (kept by the annotator on
``article.work``) are resolved again with it. The resolver itself lets the home count only for
an article whose own places name no division, so an article that says where it is keeps its
reading. Mentions whose identity moved take the new one, and the article's events and quotes
follow them, as :func:`newsweave.link.entities.link_article_entities` does for persons.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from newsweave.annotate.canonical import resolve_mentions
from newsweave.annotate.entities import entities_of
from newsweave.annotate.georesolve import site_home_of, site_of
from newsweave.link.settings import SETTINGS
from newsweave.model import Article, Entity, Event, Participant, Quote

Vote = set[tuple[str, str]]


class SiteHomeMemory(Protocol):
    """What the site's home needs from the store."""

    def site_votes(self, site: str, limit: int) -> list[tuple[str, Vote]]:
        """(article id, vote) of the site's latest ``limit`` stored articles that voted."""
        ...

    def remember_site_votes(self, article_id: str, site: str, votes: Vote) -> None: ...


def home_from_store(article: Article, memory: SiteHomeMemory) -> dict[str, str]:
    """Read the article's places again with the home its site's stored and batch votes give,
    where that differs from the home it was read with; returns the ids that changed (old → new)."""
    work = article.work
    site = site_of(article.url)
    kept, work.place_mentions = work.place_mentions, None  # read once: not held while the article waits
    if not site or kept is None:
        return {}
    votes = dict(memory.site_votes(site, SETTINGS.site_home_stored_articles))
    votes.update(work.site_batch_votes)  # the batch's own articles once, whether stored yet or not
    home = site_home_of(votes.values())
    if home is None or home == work.site_home:
        return {}
    # (the kept mentions are this reading's own: the annotator copied them and let them go here)
    results = resolve_mentions(kept, article.text, article.url, article.language or "", home)
    return _take_identities(article, entities_of(article, kept, results))


def vote_to_file(article: Article, again: bool = False) -> tuple[str, Vote] | None:
    """(site, vote) the article files for its site's later articles, or None when it files
    nothing; ``again``, for an article analysed again, also an empty vote, over the one it had.
    The store writes it in the article's own transaction (``Store.save_article(site_vote=…)``)."""
    site = site_of(article.url)
    if site and (article.work.site_vote or again):
        return site, set(article.work.site_vote)
    return None


def remember_votes(article: Article, memory: SiteHomeMemory, again: bool = False) -> None:
    """File the article's vote under its site on its own (a memory without articles: the bench)."""
    filed = vote_to_file(article, again)
    if filed is not None:
        memory.remember_site_votes(article.id, *filed)


def _take_identities(article: Article, fresh: list[Entity]) -> dict[str, str]:
    """Give each mention of the article the identity its new reading has at the same span."""
    by_span = {(item.start, item.end): item for item in fresh}
    targets: dict[str, set[str]] = {}
    new_entities: dict[str, Entity] = {}
    updated = []
    for item in article.entities:
        new = by_span.get((item.start, item.end))
        if new is None or not item.entity_id or new.entity_id == item.entity_id:
            updated.append(item)
            continue
        targets.setdefault(item.entity_id, set()).add(new.entity_id or "")
        new_entities[new.entity_id or ""] = new
        updated.append(_with_identity(item, new))
    article.entities = updated
    # An id that became several others (one "Paris" read two ways) is not remapped elsewhere.
    remap = {old: next(iter(new)) for old, new in targets.items() if len(new) == 1 and "" not in new}
    if remap:
        article.quotes = [_remapped_quote(quote, remap) for quote in article.quotes]
        article.events = [_remapped_event(event, remap, new_entities) for event in article.events]
    return remap


def _with_identity(item: Entity, new: Entity) -> Entity:
    return replace(item, label=new.label, entity_id=new.entity_id, canonical=new.canonical, lat=new.lat, lon=new.lon,
                   geo_confidence=new.geo_confidence, country=new.country)


def _remapped_quote(quote: Quote, remap: dict[str, str]) -> Quote:
    if quote.speaker_entity_id in remap:
        return replace(quote, speaker_entity_id=remap[quote.speaker_entity_id])
    return quote


def _remapped_participant(participant: Participant | None, remap: dict[str, str],
                          entities: dict[str, Entity]) -> Participant | None:
    if participant is None or participant.entity_id not in remap:
        return participant
    new = entities[remap[participant.entity_id]]
    return replace(participant, label=new.label, entity_id=new.entity_id, canonical=new.canonical, lat=new.lat,
                   lon=new.lon, country=new.country)


def _remapped_event(event: Event, remap: dict[str, str], entities: dict[str, Entity]) -> Event:
    return replace(event, actor=_remapped_participant(event.actor, remap, entities),
                   target=_remapped_participant(event.target, remap, entities),
                   location=_remapped_participant(event.location, remap, entities))
