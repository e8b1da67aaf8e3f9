"""How well an article fits a story: the score compared with ``SETTINGS.story_join_threshold``.

    score = cosine + SETTINGS.story_entity_weight × entity evidence − time cost − day conflict − event conflict

* cosine: the article's embedding against the story's centroid (carries meaning across
  languages);
* entity evidence: counted only from a cosine of ``SETTINGS.story_cosine_floor`` when the story
  already holds a report in the article's language (``counted_evidence``: cosines across languages
  run lower, and there the names still carry); the share of mention weight the two sides have in
  common (on the side where it is larger), each entity weighted by how distinctive it is — its inverse document frequency
  among the articles filed so far (:class:`EntityFrequencies`: a city that every local article
  names says little) and its kind (a shared place is weaker evidence than a shared person or
  organisation; a name that either side tags a place weighs as a place wherever it is tagged
  otherwise, ``place_labels``; a name with a title or a common noun glued before it is the
  name alone, ``glued_name_keys``; across languages one name under several labels or spellings, or held
  at the end of a longer name, is one key, ``story_spelling.spelt_alike_keys``, and a country weighs
  ``story_country_weight``, ``kind_weight``) — times how much distinctive weight is shared at all, so that one
  shared town does not join two events that happened in it;
* language gap: the cosine of an article in a language none of the story's reports is in is raised
  by ``SETTINGS.story_language_gap``, less as its days lie apart (``language_gap``);
* time: a story takes no article published further than ``SETTINGS.story_max_gap_days`` from its
  span. An article without a publication day is timed by the nearest day it reports
  (``reported_gap``); from ``SETTINGS.story_reported_gap_days`` on it pays
  ``SETTINGS.story_reported_gap_penalty`` instead of being ruled out: a reported day is not a
  publication day (reports recall the past; a weekday read without an anchor gets a guessed
  year), and the day conflict below already weighs days that far apart (``score_story``);
* day conflict: when both the article and the story report days (TIMEX3 dates, event dates,
  else publication days) and the nearest two are more than ``SETTINGS.story_day_window`` apart, the article
  reports another event (a report a week later joins only if it names the first days; a person
  of the story named again is no such sign: one town's next fire has the same fire chief); a report
  published apart from the story's span also counts its shared names less (``evidence_within_days``);
* quantity conflict: both report ``story_quantity_min`` or more numbers outside their dates and share none;
* weekday conflict: one side reports days, the other none but names weekdays, none of them
  a weekday of those days (an undated "Sunday" quake against a story of a Thursday one);
* event conflict: both have PLOVER event types and share none;
* participant conflict: both sides have main participants — the people and organisations
  their events are about (actors and targets) or that they name most — and neither side names
  any of the other's: the same kind of event with other people (another celebrity's rehab,
  another company's takeover). Entity keys are canonical ids, so this holds across languages.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache, lru_cache

import numpy as np

from newsweave.annotate.canonical import slug
from newsweave.annotate.geo import countries
from newsweave.annotate.given_names import all_given_names
from newsweave.link.story_signals import ArticleSignals, parse_day
from newsweave.link.story_spelling import spelt_alike_keys
from newsweave.link.story_state import StoryState
from newsweave.link.settings import SETTINGS

# Weight of an entity by kind in the evidence (a missing label weighs 1).
LABEL_WEIGHTS = {"PER": 1.0, "ORG": 1.0, "LOC": 0.5, "MISC": 0.5}
# Labels of entities that can be a main participant (a place is where, not who).
PARTICIPANT_LABELS = frozenset({"PER", "ORG"})


class EntityFrequencies:
    """Articles seen and, per entity, how many of them name it (this process's view: it
    starts from the stored stories' entity counts and adds the articles it files)."""

    def __init__(self, articles: int = 0, counts: Mapping[str, int] | None = None) -> None:
        self.articles = articles
        self.counts: dict[str, int] = dict(counts or {})

    def add(self, keys: Iterable[str]) -> None:
        self.articles += 1
        for key in keys:
            self.counts[key] = self.counts.get(key, 0) + 1

    def share(self, key: str) -> float:
        """IDF of the entity scaled to (0, 1]: 1 for a name never seen, ~0 for one in every article."""
        total = self.articles + SETTINGS.story_idf_prior
        return max(math.log(total / (self.counts.get(key, 0) + 1)) / math.log(total), 0.05)


NO_FREQUENCIES = EntityFrequencies()


def entity_overlap(article: Mapping[str, float] | Iterable[str], story: Mapping[str, float] | Iterable[str]) -> float:
    """The share of entity weight the two sides have in common, on the side where it is larger.

    Weights are mention counts (``{key: mentions}``); plain keys weigh 1 each, and then this is
    the overlap coefficient |A ∩ S| / min(|A|, |S|). With mentions, the actors a report keeps
    coming back to count for more than names dropped once.
    """
    a, s = _entity_weights(article), _entity_weights(story)
    shared = a.keys() & s.keys()
    if not shared:
        return 0.0
    return max(sum(a[key] for key in shared) / sum(a.values()), sum(s[key] for key in shared) / sum(s.values()))


def _entity_weights(entities: Mapping[str, float] | Iterable[str]) -> dict[str, float]:
    if isinstance(entities, Mapping):
        return {key: float(weight) for key, weight in entities.items() if weight > 0}
    return dict.fromkeys(entities, 1.0)


@cache
def country_keys() -> frozenset[str]:
    """The entity keys of the countries (``geo:`` and their GeoNames ids)."""
    return frozenset(place.entity_id for place in countries().values())


def kind_weight(key: str, labels: Mapping[str, str], across: bool = False) -> float:
    """How much a shared entity of this kind says of one event: by label (``LABEL_WEIGHTS``), and
    across languages ``story_country_weight`` for a country (a report from abroad names the
    country where a report at home names the town; within one language a country weighs as a place)."""
    if across and key in country_keys():
        return SETTINGS.story_country_weight
    return LABEL_WEIGHTS.get(labels.get(key, ""), 1.0)


def entity_evidence(article: Mapping[str, float], story: Mapping[str, float], labels: Mapping[str, str],
                    frequencies: EntityFrequencies = NO_FREQUENCIES, across: bool = False) -> float:
    """Overlap of distinctiveness-weighted mentions, scaled down when little distinctive weight is
    shared; ``across``: the two sides are reports in different languages (``kind_weight``)."""
    def distinct(key: str) -> float:
        return kind_weight(key, labels, across) * frequencies.share(key)

    a = {key: weight * distinct(key) for key, weight in article.items()}
    s = {key: weight * distinct(key) for key, weight in story.items()}
    overlap = entity_overlap(a, s)
    if not overlap:
        return 0.0
    shared = sum(distinct(key) for key in a.keys() & s.keys())
    return overlap * min(shared / SETTINGS.story_shared_needed, 1.0)


def counted_evidence(cosine: float, evidence: float, across_languages: bool) -> float:
    """The entity evidence a score counts: none when the two sides read too little alike
    (``story_cosine_floor``), so that names alone never carry a join, unless the article comes in a
    language the story has no report in: one event told in two languages reads less alike (the
    multilingual embedding keeps some of each language), and there shared names are what join it."""
    return evidence if across_languages or cosine >= SETTINGS.story_cosine_floor else 0.0


def language_gap(crossing: bool, days_apart: float) -> float:
    """What the cosine of an article in a language new to the story is raised by
    (``story_language_gap``): one story's reports read less alike across languages. Less as its
    days lie apart from the story's (``day_conflict``), none at a full conflict: reading alike is
    not another event's sign, the days are (the seed pair, two years apart, keeps its margin)."""
    return SETTINGS.story_language_gap * (1.0 - days_apart) if crossing else 0.0


def evidence_within_days(evidence: float, days_apart: float, published_gap: int) -> float:
    """The entity evidence left when a report published more than ``story_day_window`` days after
    (or before) the story's span also reports days apart from the story's (``day_conflict``): the
    names two events of one town share (the town, its council leader, its utility) say where and
    who, not which event, so they weigh less the further apart the days lie, nothing from twice
    the window when ``story_day_evidence_cut`` is 1. A report published within the story's days
    keeps its names whatever days it recalls (one event's reports recall different days: an
    arrest, the crime before it), and so does one with no publication day (its reported days are
    all there is to time it, and they include the past it recalls)."""
    if published_gap <= SETTINGS.story_day_window:
        return evidence
    return evidence * (1.0 - SETTINGS.story_day_evidence_cut * days_apart)


def new_language(signals: ArticleSignals, story: StoryState) -> bool:
    """Whether the article is in a language none of the story's reports is in (a story seen as
    one article has no language: never new)."""
    return bool(signals.language) and signals.language not in story.languages


def across_languages(signals: ArticleSignals, story: StoryState) -> bool:
    """Whether the story holds a report in a language other than the article's: there two taggers
    read the same name, and a town one language's tagger takes for a person is another's place (a
    story seen as one article has no language: never)."""
    return bool(signals.language) and any(language != signals.language for language in story.languages)


def day_gap(day: date | None, first: str | None, last: str | None) -> int:
    """Days between a date and the span [first, last]; 0 inside it or when a date is unknown."""
    start, end = parse_day(first), parse_day(last)
    if day is None or start is None or end is None:
        return 0
    if day < start:
        return (start - day).days
    if day > end:
        return (day - end).days
    return 0


def reported_gap(signals: ArticleSignals, story: StoryState) -> int:
    """Days between the nearest day the article reports and the story's span; 0 when it reports none."""
    return min((day_gap(day, story.first, story.last) for day in signals.days), default=0)


def article_gap(signals: ArticleSignals, story: StoryState) -> int:
    """Days between the article's date and the span of a story or topic: its publication day,
    else the nearest day it reports (an article read from a plain file often has no publication
    date), counted only from ``story_reported_gap_days`` (nearer, the day conflict weighs them);
    0 when it has neither. Topics rule by it; stories by ``publication_gap`` and
    ``reported_cost``."""
    if signals.day:
        return day_gap(signals.day, story.first, story.last)
    gap = reported_gap(signals, story)
    return gap if gap > SETTINGS.story_reported_gap_days else 0


def publication_gap(signals: ArticleSignals, story: StoryState) -> int:
    """Days between the article's publication day and the story's span; 0 without a publication day."""
    return day_gap(signals.day, story.first, story.last) if signals.day else 0


def reported_cost(signals: ArticleSignals, story: StoryState) -> float:
    """``story_reported_gap_penalty`` for an undated article whose reported days all lie
    ``story_reported_gap_days`` or more from the story's span, else 0.

    Not a rule-out (it was one in stop 24): on ECB+, which has no publication days, one
    event's reports recall days more than a year apart (an arraignment and the conviction
    19 months later; background dates; weekdays given a guessed year), and refusing them cost
    recall that splits and merges could not win back. Two reports of different years that
    name no common day pay the day conflict in full anyway (``day_conflict``): the seed pair
    (English, February 2024; French, February 2026) scores 0.41 against the 0.56 threshold.
    """
    if signals.day or reported_gap(signals, story) <= SETTINGS.story_reported_gap_days:
        return 0.0
    return SETTINGS.story_reported_gap_penalty


def nearest_days(days: tuple[date, ...], story_days: Iterable[str]) -> int | None:
    """Days between the nearest of the article's reported days and the story's; None if either has none."""
    reported = [parsed for parsed in map(parse_day, story_days) if parsed]
    if not days or not reported:
        return None
    return min(abs((day - other).days) for day in days for other in reported)


def day_conflict(days: tuple[date, ...], story: StoryState) -> float:
    """0 when the article's days meet the story's within SETTINGS.story_day_window, rising to 1 at
    twice that. A report that continues the story names one of its days; naming one of its people
    is not enough (the same kind of event a week later in one town often has the same mayor,
    fire chief or union leader)."""
    gap = nearest_days(days, [*story.profile.get("days", {}), *story.profile.get("inferred", {})])
    if gap is None or gap <= SETTINGS.story_day_window:
        return 0.0
    return min((gap - SETTINGS.story_day_window) / max(SETTINGS.story_day_window, 1), 1.0)


def year_conflict(signals: ArticleSignals, story: StoryState) -> float:
    """1 when one side reports days and the other none (an undated text that names "Sunday" and
    "2004"), and the undated side's latest year named is ``story_year_gap`` years or more from
    every year of the dated side's days; else 0. A text that reports no day still names its
    year or earlier ones, rarely a later one. Two undated sides are not compared: an undated
    report's latest year is often a past one, and the reports of one event recall different pasts."""
    story_days = [*story.days, *story.profile.get("inferred", {})]  # ISO days: the year is their start
    mine = signals.report_days()
    if mine and not story_days:
        own, theirs = {day.year for day in mine}, {int(year) for year in story.profile.get("years") or {}}
    elif story_days and not mine and signals.year:
        own, theirs = {signals.year}, {int(day[:4]) for day in story_days}
    else:
        return 0.0
    if not theirs:
        return 0.0
    return 1.0 if min(abs(a - b) for a in own for b in theirs) >= SETTINGS.story_year_gap else 0.0


def quantity_conflict(signals: ArticleSignals, story: StoryState) -> float:
    """1 when both the article and the story report ``story_quantity_min`` quantities or more
    (numbers outside dates: a magnitude, a toll, a price, a score) and share none, else 0: the
    same kind of event measured otherwise is another event, whatever names it shares."""
    known = story.profile.get("quantities") or {}
    needed = SETTINGS.story_quantity_min
    if len(signals.quantities) < needed or len(known) < needed:
        return 0.0
    return 0.0 if known.keys() & set(signals.quantities) else 1.0


def weekday_conflict(signals: ArticleSignals, story: StoryState) -> float:
    """1 when one side reports days and the other none but names weekdays ("on Sunday", read
    without a date to anchor it), and the two sides have no weekday in common (each side's: the
    weekdays it names and those of its days); else 0. Two dated sides are the day conflict's;
    two undated sides are not compared (one event's undated reports each name the days of its
    aftermath: "said Tuesday", "on Friday")."""
    mine_days = signals.report_days()
    profile = story.profile
    if bool(mine_days) == bool(profile.get("days") or profile.get("inferred")):
        return 0.0
    named = profile.get("weekdays") or {}
    if not (named if mine_days else signals.weekdays):
        return 0.0  # the undated side names no weekday (the story's days are read only past this)
    story_days = [day for day in map(parse_day, [*profile.get("days", {}), *profile.get("inferred", {})]) if day]
    mine = {*signals.weekdays, *(day.isoweekday() for day in mine_days)}
    theirs = {*(int(weekday) for weekday in named), *(day.isoweekday() for day in story_days)}
    return 0.0 if mine & theirs else 1.0


def event_conflict(events: tuple[str, ...], story: StoryState) -> float:
    known = story.profile.get("events") or {}
    return 1.0 if events and known and not set(events) & known.keys() else 0.0


def article_participants(signals: ArticleSignals, labels: Mapping[str, str]) -> set[str]:
    """The article's event participants and its most mentioned people and organisations."""
    named = [key for key, count in sorted(signals.mentions.items(), key=lambda item: -item[1])
             if count >= SETTINGS.story_participant_min_mentions and labels.get(key) in PARTICIPANT_LABELS]
    return {*signals.participants, *named[:int(SETTINGS.story_participant_top)]}


def story_participants(story: StoryState, labels: Mapping[str, str]) -> set[str]:
    """The story's event participants and the people and organisations most of its articles name."""
    needed = max(1.0, SETTINGS.story_participant_story_share * story.size)
    named = {key for key, entry in story.entities.items()
             if entry["n"] >= needed and labels.get(key) in PARTICIPANT_LABELS}
    return {*story.profile.get("participants", {}), *named}


def participant_conflict(signals: ArticleSignals, story: StoryState, labels: Mapping[str, str]) -> float:
    """1 when both sides have main participants and neither names any of the other's, else 0."""
    mine, theirs = article_participants(signals, labels), story_participants(story, labels)
    if not mine or not theirs:
        return 0.0
    return 0.0 if mine & story.entities.keys() or theirs & signals.entities.keys() else 1.0


def place_labels(labels: Mapping[str, str], names: Mapping[str, str]) -> dict[str, str]:
    """The entities of ``names`` labelled otherwise that bear the name of one labelled a place,
    relabelled "LOC": a tagger that reads a town as a person or an organisation in one article
    ("per:castrobel", "org:castrobel") and as a place in another would otherwise make the town
    that two events share weigh as a shared person."""
    places = {name.casefold() for key, name in names.items() if labels.get(key) == "LOC"}
    return {key: "LOC" for key, name in names.items() if labels.get(key) != "LOC" and name.casefold() in places}


def glued_name_keys(names: Mapping[str, str], labels: Mapping[str, str]) -> dict[str, str]:
    """Keys of ``names`` renamed to the key of the name they hold after one glued word: a title or a
    common noun that a tagger took into a name ("Keeper Ilse Vardan" in an English report,
    "Kleinstadt Puerto Orvane" in a German one) names the same person or place that another
    language's report names alone, though its id differs. Only before a name of two words or
    more (one word left is too little to be sure of), and not a given name ("Anna Maria Lenz"
    is not "Maria Lenz"). Where the shorter name has several keys (a tagger's labels differ), it is
    the place's key when one is a place, else the first in order: always the same one."""
    keys: dict[str, str] = {}
    for key in sorted(names, key=lambda key: (labels.get(key) != "LOC", key)):
        keys.setdefault(name_slugs(names[key])[0], key)
    renamed = {}
    for key, name in names.items():
        remainder = name_slugs(name)[1]
        held = keys.get(remainder) if remainder else None
        if held and held != key:
            renamed[key] = held
    return renamed


@lru_cache(maxsize=65536)  # a story's names are compared again with every article it is offered
def name_slugs(name: str) -> tuple[str, str]:
    """The name's slug, and the slug of what follows its first word when two words or more follow
    and that word is no given name ("" otherwise)."""
    words = name.split()
    glued = len(words) >= 3 and words[0] not in all_given_names()
    return slug(name), slug(" ".join(words[1:])) if glued else ""


def chained(renamed: Mapping[str, str]) -> dict[str, str]:
    """Renamings followed to their end: a glued name renamed to a name that is renamed in turn
    (spelt otherwise in another language) stands under the last key."""
    ends = {}
    for key, target in renamed.items():
        seen = {key}
        while target in renamed and target not in seen:
            seen.add(target)
            target = renamed[target]
        if target != key:
            ends[key] = target
    return ends


def under_keys(weights: Mapping[str, float], renamed: Mapping[str, str]) -> dict[str, float]:
    """Mention weights with each renamed key's weight added to the key it stands for."""
    if not renamed:
        return dict(weights)
    folded: dict[str, float] = {}
    for key, weight in weights.items():
        folded[renamed.get(key, key)] = folded.get(renamed.get(key, key), 0.0) + weight
    return folded


def combined_score(cosine: float, overlap: float, gap_days: int) -> float:
    """Cosine, entity evidence and time cost: the upper part of the score (no conflict costs);
    also the article-pair similarity of bench/similarity.py."""
    return cosine + SETTINGS.story_entity_weight * overlap - SETTINGS.story_time_weight * min(gap_days / SETTINGS.story_time_scale_days, 1.0)


def score_story(signals: ArticleSignals, story: StoryState,
                frequencies: EntityFrequencies = NO_FREQUENCIES, published_gap: int | None = None) -> float | None:
    """The article's score against one story, or None when time rules the story out.
    ``published_gap``: days between the two sides' publication, when the article side is a story
    seen as one article (it has no publication day of its own: ``story_changes.span_gap``)."""
    gap = publication_gap(signals, story)
    if gap > SETTINGS.story_max_gap_days:
        return None
    cosine = float(np.dot(signals.embedding, story.centroid))
    side = story.compared_entities()
    mine, theirs = signals.entity_weights(), side.weights
    labels = {**side.labels, **signals.labels}
    names = {**side.names, **signals.entities}
    labels.update(place_labels(labels, names))
    renamed = glued_name_keys(names, labels)
    across = across_languages(signals, story)
    if across:
        renamed = chained({**renamed, **spelt_alike_keys(names, labels, [signals.language or "", *story.languages])})
    evidence = entity_evidence(under_keys(mine, renamed), under_keys(theirs, renamed), labels, frequencies, across)
    crossing = new_language(signals, story)
    evidence = counted_evidence(cosine, evidence, crossing)
    days_apart = day_conflict(signals.report_days(), story)
    return (combined_score(cosine + language_gap(crossing, days_apart), evidence_within_days(evidence, days_apart, gap if published_gap is None else published_gap), gap)
            - reported_cost(signals, story)
            - SETTINGS.story_day_penalty * days_apart
            - SETTINGS.story_year_penalty * year_conflict(signals, story)
            - SETTINGS.story_quantity_penalty * quantity_conflict(signals, story)
            - SETTINGS.story_weekday_penalty * weekday_conflict(signals, story)
            - SETTINGS.story_event_penalty * event_conflict(signals.events, story)
            - SETTINGS.story_participant_penalty * participant_conflict(signals, story, labels))
