"""Plain-text cleaning: furniture lines in several languages are cut and kept with their
offsets, and a first line that reads as a headline becomes the article's title."""

from __future__ import annotations

import pytest

from newsweave.extract import extract_document
from newsweave.extract.plaintext import clean_plain_text, headline_of
from newsweave.model import RawDocument

ARTICLES = {
    "en": ("Ferry service to Kelby Isle resumes after storm repairs\n\n"
           "The ferry between Dunmore and Kelby Isle sailed again on Friday after three weeks of repairs to the pier.\n"
           "Share this article on Facebook\n"
           "Islanders had relied on a small launch for food and post, the harbour master said.\n"
           "© 2025 Dunmore Courier. All rights reserved.\n",
           ["Share this article on Facebook", "© 2025 Dunmore Courier. All rights reserved."]),
    "fr": ("Le marché couvert de Vaulmont rouvre après travaux\n\n"
           "Les commerçants du marché couvert de Vaulmont ont retrouvé leurs étals samedi matin.\n"
           "Partager cet article\n"
           "La mairie a financé la réfection de la toiture, a précisé l'adjointe chargée du commerce.\n"
           "Tous droits réservés\n",
           ["Partager cet article", "Tous droits réservés"]),
    "de": ("Neue Buslinie verbindet Altwerder mit dem Bahnhof\n\n"
           "Seit Montag fährt die Linie 14 im Zehn-Minuten-Takt zwischen Altwerder und dem Hauptbahnhof.\n"
           "Artikel teilen\n"
           "Der Verkehrsverbund rechnet mit 3000 Fahrgästen am Tag, sagte eine Sprecherin.\n"
           "Newsletter abonnieren\n"
           "Wir verwenden Cookies, um unser Angebot zu verbessern.\n"
           "© Altwerder Anzeiger 2025 - Alle Rechte vorbehalten\n",
           ["Artikel teilen", "Newsletter abonnieren", "Wir verwenden Cookies, um unser Angebot zu verbessern.",
            "© Altwerder Anzeiger 2025 - Alle Rechte vorbehalten"]),
    "es": ("El ayuntamiento de Villaserra amplía el carril bici\n\n"
           "Las obras añadirán cuatro kilómetros de carril bici entre el puerto y el barrio de San Telmo.\n"
           "El proyecto costará 1,2 millones de euros, según la concejala de movilidad.\n"
           "© Diario de Villaserra. Todos los derechos reservados.\n",
           ["© Diario de Villaserra. Todos los derechos reservados."]),
}


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_furniture_lines_are_cut_and_kept_with_their_offsets(language):
    raw, furniture = ARTICLES[language]
    cleaned = clean_plain_text(raw)
    assert [piece.text for piece in cleaned.removed] == furniture
    for piece in cleaned.removed:
        assert raw[piece.source_start : piece.source_end] == piece.text
        assert piece.text not in cleaned.text
    assert "said" in cleaned.text or "a précisé" in cleaned.text or "sagte" in cleaned.text or "según" in cleaned.text


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_a_first_line_that_reads_as_a_headline_is_the_title(language):
    raw, _ = ARTICLES[language]
    document = RawDocument(source=f"{language}.txt", raw=raw, kind="text", raw_sha256="0" * 64)
    article = extract_document(document)
    assert article.title == raw.splitlines()[0]
    assert article.text.startswith(article.title)  # the headline stays part of the text


@pytest.mark.parametrize("text", [
    "The ferry sailed again on Friday after three weeks of repairs.\nIslanders were relieved.",
    "Dunmore, 3 March 2025 - The ferry sailed again on Friday,\nafter three weeks of repairs.",
    "A single line with no text after it",
    " ".join(["word"] * 40) + "\nMore text.",
])
def test_lead_paragraphs_and_lone_lines_are_no_headline(text):
    assert headline_of(text) is None


def test_a_declared_title_wins_over_the_first_line():
    raw, _ = ARTICLES["en"]
    document = RawDocument(source="feed.xml#item1", raw=raw, kind="text", raw_sha256="0" * 64, title="Feed title")
    assert extract_document(document).title == "Feed title"


# Furniture glued at the end of an article line: the sentence stays, the tail is cut.
GLUED = [
    ("The council of Dunmore approved the new pier on Tuesday. Sign up for our newsletter",
     "The council of Dunmore approved the new pier on Tuesday.", "Sign up for our newsletter"),
    ("The ferry to Kelby Isle will run twice a day.Share on Facebook Share on Twitter",
     "The ferry to Kelby Isle will run twice a day.", "Share on Facebook Share on Twitter"),
    ("Tickets for the Kelby Isle fair go on sale in May. Share this: Email Twitter Facebook Like this: Like Loading...",
     "Tickets for the Kelby Isle fair go on sale in May.", "Share this: Email Twitter Facebook Like this: Like Loading..."),
    ("Der Stadtrat von Weilheim-Ost billigte den Neubau am Dienstag. (dpa)",
     "Der Stadtrat von Weilheim-Ost billigte den Neubau am Dienstag.", "(dpa)"),
    ("Die Fähre nach Kellwerder fährt wieder zweimal täglich.Mehr zum Thema - Fähren im Winter",
     "Die Fähre nach Kellwerder fährt wieder zweimal täglich.", "Mehr zum Thema - Fähren im Winter"),
    ("Die Brücke bleibt bis März gesperrt, sagte die Bürgermeisterin. © dpa",
     "Die Brücke bleibt bis März gesperrt, sagte die Bürgermeisterin.", "© dpa"),
]


@pytest.mark.parametrize(("line", "kept", "cut"), GLUED)
def test_furniture_glued_at_the_end_of_a_line_is_cut_with_its_offsets(line, kept, cut):
    raw = f"{line}\nThe rest of the article follows here."
    cleaned = clean_plain_text(raw)
    assert cleaned.text.startswith(kept + "\n")
    assert [piece.text for piece in cleaned.removed] == [cut]
    piece = cleaned.removed[0]
    assert raw[piece.source_start : piece.source_end] == cut
    start, end = cleaned.offsets.to_source(0, len(kept))
    assert raw[start:end] == kept


@pytest.mark.parametrize("line", [
    # sentences that only look like furniture: they mention a newsletter, a share, an agency
    "The mayor of Dunmore spoke. Share on Facebook was the most common request, she said.",
    "He said the club would share on Facebook every result of the season.",
    "Der Sprecher sagte, die Agentur (dpa) habe zuerst berichtet.",
    "Der Landrat von Kellwerder schwieg. Die Agentur dpa berichtete zuerst.",
    "La alcaldesa de Villaseca dijo que te puede interesar saber que el puente abrirá en marzo.",
])
def test_sentences_that_only_look_like_furniture_stay(line):
    raw = f"{line}\nThe rest of the article follows here."
    cleaned = clean_plain_text(raw)
    assert cleaned.removed == []
    assert cleaned.text.startswith(line)
