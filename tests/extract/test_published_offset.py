"""The metadata day is the day where the page was published: a UTC time the page also writes in its own
offset gives that offset's day (invented pages, English and French)."""

from __future__ import annotations

from newsweave.extract.html import extract_html
from newsweave.extract.published import day_in_page_offset

ENGLISH = (
    "The river council of Harwick Falls agreed late on the evening to close the old ferry landing for "
    "repairs, after inspectors found the timber deck rotten in three places. The ferry will dock at the "
    "grain quay until the spring, and the town will run an extra bus to the quay every hour."
)
FRENCH = (
    "Le conseil municipal de Saint-Aubert-la-Rivière a voté tard dans la soirée la fermeture du vieux "
    "lavoir, dont la charpente menace de céder. Les travaux dureront tout l'hiver et coûteront près de "
    "deux cent mille euros, payés par la commune et par le département."
)


def page(head: str, body_time: str, text: str, language: str = "en") -> str:
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><title>A council vote</title>
{head}
</head><body><article><h1>A council vote</h1>
<p class="byline"><time class="entry-date" datetime="{body_time}">Published</time></p>
<p>{text}</p><p>{text}</p>
</article></body></html>"""


def test_utc_meta_time_takes_the_day_of_its_negative_offset_twin() -> None:
    head = '<meta property="article:published_time" content="2023-10-12T03:40:00+00:00">'
    extraction = extract_html(page(head, "2023-10-11T22:40:00-05:00", ENGLISH))
    assert extraction.published == "2023-10-11"


def test_utc_json_ld_time_takes_the_day_of_its_positive_offset_twin() -> None:
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            '"headline": "Vote au conseil", "datePublished": "2023-03-09T23:15:00Z"}</script>')
    extraction = extract_html(page(head, "2023-03-10T01:15:00+02:00", FRENCH, "fr"))
    assert extraction.published == "2023-03-10"


def test_a_time_written_only_in_utc_keeps_its_day() -> None:
    head = '<meta property="article:published_time" content="2023-10-12T03:40:00Z">'
    extraction = extract_html(page(head, "2023-10-12T03:40:00Z", ENGLISH))
    assert extraction.published == "2023-10-12"


def test_an_offset_time_of_another_moment_leaves_the_day() -> None:
    # The <time> of a related item, hours apart, says nothing about when this article went out.
    stamps = ["2023-10-12T03:40:00+00:00", "2023-10-11T18:05:00-05:00"]
    assert day_in_page_offset("2023-10-12", stamps) == "2023-10-12"


def test_twins_without_seconds_are_the_same_moment() -> None:
    stamps = ['"datePublished": "2022-07-01T02:10:27Z"', "2022-06-30T22:10-04:00"]
    assert day_in_page_offset("2022-07-01", stamps) == "2022-06-30"
