"""Highlighting: overlapping annotations are all kept, and every piece is escaped."""

from __future__ import annotations

from newsweave.model import Article, Flag, Quote, Span
from newsweave.offsets import OffsetMap
from newsweave.report.html import environment, highlight_spans, segments


def make_article(text: str) -> Article:
    return Article(id="a1", source="test", raw=text, raw_sha256="0", text=text, offsets=OffsetMap.identity(len(text)))


def test_segments_keep_overlapping_spans_and_give_back_the_text():
    text = "Mayor Ian Cole said on Monday that the vote was final."
    spans = [
        {"start": 6, "end": 14, "kind": "entity", "title": "PER: Ian Cole"},
        {"start": 0, "end": 29, "kind": "flag", "title": "a flag"},
        {"start": 23, "end": 29, "kind": "date", "title": "DATE: 2025-05-05"},
    ]
    pieces = segments(text, spans)
    assert "".join(piece.text for piece in pieces) == text
    ian = next(piece for piece in pieces if piece.text == "Ian Cole")
    assert set(ian.kind.split()) == {"entity", "flag"}
    assert ian.title.splitlines() == ["a flag", "PER: Ian Cole"]
    monday = next(piece for piece in pieces if piece.text == "Monday")
    assert set(monday.kind.split()) == {"flag", "date"}
    assert pieces[-1].kind is None and pieces[-1].text == " that the vote was final."


def test_spans_out_of_range_are_ignored():
    assert [piece.text for piece in segments("short", [{"start": 2, "end": 99, "kind": "x"}])] == ["short"]


def test_highlights_carry_quote_speaker_flag_and_corroboration_details():
    text = "\u201cWe stay,\u201d said Ana Ruiz."
    article = make_article(text)
    article.quotes = [Quote(1, 9, 1, 9, "We stay,", direct=True, speaker=Span(16, 24, 16, 24, "Ana Ruiz"),
                            speaker_name="Ana Ruiz", corroborated_by=("b2", "c3"))]
    article.flags = [Flag("unsourced_quote", "warning", "No speaker.", [Span(1, 9, 1, 9, "We stay,")])]
    titles = {span["kind"]: span["title"] for span in highlight_spans(article)}
    assert titles["quote"] == "quote by Ana Ruiz · also in 2 other articles"
    assert titles["speaker"] == "speaker: Ana Ruiz"
    assert titles["flag flag-warning"].startswith("unsourced quote (warning): No speaker.")


def test_rendered_segments_are_escaped():
    text = "Hello <script>alert(1)</script> and <img src=x onerror=alert(2)>"
    pieces = segments(text, [{"start": 6, "end": 31, "kind": "entity", "title": "\"><script>alert(3)</script>"}])
    html = environment().from_string(
        "{% for s in segments %}{% if s.kind %}<mark title=\"{{ s.title }}\">{{ s.text }}</mark>{% else %}{{ s.text }}{% endif %}{% endfor %}"
    ).render(segments=pieces)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&#34;&gt;&lt;script&gt;" in html
