"""The static HTML report: an index of articles and rejections, and one page per article.

Article content is untrusted input: every value goes through Jinja2's autoescaping, and
highlighted text is cut into plain segments that are escaped one by one. The pages carry
no script at all (their Content-Security-Policy forbids it): hover explanations are the
``title`` attribute and a CSS tooltip, so the report reads offline in any browser.

Annotations overlap (a quote holds entities and dates; a flag's evidence may be a quote),
so the text is cut at every span edge and each piece carries all the spans over it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from newsweave.assess.summary import trust_summary
from newsweave.model import Article, Entity, Quote
from newsweave.report.entities import entity_slug, write_entity_pages
from newsweave.report.stories import write_story_pages
from newsweave.report.wording import article_name, count_noun, when
from newsweave.store import Store
from newsweave.store.entity_pages import entity_list
from newsweave.store.feedback import flags_with_ids
from newsweave.store.trending import trending_stories


@dataclass(frozen=True)
class Segment:
    """A stretch of article text with the spans over it (none: plain text).

    ``kind`` holds the CSS classes of every span over the piece, ``title`` their
    explanations, one per line, outermost first.
    """

    text: str
    kind: str | None = None
    title: str | None = None


STYLESHEET = "newsweave.css"
# Entity pages the static report writes: the most mentioned ones (a page each; the web UI
# serves every entity). Stories growing over this many hours are listed on its index.
REPORT_ENTITIES = 500
TRENDING_HOURS = 24.0


@cache
def stylesheet() -> Markup:
    """The CSS of every page (``static/newsweave.css``), our own file, hence trusted markup."""
    return Markup((resources.files("newsweave.report") / "static" / STYLESHEET).read_text(encoding="utf-8"))


def environment(*overrides: BaseLoader) -> Environment:
    """The report's templates; ``overrides`` are searched first.

    ``newsweave serve`` passes its own templates: its ``base.html`` (navigation and search
    box) then frames the report's article and story pages, which are otherwise the same
    pages, rendered by the same functions.
    """
    env = Environment(
        loader=ChoiceLoader([*overrides, PackageLoader("newsweave.report", "templates")]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["stylesheet"] = stylesheet()
    # Templates write counts as ``{{ n|count_noun("article") }}``, the same wording as the code's.
    env.filters["count_noun"] = count_noun
    env.filters["when"] = when
    # Listings name an article as ``{{ a|article_name }}``: never by its file name.
    env.filters["article_name"] = article_name
    return env


def highlight_spans(article: Article) -> list[dict[str, Any]]:
    """Every annotation with offsets, as ``{start, end, kind, title}``, in text order."""
    spans = []
    for entity in article.entities:
        spans.append({**entity.to_json(), "kind": f"entity entity-{entity.label}", "title": _entity_title(entity)})
    for item in article.dates:
        spans.append({**item.to_json(), "kind": "date", "title": f"{item.type}: {item.value or 'unresolved'}"})
    for quote in article.quotes:
        spans.append({**quote.to_json(), "kind": "quote", "title": _quote_title(quote)})
        speaker = quote.speaker
        if speaker and speaker.end > speaker.start:
            spans.append({**speaker.to_json(), "kind": "speaker", "title": f"speaker: {quote.speaker_name or speaker.text}"})
    for flag in article.flags:
        for evidence in flag.evidence:
            spans.append({"start": evidence.start, "end": evidence.end, "kind": f"flag flag-{flag.severity}",
                          "title": f"{flag.kind.replace('_', ' ')} ({flag.severity}): {flag.message}"})
    return sorted(spans, key=lambda span: (span["start"], -span["end"]))


def _entity_title(entity: Entity) -> str:
    name = entity.canonical or entity.text
    where = f" · {entity.lat:.2f}, {entity.lon:.2f}" if entity.lat is not None and entity.lon is not None else ""
    ident = f" · {entity.entity_id}" if entity.entity_id else ""
    return f"{entity.label}: {name}{ident}{where}"


def _quote_title(quote: Quote) -> str:
    speaker = quote.speaker_name or "unknown speaker"
    kind = "quote" if quote.direct else "reported speech"
    others = len(quote.corroborated_by)
    also = f" · also in {count_noun(others, 'other article')}" if others else ""
    return f"{kind} by {speaker}{also}"


def segments(text: str, spans: list[dict[str, Any]]) -> list[Segment]:
    """Cut ``text`` at every span edge; each piece lists all the spans that cover it."""
    valid = sorted(
        (span for span in spans if 0 <= span["start"] < span["end"] <= len(text)), key=lambda span: (span["start"], -span["end"])
    )
    edges = sorted({0, len(text), *(span["start"] for span in valid), *(span["end"] for span in valid)})
    pieces = []
    for start, end in zip(edges, edges[1:], strict=False):
        over = [span for span in valid if span["start"] <= start and end <= span["end"]]
        if not over:
            pieces.append(Segment(text[start:end]))
            continue
        kinds = " ".join(dict.fromkeys(word for span in over for word in span["kind"].split()))
        titles = "\n".join(dict.fromkeys(str(span.get("title") or "") for span in over if span.get("title")))
        pieces.append(Segment(text[start:end], kinds, titles or None))
    return _merge_neighbours(pieces)


def _merge_neighbours(pieces: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for piece in pieces:
        if merged and merged[-1].kind == piece.kind and merged[-1].title == piece.title:
            merged[-1] = Segment(merged[-1].text + piece.text, piece.kind, piece.title)
        else:
            merged.append(piece)
    return merged


def entity_table(article: Article, linked: Collection[str] | None = None) -> list[dict[str, Any]]:
    """One row per entity named in the article (not per mention), in order of first mention.

    A row gathers the mentions of one linked entity (else of one label and name): their
    count, their spellings, coordinates, and whether an entity page exists (``linked``:
    the ids with a page; None: every id has one, as in the web UI).
    """
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for mention in sorted(article.entities, key=lambda item: item.start):
        name = mention.canonical or mention.text
        key = ("id", mention.entity_id) if mention.entity_id else (mention.label, name.casefold())
        row = rows.get(key)
        if row is None:
            entity_id = mention.entity_id
            row = rows[key] = {
                "name": name, "label": mention.label, "entity_id": entity_id, "mentions": 0, "spellings": [],
                "lat": mention.lat, "lon": mention.lon, "country": mention.country,
                "page": entity_slug(entity_id) if entity_id and (linked is None or entity_id in linked) else None,
            }
        row["mentions"] += 1
        if mention.text and mention.text not in row["spellings"]:
            row["spellings"].append(mention.text)
    return list(rows.values())


def page_title(article: Article) -> str:
    """What the browser tab shows: the title, else the text's first line, never the hash id."""
    return article_name(article)


def render_article(env: Environment, article: Article, store: Store, entity_pages: Collection[str] | None = None,
                   ui: bool = False, marked: str | None = None) -> str:
    """One article's page (``articles/<id>.html``); ``newsweave serve`` shows the same page.

    ``entity_pages``: the entity ids that have a page to link to (None: all of them). ``ui``:
    served by ``newsweave serve``, so each flag gets a "mark as wrong" form (the static report
    has no server to post to); ``marked``: the flag id a reader has just marked."""
    return env.get_template("article.html").render(
        flags=flags_with_ids(article), marks=store.feedback_counts(article.id), ui=ui, marked=marked,
        article=article, entity_rows=entity_table(article, entity_pages), page_title=page_title(article),
        segments=segments(article.text, highlight_spans(article)),
        sources=store.sources_of(article.id),
        summary=trust_summary(article),
        others=store.article_titles(sorted({i for q in article.quotes for i in q.corroborated_by}
                                           | ({article.duplicate_of} if article.duplicate_of else set()))),
    )


def write_report(store: Store, out: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """Write ``index.html`` and one page per article into ``out``; returns the index path."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "articles").mkdir(exist_ok=True)
    env = environment()
    summaries = store.article_summaries()
    stats = store.stats()
    stories = write_story_pages(store, out, env)
    entities = entity_list(store, None, REPORT_ENTITIES, 0)["items"]
    written = {row["entity_id"] for row in entities}
    write_entity_pages(store, out, env, sorted(written))
    index = out / "index.html"
    index.write_text(
        env.get_template("index.html").render(
            articles=summaries, rejections=store.rejections(), stats=stats, flags=store.flag_counts(),
            stories=stories, titles={row["id"]: row for row in summaries}, entities=entities, slug=entity_slug,
            trending=trending_stories(store, hours=TRENDING_HOURS), trending_hours=TRENDING_HOURS,
        ),
        encoding="utf-8",
    )
    for number, article in enumerate(store.iter_articles(), start=1):
        page = render_article(env, article, store, written)
        (out / "articles" / f"{article.id}.html").write_text(page, encoding="utf-8")
        if progress:
            progress(number, len(summaries))
    return index
