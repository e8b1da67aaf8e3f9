"""Rules against trust-flag false alarms on real news (issue 14), each in two languages,
with the planted-like problem next to it still flagged. Texts invented for these tests;
everything runs through the real pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags


EN_FACTS = ("The ferry company Norland cut 140 jobs in Harwick on Monday, the union said.\n\n"
            "The yard had built 32 ships since 1988, according to the company's accounts.\n\n")
FR_FACTS = ("L'entreprise Norland a supprimé 140 emplois à Harwick lundi, selon le syndicat.\n\n"
            "Le chantier avait construit 32 navires depuis 1988, d'après les comptes de l'entreprise.\n\n")


# -- unsourced_quote --------------------------------------------------------------------------


def test_a_dash_incise_after_the_quote_names_the_speaker() -> None:
    en = EN_FACTS + "“We were told nothing at all until the morning the letters came out.” — said a welder from the night shift.\n"
    fr = FR_FACTS + "« On ne nous a rien dit jusqu'au matin où les lettres sont arrivées. » – a raconté une soudeuse de l'équipe de nuit.\n"
    assert flags(analyse(en, "en"), "unsourced_quote") == []
    assert flags(analyse(fr, "fr"), "unsourced_quote") == []


def test_a_credit_in_brackets_after_the_quote_names_the_speaker() -> None:
    en = EN_FACTS + "“Every family on this street has someone who worked at the yard for decades.” (Union steward)\n"
    fr = FR_FACTS + "« Chaque famille de cette rue a quelqu'un qui a travaillé au chantier pendant des décennies. » (Délégué syndical)\n"
    assert flags(analyse(en, "en"), "unsourced_quote") == []
    assert flags(analyse(fr, "fr"), "unsourced_quote") == []


def test_a_lost_closing_mark_leaves_the_attribution_inside_the_marks() -> None:
    en = EN_FACTS + "\"The yard will stay open for repairs until the end of the year, said Norland in a statement on Tuesday.\n"
    fr = FR_FACTS + "« Le chantier restera ouvert pour les réparations jusqu'à la fin de l'année, a indiqué Norland mardi dans un communiqué.\n"
    assert flags(analyse(en, "en"), "unsourced_quote") == []
    assert flags(analyse(fr, "fr"), "unsourced_quote") == []


def test_a_headline_quoted_after_a_read_also_link_is_no_speech() -> None:
    en = EN_FACTS + "Wages at the yard had been frozen for years. Read more: \"Harwick yard workers vote to strike over the winter pay freeze.\"\n"
    fr = FR_FACTS + "Les salaires étaient gelés depuis des années. À lire aussi : « Les ouvriers du chantier de Harwick votent la grève pour l'hiver. »\n"
    assert flags(analyse(en, "en"), "unsourced_quote") == []
    assert flags(analyse(fr, "fr"), "unsourced_quote") == []


def test_a_bare_quote_is_still_unsourced() -> None:
    en = EN_FACTS + "“Nobody here has been paid for three months and the families are running out of patience.”\n\nThe yard closed at noon.\n"
    fr = FR_FACTS + "« Personne ici n'a été payé depuis trois mois et les familles perdent patience. »\n\nLe chantier a fermé à midi.\n"
    assert len(flags(analyse(en, "en"), "unsourced_quote")) == 1
    assert len(flags(analyse(fr, "fr"), "unsourced_quote")) == 1


# -- generic_filler ---------------------------------------------------------------------------

EN_VAGUE = ("Many people expect a different result. Nobody can really say what comes next. "
            "The mood is changing in many places. There are no simple answers to this.\n")
FR_VAGUE = ("Beaucoup de gens attendent un autre résultat. Personne ne peut vraiment dire ce qui va suivre. "
            "L'ambiance change un peu partout. Il n'existe pas de réponse simple à cela.\n")


def test_quantities_in_words_are_checkable() -> None:
    en = ("Mix the flour with two cups of water in a large bowl. Leave the dough to rest for three hours. "
          "Add a dozen olives and a spoon of oil before baking. Serve the bread warm with some butter on the side.\n")
    fr = ("Mélangez la farine avec deux tasses d'eau dans un grand saladier. Laissez reposer la pâte pendant trois heures. "
          "Ajoutez une douzaine d'olives et une cuillère d'huile avant la cuisson. Servez le pain tiède avec un peu de beurre.\n")
    assert flags(analyse(EN_FACTS + EN_FACTS.replace("Monday", "Friday") + en, "en"), "generic_filler") == []
    assert flags(analyse(FR_FACTS + FR_FACTS.replace("lundi", "vendredi") + fr, "fr"), "generic_filler") == []


def test_vague_runs_are_still_filler() -> None:
    facts_en = EN_FACTS + "Its director, Ada Brent, said 1,200 jobs depended on the new quay.\n\n"
    facts_fr = FR_FACTS + "Sa directrice, Ada Brent, a déclaré que 1 200 emplois dépendaient du nouveau quai.\n\n"
    assert flags(analyse(facts_en + EN_VAGUE, "en"), "generic_filler")
    assert flags(analyse(facts_fr + FR_VAGUE, "fr"), "generic_filler")


def test_no_filler_in_a_language_without_attribution_words() -> None:
    text = ("Stocznia Norland w Harwick zwolniła 140 pracowników w poniedziałek, podał związek.\n\n"
            "Wielu ludzi oczekuje innego wyniku. Nikt nie potrafi powiedzieć, co będzie dalej. "
            "Nastroje zmieniają się w wielu miejscach. Nie ma na to prostych odpowiedzi.\n")
    assert flags(analyse(text, "pl"), "generic_filler") == []


# -- boilerplate_leak -------------------------------------------------------------------------


def test_an_agency_credit_signing_off_the_text_is_no_leak() -> None:
    de = ("Die Werft Norland hat am Montag in Harwick 140 Stellen gestrichen, teilte die Gewerkschaft mit.\n\n"
          "Die Werft hatte seit 1988 insgesamt 32 Schiffe gebaut. (afp)\n")
    fr = FR_FACTS + "Le chantier doit fermer à la fin de l'année. (AFP)\n"
    assert flags(analyse(de, "de"), "boilerplate_leak") == []
    assert flags(analyse(fr, "fr"), "boilerplate_leak") == []


# -- undisclosed_promotion --------------------------------------------------------------------


def test_a_web_address_of_the_place_reported_on_is_no_promotion() -> None:
    de = ("Im Stadtrat von Harwicker Land sitzen künftig vier Grüne, teilte die Stadt am Montag mit.\n\n"
          "Alle ausgezählten Ergebnisse finden Sie kostenlos auf dieser Seite: harwick.de/wahlen\n")
    en = ("The Harwicker council will have four Green members, the town said on Monday.\n\n"
          "You can find all the results for free, and download them now, at harwick.gov.uk or harwick.com.\n")
    assert flags(analyse(de, "de"), "undisclosed_promotion") == []
    assert flags(analyse(en, "en"), "undisclosed_promotion") == []


def test_a_colon_lead_in_without_a_speaker_does_not_borrow_the_one_before() -> None:
    en = ("The ferry company Norland cut 140 jobs in Harwick on Monday, its director Ada Brent said.\n\n"
          "The mood in the canteen fitted in one line: “Nobody here believes a single word that comes from the head office.”\n")
    fr = ("L'entreprise Norland a supprimé 140 emplois à Harwick lundi, a déclaré sa directrice Ada Brent.\n\n"
          "L'ambiance de la cantine tenait en une ligne : « Personne ici ne croit plus un seul mot venu du siège. »\n")
    assert len(flags(analyse(en, "en"), "unsourced_quote")) == 1
    assert len(flags(analyse(fr, "fr"), "unsourced_quote")) == 1


def test_a_modal_sentence_does_not_narrate() -> None:
    facts = EN_FACTS + "Its director, Ada Brent, said 1,200 jobs depended on the new quay.\n\n"
    vague = ("Many people expect a different result. Its weight should not be underestimated by anyone. "
             "There are no simple answers to questions like these.\n")
    flag = next(f for f in analyse(facts + vague, "en").flags if f.kind == "generic_filler")
    assert "underestimated" in " ".join(span.text for span in flag.evidence)


DE_FACTS = ("Die Werft Norland hat am Montag in Harwick 140 Stellen gestrichen, teilte die Gewerkschaft mit.\n\n"
            "Die Werft hatte seit 1988 insgesamt 32 Schiffe gebaut, heißt es im Geschäftsbericht.\n\n"
            "Ihr Direktor Ada Brent sagte, 1200 Arbeitsplätze hingen am neuen Kai.\n\n")
ES_FACTS = ("La naviera Norland suprimió 140 empleos en Harwick el lunes, según el sindicato.\n\n"
            "El astillero había construido 32 barcos desde 1988, según las cuentas de la empresa.\n\n"
            "Su directora, Ada Brent, dijo que 1.200 empleos dependían del nuevo muelle.\n\n")


def test_three_vague_sentences_are_filler_without_a_parse() -> None:
    de = DE_FACTS + ("Viele Menschen erwarten ein anderes Ergebnis von dieser Sache. Niemand kann wirklich sagen, wie es weitergeht. "
                     "Auf so schwierige Fragen gibt es keine einfachen Antworten.\n")
    es = ES_FACTS + ("Mucha gente espera un resultado distinto de todo esto. Nadie puede decir de verdad lo que vendrá. "
                     "No hay respuestas sencillas para preguntas tan difíciles.\n")
    assert flags(analyse(de, "de"), "generic_filler")
    assert flags(analyse(es, "es"), "generic_filler")


def test_german_perfect_tense_narrates_without_a_parse() -> None:
    de = DE_FACTS + ("Unbekannte sind in der Nacht gewaltsam in die Halle eingedrungen. Sie haben dort mehrere Kisten mit Werkzeug gestohlen. "
                     "Als die Beamten kamen, waren die Täter längst verschwunden und die Tore wieder verschlossen.\n")
    assert flags(analyse(de, "de"), "generic_filler") == []


def test_site_furniture_does_not_lengthen_a_vague_run() -> None:
    facts_en = EN_FACTS + "Its director, Ada Brent, said 1,200 jobs depended on the new quay.\n\n"
    facts_fr = FR_FACTS + "Sa directrice, Ada Brent, a déclaré que 1 200 emplois dépendaient du nouveau quai.\n\n"
    en = facts_en + ("Many people expect a different result. Nobody can really say what comes next. "
                     "Subscribe to our newsletter to get the best stories in your inbox.\n")
    fr = facts_fr + ("Beaucoup de gens attendent un autre résultat. Personne ne peut vraiment dire ce qui va suivre. "
                     "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.\n")
    en_article, fr_article = analyse(en, "en"), analyse(fr, "fr")
    for article in (en_article, fr_article):  # the glued prompt is cut at the line's end, or flagged
        cut = any("newsletter" in piece.text for piece in article.removed)
        assert cut or flags(article, "boilerplate_leak")
        assert "newsletter" not in article.text or flags(article, "boilerplate_leak")
    assert flags(en_article, "generic_filler") == []
    assert flags(fr_article, "generic_filler") == []


def test_vague_words_inside_a_long_quotation_or_a_dialogue_dash_are_someones_speech() -> None:
    en = EN_FACTS + "Its director, Ada Brent, said 1,200 jobs depended on the new quay.\n\n" + (
        "“Many people expect a different result. Nobody can really say what comes next. The mood is changing in many places. "
        "There are no simple answers to this at all. Everyone will have to make an effort somehow.”\n")
    es = ES_FACTS + ("– Mucha gente espera un resultado distinto de todo esto.\n"
                     "– Nadie puede decir de verdad lo que vendrá después.\n"
                     "– No hay respuestas sencillas para preguntas tan difíciles.\n")
    assert flags(analyse(en, "en"), "generic_filler") == []
    assert flags(analyse(es, "es"), "generic_filler") == []
