"""Tell site furniture from article text, one line at a time.

Two signals, both language-independent in code:

* **phrases**: each language's ``lang/<xx>/boilerplate.toml`` lists patterns for
  "Read also" links, subscription and app prompts, cookie and share lines, agency credits;
* **the trailer**: news articles end with an agency credit ("With AFP", "Avec Reuters").
  Short lines after such a credit are the site's footer, whatever words they use;
* **the lead-in question**: a short question that opens a line of furniture ("Not a member?
  Sign up", « Vous avez aimé cet article ? Abonnez-vous … ») is the site asking its reader,
  part of the prompt, whatever words it uses.

Furniture also sits glued at the end of an article line ("… said. Sign up for our
newsletter", "… erklärte er.Mehr zum Thema - …"): :func:`furniture_tail` finds such a tail
where a sentence ends or two pieces were glued without a space, and asks the same phrase rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsweave import lang
from newsweave.extract.settings import SETTINGS

AGENCY_CREDIT = "agency_credit"


@dataclass(frozen=True)
class Rule:
    reason: str
    max_words: int
    pattern: re.Pattern[str]


@cache
def rules() -> tuple[Rule, ...]:
    compiled = []
    for table in lang.load_all("boilerplate").values():
        for rule in table.get("rule", []):
            for pattern in rule["patterns"]:
                compiled.append(Rule(rule["reason"], int(rule.get("max_words", 20)), re.compile(pattern, re.I)))
    return tuple(compiled)


def word_count(line: str) -> int:
    return len(re.findall(r"\w+", line))


def furniture_reason(line: str, opening: bool = False) -> str | None:
    """Why this line is site furniture, or None when it reads as article text.

    With ``opening``, the furniture must open the line: a tail cut from an article line starts
    where the furniture starts, never inside a sentence that only mentions a newsletter."""
    # Runs of spaces and no-break spaces ("Read\u00a0also") read as one space, so that the
    # phrase patterns can be written with plain single spaces.
    stripped = " ".join(line.split())
    if not stripped:
        return None
    words = word_count(stripped)
    for rule in rules():
        if words > rule.max_words:
            continue  # the length rules a line out before any pattern is tried: most lines are long
        found = rule.pattern.match(stripped) if opening else rule.pattern.search(stripped)
        if found:
            return rule.reason
    return None if opening else _after_lead_question(stripped)


# One question and nothing before it: no other sentence ends inside.
_LEAD_QUESTION = re.compile(r"[^.!?…]+\?\s*")


def _after_lead_question(line: str) -> str | None:
    """The reason of the furniture that a short question of the site's leads into ("Want more
    news? Sign up for our newsletter."), or None. The phrase rules know the prompt, not the
    question before it, which sites word freely."""
    if "?" not in line:
        return None
    lead = _LEAD_QUESTION.match(line)
    if lead is None or not _HEAD_WORD.search(line, lead.end()) or word_count(lead.group()) > SETTINGS.lead_question_max_words:
        return None  # a lone mark after the question ("… ? *") is no prompt
    return furniture_reason(line[lead.end() :], opening=True)


# Where a line may hold a second piece: after a sentence's end and its spaces, or where two
# pieces were glued without a space ("erklärte er.Mehr zum Thema", "said.Share on Facebook").
_TAIL_START = re.compile(
    r"(?<=[.!?…\"”»)])\s+(?=\S)"
    r"|(?<=[a-zà-ÿ0-9.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])"
    r"|(?<=[.!?])(?=[©(])"
)
# The kept head must still read as text: a word, not a lone mark or a dateline's dash.
_HEAD_WORD = re.compile(r"\w{2,}")


def furniture_tail(line: str) -> tuple[int, str] | None:
    """``(start, reason)`` of the longest furniture piece ending ``line`` after article text,
    or None. A whole furniture line is :func:`furniture_reason`'s business, not this one's, and
    so is one whose text before the tail is only the prompt's lead-in question."""
    if _after_lead_question(" ".join(line.split())) is not None:
        return None
    for match in _TAIL_START.finditer(line):
        start = match.end()
        if not _HEAD_WORD.search(line, start) or not _HEAD_WORD.search(line, 0, match.start() or start):
            continue  # a lone mark is no furniture; a line must keep a word of text
        reason = furniture_reason(line[start:], opening=True)
        if reason is not None:
            return start, reason
    return None


def classify_lines(lines: list[str]) -> list[str | None]:
    """A removal reason (or None to keep) for each line of an article, in order."""
    reasons = [furniture_reason(line) for line in lines]
    credit = _last_index(reasons, AGENCY_CREDIT)
    if credit is not None and _all_short(lines[credit + 1 :]):
        for index in range(credit + 1, len(lines)):
            if lines[index].strip() and reasons[index] is None:
                reasons[index] = "footer_after_credit"
    return reasons


def _last_index(reasons: list[str | None], wanted: str) -> int | None:
    for index in range(len(reasons) - 1, -1, -1):
        if reasons[index] == wanted:
            return index
    return None


def _all_short(lines: list[str]) -> bool:
    return all(word_count(line) <= SETTINGS.trailer_max_words for line in lines)
