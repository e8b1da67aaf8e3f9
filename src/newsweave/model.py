"""The shared data model: plain dataclasses that pass between pipeline stages.

Every annotation is a :class:`Span` with offsets into the cleaned text (``start``/``end``)
and into the decoded raw input (``source_start``/``source_end``). The article's
:class:`~newsweave.offsets.OffsetMap` turns the first pair into the second.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from collections.abc import Sequence
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
    # When the input was fetched (ISO 8601), where the container says: a WARC record's
    # WARC-Date or its HTTP Date header, a JSON line's ``fetched``; a clue to the publication day.
    fetched: str | None = None


@dataclass(frozen=True)
class Rejection:
    """An input that could not become an article, with a reason a person can read."""

    source: str
    reason: str


def omitted_when_empty() -> Any:
    """Field metadata: the JSON leaves the key out while the value is None or False."""
    return {"omit_empty": True}


def _json_value(value: Any) -> Any:
    if isinstance(value, Span):
        return value.to_json()
    if isinstance(value, tuple | list):
        return [_json_value(item) for item in value]
    return value


def _fields_json(item: Any) -> dict[str, Any]:
    """The contract's JSON of a dataclass: its fields in order, optional ones only when set."""
    found: dict[str, Any] = {}
    for spec in fields(item):
        value = getattr(item, spec.name)
        if spec.metadata.get("omit_empty") and (value is None or value is False):
            continue
        found[spec.name] = _json_value(value)
    return found


@dataclass(frozen=True)
class Span:
    """Characters of the cleaned text (``start``/``end``) and of the raw input they came from."""

    start: int
    end: int
    source_start: int
    source_end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return _fields_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Span:
        return cls(data["start"], data["end"], data["source_start"], data["source_end"], data["text"])

    def offsets(self) -> dict[str, Any]:
        """The four offsets and the text, for building a subclass from this span."""
        return {"start": self.start, "end": self.end, "source_start": self.source_start,
                "source_end": self.source_end, "text": self.text}


@dataclass(frozen=True)
class RemovedSpan:
    """A piece of site furniture cut from the main text; offsets into the raw input."""

    source_start: int
    source_end: int
    text: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return _fields_json(self)


@dataclass(frozen=True)
class Entity(Span):
    """A mention of a person, organisation, place or other named thing, with the entity it names.

    ``mention`` says how it names it: ``name``, ``surname``, ``title``, ``pronoun``... Places
    carry coordinates (``lat``/``lon``), a ``geo_confidence`` and a ``country`` when resolved.
    """

    label: str = "MISC"
    entity_id: str | None = None
    canonical: str | None = None
    mention: str | None = field(default=None, metadata=omitted_when_empty())
    lat: float | None = field(default=None, metadata=omitted_when_empty())
    lon: float | None = field(default=None, metadata=omitted_when_empty())
    geo_confidence: float | None = field(default=None, metadata=omitted_when_empty())
    country: str | None = field(default=None, metadata=omitted_when_empty())
    role: str | None = field(default=None, metadata=omitted_when_empty())

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        return cls(**_known(cls, data))


@dataclass(frozen=True)
class Timex(Span):
    """A date or time expression with its TIMEX3 type (DATE, TIME, DURATION, SET) and value."""

    type: str = "DATE"
    value: str | None = None
    mod: str | None = field(default=None, metadata=omitted_when_empty())
    # The expression is one of the clues the publication date was inferred from.
    published_evidence: bool = field(default=False, metadata=omitted_when_empty())

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Timex:
        return cls(**_known(cls, data))


@dataclass(frozen=True)
class Quote(Span):
    """A quote (``direct``: in quote marks; else reported speech) and who said it.

    Pieces of one utterance split by an incise share ``quote_id``; ``partial`` marks verbatim
    words inside the writer's own sentence. ``corroborated_by`` lists the ids of other
    articles that report it. ``speaker_description``: the speaker mention widened to the
    description the text gives it ("Jane Roe, a spokeswoman for the council"), only when wider.
    """

    speaker: Span | None = None
    speaker_name: str | None = None
    speaker_entity_id: str | None = None
    cue: str | None = None
    direct: bool = True
    partial: bool = field(default=False, metadata=omitted_when_empty())
    quote_id: int | None = field(default=None, metadata=omitted_when_empty())
    corroborated_by: tuple[str, ...] = ()
    speaker_description: Span | None = field(default=None, metadata=omitted_when_empty())

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quote:
        known = _known(cls, data)
        if known.get("speaker") is not None:
            known["speaker"] = Span.from_json(known["speaker"])
        if known.get("speaker_description") is not None:
            known["speaker_description"] = Span.from_json(known["speaker_description"])
        known["corroborated_by"] = tuple(known.get("corroborated_by") or ())
        return cls(**known)


@dataclass(frozen=True)
class Participant(Span):
    """An event's actor, target or location: the entity mention it points at."""

    label: str | None = field(default=None, metadata=omitted_when_empty())
    entity_id: str | None = field(default=None, metadata=omitted_when_empty())
    canonical: str | None = field(default=None, metadata=omitted_when_empty())
    lat: float | None = field(default=None, metadata=omitted_when_empty())
    lon: float | None = field(default=None, metadata=omitted_when_empty())
    country: str | None = field(default=None, metadata=omitted_when_empty())

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Participant:
        return cls(**_known(cls, data))


@dataclass(frozen=True)
class Event:
    """Who did what to whom, where and when (a PLOVER event type and its trigger word)."""

    type: str
    trigger: Span
    actor: Participant | None = None
    target: Participant | None = None
    location: Participant | None = None
    date: str | None = None

    def to_json(self) -> dict[str, Any]:
        return _fields_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        def participant(key: str) -> Participant | None:
            value = data.get(key)
            return Participant.from_json(value) if value else None

        return cls(data.get("type", ""), Span.from_json(data["trigger"]), participant("actor"),
                   participant("target"), participant("location"), data.get("date"))


@dataclass(frozen=True)
class Flag:
    """A credibility problem, with the spans that show it and a reason a reader understands."""

    kind: str
    severity: Severity
    message: str
    evidence: Sequence[Span] = ()
    # How sure the detector is, 0..1: a rough share of such flags that a reader would
    # uphold (docs/quality.md, trust section); None where a detector gives none.
    confidence: float | None = field(default=None, metadata=omitted_when_empty())

    def __post_init__(self) -> None:
        # Detectors build evidence as lists; the flag keeps an immutable copy.
        object.__setattr__(self, "evidence", tuple(self.evidence))

    def to_json(self) -> dict[str, Any]:
        return _fields_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Flag:
        evidence = tuple(Span.from_json(span) for span in data.get("evidence", []))
        return cls(data["kind"], data["severity"], data["message"], evidence, data.get("confidence"))


@dataclass(frozen=True)
class Skip:
    """An annotation stage that could not run on an article, and why."""

    stage: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return _fields_json(self)


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``data`` that are fields of ``cls`` (stored JSON may hold keys of other versions)."""
    names = {spec.name for spec in fields(cls)}
    return {key: value for key, value in data.items() if key in names}


@dataclass(frozen=True)
class PublishedInterval:
    """The days an inferred publication date may fall on, and the clues that fixed them."""

    earliest: str
    latest: str
    basis: str

    def to_json(self) -> dict[str, Any]:
        return _fields_json(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PublishedInterval:
        return cls(**_known(cls, data))


@dataclass
class Work:
    """What the pipeline's stages leave for later ones while an article is in flight; never
    serialised or stored. Each field names who fills it and who reads it."""

    # annotate.entities parses the text; dates, quotes and events read the parse.
    doc: Any = None
    # scale.dask_runner: the parse packed on a worker, unpacked in the storing process.
    doc_bytes: bytes | None = None
    # annotate.dates: the resolved TIMEX3 expressions (``assess`` checks weekdays against
    # them); None until the stage ran.
    timexes: list[Any] | None = None
    # annotate.dates: how the publication date was inferred, when it was (dates and interval).
    published_inference: Any = None
    # annotate.embeddings: the story vector of title and lead; link.stories reads it.
    embedding: Any = None
    # link.duplicates: the text's fingerprint, computed once for the store and the linker.
    fingerprint: Any = None
    # annotate: futures of the annotators still running beside the main thread.
    pending: list[Any] = field(default_factory=list)
    # annotate.entities: the article's place mentions before resolution, its vote for its site's
    # home, the votes of its batch's articles of the same site (by article id) and the home it
    # was read with; link.site_home reads them again with the votes the store keeps.
    place_mentions: list[Any] | None = None
    site_vote: set[tuple[str, str]] = field(default_factory=set)
    site_batch_votes: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    site_home: tuple[str, str] | None = None
    # link.stories: the story the article joined.
    story_id: str | None = None
    # assess: the detectors ran on this article (an article is assessed once).
    assessed: bool = False
    # assess: what several detectors compute from the same text (sentences, quoted spans),
    # kept under the detector module's name so it is computed once per article.
    memo: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    """A cleaned article and everything the stages found in it.

    Each annotation is a frozen dataclass of this module that serialises to the contract's JSON;
    a stage that adds to one (the geocoder to an entity) makes a new one with
    ``dataclasses.replace``.
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
    # The days an inferred ``published`` may fall on (only when ``published_basis`` is "inferred").
    published_interval: PublishedInterval | None = None
    # When the input was fetched, where its container said (``RawDocument.fetched``).
    fetched: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_similarity: float | None = None
    links: tuple[str, ...] = ()
    entities: list[Entity] = field(default_factory=list)
    dates: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    extraction_method: str | None = None
    # Which code, models and settings made the annotations (``newsweave.provenance``).
    provenance: dict[str, Any] | None = None
    # Annotation stages that could not run on this article (a language they cannot handle, a
    # component that failed): the article is kept with what did run; a person reads here
    # what it lacks and why.
    skipped: list[Skip] = field(default_factory=list)
    # The stages' work in flight (a parse, a vector); never serialised.
    work: Work = field(default_factory=Work, repr=False, compare=False)

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
            **({"published_interval": self.published_interval.to_json()} if self.published_interval else {}),
            **({"fetched": self.fetched} if self.fetched else {}),
            "text": self.text,
            "removed": [piece.to_json() for piece in self.removed],
            "duplicate_of": self.duplicate_of,
            "entities": [entity.to_json() for entity in self.entities],
            "dates": [timex.to_json() for timex in self.dates],
            "quotes": [quote.to_json() for quote in self.quotes],
            "events": [event.to_json() for event in self.events],
            "flags": [flag.to_json() for flag in self.flags],
            "provenance": self.provenance,
            "skipped": [skip.to_json() for skip in self.skipped],
        }
