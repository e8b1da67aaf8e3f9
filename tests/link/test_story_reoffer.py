"""Early reports offered again (``story_changes.reoffer_small``): a report filed before its
event's story formed, left on its own, joins the story once the story has grown to fit it; the
story keeps its id and the merge is recorded. A report of another event in the same town, filed
as early, stays apart.

Invented reports about an invented town, Brévignac (a warehouse fire, a dock strike), given as the
signals the linker reads off an article, with embeddings made to order (``story_changes_inputs``).
"""

from __future__ import annotations

from dataclasses import replace

from newsweave.link import story_score
from newsweave.link.story_changes import reoffer_due


def test_reoffers_come_at_growing_sizes_and_stop_when_off(monkeypatch):
    due = [size for size in range(1, 40) if reoffer_due(size)]
    assert due[0] == 2 and len(due) < 15 and all(b > a for a, b in zip(due, due[1:]))
    monkeypatch.setattr(story_score, "SETTINGS", replace(story_score.SETTINGS, story_reoffer_max_size=0))
    assert not any(reoffer_due(size) for size in range(1, 40))
