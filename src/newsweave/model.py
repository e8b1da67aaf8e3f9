"""The shared data model: plain dataclasses that pass between pipeline stages.

Every annotation is a :class:`Span` with offsets into the cleaned text (``start``/``end``)
and into the decoded raw input (``source_start``/``source_end``). The article's
:class:`~newsweave.offsets.OffsetMap` turns the first pair into the second.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from newsweave.offsets import OffsetMap

InputKind = Literal["text", "html"]
PublishedBasis = Literal["metadata", "url", "text", "inferred", "given", "unknown"]
Severity = Literal["info", "warning", "error"]


@dataclass(frozen=True)
class RawDocument:
    """One input document as read from a file, before any cleaning.

    ``raw`` is the decoded input (for HTML: the HTML string) that source offsets index into.
    """

    source: str
    raw: str
    kind: InputKind
    raw_sha256: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    links: tuple[str, ...] = ()
    # True when a person gave ``published`` (the API's POST, ``analyze --published``), not a feed.
    published_given: bool = False


@dataclass(frozen=True)
class Rejection:
    """An input that could not become an article, with a reason a person can read."""

    source: str
    reason: str


@dataclass
class Span:
    start: int
    end: int
    source_start: int
    source_end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class RemovedSpan:
    """A piece of site furniture cut from the main text; offsets into the raw input."""

    source_start: int
    source_end: int
    text: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Flag:
    kind: str
    severity: Severity
    message: str
    evidence: list[Span] = field(default_factory=list)
    # How sure the detector is, 0..1: a rough share of such flags that a reader would
    # uphold (docs/quality.md, trust section); None where a detector gives none.
    confidence: float | None = None

    def to_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "evidence": [span.to_json() for span in self.evidence],
        }
        if self.confidence is not None:
            found["confidence"] = self.confidence
        return found


@dataclass
class Article:
    """A cleaned article and everything the stages found in it.

    ``entities``, ``dates``, ``quotes`` and ``events`` hold contract-shaped dicts so that a
    later stage can add fields without a change here.
    """

    id: str
    source: str
    raw: str
    raw_sha256: str
    text: str
    offsets: OffsetMap
    kind: InputKind = "text"
    url: str | None = None
    title: str | None = None
    language: str | None = None
    language_score: float | None = None
    published: str | None = None
    published_basis: PublishedBasis = "unknown"
    removed: list[RemovedSpan] = field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_similarity: float | None = None
    links: tuple[str, ...] = ()
    entities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    extraction_method: str | None = None
    # Which code, models and settings made the annotations (``newsweave.provenance``).
    provenance: dict[str, Any] | None = None
    # Annotation stages that could not run on this article (a language they cannot handle, a
    # component that failed), each ``{"stage": ..., "reason": ...}``: the article is kept
    # with what did run; a person reads here what it lacks and why.
    skipped: list[dict[str, str]] = field(default_factory=list)
    # Working data one stage leaves for later ones (a spaCy Doc, sentence bounds, story id);
    # never serialised.
    extras: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def span(self, start: int, end: int) -> Span:
        """A span of the cleaned text with its source offsets filled in."""
        source_start, source_end = self.offsets.to_source(start, end)
        return Span(start, end, source_start, source_end, self.text[start:end])

    def to_json(self) -> dict[str, Any]:
        """The article JSON of the contract (``shared/contract.md``)."""
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "language": self.language,
            "published": self.published,
            "published_basis": self.published_basis,
            "text": self.text,
            "removed": [piece.to_json() for piece in self.removed],
            "duplicate_of": self.duplicate_of,
            "entities": self.entities,
            "dates": self.dates,
            "quotes": self.quotes,
            "events": self.events,
            "flags": [flag.to_json() for flag in self.flags],
            "provenance": self.provenance,
            "skipped": self.skipped,
        }
