"""Words and their inflected forms in Ukrainian and Russian (pymorphy3), with a simple English plural.

One place says what a word is (`WORD`) and how its forms are found, for the known-actor mentions and the project
search alike.
"""

import re
from functools import lru_cache

from ..morphology import LANGS as MORPH_LANGS
from ..morphology import parse

WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")


def _fold(word: str) -> str:
    return word.casefold().replace("’", "'").replace("ʼ", "'")


@lru_cache(maxsize=200_000)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """The word's possible dictionary forms (lower case), itself included."""
    folded = _fold(word)
    if lang not in MORPH_LANGS:
        return frozenset({folded})
    return frozenset({folded} | {p.normal_form for p in parse(folded, lang)})


@lru_cache(maxsize=10_000)
def inflections(word: str, lang: str) -> frozenset[str]:
    """Every form (lower case) of the word's lexeme: Київ -> києва, києві …; Путин -> путина, путину ….

    The word's likely dictionary forms decide which lexemes: the word itself when it is a likely one (Київ is
    not also taken as a form of кий, a cue), else each one with at least a tenth of the best one's weight
    (Russian has frequencies: Путина is Путин, not путина; Ukrainian has none, so Києві brings both київ and
    кий). English: the word and its plural (sanction, sanctions; country, countries); a possessive "'s" is a
    word of its own. Other languages: the word itself."""
    folded = _fold(word)
    if lang == "en":
        return _english(folded) if folded.isascii() else frozenset({folded})
    if lang not in MORPH_LANGS:
        return frozenset({folded})
    parses = parse(folded, lang)
    weight: dict[str, float] = {}
    for p in parses:
        weight[p.normal_form] = weight.get(p.normal_form, 0.0) + p.score
    best = max(weight.values(), default=0.0)
    chosen = {folded} if weight.get(folded, 0.0) >= best / 2 else {n for n, w in weight.items() if w >= best / 10}
    return frozenset({folded} | {form.word for p in parses if p.normal_form in chosen for form in p.lexeme})


_SIBILANT = ("s", "x", "z", "ch", "sh")


def _english(word: str) -> frozenset[str]:
    stem = word
    if word.endswith("ies") and len(word) > 4:
        stem = word[:-3] + "y"
    elif word.endswith("es") and word[:-2].endswith(_SIBILANT):
        stem = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        stem = word[:-1]
    if stem.endswith("y") and len(stem) > 2 and stem[-2] not in "aeiou":
        plural = stem[:-1] + "ies"
    else:
        plural = stem + ("es" if stem.endswith(_SIBILANT) else "s")
    return frozenset({word, stem, plural})
