"""The database tables (SQLAlchemy Core). Changes to them come with an Alembic revision."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    ColumnElement,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

metadata = MetaData()

ID = String(32)


def _article_fk() -> Column:
    return Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)


def _span_columns() -> list[Column]:
    return [
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("source_start", Integer, nullable=False),
        Column("source_end", Integer, nullable=False),
        Column("text", Text, nullable=False),
    ]


articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("source", Text, nullable=False),
    Column("kind", String(8), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("language", String(8), index=True),
    Column("language_score", Float),
    Column("published", String(40), index=True),
    Column("published_basis", String(16), nullable=False),
    Column("raw_sha256", String(64), nullable=False, index=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("offsets", JSON, nullable=False),
    Column("links", JSON, nullable=False),
    Column("duplicate_of", ID, index=True),
    Column("duplicate_similarity", Float),
    Column("copies", Integer, nullable=False, default=1),
    Column("signature", LargeBinary, nullable=False),
    Column("extraction_method", String(32)),
    Column("annotations", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("provenance_key", String(16), index=True),  # newsweave.provenance; NULL: before revision 0010
)

article_sources = Table(
    "article_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("raw_sha256", String(64), nullable=False),
    _article_fk(),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "raw_sha256", name="uq_article_sources_source_sha"),
)

removed_spans = Table(
    "removed_spans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("source_start", Integer, nullable=False),
    Column("source_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("reason", String(64), nullable=False),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "reason", name="uq_rejections_source_reason"),
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("band_key", String(40), primary_key=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

entities = Table(
    "entities",
    metadata,
    Column("entity_id", String(64), primary_key=True),
    Column("canonical", Text, nullable=False),
    Column("label", String(8), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8)),
)

# Lookup keys of entities (a surname key, a title): written and read by cross-article linking.
entity_keys = Table(
    "entity_keys",
    metadata,
    Column("key", String(128), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("entity_id", String(64), index=True),
    Column("label", String(8), nullable=False),
    *_span_columns(),
)

dates = Table(
    "dates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("type", String(12), nullable=False),
    Column("value", String(64)),
    *_span_columns(),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("speaker", JSON),
    Column("speaker_name", Text),
    Column("speaker_entity_id", String(64), index=True),
    Column("cue", Text),
    Column("direct", Boolean, nullable=False),
    *_span_columns(),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("type", String(32), nullable=False),
    Column("trigger", JSON, nullable=False),
    Column("actor", JSON),
    Column("target", JSON),
    Column("location", JSON),
    Column("date", String(64)),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("label", Text, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("first", String(40)),
    Column("last", String(40)),
    # Online story assignment (link/stories.py, revision 0004): sum of member embeddings.
    Column("centroid", LargeBinary),
    Column("size", Integer, nullable=False, server_default="0"),
    Column("entity_counts", JSON),
    Column("keyword_counts", JSON),
    # Revision 0005: change number, raised on every write (story indexes sync from it), and
    # the version a writer read, checked when it writes (no lost update between processes).
    Column("seq", BigInteger, index=True, unique=True),
    Column("version", Integer, nullable=False, server_default="0"),
    # Revision 0008: reported days, event types and per-language headlines (link/story_state.py).
    Column("profile", JSON),
    # Revision 0012_story_split: the topic the story belongs to (link/story_changes.py).
    Column("topic_id", String(32), index=True),
)

# Revision 0012_story_split: each filed article's story signals, in filing order (``id``), what a
# split regroups (link/story_changes.py).
story_members = Table(
    "story_members",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("embedding", LargeBinary, nullable=False),
    Column("signals", JSON, nullable=False),
)

# Revision 0012_story_split: splits and merges. ``story_id`` changed; ``successor`` is the new
# part of a split (``story_id`` keeps the larger part) or the survivor of a merge (``story_id``
# is gone and resolves to it); ``articles`` moved from the one to the other.
story_changes = Table(
    "story_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),
    Column("story_id", String(32), nullable=False, index=True),
    Column("successor", String(32), nullable=False, index=True),
    Column("articles", JSON, nullable=False),
    Column("score", Float, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

# Revision 0012_story_split: topics, a looser grouping of stories (centroid: sum of their first
# articles' embeddings; ``size``: stories).
topics = Table(
    "topics",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("label", Text, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("first", String(40)),
    Column("last", String(40)),
    Column("centroid", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False, server_default="0"),
    Column("entity_counts", JSON, nullable=False),
    Column("keyword_counts", JSON, nullable=False),
)

# Revision 0005: facts about the database itself ("instance": a random id, which story
# index snapshots record).
store_info = Table(
    "store_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Revision 0006: embeddings of short texts (quotes), computed once: cross-language quote
# corroboration compares every quote of a story at each ingest. ``key``: SHA-256 of the
# model, the e5 prefix and the text, so another model never reads these.
text_vectors = Table(
    "text_vectors",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", String(32), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

flags = Table(
    "flags",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("kind", String(40), nullable=False, index=True),
    Column("severity", String(8), nullable=False),
    Column("message", Text, nullable=False),
    Column("evidence", JSON, nullable=False),
)

Index("ix_rejections_at", rejections.c.at)

# Revision 0011: indexes for faceted search, trending stories and entity pages (the revision
# says which read each serves).
Index("ix_articles_ingested_at", articles.c.ingested_at)
Index("ix_articles_language_published", articles.c.language, articles.c.published)
Index("ix_mentions_entity_article", mentions.c.entity_id, mentions.c.article_id)
Index("ix_mentions_article_entity", mentions.c.article_id, mentions.c.entity_id)
Index("ix_flags_kind_article", flags.c.kind, flags.c.article_id)
Index("ix_flags_article_kind", flags.c.article_id, flags.c.kind)
Index("ix_story_articles_story_article", story_articles.c.story_id, story_articles.c.article_id)

# Revision 0012_feedback: readers' verdicts on flags ("wrong" / "right"), data for the next
# round of detector work. No foreign key: flags are rewritten whenever an article is analysed
# again, and a mark must outlive both its flag row and its article, so it keeps a copy of the
# flag (kind, message, evidence) and the flag's stable id (``store.feedback.flag_id``).
flag_feedback = Table(
    "flag_feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("flag_id", String(64), nullable=False, index=True),
    Column("article_id", ID, nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("message", Text, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("verdict", String(8), nullable=False),
    Column("comment", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)


# Revision 0015_places_site_votes: each stored article's vote for its site's home (the divisions
# its sure places lie in, ``annotate.canonical.home_votes_of``), filed under its site (the host of
# its address) at write time, so that ``link.site_home`` reads a site's votes without a scan of
# ``articles.url``. ``id`` orders the votes by when they were written (the latest first).
site_votes = Table(
    "site_votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("site", String(255), nullable=False),
    Column("country", String(8), nullable=False),
    Column("division", String(255), nullable=False),
    UniqueConstraint("article_id", "country", "division", name="uq_site_votes_article_division"),
)
Index("ix_site_votes_site_id", site_votes.c.site, site_votes.c.id)

# An article without a title is listed by the start of its text (``report.wording.article_name``),
# never by its file name: this many characters are enough for a listing's line.
LEAD_CHARS = 160


def lead_column() -> ColumnElement[str]:
    """The first ``LEAD_CHARS`` characters of an article's clean text, labelled ``lead``."""
    return func.substr(articles.c.text, 1, LEAD_CHARS).label("lead")
