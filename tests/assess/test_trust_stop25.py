"""Trust flags, stop 25 (issue 14): German and Spanish site furniture, and the planted-problem
misses of the tune half. Texts invented for these tests, in two or more languages each, with
clean articles that must stay unflagged; everything runs through the real pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags


DE_FACTS = ("Die Werft Norland hat am Montag in Harwick 140 Stellen gestrichen, teilte die Gewerkschaft mit.\n\n"
            "Die Werft hatte seit 1988 insgesamt 32 Schiffe gebaut, heißt es im Geschäftsbericht.\n\n")
ES_FACTS = ("La naviera Norland suprimió 140 empleos en Harwick el lunes, según el sindicato.\n\n"
            "El astillero había construido 32 barcos desde 1988, según las cuentas de la empresa.\n\n")


# -- furniture in German and Spanish ----------------------------------------------------------


def test_a_read_also_line_is_cut_in_german_and_spanish() -> None:
    de = analyse(DE_FACTS + "Lesen Sie auch: Hafenfest in Harwick abgesagt\n\nDer Betriebsrat will am Freitag beraten.\n", "de")
    es = analyse(ES_FACTS + "Te puede interesar: Cancelada la fiesta del puerto de Harwick\n\nEl comité se reunirá el viernes.\n", "es")
    assert [removed.reason for removed in de.removed] == ["read_also"] and "Hafenfest" not in de.text
    assert [removed.reason for removed in es.removed] == ["read_also"] and "Cancelada" not in es.text


def test_furniture_glued_at_the_end_of_a_paragraph_is_cut_and_the_sentence_stays() -> None:
    # Stop 27: a read-also link glued after the paragraph's last sentence is cut (extract's
    # furniture_tail) instead of being left in the text and flagged as a leak.
    de = analyse(DE_FACTS + "Der Betriebsrat will am Freitag beraten. Mehr zum Thema: Hafenfest in Harwick abgesagt\n", "de")
    es = analyse(ES_FACTS + "El comité se reunirá el viernes. Lee también: Cancelada la fiesta del puerto\n", "es")
    for article, words, sentence in ((de, "Mehr zum Thema", "will am Freitag beraten."),
                                     (es, "Lee también", "se reunirá el viernes.")):
        assert any(words in piece.text for piece in article.removed) and words not in article.text
        assert sentence in article.text and flags(article, "boilerplate_leak") == []


def test_share_rows_and_newsletter_prompts_are_cut_in_german() -> None:
    text = DE_FACTS + ("Artikel auf Facebook teilen Artikel per E-Mail versenden\n\n"
                       "Abonnieren Sie unseren Newsletter für die wichtigsten Nachrichten aus der Region.\n\n"
                       "Der Betriebsrat will am Freitag beraten.\n")
    article = analyse(text, "de")
    assert sorted(removed.reason for removed in article.removed) == ["share_buttons", "subscription_prompt"]


def test_sentences_that_only_start_like_furniture_stay() -> None:
    de = DE_FACTS + ("Zum Thema Kurzarbeit äußerte sich die Geschäftsführung am Dienstag nicht.\n\n"
                     "Auch interessant ist, dass die Stadt die Werft 1998 schon einmal gerettet hat.\n\n"
                     "Nutzer sollen die App der Werft nicht mehr herunterladen, warnte der Betriebsrat.\n")
    es = ES_FACTS + ("Le recomendamos al lector que consulte las cifras de la empresa, dijo el portavoz del sindicato.\n\n"
                     "Nuestro boletín interno lleva meses anunciando los despidos, contó una soldadora, con más de veinte años en la casa.\n")
    for text, language in ((de, "de"), (es, "es")):
        article = analyse(text, language)
        assert article.removed == [] and flags(article, "boilerplate_leak") == []


# -- unsourced_quote: whose words a quote paragraph continues ---------------------------------


def test_a_quote_paragraph_after_reported_speech_is_unsourced() -> None:
    # The paragraph before reports what the speaker said and goes on about other things; a
    # paragraph of one sentence that names the speaker would lead into the quote instead
    # (tests/assess/test_quotes.py, "Lena Ortiz said …").
    en = ("The ferry company Norland cut 140 jobs in Harwick on Monday.\n\n"
          "The yard lost two contracts in spring. Its director Ada Brent said the losses would go on.\n\n"
          "“Nobody here has been told what happens to the pensions once the gates close.”\n\n"
          "The yard had built 32 ships since 1988.\n")
    de = ("Die Werft Norland hat am Montag in Harwick 140 Stellen gestrichen.\n\n"
          "Die Werft verlor im Frühjahr zwei Aufträge. Direktorin Ada Brent sagte, die Verluste gingen weiter.\n\n"
          "„Niemand hat uns gesagt, was aus den Renten wird, wenn die Tore zugehen.“\n\n"
          "Die Werft hatte seit 1988 insgesamt 32 Schiffe gebaut.\n")
    assert len(flags(analyse(en, "en"), "unsourced_quote")) == 1
    assert len(flags(analyse(de, "de"), "unsourced_quote")) == 1


def test_a_quote_paragraph_goes_on_with_the_speaker_already_quoted() -> None:
    en = ("The ferry company Norland cut 140 jobs in Harwick on Monday.\n\n"
          "“We were told nothing at all until the letters came,” said Ada Brent, a welder on the night shift.\n\n"
          "“Nobody here has been told what happens to the pensions once the gates close.”\n")
    fr = ("L'entreprise Norland a supprimé 140 emplois à Harwick lundi.\n\n"
          "« On ne nous a rien dit jusqu'à l'arrivée des lettres », a raconté Ada Brent, soudeuse de l'équipe de nuit.\n\n"
          "« Personne ici ne sait ce que deviendront les retraites une fois les portes fermées. »\n")
    # One sentence a line, as some archives keep copy: the quote closed on the line before goes on.
    lines = ("The ferry company Norland cut 140 jobs in Harwick on Monday.\n"
             "\"I'm tired of coming to the yard every night to check the gates.\n"
             "You think it is over and then it starts again,\" said Ada Brent, a welder.\n"
             "\"The company should take its responsibilities and pay the pensions.\n"
             "It did not handle this well at all.\"\n")
    assert flags(analyse(en, "en"), "unsourced_quote") == []
    assert flags(analyse(fr, "fr"), "unsourced_quote") == []
    assert flags(analyse(lines, "en"), "unsourced_quote") == []


# -- generic_filler: short articles and German without a parse --------------------------------


def test_a_run_of_padding_in_a_short_article_is_filler() -> None:
    # Two checkable sentences only: smoothing towards one vague sentence in two (add-one) let
    # them explain any run; news copy has far fewer vague sentences.
    en = ("The ferry company Norland cut 140 jobs in Harwick on Monday, the union said.\n\n"
          "Many people are now waiting to see what really comes next. The months ahead will matter a great deal for everyone here. "
          "Nobody can really say how things are going to turn out in the end.\n\n"
          "The council meets on 12 June.\n")
    es = ("La naviera Norland suprimió 140 empleos en Harwick el lunes, según el sindicato.\n\n"
          "Mucha gente espera ahora a ver lo que de verdad vendrá después. Los meses que vienen importarán mucho a todos aquí. "
          "Nadie sabe decir cómo van a terminar las cosas al final.\n\n"
          "El pleno se reúne el 12 de junio.\n")
    assert flags(analyse(en, "en"), "generic_filler")
    assert flags(analyse(es, "es"), "generic_filler")


def test_german_reported_speech_and_prefixed_participles_are_checkable() -> None:
    de = ("Die Heizungsbauer in Harwick haben am Montag ihre Bilanz vorgelegt, teilte die Innung mit.\n\n"
          "Im Jahr 2024 setzten die 41 Betriebe zusammen 18 Millionen Euro um, heißt es im Bericht.\n\n"
          "Das Virus hat sich in den Werkstätten im Winter schnell ausgebreitet. Viele Aufträge wurden deshalb kurzfristig abgesagt. "
          "Moderne Brennwertkessel seien von der neuen Pflicht ausgenommen. Auch kleinere Betriebe könne das schwer treffen.\n\n"
          "Die Innung rechnet mit 300 neuen Aufträgen im Herbst, sagte ihr Sprecher.\n")
    es = ("La naviera Norland suprimió 140 empleos en Harwick el lunes, según el sindicato.\n\n"
          "Los soldadores del turno de noche cortaron la carretera del puerto durante la mañana. "
          "La policía desvió el tráfico por el viejo puente del río. "
          "Los comercios del barrio cerraron antes de la hora habitual.\n")
    assert flags(analyse(de, "de"), "generic_filler") == []
    assert flags(analyse(es, "es"), "generic_filler") == []


def test_share_rows_and_sign_up_prompts_are_cut_in_english() -> None:
    text = ("The ferry company Norland cut 140 jobs in Harwick on Monday, the union said.\n\n"
            "Share on Facebook Share on Twitter Share by email\n\n"
            "Sign up for our morning briefing on the harbour towns.\n\n"
            "Sign up for the retraining scheme opens on 12 June, the council said in a statement.\n")
    article = analyse(text, "en")
    assert sorted(removed.reason for removed in article.removed) == ["share_buttons", "subscription_prompt"]
    assert "retraining scheme" in article.text
