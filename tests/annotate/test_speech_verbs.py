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
