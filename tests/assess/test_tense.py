"""Past verbs told from their lemma (``assess/tense``), German. Sentences invented for these tests;
what ``generic_filler`` makes of them: tests/assess/test_trust_stop34.py."""

from __future__ import annotations

from newsweave.assess.tense import past_verbs


def _past(text: str, language: str = "de") -> list[str]:
    return [text[start:end] for start, end in past_verbs(language, text)]


def test_german_past_forms_of_any_verb_are_found() -> None:
    text = ("Nachbarn weckten die Familie und brachten die Kinder ins Freie. Der Dachstuhl stürzte ein, "
            "ein Mann verletzte sich, die Feuerwehr kam spät, hielt aber stand, und wir arbeiteten bis morgens. "
            "Der Hund wartete. Es geschah nachts, als niemand verletzt wurde.")
    assert _past(text) == ["weckten", "brachten", "stürzte", "verletzte", "kam", "hielt", "arbeiteten", "wartete",
                           "geschah", "wurde"]
    assert _past("Er verbrachte den Tag dort und erhielt eine Antwort.") == ["verbrachte", "erhielt"]


def test_german_present_modal_subjunctive_and_participles_are_not_past() -> None:
    text = ("Es ist ein Thema, das viele Menschen betrifft und weiter für Gesprächsstoff sorgen wird. "
            "Er gibt nach, sie sieht zu, es gilt, er übernimmt, sie hat recht, er wartet. "
            "Das könnte sich ändern, das wäre gut, sie hätte es gewusst, er würde gehen. "
            "Die Stimmung bleibt gedrückt, Vorsicht ist geboten, viele sind betroffen. "
            "Er versucht, teilzunehmen; die beschriebene Lage; die verletzten Passanten. "
            "Sie hat den Tag dort verbracht, der Fehler ist erkannt, wer weiss das schon.")
    assert _past(text) == []


def test_a_language_without_tense_rules_gives_nothing() -> None:
    assert _past("The crew arrived late and left early.", "en") == []
