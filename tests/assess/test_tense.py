"""Past verbs told from their lemma (``assess/tense``) and what ``generic_filler`` makes of them.

German has no parser here: before the lemma table, a German report told in the preterite read
as vague from end to end, so its padding was "explained" by its own narration and its plain
narration was flagged. Sentences invented for these tests."""

from __future__ import annotations

from trust_inputs import analyse, flags

from newsweave.assess.tense import past_verbs


def _past(text: str, language: str = "de") -> list[str]:
    return [text[start:end] for start, end in past_verbs(language, text)]


def test_german_past_forms_of_any_verb_are_found() -> None:
    text = ("Nachbarn weckten die Familie und brachten die Kinder ins Freie. Der Dachstuhl stürzte ein, "
            "ein Mann verletzte sich, die Feuerwehr kam spät, hielt aber stand, und wir arbeiteten bis morgens. "
            "Der Hund wartete. Es geschah nachts, als niemand verletzt wurde.")
    assert _past(text) == ["weckten", "brachten", "stürzte", "verletzte", "kam", "hielt", "arbeiteten", "wartete",
                           "geschah", "wurde"]


def test_german_present_modal_subjunctive_and_participles_are_not_past() -> None:
    text = ("Es ist ein Thema, das viele Menschen betrifft und weiter für Gesprächsstoff sorgen wird. "
            "Er gibt nach, sie sieht zu, es gilt, er übernimmt, sie hat recht, er wartet. "
            "Das könnte sich ändern, das wäre gut, sie hätte es gewusst, er würde gehen. "
            "Die Stimmung bleibt gedrückt, Vorsicht ist geboten, viele sind betroffen. "
            "Er versucht, teilzunehmen; die beschriebene Lage; die verletzten Passanten.")
    assert _past(text) == []


def test_a_language_without_tense_rules_gives_nothing() -> None:
    assert _past("The crew arrived late and left early.", "en") == []


NARRATION = ("Am frühen Morgen brach in der alten Scheune ein Feuer aus. "
             "Die Flammen griffen rasch auf das Wohnhaus daneben über. "
             "Nachbarn weckten die schlafende Familie und brachten die Kinder ins Freie. "
             "Die Feuerwehr rückte mit mehreren Löschzügen an. "
             "Die Einsatzkräfte kämpften stundenlang gegen die Flammen.\n\n")
PADDING = ("Die Lage könnte sich jederzeit in die eine oder andere Richtung entwickeln. "
           "Vieles hängt davon ab, wie die Beteiligten mit der neuen Lage umgehen werden. "
           "Es ist eine Frage, die noch lange für Gesprächsstoff sorgen dürfte.\n\n")
TAIL = ("Gegen Mittag stürzte der Dachstuhl der Scheune ein. "
        "Ein Feuerwehrmann verletzte sich leicht an der Hand. "
        "Die Polizei sperrte die Straße bis zum Abend.\n")


def test_german_narration_in_the_preterite_is_not_filler() -> None:
    assert flags(analyse(NARRATION + TAIL, "de"), "generic_filler") == []


def test_german_padding_inside_preterite_narration_is_flagged_alone() -> None:
    [flag] = flags(analyse(NARRATION + PADDING + TAIL, "de"), "generic_filler")
    evidence = " ".join(span.text for span in flag.evidence)
    assert "Richtung entwickeln" in evidence and "Gesprächsstoff" in evidence
    assert "Flammen" not in evidence and "Dachstuhl" not in evidence
