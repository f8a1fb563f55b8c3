"""pymorphy3's analysers for Ukrainian and Russian, loaded once, and a parse that never raises.

Article text is untrusted: pymorphy3 raises ValueError on a word that mixes Latin letters with a character
Unicode gives no name to (a Tangut ideograph after an "A"), so every caller goes through `parse`, which reads
such a word as having no analysis.
"""

import threading
from functools import lru_cache

LANGS = ("uk", "ru")
_lock = threading.Lock()


@lru_cache(maxsize=len(LANGS))
def analyzer(lang: str):
    """The analyser for uk or ru (its dictionaries take a second to load: once per process)."""
    import pymorphy3

    with _lock:
        return pymorphy3.MorphAnalyzer(lang=lang)


def parse(word: str, lang: str) -> list:
    """pymorphy3's analyses of the word, likeliest first; none for another language or a word it cannot read.

    Ukrainian has no frequencies (every analysis scores 1.0), and its dictionary lists a possessive adjective
    first where a common noun has the same form («людина», «лікарів», «місяців» as if of «людин», «лікарів»
    'the doctor's'): the noun comes first there."""
    if lang not in LANGS:
        return []
    try:
        parses = analyzer(lang).parse(word)
    except ValueError:
        return []
    if lang == "uk" and parses and _possessive(parses[0]) and any(p.tag.POS == "NOUN" for p in parses):
        parses = sorted(parses, key=_possessive)  # stable: the order is kept otherwise
    return parses


def _possessive(analysis) -> bool:
    """An analysis as a Ukrainian possessive adjective: of «мамин», «батьків», «Ковалів»."""
    return analysis.tag.POS == "ADJF" and analysis.normal_form.endswith(("ин", "ів", "їн", "їв"))
