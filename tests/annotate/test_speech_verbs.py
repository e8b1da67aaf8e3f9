"""Whether a mention is the subject of a verb of saying (annotate/entities.py ``_speaks``) is
read as the quote annotator reads its cues (annotate/quote_rules.py ``is_speech_verb``): German
"ließ" speaks only with "mitteilen", "wissen" and the like later in the clause. The parses are
set by hand (no German parser is needed), the sentences invented."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsweave.annotate.canonical import Mention
from newsweave.annotate.entities import _speaks
from newsweave.annotate.quote_rules import is_speech_verb


def _parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    spaces = [index + 1 < len(words) and words[index + 1] not in ",." for index in range(len(words))]
    return Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps)


def _subject_speaks(doc: Doc, subject: str) -> bool:
    start = doc.text.index(subject)
    return _speaks(doc, Mention(start, start + len(subject), subject, "PER"), "de")


def test_liess_without_a_word_of_saying_has_no_speaker() -> None:
    doc = _parsed(["Die", "Stimmung", "ließ", "sich", "zusammenfassen", "."],
                  [1, 2, 2, 4, 2, 2], ["det", "nsubj", "ROOT", "obj", "xcomp", "punct"])
    assert not _subject_speaks(doc, "Stimmung")


def test_liess_with_mitteilen_has_its_subject_as_speaker() -> None:
    doc = _parsed(["Der", "Minister", "ließ", "mitteilen", ",", "dass", "alles", "bereit", "sei", "."],
                  [1, 2, 2, 2, 8, 8, 8, 8, 3, 2], ["det", "nsubj", "ROOT", "xcomp", "punct", "mark", "nsubj", "advmod", "ccomp", "punct"])
    assert _subject_speaks(doc, "Minister")


def test_the_completion_must_stand_in_the_same_clause() -> None:
    text = "Der Trainer ließ nichts durchblicken. Später wollte er mitteilen, wer spielt."
    start = text.index("ließ")
    assert not is_speech_verb("de", text, start, start + len("ließ"))
    text = "Die Sprecherin ließ auf Nachfrage wissen, der Plan stehe."
    start = text.index("ließ")
    assert is_speech_verb("de", text, start, start + len("ließ"))


def test_plain_cues_still_speak() -> None:
    text = "Die Ministerin sagte am Montag, der Plan stehe."
    start = text.index("sagte")
    assert is_speech_verb("de", text, start, start + len("sagte"))
    assert not is_speech_verb("de", text, 0, len("Die"))


def _verb(language: str, text: str, word: str) -> bool:
    start = text.index(word)
    return is_speech_verb(language, text, start, start + len(word))


def test_gendered_cue_forms_speak() -> None:
    assert _verb("pl", "Anna Lis powiedziała, że most zostanie zamknięty.", "powiedziała")
    assert _verb("pl", "Jan Lis powiedział, że most zostanie zamknięty.", "powiedział")
    assert _verb("ru", "Анна Лис сказала, что мост закроют.", "сказала")
    assert _verb("uk", "Іван Лис сказав, що міст закриють.", "сказав")


def test_a_cue_of_several_words_speaks_through_its_verb_not_its_last_word() -> None:
    text = "Die Trainerin freut sich über den Sieg."
    assert _verb("de", text, "freut") and not _verb("de", text, "sich")
    assert not _verb("de", "Der Trainer zeigte sich zufrieden.", "sich")
    text = "Dazu hieß es aus dem Rathaus nur knapp."
    assert _verb("de", text, "hieß") and not _verb("de", text, "es")
    text = "Ada Quill said in a statement that the Statement Hall stays shut."
    assert _verb("en", text, "said") and not _verb("en", text, "statement")
    assert not _verb("en", "The AP reported it first.", "AP")


def test_the_verb_of_a_cue_of_several_words_needs_the_other_words() -> None:
    assert _verb("en", "Ada Quill went on to praise the crew.", "went")
    assert not _verb("en", "Ada Quill went home early.", "went")
    assert _verb("fr", "Marie Lenoir a déclaré à la presse que le pont fermerait.", "déclaré")
    assert _verb("fr", "Marie Lenoir s'est félicitée du vote.", "félicitée")
    assert not _verb("fr", "Marie Lenoir a une maison à Brest.", "a")


def test_a_subject_of_a_gendered_or_phrase_cue_speaks() -> None:
    doc = _parsed(["Anna", "Lis", "powiedziała", ",", "że", "most", "stoi", "."],
                  [1, 2, 2, 6, 6, 6, 2, 2], ["flat", "nsubj", "ROOT", "punct", "mark", "nsubj", "ccomp", "punct"])
    start = doc.text.index("Anna Lis")
    assert _speaks(doc, Mention(start, start + len("Anna Lis"), "Anna Lis", "PER"), "pl")
    doc = _parsed(["Marie", "Lenoir", "a", "déclaré", "que", "le", "pont", "ferme", "."],
                  [1, 3, 3, 3, 7, 6, 7, 3, 3], ["flat", "nsubj", "aux", "ROOT", "mark", "det", "nsubj", "ccomp", "punct"])
    start = doc.text.index("Marie Lenoir")
    assert _speaks(doc, Mention(start, start + len("Marie Lenoir"), "Marie Lenoir", "PER"), "fr")
    doc = _parsed(["Marie", "Lenoir", "a", "une", "maison", "."],
                  [1, 2, 2, 4, 2, 2], ["flat", "nsubj", "ROOT", "det", "obj", "punct"])
    start = doc.text.index("Marie Lenoir")
    assert not _speaks(doc, Mention(start, start + len("Marie Lenoir"), "Marie Lenoir", "PER"), "fr")
