"""Trust flags, stop 33 (issue 14): a speaker carried over to a quote that says it is someone else's words.

A colon lead-in that names no one („Die Stimmung ließ sich in einem Satz zusammenfassen:“) says
where its quote comes from, or nothing does: the speaker of the paragraph before does not carry
over past it, also when the quotes annotator carried him over. A quotation alone on a later line
that the annotator joined to the last speaker's utterance, and whose paragraph then goes on in the
writer's own words, is no speaker going on. Each rule comes with its counterpart that must stay as
it was. Texts invented for these tests (en, de, fr), through the real pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags

from newsweave.assess.leaks import detect_boilerplate_leak
from newsweave.model import Article
from newsweave.offsets import OffsetMap

TAIL = {
    "en": "The council will vote on the repair budget on 14 May.\n",
    "de": "Der Gemeinderat stimmt am 14. Mai über den Reparaturhaushalt ab.\n",
    "fr": "Le conseil votera le budget des réparations le 14 mai.\n",
}
# A paragraph that ends in attributed speech, then the quote under test.
SPEAKING = {
    "en": ("The Orvel bridge has been closed since March, and the detour adds forty minutes to every trip.\n\n"
           "“We have asked the county for a date three times and never received an answer,” said Ilse Varga, "
           "who runs the bakery by the bridge.\n\n"),
    "de": ("Die Brücke in Orvel ist seit März gesperrt, und die Umleitung kostet jede Fahrt vierzig Minuten.\n\n"
           "„Wir haben den Kreis dreimal nach einem Termin gefragt und nie eine Antwort bekommen“, sagte Ilse "
           "Varga, die die Bäckerei an der Brücke führt.\n\n"),
    "fr": ("Le pont d'Orvel est fermé depuis mars, et la déviation ajoute quarante minutes à chaque trajet.\n\n"
           "« Nous avons demandé trois fois une date au département sans jamais recevoir de réponse », a déclaré "
           "Ilse Varga, qui tient la boulangerie près du pont.\n\n"),
}
COLON_NOBODY = {
    "en": "The feeling on the market square fitted into one short line: “Nobody in this valley trusts the county any more.”\n\n",
    "de": "Die Stimmung auf dem Marktplatz passte in eine kurze Zeile: „Niemand in diesem Tal traut dem Kreis noch.“\n\n",
    "fr": "L'humeur sur la place du marché tenait en une courte ligne : « Plus personne dans cette vallée ne fait confiance au département. »\n\n",
}
COLON_PRONOUN = {
    "en": "She put it more bluntly: “Nobody in this valley trusts the county any more.”\n\n",
    "de": "Sie sagte es noch deutlicher: „Niemand in diesem Tal traut dem Kreis noch.“\n\n",
    "fr": "Elle a été plus directe : « Plus personne dans cette vallée ne fait confiance au département. »\n\n",
}
GOING_ON = {
    "en": "“Nobody in this valley trusts the county any more.”\n\n",
    "de": "„Niemand in diesem Tal traut dem Kreis noch.“\n\n",
    "fr": "« Plus personne dans cette vallée ne fait confiance au département. »\n\n",
}


def _unsourced(text: str, language: str) -> list[str]:
    return [flag.evidence[0].text for flag in flags(analyse(text + TAIL[language], language), "unsourced_quote")]


def test_a_colon_lead_in_naming_nobody_after_a_speaker_is_unsourced() -> None:
    for language in ("en", "de", "fr"):
        [evidence] = _unsourced(SPEAKING[language] + COLON_NOBODY[language], language)
        assert "Nobody" in evidence or "Niemand" in evidence or "personne" in evidence, language


def test_a_colon_lead_in_with_a_pronoun_or_no_lead_in_goes_on_with_the_speaker() -> None:
    for language in ("en", "de", "fr"):
        assert _unsourced(SPEAKING[language] + COLON_PRONOUN[language], language) == [], language
        assert _unsourced(SPEAKING[language] + GOING_ON[language], language) == [], language


# Speech set one sentence a line, as wire copy does: the annotator joins the lines into one utterance.
LINES = {
    "en": ("The mayor defended the budget before the council on Monday.\n"
           "“We took these decisions to keep the school open,” he said.\n"
           "“The alternative would be closing it.”\n\n"),
    "de": ("Der Bürgermeister verteidigte den Haushalt am Montag vor dem Rat.\n"
           "„Wir haben diese Entscheidungen getroffen, um die Schule offen zu halten“, sagte er.\n"
           "„Die Alternative wäre, sie zu schließen.“\n\n"),
}
JOINED_THEN_NARRATION = {
    "en": "“If the mill closes, half of the families will have to move away.” The hall emptied slowly after the vote.\n\n",
    "de": "„Wenn die Mühle schließt, muss die Hälfte der Familien wegziehen.“ Der Saal leerte sich nach der Abstimmung nur langsam.\n\n",
}
JOINED_ALONE = {
    "en": "“If the mill closes, half of the families will have to move away.”\n\n",
    "de": "„Wenn die Mühle schließt, muss die Hälfte der Familien wegziehen.“\n\n",
}


def test_a_joined_quote_whose_paragraph_goes_on_in_narration_is_unsourced() -> None:
    for language in ("en", "de"):
        [evidence] = _unsourced(LINES[language] + JOINED_THEN_NARRATION[language], language)
        assert "mill" in evidence or "Mühle" in evidence, language


def test_a_joined_quote_alone_on_its_line_goes_on_with_the_speaker() -> None:
    for language in ("en", "de"):
        assert _unsourced(LINES[language] + JOINED_ALONE[language], language) == [], language


# -- furniture: Spanish related-content boxes headed by their lead-in alone ---------------------

STORY_ES = ("El puerto de Velmar reabrió el lunes después de una semana de temporales que lo cerraron a todo el tráfico.\n\n"
            "Los pesqueros salieron antes del amanecer y el ferri a las islas funcionó con su horario de invierno.\n\n"
            "{line}\n\n"
            "El capitán del puerto calcula que las obras del dique exterior durarán hasta final de mes.\n")
# Lead-ins of related-content boxes written for these tests, in the forms real Spanish pages show.
FURNITURE_ES = ["NOTAS RELACIONADAS", "También te puede interesar", "Te recomendamos", "Más información >",
                "Temas relacionados:", "Ver más"]
# Article text with the same words inside a sentence.
NOT_FURNITURE_ES = [
    "Más información sobre las mareas llegará el jueves, según la capitanía del puerto.",
    "Te recomendamos que no salgas al mar esta semana, dijo el capitán a los pescadores de Velmar.",
]


def _furniture_caught_es(line: str) -> bool:
    article = analyse(STORY_ES.format(line=line), "es")
    if line not in article.text:
        return True  # the extractor cut it
    start = article.text.index(line)
    return any(span.start < start + len(line) and start < span.end and span.text.strip()
               for flag in flags(article, "boilerplate_leak") for span in flag.evidence)


def test_spanish_related_content_lead_ins_alone_on_a_line_are_furniture() -> None:
    for line in FURNITURE_ES:
        assert _furniture_caught_es(line), line


def test_spanish_sentences_with_the_same_words_stay() -> None:
    for line in NOT_FURNITURE_ES:
        article = analyse(STORY_ES.format(line=line), "es")
        assert line in article.text and flags(article, "boilerplate_leak") == [], line


# -- evidence: a web address in camel case is one word -----------------------------------------

def test_furniture_evidence_ends_on_a_word_boundary_after_a_camel_case_address() -> None:
    # The detector on the text as it stands (the extractor would cut this line before it).
    text = STORY_ES.format(line="Las obras costarán 12 millones de euros. Léala en nuestro sitio de noticias, "
                                "VelmarNoticias.com | Portada")
    article = Article(id="camel", source="camel", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language="es")
    spans = [span for flag in detect_boilerplate_leak(article) for span in flag.evidence]
    assert spans
    for span in spans:
        assert not (span.end < len(text) and text[span.end - 1].isalnum() and text[span.end].isalnum()), span.text
        assert not (span.start > 0 and text[span.start - 1].isalnum() and text[span.start].isalnum()), span.text
