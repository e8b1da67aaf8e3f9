"""Quote corroboration: is a quote found in the other articles of its story?

A quote that other newsrooms also report was heard by more than one reporter (or comes from
one shared source, which a reader can then look up). A quote found nowhere else, while
other articles tell the same story, deserves a second look: ``uncorroborated_quote``.

Matching:

* same language: fuzzy string matching with rapidfuzz (``partial_ratio`` on normalised
  text, so a shorter excerpt of the same words still matches a longer quote);
* across languages: cosine similarity of the multilingual embeddings that the stories
  stage uses (``annotate/embeddings.embed_texts``), since a translated quote shares no
  words with its original. Matched at clause level: each quote is embedded whole and
  clause by clause (``clauses``), and two quotes match when their closest pair of pieces
  does, so a newsroom that reports one sentence of a longer quote in another language
  still corroborates it (``bench/corroboration.py`` measures this, docs/quality.md).

Only direct quotes (the speaker's own words) can be flagged; reported speech gets its
``corroborated_by`` list too. Peers are the other articles of the quote's story; when the article has no story, the
articles that quote the same speaker. Copies of the article (near-duplicates, the same
wire text) are not independent and never corroborate it: a quote that only copies repeat
gets its own message, "reported only by copies of one source".

This runs after ingest, over the articles just stored and their story peers, because
whether a quote is corroborated changes when later articles arrive. The store is reached
through :class:`QuoteMemory`, which :class:`newsweave.store.Store` implements.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from rapidfuzz import fuzz, process

from newsweave.model import Flag, Severity, Span
from newsweave.assess.settings import SETTINGS

KIND = "uncorroborated_quote"
SEVERITY: Severity = "info"
# Where a quote splits into clauses: sentence ends, semicolons, colons, dashes, and commas.
_CLAUSE_BREAK = re.compile(r"(?<=[.!?;:…,])\s+|\s+[–—]\s+|(?<=[。！？；，])")


class QuoteMemory(Protocol):
    """What corroboration needs from the store."""

    def stories_of(self, article_ids: list[str]) -> dict[str, str]:
        """``{article_id: story_id}`` of those of the articles filed under a story."""
        ...

    def members_of_stories(self, story_ids: list[str]) -> dict[str, list[str]]:
        """``{story_id: [article_id, ...]}`` (sorted) of each story asked for."""
        ...

    def articles_quoting(self, speakers: list[str]) -> list[str]: ...

    def quote_records(self, article_ids: list[str]) -> list[dict[str, Any]]:
        """``{"id", "language", "duplicate_of", "quotes"}`` of each article."""
        ...

    def text_vectors(self, keys: list[str]) -> dict[str, bytes]:
        """Embeddings stored before (float32 bytes) of the texts with these ``vector_key``s."""
        ...

    def save_text_vectors(self, vectors: dict[str, bytes]) -> None: ...

    def save_corroborations(self, results: list[tuple[str, list[dict[str, Any]], list[Flag]]]) -> None:
        """For each ``(article_id, quotes, flags)``: store the quotes (with ``corroborated_by``)
        and replace the article's uncorroborated-quote flags; all in one transaction."""
        ...


@dataclass
class Quoted:
    """One quote of one article, ready to be compared."""

    article_id: str
    language: str | None
    index: int
    text: str
    norm: str
    # One row per piece (the whole quote first, then its clauses), or a single vector.
    vector: np.ndarray | None = field(default=None, repr=False)


def clauses(text: str) -> list[str]:
    """The pieces a quote is matched by across languages: the whole quote, then its clauses
    when it has more than one. Pieces under ``SETTINGS.corroboration_min_clause_words`` words join the one before."""
    pieces: list[str] = []
    for part in (p.strip() for p in _CLAUSE_BREAK.split(text.strip())):
        if not part:
            continue
        if pieces and (_words(pieces[-1]) < SETTINGS.corroboration_min_clause_words or _words(part) < SETTINGS.corroboration_min_clause_words):
            pieces[-1] = f"{pieces[-1]} {part}"
        else:
            pieces.append(part)
    return [text] + pieces if len(pieces) > 1 else [text]


def _words(text: str) -> int:
    # A CJK character counts as a word: those scripts put no spaces between words.
    return len(re.findall(r"\w+", text)) + len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]", text))


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.findall(r"\w+", text))


def corroborate(article_ids: Iterable[str], memory: QuoteMemory, embed=None) -> int:
    """Re-assess the quotes of these articles and of their story peers; returns flags written.

    ``embed`` turns texts into vectors for cross-language matching (default: the stories
    stage's multilingual embeddings; pass ``False`` to match within a language only).
    """
    todo = set(article_ids)
    peers_of = _peers(sorted(todo), memory)
    peers_of.update(_peers(sorted({p for peers in peers_of.values() for p in peers} - set(peers_of)), memory))
    everyone = sorted(set(peers_of) | {p for peers in peers_of.values() for p in peers})
    records = {record["id"]: record for record in memory.quote_records(everyone)}
    quoted = _quoted(records)
    _embed_if_needed(quoted, records, peers_of, embed, memory)
    # An article assessed before only gains the new articles as possible corroborators (its
    # other peers were compared then): comparing it with those alone keeps a growing story's
    # cost linear in its size, not quadratic. Assessed before = every quote has the field.
    fresh = {
        article_id for article_id, record in records.items()
        if article_id in todo or not all("corroborated_by" in quote for quote in record["quotes"])
    }
    pairs = PairMatches(quoted, fresh, peer_groups(peers_of))
    results = []
    for article_id, peers in peers_of.items():
        record = records.get(article_id)
        if record is None or not record["quotes"]:
            continue
        independent = [p for p in peers if p in records and not _copies(record, records[p])]
        copies = [p for p in peers if p in records and _copies(record, records[p])]
        compare = independent if article_id in fresh else [p for p in independent if p in todo]
        quotes, flags = _assess(record, quoted.get(article_id, []), (independent, copies), compare, pairs)
        results.append((article_id, quotes, flags))
    memory.save_corroborations(results)
    return sum(len(flags) for _, _, flags in results)


def peer_groups(peers_of: dict[str, list[str]]) -> list[list[str]]:
    """Articles linked by being peers, in groups (a story's articles form one): quotes are
    only ever compared within a group, so each group's pairs are scored on their own.
    Any item named as a key or a peer lands in exactly one group (connected components)."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        parent.setdefault(item, item)
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for article_id, peers in peers_of.items():
        for peer in peers:
            parent[root(peer)] = root(article_id)
        root(article_id)
    groups: dict[str, list[str]] = {}
    for item in sorted(parent):
        groups.setdefault(root(item), []).append(item)
    return list(groups.values())


class PairMatches:
    """``matches`` between the quotes of any two articles of one peer group, scored in bulk.

    Only pairs with a fresh article (new, or not assessed before) are ever asked for, so per
    group the fresh quotes are scored against each other in one symmetric ``cdist`` (rapidfuzz
    then scores each unordered pair once) and against the group's other quotes in one more.
    Scoring every article's row on its own did each pair twice, once from each side.
    """

    def __init__(self, quoted: dict[str, list[Quoted]], fresh: set[str], groups: list[list[str]]) -> None:
        self._quoted = quoted
        self._where: dict[str, tuple[int, bool, int, int]] = {}  # article: group, fresh?, rows
        self._within: list[np.ndarray] = []  # per group: fresh × fresh
        self._across: list[np.ndarray] = []  # per group: fresh × the others
        # Per group: its articles, and for each fresh / other quote the position of its article there.
        self._members: list[list[str]] = []
        self._positions: list[dict[str, int]] = []
        self._owners: list[tuple[np.ndarray, np.ndarray]] = []
        for number, group in enumerate(groups):
            new = self._place(number, [a for a in group if a in fresh], True)
            old = self._place(number, [a for a in group if a not in fresh], False)
            self._within.append(matches(new, new) if new else np.zeros((0, 0), dtype=bool))
            self._across.append(matches(new, old) if new and old else np.zeros((len(new), len(old)), dtype=bool))
            position = {article_id: index for index, article_id in enumerate(group)}
            self._members.append(list(group))
            self._positions.append(position)
            self._owners.append((np.array([position[q.article_id] for q in new], dtype=np.int64),
                                 np.array([position[q.article_id] for q in old], dtype=np.int64)))

    def _place(self, group: int, articles: list[str], fresh: bool) -> list[Quoted]:
        items: list[Quoted] = []
        for article_id in articles:
            quotes = self._quoted.get(article_id, [])
            self._where[article_id] = (group, fresh, len(items), len(items) + len(quotes))
            items.extend(quotes)
        return items

    def between(self, article_id: str, peer: str) -> np.ndarray:
        """Rows: the article's quotes (``quoted[article_id]``); columns: the peer's."""
        group, fresh, start, stop = self._where[article_id]
        peer_group, peer_fresh, peer_start, peer_stop = self._where[peer]
        if group != peer_group or not (fresh or peer_fresh):  # never asked for; scored directly
            return matches(self._quoted.get(article_id, []), self._quoted.get(peer, []))
        if fresh and peer_fresh:
            return self._within[group][start:stop, peer_start:peer_stop]
        if fresh:
            return self._across[group][start:stop, peer_start:peer_stop]
        return self._across[group][peer_start:peer_stop, start:stop].T

    def row_of(self, article_id: str, item: Quoted) -> int:
        """The row of ``item`` among its article's quotes in ``between``."""
        return next(row for row, quote in enumerate(self._quoted.get(article_id, [])) if quote is item)

    def matched_by(self, article_id: str, peers: set[str]) -> list[set[str]]:
        """For each of the article's quotes, which of ``peers`` have a quote matching it: the
        article's rows of its group's matrices at once, where ``between`` gives one peer's block."""
        group, fresh, start, stop = self._where[article_id]
        new_owners, old_owners = self._owners[group]
        if fresh:
            rows, owners = np.hstack([self._within[group][start:stop], self._across[group][start:stop]]), \
                np.concatenate([new_owners, old_owners])
        else:  # assessed before: only fresh peers are ever compared with it
            rows, owners = self._across[group][:, start:stop].T, new_owners
        members, position = self._members[group], self._positions[group]
        if not peers <= position.keys():
            raise ValueError("peers outside the article's group were never scored")
        chosen = np.zeros(len(members), dtype=bool)
        chosen[[position[peer] for peer in peers]] = True
        wanted = rows & chosen[owners][None, :]
        return [{members[index] for index in owners[row].tolist()} for row in wanted]


def _peers(article_ids: list[str], memory: QuoteMemory) -> dict[str, list[str]]:
    """Each article's peers: the other articles of its story, or, without a story, the articles
    that quote one of its speakers."""
    story_of = memory.stories_of(article_ids)
    members = memory.members_of_stories(sorted(set(story_of.values())))
    peers = {}
    for article_id in article_ids:
        if article_id in story_of:
            peers[article_id] = [other for other in members.get(story_of[article_id], []) if other != article_id]
        else:
            peers[article_id] = _peers_by_speaker(article_id, memory)
    return peers


def _peers_by_speaker(article_id: str, memory: QuoteMemory) -> list[str]:
    record = next(iter(memory.quote_records([article_id])), None)
    speakers = sorted({key for q in (record or {}).get("quotes", []) if (key := _speaker_key(q))})
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
            if len(norm.split()) >= SETTINGS.corroboration_min_words:
                found.setdefault(article_id, []).append(Quoted(article_id, record.get("language"), index, quote["text"], norm))
    return found


def _embed_if_needed(quoted, records, peers_of, embed, memory: QuoteMemory) -> None:
    """Embed quotes only when some article has a peer in another language (with the default
    embeddings, each quote once: vectors are kept in the store)."""
    if embed is False:
        return
    cross = any(
        records.get(a, {}).get("language") != records.get(p, {}).get("language")
        for a, peers in peers_of.items() for p in peers if a in records and p in records
    )
    if not cross:
        return
    items = [q for quotes in quoted.values() for q in quotes]
    if not items:
        return
    embed_quotes(items, (lambda texts: _stored_or_embedded(texts, memory)) if embed is None else embed)


def embed_quotes(items: list[Quoted], embed) -> None:
    """Give each quote one unit vector per piece (``clauses``), from ``embed(texts) -> rows``."""
    pieces = [clauses(q.text) for q in items]
    texts = [piece for quote_pieces in pieces for piece in quote_pieces]
    if not texts:
        return
    vectors = np.asarray(embed(texts), dtype=np.float32).copy()
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    start = 0
    for item, quote_pieces in zip(items, pieces, strict=True):
        item.vector = vectors[start : start + len(quote_pieces)]
        start += len(quote_pieces)


def vector_key(text: str) -> str:
    """Where a text's embedding is kept: a hash of the model, the prefix and the text."""
    from newsweave.annotate.embeddings import MODEL_NAME

    return hashlib.sha256(f"{MODEL_NAME}\npassage\n{text}".encode()).hexdigest()


def _stored_or_embedded(texts: list[str], memory: QuoteMemory) -> np.ndarray:
    """The texts' default (``passage:``) embeddings: those stored before, the others computed and stored."""
    from newsweave.annotate.embeddings import EMBEDDING_DIM, embed_texts

    keys = [vector_key(text) for text in texts]
    known = {key: np.frombuffer(vector, dtype=np.float32) for key, vector in memory.text_vectors(sorted(set(keys))).items()}
    known = {key: vector for key, vector in known.items() if vector.shape == (EMBEDDING_DIM,)}
    missing = sorted({(key, text) for key, text in zip(keys, texts, strict=True) if key not in known})
    if missing:
        computed = embed_texts([text for _, text in missing])
        fresh = {key: vector.astype(np.float32) for (key, _), vector in zip(missing, computed, strict=True)}
        memory.save_text_vectors({key: vector.tobytes() for key, vector in fresh.items()})
        known.update(fresh)
    return np.vstack([known[key] for key in keys]).astype(np.float32)


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
    norms = [q.norm for q in mine]
    # The same list on both sides lets rapidfuzz score each unordered pair once (partial_ratio
    # is symmetric); workers=-1 spreads the rows over every core.
    other_norms = norms if others is mine else [q.norm for q in others]
    scores = process.cdist(norms, other_norms, scorer=fuzz.partial_ratio, score_cutoff=SETTINGS.corroboration_fuzzy_min_score,
                           dtype=np.uint8, workers=-1)
    same = scores >= SETTINGS.corroboration_fuzzy_min_score
    cross = _across_languages(mine, others)
    if cross.any():
        same = np.where(cross, cross_cosines(mine, others) >= SETTINGS.corroboration_clause_min_cosine, same)
    return same


def cross_cosines(mine: list[Quoted], others: list[Quoted]) -> np.ndarray:
    """For every pair of quotes (rows: ``mine``), the cosine of their closest pieces (whole
    quote or clause); 0 where a quote has no vector."""
    cosines = np.zeros((len(mine), len(others)), dtype=np.float32)
    rows = [i for i, a in enumerate(mine) if a.vector is not None]
    cols = [j for j, b in enumerate(others) if b.vector is not None]
    if not rows or not cols:
        return cosines
    left, left_owner = _pieces([mine[i].vector for i in rows])
    right, right_owner = _pieces([others[j].vector for j in cols])
    piece_cosines = left @ right.T
    # Pieces of one quote are contiguous rows: reduce them to the quote's best piece, per side.
    best = np.maximum.reduceat(piece_cosines, _starts(left_owner), axis=0)
    best = np.maximum.reduceat(best, _starts(right_owner), axis=1)
    cosines[np.ix_(rows, cols)] = best
    return cosines


def _pieces(vectors: list[np.ndarray | None]) -> tuple[np.ndarray, np.ndarray]:
    """The piece vectors of these quotes stacked, and for each row the index of its quote."""
    blocks = [np.atleast_2d(vector) for vector in vectors if vector is not None]
    owners = np.concatenate([np.full(len(block), index) for index, block in enumerate(blocks)])
    return np.vstack(blocks).astype(np.float32), owners


def _starts(owners: np.ndarray) -> np.ndarray:
    return np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])


def _across_languages(mine: list[Quoted], others: list[Quoted]) -> np.ndarray:
    """Pairs in two languages that both have a vector: those are compared by embeddings."""
    languages = np.array([q.language or "" for q in mine], dtype=object)
    other_languages = np.array([q.language or "" for q in others], dtype=object)
    vectored = np.array([q.vector is not None for q in mine])
    other_vectored = np.array([q.vector is not None for q in others])
    return (languages[:, None] != other_languages[None, :]) & vectored[:, None] & other_vectored[None, :]


def _assess(record, mine: list[Quoted], peers_and_copies: tuple[list[str], list[str]], compare: list[str],
            pairs: PairMatches) -> tuple[list[dict[str, Any]], list[Flag]]:
    """Corroboration of one article's quotes by its independent ``peers``: the quotes of the
    ``compare`` peers are matched now, the other peers' matches are kept from the record.
    A direct quote no independent peer carries is flagged; the message says when copies of
    the article repeat it, or when the story holds nothing but copies."""
    peers, copies = peers_and_copies
    quotes = [dict(quote) for quote in record["quotes"]]
    current, compared = set(peers), set(compare)
    kept = [[p for p in quote.get("corroborated_by") or [] if p in current and p not in compared] for quote in quotes]
    for quote in quotes:
        quote["corroborated_by"] = []
    flags = []
    found_by = pairs.matched_by(record["id"], compared) if mine else []
    for item, matched_by in zip(mine, found_by, strict=True):
        found = sorted(set(kept[item.index]) | matched_by)
        quotes[item.index]["corroborated_by"] = found
        # Only direct quotes are flagged: reported speech is paraphrased differently by
        # every newsroom, so "found nowhere else" says little about it.
        if found or not quotes[item.index].get("direct", True):
            continue
        in_copies = _copies_carrying(record["id"], item, copies, pairs)
        if in_copies or (copies and not peers):
            flags.append(_copies_only_flag(quotes[item.index], len(in_copies or copies), carried=bool(in_copies)))
        elif peers:
            flags.append(_flag(quotes[item.index], len(peers)))
    if not mine and copies and not peers:  # quotes too short to match: the story is copies only
        flags = [_copies_only_flag(quote, len(copies), carried=False) for quote in quotes if quote.get("direct", True)]
    return quotes, flags


def _copies_carrying(article_id: str, item: Quoted, copies: list[str], pairs: PairMatches) -> list[str]:
    """The copies of the article that repeat this quote. Scored on the spot, whether or not
    either side is new: copies are few, and their matches are never stored."""
    return [copy for copy in copies if pairs.between(article_id, copy)[pairs.row_of(article_id, item)].any()]


def _copies_only_flag(quote: dict[str, Any], copies: int, carried: bool) -> Flag:
    """Only copies of this article (one wire text) repeat the quote, or the story holds
    nothing but copies: one source, which is not corroboration."""
    what = "a copy" if copies == 1 else f"{copies} copies"
    if carried:
        message = (f"The only other source of this quote is {what} of this article (the same wire text):"
                   " reported only by copies of one source, by no independent article.")
    else:
        message = (f"The story's only other articles are {what} of this one (the same wire text):"
                   " no independent article reports this quote.")
    span = Span(quote["start"], quote["end"], quote["source_start"], quote["source_end"], quote["text"])
    return Flag(KIND, SEVERITY, message, [span])


def _flag(quote: dict[str, Any], peers: int) -> Flag:
    if peers == 1:
        message = "This quote does not appear in the other article of its story."
    else:
        message = f"This quote appears in none of the {peers} other articles of its story."
    span = Span(quote["start"], quote["end"], quote["source_start"], quote["source_end"], quote["text"])
    return Flag(KIND, SEVERITY, message, [span])
