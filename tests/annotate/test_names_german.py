"""German and Dutch names without a NER model (annotate/names.py): organisation nouns and
their complements, initialisms, capitalised adjectives and roles before a person.

Every name, town and body below is invented, except the big cities the gazetteer knows.
"""

from __future__ import annotations

from newsweave.annotate.entities import annotate_entities
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def _found(text: str, language: str) -> dict[str, str]:
    article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language=language)
    annotate_entities([article])
    return {item.text: item.label for item in article.entities if item.mention == "name"}


def test_german_authority_nouns_and_compounds_are_organisations() -> None:
    found = _found("Der Staatsschutz ermittelt. Das Landeskriminalamt und das Amtsgericht Velbrück prüfen "
                   "den Fall, sagte ein Sprecher der Hafenbehörde.", "de")
    assert found["Staatsschutz"] == "ORG"
    assert found["Landeskriminalamt"] == "ORG"
    assert found["Amtsgericht Velbrück"] == "ORG"
    assert found["Hafenbehörde"] == "ORG"


def test_an_office_named_by_a_title_is_no_organisation() -> None:
    found = _found("Sie übernahm 2019 das Bürgermeisteramt in der Gemeinde. Insgesamt kamen viele Gäste.", "de")
    assert "Bürgermeisteramt" not in found and "Insgesamt" not in found


def test_a_head_takes_its_complement_and_the_town_after_it() -> None:
    found = _found("Das Bundesamt für Wasserwege und Schleusen warnte. Die Kunstakademie Düsseldorf "
                   "und die Akademie der Feldkunde schlossen sich an.", "de")
    assert found["Bundesamt für Wasserwege und Schleusen"] == "ORG"
    assert found["Kunstakademie Düsseldorf"] == "ORG"
    assert found["Akademie der Feldkunde"] == "ORG"


def test_a_complement_of_kind_words_alone_is_not_joined() -> None:
    found = _found("Ein Sprecher der Polizei der Stadt bestätigte das.", "de")
    assert "Polizei der Stadt" not in found


def test_an_initialism_alone_is_an_organisation() -> None:
    german = _found("Laut KVZ und dem Sender BRNF blieb die Straße gesperrt. Papst Urban VIII. reiste ab.", "de")
    assert german["KVZ"] == "ORG" and german["BRNF"] == "ORG"
    assert "VIII" not in german
    dutch = _found("Volgens de KVZ bleef de weg dicht.", "nl")
    assert dutch["KVZ"] == "ORG"


def test_a_capitalised_adjective_opening_a_sentence_is_no_person() -> None:
    found = _found("Größere Dörfer liegen im Norden. Zahlreiche Besucher kamen.", "de")
    assert "Größere Dörfer" not in found and "Zahlreiche Besucher" not in found


def test_a_role_noun_before_a_full_name_is_no_part_of_it() -> None:
    found = _found("Das Finale gewann Titelverteidiger Jonas Wendtkamp gegen Vereinslegende Peter Oltrau.", "de")
    assert found["Jonas Wendtkamp"] == "PER" and found["Peter Oltrau"] == "PER"
    assert not any(text.startswith(("Titelverteidiger", "Vereinslegende")) for text in found)


def test_a_surname_in_lower_case_is_a_word_in_a_language_without_a_lexicon() -> None:
    dutch = _found("Minister Anna Bakkerom opende de school. De bakkerom in het dorp was blij.", "nl")
    assert dutch["Anna Bakkerom"] == "PER" and "bakkerom" not in dutch


def test_a_common_noun_after_an_article_is_no_place_abroad() -> None:
    found = _found("Die Art lebt in Brasilien. Der Hof bekam den Namen Velmerhof, im Tor stand Jonas Wendtkamp. "
                   "Die Familie zog in die Schweiz und später ins Burgenland.", "de")
    assert "Art" not in found and "Namen" not in found and "Tor" not in found
    assert found["Brasilien"] == "LOC" and found["Schweiz"] == "LOC" and found["Burgenland"] == "LOC"


def test_a_small_town_after_a_preposition_of_places() -> None:
    found = _found("Die Sängerin Mara Feldkamp wuchs in Tutzing auf und zog dann nach Norden.", "de")
    assert found["Tutzing"] == "LOC" and "Norden" not in found


def test_a_town_joined_to_its_river_is_one_name() -> None:
    german = _found("Der Verein aus Weil am Rhein spielte gegen Gäste aus Neustadt bei Coburg.", "de")
    assert german["Weil am Rhein"] == "LOC" and german["Neustadt bei Coburg"] == "LOC"
    dutch = _found("De wedstrijd in Alphen aan den Rijn werd afgelast.", "nl")
    assert dutch["Alphen aan den Rijn"] == "LOC"


def test_common_initialisms_and_headings_in_capitals_are_no_organisations() -> None:
    found = _found("Das Spiel lief im TV.\n\nNEUE REGELN FÜR KVZ\n\nDie Partei tagte in Velbrück.", "de")
    assert "TV" not in found and "KVZ" not in found and "REGELN" not in found


def test_a_noun_that_is_another_languages_country_name_is_no_place() -> None:
    # "Mann" is an old name of the Isle of Man; in German it is the noun "man".
    german = _found("Der Mann wurde in Velbrück festgenommen. Ein Mann sagte, Frankreich und die Schweiz "
                    "seien Nachbarn. Der Hof ist so groß wie der Vatikan.", "de")
    assert "Der Mann" not in german and "Mann" not in german
    assert german["Frankreich"] == "LOC" and german["Schweiz"] == "LOC"
    assert german["Vatikan"] == "LOC"  # a name of the country in CLDR, though not the German one


def test_a_country_under_another_name_is_still_a_place_in_english() -> None:
    found = _found("Officials on the Isle of Man said Kestrel Bay had flooded.", "en")
    assert found["Isle of Man"] == "LOC"


def test_a_club_word_before_a_town_is_a_sports_club() -> None:
    found = _found("Fortuna Düsseldorf schlug Borussia Velbrückheim, die TSG Ostermoorhausen verlor. "
                   "Der SV Werder Bremen spielt am Samstag.", "de")
    assert found["Fortuna Düsseldorf"] == "ORG"
    assert found["Borussia Velbrückheim"] == "ORG"
    assert found["TSG Ostermoorhausen"] == "ORG"
    assert found["SV Werder Bremen"] == "ORG"
    assert "Düsseldorf" not in found and "Fortuna" not in found


def test_a_town_before_an_english_club_word_is_a_sports_club() -> None:
    found = _found("Das kriselnde Norwich United gewann gegen West Ham Rovers mit 4:2. "
                   "In Norwich feierten die Fans bis Mitternacht.", "de")
    assert found["Norwich United"] == "ORG"
    assert found["West Ham Rovers"] == "ORG"
    assert "United" not in found and "Rovers" not in found
    # the town alone stays a place
    assert found["Norwich"] == "LOC"


def test_initials_in_an_editors_code_and_a_place_in_capitals_are_no_organisations() -> None:
    found = _found("Die Regeln gelten ab Juni./kro/RK/bst Die SPD/CDU/FDP-Koalition hält. "
                   "Die Kranken aus dem Bezirk Neuhofen auf der YBBS kamen.", "de")
    assert "RK" not in found
    assert found["SPD"] == "ORG" and found["CDU"] == "ORG"
    assert found.get("YBBS") != "ORG"


def test_a_towns_adjective_opens_no_person() -> None:
    found = _found("Die Wiener Grünfalken sehen das anders. Auch Jonas Wendtkamp kam.", "de")
    assert "Wiener Grünfalken" not in found
    assert found["Jonas Wendtkamp"] == "PER"


def test_nouns_joined_by_a_name_particle_are_no_person() -> None:
    found = _found("Es gebe eine Reihe von Problemen, sagte Jonas von Wendtkamp.", "de")
    assert "Reihe von Problemen" not in found
    assert found["Jonas von Wendtkamp"] == "PER"


def test_a_particle_and_an_article_join_a_persons_name_only() -> None:
    found = _found("Gestern sprach Ilse von der Kessmoor in Brüssel.", "de")
    assert found["Ilse von der Kessmoor"] == "PER"
    found = _found("Kommissionspräsidentin Ilse von der Kessmoor sagte am Montag nichts.", "de")
    assert found["Ilse von der Kessmoor"] == "PER"
    # after a noun, "von der" opens the noun's complement: the organisation after it stays whole
    found = _found("Der Badebetrieb von der Velmorer Rettungsgesellschaft endet.", "de")
    assert not any("von der" in name for name in found)
    found = _found("Das sagte Jonas Wendtkamp von der Kessmoor Universität am Montag.", "de")
    assert found.get("Jonas Wendtkamp") == "PER"
    assert not any("von der" in name for name in found)


def test_a_club_named_by_its_town_and_year() -> None:
    found = _found("Am Samstag gewann Hannover 96 gegen den SC Velmstadt 07 und Kessmoor.", "de")
    assert found["Hannover 96"] == "ORG"
    # a count after a town is no club's year
    found = _found("Der Ort liegt in Hannover 14 Kilometer entfernt.", "de")
    assert not any(name.endswith("14") for name in found)


def test_a_capitalised_article_inside_a_run_opens_a_new_one() -> None:
    found = _found("Kessmoor Die Velmorer Polizei ermittelt gegen Jonas Wendtkamp.", "de")
    assert not any("Die" in name.split() for name in found)
    assert found["Jonas Wendtkamp"] == "PER"
    # after an organisation word the article is part of the name ("Partei Die …")
    found = _found("Sie trat der Partei Die Velmorer bei.", "de")
    assert "Partei Die Velmorer" in found


def test_a_name_after_nouns_joined_by_von_stands_alone() -> None:
    # "Tod", "Bitten" are first names somewhere but German nouns here (``not_given_names``).
    found = _found("Auf Bitten von Ilse Vardanova sprach er. Nach dem Tod von Jonas Wendtkamp trauerte Kessmoor.", "de")
    assert found.get("Ilse Vardanova") == "PER" and found.get("Jonas Wendtkamp") == "PER"
    assert not any(name.startswith(("Bitten", "Tod")) for name in found)


def test_a_role_after_von_keeps_the_person_and_nouns_after_von_are_no_person() -> None:
    found = _found("Die Mannschaft von Chefcoach Jonas Wendtkamp verlor. Die Sanktionierung von Kessel Meer blieb aus.", "de")
    assert found.get("Jonas Wendtkamp") == "PER"
    assert not any(label == "PER" and "Kessel" in name for name, label in found.items())


def test_words_without_a_given_name_or_surname_are_no_person_in_german() -> None:
    # German capitalises its nouns: two or three capitalised words make a person only when a
    # given name or a surname stands among them; a firm's foreign name or nouns do not.
    found = _found("Die Burgerkette Kessmoor Grills eröffnet eine Filiale. Der Kurs von Velbrück Semiconductor "
                   "fiel. Jonas Wendtkamp lobte die Zahlen.", "de")
    assert found.get("Burgerkette Kessmoor Grills") != "PER" and found.get("Velbrück Semiconductor") != "PER"
    assert found["Jonas Wendtkamp"] == "PER"
    # Dutch does not capitalise its nouns: its runs of capitalised words stay as they were.
    assert _found("Gisteren sprak Kessmoor Wendtkamp in de raad.", "nl")["Kessmoor Wendtkamp"] == "PER"


def test_lone_nouns_the_lexicon_declines_are_no_places() -> None:
    # "Grad", "Zölle" and "Länder" name places somewhere (a Slovenian commune; Zell and Lander
    # once folded); German declines them as nouns ("Grades", "Grade"; forms of "Zoll", "Land").
    found = _found("Am Mittag waren es 40 Grad, und neue Zölle trafen zehn Länder hart.", "de")
    assert not {"Grad", "Zölle", "Länder"} & set(found)


def test_places_of_that_very_name_stay_places() -> None:
    found = _found("Sie zog von Kiel ins Saarland und reiste später nach Ungarn.", "de")
    assert found["Kiel"] == found["Saarland"] == found["Ungarn"] == "LOC"


def test_a_person_whose_given_name_no_locale_lists_is_known_by_the_surname_alone() -> None:
    found = _found("Am Abend trat Ysolde Varnek auf. Danach sagte Varnek, sie sei zufrieden.", "de")
    assert found["Ysolde Varnek"] == "PER"
    assert found["Varnek"] == "PER"


def test_a_firm_named_again_alone_after_its_kind_is_no_person() -> None:
    found = _found("Die Firma Oskuri wächst. Bei Oskuri ist man froh.", "de")
    assert found.get("Firma Oskuri") != "PER" and found.get("Oskuri") != "PER"


def test_the_role_before_a_listed_given_name_stays_out_of_the_person() -> None:
    found = _found("Der Kieler Leseforscher Christian Teldravik sagt, das sei neu. So sieht es Teldravik.", "de")
    assert found["Christian Teldravik"] == "PER"


def test_a_capital_under_its_exonym_and_a_us_state_stay_places() -> None:
    # simplemma reads "Muskat" (the spice) and "Maine" (a form of the river Main) as nouns.
    found = _found("Als Gastgeber wurde Muskat bestimmt, und Maine meldete sich auch.", "de")
    assert found["Muskat"] == found["Maine"] == "LOC"


def test_a_noun_that_geonames_lists_for_a_capital_spelt_otherwise_is_no_place() -> None:
    found = _found("Der Film zog die Zuschauer in seinen Bann.", "de")
    assert "Bann" not in found


def test_a_noun_with_a_plural_in_s_only_is_no_small_divisions_other_name() -> None:
    # GeoNames lists "Auto" for the Basque province Araba; simplemma knows only "Autos" beside it.
    found = _found("Gestern stand ein gebrauchtes Auto vor dem Haus von Jorinde Kalbfleck in Wetzlar.", "de")
    assert "Auto" not in found


def test_big_regions_and_towns_under_their_german_names_stay_places() -> None:
    # "Bayerns" and "Mailands" look like such plurals too: a big region's exonym and a town stay.
    found = _found("Die Reise führte von Bayern nach Mailand, dann weiter nach Oslo.", "de")
    assert found["Bayern"] == found["Mailand"] == found["Oslo"] == "LOC"


def test_a_given_name_that_some_town_bears_opens_a_person() -> None:
    # GeoNames has places called Michael and David: a run cut there lost the surname
    found = _found("Die Lage sei ernst, wie Staatsminister Michael Tresko am Dienstag dem Sender sagte. "
                   "Auch Landrat David Vennekamp (SPD) kam. Foto: dpa/Thomas Kerber Düsseldorf Bisher blieb es ruhig.", "de")
    assert found["Michael Tresko"] == "PER"
    assert found["David Vennekamp"] == "PER"
    assert "Michael" not in found and "David" not in found
    # a town glued after the name is no surname; a big town is no given name
    assert found["Thomas Kerber"] == "PER" and found["Düsseldorf"] == "LOC"


def test_a_big_town_before_a_noun_is_no_given_name() -> None:
    found = _found("In Berlin Vertreter der Nato zu treffen, war sein Ziel.", "de")
    assert found["Berlin"] == "LOC"
    assert "Berlin Vertreter" not in found


def test_another_languages_demonym_that_names_a_country_here_is_the_country() -> None:
    # French « italien », « syrien » (demonyms) are German Italien, Syrien (the countries)
    found = _found("Die Grenze zwischen Österreich und Italien bleibt zu. In Syrien wurde gekämpft.", "de")
    assert found["Italien"] == "LOC" and found["Syrien"] == "LOC"


def test_a_languages_own_demonym_stays_a_demonym() -> None:
    for text, language, word in (("Le franc suisse a monté, dit un banquier italien de Lyon.", "fr", "suisse"),
                                 ("Le franc suisse a monté, dit un banquier italien de Lyon.", "fr", "italien"),
                                 ("An Italian banker from Lyon said the Swiss franc rose.", "en", "Italian")):
        article = Article(id=language, source="test", raw=text, raw_sha256="", text=text,
                          offsets=OffsetMap.identity(len(text)), language=language)
        annotate_entities([article])
        kinds = {item.text: (item.label, item.mention) for item in article.entities}
        assert kinds[word] == ("MISC", "demonym"), (word, kinds)


def test_a_surname_that_is_also_a_common_word_ends_the_person() -> None:
    # "kurz", "lang" are stop words; after a given name, capitalised, they are the surname
    found = _found("Das sagte Bundeskanzler Tobias Kurz in Wien. Später kam Landrätin Heike Lang dazu.", "de")
    assert found["Tobias Kurz"] == "PER" and found["Heike Lang"] == "PER"
    assert "Tobias" not in found


def test_persons_listed_without_commas_are_each_a_person() -> None:
    found = _found("Auf dem Podest standen Katrin Vellmer Jonas Brisemeister Lotte Vahrenkamp am Sonntag.", "de")
    assert found["Katrin Vellmer"] == "PER"
    assert found["Jonas Brisemeister"] == "PER"
    assert found["Lotte Vahrenkamp"] == "PER"


def test_given_names_before_one_surname_stay_one_person() -> None:
    found = _found("Geboren wurde Ludwig Georg Karl Wendemuth in einem Dorf.", "de")
    assert "Ludwig Georg" not in found and "Karl Wendemuth" not in found


def test_a_nouns_declined_form_after_an_article_is_no_place() -> None:
    # "Bergen" is "Berg" declined, though towns and districts bear the name
    found = _found("Im Tal bleibt es kalt, in den Bergen wird es milder.", "de")
    assert "Bergen" not in found
    assert _found("Die Fähre fuhr nach Bergen und weiter nach Oslo.", "de").get("Bergen") == "LOC"
