"""The article trust summary: what was found, counted by kind, in plain words.

No single score: a number such as "trust 62/100" hides which problem it counts and invites
readers to compare unlike things. The summary lists the flags by kind and severity, with a
short sentence per kind that says what a reader should check, and says what was checked
and found clean, so "no flag" reads as a result rather than as silence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from newsweave.model import Article, Flag

# What each kind means for the reader, singular and plural, in the order a reader should
# look at them (the problems that change what the article says first).
EXPLAIN: dict[str, tuple[str, str]] = {
    "date_inconsistent": ("a date or weekday cannot be true", "{n} dates or weekdays cannot be true"),
    "unsourced_quote": ("a quote has no identifiable speaker", "{n} quotes have no identifiable speaker"),
    "uncorroborated_quote": (
        "a quote appears in no other article of its story",
        "{n} quotes appear in no other article of their story",
    ),
    "undisclosed_promotion": (
        "a brand is promoted without disclosure",
        "{n} brands are promoted without disclosure",
    ),
    "machine_translation": ("the text reads as a machine translation", "the text reads as a machine translation"),
    "boilerplate_leak": ("site furniture was left in the text", "site furniture was left in the text"),
    "generic_filler": ("passages of vague filler state nothing checkable", "passages of vague filler state nothing checkable"),
}
SEVERITY_ORDER = ("error", "warning", "info")


@dataclass(frozen=True)
class TrustSummary:
    """Counts by kind and by severity, and one sentence per kind found."""

    counts: dict[str, int] = field(default_factory=dict)
    severities: dict[str, int] = field(default_factory=dict)
    explanations: list[str] = field(default_factory=list)
    checked_clean: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def headline(self) -> str:
        if not self.total:
            return "No trust problem found."
        parts = [f"{self.severities[level]} {level}" for level in SEVERITY_ORDER if self.severities.get(level)]
        return f"{self.total} flag{'s' if self.total != 1 else ''}: {', '.join(parts)}."

    def to_json(self) -> dict:
        return {
            "counts": self.counts,
            "severities": self.severities,
            "headline": self.headline,
            "explanations": self.explanations,
            "checked_clean": self.checked_clean,
        }


def summarize(flags: list[Flag]) -> TrustSummary:
    """The trust summary of a list of flags (an article's, or a story's)."""
    counts = Counter(flag.kind for flag in flags)
    severities = Counter(flag.severity for flag in flags)
    ordered = [kind for kind in EXPLAIN if kind in counts] + sorted(kind for kind in counts if kind not in EXPLAIN)
    explanations = [_explain(kind, counts[kind]) for kind in ordered]
    clean = [kind.replace("_", " ") for kind in EXPLAIN if kind not in counts]
    return TrustSummary(dict((kind, counts[kind]) for kind in ordered), {str(key): value for key, value in severities.items()}, explanations, clean)


def trust_summary(article: Article) -> TrustSummary:
    return summarize(article.flags)


def _explain(kind: str, count: int) -> str:
    singular, plural = EXPLAIN.get(kind, (kind.replace("_", " "), f"{{n}} × {kind.replace('_', ' ')}"))
    sentence = singular if count == 1 else plural.format(n=count)
    return sentence[0].upper() + sentence[1:] + "."
