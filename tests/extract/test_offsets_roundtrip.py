"""Every span points back to the characters of its source.

Plain text: ``text[start:end] == raw[source_start:source_end]`` exactly. HTML: the raw slice
with its tags stripped, entities unescaped and spaces dropped equals the text slice with
spaces dropped (markup sits between the words of an HTML span, and a paragraph break in
the text is a tag boundary in the page). Checked for removed pieces, for every word and
line of every article, and for any entity, date, quote or flag span a later stage adds.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsweave.ingest import read_path
from newsweave.model import Article, Span
from newsweave.pipeline import analyze_batch, ingest, read_documents
from spine_inputs import EN_PARAGRAPHS, FR_PARAGRAPHS, FR_TITLE, atom_feed, html_page, jsonl_line, paragraphs_html, plain_text, rss_feed, warc_bytes, write

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "newsweave" / "samples"
_TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[|\]\]>|<[^>]*>", re.S)
_SPACE = re.compile(r"\s+")

TRICKY_TEXTS = {
    "crlf-tabs.txt": "  Title line with\ttabs  \r\n\r\n\tFirst paragraph of the glassworks story, with words enough to count.\r\n"
                     "Read also: something else entirely\r\nSecond paragraph follows on the next line, again with many words.\r\n",
    "unicode-lines.txt": "Paragraph one\u00a0with a no-break space and more words to make it an article.\u2028Line two after a"
                         " line separator, still the same story.\u2029Third line after a paragraph separator.\n\nWith AFP\n",
    "combining.txt": "Cafe\u0301 owners in Ame\u0301lie-les-Bains say the tourist season was the best in ten years, "
                     "with 😀 emoji and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters outside the basic plane.\n\nAbonnez-vous à notre newsletter\n",
}
TRICKY_PAGES = {
    "entities.html": "<html><body><article><h1>Caf&eacute;s &amp; bars</h1><p>The owners of caf&eacute;s &amp; bars in "
                     "Hollin&#8217;s old town said on Monday&nbsp;that the new terrace rules &#x2014; approved last week "
                     "&mdash; would cost them &euro;2,000 a year &lt;at least&gt;.</p><p>Many of them have asked the mayor "
                     "to delay the rules until the end of the summer season, when the tourists leave.</p></article></body></html>",
    "inline-tags.html": "<html><body><div class='story'><p>The <b>glass</b>works in <a href='/h'>Hol</a>lin reopened on "
                        "<em>Tuesday</em> under a new owner,<br>who hired forty workers to make bottles for cider "
                        "makers.<!-- ad slot --> The furnace had been cold since 2019.</p><p>Half of the new staff worked "
                        "there before the closure, the manager said on the factory floor.</p></div><script>var x = '<p>not "
                        "text</p>';</script></body></html>",
    "unclosed.html": "<html><body><p>An unclosed paragraph about the harbour works, which will last eight months"
                     "<p>Another unclosed paragraph with enough words to be kept as article text by the extractor"
                     "<div>And a third block about the ferry shuttle that runs every twenty minutes from the quay",
}


def _strip_markup(raw: str) -> str:
    return _SPACE.sub("", html.unescape(_TAG.sub("", raw)))


def _without_removed(article: Article, start: int, end: int) -> str:
    """The raw slice ``[start, end)`` with the removed pieces inside it cut out."""
    parts, position = [], start
    for piece in sorted(article.removed, key=lambda piece: piece.source_start):
        if start <= piece.source_start and piece.source_end <= end:
            parts.append(article.raw[position : piece.source_start])
            position = piece.source_end
    parts.append(article.raw[position:end])
    return "".join(parts)


def _spans_of(article: Article) -> Iterator[tuple[str, Span]]:
    """Every span the article carries, plus one per word and per line of its text."""
    for item in article.entities:
        yield "entity", item
    for item in article.dates:
        yield "date", item
    for quote in article.quotes:
        yield "quote", quote
        if quote.speaker:
            yield "speaker", quote.speaker
    for event in article.events:
        yield "event trigger", event.trigger
    for flag in article.flags:
        for span in flag.evidence:
            yield f"flag {flag.kind}", span
    for pattern, what in ((r"\S+", "word"), (r"[^\n]+", "line")):
        for match in re.finditer(pattern, article.text):
            yield what, article.span(match.start(), match.end())


def assert_offsets_round_trip(article: Article) -> int:
    """Check every span and removed piece of ``article``; returns how many were checked."""
    checked = 0
    for what, span in _spans_of(article):
        text_slice = article.text[span.start : span.end]
        assert text_slice == span.text, f"{article.source}: {what} text differs from text[start:end]"
        raw_slice = article.raw[span.source_start : span.source_end]
        if article.kind == "html":
            assert _strip_markup(raw_slice) == _SPACE.sub("", text_slice), (
                f"{article.source}: {what} {text_slice!r} maps to {raw_slice!r}")
        elif "\n" in text_slice:
            # Across lines the text has "\n" where the raw may have "\r\n" or U+2028, and the
            # raw may hold furniture cut in between: the words must match once that is cut.
            kept = _without_removed(article, span.source_start, span.source_end)
            assert _SPACE.sub("", kept) == _SPACE.sub("", text_slice), f"{article.source}: {what} {text_slice!r} maps to {kept!r}"
        else:
            assert raw_slice == text_slice, f"{article.source}: {what} {text_slice!r} maps to {raw_slice!r}"
        checked += 1
    for piece in article.removed:
        raw_slice = article.raw[piece.source_start : piece.source_end]
        if article.kind == "html":
            assert _strip_markup(raw_slice) == _SPACE.sub("", piece.text), f"{article.source}: removed {piece.text!r} maps to {raw_slice!r}"
        else:
            assert raw_slice == piece.text, f"{article.source}: removed {piece.text!r} maps to {raw_slice!r}"
        checked += 1
    return checked


def _articles(paths: list[Path]) -> list[Article]:
    results = analyze_batch([document for path in paths for document in read_path(path)])
    return [result for result in results if isinstance(result, Article)]


@pytest.fixture(scope="module")
def sample_articles() -> list[Article]:
    return _articles(sorted(path for path in SAMPLES.rglob("*") if path.is_file()))


def test_every_sample_corpus_span_round_trips(sample_articles):
    assert len(sample_articles) >= 15
    assert sum(assert_offsets_round_trip(article) for article in sample_articles) > 2000


def test_sample_corpus_keeps_its_furniture_in_removed(sample_articles):
    removed = [piece for article in sample_articles for piece in article.removed]
    reasons = {piece.reason for piece in removed}
    # No app prompt: the sample's is French, and the French app-prompt patterns matched no real
    # page (tests/extract/test_boilerplate_data.py), so they were dropped.
    assert {"read_also", "subscription_prompt", "agency_credit", "copyright", "page_furniture"} <= reasons
    for article in sample_articles:
        assert "Lire aussi" not in article.text and "Read also" not in article.text, article.source


def test_every_test_input_format_round_trips(tmp_path):
    feed_items = [{"title": FR_TITLE, "link": "https://feed.example/m", "content": paragraphs_html(FR_PARAGRAPHS)}]
    paths = [
        write(tmp_path / "plain.txt", plain_text()),
        write(tmp_path / "plain-cp1252.txt", plain_text(FR_PARAGRAPHS, FR_TITLE), "cp1252"),
        write(tmp_path / "plain-utf16.txt", plain_text(), "utf-16"),
        write(tmp_path / "crlf.txt.gz", plain_text(newline="\r\n"), compress=True),
        write(tmp_path / "page.html", html_page()),
        write(tmp_path / "page-fr.html", html_page(FR_PARAGRAPHS, FR_TITLE, "fr")),
        write(tmp_path / "lines.jsonl", jsonl_line(text="\n".join(EN_PARAGRAPHS)) + "\n" + jsonl_line(html=paragraphs_html(FR_PARAGRAPHS)) + "\n"),
        write(tmp_path / "feed.rss", rss_feed(feed_items)),
        write(tmp_path / "feed.atom", atom_feed(feed_items)),
        write(tmp_path / "crawl.warc.gz", warc_bytes([("https://x.example/a", html_page().encode(), "text/html")], compress=True)),
    ]
    articles = _articles(paths)
    assert len(articles) == len(paths) + 1  # the JSONL file holds two
    for article in articles:
        assert assert_offsets_round_trip(article) > 50


@pytest.mark.parametrize("name", sorted(TRICKY_TEXTS) + sorted(TRICKY_PAGES))
def test_tricky_inputs_round_trip(tmp_path, name):
    body = TRICKY_TEXTS.get(name) or TRICKY_PAGES[name]
    [article] = _articles([write(tmp_path / name, body)])
    assert assert_offsets_round_trip(article) > 10


def test_entity_in_html_maps_to_the_whole_entity_reference(tmp_path):
    [article] = _articles([write(tmp_path / "entities.html", TRICKY_PAGES["entities.html"])])
    start = article.text.index("€2,000")
    span = article.span(start, start + 1)
    assert article.raw[span.source_start : span.source_end] == "&euro;"
    start = article.text.index("Hollin’s")
    span = article.span(start, start + len("Hollin’s"))
    assert article.raw[span.source_start : span.source_end] == "Hollin&#8217;s"


def test_offsets_survive_the_store(sqlite_store, tmp_path):
    folder = tmp_path / "in"
    write(folder / "page.html", TRICKY_PAGES["inline-tags.html"])
    write(folder / "text.txt", TRICKY_TEXTS["crlf-tabs.txt"])
    ingest([str(folder)], sqlite_store)
    stored = list(sqlite_store.iter_articles())
    assert len(stored) == 2
    fresh = {article.source: article for article in _articles(sorted(folder.iterdir()))}
    for article in stored:
        assert article.offsets.pieces == fresh[article.source].offsets.pieces
        assert assert_offsets_round_trip(article) > 10


def test_raw_is_the_decoded_input(tmp_path):
    text = plain_text(FR_PARAGRAPHS, FR_TITLE)
    [document] = list(read_documents([str(write(tmp_path / "a.txt", text, "utf-16"))]))
    assert document.raw == text
