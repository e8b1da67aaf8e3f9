"""A page that writes its time only in UTC is dated in its site's country's one time zone (invented pages,
English, French and Spanish); a country with several zones, or a site whose address names no country,
keeps the UTC day."""

from __future__ import annotations

from newsweave.extract.html import extract_html
from newsweave.extract.published import day_in_page_offset, site_zone

ENGLISH = (
    "The harbour board of Kilcarrow Bay agreed late in the evening to close the old slipway for repairs, "
    "after divers found the stone ramp cracked in four places. Fishing boats will land at the north pier "
    "until the autumn, and the board will run a shuttle van to the pier every hour."
)
FRENCH = (
    "Le conseil municipal de Montbrison-sur-Lèze a voté tard dans la soirée la fermeture du vieux "
    "marché couvert, dont la toiture menace de céder. Les travaux dureront tout l'été et coûteront près "
    "de trois cent mille euros, payés par la commune et par la région."
)
SPANISH = (
    "El concejo municipal de San Isidro de Huancollo aprobó a última hora de la noche el cierre del viejo "
    "puente colgante, después de que los ingenieros hallaran tres cables corroídos. Los vecinos cruzarán "
    "por el vado del norte hasta el verano, y la alcaldía pondrá una lancha cada hora."
)


def page(published: str, text: str, language: str) -> str:
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            f'"headline": "A council vote", "datePublished": "{published}"}}</script>')
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><title>A council vote</title>
{head}
</head><body><article><h1>A council vote</h1>
<p>{text}</p><p>{text}</p>
</article></body></html>"""


def test_utc_time_after_midnight_on_a_one_zone_country_site_takes_the_local_day_before() -> None:
    html = page("2023-10-12T02:40:00Z", SPANISH, "es")
    extraction = extract_html(html, "https://www.diario-huancollo.com.pe/region/cierre-del-puente-12345")
    assert extraction.published == "2023-10-11"


def test_a_utc_time_written_the_mail_way_is_read_in_the_site_zone() -> None:
    stamps = ['{"datePublished": "Thu, 12 Oct 2023 02:40:00 GMT", "dateModified": "Thu, 12 Oct 2023 02:40:00 GMT"}']
    assert day_in_page_offset("2023-10-12", stamps, "America/Lima") == "2023-10-11"
    assert day_in_page_offset("2023-10-12", stamps) == "2023-10-12"


def test_utc_time_before_midnight_on_a_one_zone_country_site_takes_the_local_day_after() -> None:
    extraction = extract_html(page("2023-03-09T23:15:00Z", FRENCH, "fr"),
                              "https://www.echo-de-la-leze.fr/actualites/marche-couvert")
    assert extraction.published == "2023-03-10"
    extraction = extract_html(page("2023-07-11T23:40:00+00:00", ENGLISH, "en"),
                              "https://kilcarrowbaynews.ie/news/slipway-closed")
    assert extraction.published == "2023-07-12"


def test_a_several_zone_country_keeps_the_utc_day() -> None:
    extraction = extract_html(page("2023-07-11T23:40:00Z", ENGLISH, "en"),
                              "https://www.kilcarrowbay.com.au/news/slipway-closed")
    assert extraction.published == "2023-07-11"


def test_a_site_that_names_no_country_keeps_the_utc_day() -> None:
    extraction = extract_html(page("2023-07-11T23:40:00Z", ENGLISH, "en"), "https://kilcarrowbaynews.com/slipway")
    assert extraction.published == "2023-07-11"
    assert extract_html(page("2023-03-09T23:15:00Z", FRENCH, "fr")).published == "2023-03-09"


def test_the_page_own_offset_wins_over_the_site_zone() -> None:
    # A twin in the page's own offset says where it was published, whatever the address.
    stamps = ["2023-07-11T23:40:00Z", "2023-07-11T19:40:00-04:00"]
    assert day_in_page_offset("2023-07-11", stamps, "Europe/Dublin") == "2023-07-11"


def test_only_a_country_with_one_zone_has_a_site_zone() -> None:
    assert site_zone("BO") == "America/La_Paz"
    assert site_zone("FR") == "Europe/Paris"
    assert site_zone("US") is None
    assert site_zone("BR") is None
    assert site_zone(None) is None
