"""Publication day from every clue: fetch day, URL, weekdays and dates the text names."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.annotate.dates import tag_article
from newsweave.annotate.published_clues import infer_publication, text_clues, url_clues
from newsweave.annotate.timex import find_mentions, grammar
from newsweave.model import Article
from newsweave.offsets import OffsetMap


def infer(text: str, language: str, fetched: date | None, url: str | None = None):
    return infer_publication(find_mentions(text, language), text, language, fetched=fetched, url=url)


def test_yesterday_with_a_weekday_fixes_the_day_inside_the_fetch_window():
    # fetched Saturday 2025-03-08; "yesterday, Thursday" puts the writing on Friday 2025-03-07
    text = ("The regional council voted yesterday, Thursday, to close the harbour ferry for the winter. "
            "Several members said the decision had come too late for the fishermen.")
    result = infer(text, "en", date(2025, 3, 8))
    assert result is not None
    assert (result.published, result.earliest, result.latest) == (date(2025, 3, 7), date(2025, 3, 7), date(2025, 3, 7))
    assert "weekday said today/yesterday" in result.reason and "fetch date" in result.reason


def test_french_today_weekday_before_the_fetch_window_is_read_as_fetched_late():
    # fetched Friday 2024-03-01 (window Wednesday to Friday); "ce mardi" says it was written a
    # Tuesday: the page was fetched three days late, the text's one day stands
    text = ("Le conseil municipal a adopté ce mardi le budget de la piscine, après trois heures de débat. "
            "L'opposition a voté contre.")
    result = infer(text, "fr", date(2024, 3, 1))
    assert result is not None and (result.published, result.earliest, result.latest) == (date(2024, 2, 27),) * 3
    assert "fetched late" in result.reason


def test_clues_that_conflict_in_the_wider_window_give_no_date():
    # "ce mardi" (a Tuesday) and "hier, 28 février" (written 29 February, a Thursday) disagree
    text = ("Le conseil municipal a adopté ce mardi le budget de la piscine. "
            "L'opposition avait manifesté hier, 28 février, devant la mairie.")
    assert infer(text, "fr", date(2024, 3, 4)) is None


def test_this_after_a_weekday_does_not_make_it_today():
    # "on Friday, this time …": "this" belongs to "this time"; only the fetch window dates the page
    text = ("The club was shaken again on Friday, this time by a letter from its former coach. "
            "Members met to discuss it.")
    result = infer(text, "en", date(2025, 3, 12))
    assert result is None or result.earliest != result.latest


def test_german_so_is_a_word_not_a_sunday():
    text = "So sieht es aus, sagte die Bürgermeisterin. So viele Anträge habe es noch nie gegeben."
    rules = grammar("de")
    assert rules is not None
    clues = text_clues(find_mentions(text, "de"), text, "de", rules, date(2025, 6, 4))
    assert not [clue for clue in clues if clue.weekday is not None]


def test_url_gives_the_month_and_the_day():
    [month] = url_clues("https://news.example/2024/05/harbour-ferry")
    assert (month.earliest, month.latest) == (date(2024, 5, 1), date(2024, 5, 31))
    [day] = url_clues("https://news.example/2024/05/03/harbour-ferry")
    assert day.earliest == day.latest == date(2024, 5, 3)


def test_fetch_day_alone_gives_its_window_and_no_clue_gives_nothing():
    text = "Die Fähre fährt im Winter nicht mehr. Die Fischer sind enttäuscht und fordern eine Lösung."
    result = infer(text, "de", date(2025, 6, 4))
    assert result is not None and (result.earliest, result.latest) == (date(2025, 6, 2), date(2025, 6, 4))
    assert result.published == date(2025, 6, 4) and result.reason == "fetch date"
    assert infer(text, "de", None) is None


def test_a_date_months_after_the_fetch_day_is_no_report():
    # bonds "due" years later: not an event the page reports, so no conflict with the fetch day
    text = ("The company sold $50 million of notes due Nov. 1, 2031, priced at par. "
            "The offering was handled by two banks.")
    result = infer(text, "en", date(2025, 5, 21))
    assert result is not None and result.latest == date(2025, 5, 21)


def test_a_named_day_after_the_fetch_window_conflicts():
    text = ("Le maire a annoncé le 20 mai 2025 la fermeture du port. "
            "Les pêcheurs ont manifesté devant la mairie.")
    assert infer(text, "fr", date(2025, 5, 12)) is None  # reported in the past, yet after the fetch day
    result = infer(text, "fr", date(2025, 5, 21))
    assert result is not None and (result.earliest, result.latest) == (date(2025, 5, 20), date(2025, 5, 21))


def test_article_json_carries_the_interval_when_inferred():
    text = ("Der Gemeinderat hat gestern, Donnerstag, die Schließung der Fähre beschlossen. "
            "Die Fischer wollen dagegen klagen.")
    article = Article(id="a", source="test", raw=text, raw_sha256="", text=text,
                      offsets=OffsetMap.identity(len(text)), language="de", fetched="2025-03-08T05:00:00+00:00")
    tag_article(article)
    found = article.to_json()
    assert (found["published"], found["published_basis"]) == ("2025-03-07", "inferred")
    assert found["published_interval"]["earliest"] == "2025-03-07"
    assert found["published_interval"]["latest"] == "2025-03-07"
    assert "fetch date" in found["published_interval"]["basis"]


def test_a_relative_day_beside_a_date_fixes_the_day():
    # fetched Friday 2024-03-08; "two days ago, on March 5" puts the writing on Thursday 2024-03-07
    text = ("The ferry company of Quillon cut its timetable two days ago, on March 5, after a storm. "
            "Passengers have complained since.")
    result = infer(text, "en", date(2024, 3, 8))
    assert result is not None
    assert (result.published, result.earliest, result.latest) == (date(2024, 3, 7), date(2024, 3, 7), date(2024, 3, 7))
    assert "relative day beside a date" in result.reason


def test_last_week_beside_a_date_bounds_the_week_in_french_and_german():
    # 2024-03-01 is a Friday: "la semaine dernière" written in the week of 4 to 10 March;
    # fetched Tuesday 2024-03-05 (window Sunday 3 to Tuesday 5) the Sunday is excluded
    french = ("Les négociations sur le port de Valombre ont échoué la semaine dernière, le 1er mars. "
              "Les dockers restent en grève.")
    german = ("Die Gespräche über den Hafen von Hallbruck scheiterten vergangene Woche, am 1. März. "
              "Die Hafenarbeiter streiken weiter.")
    for text, language in ((french, "fr"), (german, "de")):
        result = infer(text, language, date(2024, 3, 5))
        assert result is not None, language
        assert (result.earliest, result.latest) == (date(2024, 3, 4), date(2024, 3, 5)), language
        assert "week beside a date" in result.reason


def test_last_week_beside_a_date_that_the_fetch_window_excludes_gives_no_date():
    text = ("Les négociations sur le port de Valombre ont échoué la semaine dernière, le 1er mars. "
            "Les dockers restent en grève.")
    assert infer(text, "fr", date(2024, 3, 20)) is None


def test_swedish_i_fredags_is_last_friday_not_today():
    text = "Hamnen i Norrvik stängdes i fredags efter stormen. Färjorna står still."
    rules = grammar("sv")
    assert rules is not None
    clues = text_clues(find_mentions(text, "sv"), text, "sv", rules, date(2025, 6, 4))
    assert not [clue for clue in clues if clue.basis == "weekday said today/yesterday"]


LEAD = "Brennvik dam holds after the storm. Engineers of the water board checked the wall again. "


def test_a_date_said_last_bounds_the_seven_days_after_it_in_four_languages():
    # Fetched ten days after the named Saturday: the page was written within the week after it,
    # so the day is the last the fetch window and that week share (the 16th, not the fetch day).
    for sentence, language in [("The mayor said last Saturday, May 9, that the dam was safe.", "en"),
                               ("Le maire a dit samedi 9 mai dernier que le barrage était sûr.", "fr"),
                               ("El alcalde dijo el pasado sábado 9 de mayo que la presa era segura.", "es")]:
        text = LEAD + sentence
        found = infer_publication(find_mentions(text, language), text, language, fetched=date(2026, 5, 18))
        assert found is not None, language
        assert (found.published, found.earliest, found.latest) == (date(2026, 5, 16),) * 3, language
        assert "date said last" in found.reason
    # The same date without "last" bounds the day from below only: the fetch day stays.
    text = LEAD + "The mayor said on Saturday, May 9, that the dam was safe."
    found = infer_publication(find_mentions(text, "en"), text, "en", fetched=date(2026, 5, 18))
    assert found is not None and found.published == date(2026, 5, 18)


def test_a_weekday_said_last_is_read_as_such_in_german_and_french():
    for text, language in [("Der Bürgermeister sagte vergangenen Samstag, der Damm sei sicher.", "de"),
                           ("Le maire a dit samedi dernier que le barrage était sûr.", "fr")]:
        rules = grammar(language)
        assert rules is not None
        clues = text_clues(find_mentions(text, language), text, language, rules, date(2026, 5, 12))
        assert [clue.basis for clue in clues] == ["weekday said last"], language


def test_a_german_weekday_compound_after_an_diesem_is_today():
    # fetched Monday 2026-03-16 (window Saturday to Monday): "an diesem Samstagvormittag" and
    # "am heutigen Sonntag" fix the day; a bare "am Samstagvormittag" only narrows the window.
    saturday = ("In der Altstadt von Keldorf ist an diesem Samstagvormittag ein Lagerhaus abgebrannt. "
                "Die Feuerwehr war mit vierzig Kräften im Einsatz.")
    result = infer(saturday, "de", date(2026, 3, 16))
    assert result is not None and (result.published, result.earliest, result.latest) == (date(2026, 3, 14),) * 3
    sunday = "Die Fähre nach Orsund fuhr am heutigen Sonntag zum letzten Mal in diesem Winter."
    result = infer(sunday, "de", date(2026, 3, 16))
    assert result is not None and (result.published, result.earliest, result.latest) == (date(2026, 3, 15),) * 3
    bare = infer(saturday.replace("an diesem", "am"), "de", date(2026, 3, 16))
    assert bare is not None and bare.earliest != bare.latest


def test_a_weekday_with_its_date_in_the_lead_bounds_the_week_after_that_date():
    # "am Mittwochmorgen (12.3.)": the weekday and the date in brackets are one clue, the week
    # after Wednesday 12 March, cut by the fetch day
    text = ("Razzia in Velbern\n\nDie Polizei hat am Mittwochmorgen (12.3.) eine Lagerhalle in Velbern durchsucht. "
            "Drei Männer wurden festgenommen.")
    result = infer(text, "de", date(2025, 3, 13))
    assert result is not None and (result.earliest, result.latest) == (date(2025, 3, 12), date(2025, 3, 13))


# Leads naming Wednesday 12 March 2025 with its weekday (de, fr, en), and Tuesday 29 August 2023.
VELBERN_RAID = [
    ("de", "Razzia in Velbern\n\nDie Polizei hat am Mittwochmorgen (12.3.) eine Lagerhalle in Velbern durchsucht. "
           "Drei Männer wurden festgenommen."),
    ("fr", "Perquisition à Velbern\n\nLa police a fouillé mercredi 12 mars un entrepôt de Velbern. "
           "Trois hommes ont été interpellés."),
    ("en", "Warehouse searched in Velbern\n\nPolice searched a warehouse in Velbern on Wednesday, March 12. "
           "Three men were arrested."),
]
MAYOR_RECEIVED = [
    ("fr", "Le maire reçu à la préfecture\n\nReçu mardi 29 août à la préfecture, le maire de Velbern a exposé "
           "ses demandes au préfet. La rencontre a duré une heure."),
    ("en", "Mayor meets the governor\n\nThe mayor of Velbern was received on Tuesday, August 29, at the "
           "governor's office. The meeting lasted an hour."),
    ("de", "Bürgermeister beim Landrat\n\nDer Bürgermeister von Velbern wurde am Dienstagabend (29.8.) vom Landrat "
           "empfangen. Das Gespräch dauerte eine Stunde."),
]


@pytest.mark.parametrize("language, text", VELBERN_RAID)
def test_a_page_fetched_long_after_the_day_its_lead_names_with_its_weekday_is_dated_by_that_day(language, text):
    # The lead's decision (stop 41): a page fetched a month after the day its lead names
    # explicitly, with a weekday that agrees with the date, is dated by that day; the fetch day
    # only bounds it from above (until stop 40 such a page got no date).
    fetched = date(2025, 4, 16)
    result = infer(text, language, fetched)
    assert result is not None
    assert (result.published, result.earliest) == (date(2025, 3, 12),) * 2
    assert result.latest is not None and result.latest <= fetched


def test_a_wrong_weekday_or_another_url_day_leaves_the_archived_page_to_its_fetch_window():
    # a weekday that is not the date's names no day, and a URL of another day disagrees: at most
    # the fetch window, as before
    (_, german), (_, french), _ = VELBERN_RAID
    fetched = date(2025, 4, 16)
    for result in [infer(german.replace("Mittwochmorgen", "Donnerstagmorgen"), "de", fetched),
                   infer(french, "fr", fetched, url="https://news.example/2025/04/16/velbern")]:
        assert result is None or result.earliest is not None and result.earliest >= date(2025, 4, 14)


def test_a_bare_weekday_or_yesterday_far_from_the_fetch_day_still_gives_no_day():
    # "mercredi" or "hier" alone, fetched weeks later: nothing names the day, only the fetch
    # window, which the text's clues do not narrow to one day
    fetched = date(2025, 4, 16)
    for text, language in [("La police a fouillé mercredi un entrepôt de Velbern. Trois hommes ont été interpellés.", "fr"),
                           ("Police searched a warehouse in Velbern yesterday. Three men were arrested.", "en"),
                           ("Die Polizei hat gestern eine Lagerhalle in Velbern durchsucht.", "de")]:
        result = infer(text, language, fetched)
        assert result is None or result.earliest != result.latest or result.published >= date(2025, 4, 14), language


@pytest.mark.parametrize("language, text", MAYOR_RECEIVED)
def test_a_named_day_whose_week_overlaps_the_fetch_window_in_part_gives_the_first_shared_day(language, text):
    # "Mardi 29 août" (a Tuesday), fetched Friday 1 September: the text allows 29 August to
    # 4 September, the fetch window 30 August to 1 September; the day nearest the named one
    # that both allow (until stop 40: no date, the named day being outside the window)
    fetched = date(2023, 9, 1)
    result = infer(text, language, fetched)
    assert result is not None
    assert (result.published, result.earliest, result.latest) == (date(2023, 8, 30), date(2023, 8, 30), fetched)


def test_spanish_este_before_a_weekday_makes_it_the_day_of_writing():
    # fetched Saturday 2026-07-11; "este viernes" in a past clause: written on Friday 2026-07-10
    text = ("El incendio de la sierra de Valdecorvo deja ya tres heridos. El alcalde lo ha confirmado "
            "este viernes desde el puesto de mando, donde trabajan cuarenta bomberos.")
    result = infer(text, "es", date(2026, 7, 11))
    assert result is not None
    assert (result.published, result.earliest, result.latest) == (date(2026, 7, 10),) * 3
    assert "weekday said today/yesterday" in result.reason


def test_spanish_este_weekday_outside_the_fetch_window_is_read_as_fetched_late():
    # fetched Thursday 2026-07-16 (window Tuesday to Thursday): "este domingo" says Sunday the 12th
    text = ("Los ministros de Agricultura se han reunido este domingo en Ribaseca para hablar de la sequía. "
            "El encuentro terminó sin acuerdo.")
    result = infer(text, "es", date(2026, 7, 16))
    assert result is not None and result.published == date(2026, 7, 12)


def test_a_wire_dateline_gives_the_day_inside_the_fetch_window():
    # fetched Thursday 2025-02-06; the dateline says 4 February, the story's verbs are in the past
    text = ("Harbour ferries to stay docked.\n\nTOLSBY, Feb. 4 (NWS) — The ferry company kept its boats "
            "in port, its director said. Crews had asked for a week of repairs.")
    result = infer(text, "en", date(2025, 2, 6))
    assert result is not None
    assert (result.published, result.earliest, result.latest) == (date(2025, 2, 4),) * 3
    assert "dateline" in result.reason


def test_a_date_after_a_place_in_a_sentence_is_no_dateline():
    text = "The ferry company, Tolsby Lines, Feb. 4 figures aside, kept its boats in port on Tuesday."
    rules = grammar("en")
    assert rules is not None
    clues = text_clues(find_mentions(text, "en"), text, "en", rules, date(2025, 2, 6))
    assert not [clue for clue in clues if clue.basis == "dateline"]


def test_a_month_with_its_year_gives_the_year_to_a_dated_weekday():
    # no fetch day: "hier, mercredi 6 mars" is fixed by the year of "janvier 2024"
    text = ("Le tribunal de Brelac a condamné hier, mercredi 6 mars, un ancien élu pour corruption. "
            "Le procès s'était ouvert en janvier 2024.")
    result = infer(text, "fr", None)
    assert result is not None
    assert (result.published, result.earliest, result.latest) == (date(2024, 3, 7),) * 3


def test_yesterday_and_a_date_with_a_verb_between_are_two_events():
    # "proposed on March 4 … drew protests yesterday": not "yesterday, March 4"
    text = ("Wendmoor council voted on Tuesday to close the library. The plan, first proposed on March 4, "
            "drew protests yesterday.")
    result = infer(text, "en", date(2024, 3, 13))
    assert result is not None
    assert "relative day beside a date" not in result.reason
    assert result.earliest <= date(2024, 3, 13) <= result.latest


def _alone(text: str, language: str):
    from newsweave.annotate.published_inference import infer_published

    return infer_published(find_mentions(text, language), text, language)


def test_french_weekday_said_today_after_a_dated_weekday_gives_the_day():
    # no dateline: "ce jeudi" is the day of writing, "mardi 4 mars" (past, in the body) fixes its week
    text = ("Piscine de Ribaseca : le chantier reprend\n\nLe chantier de la piscine a repris ce jeudi, "
            "après deux semaines d'arrêt. Les ouvriers attendaient les nouvelles pièces. Le conseil municipal "
            "en a parlé longuement. Mardi 4 mars, le maire avait signé la commande, un an après l'incendie "
            "survenu en 2024.")
    result = _alone(text, "fr")
    assert result is not None and (result.published, result.earliest, result.latest) == (date(2025, 3, 6),) * 3
    assert "after a dated weekday" in result.reason


def test_english_this_weekday_after_a_full_date_gives_the_day():
    text = ("The ferry company resumed sailings this Friday. Its director had met the unions on "
            "Tuesday, March 4, 2025, to agree the new timetable.")
    result = _alone(text, "en")
    assert result is not None and result.published == date(2025, 3, 7)


def test_weekdays_said_today_that_disagree_give_no_date():
    text = ("Le chantier de la piscine a repris ce jeudi. Le maire a visité le site ce vendredi. "
            "Mardi 4 mars 2025, il avait signé la commande.")
    assert _alone(text, "fr") is None


def test_a_dated_weekday_of_a_plan_does_not_fix_the_day():
    # "Rendez-vous jeudi 6 mars": untensed, perhaps a plan; it dates nothing
    text = "Le chantier de la piscine a repris ce mardi. Rendez-vous jeudi 6 mars 2025 pour l'inauguration."
    result = _alone(text, "fr")
    assert result is None or "after a dated weekday" not in result.reason
