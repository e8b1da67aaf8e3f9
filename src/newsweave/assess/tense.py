"""Finite verbs of the past, told from their lemma, for a language the parser cannot read.

``generic_filler`` calls a sentence that tells what happened a report, not padding. With a
spaCy model it asks the parse for the verb's tense; German has no model here, so its
narration in the preterite („Rettungskräfte brachten sie …“, „…, weshalb sie festgenommen
wurde.“, „Verletzt wurden niemand.“) read as vague, and a German article's own rate of vague
sentences then "explained" any run of padding planted in it.

A lemma table (``simplemma``, bundled data, no download) gives each word's infinitive; the
word's shape against that infinitive gives its tense, with the language's own endings from
``[tense]`` in ``lang/<iso>/trust.toml``:

* a weak preterite is the stem plus a past ending („mach-te“, „wartet-e“ → „wart-ete“);
* a strong preterite does not begin with the stem at all („fand“ ← finden, „hielt“ ←
  halten), once the present's own vowel shifts („gibt“ ← geben) and the participle („ge-
  funden“) are ruled out;
* with an inseparable prefix a strong form in „-en“ may be a participle as well as a past
  („betroffen“ ← betreffen, „geboten“ ← gebieten): it is not counted;
* a vowel the infinitive lacks (umlaut: „wäre“, „hätte“, „fährt“) is a subjunctive or a
  present, never a past indicative; modal verbs („sollte“, „könnte“) speak of what may be,
  as in English, where the parse rule skips modals too.

A word written with a capital is a noun in German and is never read as a verb. A weak form
right before a capitalised word („die verletzten Passanten“) is an adjective as often as a
verb, and is not counted. Why not a hand-written table of past forms: it would cover the verbs
someone thought of; the lemma table covers the language's verbs.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from newsweave import lang
from newsweave.assess import lemmas

TRUST_FILE = "trust"
_WORD = re.compile(r"[^\W\d_]+")


def past_verbs(language: str, text: str) -> list[tuple[int, int]]:
    """Offsets of the finite past verbs in ``text`` (empty where the language lists no ``[tense]``)."""
    rules = _rules(language)
    if rules is None:
        return []
    found = []
    words = list(_WORD.finditer(text))
    for index, match in enumerate(words):
        word = match.group()
        if not word.islower():
            continue
        following = ""
        if index + 1 < len(words) and not text[match.end() : words[index + 1].start()].strip():
            following = words[index + 1].group()  # the next word of the same clause, not of the next sentence
        if _is_past(rules, language, word.lower(), following):
            found.append((match.start(), match.end()))
    return found


@cache
def _rules(language: str) -> dict[str, Any] | None:
    table = lang.load(language, TRUST_FILE).get("tense") if language else None
    if not table:
        return None
    return {
        "past": tuple(sorted(table["past_suffixes"], key=len, reverse=True)),
        "present": tuple(table["present_suffixes"]),
        "shifts": tuple((a, b) for a, b in table.get("vowel_shifts", [])),
        "participle": table.get("participle_prefix", ""),
        "not_past": tuple(table.get("not_past", [])),
        "infix": table.get("infinitive_infix", ""),
        "adjective": tuple(table.get("participle_adjective_endings", [])),
        "mixed": tuple(table.get("mixed_participle_endings", [])),
        "modal": frozenset(table.get("modal_lemmas", [])),
        "infinitive": tuple(table["infinitive_endings"]),
        "marked_vowels": frozenset(table.get("marked_vowels", "")),
        "inseparable": tuple(table.get("inseparable_prefixes", [])),
        "plural": table.get("strong_plural_ending", "\0"),
    }


def _is_past(rules: dict[str, Any], language: str, word: str, following: str) -> bool:
    if word.endswith(rules["not_past"]):
        return False  # „hat“, „sind“, „übernimmt“: present forms no rule derives
    lemma = lemmas.lemma(language, word)
    if lemma == word or not lemma.islower() or lemma in rules["modal"]:
        return False
    ending = next((end for end in rules["infinitive"] if lemma.endswith(end)), None)
    if ending is None:
        return False  # not a verb: an adjective's or a pronoun's base form
    stem = lemma[: -len(ending)]
    if any(vowel in word and vowel not in lemma for vowel in rules["marked_vowels"]):
        return False  # „wäre“, „hätte“, „fährt“: subjunctive or present
    if word.startswith(stem):
        rest = word[len(stem) :]
        past = next((end for end in rules["past"] if rest in (end, "e" + end)), None)
        # A weak form before a capitalised word may be an adjective („die verletzten Passanten“).
        return past is not None and not following[:1].isupper()
    if _present_shift(rules, word, stem) or word.endswith(rules["adjective"]):
        return False  # a present („gibt“) or a participle used as an adjective („die beschriebene Lage“)
    if word.endswith(rules["mixed"]) and any(word.startswith(p) and lemma.startswith(p) for p in rules["inseparable"]):
        return False  # the participle of a mixed verb without „ge-“ („verbracht“, „erkannt“)
    for infix in (rules["participle"], rules["infix"]):
        if infix and word.count(infix) > stem.count(infix):
            # A participle („gefunden“, „festgenommen“: the auxiliary, if any, carries the tense) or
            # an infinitive with its particle inside („teilzunehmen“).
            return False
    if word.endswith(rules["plural"]) and any(word.startswith(p) and lemma.startswith(p) for p in rules["inseparable"]):
        return False  # „betroffen“ or „betrafen“, „geboten“ or „geboten“: participle and past look alike
    return True


def _present_shift(rules: dict[str, Any], word: str, stem: str) -> bool:
    """A present form with the strong verb's vowel shift („gibt“ ← geben, „sieht“ ← sehen)."""
    for shifted, plain in rules["shifts"]:
        if shifted not in word:
            continue
        back = word.replace(shifted, plain, 1)
        if back.startswith(stem) and back[len(stem) :] in ("", *rules["present"]):
            return True
    return False
