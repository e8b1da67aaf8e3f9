"""Tell site furniture from article text, one line at a time.

Two signals, both language-independent in code:

* **phrases**: each language's ``lang/<xx>/boilerplate.toml`` lists patterns for
  "Read also" links, subscription and app prompts, cookie and share lines, agency credits;
* **the trailer**: news articles end with an agency credit ("With AFP", "Avec Reuters").
  Short lines after such a credit are the site's footer, whatever words they use.
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


def furniture_reason(line: str) -> str | None:
    """Why this line is site furniture, or None when it reads as article text."""
    # Runs of spaces and no-break spaces ("Read\u00a0also") read as one space, so that the
    # phrase patterns can be written with plain single spaces.
    stripped = " ".join(line.split())
    if not stripped:
        return None
    words = word_count(stripped)
    for rule in rules():
        if words <= rule.max_words and rule.pattern.search(stripped):
            return rule.reason
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
