"""Turn input bytes into text, or say clearly why they are not text."""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer


class NotText(ValueError):
    """The bytes are not a text we can read; the message is the rejection reason."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of characters that must be printable for decoded bytes to count as text; binary
# files decoded as cp1252 by a guesser fall far below it.
MIN_PRINTABLE_SHARE = 0.95


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: BOM first, then a declared charset, then UTF-8, then a guess."""
    if not data.strip():
        raise NotText("empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise NotText(f"undecodable {encoding} text: {error.reason}") from None
    if b"\x00" in data[:65536]:
        raise NotText("binary content (NUL bytes), not text")
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return _checked(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    # charset-normalizer tells cp1252 from latin-1 and other legacy encodings by their
    # language fit, which a fixed fallback list cannot.
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise NotText("undecodable: no text encoding fits these bytes")
    return _checked(str(best))


def _checked(text: str) -> str:
    if not text.strip():
        raise NotText("empty input")
    sample = text[:20000]
    printable = sum(1 for char in sample if char.isprintable() or char in "\n\r\t")
    if printable / len(sample) < MIN_PRINTABLE_SHARE:
        raise NotText("binary content: too many control characters to be text")
    if sum(unicodedata.category(char) == "Co" for char in sample) > len(sample) / 20:
        raise NotText("binary content: private-use characters, not text")
    return text
