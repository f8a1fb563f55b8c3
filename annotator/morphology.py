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
    """pymorphy3's analyses of the word, likeliest first; none for another language or a word it cannot read."""
    if lang not in LANGS:
        return []
    try:
        return analyzer(lang).parse(word)
    except ValueError:
        return []
