"""Lexical anchors that survive translation: numbers, months and weekdays, quotes, and names.

Each sentence becomes a set of string keys; two sentences in different languages that share keys are
likely translations of each other. Names are compared across scripts through a consonant skeleton of
their transliteration: Путін, Путина, Putin -> "ptn"; Київ, Киев, Kyiv -> "kv"; Харків, Харьков, Kharkiv ->
"hrk". Vowels, soft signs and doubled letters are dropped and g/h merged, because that is where the
Ukrainian, Russian and English spellings of one name differ.
"""

import re
from functools import lru_cache

from anyascii import anyascii

_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f\u2009,.]\d{3})+|\d+(?:[.,]\d+)?)(?![\d])")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")
_QUOTE_OPEN = re.compile(r"[«„]|[“\"](?=[^\W_])")
_SKELETON_RULES = (
    ("shch", "s"),
    ("sch", "s"),
    ("kh", "h"),
    ("zh", "z"),
    ("ch", "c"),
    ("sh", "s"),
    ("ts", "c"),
    ("tz", "c"),
    ("ph", "f"),
    ("ck", "k"),
    ("w", "v"),
    ("x", "ks"),
    ("q", "k"),
    ("g", "h"),
)
_HARD_C = re.compile(r"c(?![eiyc])")
_VOWELS = re.compile(r"[aeiouyj]")
_DOUBLES = re.compile(r"(.)\1+")
SKELETON_LENGTH = 3
COGNATE_WORD = 5
COGNATE_LENGTH = 4

_CALENDAR = {
    "m01": r"january|jan|січ\w*|январ\w*",
    "m02": r"february|feb|лют(?:ий|ого|ому)|феврал\w*",
    "m03": r"march|mar|берез(?:ень|ня|ні)|март(?:а|е)?",
    "m04": r"april|apr|квіт(?:ень|ня|ні)|апрел\w*",
    "m05": r"may|трав(?:ень|ня|ні)|ма(?:я|е|й)",
    "m06": r"june|jun|черв(?:ень|ня|ні)|июн\w*",
    "m07": r"july|jul|лип(?:ень|ня|ні)|июл\w*",
    "m08": r"august|aug|серп(?:ень|ня|ні)|август\w*",
    "m09": r"september|sept|sep|верес(?:ень|ня|ні)|сентябр\w*",
    "m10": r"october|oct|жовт(?:ень|ня|ні)|октябр\w*",
    "m11": r"november|nov|листопад\w*|ноябр\w*",
    "m12": r"december|dec|груд(?:ень|ня|ні)|декабр\w*",
    "d1": r"mondays?|понеділ\w*|понедельник\w*",
    "d2": r"tuesdays?|вівтор\w*|вторник\w*",
    "d3": r"wednesdays?|серед(?:а|у|и|ам)|сред(?:а|у|ы|ам)",
    "d4": r"thursdays?|четвер(?:га|гам)?|четверг\w*",
    "d5": r"fridays?|п['’ʼ]?ятниц\w*|пятниц\w*",
    "d6": r"saturdays?|субот\w*|суббот\w*",
    "d7": r"sundays?|неділ\w*|воскресень\w*",
}
_CALENDAR_WORDS = {key: re.compile(rf"(?:{pattern})", re.IGNORECASE) for key, pattern in _CALENDAR.items()}


def words_of(sentence: str) -> list[str]:
    """The words of a sentence (letters, with inner apostrophes), as anchors and cognates see them."""
    return _WORD.findall(sentence)


def sentence_anchors(sentence: str, words: list[str] | None = None) -> frozenset[str]:
    """The anchor keys of one sentence, in any of uk / ru / en."""
    keys = set(_number_keys(sentence))
    keys.update(_quote_keys(sentence))
    for word in words_of(sentence) if words is None else words:
        key = _word_key(word)
        if key:
            keys.add(key)
    return frozenset(keys)


def normalize_number(raw: str) -> str:
    """'40 000', '40,000' and '40 000' -> '40000'; '1,5' and '1.5' -> '1.5'."""
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f\u2009,.]\d{3})+", raw):
        return re.sub(r"\D", "", raw)
    return raw.replace(",", ".")


def name_skeleton(word: str, length: int = SKELETON_LENGTH) -> str:
    """A script-independent key for a name: transliterate, drop vowels, merge look-alike sounds."""
    latin = re.sub(r"[^a-z]", "", anyascii(word).lower())
    for old, new in _SKELETON_RULES:
        latin = latin.replace(old, new)
    latin = _HARD_C.sub("k", latin)
    first, rest = latin[:1], _VOWELS.sub("", latin[1:])
    skeleton = _DOUBLES.sub(r"\1", (first if first not in "aeiouyj" else "") + rest)
    return skeleton[:length]


def cognate_keys(sentence: str, words: list[str] | None = None) -> frozenset[str]:
    """Keys for words of five letters or more that are spelled alike across scripts once transliterated
    (Ukrainian and Russian share most roots: президента ~ президента, війни ~ войны, парламент ~ parliament)."""
    keys = set()
    for word in words_of(sentence) if words is None else words:
        if len(word) >= COGNATE_WORD:
            key = _cognate(word.lower())
            if key:
                keys.add(key)
    return frozenset(keys)


@lru_cache(maxsize=65536)
def _cognate(word: str) -> str | None:
    skeleton = name_skeleton(word, COGNATE_LENGTH).replace("z", "s")
    return "%" + skeleton if len(skeleton) >= 3 else None


def _number_keys(sentence: str) -> list[str]:
    return ["#" + normalize_number(match) for match in _NUMBER.findall(sentence)]


def _quote_keys(sentence: str) -> list[str]:
    return [f"q{index}" for index in range(len(_QUOTE_OPEN.findall(sentence)))]


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str | None:
    for key, pattern in _CALENDAR_WORDS.items():
        if pattern.fullmatch(word):
            return key
    if not word[0].isupper() or len(word) < 3:
        return None
    skeleton = name_skeleton(word)
    return "@" + skeleton if len(skeleton) >= 2 else None
