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
    'the doctor's'), and an imperative first where a noun or an adjective has it («війни», «рожевій» as if of
    «рожевіти»): the noun or adjective comes first there. In either language a word in lower case has its
    readings as a person's name last («швидкої» is 'quick' before it is Mrs Shvydka's). Ukrainian's apostrophe is
    read whichever of the three marks the text writes it with («з’ясувала» is «з'ясувала»)."""
    if lang not in LANGS:
        return []
    try:
        parses = analyzer(lang).parse(word.translate(_APOSTROPHES) if lang == "uk" else word)
    except ValueError:
        return []
    if parses and _unlikely(parses[0], word, lang):
        parses = sorted(parses, key=lambda analysis: _unlikely(analysis, word, lang))  # stable: else as it was
    return parses


def _unlikely(analysis, word: str, lang: str) -> bool:
    """A reading to put after the others: in Ukrainian a possessive adjective or an imperative, and a person's name
    for a word in lower case («білій» as of «Біла»)."""
    return lang == "uk" and (_possessive(analysis) or "impr" in analysis.tag) \
        or word[:1].islower() and bool(PEOPLE & analysis.tag.grammemes)


_APOSTROPHES = str.maketrans("’ʼ", "''")  # the dictionary spells the apostrophe as U+0027
PEOPLE = frozenset(("Name", "Surn", "Patr"))  # the grammemes of a person's name


def _possessive(analysis) -> bool:
    """An analysis as a Ukrainian possessive adjective: of «мамин», «батьків», «Ковалів»."""
    return analysis.tag.POS == "ADJF" and analysis.normal_form.endswith(("ин", "ів", "їн", "їв"))
