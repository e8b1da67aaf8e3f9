"""Stop 43 (issue 14, generic_filler): padding that no phrase list names.

Padding tacked onto news without a stock phrase has a general shape: a demonstrative subject with an
evaluative verb ("a harvest like this reminds us …", „Solche Tage zeigen …“), a moral "all of us"
(« chacun », „wir alle“), or a question the article asks itself. Such a sentence is vague even when it
names the article's own place again, when its say-verb is only asked about («¿Qué nos dice …?») or when
its verb is a present passive (« chacun est appelé à … »); and a run of two vague sentences, one of
them general, is judged against the article's own rate, inside a paragraph too.

Look-alikes that stay unflagged: the same general sentence given to a named speaker (an attributed
opinion), a quoted expert speaking generally, and a sober factual close with a particular subject.

Invented towns, people, firms and sentences.
"""

from __future__ import annotations

import pytest
from trust_inputs import analyse, flags

# (the article's facts, its last paragraph of facts before the padding)
FACTS = {
    "en": ("Fernholt's orchard cooperative picked 412 tonnes of apples this autumn, its largest harvest since 2011, "
           "the cooperative said on Thursday. Thirty-one growers delivered fruit to the press house on Mill Lane.\n\n"
           "Chair Ruth Dalby said the late frost in April had spared the valley's upper slopes. The cooperative will "
           "sell its juice at the Saturday market in Ashcombe from 8 November."),
    "fr": ("La coopérative fruitière de Vaudreuil a récolté 412 tonnes de pommes cet automne, sa meilleure année "
           "depuis 2011, a-t-elle annoncé jeudi. Trente et un producteurs ont livré leurs fruits au pressoir de la rue "
           "du Moulin.\n\nLa présidente, Sylvie Marchal, a expliqué que le gel tardif d'avril avait épargné les coteaux. "
           "Le jus sera vendu au marché du samedi à Ambly à partir du 8 novembre."),
    "de": ("Die Obstgenossenschaft Kirchweiler hat in diesem Herbst 412 Tonnen Äpfel geerntet, so viel wie seit "
           "2011 nicht mehr, teilte sie am Donnerstag mit. 31 Erzeuger lieferten ihr Obst an die Kelterei "
           "am Mühlweg.\n\nDie Vorsitzende Jutta Rendel sagte, der späte Frost im April habe die oberen Hänge verschont. "
           "Der Saft wird ab dem 8. November auf dem Samstagsmarkt in Amsdorf verkauft."),
    "es": ("La cooperativa frutícola de Navalcruz recogió 412 toneladas de manzanas este otoño, su mejor cosecha "
           "desde 2011, según informó el jueves. Treinta y un productores entregaron la fruta en el lagar de la calle "
           "del Molino.\n\nLa presidenta, Remedios Olave, explicó que la helada tardía de abril respetó las laderas "
           "altas. El zumo se venderá en el mercado de los sábados de Almedina a partir del 8 de noviembre."),
}

# Padding of general shape; the first sentence names the article's own town again.
PADDING = {
    "en": ("A harvest like this in Fernholt reminds us what a valley can do when it works together. Hard years will "
           "come again, but there is every reason for hope."),
    "fr": ("À Vaudreuil, chacun est appelé à prendre sa part de cette belle aventure. Les défis restent nombreux, "
           "mais l'espoir est permis."),
    "de": ("Solche Tage in Kirchweiler zeigen, was möglich ist, wenn wir alle zusammenhalten. Die Herausforderungen "
           "bleiben groß, doch die Hoffnung überwiegt."),
    "es": ("¿Qué nos dice una cosecha así en Navalcruz sobre el tiempo que vivimos? Los retos siguen siendo grandes, "
           "pero hay motivos para la esperanza."),
}

# The same general sentence given to a named speaker, then a particular close.
ATTRIBUTED = {
    "en": ("A harvest like this reminds us what a valley can do when it works together, grower Tom Ebdon said. "
           "The press house will stay open until the end of the month."),
    "fr": ("Chacun est appelé à prendre sa part de cette aventure, a déclaré le producteur Marc Dujardin. "
           "Le pressoir restera ouvert jusqu'à la fin du mois."),
    "de": ("Solche Tage zeigen, was möglich ist, wenn wir alle zusammenhalten, sagte Erzeuger Tom Ebner. "
           "Die Kelterei bleibt bis zum Monatsende geöffnet."),
    "es": ("Una cosecha así nos recuerda lo que puede hacer un valle unido, afirmó el productor Tomás Ebro. "
           "El lagar seguirá abierto hasta final de mes."),
}

# A quoted expert speaking generally.
QUOTED = {
    "en": ('"Seasons like this remind all of us how much a valley depends on a few cold nights," said Peter Lund, '
           "a fruit scientist at the regional institute."),
    "fr": ("« Une saison comme celle-ci montre combien nous tous dépendons de quelques nuits froides », a déclaré "
           "Pierre Lunel, agronome à l'institut régional."),
    "de": ("„Solche Jahre zeigen uns allen, wie sehr wir alle von ein paar kalten Nächten abhängen“, sagte Peter "
           "Lindner, Obstbauexperte am Landesinstitut."),
    "es": ("«Una temporada así nos recuerda a todos nosotros cuánto depende un valle de unas pocas noches frías», "
           "dijo Pedro Lunar, agrónomo del instituto regional."),
}

# A sober factual close: two vague sentences about the article's particular things.
SOBER = {
    "en": ("Bottled juice keeps well in a cool cellar. Growers expect a smaller crop after so heavy a harvest."),
    "fr": ("Le jus en bouteille se conserve bien dans une cave fraîche. Les producteurs s'attendent à une récolte "
           "plus modeste après une telle abondance."),
    "de": ("Abgefüllter Saft hält sich in einem kühlen Keller gut. Die Erzeuger rechnen nach einer so reichen Ernte "
           "mit einer kleineren."),
    "es": ("El zumo embotellado se conserva bien en una bodega fresca. Los productores esperan una cosecha menor "
           "tras una tan abundante."),
}


def _filler(text: str, language: str) -> list[str]:
    return [span.text for flag in flags(analyse(text, language), "generic_filler") for span in flag.evidence]


@pytest.mark.parametrize("language", sorted(PADDING))
def test_general_padding_on_the_articles_own_town_is_flagged_at_the_end(language: str) -> None:
    text = f"{FACTS[language]}\n\n{PADDING[language]}"
    evidence = " ".join(_filler(text, language))
    assert PADDING[language].split(" ")[2] in evidence, evidence


@pytest.mark.parametrize("language", ["en", "fr"])
def test_general_padding_inside_a_paragraph_is_flagged(language: str) -> None:
    facts, last = FACTS[language].split("\n\n")
    text = f"{facts} {PADDING[language]} {last}"
    assert _filler(text, language), text


@pytest.mark.parametrize("language", sorted(ATTRIBUTED))
def test_an_attributed_opinion_is_no_padding(language: str) -> None:
    assert _filler(f"{FACTS[language]} {ATTRIBUTED[language]}", language) == []


@pytest.mark.parametrize("language", sorted(QUOTED))
def test_a_quoted_expert_speaking_generally_is_no_padding(language: str) -> None:
    assert _filler(f"{FACTS[language]}\n\n{QUOTED[language]}", language) == []


@pytest.mark.parametrize("language", sorted(SOBER))
def test_a_sober_factual_close_is_no_padding(language: str) -> None:
    assert _filler(f"{FACTS[language]} {SOBER[language]}", language) == []
