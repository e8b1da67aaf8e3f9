"""Stop 41, third round (issue 14): German false alarms of ``generic_filler`` on real news.

* An explainer states its background in stretches of general sentences, section after section. A
  long stretch there is the article's register, which the rate of vague sentences taken one by one
  calls unlikely; the rate at which the article's other vague sentences follow one another explains
  it. The same long run in a report whose other vague sentences stand one by one stays padding.

Invented towns, firms and sentences.
"""

from __future__ import annotations

from trust_inputs import analyse, flags

# Sentences with a figure: specific whatever else they say.
SPECIFIC = [
    "Die Stadtwerke Quellbrunn versorgen derzeit 4.200 Haushalte mit Fernwärme.",
    "Bis 2030 sollen nach dem Beschluss des Stadtrats 6.000 Haushalte angeschlossen sein.",
    "Im vergangenen Jahr wurden in Quellbrunn 312 Wärmepumpen eingebaut.",
    "Ein Gerät für ein Einfamilienhaus kostet zwischen 25.000 und 40.000 Euro.",
    "Der Bund übernimmt davon bis zu 70 Prozent der Kosten.",
    "Für den Anschluss an das Netz verlangen die Stadtwerke 9.500 Euro.",
    "Der Arbeitspreis liegt derzeit bei 11 Cent je Kilowattstunde.",
    "Das Heizwerk am Mühlweg läuft seit 2019 mit Holzhackschnitzeln.",
    "Es ersetzt vier alte Ölkessel mit zusammen 3 Megawatt Leistung.",
    "Eine Tonne Pellets kostet in diesem Winter rund 380 Euro.",
    "Ein Einfamilienhaus braucht im Jahr etwa 5 Tonnen davon.",
    "In Quellbrunn heizen nach der Statistik des Landkreises noch 41 Prozent der Häuser mit Öl.",
    "Weitere 35 Prozent der Häuser nutzen eine Gasheizung.",
    "Das Gasnetz der Stadt ist insgesamt 180 Kilometer lang.",
    "Die Beratung der Energieagentur im Rathaus ist an jedem 2. Dienstag im Monat geöffnet.",
    "Ein Termin dauert etwa 45 Minuten und kostet 30 Euro.",
    "Im Jahr 2024 nahmen 640 Hausbesitzer das Angebot wahr.",
    "Die Wartezeit auf einen Handwerker beträgt derzeit bis zu 14 Wochen.",
    "Für Fördermittel muss der Antrag vor Beginn der Arbeiten gestellt werden, die Frist beträgt 6 Monate.",
    "Die Stadt hat für ihr eigenes Förderprogramm 250.000 Euro bereitgestellt.",
]
# Background in general sentences: three sections of four.
BACKGROUND = [
    ["Eine Wärmepumpe holt sich ihre Energie aus der Umgebungsluft oder aus dem Erdreich.",
     "Dafür braucht sie Strom, aber deutlich weniger, als sie an Wärme abgibt.",
     "Am besten arbeitet sie in gut gedämmten Häusern mit großen Heizflächen.",
     "In älteren Gebäuden lohnt sich deshalb oft zuerst ein Blick auf die Fenster."],
    ["Fernwärme kommt dagegen fertig ins Haus und braucht keinen eigenen Kessel.",
     "Das Wasser fließt durch dicke Rohre unter der Straße zu den Gebäuden.",
     "Im Keller gibt ein Wärmetauscher die Wärme an die Heizung im Haus weiter.",
     "Wer angeschlossen ist, muss sich um Wartung und Schornstein kaum noch kümmern."],
    ["Pelletheizungen verbrennen gepresste Holzreste aus heimischen Sägewerken.",
     "Sie brauchen einen trockenen Lagerraum und einen eigenen Schornstein.",
     "Der Brennstoff muss regelmäßig geliefert werden, meist mit einem Lastwagen.",
     "Viele Hausbesitzer schätzen, dass das Holz aus der Region stammt."],
]
# The long stretch: seven general sentences in a row.
LONG_STRETCH = [
    "Welche Heizung passt, hängt vom Haus und vom Geldbeutel ab.",
    "Ein Neubau stellt ganz andere Anforderungen als ein Altbau aus der Gründerzeit.",
    "Auch die Lage des Grundstücks spielt dabei eine Rolle.",
    "Nicht überall liegt eine Fernwärmeleitung direkt vor der Tür.",
    "Manchmal ist eine Kombination aus mehreren Lösungen sinnvoll.",
    "Eine gründliche Beratung vor dem Kauf lohnt sich fast immer.",
    "Fördermittel können einen großen Teil der Kosten abdecken.",
]


def _paragraphs(*groups: list[str]) -> str:
    return "\n\n".join(" ".join(group) for group in groups)


def _explainer() -> str:
    """The background in sections of four, between paragraphs of figures, then the long stretch."""
    a, b, c = BACKGROUND
    s = SPECIFIC
    return _paragraphs(s[0:3], a, s[3:7], b, s[7:11], c, s[11:15], LONG_STRETCH, s[15:20])


def _report() -> str:
    """The same sentences, the background ones standing one by one between figures, then the long stretch."""
    single = [sentence for section in BACKGROUND for sentence in section]
    s = SPECIFIC
    paragraphs = [[s[index], single[index]] for index in range(12)]
    return _paragraphs(*paragraphs, s[12:15], LONG_STRETCH, s[15:20])


def _flagged_openings(text: str) -> list[str]:
    return [span.text[:40] for flag in flags(analyse(text, "de"), "generic_filler") for span in flag.evidence]


def test_a_long_stretch_of_background_in_an_explainer_is_its_register() -> None:
    assert _flagged_openings(_explainer()) == []


def test_the_same_stretch_in_a_report_whose_vague_sentences_stand_alone_stays_padding() -> None:
    assert any(opening.startswith("Welche Heizung passt") for opening in _flagged_openings(_report()))
