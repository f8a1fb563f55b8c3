"""Language detection with lingua, restricted to the languages a project expects.

One detector is built per set of candidate languages, lazily, the first time that set is asked for, and kept for
the life of the process (for uk/en/ru: 0.5-1.5 s and ~130 MB). High-accuracy mode is kept on purpose: on 1-3 word
strings low-accuracy mode made 1.5 to 3 times as many mistakes.
"""

import functools
import re
import threading

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from ..langs import FIRST_CLASS, BadLanguage, normalize_lang

SAMPLE_CHARS = 2000
_LETTER = re.compile(r"[^\W\d_]")

_detectors: dict[frozenset[Language], LanguageDetector] = {}
_lock = threading.Lock()


def detect_language(text: str, candidates=FIRST_CLASS) -> tuple[str | None, float]:
    """The most likely of `candidates` (BCP-47 codes) for `text` and lingua's confidence in it (0..1).

    Unknown candidates are ignored; `ua` counts as `uk`; the code returned is the candidate as normalised by
    `langs.normalize_lang`. (None, 0.0) when the text has no letters, no candidate is known, or lingua gives the
    candidates no chance. Only the first SAMPLE_CHARS characters are read. With a single known candidate, the
    confidence is measured against uk/en/ru as rivals, so text in another language scores low or (None, 0.0).
    """
    languages = _languages(candidates)
    sample = _sample(text)
    if not languages or not _LETTER.search(sample):
        return None, 0.0
    rivals = set(languages) | {_language(code) for code in FIRST_CLASS} if len(languages) == 1 else set(languages)
    values = _detector(frozenset(rivals)).compute_language_confidence_values(sample)
    best = max((v for v in values if v.language in languages), key=lambda v: v.value, default=None)
    if best is None or best.value <= 0.0:
        return None, 0.0
    return languages[best.language], float(best.value)


def _sample(text: str) -> str:
    """The first SAMPLE_CHARS characters, cut back to a word boundary when the text is longer."""
    if len(text) <= SAMPLE_CHARS:
        return text
    head = text[:SAMPLE_CHARS]
    cut = max(head.rfind(" "), head.rfind("\n"))
    return head[:cut] if cut > SAMPLE_CHARS // 2 else head


def _languages(candidates) -> dict[Language, str]:
    """{lingua Language: the candidate's code} for the candidates lingua knows; `ua` counts as `uk`."""
    return _known_languages((candidates,) if isinstance(candidates, str) else tuple(candidates))


@functools.lru_cache(maxsize=64)
def _known_languages(candidates: tuple) -> dict[Language, str]:
    found: dict[Language, str] = {}
    for raw in candidates:
        try:
            code = normalize_lang(raw)
        except BadLanguage:
            continue
        language = _language(code)
        if language is not None and language not in found:
            found[language] = code
    return found


def _language(code: str) -> Language | None:
    primary = code.split("-")[0].lower()
    iso = getattr(IsoCode639_1, primary.upper(), None) if len(primary) == 2 and primary.isalpha() else None
    return Language.from_iso_code_639_1(iso) if isinstance(iso, IsoCode639_1) else None


def _detector(languages: frozenset[Language]) -> LanguageDetector:
    detector = _detectors.get(languages)
    if detector is None:
        with _lock:
            detector = _detectors.get(languages)
            if detector is None:
                detector = (LanguageDetectorBuilder.from_languages(*languages)
                            .with_preloaded_language_models().build())
                _detectors[languages] = detector
    return detector
