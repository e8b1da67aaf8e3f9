"""Trust flags, stop 31 (issue 14): quotes whose speaker the article names in other ways.

A quote repeated from one whose speaker is named (a pull quote, a teaser) is that quote again;
a first-person quote later in a paragraph belongs to the person the paragraph last reported
with a cue. Both rules only remove flags, so each comes with a really unsourced quote of the
same shape that must stay flagged. Texts invented for these tests (en, de), through the real
pipeline."""

from __future__ import annotations

from trust_inputs import analyse, flags

TAIL = {
    "en": "The council will vote on the repair budget on 14 May.\n",
    "de": "Der Gemeinderat stimmt am 14. Mai über den Reparaturhaushalt ab.\n",
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
