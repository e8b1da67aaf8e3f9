"""Timeline entries say when their date is inferred: a sentence without a date placed at the
article's date, a bare weekday resolved against it, a day whose year comes from an article
date that is itself inferred. Dates written in full are read, not inferred."""

from __future__ import annotations

from typing import Any

from newsweave.model import Article, Event, Span, Timex
from newsweave.offsets import OffsetMap
from newsweave.report.html import environment
from newsweave.report.stories import STATEMENT_COLOUR, TYPE_COLOURS, timeline_entries, timeline_plot

TEXT = (
    "The council voted the new budget on Tuesday after a long debate in the hall. "
    "The mayor met the union leaders on 4 March 2024 to discuss the pay of the staff. "
    "The unions accused the council of hiding the real cost of the plan. "
    "A second vote is planned for 12 March in the same hall of the town."
)


def _article(published_basis: str = "metadata", **annotations: Any) -> Article:
    return Article(id="a1", source="a1.txt", raw=TEXT, raw_sha256="x", text=TEXT, offsets=OffsetMap.identity(len(TEXT)),
                   language="en", published="2024-03-06", published_basis=published_basis,  # type: ignore[arg-type]
                   **annotations)


def _timex(article_text: str, words: str, value: str) -> Timex:
    start = article_text.index(words)
    return Timex(start, start + len(words), start, start + len(words), words, type="DATE", value=value)


def _span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), start, start + len(words), words)


def _dates() -> list[Timex]:
    return [_timex(TEXT, "Tuesday", "2024-03-05"), _timex(TEXT, "4 March 2024", "2024-03-04"), _timex(TEXT, "12 March", "2024-03-12")]


def _accuse() -> Event:
    return Event("ACCUSE", _span("accused"), date="2024-03-06")  # the events stage gives an undated sentence the article's date


def _by_text(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["text"].split()[1]: entry for entry in entries}


def test_a_bare_weekday_and_an_undated_sentence_are_inferred_a_full_date_is_read():
    entries = _by_text(timeline_entries(_article(dates=_dates(), events=[_accuse()])))
    assert (entries["council"]["date"], entries["council"]["inferred"]) == ("2024-03-05", True)  # "on Tuesday"
    assert "weekday" in entries["council"]["inferred_reason"]
    assert (entries["mayor"]["inferred"], entries["mayor"]["inferred_reason"]) == (False, None)  # "4 March 2024"
    assert (entries["second"]["inferred"], entries["second"]["inferred_reason"]) == (False, None)  # year from a known date
    assert (entries["unions"]["date"], entries["unions"]["inferred"]) == ("2024-03-06", True)  # no date: the article's
    assert "placed at the article's date" in entries["unions"]["inferred_reason"]


def test_when_the_articles_own_date_is_inferred_so_is_every_date_leaning_on_it():
    entries = _by_text(timeline_entries(_article("inferred", dates=_dates(), events=[_accuse()])))
    assert entries["second"]["inferred"] and "own date is inferred" in entries["second"]["inferred_reason"]
    assert entries["unions"]["inferred"] and "own date is inferred" in entries["unions"]["inferred_reason"]
    assert entries["council"]["inferred"]
    assert not entries["mayor"]["inferred"]  # written in full: nothing leans on the article's date


def test_an_event_dated_in_its_own_sentence_is_not_inferred():
    event = Event("CONSULT", _span("met"), date="2024-03-04")
    [entry] = [e for e in timeline_entries(_article(dates=_dates(), events=[event])) if e["event_type"] == "CONSULT"]
    assert (entry["date"], entry["inferred"]) == ("2024-03-04", False)


def test_the_story_page_marks_inferred_entries_in_the_table_and_the_plot():
    timeline = timeline_entries(_article(dates=_dates(), events=[_accuse()]))
    story = {"id": "s1", "label": "Budget", "article_ids": ["a1"], "languages": ["en"], "first": None, "last": None}
    page = environment().get_template("story.html").render(
        story=story, timeline=timeline, plot=timeline_plot(timeline), by_language={}, colours=TYPE_COLOURS,
        statement_colour=STATEMENT_COLOUR, places=[], place_map=None)
    inferred = sum(entry["inferred"] for entry in timeline)
    assert page.count('<span class="tag inferred" title=') == inferred == 2
    assert page.count('<circle class="inferred"') == inferred and page.count('<circle class="read"') == len(timeline) - inferred
    assert "(inferred: no date in the sentence: placed at the article&#39;s date)" in page


def test_the_reason_names_the_clues_of_an_inferred_article_date():
    from newsweave.model import PublishedInterval

    article = _article("inferred", events=[_accuse()],
                       published_interval=PublishedInterval("2024-03-05", "2024-03-07", "fetch date + story"))
    entries = _by_text(timeline_entries(article))
    assert "the article's own date is inferred (fetch date + story)" in entries["unions"]["inferred_reason"]
