"""Trust flags, stop 34 (issue 14): German filler read with a lemma table (simplemma).

German has no parser here. Before the lemma table, a German report told in the preterite read
as vague from end to end, and so did one whose only names are single words („von Quendrix“):
the article's own rate of vague sentences then "explained" a run of padding planted in it, and
a plain report could be flagged whole. Texts invented for these tests, through the real pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags


def _filler_evidence(text: str) -> list[str]:
    return [" ".join(span.text for span in flag.evidence) for flag in flags(analyse(text, "de"), "generic_filler")]


PADDING = ("Die Lage könnte sich jederzeit in die eine oder andere Richtung entwickeln. "
           "Vieles hängt davon ab, wie die Beteiligten mit der neuen Lage umgehen werden. "
           "Es ist eine Frage, die noch lange für Gesprächsstoff sorgen dürfte.\n\n")
NARRATION = ("Am frühen Morgen brach in der alten Scheune ein Feuer aus. "
             "Die Flammen griffen rasch auf das Wohnhaus daneben über. "
             "Nachbarn weckten die schlafende Familie und brachten die Kinder ins Freie. "
             "Die Feuerwehr rückte mit mehreren Löschzügen an. "
             "Die Einsatzkräfte kämpften stundenlang gegen die Flammen.\n\n")
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


# Present tense, names of one word that no lemma table knows.
NAMED = ("Der Hersteller baut seine Akkus künftig mit Zellen von Quendrix. "
         "Die neue Zelle nutzt einen festen Separator aus Keramik von Varlotek. "
         "Laut eigenen Angaben liefert das Werk bald größere Mengen an die Kunden. "
         "Die Ingenieure bei Quendrix arbeiten noch an der Kühlung der Module. "
         "Der Prototyp fährt bisher nur auf der Teststrecke von Morvaine.\n\n")
NAMED_TAIL = ("Die Kunden von Varlotek erwarten eine Entscheidung über die Serienfertigung. "
              "Einige Zulieferer von Quendrix bauen ihre Hallen dafür bereits aus.\n")


def test_german_sentences_naming_a_one_word_name_are_not_filler() -> None:
    assert _filler_evidence(NAMED + NAMED_TAIL) == []


def test_german_padding_among_one_word_names_is_flagged_alone() -> None:
    [evidence] = _filler_evidence(NAMED + PADDING + NAMED_TAIL)
    assert "Richtung entwickeln" in evidence and "Gesprächsstoff" in evidence
    assert "Quendrix" not in evidence and "Varlotek" not in evidence
