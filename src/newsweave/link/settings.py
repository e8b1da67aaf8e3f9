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
    # Dating an article from its story (link/story_dates.py): its peers' publication days, when
    # they lie within ``story_date_spread`` days of each other (else they disagree: no clue), allow
    # from ``story_date_before`` days before the first to ``story_date_after`` days after the last,
    # read from at most ``story_date_peers`` peers. Chosen on the TE3 tune half (docs/quality.md,
    # "Publication date — stop 25").
    story_date_spread: int = 3
    story_date_before: int = 0
    story_date_after: int = 2
    story_date_peers: int = 50
    # A site's home from the store (link/site_home.py): the votes of at most this many of the
    # site's latest stored articles join those of the batch.
    site_home_stored_articles: int = 50
    # Story join rule (link/story_score.py), chosen with ``bench/stories.py --sweep`` on the tune
    # half of ECB+ (odd topic ids, the two sub-topics of each topic mixed in one stream), checked on
    # the even half; figures and the history of the older rule in docs/quality.md.
    story_join_threshold: float = 0.56
    story_entity_weight: float = 0.5
    # Cosine (article against story centroid) under which shared names count for nothing, when
    # the story already holds a report in the article's language: two events of one town share
    # its name and its mayor, so a short report naming little else shares all its weight with
    # the other event, while one event's reports in one language also read alike. Across
    # languages cosines run lower and the names still count. Chosen on the tune halves of ECB+
    # and of the stop 40 held-out set (docs/quality.md, "Stories — stop 40, second round" and
    # "Stories — stop 41").
    story_cosine_floor: float = 0.36
    # Added to the cosine of an article in a language none of the story's reports is in: the
    # reports of one story read less alike across two languages than within one, while reports of
    # other stories do not (centred e5 cosines of SemEval-2022 training pairs, docs/quality.md,
    # "Stories — stop 43"), so across languages the threshold asks for more than it does within one.
    story_language_gap: float = 0.1
    # Weight of a country in the entity evidence between reports in different languages, whatever
    # its label (``story_score.kind_weight``): a report from abroad names the country where a report
    # at home names the town, so two events of one country abroad share it as often as one event's
    # reports do. Within one language a country weighs as a place (at 0 there, ECB+ tune lost recall:
    # docs/quality.md, "Stories — stop 43").
    story_country_weight: float = 0.0
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
    # … and take the shared names' evidence down with them, in full at ``story_day_evidence_cut``
    # 1 (``story_score.evidence_within_days``): two events of one town a week apart share its name,
    # its council leader and its utility, which say nothing of which event a report tells.
    story_day_evidence_cut: float = 1.0
    # Cost when a side reports no day and the article's latest year named is this many years or
    # more from every latest year of the story's articles (``story_score.year_conflict``): one
    # year apart is often one event (a season, December and January).
    story_year_penalty: float = 0.2
    story_year_gap: int = 2
    # Cost when both sides report quantities and share none (``story_score.quantity_conflict``).
    story_quantity_penalty: float = 0.2
    # … counted only when each side reports at least this many (one number is often incidental).
    story_quantity_min: int = 2
    # Cost when one side reports days and the other none but names weekdays ("on Sunday"), none
    # of them a weekday of those days (``story_score.weekday_conflict``).
    story_weekday_penalty: float = 0.3
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
    # … an article without a publication day (a plain file) is timed by the nearest day it reports:
    # from this far it pays ``story_reported_gap_penalty`` (reported days include the past a report
    # recalls, so they do not rule a story out; the day conflict weighs them); a topic refuses it
    # from this far (``story_changes.topic_score``). Penalty chosen on the tune half of ECB+
    # (0 / 0.1 / 0.2: F1 0.885 / 0.879 / 0.879; docs/quality.md, "Stories — stop 25").
    story_reported_gap_days: int = 365
    story_reported_gap_penalty: float = 0.0
    # … and pays up to ``story_time_weight`` for a gap growing to ``story_time_scale_days``.
    story_time_weight: float = 0.03
    story_time_scale_days: int = 30
    # Stories change online (link/story_changes.py): a story is reviewed for a split when it
    # reaches one of the sizes ``story_split_min_size`` × 1.3^k (up to ``story_split_max_size``
    # members; a larger one is read whole too rarely to be worth it) …
    story_split_min_size: int = 4
    story_split_max_size: int = 80
    # … and splits when its two most apart groups (average linkage over the members' pairwise
    # join scores), the smaller of at least ``story_split_min_part`` articles, score against
    # each other under the join threshold less ``story_split_margin``. Negative: two groups
    # compared as whole stories score higher than two articles do (a centroid of several reports
    # is cleaner, their entities add up), so two events' groups still score a little above the
    # article threshold. Chosen with margins -0.15..-0.3 × merge 0.2..0.55 on the tune half of
    # ECB+ (docs/quality.md, "Story changes — stop 24").
    story_split_min_part: int = 2
    story_split_margin: float = -0.2
    # A second split rule, for two events whose groups still score together: the members are cut
    # in two by the sign of the Fiedler vector of their join-score graph (spectral), and the story
    # splits when each member's ``story_split_neighbours`` nearest members (fewer in a small part)
    # lie in its own half for at least ``story_split_purity`` of them on average (the two events
    # are two neighbourhoods, however close their centroids are). Off with ``story_split_spectral``.
    story_split_spectral: bool = True
    story_split_purity: float = 0.875
    story_split_neighbours: int = 3
    # Two stories an article fits both merge when they score against each other at least the
    # join threshold plus ``story_merge_margin`` (lower margins merged the two sub-topics of a
    # topic). With the spectral split, 0.3 was the tune-half best of 0.15–0.45 on ECB+
    # (docs/quality.md, "Stories — stop 27").
    story_merge_margin: float = 0.3
    # … and ``story_merge_language_margin`` when the two share no language and report a day in
    # common (``story_changes.merge_margin``): one event told in two languages gathers in one
    # story per language first, and the article that fits both is the sign that they are one.
    story_merge_language_margin: float = 0.0
    # Early reports offered again (``story_changes.reoffer_small``): when a story grows to one of
    # the sizes 3 × 1.3^k (``story_changes.REOFFER_FROM``; up to ``story_reoffer_until``), the
    # small stories nearest its centroid (``story_changes.REOFFER_READ`` of them, at most; each of
    # ``story_reoffer_max_size`` articles or fewer; 0: off) merge into it when each, seen as one
    # article, scores against it at least the join threshold plus ``story_reoffer_margin``. They
    # came before the story formed, so nothing was there for them to join.
    story_reoffer_max_size: int = 3
    story_reoffer_margin: float = 0.2
    story_reoffer_until: int = 1000
    # Topics (a looser grouping of stories): a new story joins the topic of a nearby story when
    # its first article scores against the topic (cosine + entity evidence, no day rule) at least
    # ``topic_join_threshold``, within ``topic_max_gap_days`` of the topic's dates. Chosen on the
    # tune half of ECB+ against its gold topics (thresholds 0.25–0.45 × weights 0.8 / 1.2): the
    # most precise of the best F1s.
    topic_join_threshold: float = 0.4
    topic_entity_weight: float = 1.2
    topic_max_gap_days: int = 120


SETTINGS = LinkSettings()
