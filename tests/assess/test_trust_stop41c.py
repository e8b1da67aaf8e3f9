"""Stop 41, third round (issue 14): German false alarms of ``generic_filler`` on real news.

* An explainer states its background in stretches of general sentences, section after section. A
  long stretch there is the article's register, which the rate of vague sentences taken one by one
  calls unlikely; the rate at which the article's other vague sentences follow one another explains
  it. The same long run in a report whose other vague sentences stand one by one stays padding.
* A German first-person account told over several sentences (an interview's answers) is its speaker's
  words, not the article's padding; a lone „ich“ aside inside impersonal padding changes nothing.
* Shares written in words („ein Drittel“, „die Hälfte“) are as checkable as figures.

Invented towns, firms and sentences.
"""

from __future__ import annotations

from trust_inputs import analyse, flags

# Plain specific sentences that give a test article a body.
BODY_DE = ("Der Rat von Quellbrunn hat 17 Mitglieder und tagt im alten Zollhaus. Sein Haushalt umfasst 3,8 Millionen "
           "Euro. Bürgermeister Falk Ostermann leitete die Sitzung am Montag.")

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


# A German interview: an answer goes on in a paragraph of its own, without the speaker's label, telling in the
# present and in the first person what the speaker lives through.
GERMAN_INTERVIEW = (
    "Der Bergführer Anselm Torbach aus Quellbrunn hat sich bei einem Sturz am Kalmhorn beide Beine gebrochen. "
    "Seit dem 3. März liegt er im Kreiskrankenhaus.\n\n"
    "Herr Torbach, wie geht es Ihnen?\n\n"
    "Anselm Torbach: Am Anfang hatte ich große Schmerzen.\n\n"
    "Hier bekomme ich Krankengymnastik und übe das Gehen an Krücken. Die Tage ziehen sich, und "
    "ich vermisse meine Berge sehr. Abends lese ich viel oder schaue aus dem Fenster auf den Wald.\n\n"
    "Wann dürfen Sie nach Hause?\n\n"
    "Anselm Torbach: Die Ärzte rechnen mit sechs Wochen."
)

# Impersonal padding with one first-person aside of the writer's.
GERMAN_PADDING_WITH_AN_ASIDE = (
    "Zum Bergfest auf dem Kalmhorn kamen am Sonntag rund 900 Wanderer, teilte der Alpenverein Quellbrunn mit.\n\n"
    "Die Zukunft des Festes bleibt offen. Ich bin gespannt, wie es weitergeht. Vieles hängt von vielen Dingen ab.\n\n"
    "Der Verein zählte 48 Helfer, sagte Vorsitzende Edith Marholz."
)

# A report whose sentences give shares in words.
GERMAN_SHARES = (
    "Der Jugendhilfeausschuss von Quellbrunn hat am Dienstag seinen Bericht für 2025 vorgelegt.\n\n"
    "Ein Drittel der jungen Leute findet nach der Beratung eine Lehrstelle. Das zweite Drittel holt den Abschluss "
    "an der Abendschule nach. Für das letzte Drittel gibt es bisher keine passende Hilfe. Die Hälfte von ihnen "
    "lebt noch bei den Eltern.\n\n"
    "Der Ausschuss will im Herbst über mehr Geld für die Beratung entscheiden, sagte Leiterin Gudrun Pfeil."
)


def test_a_german_first_person_account_is_its_speakers_words() -> None:
    text = f"{GERMAN_INTERVIEW}\n\n{BODY_DE}"
    assert flags(analyse(text, "de"), "generic_filler") == []


def test_a_lone_first_person_aside_in_padding_stays_padding() -> None:
    found = flags(analyse(f"{GERMAN_PADDING_WITH_AN_ASIDE}\n\n{BODY_DE}", "de"), "generic_filler")
    assert any(span.text.startswith("Die Zukunft des Festes") for flag in found for span in flag.evidence)


def test_shares_written_in_words_are_checkable() -> None:
    assert flags(analyse(f"{GERMAN_SHARES}\n\n{BODY_DE}", "de"), "generic_filler") == []
