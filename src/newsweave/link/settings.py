"""The link stage's settings: one frozen object, printed by ``newsweave stats --json``.

Measurements behind the tuned values are in docs/quality.md; a comment here keeps the reason.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkSettings:
    # MinHash signature length and shingle size of the near-duplicate finder.
    num_perm: int = 128
    shingle_words: int = 4
    # Estimated Jaccard similarity of shingle sets above which an article is a copy of an
    # earlier one. Jaccard punishes a shorter copy twice (fewer shared shingles, same union),
    # so a wire copy with a rewritten lead and a paragraph dropped scores little above this,
    # while two different articles, even on one story, stay near 0 (docs/quality.md, "Spine",
    # the duplicates paragraph).
    near_duplicate_threshold: float = 0.5
    # Story join rule (link/story_score.py), chosen with ``bench/stories.py --sweep`` on the tune
    # half of ECB+ (odd topic ids, the two sub-topics of each topic mixed in one stream), checked on
    # the even half; figures and the history of the older rule in docs/quality.md.
    story_join_threshold: float = 0.56
    story_entity_weight: float = 0.5
    # Distinctive shared weight (kind × IDF share) at which the evidence is whole: below it the
    # overlap counts in proportion (one shared town, weight 0.5, gives half).
    story_shared_needed: float = 1.0
    # Articles counted before IDF says anything (a young store cannot tell a common name from a
    # rare one): IDF shares are log((N + prior) / (df + 1)) / log(N + prior).
    story_idf_prior: int = 20
    # Reported days this far apart are compatible (a report of the next days of one event) …
    story_day_window: int = 3
    # … further apart they cost ``story_day_penalty`` (in full from twice the window).
    story_day_penalty: float = 0.2
    # Cost when both sides have event types and share none.
    story_event_penalty: float = 0.0
    # Cost when the two sides' main participants are strangers to each other (``participant_conflict``).
    story_participant_penalty: float = 0.0
    # Main participants of an article: its events' actors and targets, and its most mentioned
    # people and organisations (this many, each named at least ``story_participant_min_mentions`` times) …
    story_participant_top: int = 3
    story_participant_min_mentions: int = 2
    # … of a story: its events' participants and the people and organisations named in at least
    # this share of its articles.
    story_participant_story_share: float = 0.5
    # A story takes no article dated further than this from its first/last dates …
    story_max_gap_days: int = 45
    # … an article without a publication day (a plain file) is timed by the nearest day it reports,
    # and refused from this far (reported days include the past a report recalls; a reported day
    # a year away is the same kind of event another year).
    story_reported_gap_days: int = 365
    # … and pays up to ``story_time_weight`` for a gap growing to ``story_time_scale_days``.
    story_time_weight: float = 0.03
    story_time_scale_days: int = 30


SETTINGS = LinkSettings()
