"""Stop 44, quotes2 (issue 17 item 3, the German and Spanish misses of the quotes44 tune half): a German source
after „laut“ in the dative or genitive, with one adjective at most („Laut einem Sprecher sind … „…““, „Laut einer
neuen Zählung liegt …“); the Spanish cue « argumentó » after a quote.

All texts here were written for these tests.
"""

from __future__ import annotations

import pytest

from quote_inputs import quotes_of, quotes_with_people, speaker_text


# ---- German: „laut“ and the case it governs, before a verb with no comma ------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("Der Verein will im Sommer neu anfangen. Laut einem Sprecher sind ein Zeltlager und ein Turnier „fest eingeplant“.",
     "fest eingeplant", "einem Sprecher"),
    ("Laut einer ersten Schätzung ist der Schaden am Dach „deutlich höher als befürchtet“.",
     "deutlich höher als befürchtet", "einer ersten Schätzung"),
    ("Laut dem Gutachter war die Brücke über den Kellbach „seit Jahren marode“.",
     "seit Jahren marode", "dem Gutachter"),
])
def test_a_source_in_the_case_laut_governs_speaks_the_fragment(text: str, words: str, speaker: str) -> None:
    quote = quotes_of(text, "de")[words]
    assert quote.partial and speaker_text(quote) == speaker


def test_a_source_in_the_case_laut_governs_speaks_the_reported_clause() -> None:
    text = "Laut eines Sprechers liegen der Stadt Vornholm bisher keine Beschwerden über den neuen Radweg vor."
    quotes = quotes_of(text, "de")
    assert [speaker_text(quote) for quote in quotes.values()] == ["eines Sprechers"]
    assert not next(iter(quotes.values())).direct


@pytest.mark.parametrize("text, words", [
    # look-alikes that must not move: a determiner after another preposition, a determiner „laut“ does not
    # govern here with a lower-case word that is no adjective of that case, a pronoun after „laut“
    ("Mit einem Sprecher sprach der Reporter lange über die „neue Halle“.", "neue Halle"),
    ("Laut einer geht die Halle „zu spät“ auf.", "zu spät"),
    ("Laut ihm war das ein „großer Fehler“.", "großer Fehler"),
])
def test_other_determiners_and_pronouns_give_no_laut_source(text: str, words: str) -> None:
    quote = quotes_of(text, "de").get(words)
    assert quote is None or speaker_text(quote) not in ("einem Sprecher", "einer", "ihm")


@pytest.mark.parametrize("text, words", [
    ("Laut dem Bericht von der Zeitung „Abendpost“ bleiben die Mieten in Vornholm hoch.", "Abendpost"),
    ("Laut Bericht von der Zeitung „Abendpost“ bleiben die Mieten in Vornholm hoch.", "Abendpost"),
])
def test_a_preposition_after_the_source_goes_on_with_it(text: str, words: str) -> None:
    # the lower-case word after the source must be its verb: „von der Zeitung“ still names the source
    quote = quotes_of(text, "de").get(words)
    assert quote is None or speaker_text(quote) not in ("dem Bericht", "Bericht")


# ---- Spanish: « argumentó » after a quote ----------------------------------------------------------------------------

def test_argumento_after_a_quote_gives_its_subject() -> None:
    text = ("La cooperativa cerrará el molino en otoño.\n\n«Con este precio del grano no salen las cuentas», "
            "argumentó su presidente, Anselmo Requejo. «Lo hemos intentado todo.»")
    quotes = quotes_with_people(text, "es", [("Anselmo Requejo", "p1")])
    assert quotes["Con este precio del grano no salen las cuentas"].speaker_name == "Anselmo Requejo"
    assert quotes["Lo hemos intentado todo."].speaker_name == "Anselmo Requejo"


def test_argumento_with_a_dropped_subject_gives_the_person_before() -> None:
    text = ("El fiscal Rodrigo Almunia pidió más medios.\n\n\"Trabajamos con la mitad de la plantilla\", argumentó.")
    quote = quotes_with_people(text, "es", [("Rodrigo Almunia", "p1")])["Trabajamos con la mitad de la plantilla"]
    assert quote.speaker_name == "Rodrigo Almunia"


def test_argumento_with_no_quote_gives_no_quote() -> None:
    # look-alike that must not move: the verb in a plain sentence, its complement no quote
    text = "El consejero argumentó la subida con las cifras del último trimestre y la inflación del año."
    assert quotes_of(text, "es") == {}
