"""Detector ``unsourced_quote``: a quotation of speech with no attribution anywhere near it.

Quotations come from two places: the quotes annotator (``annotate/quotes.py``, which knows
the speakers of its languages) and the text's own quotation marks (any language), kept
when they hold speech (``SETTINGS.unsourced_min_words`` words or more). A quote is sourced when the discourse
around it says who spoke:

* in its own sentence, or the next one of its paragraph (or a signature line "– Ann O."):
  an attribution cue (``[source] cues`` of ``lang/<iso>/trust.toml``: "said", « selon »,
  "sagte", "dijo"…), a named person or organisation, or a speaker the annotator found there;
* in the sentence before, also across a paragraph break (news copy lets a quote paragraph
  continue the speaker just named): a cue *and* a name, or the annotator's speaker. A lead
  paragraph of one sentence lends its speaker only to a quote in the first person
  (``[quotes] first_person``: "I", "we", « nous », „wir“), and only where paragraphs are
  longer (in copy set one sentence a line every report is such a paragraph). A
  survey or a report named before a quote does not say who spoke it;
* earlier in its paragraph, for a quote in the first person: the person the paragraph last
  reported with a cue;
  Not across a break when the quote's own paragraph goes on in the writer's words;
* elsewhere, for a repeated quote (a pull quote, a teaser): the quote it repeats.

A colon lead-in that names no one („Die Lage ließ sich kurz beschreiben:“) is no speaker,
whatever verb it holds, unless an attribution cue, a pronoun or a role comes with it.

Pieces of one utterance (same ``quote_id``) are one quote: attributed if any piece is.
"""

from __future__ import annotations

import re

from newsweave.annotate.given_names import given_names
from newsweave.annotate.quote_rules import rules
from newsweave.assess.textual import find_patterns, mentions, patterns, quoted_spans
from newsweave.extract.boilerplate import furniture_reason
from newsweave.model import Article, Flag, Quote
from newsweave.assess.settings import SETTINGS

KIND = "unsourced_quote"
PERSON_LABELS = frozenset({"PERSON", "PER"})
# Where a sentence ends: end punctuation (a closing quotation mark may follow) and a space.
_SENTENCE_END = re.compile(r"[.!?…][\"”»“]?(?=\s)|\n")
# A comma at the quote's end, then a word in lower case: the incise that names the speaker
# in every language of news copy ("…,” he said; „…“, sagte sie; «…», reprochó; « … », a-t-il
# dit). The speech verb varies more than any cue list holds; the shape does not.
# Slavic and some French copy sets the incise off with a dash instead: „…” – powiedział; « … » – a-t-il dit.
_INCISE_AFTER = re.compile(r"[ \u00a0]?(?:,[ \u00a0]+|[ \u00a0]?[–—][ \u00a0]+)(?=[^\W\d_])(?P<first>\w)")
# A credit in brackets right after the quote: « … » (Commissaire de la CENI); "…" (Ann Lee, mayor).
_CREDIT_AFTER = re.compile(r"[ \u00a0]*\((?P<credit>[^()\n]{2,80})\)")
_CLOSING = "\"”»“«’'\u00a0 "
# A quotation mark that closes a sentence of speech (after end punctuation or the comma before
# an incise), not a title or a scare quote (a mark right after a word).
_SPEECH_CLOSES = re.compile(r"[.,!?…][ \u00a0]?[\"”»“]")
# Two capitalised words in a row: a given name and the name after it.
_NAME_PAIR = re.compile(r"([^\W\d_][\w'’-]*)[ \u00a0]+(?P<next>[^\W\d_])")


def unsourced_quote_flags(article: Article) -> list[Flag]:
    flags = []
    unsourced = [(start, end) for start, end in _unattributed_candidates(article)
                 if not _attributed_nearby(article, start, end)]
    for start, end in unsourced:
        if _repeats_sourced_quote(article, start, end, unsourced):
            continue
        words = len(article.text[start:end].split())
        flags.append(Flag(KIND, "warning", f"A quote of {words} words has no speaker or source named anywhere near it.",
                          [article.span(start, end)], SETTINGS.unsourced_confidence))
    return flags


def _unattributed_candidates(article: Article) -> list[tuple[int, int]]:
    """Quotes of speech that the annotator gave no speaker close by, and marked quotes it missed.

    The annotator carries a speaker over from an earlier paragraph to a quote that stands
    alone; that speaker counts here only when named within the quote's discourse window."""
    nearby = [_speaker_nearby(article, q) for q in article.quotes]
    attributed = [q for q, near in zip(article.quotes, nearby) if q.quote_id is not None
                  and (near or _cued_to_a_known_speaker(article, q))]
    sourced = [(q.start, q.end) for q, near in zip(article.quotes, nearby)
               if near or any(_same_utterance(article, q, other) for other in attributed)]
    found: list[tuple[int, int]] = []
    annotated = [(q.start, q.end) for q in article.quotes if q.direct]
    # Quotation marks alone are read only where the language's attribution cues are known:
    # without them every quote would look unsourced.
    marked = [span for span in quoted_spans(article) if _reads_as_speech(article.text, *span)] \
        if patterns(article, "source", "cues") else []
    for start, end in annotated + marked:  # the annotator's spans (words only) before the marked ones
        if len(re.findall(r"\w+", article.text[start:end])) < SETTINGS.unsourced_min_words:
            continue
        if any(s < end and start < e for s, e in sourced + found) or _after_furniture(article.text, start):
            continue
        found.append((start, end))
    return sorted(found)


def _cued_to_a_known_speaker(article: Article, quote: Quote) -> bool:
    """A quote with a cue right by it whose speaker the annotator knew though no span names it there
    («…», explica.: the subject the verb drops is the person named before): attributed, so the pieces
    of the same utterance after it in its paragraph («…», explica. «…») are too."""
    return quote.speaker is None and bool(quote.cue and quote.speaker_entity_id) \
        and _attributed_nearby(article, quote.start, quote.end)


def _same_utterance(article: Article, piece: Quote, sourced: Quote) -> bool:
    """``piece`` goes on with the attributed quote ``sourced`` (the annotator's same ``quote_id``).

    Within a paragraph the annotator's joining stands. A piece alone in a later paragraph
    that then goes on in the writer's words (“…” The square emptied at nightfall.) is no
    speaker going on, whatever the annotator joined: a speaker going on fills the paragraph
    with speech (the rule of ``_carries_over``)."""
    if piece.quote_id != sourced.quote_id:
        return False
    text = article.text
    if "\n" not in text[min(piece.start, sourced.start) : max(piece.start, sourced.start)]:
        return True
    return piece.start < sourced.start or not _narration_follows(article, piece.end)


def _repeats_sourced_quote(article: Article, start: int, end: int, unsourced: list[tuple[int, int]]) -> bool:
    """The quote's words stand in another quotation of the article whose speaker is named.

    Pages repeat a quote (a pull quote, a teaser, a second version of the same line): the
    repeat has no attribution of its own, but the article says who spoke it. Shared words
    are a run of ``SETTINGS.unsourced_repeat_words`` in a row, so that a stock phrase alone
    ("in the coming weeks") does not join two quotes."""
    size = SETTINGS.unsourced_repeat_words
    runs = _word_runs(article.text[start:end], size)
    if not runs:
        return False
    text = article.text
    others = [(q.start, q.end) for q in article.quotes if q.direct]
    others += [span for span in quoted_spans(article) if _reads_as_speech(text, *span)]
    for other_start, other_end in others:
        if other_start < end and start < other_end:
            continue  # the quote itself
        if any(s < other_end and other_start < e for s, e in unsourced):
            continue  # no better sourced than this one
        if runs & _word_runs(text[other_start:other_end], size):
            return True
    return False


def _word_runs(text: str, size: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.casefold())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _reads_as_speech(text: str, start: int, end: int) -> bool:
    """Marked words that read as a quoted utterance, not a title, a term or a stray mark.

    Speech is a whole sentence or more: it opens with a capital letter and closes with end
    punctuation (inside the marks, or right after them, or a comma before the attribution),
    and holds ``SETTINGS.unsourced_min_speech_words`` words. A title („Rahmenkonzept für …“) ends without it;
    a typewriter mark (") must open after a space or a line start and close before one."""
    inner = text[start + 1 : end - 1].strip()
    if len(re.findall(r"\w+", inner)) < SETTINGS.unsourced_min_speech_words or not inner[:1].isupper():
        return False

    closing = inner[-1:] in ".!?…" or text[end : end + 1] in (".", ",", "!", "?")
    if text[start] == '"' and not ((start == 0 or text[start - 1].isspace() or text[start - 1] in ":—–-(")
                                   and (end == len(text) or not text[end].isalnum())):
        return False
    return closing


def _speaker_nearby(article: Article, quote: Quote) -> bool:
    speaker = quote.speaker
    if speaker is None:
        return False
    window_start, window_end = _discourse_window(article.text, quote.start, quote.end)
    if _carries_over(article, window_start, (quote.start, quote.end)):
        window_start = _sentence_start(article.text, len(article.text[:window_start].rstrip()))  # the speaker just named may go on
    if not window_start <= speaker.start < window_end:
        return False
    own_start = _sentence_start(article.text, quote.start)
    if speaker.start < own_start and _introduced_by_colon(article.text, own_start, quote.start) \
            and not _refers_back(article, own_start, quote.start):
        # "The mood was summed up in a sentence: “…”": the lead-in says where the words come
        # from; a speaker of the sentence before does not carry over past it.
        return False
    # "The mood was summed up in a sentence: “…”": a phrase before a colon is no speaker
    # unless a speech cue comes with it or it names someone.
    if quote.speaker_entity_id or any(m.start < speaker.end and speaker.start < m.end for m in mentions(article)):
        return True
    return bool(quote.cue) and (not _colon_lead_in(article, quote) or _lead_in_attributes(article, quote))


def _colon_lead_in(article: Article, quote: Quote) -> bool:
    """The quote's own sentence leads into it with a colon, and the annotator's speaker stands there."""
    text = article.text
    own_start = _sentence_start(text, quote.start)
    return quote.speaker is not None and own_start <= quote.speaker.start < quote.start \
        and _introduced_by_colon(text, own_start, quote.start)


def _lead_in_attributes(article: Article, quote: Quote) -> bool:
    """A lead-in that names no one says who spoke only with an attribution cue of the trust
    lists ("The ministry said:"), a pronoun or a title: the annotator's speech verbs also open
    quotes after names („Merkel ließ mitteilen“), and with a common noun before them („Die
    Stimmung ließ sich in einem Satz zusammenfassen:“) they name nobody."""
    own_start = _sentence_start(article.text, quote.start)
    if find_patterns(patterns(article, "source", "cues"), article.text, own_start, quote.start):
        return True
    # A pronoun ("she said:", « pour eux : ») points back at someone the text has named; a title
    # ("the spokesman told reporters:") is a person's role.
    language_rules = rules(article.language or "")
    speaker = quote.speaker
    if language_rules is None or speaker is None:
        return False
    text = article.text
    if text[speaker.start : speaker.end].lower() in language_rules.pronouns:
        return True
    # the title may open before the speaker the annotator kept („der Minister“, "the chief executive")
    return any(language_rules.titles.match(text[own_start + word.start() : speaker.end])
               for word in re.finditer(r"\b\w", text[own_start : speaker.start + 1]))


def _refers_back(article: Article, lead_start: int, lead_end: int) -> bool:
    """The lead-in points back at what was just said or at who said it (``[quotes] back_reference``:
    "That process led to a realization:", "Her answer was short:"): it goes on with the speaker
    before it, where a lead-in about something new ("The mood on the square …:") does not."""
    lead = article.text[lead_start:lead_end]
    return any(pattern.search(lead) for pattern in patterns(article, "quotes", "back_reference"))


def _attributed_nearby(article: Article, start: int, end: int) -> bool:
    """An attribution around the quote: in its own sentence and the next (same paragraph, or
    a signature line) a cue or a name; in the sentence before, a cue with a name."""
    text = article.text
    if _incise_follows(text, start, end) or _incise_inside(article, start, end):
        return True
    own_start, own_end = _discourse_window(text, start, end)
    if _has_attribution(article, own_start, own_end, start, end, need_both=False):
        return True
    if _introduced_by_colon(text, own_start, start):
        return _opinion_of_the_person_reported(article, own_start, start)
    if not _carries_over(article, own_start, (start, end)):
        return False
    before = text[:own_start].rstrip()
    if _has_attribution(article, _sentence_start(text, len(before)), len(before), start, end, need_both=True):
        return True
    return _reported_earlier_in_paragraph(article, own_start, start, end)


def _reported_earlier_in_paragraph(article: Article, own_start: int, start: int, end: int) -> bool:
    """A quote in the first person, later in the paragraph of the last person it reported.

    „Franz Weber, der Leiter, sagte, dass es einen Plan gebe. Seit Samstag ist die Lüftung aus.
    „Wir lüften von Hand.““: the sentences between go on with what he said, and "we" needs a
    speaker, whom the paragraph named with a cue and nobody else since."""
    paragraph = article.text.rfind("\n", 0, own_start) + 1
    return _speaks_in_first_person(article, start, end) and _last_person_was_reported(article, paragraph, own_start)


def _opinion_of_the_person_reported(article: Article, own_start: int, start: int) -> bool:
    """A colon lead-in whose subject is a pronoun with a verb of saying or judging
    („Größere Umbauten hält sie für nötig:“, "Bigger repairs she considers urgent:", « Ces travaux,
    elle les juge urgents : »; ``[quotes] lead_in_subjects``, ``opinion_verbs``) goes on with the person the text last
    reported: in the paragraph, or in the one before when the lead-in opens its own. A lead-in
    with no such subject and verb says where its words come from, or nothing does."""
    text = article.text
    if not (find_patterns(patterns(article, "quotes", "lead_in_subjects"), text, own_start, start)
            and find_patterns(patterns(article, "quotes", "opinion_verbs"), text, own_start, start)):
        return False
    paragraph = text.rfind("\n", 0, own_start) + 1
    if not text[paragraph:own_start].strip():  # the lead-in opens its paragraph: the one before may name the person
        paragraph = text.rfind("\n", 0, len(text[:paragraph].rstrip())) + 1
    return _last_person_was_reported(article, paragraph, own_start)


def _last_person_was_reported(article: Article, since: int, before: int) -> bool:
    """The last person named between ``since`` and ``before`` was named with an attribution cue,
    and nobody else since: the one a pronoun or a "we" of what follows speaks for."""
    text = article.text
    people = _people(article, since, before)
    if not people:
        return False
    last_start, last_end = max(people)
    return _names_a_speaking_person(article, _sentence_start(text, last_start), _sentence_end(text, last_end))


def _carries_over(article: Article, own_start: int, quote: tuple[int, int] | None = None) -> bool:
    """May the sentence before the quote's own lend it its speaker?

    Within a paragraph, yes: "Ann Lee said the clinic was full. “We turn…”". Across a paragraph
    break only where the speaker was already speaking: the paragraph before ends on a colon
    ("She said:" ¶ “…”) or holds a quotation of speech (a quote running over several
    paragraphs, each opened anew), or is the one sentence that names the speaker, a lead into
    the quote ("Lena Ortiz said the clinic was full." ¶ “We turn…”) when the quote speaks in the
    first person: the lead names who "we" are, while a statement in the third person alone on
    its line is as likely a slogan, a sign or an unnamed voice. A paragraph that goes on
    after reporting her ("The clinic ran out twice. Ann Lee said it would again." ¶ “We turn…”)
    does not say that a quotation alone on the next line is hers; copy that means it adds "she said".
    Nor does a quotation whose own paragraph goes on in the writer's words, naming no source
    (“…” The square emptied at nightfall.): a speaker going on fills the paragraph with speech.
    """
    text = article.text
    before = text[:own_start].rstrip()
    if not before:
        return False
    if "\n" not in text[len(before) : own_start] or before.endswith(":"):
        return True
    if quote is not None and _narration_follows(article, quote[1]):
        return False
    paragraph = text.rfind("\n", 0, len(before)) + 1
    if SETTINGS.unsourced_lead_paragraph_carries and _sentence_start(text, len(before)) <= paragraph \
            and (quote is None or _speaks_in_first_person(article, *quote)) \
            and _names_a_speaking_person(article, paragraph, len(before)) and _lead_stands_out(article, paragraph):
        return True  # a paragraph of one sentence that names the speaker leads into the quote
    # The speaker must be speaking where the paragraph ends: its last sentence holds (or closes)
    # the quotation. A paragraph that quoted someone and then went on to narrate hands nobody on.
    last = max(paragraph, _sentence_start(text, len(before)))
    speech = [(q.start, q.end) for q in article.quotes if q.direct]
    speech += [span for span in quoted_spans(article) if _reads_as_speech(text, *span)]
    if any(s < len(before) and last < e for s, e in speech):  # also a quote that ends there
        return True
    # A quote opened a line earlier closes here ('…again," said Ann Lee.'): one sentence per line.
    # A mark opened in the paragraph itself closes a phrase it quotes (urged users to act "as
    # soon as possible."), which no one goes on speaking.
    return any(not _opened_in(text, paragraph, close.end() - 1) for close in _SPEECH_CLOSES.finditer(text, last, len(before)))


def _narration_follows(article: Article, end: int) -> bool:
    """The quote's paragraph goes on after it in the writer's own words, naming no source."""
    text = article.text
    close = end
    while close < len(text) and text[close] in _CLOSING + ".,":
        close += 1
    line_end = text.find("\n", close)
    rest = text[close : len(text) if line_end < 0 else line_end]
    # a new sentence (capital first): words in lower case go on with the quote's own sentence
    if len(rest.split()) < 3 or not rest.lstrip()[:1].isupper() or any(mark in rest for mark in "\"“”„«»"):
        return False
    return not find_patterns(patterns(article, "source", "cues"), text, close, close + len(rest)) \
        and not any(close <= q.start < close + len(rest) for q in article.quotes)


def _lead_stands_out(article: Article, paragraph: int) -> bool:
    """A paragraph of one sentence is a lead into what follows only where paragraphs are longer:
    copy set one sentence a line (wire copy, ECB+) makes every report such a paragraph, and there
    a line that reports someone ("Power is back in part of the city, said Ann Lee.") does not
    say that the quotation on the next line is theirs. The paragraph before the lead tells which:
    none (the lead opens the text) or one of several sentences."""
    text = article.text
    previous_end = len(text[:paragraph].rstrip())
    if previous_end == 0:
        return True
    return _sentence_start(text, previous_end) > text.rfind("\n", 0, previous_end) + 1


def _opened_in(text: str, paragraph: int, close: int) -> bool:
    """The quotation mark at ``close`` closes one opened in the same paragraph."""
    mark = text[close]
    if mark == '"':
        return text.count('"', paragraph, close) % 2 == 1
    openers = {"”": "“„", "“": "„", "»": "«"}.get(mark, "")
    return any(opener in text[paragraph:close] for opener in openers)


def _names_a_speaking_person(article: Article, start: int, end: int) -> bool:
    """A person is named in the sentence next to an attribution cue ("Lena Ortiz said …"), not
    an institution, a survey or a crowd ("NASA believes …", "an agency reporter said …"): the
    first person of the quote after it needs someone to be. A person is a name the recogniser
    calls one, or any name that opens with a given name (recognisers of some languages call
    "Nadia Orlov" a place)."""
    cues = find_patterns(patterns(article, "source", "cues"), article.text, start, end)
    people = _people(article, start, end)
    return any(abs(c_start - p_end) <= 40 or abs(p_start - c_end) <= 40 for c_start, c_end in cues for p_start, p_end in people)


def _people(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """Where people are named between ``start`` and ``end``: names the recogniser calls persons,
    names that open with a given name, and the capitalised speakers the quotes annotator found
    with a speech cue („sagte Eichner“): a surname alone is a person to the annotator's grammar
    when neither the recogniser nor the given-names list knows it."""
    found = [(m.start, m.end) for m in mentions(article) if start <= m.start < end
             and (m.label in PERSON_LABELS or _opens_with_given_name(article, m.start))]
    return found + [(q.speaker.start, q.speaker.end) for q in article.quotes
                    if q.speaker is not None and q.cue and start <= q.speaker.start < end
                    and _names_someone(article, q.speaker.start, q.speaker.end)]


def _names_someone(article: Article, start: int, end: int) -> bool:
    """A speaker span that is a name: capitalised, no pronoun of the language („Sie“ opening a
    sentence), and not what the recogniser calls something other than a person („das
    Varnholm-Institut sagte“: an institution's "we" has no one behind it)."""
    words = article.text[start:end]
    language_rules = rules(article.language or "")
    pronouns = language_rules.pronouns if language_rules is not None else frozenset()
    return (words[:1].isupper() and words.lower() not in pronouns
            and not _recognised_as_other_than_person(article, start, end))


def _recognised_as_other_than_person(article: Article, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end and m.label not in PERSON_LABELS for m in mentions(article))


def _opens_with_given_name(article: Article, start: int) -> bool:
    """A given name and a capitalised word after it ("Nadia Orlov", whatever the label)."""
    words = _NAME_PAIR.match(article.text, start)
    if words is None or not words.group("next").isupper():
        return False
    return given_names(article.language or "").listed(words.group(1))


def _speaks_in_first_person(article: Article, start: int, end: int) -> bool:
    """The quoted words speak of their speaker ("I", "we", "our"; ``[quotes] first_person``)."""
    return bool(find_patterns(patterns(article, "quotes", "first_person"), article.text, start, end))


def _introduced_by_colon(text: str, own_start: int, start: int) -> bool:
    """The quote's own sentence introduces it with a colon ("The mood was summed up in one
    sentence: “…”"): that lead-in says where the words come from, or nothing does; a speaker of
    the sentence before does not carry over past it. A lead-in that is only a capitalised
    word or two ("Ann Lee:") is a name and was judged as such above."""
    lead = text[own_start:start].rstrip(_CLOSING + "„“‹›")
    return lead.endswith(":") and len(lead.split()) > 2


def _incise_follows(text: str, start: int, end: int) -> bool:
    """The quote closes on a comma and the sentence goes on in lower case: „…“, sagte er."""
    close = end
    while close < len(text) and text[close] in _CLOSING:  # an annotator's span stops before the mark
        close += 1
    incise = _INCISE_AFTER.match(text, close)
    if incise and incise.group("first").islower():
        return True
    credit = _CREDIT_AFTER.match(text, close)
    if credit and any(word[:1].isupper() for word in credit.group("credit").split()):
        return True
    inner = text[start:close].rstrip(_CLOSING + " \u00a0")
    return inner.endswith(",") and text[close : close + 1].islower()


def _incise_inside(article: Article, start: int, end: int) -> bool:
    """An attribution cue right after a comma inside the marks: « Nous…, a indiqué le ministre. Nous… »
    (French sets the incise inside the quotation), or a cue followed by a capitalised name: a
    closing mark lost in the copy ("… impossible de toucher les a expliqué M6 dans …") leaves
    the attribution between the marks, and speech does not name its own speaker that way."""
    text = article.text
    for s, e in find_patterns(patterns(article, "source", "cues"), text, start, end):
        if text[max(start, s - 2) : s].strip() == "," or text[max(start, s - 1) : s] == ",":
            return True
        following = text[e:end].lstrip(" \u00a0")
        if following[:1].isupper() and e < end - 1:
            return True
    return False


def _after_furniture(text: str, start: int) -> bool:
    """Marks opened right after a "Read also" link (same line, same sentence) quote a headline, not speech."""
    line_start = _sentence_start(text, start)
    prefix = text[line_start:start].strip(" \u00a0\t\"“”„«»").lstrip("►▶>•·*-–— ")
    return bool(prefix) and furniture_reason(prefix) is not None


def _has_attribution(article: Article, window_start: int, window_end: int, start: int, end: int, need_both: bool) -> bool:
    cues = [(s, e) for s, e in find_patterns(patterns(article, "source", "cues"), article.text, window_start, window_end)
            if not (start <= s and e <= end)]
    speakers = [q for q in article.quotes if q.speaker and _speaker_nearby(article, q) and window_start <= q.speaker.start < window_end] \
        if need_both else [q for q in article.quotes if _speaker_nearby(article, q) and window_start <= q.start < window_end]
    names = [(m.start, m.end) for m in mentions(article) if m.label in PERSON_LABELS | {"ORG"}
             and window_start <= m.start < window_end and not (start <= m.start < end)]
    # A language whose nouns are all capitalised (German) gives name shapes where no recogniser runs.
    names += [span for span in find_patterns(patterns(article, "names", "shapes"), article.text, window_start, window_end)
              if not (start <= span[0] < end)]
    if need_both:
        return bool(speakers) or bool(cues and names)
    return bool(cues or speakers or names)


def _discourse_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The quote's own sentence and the sentence after it (same paragraph, or a signature line)."""
    own_start = _sentence_start(text, start)
    own_end = _sentence_end(text, end)
    window_end = own_end
    after_break = text[own_end : own_end + 2]
    following = text[own_end:].lstrip()
    if "\n" not in after_break or following[:1] in "–—-":  # same paragraph, or a signature line ("– Ann O., Lyon")
        window_end = _sentence_end(text, min(len(text), len(text) - len(following) + 1))
    return own_start, window_end


def _sentence_start(text: str, position: int) -> int:
    last = 0
    for match in _SENTENCE_END.finditer(text, 0, position):
        last = match.end()
    while last < position and text[last].isspace():
        last += 1
    return last


def _sentence_end(text: str, position: int) -> int:
    match = _SENTENCE_END.search(text, position)
    return match.end() if match else len(text)
