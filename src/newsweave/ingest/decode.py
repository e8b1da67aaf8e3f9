"""Turn input bytes into text, or say clearly why they are not text."""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer
from newsweave.ingest.settings import SETTINGS


class NotText(ValueError):
    """The bytes are not a text we can read; the message is the rejection reason."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# When charset-normalizer scores several legacy encodings exactly alike (it cannot tell
# cp1252 from cp1250 or cp1257 on a short French text: the bytes are valid and look
# equally tidy in all three), it returns whichever it tried first. We take the one most
# used on the web instead (W3Techs' character-encoding usage ranking), a prior that holds
# for any language rather than a guess tuned to one file.
TIE_PREFERENCE = ("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "gb18030", "shift_jis", "euc_kr", "big5")



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
    best = _best_guess(charset_normalizer.from_bytes(data))
    if best is None:
        raise NotText("undecodable: no text encoding fits these bytes")
    return _checked(str(best))


def _best_guess(matches: charset_normalizer.CharsetMatches) -> charset_normalizer.CharsetMatch | None:
    """charset-normalizer's best match, ties between equally scored encodings broken by web usage."""
    best = matches.best()
    if best is None:
        return None
    tied = [match for match in matches if (match.chaos, match.coherence) == (best.chaos, best.coherence)]
    rank = {name: position for position, name in enumerate(TIE_PREFERENCE)}
    return min(tied, key=lambda match: rank.get(match.encoding, len(rank)))


def _checked(text: str) -> str:
    if not text.strip():
        raise NotText("empty input")
    if "\x00" in text:
        # Past the byte sniffing (UTF-16 text, a JSON "\u0000"): no article holds NUL, and
        # PostgreSQL refuses it in text columns.
        raise NotText("binary content: NUL characters in the text")
    sample = text[:20000]
    printable = sum(1 for char in sample if char.isprintable() or char in "\n\r\t")
    if printable / len(sample) < SETTINGS.min_printable_share:
        raise NotText("binary content: too many control characters to be text")
    if sum(unicodedata.category(char) == "Co" for char in sample) > len(sample) / 20:
        raise NotText("binary content: private-use characters, not text")
    return text
