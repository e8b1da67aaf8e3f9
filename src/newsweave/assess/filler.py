"""``generic_filler``: runs of vague sentences that state nothing a reader could check.

A sentence of reporting carries at least one anchor: a name (person, place, organisation),
a number, a date, a source ("said", "according to", a quotation), or it narrates an event
(its main verb in a past tense). Padding has none:
"The coming weeks will be crucial. The reactions are awaited with interest." One such
sentence is common in honest copy; what marks padding is a run of them that the article's
own register does not explain: an article whose other sentences are specific and that
suddenly holds three or four vague ones in a row. Vagueness is measured against the
article's own rate of vague sentences, not against a fixed count, each of them weighed by
how plain it is beside the run, and against how often they follow one another (an
explainer's background comes in stretches). A first-person account told over several
sentences is its speaker's, not the article's own voice. A sentence whose only anchor is a
past form inside an open question („…, ob … gewählt wurde“) tells nothing that happened and
is not judged. Stock phrases of padding (``[filler] phrases`` in ``lang/<iso>/trust.toml``)
mark a sentence as vague even when it names a place, because a name alone ("the situation
in the region remains tense") gives nothing to check.

Padding written without a listed phrase has a general shape instead (``[filler] general``: a
demonstrative subject with an evaluative verb, "a day like this", what a thing "tells us", a moral
"all of us"): such a sentence is vague when its only anchors are ones the article had
already given (a name named in an earlier sentence), a say-verb it only asks about ("¿Qué nos dice
…?"), or a present passive (« chacun est appelé à … ») that tells of no event. A run of two
vague sentences, one of them general, is judged against the article's rate as a longer run is. A sentence
can also open in a general way (``[filler] opening``: an empty "it is a question that …" frame), or, where the
language writes its generic statements so (``[filler] bare_generic_subject``), state what a whole class is: a
bare plural or mass noun as the subject of a present copula ("Hospitals are complicated places").

A recall's or a service's practical sentences (``[filler] practical``: a hotline, a refund, what customers
should do) tell the reader what to do about the article's own thing: they are no padding, however plain.
"""

from __future__ import annotations

import re
from typing import Any

from newsweave.assess.textual import (
    Sentence,
    doc_of,
    find_patterns,
    has_source,
    language_says,
    line_parts,
    mentions,
    overlaps,
    patterns,
    quoted_spans,
    sentences,
    time_spans,
    word_list,
)
from newsweave.assess.leaks import furniture_pieces
from newsweave.model import Article, Flag, Severity
from newsweave.assess.settings import SETTINGS

KIND = "generic_filler"
SEVERITY: Severity = "info"
_DIGIT = re.compile(r"\d")
# A capitalised word after the first one: a name the NER may have missed.
_INNER_CAPITAL = re.compile(r"(?<=[\w,;:] )[A-ZÀ-Ý][\w-]+")
# A word's letters: "E-Mail-Adresse" is three words, "2024er" none of its digits.
_LETTERS = re.compile(r"[^\W\d_]+")


def detect_generic_filler(article: Article) -> list[Flag]:
    """One flag whose evidence is each run of padding, or none."""
    if not patterns(article, "source", "cues"):
        # No attribution words for the language (no lang/<iso>/trust.toml): a sentence that
        # reports what someone said cannot be told from padding, whatever else is known.
        return []
    if _labelled_opinion(article):
        return []
    runs = _vague_runs(article)
    if not runs:
        return []
    count = sum(len(run) for run in runs)
    message = f"{count} sentences in a row state nothing checkable, unlike the rest of the article."
    if len(runs) > 1:
        message = f"{count} sentences in {len(runs)} passages state nothing checkable, unlike the rest of the article."
    evidence = [article.span(start, end) for run in runs for start, end in line_parts(article.text, run[0].start, run[-1].end)]
    return [Flag(KIND, SEVERITY, message, evidence, SETTINGS.filler_confidence)]


def _labelled_opinion(article: Article) -> bool:
    """The heading calls the piece an opinion („Kommentar zur …:“, "Opinion:"; ``[filler] opinion``).

    A comment argues in general statements by design: there, a run of them is the piece's
    register, which its few sentences cannot show, not padding."""
    head = f"{article.title or ''}\n{article.text[: SETTINGS.filler_opinion_head]}"
    return bool(find_patterns(patterns(article, "filler", "opinion"), head))


def _vague_runs(article: Article) -> list[list[Sentence]]:
    """Runs of vague sentences that the article's own rate of vague sentences does not explain."""
    phrases = patterns(article, "filler", "phrases")
    names = [(m.start, m.end) for m in mentions(article)]
    times = checkable_times(article)
    furniture = [(start, end) for start, end, _ in furniture_pieces(article)]
    judged: list[tuple[Sentence, bool]] = []
    phrased: set[int] = set()
    general: set[int] = set()
    for sentence in sentences(article):
        if sentence.heading or overlaps(sentence.start, sentence.end, furniture):
            continue  # a sub-heading, or site furniture (boilerplate_leak's find), neither adds to nor breaks a run
        has_phrase = bool(find_patterns(phrases, article.text, sentence.start, sentence.end))
        if sentence.words() < SETTINGS.filler_min_words and not has_phrase:
            continue  # too short to judge: neither adds to nor breaks a run
        vague = _is_vague(article, sentence, names, times, has_phrase)
        shaped = _general_shape(article, sentence)
        if not vague and shaped and _general_unanchored(article, sentence, times):
            vague = True
        if not vague and _only_asks_about_the_past(article, sentence, names, times, has_phrase):
            continue  # its one anchor is a past form in an open question: neither adds to nor breaks a run
        judged.append((sentence, vague))
        if has_phrase:
            phrased.add(id(sentence))
        if shaped:
            general.add(id(sentence))
    shortest = SETTINGS.filler_min_run if doc_of(article).has_annotation("DEP") else SETTINGS.filler_min_run_unparsed
    runs: list[list[Sentence]] = []
    current: list[Sentence] = []
    for sentence, vague in judged:
        if vague:
            current.append(sentence)
            continue
        if _padding(current, judged, shortest, phrased, general):
            runs.append(current)
        current = []
    if _padding(current, judged, shortest, phrased, general):
        runs.append(current)
    return runs


def _padding(
    run: list[Sentence], judged: list[tuple[Sentence, bool]], shortest: int, phrased: set[int], general: set[int]
) -> bool:
    """A run of stock phrases throughout ("Time will tell. It remains to be seen …") is padding from two
    sentences on, whatever the article's register: real copy uses such a phrase one at a time. Any other run
    must be long enough and unexplained by the article's own rate of vague sentences; a run with a sentence
    of general shape (``general``) is long enough from ``SETTINGS.filler_min_run_general`` on, since a vague
    sentence of news speaks of a particular thing it did not name, not of us all."""
    if len(run) >= SETTINGS.filler_min_run_phrased and all(id(sentence) in phrased for sentence in run):
        return True
    long_enough = len(run) >= shortest
    if len(run) >= SETTINGS.filler_min_run_general and any(id(sentence) in general for sentence in run):
        long_enough = True
    return long_enough and _unexplained(run, judged)


def _unexplained(run: list[Sentence], judged: list[tuple[Sentence, bool]]) -> bool:
    """A run this long is unlikely (expected count below ``SETTINGS.filler_alpha``) at the rate of vague
    sentences in the rest of the article: padding, not the article's register.

    The expected number of such runs is about n * p * f ** (len(run) - 1), where ``f`` is the
    rate at which the article's other vague sentences follow one another (``_follow_rate``), never
    below ``p``: a vague sentence here and there (``f`` = ``p``) gives the old n * p ** len(run).

    The rate is smoothed towards the rate of vague sentences in news copy
    (``SETTINGS.filler_prior_rate``, worth ``filler_prior_weight`` sentences), so that an
    article with few other sentences gives no certainty. Each other vague sentence weighs as much as it
    resembles the run (``_likeness``).
    """
    inside = {id(sentence) for sentence in run}
    longest = _longest_word(run)
    weights = [None if id(sentence) in inside else (_likeness(sentence, longest) if vague else 0.0) for sentence, vague in judged]
    others = [weight for weight in weights if weight is not None]
    prior = SETTINGS.filler_prior_weight
    rate = (sum(others) + SETTINGS.filler_prior_rate * prior) / (len(others) + prior)
    follow = max(rate, _follow_rate(weights, rate))
    return len(judged) * rate * follow ** (len(run) - 1) < SETTINGS.filler_alpha


def _follow_rate(weights: list[float | None], rate: float) -> float:
    """How often the article's other vague sentences come after another vague one.

    An explainer states its background in stretches of general sentences, one section after
    another; news copy drops a vague sentence here and there. Where the rest of the article
    already holds its vague sentences in stretches, a long run is its register, which the
    plain rate (each sentence on its own) would call unlikely. Pairs that span the run (``None``)
    are not counted; the rate is smoothed towards the plain one (``SETTINGS.filler_follow_prior_weight``
    pairs), so that one pair of vague sentences in a short article proves no register."""
    pairs = [(first, second) for first, second in zip(weights, weights[1:]) if first is not None and second is not None]
    after_vague = sum(first for first, _ in pairs)
    both = sum(first * second for first, second in pairs)
    prior = SETTINGS.filler_follow_prior_weight
    return (both + rate * prior) / (after_vague + prior)


def _likeness(sentence: Sentence, run_longest: int) -> float:
    """How far a vague sentence of the article explains a run: fully when it is as plain as the run's.

    One that holds a longer word than any of the run's (a compound or technical term such as
    „Hausanschlussleitung“, "ultrafiltration") is vague only to the anchor rules, which read no
    such term without a parse (German); it is likely specific to the article's subject, so it
    counts ``SETTINGS.filler_longer_word_weight``, not as a sentence as empty as the run's."""
    if _longest_word([sentence]) > run_longest:
        return SETTINGS.filler_longer_word_weight
    return 1.0


def _longest_word(run: list[Sentence]) -> int:
    return max((len(word) for sentence in run for word in _LETTERS.findall(sentence.text)), default=0)


def checkable_times(article: Article) -> list[tuple[int, int]]:
    """Dates a reader could check: resolved to a calendar value or a counted duration.

    "The future", "winter" or "today" (TIMEX ``FUTURE_REF``, ``PRESENT_REF``, a bare
    season) anchor nothing. Without the dates stage, the parser's dates that hold a digit
    or a capitalised word (a weekday, a month) stand in.
    """
    if article.dates:
        return [(d.start, d.end) for d in article.dates if _DIGIT.search(d.value or "") and not (d.value or "").endswith("_REF")]
    return [
        (start, end)
        for start, end in time_spans(article)
        if _DIGIT.search(article.text[start:end]) or any(word[:1].isupper() for word in article.text[start:end].split())
    ]


def _narrates(article: Article, sentence: Sentence, questions_tell: bool = True, passive_tells: bool = True) -> bool:
    """The sentence tells what happened (its main verb is in a past tense): a report, not padding.

    Padding speaks in the present, the future or the conditional ("the coming days will be
    crucial", "the situation remains tense"); features and explainers narrate events with no
    name in them ("Police used a ram to force open the door"), which a reader can check.
    """
    doc = doc_of(article)
    if not doc.has_annotation("DEP"):
        # A blank pipeline (no model for the language): the language's own tense shapes
        # (``[filler] narration``, e.g. German perfect „sind … eingedrungen“) stand in for a parse.
        return _told(article, sentence, questions_tell)
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    verbs = [root, *(child for child in root.children if child.dep_ in ("aux", "aux:tense", "aux:pass"))]
    if any(verb.tag_ == "MD" or "Mod" in verb.morph.get("VerbType") for verb in verbs[1:]):
        return False  # "should not be underestimated": a modal speaks of what may be, not of what happened
    if _lone_participle(root) and language_says(article, "filler", "past_needs_auxiliary"):
        return False
    if not passive_tells and _present_passive(root):
        return False
    return any("Past" in verb.morph.get("Tense") for verb in verbs)


def _present_passive(root: Any) -> bool:
    """A passive participle whose passive auxiliary is in the present (« chacun est appelé à … »): a
    state or a call, not an event; its participle's own past tense tells nothing that happened."""
    if "Pass" not in root.morph.get("Voice"):
        return False
    auxiliaries = [child for child in root.children if child.dep_.startswith("aux")]
    return bool(auxiliaries) and all(child.dep_ == "aux:pass" and "Pres" in child.morph.get("Tense") for child in auxiliaries)


def _told(article: Article, sentence: Sentence, questions_tell: bool) -> bool:
    """A past form of ``[filler] narration``; unless ``questions_tell``, one outside any open question."""
    told = find_patterns(patterns(article, "filler", "narration"), article.text, sentence.start, sentence.end)
    if questions_tell:
        return bool(told)
    asked = find_patterns(patterns(article, "filler", "open_question"), article.text, sentence.start, sentence.end)
    return any(not any(start <= told_start and told_end <= end for start, end in asked) for told_start, told_end in told)


def _lone_participle(root: Any) -> bool:
    """A participle with no auxiliary: no past tense where the language's past needs one
    (« a fait »; ``[filler] past_needs_auxiliary``), and the French parser reads the adjective of
    « est sûre » and the present « fait » so. English "featured" is a past the parser reads so."""
    return "Part" in root.morph.get("VerbForm") and not any(child.dep_.startswith("aux") for child in root.children)


def _only_asks_about_the_past(
    article: Article, sentence: Sentence, names: list[tuple[int, int]], times: list[tuple[int, int]], has_phrase: bool
) -> bool:
    """The sentence's only anchor is a past form inside an open question (``[filler] open_question``).

    „Unklar ist, ob genug Akkus geliefert wurden.“ asks whether something happened, and so does
    „Erst die Zukunft wird zeigen, ob der richtige Weg gewählt wurde.“: neither tells what did. Whether
    the question is about a thing of the article's subject (the batteries) or about nothing (the right
    path) takes a reading of its words the anchor rules do not have, so such a sentence is not judged."""
    asked = patterns(article, "filler", "open_question")
    if not asked or not find_patterns(asked, article.text, sentence.start, sentence.end):
        return False
    return _is_vague(article, sentence, names, times, has_phrase, questions_tell=False)


def _is_vague(
    article: Article,
    sentence: Sentence,
    names: list[tuple[int, int]],
    times: list[tuple[int, int]],
    has_phrase: bool,
    questions_tell: bool = True,
) -> bool:
    """No number, date or source; and no name either, unless built on a stock phrase."""
    if _checkable_by_itself(article, sentence) or has_source(article, sentence):
        return False
    if has_phrase:
        return True  # "today", "the years ahead" around a stock phrase date nothing
    if overlaps(sentence.start, sentence.end, times) or _narrates(article, sentence, questions_tell):
        return False
    return not overlaps(sentence.start, sentence.end, names) and not _names_a_thing(article, sentence)


def _checkable_by_itself(article: Article, sentence: Sentence) -> bool:
    """A number, a quantity in words, the mood of reported speech or a first-person account: an
    anchor the sentence holds whatever the article around it says."""
    return bool(_DIGIT.search(sentence.text)) or _counts(article, sentence) or _reported(article, sentence) \
        or _own_account(article, sentence) or _practical(article, sentence)


def _practical(article: Article, sentence: Sentence) -> bool:
    """What to do about the article's own thing (``[filler] practical``: "by phone", „zurückgeben“, what
    customers "should" do): a recall's or a service's instruction, which the reader can act on."""
    return bool(find_patterns(patterns(article, "filler", "practical"), article.text, sentence.start, sentence.end))


def _counts(article: Article, sentence: Sentence) -> bool:
    """A quantity written in words ("two teaspoons", « trois mois », „zwei Jahre“) is as checkable as a digit."""
    return bool(find_patterns(patterns(article, "filler", "counts"), article.text, sentence.start, sentence.end))


def _reported(article: Article, sentence: Sentence) -> bool:
    """The verb's own mood says the sentence reports someone's words (German Konjunktiv I,
    ``[filler] reported``): „Brennwertkessel seien ausgenommen“ is a claim with a source."""
    return bool(find_patterns(patterns(article, "filler", "reported"), article.text, sentence.start, sentence.end))


def _own_account(article: Article, sentence: Sentence) -> bool:
    """Someone tells what they live through in the first person singular („Hier bekomme ich …“), and
    the article speaks so in another sentence too (``[filler] first_person``).

    An interview's answers, a witness's or a reader's account run over several sentences in the
    first person; their speaker is their source, as in reported speech, while padding is the
    article's own impersonal voice. A lone „ich“ in impersonal copy (the writer's aside) is judged
    as before."""
    first = patterns(article, "filler", "first_person")
    if not first or not find_patterns(first, article.text, sentence.start, sentence.end):
        return False
    return _first_person_sentences(article, first) >= 2


def _first_person_sentences(article: Article, first: tuple[Any, ...]) -> int:
    cached = article.work.memo.get("filler_first_person")
    if cached is None:
        cached = sum(1 for other in sentences(article) if find_patterns(first, article.text, other.start, other.end))
        article.work.memo["filler_first_person"] = cached
    return int(cached)


def _names_a_thing(article: Article, sentence: Sentence) -> bool:
    """A name the recogniser may have missed: a capitalised word inside the sentence.

    A language that writes every noun with a capital (German) gives its own name shapes
    (``[names] shapes`` of its trust.toml: capitalised pairs, acronyms), else every noun
    would read as a name and no sentence would ever look vague."""
    return bool(_name_shapes(article, sentence))


def _name_shapes(article: Article, sentence: Sentence) -> list[str]:
    """The words of the sentence that ``_names_a_thing`` reads as names: the language's name shapes,
    else capitalised words inside the sentence."""
    shapes = patterns(article, "names", "shapes")
    if shapes:
        found = [article.text[start:end] for start, end in find_patterns(shapes, article.text, sentence.start, sentence.end)]
    else:
        found = [match.group() for match in _INNER_CAPITAL.finditer(sentence.text)]
    return [name for name in found if not _opens_no_name(article, name)]


def _opens_no_name(article: Article, name: str) -> bool:
    """A capitalised pair whose first word begins no name (``[filler] no_name_first``: German „Jedes“
    after a colon, „Jeden Donnerstag“): a quantifier that the capital after a colon made look like one."""
    first = name.split(" ", 1)[0].lower()
    return first in word_list(article, "filler", "no_name_first")


def _general_shape(article: Article, sentence: Sentence) -> bool:
    """The sentence speaks of everything and nothing: a demonstrative subject with an evaluative verb ("a
    victory like this reminds us …"), what a thing "tells us", a moral "all of us" (``[filler] general``).

    A question alone is no such shape: news asks in its headings and explainers ("Which areas are they?")
    before it answers."""
    if find_patterns(patterns(article, "filler", "general"), article.text, sentence.start, sentence.end):
        return True
    return _opens_generally(article, sentence) or _bare_generic_subject(article, sentence)


def _opens_generally(article: Article, sentence: Sentence) -> bool:
    """The sentence opens on an empty frame (``[filler] opening``: "It is a question that …", „Es ist ein
    Thema, das …“, «Se trata de una cuestión que …»): its subject is an empty "it" and its noun a word for
    any topic at all. Matched at the sentence's start only, where the frame is the sentence's own subject."""
    return any(pattern.match(article.text, sentence.start, sentence.end) for pattern in patterns(article, "filler", "opening"))


def _bare_generic_subject(article: Article, sentence: Sentence) -> bool:
    """The sentence states what a whole class is: its first words are a plural or mass noun with no
    determiner, possessive or number (a class, not the article's particular thing) and the subject of a
    present copula ("Hospitals are complicated places"). Only where the language writes generic subjects
    bare (``[filler] bare_generic_subject``) and a parse gives the subject; a progressive or passive
    ("Officials are investigating") narrates and has no such copula."""
    if not language_says(article, "filler", "bare_generic_subject"):
        return False
    doc = doc_of(article)
    if not doc.has_annotation("DEP"):
        return False
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return False
    copula = _present_copula(span.root)
    subject = next((child for child in span.root.children if child.dep_ in ("nsubj", "nsubj:pass")), None)
    return copula and subject is not None and _bare_class(subject) and subject.left_edge.i == span.start


def _present_copula(root: Any) -> bool:
    """The root is a present form of "be" with its complement, or a complement with a present copula."""
    if root.lemma_ == "be" and "Pres" in root.morph.get("Tense"):
        return any(child.dep_ in ("attr", "acomp") for child in root.children)
    return any(child.dep_ == "cop" and "Pres" in child.morph.get("Tense") for child in root.children)


def _bare_class(noun: Any) -> bool:
    """A common noun in the plural, or a mass noun, with no determiner, possessive, number or name in its
    phrase: "Hospitals", "Small towns", not "Our hospitals", "Two hospitals" or "Ashby hospitals"."""
    if noun.pos_ != "NOUN" or noun.tag_ not in ("NNS", "NN"):
        return False
    tied = ("det", "poss", "nummod", "predet")
    return not any(child.dep_ in tied or child.pos_ == "PROPN" for child in noun.children)


def _general_unanchored(article: Article, sentence: Sentence, times: list[tuple[int, int]]) -> bool:
    """A sentence of general shape with no anchor of its own: no number, checkable date, quotation,
    quantity, reported mood or first-person account; a source cue only inside the question it asks; no
    narration but a present passive; and no name the article had not named before it (padding on the
    article's own place or firm: "The situation at <the hospital> raises many questions for all of us")."""
    if _checkable_by_itself(article, sentence) or _quoted(article, sentence) or _cued_outside_question(article, sentence):
        return False
    if overlaps(sentence.start, sentence.end, times):
        return False
    if not _opens_generally(article, sentence) and _narrates(article, sentence, passive_tells=False):
        # An empty frame's verb is its own present ("It is", « Il s'agit »), whatever tense the parse gives the
        # homograph (« agit » is also a passé simple).
        return False
    return not _new_names(article, sentence)


def _quoted(article: Article, sentence: Sentence) -> bool:
    """Someone's words: quotation marks, a line of dialogue, or a quote the quote stage found."""
    if any(mark in sentence.text for mark in "«»“”\"„") or sentence.text[:1] in "–—":
        return True
    if overlaps(sentence.start, sentence.end, quoted_spans(article)):
        return True
    return overlaps(sentence.start, sentence.end, [(q.start, q.end) for q in article.quotes])


def _cued_outside_question(article: Article, sentence: Sentence) -> bool:
    """A source cue after the sentence's last question mark: "¿Qué nos dice …?" asks what a thing
    tells, it reports no one's words."""
    asked_until = sentence.start + sentence.text.rfind("?") + 1  # the sentence's start where it asks nothing
    cues = find_patterns(patterns(article, "source", "cues"), article.text, sentence.start, sentence.end)
    return any(end > asked_until for _, end in cues)


def _new_names(article: Article, sentence: Sentence) -> list[str]:
    """Names in the sentence (the recogniser's, or capitalised words and the language's name shapes)
    that no earlier sentence of the article holds."""
    found = [m.text for m in mentions(article) if m.start < sentence.end and sentence.start < m.end]
    found += _name_shapes(article, sentence)
    before = article.text[: sentence.start].lower()
    return [name for name in found if name.strip().lower() not in before]
