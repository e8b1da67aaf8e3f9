"""What listings call an article: its title, else its text's first line, never its file name.

The case that showed it: plain-text articles whose first line is a lead paragraph (no
headline) were listed on the index, story and entity pages, in the web UI and in Atom feeds
under their file name ("000_9f3c….txt"), which says nothing to a reader."""

from __future__ import annotations

from newsweave.extract.plaintext import clean_plain_text
from newsweave.link import fingerprint
from newsweave.model import Article
from newsweave.offsets import OffsetMap
from newsweave.report.html import write_report
from newsweave.report.wording import NAME_CHARS, UNTITLED, article_name
from newsweave.store import Store
from newsweave.store.search import SearchFilter, search
from newsweave.textnorm import content_hash

LEAD = ("Fishers in the bay of Corvala landed their largest catch in a decade on Thursday, the harbour office "
        "said, after a mild winter kept the shoals close to the coast.")
TEXT = LEAD + "\n\nThe harbour office expects prices at the fish market to fall next week."
SOURCE = "/data/feeds/017_5be0c2d9a1e4f3b7.txt"


def _article(text: str = TEXT, title: str | None = None) -> Article:
    return Article(id="c0ffee0000000001", source=SOURCE, raw=text, raw_sha256="0" * 64, text=text, title=title,
                   offsets=OffsetMap.identity(len(text)), language="en", published="2024-03-07")


def test_a_title_is_the_name():
    assert article_name({"title": " Corvala fishers land a record catch ", "lead": LEAD}) == "Corvala fishers land a record catch"


def test_without_a_title_the_first_line_cut_at_a_word_is_the_name():
    name = article_name(_article())
    assert name.startswith("Fishers in the bay of Corvala") and name.endswith("…") and len(name) <= NAME_CHARS
    assert not name[:-1].endswith(" ")
    assert article_name({"title": None, "lead": TEXT[:160], "source": SOURCE}) == name  # a listing's row says the same
    assert article_name({"title": "", "lead": "Short first line\nmore", "source": SOURCE}) == "Short first line"


def test_a_quote_row_is_named_by_its_articles_lead_not_by_the_quoted_words():
    row = {"title": None, "lead": LEAD, "text": "We will fish until the autumn", "source": SOURCE}
    assert article_name(row).startswith("Fishers in the bay of Corvala")


def test_never_the_file_name():
    assert article_name({"title": None, "lead": "", "source": SOURCE}) == UNTITLED


def test_a_first_line_that_is_a_headline_becomes_the_title():
    cleaned = clean_plain_text("Corvala fishers land a record catch\n\n" + TEXT)
    assert cleaned.headline == "Corvala fishers land a record catch"
    assert clean_plain_text(TEXT).headline is None  # a lead paragraph is no headline


def test_report_pages_list_an_untitled_article_by_its_first_words(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'names.db'}")
    try:
        article = _article()
        assert store.save_article(article, fingerprint(article.text, content_hash(article.text)), None)
        index = write_report(store, tmp_path / "report")
        # what the web UI's search, its links to originals and the Atom feeds list by
        [found] = search(store, SearchFilter(q="Corvala"), 10, 0)["items"]
        linked = store.article_titles([article.id])[article.id]
    finally:
        store.close()
    html = index.read_text(encoding="utf-8")
    assert f'{article.id}.html">{article_name(article)}</a>' in html
    assert "017_5be0c2d9a1e4f3b7.txt</a>" not in html
    page = (tmp_path / "report" / "articles" / f"{article.id}.html").read_text(encoding="utf-8")
    assert f"<h1>{article_name(article)}</h1>" in page and "Untitled article" not in page
    assert article_name(found) == article_name(linked) == article_name(article)


def test_a_copy_links_to_its_original_by_name_not_by_hash(tmp_path):
    from dataclasses import replace

    from newsweave.link.duplicates import DuplicateMatch

    store = Store(f"sqlite:///{tmp_path / 'copies.db'}")
    try:
        original = _article(title="Corvala fishers land a record catch")
        assert store.save_article(original, fingerprint(original.text, content_hash(original.text)), None)
        text = TEXT + " Buyers came from the whole coast."
        copy = replace(_article(text), id="c0ffee0000000002", raw_sha256="1" * 64, duplicate_of=original.id,
                       duplicate_similarity=0.9)
        print_ = fingerprint(copy.text, content_hash(copy.text))
        assert store.save_article(copy, print_, DuplicateMatch(original.id, exact=False, similarity=0.9))
        write_report(store, tmp_path / "report")
    finally:
        store.close()
    page = (tmp_path / "report" / "articles" / f"{copy.id}.html").read_text(encoding="utf-8")
    assert f'copy of <a href="{original.id}.html">Corvala fishers land a record catch</a>' in page
