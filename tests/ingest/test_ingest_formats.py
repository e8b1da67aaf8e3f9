"""Every input format ingest reads becomes the right raw documents, gzipped or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.ingest import read_path
from newsweave.model import Article, RawDocument, Rejection
from newsweave.pipeline import analyze_batch
from spine_inputs import (
    EN_PARAGRAPHS,
    EN_TITLE,
    FR_PARAGRAPHS,
    FR_TITLE,
    atom_feed,
    html_page,
    jsonl_line,
    paragraphs_html,
    plain_text,
    rss_feed,
    warc_bytes,
    write,
)

FR_PLAIN = plain_text(FR_PARAGRAPHS, FR_TITLE, ("Lire aussi : La gare de Lessac fait peau neuve", "Abonnez-vous à notre newsletter"), "Avec AFP")
GZ = pytest.mark.parametrize("compress", [False, True], ids=["plain", "gz"])


def read_all(path: Path) -> list[RawDocument | Rejection]:
    return list(read_path(path))


def only_article(path: Path) -> Article:
    results = analyze_batch(read_all(path))
    assert len(results) == 1
    assert isinstance(results[0], Article), results[0]
    return results[0]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", FR_PLAIN),
        ("utf-8-sig", FR_PLAIN),
        ("cp1252", FR_PLAIN),
        ("latin-1", FR_PLAIN.replace("–", "-")),
        ("utf-16", FR_PLAIN),
        ("utf-16-be", "\ufeff" + FR_PLAIN),
        ("utf-8", plain_text(newline="\r\n")),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "latin1", "utf16-bom", "utf16be-bom", "crlf"],
)
@GZ
def test_plain_text_in_any_encoding_decodes_to_the_written_text(tmp_path, encoding, text, compress):
    path = write(tmp_path / "article.txt", text, encoding, compress)
    [document] = read_all(path)
    assert isinstance(document, RawDocument)
    assert document.kind == "text"
    assert document.raw.lstrip("\ufeff") == text.lstrip("\ufeff")
    article = only_article(path)
    assert not any(line in article.text for line in ("Lire aussi", "Abonnez-vous", "Avec AFP", "Read also", "With AFP"))
    assert {piece.reason for piece in article.removed} >= {"read_also", "subscription_prompt", "agency_credit"}


def test_plain_text_knows_its_language_and_dateline(tmp_path):
    article = only_article(write(tmp_path / "marche.txt", FR_PLAIN, "cp1252"))
    assert article.language == "fr"
    assert (article.published, article.published_basis) == ("2025-10-06", "text")
    assert article.text.startswith(FR_TITLE)


@GZ
def test_html_page_keeps_the_article_and_cuts_the_furniture(tmp_path, compress):
    article = only_article(write(tmp_path / "page.html", html_page(), compress=compress))
    assert article.kind == "html"
    assert article.title and "Glassworks in Hollin" in article.title
    for paragraph in EN_PARAGRAPHS:
        assert paragraph[-40:] in article.text
    assert "Test Gazette" not in article.text
    assert "We use cookies" not in article.text
    assert any("cookies" in piece.text for piece in article.removed)


def test_html_named_as_text_is_read_as_html(tmp_path):
    [document] = read_all(write(tmp_path / "page.txt", html_page()))
    assert document.kind == "html"


def test_html_in_a_legacy_charset_uses_the_declared_charset(tmp_path):
    page = html_page(FR_PARAGRAPHS, FR_TITLE, "fr", charset="windows-1252")
    [document] = read_all(write(tmp_path / "page.html", page, "cp1252"))
    assert "l'incendie qui avait détruit sa charpente" in document.raw


@GZ
def test_jsonl_gives_one_document_per_line_with_its_metadata(tmp_path, compress):
    lines = [
        jsonl_line(text="\n\n".join(EN_PARAGRAPHS), url="https://news.example/2025/09/09/glassworks", title=EN_TITLE,
                   published="2025-09-09", language="en"),
        jsonl_line(html=paragraphs_html(FR_PARAGRAPHS), title=FR_TITLE),
        "",
        jsonl_line(text="\n\n".join(FR_PARAGRAPHS[:2]), published=20251006),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n", compress=compress)
    documents = read_all(path)
    assert [document.source for document in documents] == [f"{path}#line-1", f"{path}#line-2", f"{path}#line-4"]
    first, second, third = documents
    assert (first.kind, first.url, first.title, first.published, first.language) == (
        "text", "https://news.example/2025/09/09/glassworks", EN_TITLE, "2025-09-09", "en")
    assert second.kind == "html" and second.title == FR_TITLE
    assert third.published == "20251006"
    articles = analyze_batch(documents)
    assert all(isinstance(article, Article) for article in articles)
    assert articles[0].published == "2025-09-09" and articles[0].published_basis == "metadata"


@GZ
def test_rss_items_with_content_become_articles_and_links_are_only_recorded(tmp_path, compress):
    feed = rss_feed([
        {"title": EN_TITLE, "link": "https://feed.example/glassworks", "content": paragraphs_html(EN_PARAGRAPHS)},
        {"title": "Gallery only", "link": "https://feed.example/gallery"},
        {"title": FR_TITLE, "link": "https://feed.example/marche", "content": paragraphs_html(FR_PARAGRAPHS),
         "pubDate": "Mon, 06 Oct 2025 07:30:00 +0200"},
    ])
    path = write(tmp_path / "news.rss", feed, compress=compress)
    first, gallery, third = read_all(path)
    assert first.source == f"{path}#item-1" and first.url == "https://feed.example/glassworks" and first.title == EN_TITLE
    assert isinstance(gallery, Rejection) and "no content" in gallery.reason and "https://feed.example/gallery" in gallery.reason
    assert third.published == "2025-10-06T05:30:00+00:00"
    articles = analyze_batch([first, third])
    assert [article.language for article in articles] == ["en", "fr"]


def test_feed_named_xml_or_txt_is_still_a_feed(tmp_path):
    feed = rss_feed([{"title": EN_TITLE, "link": "https://feed.example/a", "content": paragraphs_html(EN_PARAGRAPHS)}])
    for name in ("feed.xml", "feed.txt"):
        [document] = read_all(write(tmp_path / name, feed))
        assert document.source.endswith("#item-1")


@GZ
def test_atom_entries_become_articles(tmp_path, compress):
    feed = atom_feed([
        {"title": FR_TITLE, "link": "https://flux.example/2025/10/06/marche", "content": paragraphs_html(FR_PARAGRAPHS)},
        {"title": EN_TITLE, "link": "https://flux.example/glassworks", "content": paragraphs_html(EN_PARAGRAPHS),
         "updated": "2025-09-09T12:00:00Z"},
    ])
    path = write(tmp_path / "flux.atom", feed, compress=compress)
    documents = read_all(path)
    assert [document.url for document in documents] == ["https://flux.example/2025/10/06/marche", "https://flux.example/glassworks"]
    assert documents[1].published == "2025-09-09T12:00:00+00:00"
    articles = analyze_batch(documents)
    assert FR_PARAGRAPHS[2][-30:] in articles[0].text


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses_become_documents(tmp_path, compress):
    pages = [
        ("https://gazette.example/2025/09/09/glassworks", html_page().encode("utf-8"), "text/html; charset=utf-8"),
        ("https://gazette.example/robots.txt", b"User-agent: *\nDisallow:\n", "text/plain"),
        ("https://gazette.example/marche", html_page(FR_PARAGRAPHS, FR_TITLE, "fr", "iso-8859-1").replace("–", "-").encode("latin-1"),
         "text/html; charset=ISO-8859-1"),
    ]
    name = "crawl.warc.gz" if compress else "crawl.warc"
    path = write(tmp_path / name, warc_bytes(pages, compress=compress))
    documents = read_all(path)
    found = [document for document in documents if isinstance(document, RawDocument)]
    assert [document.url for document in found] == [pages[0][0], pages[2][0]]
    assert all("#record-" in document.source for document in documents)
    assert "dix-huit mois" in found[1].raw
    [robots] = [document for document in documents if isinstance(document, Rejection)]
    assert "not HTML" in robots.reason and "text/plain" in robots.reason
    articles = analyze_batch(found)
    assert articles[0].published == "2025-09-09"


def test_sample_warc_reads_both_pages(samples_dir):
    documents = read_all(samples_dir / "warc" / "crawl.warc.gz")
    assert [type(document) for document in documents] == [RawDocument, RawDocument]
    assert "Val-Sorel" in documents[1].raw and "é" in documents[1].raw
