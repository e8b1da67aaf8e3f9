"""Speakers carried to quotes that no attribution beside them names, from the speech around them.

Two conventions of news copy, each switched on per language in ``lang/<iso>/quotes.toml``:

* **Reported speech goes on** (``reported_speech_verbs``): after an attributed quote („…“, sagte Vogt.)
  the writer goes on reporting the speaker's words in the mood of reported speech, German's Konjunktiv I
  („Er sei …“, „Es gebe …“), with no new attribution; a quote that follows such sentences is the same
  speaker's. A sentence of the writer's in another mood between them ends the chain: the words after it
  may be anyone's; a sentence with no finite verb at all („Auf Augenhöhe und ohne Vorbedingungen.“,
  ``verbless_sentences_report``) goes on with the report it stands in.
* **Interview answers** (``interview_answers``): a quote that is a paragraph of its own, right after a
  paragraph of the writer's that asks a question („Warum bauen Sie …?“), answers it; the interviewee
  speaks it, whom the answers before it name („Brandauer: „…““), else the speaker named last before it.

* **Captions** (``caption_speakers``): a quoted sentence followed on its line by a name and, after its
  comma, a short description with no verb up to the line's end or the next quote („„…“ Jonas Brenner,
  Werft Brenner, Kleinhafen“), as a caption or a box of voices prints it, is that name's.

Run by :func:`newsweave.annotate.quotes.find_quotes` after every other rule, on the quotes none gave a
speaker.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from newsweave import lang
from newsweave.annotate.quote_rules import UPPER
from newsweave.annotate.word_sets import inflected_verb
from newsweave.lang import rule_alternation as alternation

if TYPE_CHECKING:
    from newsweave.annotate.quotes import Attribution, Quote

# quote marks of every language the quote files list: what lies between them is the speaker's, not the writer's
QUOTE_MARKS = "„“”«»\"‚‘’‹›"
# the end of a sentence, or of a paragraph
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”“»«’]?\s+|\n+")
# how far back the chain of reported speech may reach (characters), and over how many paragraph breaks
REPORTED_REACH = 700
REPORTED_PARAGRAPHS = 2
# a question paragraph of the writer's is short
QUESTION_LENGTH = 300
# a first paragraph shorter than this is a title: the lead goes on in the next one
LEAD_LENGTH = 80


@cache
def _reported_speech(language: str) -> re.Pattern[str] | None:
    """The verb forms of reported speech in ``language`` (``reported_speech_verbs``), lower case as
    written inside a sentence; none where the file lists none. A form right beside a first-person
    pronoun is the writer's own indicative („ich habe“, „habe ich“), no report."""
    data = lang.load(language, "quotes")
    verbs = data.get("reported_speech_verbs", [])
    if not verbs:
        return None
    first = data.get("first_person", [])
    # (one look-behind per pronoun: Python's look-behinds are of fixed width)
    beside = "".join(rf"(?<!\b{re.escape(word)}\s)" for word in first)
    after = rf"(?!\s+(?:{alternation(first)})\b)" if first else ""
    return re.compile(rf"{beside}\b(?:{alternation(verbs)})\b{after}", re.I)


@cache
def _verbless_endings(language: str) -> tuple[str, ...]:
    """The infinitive endings by which a sentence's finite verb is recognised (``infinitive_endings``),
    where the language lets a verbless sentence go on with a report (``verbless_sentences_report``);
    () where it does not."""
    data = lang.load(language, "quotes")
    return tuple(data.get("infinitive_endings", ())) if data.get("verbless_sentences_report") else ()


def _verbless(sentence: str, language: str, endings: tuple[str, ...]) -> bool:
    """Whether no word of the sentence is a form the lexicon leads back to a verb (``endings``: „ist“ →
    „sein“, „vermisse“ → „vermissen“): a phrase that goes on with the sentence before it, no clause of
    the writer's. (An infinitive, „zu suchen“, is its own lemma and no finite verb.)"""
    words = re.findall(r"\w+", sentence)
    return bool(words) and not any(inflected_verb(word.lower() if index == 0 else word, language, endings)
                                   for index, word in enumerate(words) if index == 0 or word[:1].islower())


def _interviews(language: str) -> bool:
    return bool(lang.load(language, "quotes").get("interview_answers"))


def _captions(language: str) -> bool:
    return bool(lang.load(language, "quotes").get("caption_speakers"))


# after a quote's closing mark: a name of two to four capitalised words, its comma, a description with no
# sentence or quote mark, then the line's end or the next quote's opening mark
CAPTION = re.compile(rf"[ \t]+(?P<name>(?:[{UPPER}][\w'’.-]*[ \t]+){{1,3}}[{UPPER}][\w'’-]*),[ \t]+"
                     rf"[^.!?\n{QUOTE_MARKS}]{{2,120}}?(?=[ \t]*(?:\n|$|[„\"«»]))")


def carry_speakers(text: str, quotes: list[Quote], language: str) -> None:
    """Give the direct quotes that have no speaker the speaker that a caption, reported speech or an
    interview carries to them, in text order (a quote given one passes it on)."""
    reported = _reported_speech(language)
    interviews, captions = _interviews(language), _captions(language)
    if reported is None and not interviews and not captions:
        return
    ordered = sorted(quotes, key=lambda q: q.start)
    for index, quote in enumerate(ordered):
        if not quote.direct or "piece" not in quote.extras:
            continue
        earlier = ordered[:index]
        if interviews and _asked_in_question(text, quote):
            quote.attribution = None  # the question's words name no one who answers it
        if quote.attribution is not None:
            continue
        quote.attribution = ((_caption_speaker(text, quote) if captions else None)
                             or (_reported_speaker(text, quote, earlier, reported, language) if reported is not None else None)
                             or (_interviewee(text, quote, earlier) if interviews else None))


def _reported_speaker(text: str, quote: Quote, earlier: list[Quote], reported: re.Pattern[str],
                      language: str) -> Attribution | None:
    """The speaker of the last attributed quote before ``quote`` where every sentence of the writer's
    between them reports speech (``reported``) or, where the language allows it, holds no finite verb,
    one at least reporting; where none lies between, the attributed sentence itself must („„…“, sei eine
    Lockerung denkbar, so Brenner. „…““)."""
    opening = quote.extras["piece"].open_at
    source = next((q for q in reversed(earlier) if q.attribution is not None and q.end <= opening), None)
    if source is None or source.attribution is None or source.attribution.speaker_end > opening:
        return None
    gap_start = _sentence_end(text, max(_closing(source), source.attribution.speaker_end), opening)
    if opening - gap_start > REPORTED_REACH or text.count("\n", gap_start, opening) > REPORTED_PARAGRAPHS:
        return None
    sentences = _sentences(_writer_text(text, gap_start, opening, earlier))
    if not sentences:
        sentences = _sentences(_writer_text(text, _sentence_start(text, source.start), gap_start, earlier + [source]))[-1:]
    reporting = [bool(reported.search(sentence)) for sentence in sentences]
    endings = _verbless_endings(language)
    if any(reporting) and all(says or (endings and _verbless(sentence, language, endings))
                              for says, sentence in zip(reporting, sentences)):
        return source.attribution
    return None


def _caption_speaker(text: str, quote: Quote) -> Attribution | None:
    """The name a caption line puts after a quoted sentence that opens its own sentence."""
    from newsweave.annotate.quotes import Attribution  # (quotes imports this module: read at call time)

    piece = quote.extras["piece"]
    before = text[text.rfind("\n", 0, piece.open_at) + 1:piece.open_at].rstrip()
    if before and before[-1] not in ".!?…:":
        return None
    match = CAPTION.match(text, piece.close_at + 1)
    return Attribution(match.start("name"), match.end("name"), None, "name") if match else None


def _interviewee(text: str, quote: Quote, earlier: list[Quote]) -> Attribution | None:
    """The speaker of an answer: a quote that opens its paragraph right after a question paragraph
    of the writer's. The interviewee is the speaker of the last earlier answer that has one, else of
    the last attributed quote."""
    if not _answers_question(text, quote):
        return None
    attributed = [q for q in earlier if q.attribution is not None and q.attribution.speaker_end <= quote.start]
    answers = [q for q in attributed if "piece" in q.extras and _answers_question(text, q)]
    chosen = (answers or attributed)[-1:]
    return _named_in_lead(text, chosen[0].attribution) if chosen and chosen[0].attribution else None


def _named_in_lead(text: str, attribution: Attribution) -> Attribution:
    """The interviewee as the lead names them: where the article's first paragraphs write the speaker's
    words („Brandauer“), the name there with the capitalised words around it („Tilo Brandauer“), which the
    entities stage knows best; else the attribution as it is."""
    from newsweave.annotate.quotes import Attribution  # (quotes imports this module: read at call time)

    words = text[attribution.speaker_start:attribution.speaker_end]
    lead_end = _lead_end(text)
    name = rf"[{UPPER}][\w'’-]*"
    match = re.search(rf"(?<![\w-])(?:{name}\s+)*{re.escape(words)}(?:\s+{name})*(?![\w-])", text[:lead_end]) if words else None
    if match is None or match.start() >= attribution.speaker_start:
        return attribution
    return Attribution(match.start(), match.end(), attribution.cue, "name")


def _lead_end(text: str) -> int:
    """The end of the article's lead: its first paragraph, with the next where the first is a short title."""
    end = text.find("\n")
    if 0 <= end < LEAD_LENGTH:
        following = text.find("\n", end + 1)
        end = following if following >= 0 else len(text)
    return len(text) if end < 0 else end


def _answers_question(text: str, quote: Quote) -> bool:
    """The quote opens its paragraph („…“ or „Name: „…““) and the paragraph before is a question of
    the writer's: short, no quote mark, ending on a question mark."""
    return _question_before(text, quote) is not None


def _asked_in_question(text: str, quote: Quote) -> bool:
    """An answer whose speaker was read inside the question before it („Wussten Sie, dass es andere
    Werften gab?“ gives „Werften“ by the cue-shaped „gab“): the question asks, it does not attribute."""
    span = _question_before(text, quote)
    attribution = quote.attribution
    return span is not None and attribution is not None and span[0] <= attribution.speaker_start < span[1]


def _question_before(text: str, quote: Quote) -> tuple[int, int] | None:
    """The question paragraph right before a quote that opens its paragraph, if there is one."""
    opening = quote.extras["piece"].open_at
    line_start = text.rfind("\n", 0, opening) + 1
    lead = text[line_start:opening].strip()
    if lead and not re.fullmatch(r"[^\s:]+(?:\s[^\s:]+)?:", lead):
        return None
    end = len(text[:line_start].rstrip())
    start = text.rfind("\n", 0, end) + 1
    question = text[start:end].strip()
    if (question.endswith("?") and len(question) <= QUESTION_LENGTH
            and not any(mark in question for mark in QUOTE_MARKS)):
        return start, end
    return None


def _closing(quote: Quote) -> int:
    """Where the quote's words end on the page: after its closing mark, or its own end (reported speech)."""
    piece = quote.extras.get("piece")
    return piece.close_at + 1 if piece is not None else quote.end


def _sentence_end(text: str, at: int, limit: int) -> int:
    """The end of the sentence that goes on at ``at`` (the start of the next one), at most ``limit``."""
    match = SENTENCE_BREAK.search(text, at, limit)
    return match.end() if match else limit


def _sentence_start(text: str, at: int) -> int:
    """The start of the sentence that holds ``at``."""
    starts = [m.end() for m in SENTENCE_BREAK.finditer(text, max(0, at - REPORTED_REACH), at)]
    return starts[-1] if starts else max(0, at - REPORTED_REACH)


def _writer_text(text: str, start: int, end: int, quotes: list[Quote]) -> str:
    """``text[start:end]`` with the words inside other quotes' marks blanked to one neutral word each, so
    that a verb said inside a quote counts for no sentence of the writer's."""
    chars = list(text[start:end])
    for quote in quotes:
        piece = quote.extras.get("piece")
        if piece is None or piece.close_at < start or piece.open_at >= end:
            continue
        first, last = max(piece.open_at, start) - start, min(piece.close_at + 1, end) - start
        chars[first:last] = ["x"] * (last - first)
    return "".join(chars)


def _sentences(segment: str) -> list[str]:
    return [sentence for sentence in SENTENCE_BREAK.split(segment) if sentence.strip()]
