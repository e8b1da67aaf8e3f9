"""Answers of a printed interview: a line that a label opens after a question line is the interviewee's quote.

An interview printed as questions and answers carries no quote marks: the answer line opens with a
label the language uses ("A: ", ``answer_labels``) or with the interviewee's own name ("Marquardt: ",
``name_answer_labels``), and the line before it asks a question (it ends with "?"). A labelled answer
speaks for the person named by its label; an "A: " answer for the last person the text named before
the interview's first question (a press conference's spokesperson, a portrait's subject). A label line
after no question (a caption, a dateline, a list item) is no answer.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from newsweave.annotate.speakers import PERSON_LABELS
from newsweave.model import Article
from newsweave.textnorm import line_spans

# a capitalised name of one to three words, then a colon, opening a line
NAME_LABEL = re.compile(r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+){0,2}):[^\S\n]+(?=\S)")
BODY_LABELS = frozenset({"ORG"})


@dataclass(frozen=True)
class Answer:
    start: int
    end: int
    speaker: tuple[int, int] | None  # the span of the name that speaks, None where the text names no one


def _asks(text: str, line: tuple[int, int]) -> bool:
    return text[line[1] - 1] in "?？"


def _people(article: Article, labels: AbstractSet[str] = PERSON_LABELS) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in article.entities or () if e.label in labels]


def _named_person(text: str, name: tuple[int, int], people: list[tuple[int, int]], has_entities: bool) -> bool:
    """A label names a person the text named before it: by the entities where they were annotated (the label
    is one, or its last word ends one), else by its last word standing earlier in the text."""
    last = text[name[0]:name[1]].split()[-1]
    if has_entities:
        return any(s < name[1] and e > name[0] for s, e in people) or \
            any(e <= name[0] and text[s:e].split()[-1:] == [last] for s, e in people)
    return re.search(rf"\b{re.escape(last)}\b", text[:name[0]]) is not None


def _interviewee(people: list[tuple[int, int]], bodies: list[tuple[int, int]], before: int) -> tuple[int, int] | None:
    """The last person named before the first question; where none is, the last body (a briefing's
    "Foreign Ministry Spokesperson …", which the entities stage may read as one)."""
    for named in ([span for span in people if span[1] <= before], [span for span in bodies if span[1] <= before]):
        if named:
            return named[-1]
    return None


def interview_answers(article: Article, labels: re.Pattern[str] | None, name_labels: bool) -> list[Answer]:
    """Each answer line after a question line, with its speaker's span."""
    if labels is None and not name_labels:
        return []
    text = article.text
    people, bodies = _people(article), _people(article, BODY_LABELS)
    lines = line_spans(text)
    answers: list[Answer] = []
    first_question: int | None = None
    for previous, line in zip(lines, lines[1:]):
        if not _asks(text, previous):
            continue
        label = labels.match(text, line[0], line[1]) if labels else None
        named = NAME_LABEL.match(text, line[0], line[1]) if name_labels and not label else None
        if named and not _named_person(text, named.span("name"), people, bool(article.entities)):
            named = None
        opened = label or named
        if opened is None:
            continue
        # the interviewee is named before the interview's first question, not inside the answers
        first_question = previous[0] if first_question is None else first_question
        speaker = named.span("name") if named else _interviewee(people, bodies, first_question)
        answers.append(Answer(opened.end(), line[1], speaker))
    return answers

