"""Report papercuts, each with the case that showed it: timeline rows cut mid-sentence, a
publication line listed as an event, repeated rows from near-duplicates, one entity row per
mention, a hash id in the browser tab, microseconds on the index, JSON strings in Parquet."""

from __future__ import annotations

from datetime import datetime, timezone

import pyarrow.parquet as pq

from newsweave.model import Article, Entity, Event, Timex
from newsweave.offsets import OffsetMap
from newsweave.report.entities import entity_id_of, entity_slug, per_day_chart
from newsweave.report.export import write_export
from newsweave.report.html import entity_table, page_title
from newsweave.report.stories import timeline_entries, without_repeats
from newsweave.report.wording import when


def _article(text: str, **fields) -> Article:
    return Article(id=fields.pop("id", "a1"), source="feeds/a1.txt", raw=text, raw_sha256="0" * 64, text=text,
                   offsets=OffsetMap.identity(len(text)), language="en", **fields)


def _span(text: str, words: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "source_start": start, "source_end": start + len(words), "text": words}


def test_an_event_row_is_its_whole_sentence_not_the_participants_span():
    text = "After talks in Vellmar, Ilse Marov travelled to Ostrana on Sunday. Trade was not discussed."
    event = {"type": "CONSULT", "trigger": _span(text, "travelled"), "actor": _span(text, "Ilse Marov"),
             "location": _span(text, "Vellmar"), "target": _span(text, "Ostrana"), "date": "2024-05-05"}
    [entry] = timeline_entries(_article(text, events=[Event.from_json(event)]))
    assert entry["text"] == "After talks in Vellmar, Ilse Marov travelled to Ostrana on Sunday."
    assert not entry["cut_before"] and not entry["cut_after"]


def test_a_publication_line_is_not_a_dated_statement():
    text = "Publié le 10 février 2025\nLe conseil de Vellmar a voté le budget le 9 février 2025 après un long débat."
    dates = [{"type": "DATE", "value": "2025-02-10", **_span(text, "10 février 2025")},
             {"type": "DATE", "value": "2025-02-09", **_span(text, "9 février 2025")}]
    entries = timeline_entries(_article(text, dates=[Timex.from_json(item) for item in dates]))
    assert [entry["date"] for entry in entries] == ["2025-02-09"]
    assert entries[0]["text"].startswith("Le conseil de Vellmar a voté")


def test_a_long_sentence_cut_to_size_says_so():
    text = "The board met. " + "On 3 March 2024 the board of the Vellmar water company " + "agreed to a long list of repairs " * 12 + "today."
    dates = [{"type": "DATE", "value": "2024-03-03", **_span(text, "3 March 2024")}]
    [entry] = timeline_entries(_article(text, dates=[Timex.from_json(item) for item in dates]))
    assert entry["text"].startswith("On 3 March 2024") and entry["cut_after"] and not entry["cut_before"]


def test_near_duplicates_do_not_repeat_timeline_rows():
    rows = [{"date": "2024-03-04", "event_type": None, "article_id": article_id, "start": 0, "end": 10, "text": text}
            for article_id, text in (("a1", "The bridge reopened on Monday."), ("a2", "The bridge  reopened on Monday"),
                                     ("a3", "The ferry stopped on Monday."))]
    assert [row["article_id"] for row in without_repeats(rows)] == ["a1", "a3"]


def test_the_entity_table_has_one_row_per_entity_with_its_spellings():
    mentions = [Entity(i * 10, i * 10 + 5, i * 10, i * 10 + 5, text, label="LOC", entity_id="geo:1", canonical="Ostrana",
                       lat=1.0, lon=2.0) for i, text in enumerate(["Ostrana", "Ostrana", "Ostranas"])]
    mentions.append(Entity(99, 104, 99, 104, "Marov", label="PER", canonical="Ilse Marov"))
    mentions.append(Entity(120, 125, 120, 125, "Marov", label="PER", canonical="Ilse Marov"))
    rows = entity_table(_article("x" * 200, entities=mentions), linked={"geo:1"})
    assert [(row["name"], row["mentions"], row["spellings"]) for row in rows] == [
        ("Ostrana", 3, ["Ostrana", "Ostranas"]), ("Ilse Marov", 2, ["Marov"])]
    assert rows[0]["page"] == entity_slug("geo:1") and rows[1]["page"] is None


def test_the_tab_title_is_never_the_hash_id():
    assert page_title(_article("Storm closes the Vellmar ferry\n\nThe ferry stopped.", id="9f2c1d")) == "Storm closes the Vellmar ferry"
    assert page_title(_article("Body", title="Given title")) == "Given title"
    assert "9f2c1d" not in page_title(_article("", id="9f2c1d"))


def test_moments_lose_microseconds():
    assert when("2024-03-04") == "2024-03-04"
    assert when("2024-03-04T09:41:07.123456+00:00") == "2024-03-04 09:41 UTC"
    assert when(datetime(2024, 3, 4, 9, 41, 7, 123456, tzinfo=timezone.utc)) == "2024-03-04 09:41 UTC"
    assert when(None) == "unknown" and when("around noon") == "around noon"


def test_entity_slugs_are_file_names_and_reverse():
    for entity_id in ("geo:2988507", "per:ilse-marov", "Q-kestrel", "x~y/z"):
        slug = entity_slug(entity_id)
        assert "/" not in slug and ":" not in slug and entity_id_of(slug) == entity_id


def test_per_day_chart_places_bars_by_day():
    chart = per_day_chart([{"day": "2024-03-01", "articles": 1}, {"day": "2024-03-05", "articles": 4}, {"day": None, "articles": 2}])
    assert len(chart.bars) == 2 and chart.bars[1].height > chart.bars[0].height and chart.bars[0].x < chart.bars[1].x
    assert per_day_chart([]) is None


def test_per_day_chart_of_one_day_is_a_narrow_bar_within_a_week():
    chart = per_day_chart([{"day": "2024-03-05", "articles": 3}])
    (bar,) = chart.bars
    assert bar.width < chart.width / 10
    assert [label for _, label in chart.ticks] == ["2024-03-02", "2024-03-08"]
    assert chart.ticks[0][0] < bar.x < chart.ticks[1][0]


def test_parquet_keeps_nested_fields_as_arrow_types(tmp_path):
    rows = [
        {"id": "a1", "entities": [{"text": "Ostrana", "start": 0, "end": 7, "lat": 1.5}],
         "timeline": [{"date": "2024-03-04", "start": 0, "end": 4}], "meta": {}, "mixed": 1},
        {"id": "a2", "entities": [{"text": "Marov", "start": 3, "end": 8, "entity_id": "per:m"}], "timeline": [], "meta": {},
         "mixed": "one"},
    ]
    out = tmp_path / "rows.parquet"
    assert write_export(iter(rows), "parquet", out) == 2
    table = pq.read_table(out)
    entities = table.schema.field("entities").type
    assert str(entities).startswith("list<") and {"text", "start", "end", "lat", "entity_id"} <= {
        entities.value_type.field(i).name for i in range(entities.value_type.num_fields)}
    assert table.column("entities").to_pylist()[1][0]["entity_id"] == "per:m"
    assert str(table.schema.field("timeline").type).startswith("list<")
    assert str(table.schema.field("meta").type) == "string"  # an object that is always empty: kept as JSON text
    assert table.column("mixed").to_pylist() == ["1", "one"]
