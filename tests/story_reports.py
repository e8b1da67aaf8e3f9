"""Invented story reports as signals, for the link tests that score one report against a story
(tests/link/test_stories_stop43.py, test_stories_stop44b.py): a direction in a small space stands
for the embedding, entity keys carry their label in their prefix."""

from __future__ import annotations

import numpy as np

from newsweave.link.story_changes import state_of
from newsweave.link.story_score import NO_FREQUENCIES, score_story
from newsweave.link.story_signals import ArticleSignals


def report(direction: list[float], entities: dict[str, str], language: str) -> ArticleSignals:
    """An invented report along ``direction``, its entities tagged by their key's prefix, named once each."""
    labels = {key: ("LOC" if key.startswith("geo:") else key.split(":")[0].upper()) for key in entities}
    vector = np.asarray(direction, dtype=np.float64)
    vector = vector / np.linalg.norm(vector)
    return ArticleSignals(vector.astype(np.float32), entities, [], None, language, dict.fromkeys(entities, 1),
                          labels=labels)


def at_cosine(cosine: float) -> list[float]:
    """A direction at ``cosine`` from the first axis."""
    return [cosine, float(np.sqrt(1.0 - cosine * cosine)), 0.0]


def score(signals: ArticleSignals, story_signals: ArticleSignals) -> float:
    """The join score of a report against a story of one report."""
    value = score_story(signals, state_of("", [("", story_signals)]), NO_FREQUENCIES)
    assert value is not None
    return value
