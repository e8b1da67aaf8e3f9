"""The annotate stage's settings: one frozen object, printed by ``newsweave stats --json``.

Each value says why it is what it is; the measurements behind the tuned ones are in
docs/quality.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnnotateSettings:
    # Below this confidence the answer is reported but no later stage should trust it.
    language_min_confidence: float = 0.5
    # Characters of the article given to a detector: the opening paragraphs decide, and a cap
    # keeps the cost of one call bounded whatever the article's length.
    language_sample_chars: int = 2000
    # Texts shorter than this go to lingua in the hybrid detector: from this length on fastText is
    # as accurate and much faster, below it lingua is far better (docs/quality.md, language
    # identification by sentence length, bench/langid.py).
    language_hybrid_short_chars: int = 40
    # How far past a closing mark and before an opening mark attribution is looked for:
    # "…," said the former secretary of state in a statement (about 12 words); '…” study lead
    # author Lucas Paganini, a planetary scientist at …, said' needs room for a long aside.
    quote_after_window: int = 220
    quote_before_window: int = 250
    # A quote without cue or speaker nearby is kept (and flagged unsourced) only when it is long
    # enough to be speech rather than a scare-quoted term ("so-called “reform”").
    quote_min_unattributed_words: int = 6
    # Split quotes: the gap between two halves that share a speaker ("…," he said, "…").
    quote_split_gap: int = 90
    # How far back the sentence before a quote is read.
    quote_previous_window: int = 300
    # How far before a name its honorific or title is read ("la ministre de la Santé, Anne X").
    speaker_marker_before: int = 45
    speaker_marker_after: int = 70
    # How far back a person marked with a pronoun's gender is preferred to a nearer unmarked one (two
    # or three sentences).
    speaker_agreement_reach: int = 400
    # How far back a quarter mention sets the granularity of "a year earlier" (about two
    # paragraphs of a business story; set on the TE3 dev set's earnings reports).
    timex_quarter_context: int = 1200
    # How far around a match we look for tense cues ("will", "sera") when a weekday or month
    # has no year: about one clause.
    timex_cue_window: int = 60
    # Title + opening characters embedded for story similarity: the shortest lead that keeps
    # the same-story correlation near its best, at a fraction of the engine's cost per article
    # (docs/quality.md, "Story similarity", the lead-length table and the note on 150).
    embedding_lead_chars: int = 150


SETTINGS = AnnotateSettings()
