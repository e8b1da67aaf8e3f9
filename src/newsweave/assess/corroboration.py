"""Quote corroboration: is a quote found in the other articles of its story?

A quote that other newsrooms also report was heard by more than one reporter (or comes from
one shared source, which a reader can then look up). A quote found nowhere else, while
other articles tell the same story, deserves a second look: ``uncorroborated_quote``.

Matching:

* same language: fuzzy string matching with rapidfuzz (``partial_ratio`` on normalised
  text, so a shorter excerpt of the same words still matches a longer quote);
* across languages: cosine similarity of the multilingual embeddings that the stories
  stage uses (``annotate/embeddings.embed_texts``), since a translated quote shares no
  words with its original.

Only direct quotes (the speaker's own words) can be flagged; reported speech gets its
``corroborated_by`` list too. Peers are the other articles of the quote's story; when the article has no story, the
articles that quote the same speaker. Copies of the article (near-duplicates, the same
wire text) are not independent and never corroborate it.

This runs after ingest, over the articles just stored and their story peers, because
whether a quote is corroborated changes when later articles arrive. The store is reached
through :class:`QuoteMemory`, which :class:`newsweave.store.Store` implements.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from rapidfuzz import fuzz, process

from newsweave.model import Flag, Span

KIND = "uncorroborated_quote"
SEVERITY = "info"
# Quotes shorter than this are scare quotes or single words ("inevitability"): matching
# them says nothing.
MIN_WORDS = 4
# rapidfuzz partial_ratio (0–100) above which two same-language quotes are the same words.
# 85 keeps matches through small edits (a dropped word, other punctuation) while unrelated
# sentences of the same story stay below ~60 (checked on tests/data/trust stories).
FUZZY_MIN_SCORE = 85
# Cosine of multilingual-e5-small embeddings above which two quotes in different languages
# are translations of each other. Set on the labelled set's translated quote pairs: pairs
# scored 0.88–0.94, unrelated cross-language quotes of the same stories at most 0.82.
CROSS_LINGUAL_MIN_COSINE = 0.86


class QuoteMemory(Protocol):
    """What corroboration needs from the store."""

    def story_of(self, article_id: str) -> str | None: ...

    def story_members(self, story_id: str) -> list[str]: ...

    def articles_quoting(self, speakers: list[str]) -> list[str]: ...

    def quote_records(self, article_ids: list[str]) -> list[dict[str, Any]]:
        """``{"id", "language", "duplicate_of", "quotes"}`` of each article."""
        ...

    def save_corroboration(self, article_id: str, quotes: list[dict[str, Any]], flags: list[Flag]) -> None:
        """Store the quotes (with ``corroborated_by``) and replace the article's uncorroborated flags."""
        ...


@dataclass
class Quoted:
    """One quote of one article, ready to be compared."""

    article_id: str
    language: str | None
    index: int
    text: str
    norm: str
    vector: np.ndarray | None = field(default=None, repr=False)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.findall(r"\w+", text))


def corroborate(article_ids: Iterable[str], memory: QuoteMemory, embed=None) -> int:
    """Re-assess the quotes of these articles and of their story peers; returns flags written.

    ``embed`` turns texts into vectors for cross-language matching (default: the stories
    stage's multilingual embeddings; pass ``False`` to match within a language only).
    """
    todo = set(article_ids)
    peers_of = {article_id: _peers(article_id, memory) for article_id in list(todo)}
    for peers in list(peers_of.values()):
        for peer in peers:
            if peer not in peers_of:
                peers_of[peer] = _peers(peer, memory)
    everyone = sorted(set(peers_of) | {p for peers in peers_of.values() for p in peers})
    records = {record["id"]: record for record in memory.quote_records(everyone)}
    quoted = _quoted(records)
    _embed_if_needed(quoted, records, peers_of, embed)
    written = 0
    for article_id, peers in peers_of.items():
        record = records.get(article_id)
        if record is None or not record["quotes"]:
            continue
        independent = [p for p in peers if p in records and not _copies(record, records[p])]
        # An article assessed before only gains the new articles as possible corroborators (its
        # other peers were compared then): comparing it with those alone keeps a growing story's
        # cost linear in its size, not quadratic. Assessed before = every quote has the field.
        assessed = article_id not in todo and all("corroborated_by" in quote for quote in record["quotes"])
        compare = [p for p in independent if p in todo] if assessed else independent
        quotes, flags = _assess(record, quoted.get(article_id, []), independent, quoted, compare)
        memory.save_corroboration(article_id, quotes, flags)
        written += len(flags)
    return written


def _peers(article_id: str, memory: QuoteMemory) -> list[str]:
    story = memory.story_of(article_id)
    if story:
        return [other for other in memory.story_members(story) if other != article_id]
    record = next(iter(memory.quote_records([article_id])), None)
    speakers = sorted({_speaker_key(q) for q in (record or {}).get("quotes", []) if _speaker_key(q)})
    return [other for other in memory.articles_quoting(speakers) if other != article_id] if speakers else []


def _speaker_key(quote: dict[str, Any]) -> str | None:
    return quote.get("speaker_entity_id") or quote.get("speaker_name")


def _copies(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Near-duplicates of one another (one wire text) are not independent reports."""
    return a.get("duplicate_of") == b["id"] or b.get("duplicate_of") == a["id"] or (
        a.get("duplicate_of") is not None and a.get("duplicate_of") == b.get("duplicate_of")
    )


def _quoted(records: dict[str, dict[str, Any]]) -> dict[str, list[Quoted]]:
    found: dict[str, list[Quoted]] = {}
    for article_id, record in records.items():
        for index, quote in enumerate(record["quotes"]):
            norm = normalise(quote.get("text", ""))
            if len(norm.split()) >= MIN_WORDS:
                found.setdefault(article_id, []).append(Quoted(article_id, record.get("language"), index, quote["text"], norm))
    return found


def _embed_if_needed(quoted, records, peers_of, embed) -> None:
    """Embed quotes only when some article has a peer in another language."""
    if embed is False:
        return
    cross = any(
        records.get(a, {}).get("language") != records.get(p, {}).get("language")
        for a, peers in peers_of.items() for p in peers if a in records and p in records
    )
    if not cross:
        return
    if embed is None:
        from newsweave.annotate.embeddings import embed_texts as embed
    items = [q for quotes in quoted.values() for q in quotes]
    if not items:
        return
    vectors = np.asarray(embed([q.text for q in items]), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    for item, vector in zip(items, vectors, strict=True):
        item.vector = vector


def same_quote(a: Quoted, b: Quoted) -> bool:
    """Two quotes are the same words: fuzzy match in one language (or when a vector is missing),
    multilingual embeddings across languages."""
    return bool(matches([a], [b])[0, 0])


def matches(mine: list[Quoted], others: list[Quoted]) -> np.ndarray:
    """``same_quote`` for every pair at once (rows: ``mine``), as a boolean matrix.

    A story's articles are re-assessed whenever one joins, so the pairs grow with the square
    of the story's quotes; rapidfuzz's ``cdist`` scores them all in one call in C, where a
    Python loop over pairs cost ~2 µs a pair in the call alone. With a cutoff rapidfuzz gives
    up on an alignment as soon as it cannot reach it.
    """
    if not mine or not others:
        return np.zeros((len(mine), len(others)), dtype=bool)
    scores = process.cdist([q.norm for q in mine], [q.norm for q in others], scorer=fuzz.partial_ratio,
                           score_cutoff=FUZZY_MIN_SCORE, dtype=np.uint8)
    same = scores >= FUZZY_MIN_SCORE
    cross = np.array([[a.language != b.language and a.vector is not None and b.vector is not None for b in others]
                      for a in mine])
    if cross.any():
        rows = [i for i, a in enumerate(mine) if a.vector is not None]
        cols = [j for j, b in enumerate(others) if b.vector is not None]
        cosines = np.zeros(same.shape, dtype=np.float32)
        cosines[np.ix_(rows, cols)] = np.vstack([mine[i].vector for i in rows]) @ np.vstack([others[j].vector for j in cols]).T
        same = np.where(cross, cosines >= CROSS_LINGUAL_MIN_COSINE, same)
    return same


def _assess(record, mine: list[Quoted], peers: list[str], quoted,
            compare: list[str]) -> tuple[list[dict[str, Any]], list[Flag]]:
    """Corroboration of one article's quotes by its (independent) ``peers``: the quotes of the
    ``compare`` peers are matched now, the other peers' matches are kept from the record."""
    quotes = [dict(quote) for quote in record["quotes"]]
    current, compared = set(peers), set(compare)
    kept = [[p for p in quote.get("corroborated_by") or [] if p in current and p not in compared] for quote in quotes]
    for quote in quotes:
        quote["corroborated_by"] = []
    flags = []
    others = [other for peer in sorted(compared) for other in quoted.get(peer, [])]
    matched = matches(mine, others)
    for item, row in zip(mine, matched, strict=True):
        found = sorted(set(kept[item.index]) | {other.article_id for other, hit in zip(others, row, strict=True) if hit})
        quotes[item.index]["corroborated_by"] = found
        if not found and peers and quotes[item.index].get("direct", True):
            # Only direct quotes are flagged: reported speech is paraphrased differently by
            # every newsroom, so "found nowhere else" says little about it.
            flags.append(_flag(quotes[item.index], len(peers)))
    return quotes, flags


def _flag(quote: dict[str, Any], peers: int) -> Flag:
    if peers == 1:
        message = "This quote does not appear in the other article of its story."
    else:
        message = f"This quote appears in none of the {peers} other articles of its story."
    span = Span(quote["start"], quote["end"], quote["source_start"], quote["source_end"], quote["text"])
    return Flag(KIND, SEVERITY, message, [span])
