"""Story titles: the headline and first sentence of the story's most central article (in a
reader's language when the story has one), and the older label of top entities and
keywords, kept for stories whose articles have no headline."""

from __future__ import annotations

import re
from typing import Any

from newsweave.link.story_state import StoryState

LABEL_ENTITIES = 2
LABEL_KEYWORDS = 3


def story_title(story: StoryState, language: str | None = None) -> dict[str, Any] | None:
    """``{"title", "summary", "article", "language"}`` of the headline that titles the story:
    the reader's language's most central article if any, else the most central of all."""
    heads = story.profile.get("heads") or {}
    if not heads:
        return None
    chosen = language if language in heads else max(
        heads, key=lambda key: (heads[key].get("headline", True), heads[key].get("centrality", 0), key))
    return {**heads[chosen], "language": chosen}


def story_label(story: StoryState) -> str:
    """The story's title (see ``story_title``), else its top entities and keywords."""
    titled = story_title(story)
    return titled["title"] if titled else keyword_label(story)


def keyword_label(story: StoryState) -> str:
    """Top entities and keywords, e.g. "Ukraine, Volodymyr Zelensky: support, summit, coalition"."""
    top = story.top_entities()
    # Two keys may carry one name (the model tags a town it does not know as a person in one
    # article and as a place in another: per:val-sorel, loc:val-sorel); the label shows it once.
    shown: dict[str, str] = {}
    for key in top:
        shown.setdefault(story.entities[key]["name"].casefold(), story.entities[key]["name"])
    names = list(shown.values())[:LABEL_ENTITIES]
    # Keywords say what the story is about beyond its actors, so no word of any main entity's
    # name is one, shown in the label or not ("volodymyr, zelensky" after "Ukraine, Russia").
    name_words = {word for key in top for word in re.findall(r"\w+", story.entities[key]["name"].casefold())}
    words = [word for word, _ in sorted(story.keywords.items(), key=lambda item: (-item[1], item[0]))
             if word not in name_words][:LABEL_KEYWORDS]
    return f"{', '.join(names)}: {', '.join(words)}" if names else ", ".join(words) or "untitled story"
