"""``machine_translation``: artefacts that machine translation leaves in a text.

Four kinds of artefact, each found on its own and kept as evidence:

* **calques**: word-for-word renderings of another language's phrasing ("a possible
  sending of troops", « faire du sens »), listed per language in ``[translation] calques``
  of ``lang/<iso>/trust.toml``;
* **lower-cased names**: a name written in lower case mid-sentence ("allies of kyiv"),
  seen either because the parser tags it as a proper noun or because the same word is
  capitalised elsewhere in the article;
* **doubled punctuation**: "to the west. ." where two sentences were merged;
* **untranslated fragments**: a whole sentence in another language than the article's
  (outside quotation marks), found with the project's language detector;
* **broken agreement**: a determiner whose number contradicts its noun's, from the
  parser's morphology ("a weapons", « les président »).

A human writer makes any one of these now and then, so the flag needs two, at least one
of them a strong kind (see ``STRONG``); the message names what was found.
"""

from __future__ import annotations

from newsweave.annotate.language import detect_language
from newsweave.assess.textual import Sentence, doc_of, find_patterns, patterns, sentences, word_list
from newsweave.model import Article, Flag, Severity
from newsweave.assess.settings import SETTINGS

KIND = "machine_translation"
SEVERITY: Severity = "warning"
# Strong artefacts (a calque, doubled punctuation, an untranslated sentence) rarely survive
# editing; weak ones (a lower-case name, a number disagreement) are also what a small
# tagger gets wrong on edited copy: on the extraction set's ground truth (bench/trust.py)
# weak artefacts alone fired on 11 % of real news bodies. So the flag needs two strong
# artefacts, or one strong artefact and one weak.
STRONG = frozenset({"calque", "punctuation", "fragment"})
# spaCy entity labels that are names: a lower-cased one is an artefact.
NAME_ENTITY_LABELS = frozenset({"PERSON", "PER", "GPE", "LOC", "ORG", "NORP"})
# Nouns ending so may be plural under a singular tag ("pays", "prix", "series").
INVARIABLE_ENDINGS = ("s", "x", "z")
# fastText: the quick detector; lingua (the default for short texts) would load hundreds of
# MB of models for this one check.
FRAGMENT_DETECTOR = "fasttext"
_QUOTE_MARKS = "«»“”\"„"

ARTEFACT_WORDS = {
    "calque": "literal calques",
    "lowercase_name": "names in lower case",
    "punctuation": "doubled punctuation",
    "fragment": "untranslated sentences",
    "agreement": "broken agreement",
}


def detect_machine_translation(article: Article) -> list[Flag]:
    """One flag whose evidence is every artefact, when there are at least ``MIN_ARTEFACTS``."""
    artefacts: list[tuple[int, int, str]] = []
    artefacts += [(s, e, "calque") for s, e in find_patterns(patterns(article, "translation", "calques"), article.text)]
    artefacts += [(s, e, "punctuation") for s, e in find_patterns(patterns(article, "translation", "doubled_punctuation"), article.text)]
    artefacts += [(s, e, "lowercase_name") for s, e in lowercase_names(article)]
    artefacts += [(s, e, "agreement") for s, e in broken_agreement(article)]
    artefacts += [(s, e, "fragment") for s, e in untranslated_fragments(article)]
    artefacts = _without_overlaps(artefacts)
    strong = sum(1 for _, _, kind in artefacts if kind in STRONG)
    if not (strong >= SETTINGS.translation_min_strong or (strong >= 1 and len(artefacts) > strong)):
        return []
    kinds = sorted({ARTEFACT_WORDS[kind] for _, _, kind in artefacts})
    message = f"The text shows {len(artefacts)} marks of machine translation ({', '.join(kinds)})."
    evidence = [article.span(start, end) for start, end, _ in artefacts]
    return [Flag(KIND, SEVERITY, message, evidence, SETTINGS.translation_confidence)]


def lowercase_names(article: Article) -> list[tuple[int, int]]:
    """Lower-case words used as names: tagged proper noun or name entity, or capitalised elsewhere."""
    doc = doc_of(article)
    not_names = set(word_list(article, "translation", "not_names"))
    # Names written capitalised elsewhere: one-word entities, so that "the West" or the
    # "Security" of "National Security Council" do not make "the west" a name.
    capitalised = {ent.text for ent in doc.ents if len(ent) == 1 and ent.label_ in NAME_ENTITY_LABELS and ent.text[:1].isupper()}
    found = []
    for token in doc:
        text = token.text
        if not (text.isalpha() and text.islower() and len(text) >= SETTINGS.translation_min_name_length) or token.is_sent_start:
            continue
        if text in not_names or token.is_stop or token.like_url:
            continue
        if token.i > 0 and token.nbor(-1).pos_ == "DET":
            continue  # "the west", "a security conference": a common noun
        if text.capitalize() in capitalised or _bare_proper_noun(token):
            found.append((token.idx, token.idx + len(text)))
    return found


def _bare_proper_noun(token) -> bool:
    """Tagged a name, right after a preposition and closing its noun phrase ("allies of kyiv").

    Small taggers call many lower-case common nouns PROPN ("to the west", "a security
    conference"); a name after a bare preposition with no determiner and nothing after it
    in the phrase is the reading that survives on clean text.
    """
    if token.pos_ != "PROPN":
        return False
    before = token.nbor(-1) if token.i > 0 else None
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if before is None or before.pos_ != "ADP":
        return False
    return after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ"}


def broken_agreement(article: Article) -> list[tuple[int, int]]:
    """Determiner and noun whose grammatical number disagree, from the parser's morphology."""
    found = []
    for token in doc_of(article):
        if token.dep_ != "det" or token.head.pos_ != "NOUN" or token.head.i - token.i != 1:
            continue
        det_number, noun_number = token.morph.get("Number"), token.head.morph.get("Number")
        if _invariable(token.head.text, det_number):
            continue  # "les pays", "the means": the noun's form is the same in both numbers
        if det_number and noun_number and set(det_number).isdisjoint(noun_number):
            found.append((token.idx, token.head.idx + len(token.head.text)))
    return found


def _invariable(noun: str, det_number: list[str]) -> bool:
    return "Plur" in det_number and noun[-1:].lower() in INVARIABLE_ENDINGS


def untranslated_fragments(article: Article) -> list[tuple[int, int]]:
    """Sentences, outside quotation marks, that are confidently in another language."""
    if not article.language:
        return []
    found = []
    for sentence in sentences(article):
        if sentence.words() < SETTINGS.translation_fragment_min_words or _inside_quote(article.text, sentence):
            continue
        language, confidence = detect_language(sentence.text, FRAGMENT_DETECTOR)
        if language and language != article.language and confidence >= SETTINGS.translation_fragment_min_confidence:
            found.append((sentence.start, sentence.end))
    return found


def _inside_quote(text: str, sentence: Sentence) -> bool:
    before = text[max(0, sentence.start - 2) : sentence.start]
    return any(mark in before or mark in sentence.text for mark in _QUOTE_MARKS)


def _without_overlaps(artefacts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(artefacts):
        if not any(s < end and start < e for s, e, _ in kept):
            kept.append((start, end, kind))
    return kept
