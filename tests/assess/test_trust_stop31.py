"""Trust flags, stop 31 (issue 14): who the article names as a quote's speaker, and who not; opinion pieces.

A quote repeated from one whose speaker is named (a pull quote, a teaser) is that quote again;
a first-person quote later in a paragraph belongs to the person the paragraph last reported
with a cue. A colon lead-in names a speaker only with an attribution cue, a pronoun or a role
(„Die Lage ließ sich kurz beschreiben:“ names nobody); in copy set one sentence a line, a line
that reports someone is no lead into the quote on the next line. A piece whose heading calls it
an opinion („Kommentar zu …“, "Opinion:") argues in general statements: no filler. A quote whose
paragraph goes on in the writer's words is not the last speaker going on. Each rule comes with its
counterpart that must stay as it was. Texts invented for these tests (en, de, es, fr), through
the real pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags

TAIL = {
    "en": "The council will vote on the repair budget on 14 May.\n",
    "de": "Der Gemeinderat stimmt am 14. Mai über den Reparaturhaushalt ab.\n",
    "es": "El pleno votará el presupuesto de las obras el 14 de mayo.\n",
    "fr": "Le conseil votera le budget des réparations le 14 mai.\n",
}


def _unsourced(text: str, language: str) -> list[str]:
    return [flag.evidence[0].text for flag in flags(analyse(text + TAIL[language], language), "unsourced_quote")]


# -- a quote repeated from a quote whose speaker is named ----------------------------------------

REPEATED = {
    "en": ("The Orvel bridge has been closed since March. “The steel under the east span has rusted through in "
           "four places,” said Ilse Varga, the county engineer.\n\n"
           "Repairs were first planned for the summer, and the contractor has since left the site.\n\n"
           "“The steel under the east span has rusted through in four places.”\n\n"),
    "de": ("Die Brücke in Orvel ist seit März gesperrt. „Der Stahl unter dem Ostfeld ist an vier Stellen "
           "durchgerostet“, sagte Ilse Varga, die Kreisingenieurin.\n\n"
           "Die Reparatur war für den Sommer geplant, die Baufirma hat die Baustelle inzwischen verlassen.\n\n"
           "„Der Stahl unter dem Ostfeld ist an vier Stellen durchgerostet.“\n\n"),
}
# Another quote after the same paragraphs: it shares no run of words with Varga's.
NOT_REPEATED = {
    "en": REPEATED["en"].rsplit("“The steel", 1)[0]
    + "“Nobody in the valley will drive across that bridge again before the winter is over.”\n\n",
    "de": REPEATED["de"].rsplit("„Der Stahl", 1)[0]
    + "„Niemand im Tal wird vor dem Ende des Winters noch einmal über diese Brücke fahren.“\n\n",
}


def test_a_quote_repeated_from_a_sourced_quote_is_sourced() -> None:
    for language, text in REPEATED.items():
        assert _unsourced(text, language) == [], language


def test_a_new_quote_after_a_sourced_one_is_still_unsourced() -> None:
    for language, text in NOT_REPEATED.items():
        [evidence] = _unsourced(text, language)
        assert "Winter" in evidence or "winter" in evidence, language


# -- a first-person quote later in the paragraph of a reported person ---------------------------

REPORTED_EARLIER = {
    "en": ("The care home on the hill holds eighty residents. Franz Weber, who runs the home, told the Orvel Courier "
           "that an emergency plan had been ready for years. The air vents were shut on Saturday afternoon. "
           "“We opened the windows by hand whenever the smoke allowed it.”\n\n"),
    "de": ("Im Pflegeheim am Hang wohnen achtzig Menschen. Franz Weber, der Leiter des Heims, sagte dem Orveler Boten, "
           "dass es seit Jahren einen Notfallplan gebe. Seit Samstagnachmittag ist die Lüftung abgeschaltet. "
           "„Wir lüfteten von Hand, sobald es der Rauch zugelassen hat.“\n\n"),
}
# The same paragraph reporting nobody: the quote says "we", but no one is named to be "we".
NOBODY_REPORTED = {
    "en": ("The care home on the hill holds eighty residents. An emergency plan had been ready for years. "
           "The air vents were shut on Saturday afternoon. "
           "“We opened the windows by hand whenever the smoke allowed it.”\n\n"),
    "de": ("Im Pflegeheim am Hang wohnen achtzig Menschen. Seit Jahren gibt es dort einen Notfallplan. "
           "Seit Samstagnachmittag ist die Lüftung abgeschaltet. "
           "„Wir lüfteten von Hand, sobald es der Rauch zugelassen hat.“\n\n"),
}
# A third-person quote after the reported person: nothing says the words are his.
THIRD_PERSON = {
    "en": REPORTED_EARLIER["en"].replace("“We opened the windows by hand whenever the smoke allowed it.”",
                                         "“The windows were opened by hand whenever the smoke allowed it.”"),
    "de": REPORTED_EARLIER["de"].replace("„Wir lüfteten von Hand, sobald es der Rauch zugelassen hat.“",
                                         "„Die Fenster wurden von Hand geöffnet, sobald es der Rauch zuließ.“"),
}


def test_a_first_person_quote_later_in_the_paragraph_of_a_reported_person_is_sourced() -> None:
    for language, text in REPORTED_EARLIER.items():
        assert _unsourced(text, language) == [], language


def test_a_first_person_quote_in_a_paragraph_that_reports_nobody_is_unsourced() -> None:
    for language, text in NOBODY_REPORTED.items():
        assert len(_unsourced(text, language)) == 1, language


def test_a_third_person_quote_after_a_reported_person_is_unsourced() -> None:
    for language, text in THIRD_PERSON.items():
        assert len(_unsourced(text, language)) == 1, language


# -- a colon lead-in whose phrase names nobody -------------------------------------------------

LEAD_IN_NAMES_NOBODY = {
    "de": ("Der Fluss stieg am Dienstag um zwei Meter. Die Lage im Dorf ließ sich am Abend kurz beschreiben: "
           "„Wir haben nichts mehr, und niemand hat uns geholfen.“ Die Feuerwehr pumpte die Keller aus.\n"),
    "es": ("El río subió dos metros el martes. La pancarta de la plaza sintetizó: «No nos queda nada y nadie ha "
           "venido a ayudarnos». Los bomberos achicaron los sótanos.\n"),
    "fr": ("La rivière est montée de deux mètres mardi. La banderole de la mairie conclut : "
           "« Il ne nous reste rien "
           "et personne n'est venu nous aider. » Les pompiers ont vidé les caves.\n"),
}
# The same lead-ins with a person's role as the subject.
LEAD_IN_NAMES_A_ROLE = {
    "de": LEAD_IN_NAMES_NOBODY["de"].replace("Die Lage im Dorf ließ sich am Abend kurz beschreiben:",
                                             "Der Bürgermeister ließ am Abend mitteilen:"),
    "es": LEAD_IN_NAMES_NOBODY["es"].replace("La pancarta de la plaza sintetizó:", "El alcalde sintetizó:"),
    "fr": LEAD_IN_NAMES_NOBODY["fr"].replace("La banderole de la mairie conclut :", "Le maire conclut :"),
}


def test_a_colon_lead_in_with_a_speech_verb_but_no_speaker_is_unsourced() -> None:
    for language, text in LEAD_IN_NAMES_NOBODY.items():
        assert len(_unsourced(text, language)) == 1, language


def test_a_colon_lead_in_whose_subject_is_a_role_is_sourced() -> None:
    for language, text in LEAD_IN_NAMES_A_ROLE.items():
        assert _unsourced(text, language) == [], language


# -- one sentence a line: a line that reports someone is no lead ---------------------------------

ONE_SENTENCE_A_LINE = {
    "en": ("The storm reached the coast on Monday night.\n"
           "Power lines fell across the northern districts.\n"
           "The repairs will take a week, said Ann Lee, the head of the grid company.\n"
           "“We have never lost so many lines in a single night in this region.”\n"),
    "fr": ("La tempête a atteint la côte lundi soir.\n"
           "Des lignes électriques sont tombées dans les quartiers nord.\n"
           "Les réparations prendront une semaine, a déclaré Ann Lee, la directrice du réseau.\n"
           "« Nous n'avons jamais perdu autant de lignes en une seule nuit dans cette région. »\n"),
}
# The same report as a lead after a paragraph of several sentences: it leads into the quote.
LEAD_AFTER_LONGER_PARAGRAPH = {
    language: text.replace("\n", " ", 1).replace("\n", "\n\n")
    for language, text in ONE_SENTENCE_A_LINE.items()
}


def test_a_first_person_quote_after_a_reporting_line_in_one_sentence_a_line_copy_is_unsourced() -> None:
    for language, text in ONE_SENTENCE_A_LINE.items():
        assert len(_unsourced(text, language)) == 1, language


def test_a_first_person_quote_after_a_lead_paragraph_stays_sourced() -> None:
    for language, text in LEAD_AFTER_LONGER_PARAGRAPH.items():
        assert _unsourced(text, language) == [], language


# -- an opinion piece says so in its heading -----------------------------------------------------

PADDED = {
    "en": ("{head}: the new quay at Dunmere\n\n"
           "The port of Dunmere handled 4.1 million containers in 2024, the authority said on Monday.\n\n"
           "Its director, Ada Brent, said 1,200 jobs depended on the new quay, which opens in May.\n\n"
           "Everything now depends on what comes next. Nobody can really say where this leads. "
           "The mood keeps changing all the time, it seems. There are no simple answers to any of it.\n\n"
           "The quay cost 310 million pounds, according to the council's accounts.\n"),
    "de": ("{head} zum neuen Kai in Dunmere\n\n"
           "Der Hafen von Dunmere hat 2024 insgesamt 4,1 Millionen Container umgeschlagen, teilte die Behörde mit.\n\n"
           "Die Direktorin Ada Brent sagte, 1200 Arbeitsplätze hingen an dem neuen Kai, der im Mai öffnet.\n\n"
           "Vieles hängt jetzt davon ab, wie es weitergeht. Niemand kann wirklich sagen, wohin das führt. "
           "Die Lage bleibt für alle Beteiligten schwierig, wie es scheint. Darauf gibt es keine einfachen Antworten, "
           "und das wird sich wohl auch nicht ändern.\n\n"
           "Der Kai kostete 310 Millionen Euro, wie aus den Büchern des Rats hervorgeht.\n"),
}
NEWS_HEAD = {"en": "Port report", "de": "Bericht"}
OPINION_HEAD = {"en": "Opinion", "de": "Kommentar"}


def test_padding_in_a_news_article_is_filler() -> None:
    for language, text in PADDED.items():
        assert flags(analyse(text.format(head=NEWS_HEAD[language]), language), "generic_filler"), language


def test_general_statements_in_a_piece_headed_as_opinion_are_not_filler() -> None:
    for language, text in PADDED.items():
        assert flags(analyse(text.format(head=OPINION_HEAD[language]), language), "generic_filler") == [], language


# -- a quote whose paragraph goes on in the writer's words is no speaker going on ----------------

QUOTE_THEN_NARRATION = {
    "en": ("The Orvel bridge has been closed since March. “It is not safe for lorries,” said Ilse Varga, the county "
           "engineer.\n\n"
           "“The steel under the east span has rusted through in at least four places.” Traffic was diverted "
           "through the old town for the whole summer.\n\n"),
    "de": ("Die Brücke in Orvel ist seit März gesperrt. „Sie ist für Lastwagen nicht sicher“, sagte Ilse Varga, "
           "die Kreisingenieurin.\n\n"
           "„Der Stahl unter dem Ostfeld ist an mindestens vier Stellen durchgerostet.“ Der Verkehr wurde den ganzen "
           "Sommer über durch die Altstadt umgeleitet.\n\n"),
}
# The same paragraph going on with the speaker's words instead: she goes on speaking.
QUOTE_THEN_MORE_SPEECH = {
    "en": QUOTE_THEN_NARRATION["en"].replace(" Traffic was diverted through the old town for the whole summer.",
                                             " “Nobody should drive across it before the winter.”"),
    "de": QUOTE_THEN_NARRATION["de"].replace(" Der Verkehr wurde den ganzen Sommer über durch die Altstadt umgeleitet.",
                                             " „Vor dem Winter sollte niemand darüber fahren.“"),
}


def test_a_quote_followed_by_narration_in_its_paragraph_is_not_the_last_speaker_going_on() -> None:
    for language, text in QUOTE_THEN_NARRATION.items():
        [evidence] = _unsourced(text, language)
        assert "vier" in evidence or "four" in evidence, language


def test_a_quote_paragraph_of_speech_goes_on_with_the_last_speaker() -> None:
    for language, text in QUOTE_THEN_MORE_SPEECH.items():
        assert _unsourced(text, language) == [], language
