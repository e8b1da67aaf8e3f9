"""HTML extraction: main text found by trafilatura, every piece mapped back into the HTML."""

from __future__ import annotations

import html
import re

import pytest

from newsweave.extract import extract_document
from newsweave.extract.html import extract_html, visible_text
from newsweave.model import Article, RawDocument

PARAGRAPHS = [
    "The harbour board of Velmora voted on Tuesday to rebuild the northern pier, a project "
    "first proposed eleven years ago &amp; delayed twice by disputes over its cost.",
    "Engineers told the board that the old timber piles had lost &frac12; of their strength "
    "since the last survey, and that ferries could no longer dock there safely in winter.",
    "The work will cost 14 million cr&eacute;dits, paid from the port&#8217;s reserves and a "
    "loan from the regional fund. <b>Construction</b> should start in <em>early spring</em>.",
    "Residents of the old quarter, who had asked for a footbridge instead, said they would "
    "keep campaigning. &ldquo;We were never asked what we needed,&rdquo; said one shop owner.",
]

SOURCES_LIST = """<p><a href="/r/1">Survey of the northern pier, 2023 edition</a></p>
<p><a href="/r/2">Cost review by the regional fund auditors</a></p>"""
RELATED_LINKS = """<p><a href="/s/1">Ferry timetable changes</a> <a href="/s/2">Old quarter traders fear a drop</a></p>
<p>Tags: <a href="/t/1">harbour</a>, <a href="/t/2">Velmora</a>, <a href="/t/3">infrastructure</a></p>"""


def page(
    *, title: str = "Velmora rebuilds its northern pier", headline: str | None = None, middle: str = "", end: str = ""
) -> str:
    paragraphs = [f"<p>{text}</p>" for text in PARAGRAPHS]
    body = "\n".join(paragraphs[:2]) + middle + "\n".join(paragraphs[2:]) + end
    heading = f"<h1>{headline}</h1>" if headline else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
<link rel="canonical" href="https://news.example.org/2024/03/05/pier">
<style>p {{ color: black; }} .nav::after {{ content: "Subscribe now"; }}</style>
<script>var message = "<p>Breaking: this is code, not text</p>"; if (a < b) {{ run(); }}</script>
</head>
<body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport results</a></li><li><a href="/weather">Weather forecast</a></li></ul></nav>
<main><article>{heading}
{body}
</article></main>
<footer><p>Copyright 2024 Example Media Group. All rights reserved.</p></footer>
<script>document.write("tracking pixel");</script>
</body></html>"""


def visible_words(raw_slice: str) -> str:
    """What a reader sees of an HTML slice: tags dropped, entities decoded, spaces folded."""
    blocks_apart = re.sub(r"</?(?:p|li|ul|nav|h1|div|footer|main|article)\b[^>]*>", " ", raw_slice)
    without_tags = re.sub(r"<[^>]*>", "", blocks_apart)
    return " ".join(html.unescape(without_tags).split())


def article_of(raw: str) -> Article:
    result = extract_document(RawDocument("test.html", raw, "html", "0" * 64))
    assert isinstance(result, Article), result
    return result


def test_every_word_of_the_text_maps_back_into_the_html() -> None:
    raw = page()
    article = article_of(raw)
    words = list(re.finditer(r"\S+", article.text))
    assert len(words) > 80
    for word in words:
        span = article.span(word.start(), word.end())
        assert span.text == word.group()
        assert visible_words(raw[span.source_start : span.source_end]) == word.group(), word.group()


def test_every_line_maps_back_with_its_inline_tags_and_entities() -> None:
    raw = page()
    article = article_of(raw)
    position = 0
    for line in article.text.split("\n"):
        if line:
            span = article.span(position, position + len(line))
            assert visible_words(raw[span.source_start : span.source_end]) == " ".join(line.split())
        position += len(line) + 1


def test_entities_are_decoded_in_the_text_and_point_at_the_reference() -> None:
    raw = page()
    article = article_of(raw)
    for decoded, reference in (("&", "&amp;"), ("½", "&frac12;"), ("é", "&eacute;"), ("\u2019", "&#8217;")):
        index = article.text.index(decoded)
        span = article.span(index, index + 1)
        assert raw[span.source_start : span.source_end] == reference
    assert "créдits" not in article.text and "crédits" in article.text


def test_inline_tags_join_the_words_of_their_paragraph() -> None:
    article = article_of(page())
    assert "Construction should start in early spring." in article.text


def test_scripts_and_styles_never_reach_text_or_removed() -> None:
    raw = page()
    article = article_of(raw)
    for code in ("Breaking: this is code", "tracking pixel", "color: black", "Subscribe now", "run()"):
        assert code not in article.text
        assert all(code not in piece.text for piece in article.removed)
    assert "Breaking" not in visible_text(raw).compact


def test_navigation_and_footer_go_to_removed_with_their_offsets() -> None:
    raw = page()
    article = article_of(raw)
    assert "World news" not in article.text and "All rights reserved" not in article.text
    removed_words = " ".join(piece.text for piece in article.removed)
    for furniture in ("World news", "Weather forecast", "All rights reserved"):
        assert furniture in removed_words
    for piece in article.removed:
        assert piece.reason
        assert visible_words(raw[piece.source_start : piece.source_end]).split()[:1] == piece.text.split()[:1]


def test_removed_and_kept_text_never_overlap() -> None:
    article = article_of(page())
    kept = sorted((piece[2], piece[3]) for piece in article.offsets.pieces)
    for piece in article.removed:
        for start, end in kept:
            assert end <= piece.source_start or start >= piece.source_end or piece.reason == "page_furniture"


def test_headline_repeating_the_title_is_cut_and_kept_as_title() -> None:
    title = "Velmora rebuilds its northern pier after eleven years"
    raw = page(title=f"{title} | Example News", headline=title)
    extraction = extract_html(raw)
    assert extraction.title is not None and title in extraction.title
    assert not extraction.cleaned.text.startswith("Velmora rebuilds")
    headlines = [piece for piece in extraction.cleaned.removed if piece.reason == "headline"]
    assert [piece.text for piece in headlines] == [title]
    assert raw[headlines[0].source_start : headlines[0].source_end] == title


def test_a_list_of_links_inside_the_article_is_kept() -> None:
    article = article_of(page(middle=SOURCES_LIST))
    assert "Survey of the northern pier, 2023 edition" in article.text
    assert "Cost review by the regional fund auditors" in article.text


def test_links_after_the_last_paragraph_are_cut_as_link_text() -> None:
    raw = page(end=RELATED_LINKS)
    extraction = extract_html(raw)
    assert "Ferry timetable" not in extraction.cleaned.text
    assert extraction.cleaned.text.rstrip().endswith("said one shop owner.")
    cut = {piece.text: piece for piece in extraction.cleaned.removed if piece.reason == "link_text"}
    assert set(cut) == {"Ferry timetable changes Old quarter traders fear a drop", "Tags: harbour, Velmora, infrastructure"}
    for text, piece in cut.items():
        assert visible_words(raw[piece.source_start : piece.source_end]) == text


def test_metadata_gives_date_and_canonical_url() -> None:
    article = article_of(page())
    assert article.published == "2024-03-05" or article.published.startswith("2024-03-05")
    assert article.published_basis == "metadata"
    assert article.url == "https://news.example.org/2024/03/05/pier"


@pytest.mark.parametrize("raw", ["", "<html><body></body></html>", "<html><body><nav><a href='/'>Home</a></nav></body></html>"])
def test_pages_without_article_text_are_rejected_not_crashing(raw: str) -> None:
    result = extract_document(RawDocument("empty.html", raw, "html", "0" * 64))
    assert not isinstance(result, Article)
    assert "no article text" in result.reason


def _page_of_lines(lines: list[str], linked: bool) -> tuple[str, list, object]:
    from newsweave.extract.html import _align_lines

    body = "".join(f'<p><a href="/x/{i}">{line}</a></p>' if linked else f"<p>{line}</p>" for i, line in enumerate(lines))
    page = f"<html><body>{body}</body></html>"
    visible = visible_text(page)
    text = "\n".join(lines)
    return text, _align_lines(text, visible, len(page)), visible


def test_a_fast_pass_that_returned_a_menu_does_not_read_as_an_article():
    from newsweave.extract.html import _reads_as_article

    menu = ["Home", "Politics", "Harbour news", "Sign in", "Subscribe", "Weather in Velmora", "Puzzles"] * 20
    assert not _reads_as_article(*_page_of_lines(menu, linked=False))
    prose = [html.unescape(re.sub(r"<[^>]+>", "", paragraph)) for paragraph in PARAGRAPHS]
    assert _reads_as_article(*_page_of_lines(prose, linked=False))
    assert not _reads_as_article(*_page_of_lines(prose, linked=True))  # prose, but all of it link text


def test_a_page_whose_article_is_only_in_script_data_is_stored_with_its_description():
    summary = "The harbour board of Velmora voted to rebuild the northern pier &amp; its ferry quay."
    page = (f'<html><head><title>Pier vote</title><meta property="og:description" content="{summary}">'
            '<script>self.__data = {"body": "\\u003cp\\u003eThe board met on Tuesday.\\u003c/p\\u003e"}</script>'
            '</head><body><div id="app"></div></body></html>')
    document = RawDocument(source="test://app", raw=page, kind="html", raw_sha256="0")
    result = extract_document(document)
    assert isinstance(result, Article)
    assert result.extraction_method == "meta_description"
    assert result.text == html.unescape(summary)
    span = result.span(result.text.index("&"), result.text.index("&") + 1)
    assert page[span.source_start : span.source_end] == "&amp;"
    words = result.span(0, len("The harbour board"))
    assert page[words.source_start : words.source_end] == "The harbour board"


def test_furniture_glued_at_the_end_of_a_paragraph_is_cut_with_its_offsets() -> None:
    glued = '\n<p>The board will meet again in June. <a href="/nl">Sign up for our newsletter</a></p>\n'
    raw = page(middle=glued)
    article = article_of(raw)
    assert "The board will meet again in June." in article.text
    assert "Sign up for our newsletter" not in article.text
    piece = next(piece for piece in article.removed if piece.text == "Sign up for our newsletter")
    assert visible_words(raw[piece.source_start : piece.source_end]) == piece.text
    kept = article.text.index("The board will meet again in June.")
    start, end = article.offsets.to_source(kept, kept + len("The board will meet again in June."))
    assert visible_words(raw[start:end]) == "The board will meet again in June."
