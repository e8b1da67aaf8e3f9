"""Stop 44, lead (issue 14, unsourced_quote): a quote whose cue stands right by it and whose speaker
the annotator knew, though the verb dropped its subject («…», explica.), is attributed; the next piece
of the same utterance in its paragraph («…», explica. «…») is no unsourced quote. Invented names."""

from __future__ import annotations

from trust_inputs import BODY, analyse, flags

SPEAKER = "El geólogo Mateo Villarrasa, del Instituto de Suelos de Peñalba, atendió ayer a los vecinos."


def _unsourced(text: str) -> list[str]:
    return [span.text for flag in flags(analyse(text, "es"), "unsourced_quote") for span in flag.evidence]


def test_the_piece_after_a_dropped_subject_cue_goes_on_with_its_speaker() -> None:
    text = (f"{BODY['es']}\n\n{SPEAKER}\n\n«Lo que se nota depende de la profundidad y del tipo de suelo», explica. "
            "«Un temblor poco profundo se siente mucho más que uno a treinta kilómetros.»")
    assert _unsourced(text) == []


def test_a_quote_standing_alone_after_narration_stays_unsourced() -> None:
    """Look-alike: no cue by the first quote, so nothing attributes the pair."""
    text = (f"{BODY['es']}\n\n{SPEAKER}\n\nLa red sísmica situó el epicentro cerca del embalse. "
            "«Un temblor poco profundo se siente mucho más que uno a treinta kilómetros.»")
    assert _unsourced(text) != []
