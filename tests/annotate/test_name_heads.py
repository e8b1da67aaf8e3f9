"""Names the model missed whose head word says their kind (annotate/name_heads.py, issue 16).
The places and organisations are invented."""

from __future__ import annotations

from newsweave.annotate.canonical import Mention
from newsweave.annotate.name_heads import names_of_heads, names_with_heads, organisations_named_with_firm_suffixes
from newsweave.annotate.nlp import pipeline
from newsweave.annotate.place_words import full_name_words


def _found(text: str, language: str, taken: list[str] = ()) -> list[tuple[str, str]]:
    mentions = [Mention(text.index(words), text.index(words) + len(words), words, "PER") for words in taken]
    return sorted((m.text, m.label) for m in names_with_heads(mentions, pipeline(language)(text), language))


def test_english_runs_ending_with_a_head_word() -> None:
    text = "Rain fell on Velmora Prefecture, and Dorvanic University closed early."
    assert _found(text, "en") == [("Dorvanic University", "ORG"), ("Velmora Prefecture", "LOC")]


def test_french_runs_opening_with_a_head_word() -> None:
    text = "Le Lac Mérouvel a gelé et l'Université Dorvanic a fermé."
    assert _found(text, "fr") == [("Lac Mérouvel", "LOC"), ("Université Dorvanic", "ORG")]


def test_common_words_before_a_head_are_no_name_and_mentions_are_kept() -> None:
    assert _found("The Political Party met.", "en") == []
    # A run the model already covers is not found again.
    assert _found("Dorvanic University closed.", "en", ["Dorvanic University"]) == []


def _of_heads(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = [Mention(text.index(words), text.index(words) + len(words), words, label) for words, label in found]
    return sorted((m.text, m.label) for m in names_of_heads(mentions, text, language))


def test_english_head_of_name_is_one_name_and_keeps_the_place_inside() -> None:
    text = "She taught at the Velmora Conservatory of Music and visited the Duchy of Halvery in May."
    result = _of_heads(text, "en", [("Velmora", "LOC"), ("Halvery", "LOC")])
    assert result == [("Duchy of Halvery", "LOC"), ("Halvery", "LOC"), ("Velmora", "LOC"),
                      ("Velmora Conservatory of Music", "ORG")]


def test_french_head_of_name_is_one_name() -> None:
    text = "Il enseigne à l'Université de Velmora depuis que le Royaume d'Halvery a signé."
    result = _of_heads(text, "fr", [("Velmora", "LOC"), ("Royaume", "PER")])
    assert ("Université de Velmora", "ORG") in result
    assert ("Royaume d'Halvery", "LOC") in result
    assert ("Royaume", "PER") not in result


def test_a_mention_crossing_the_edge_is_left_alone() -> None:
    text = "The Velmora University of Dunmere Halvery Lortan Vesk Ormund is new."
    # The model's name runs past the four capitalised words after "of": nothing is joined.
    result = _of_heads(text, "en", [("Dunmere Halvery Lortan Vesk Ormund", "ORG")])
    assert result == [("Dunmere Halvery Lortan Vesk Ormund", "ORG")]


def test_an_article_after_the_connector_and_for_with_organisations() -> None:
    text = "The Agrarian Party of the Velmora Republic met the Kessel Society for the Deaf on Monday."
    result = _of_heads(text, "en", [("Agrarian Party", "ORG"), ("Velmora Republic", "LOC"), ("Kessel Society", "ORG")])
    assert ("Agrarian Party of the Velmora Republic", "ORG") in result
    assert ("Kessel Society for the Deaf", "ORG") in result
    assert ("Agrarian Party", "ORG") not in result and ("Kessel Society", "ORG") not in result


def test_for_joins_no_place_head() -> None:
    # "for" is an organisation's connector only: a county "for" something is no name
    text = "The Halvery County for Dunmere votes."
    assert _of_heads(text, "en", []) == []


def test_hospitals_stadiums_and_stations_are_organisations() -> None:
    text = "Fans left Dorvanic Stadium for Velmora Hospital near Kessmoor Station."
    assert _found(text, "en") == [("Dorvanic Stadium", "ORG"), ("Kessmoor Station", "ORG"), ("Velmora Hospital", "ORG")]


def _firms(text: str, language: str, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    mentions = []
    for words, label in found:
        start = text.index(words, mentions[-1].end if mentions else 0)
        mentions.append(Mention(start, start + len(words), words, label))
    organisations_named_with_firm_suffixes(mentions, language, full_name_words(mentions))
    return [(mention.text, mention.label) for mention in mentions]


def test_a_firm_named_once_with_its_suffix_is_the_firm_alone_too() -> None:
    text = "Shares of Brimqor Inc. rose. Brimqor said its profit doubled, and Brimqor stores opened."
    assert _firms(text, "en", [("Brimqor Inc.", "ORG"), ("Brimqor", "PER"), ("Brimqor", "MISC")]) == [
        ("Brimqor Inc.", "ORG"), ("Brimqor", "ORG"), ("Brimqor", "ORG")]


def test_a_french_firm_named_once_with_its_suffix() -> None:
    text = "Les actions de Velorix SA ont progressé, et Velorix a annoncé un bénéfice."
    assert _firms(text, "fr", [("Velorix SA", "ORG"), ("Velorix", "PER")]) == [("Velorix SA", "ORG"), ("Velorix", "ORG")]


def test_a_quip_named_after_a_person_and_a_persons_surname_stay_persons() -> None:
    text = "Aides ran what he called Marcus Oldane Inc., and Marcus Oldane denied it. Tervo Corp. hired Anna Tervo; Tervo said yes."
    assert _firms(text, "en", [("Marcus Oldane Inc.", "ORG"), ("Marcus Oldane", "PER"), ("Tervo Corp.", "ORG"),
                               ("Anna Tervo", "PER"), ("Tervo", "PER")]) == [
        ("Marcus Oldane Inc.", "ORG"), ("Marcus Oldane", "PER"), ("Tervo Corp.", "ORG"), ("Anna Tervo", "PER"), ("Tervo", "PER")]
