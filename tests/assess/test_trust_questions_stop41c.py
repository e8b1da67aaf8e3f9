"""Stop 41, third round (issue 14): a German open question about the past tells nothing that happened.

German has no parser here, so a past form (``[filler] narration``) tells a report from padding.
Inside an „ob“ clause („…, ob die richtige Entscheidung getroffen wurde“) the past form asks whether
something happened; such a sentence is not judged (it neither adds to nor breaks a run of vague
sentences), so padding around it stays padding. A past form outside the clause („Der Rat prüfte, ob …“)
still narrates and breaks the run.

Invented towns, people and sentences.
"""

from __future__ import annotations

from trust_inputs import analyse, flags

BODY_DE = (
    "Der Gemeinderat von Kellingen hat am Dienstag mit 14 zu 5 Stimmen beschlossen, die Brücke über die Ahlbach "
    "für 2,4 Millionen Euro zu erneuern. Die Arbeiten beginnen im Mai 2026 und dauern nach Angaben der Verwaltung "
    "elf Monate. Bürgermeisterin Jutta Brenninger sagte, der Umweg für Pendler betrage 9 Kilometer.\n\n"
    "Die alte Brücke stammt aus dem Jahr 1958 und trägt täglich etwa 6.300 Fahrzeuge. Ein Gutachten des "
    "Ingenieurbüros Wendlandt hatte im Herbst 2024 Risse in zwei Pfeilern gefunden."
)


def _padding(middle: str) -> str:
    return (
        "Die Stimmung im ganzen Ort bleibt nach dem Beschluss eher trüb und still. "
        f"{middle} "
        "Alles hängt jetzt davon ab, wie es in den kommenden Monaten weitergeht. "
        "Für viele Menschen ist das eine Frage, die sie sehr stark beschäftigt."
    )


OPEN_QUESTION = "Ob die richtige Entscheidung getroffen wurde, kann noch niemand wirklich beurteilen."
NARRATED = "Der Rat prüfte lange, ob die alte Brücke noch zu retten war."


def _evidence(text: str) -> list[str]:
    return [span.text for flag in flags(analyse(text, "de"), "generic_filler") for span in flag.evidence]


def test_padding_around_an_open_question_about_the_past_stays_padding() -> None:
    evidence = _evidence(f"{BODY_DE}\n\n{_padding(OPEN_QUESTION)}")
    assert any(span.startswith("Die Stimmung im ganzen Ort") for span in evidence)


def test_a_past_form_outside_the_ob_clause_still_narrates() -> None:
    # „prüfte“ tells what the council did: the sentence is a report and breaks the run in two.
    assert _evidence(f"{BODY_DE}\n\n{_padding(NARRATED)}") == []


def test_an_open_question_in_a_specific_report_raises_nothing() -> None:
    report = f"{BODY_DE}\n\nUnklar ist, ob die Pfeiler schon beim Bau falsch berechnet wurden. Die Verwaltung prüft das bis Juni."
    assert _evidence(report) == []
