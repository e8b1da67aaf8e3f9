"""Export the store's rows as JSON lines, CSV or Parquet, in the contract's row shapes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsweave.report.stories import story_export_rows
from newsweave.store import Store
from newsweave.store.feedback import flag_json

WHAT = ("articles", "entities", "quotes", "events", "stories", "rejections", "flags", "feedback")
FORMATS = ("jsonl", "csv", "parquet")


def export_rows(store: Store, what: str) -> Iterator[dict[str, Any]]:
    if what == "articles":
        for article in store.iter_articles():
            yield article.to_json()
    elif what == "quotes":
        for article in store.iter_articles():
            for quote in article.quotes:
                yield {"article_id": article.id, **quote.to_json()}
    elif what == "events":
        for article in store.iter_articles():
            for item in article.events:
                found = item.to_json()
                yield {"article_id": article.id, **{key: found[key] for key in ("type", "actor", "target", "location", "date", "trigger")}}
    elif what == "entities":
        # Contract row: entity_id, canonical, label, aliases, languages, mentions, lat, lon, country.
        yield from store.entity_rows()
    elif what == "stories":
        yield from story_export_rows(store)
    elif what == "rejections":
        yield from store.rejections()
    elif what == "flags":
        # Each flag with its stable id (the one readers' marks point at) and its article.
        for article in store.iter_articles():
            for flag in article.flags:
                yield {"article_id": article.id, **flag_json(article.id, flag)}
    elif what == "feedback":
        # Readers' marks on flags, each with the flag as the reader saw it: data for the detectors.
        yield from store.feedback_rows()
    else:
        raise ValueError(f"unknown export {what!r}; choose one of {', '.join(WHAT)}")


def write_export(rows: Iterator[dict[str, Any]], fmt: str, out: Path | None) -> int:
    """Write ``rows`` to ``out`` (stdout when None, except for Parquet); returns the row count."""
    if fmt == "jsonl":
        return _write_text(out, lambda handle: _jsonl(rows, handle))
    if fmt == "csv":
        return _write_text(out, lambda handle: _csv(rows, handle))
    if fmt == "parquet":
        if out is None:
            raise ValueError("Parquet is binary: give --out FILE")
        return _parquet(rows, out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _write_text(out: Path | None, write) -> int:
    if out is None:
        import sys

        return write(sys.stdout)
    with out.open("w", encoding="utf-8", newline="") as handle:
        return write(handle)


def _jsonl(rows, handle: io.TextIOBase) -> int:
    count = 0
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """Nested values as JSON text, so CSV keeps them losslessly."""
    return {key: json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, (dict, list)) else value for key, value in row.items()}


def _csv(rows, handle: io.TextIOBase) -> int:
    writer = None
    count = 0
    for row in rows:
        flat = _flat(row)
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        count += 1
    return count


def _parquet(rows, out: Path) -> int:
    """Parquet with nested fields (entities, timeline, spans) as Arrow lists and structs.

    Arrow infers each column's type from all its values (struct fields are the union of the
    keys met). A column whose values do not share one type (a number here, a string there)
    or that Parquet cannot hold (a struct without fields: only empty objects) is kept as
    JSON text, as in CSV, so nothing is lost.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    listed = list(rows)
    names = list(dict.fromkeys(key for row in listed for key in row))
    columns = {name: _arrow_column([row.get(name) for row in listed]) for name in names}
    pq.write_table(pa.table(columns) if columns else pa.table({}), out)
    return len(listed)


def _arrow_column(values: list[Any]):
    import pyarrow as pa

    try:
        column = pa.array(values)
        if not _has_empty_struct(column.type):
            return column
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError, TypeError):
        pass
    return pa.array([None if value is None else json.dumps(value, ensure_ascii=False, default=str)
                     if isinstance(value, (dict, list)) else str(value) for value in values], type=pa.string())


def _has_empty_struct(kind) -> bool:
    import pyarrow as pa

    if pa.types.is_struct(kind):
        return kind.num_fields == 0 or any(_has_empty_struct(kind.field(i).type) for i in range(kind.num_fields))
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return _has_empty_struct(kind.value_type)
    return False
