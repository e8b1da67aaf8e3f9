"""``boilerplate_leak``: site furniture left inside the main text.

The extractor cuts whole lines that read as furniture (``extract/boilerplate.py``). What
it cannot cut is furniture *inside* a line: a "Read also" link glued to the next sentence
("Read alsoTroops in…"), an app prompt glued to the first words of the article
("Download the X applicationLe président…"), a "Subscribe" sentence in the middle of a
paragraph. This detector cuts each line into sentences and at glue points (a lower-case
letter or a full stop followed, without a space, by a capitalised word) and asks the same
phrase rules as the extractor about every piece, so one list of furniture phrases serves
both stages.
"""

from __future__ import annotations

import re

from newsweave.assess.evidence import trim_spaces
from newsweave.assess.textual import sentences
from newsweave.extract.boilerplate import AGENCY_CREDIT, furniture_reason
from newsweave.model import Article, Flag, Severity
from newsweave.assess.settings import SETTINGS

KIND = "boilerplate_leak"
SEVERITY: Severity = "warning"
# Where two pieces of text were glued without a space: "applicationLe", "allies.Read".
_GLUE = re.compile(r"(?<=[a-zà-ÿ0-9.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])")
# A web address written in camel case ("ExpressNews.com", "YouTube.com/…"): one word, no glue point
# inside it, else the evidence would end mid-word.
_ADDRESS = re.compile(r"[\w.-]*\w\.[a-z]{2,}\b")
# Evidence must hold a word, not a lone "-" or "AFP)".
_WORD = re.compile(r"\w{2,}")
# A dateline opens a line: a place in capitals or title case, maybe a date, maybe an agency
# in brackets, then a dash: "VAL-SOREL, 3 mars 2025 –", "Val-Sorel (AFP) –", "LONDON (Reuters) -".
_DATELINE = re.compile(r"^[ \t]*[A-ZÀ-Ý][\w'’.\- ]{1,40}?(?:,[ \t]*[\w .]{1,30}?)?[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*[–—-](?=\s)",
                       re.MULTILINE)
READABLE_REASON = {
    "read_also": "a “read also” link",
    "subscription_prompt": "a subscription prompt",
    "app_prompt": "an app prompt",
    "site_prompt": "a prompt to use the site's own services",
    "cookie_notice": "a cookie notice",
    "share_buttons": "share buttons",
    "agency_credit": "an agency credit",
}


def detect_boilerplate_leak(article: Article) -> list[Flag]:
    """One flag listing every piece of furniture found inside the text, or none."""
    found = furniture_pieces(article)
    if not found:
        return []
    reasons = sorted({READABLE_REASON.get(reason, reason.replace("_", " ")) for _, _, reason in found})
    message = f"Site furniture ({', '.join(reasons)}) was left inside the article text."
    return [Flag(KIND, SEVERITY, message, [article.span(start, end) for start, end, _ in found], SETTINGS.leak_confidence)]


def furniture_pieces(article: Article) -> list[tuple[int, int, str]]:
    """``(start, end, reason)`` of each piece of furniture inside the text (cached)."""
    cached = article.work.memo.get("trust_furniture")
    if cached is not None:
        return cached
    found: list[tuple[int, int, str]] = []
    datelines = _datelines(article.text)
    for sentence in sentences(article):
        for start, end in _pieces(article.text, sentence.start, sentence.end):
            if not _WORD.search(article.text[start:end]) or _overlaps_found(datelines, start, end):
                continue  # a lone dash is no evidence; a dateline is part of the article
            reason = furniture_reason(article.text[start:end])
            if reason == AGENCY_CREDIT and not article.text[end:].strip():
                continue  # "(afp)" signing off the text is its byline, as a dateline opens it
            if reason and not _overlaps_found(found, start, end):
                found.append((start, end, reason))
    article.work.memo["trust_furniture"] = found
    return found


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts between glue points (smallest evidence first), then the whole sentence."""
    cuts = [start] + [start + m.start() for m in _GLUE.finditer(text[start:end])
                      if m.start() > 0 and not _in_address(text, start + m.start())] + [end]
    pieces = [trim_spaces(text, a, b) for a, b in zip(cuts, cuts[1:], strict=False)] if len(cuts) > 2 else []
    pieces.append((start, end))
    return [(a, b) for a, b in pieces if b > a]


def _in_address(text: str, at: int) -> bool:
    """The glue point at ``at`` lies inside a web address (the run of non-space characters around it)."""
    token_start = at
    while token_start > 0 and not text[token_start - 1].isspace():
        token_start -= 1
    return bool(_ADDRESS.match(text, token_start))


def _datelines(text: str) -> list[tuple[int, int, str]]:
    return [(match.start(), match.end(), "dateline") for match in _DATELINE.finditer(text)]


def _overlaps_found(found: list[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in found)
