"""Mentions placed by hand in an invented text, as the model would tag them, for tests of the
rules that relabel them (annotate/age_names.py, neuter_names.py, team_names.py, given_names.py)."""

from __future__ import annotations

from collections.abc import Callable

from newsweave.annotate.canonical import Mention


def placed(text: str, found: list[tuple[str, str]]) -> list[Mention]:
    """One mention per (words, label), each found after the previous one."""
    mentions: list[Mention] = []
    for words, label in found:
        start = text.index(words, mentions[-1].end if mentions else 0)
        mentions.append(Mention(start, start + len(words), words, label))
    return mentions


def labelled(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(mention.text, mention.label) for mention in mentions]


def relabelled(rule: Callable[[list[Mention], str, str], None], text: str, language: str,
               found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (words, label) pairs after ``rule(mentions, text, language)`` ran on the placed mentions."""
    mentions = placed(text, found)
    rule(mentions, text, language)
    return labelled(mentions)
