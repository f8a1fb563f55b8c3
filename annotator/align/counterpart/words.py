"""Whether two words of different languages match: the same name across scripts, an abbreviation and its
expansion, a number however written, a cognate, a lexicon entry or a meaning of the glossary.
"""

import re
from functools import lru_cache

from anyascii import anyascii

from annotator.align import glossary, lexicon
from annotator.align.anchors import SKELETON_LENGTH, _cognate, _word_key, name_skeleton, normalize_number
from annotator.align.counterpart.english import _ENGLISH_FUNCTION_WORDS, _grammar
from annotator.align.counterpart.grammar import WORDS, _calendar, _cases, _likeliest, _number_word, _ordinal_value
from annotator.morphology import PEOPLE, parse

PARTNERS = 1  # lexicon partners of a word taken as its translation: the best only (the others are noisier)


@lru_cache(maxsize=WORDS)
def _latin(word: str) -> str:
    return anyascii(word).lower()


@lru_cache(maxsize=WORDS)
def _name_keys(word: str) -> frozenset[str]:
    """The name's skeletons, an English soft c read as s and th as t (Grace ~ Грейс, Thani ~ Тані); an English
    spelling also as Ukrainian and Russian transcribe it: j as дж, qu as кв, w as у, an h after a vowel at the end
    or before l silent, kn at the start as n, g before e, i or y inside a word as дж, a final s after a vowel or a
    voiced consonant also as з (Rogers ~ Роджерс, Jones ~ Джонс, Squire ~ Сквайр, William ~ Уильям, Sarah ~ Сара,
    Dahl ~ Даль, Knowsley ~ Ноуслі, Reeves ~ Рівз); a Polish spelling's rz, sz and cz as ж, ш and ч."""
    keys = {"^" + name_skeleton(word.replace("C", "S"), 99)} if word.isupper() else set()  # CDEK ~ СДЭК, whole and
    if _ITALIAN_CI.search(word):  # between capitals only (CDU is no «Суд»); an Italian or Romanian ci- before a
        keys.add(name_skeleton(_ITALIAN_CI.sub("ch", word)))  # vowel as ч: Ciobanu ~ Чобану, Ciampi ~ Чампі
    word = _SOFT_C.sub("s", _TH.sub("t", _WH.sub("W", word)))  # a silent h: Whitehouse ~ Вайтхаус, Whitman ~ Уітмен
    keys.add(name_skeleton(word))
    if _POLISH.search(word):  # Polish rz, sz, cz as ж, ш, ч: Rzeszów ~ Жешув, Szczecin ~ Щецин
        keys.add(name_skeleton(_POLISH.sub(lambda m: _POLISH_SOUNDS[m.group().lower()], word)))
    if word.isascii():
        spoken = _KN.sub("n", _W.sub("u", _QU.sub("kv", _SOFT_G.sub("dzh", word.lower().replace("j", "dzh")))))
        keys.add(name_skeleton(_SILENT_H.sub("", spoken)))
        if _VOICED_S.search(spoken):  # a key of its own, matched only by a word ending in з (not Газі, Президент)
            whole = name_skeleton(_VOICED_S.sub("z", spoken), 99)
            if 2 <= len(whole) <= SKELETON_LENGTH:
                keys.add("=" + whole)
        if _GERMAN_Z.search(spoken):  # a z after l, r or n as ц: Scholz ~ Шольц, Merz ~ Мерц
            keys.add(name_skeleton(_GERMAN_Z.sub("ts", spoken)))
        if "ch" in spoken:  # a Greek ch as х, the whole name compared (Chondroitin ~ Хондроїтин; Chelsea is no
            keys.add("~" + name_skeleton(spoken.replace("ch", "kh"), 99))  # Гельсінкі)
        if "ohn" in spoken:  # a silent h (Johnson ~ Джонсон), the whole name compared: John is no Johnson
            keys.add("~" + name_skeleton(_SILENT_H.sub("", spoken.replace("ohn", "on")), 99))
        if spoken.startswith("eu"):  # a Greek eu as ев: Eurostat ~ Євростат, Europol ~ Европол
            keys.add(name_skeleton("ev" + spoken[2:]))
    else:
        stem = _REGION_SUFFIX.sub("", word)  # a region or adjective made of a short name: Сумщина, Сумська ~ Sumy,
        if stem != word:  # Донеччина ~ Donetsk (its ць softened), Бучанська ~ Bucha (an -ан- after a vowel)
            whole = [stem, *([stem + "цьк"] if "ччин" in word else []), *([stem[:-2]] if stem.endswith("ан") else [])]
            keys.update(key for key in map(name_skeleton, whole) if len(key) >= 2)
        if _RUSSIAN_W.match(word):  # an English W as Russian writes it before a vowel and Ukrainian does not: Уитфилд
            keys |= _name_keys("В" + word[1:])  # ~ Вітфілд, Уильям ~ Вільям
        if _SOFTENED.search(word):  # г, к, х softened before the Ukrainian -і: Ризі ~ Riga, Африці ~ Africa
            keys.update(name_skeleton(p.normal_form) for p in parse(word, "uk") if p.normal_form[-2:] in _HARDENED)
        if word[-1:].lower() in ("з", "ж"):
            keys.add("=" + name_skeleton(word, 99))
        whole = name_skeleton(word, 99)  # a case ending may add a consonant: Джонсоном, Джонсонів, Джонсонах
        if len(whole) > SKELETON_LENGTH:
            keys.update(("~" + whole, "~" + (whole[:-1] if whole[-1] in "mvh" else whole)))
    return frozenset(k for k in keys if len(k) >= 2)


_SOFTENED = re.compile("[зцс]і$")
_HARDENED = ("га", "ка", "ха")
_POLISH = re.compile(r"szcz|rz|sz|cz", re.IGNORECASE)
_POLISH_SOUNDS = {"szcz": "shch", "rz": "zh", "sz": "sh", "cz": "ch"}
_SOFT_C = re.compile(r"c(?=[eiyéèêíî])", re.IGNORECASE)  # Céline ~ Селін
_ITALIAN_CI = re.compile(r"^ci(?=[aou])", re.IGNORECASE)
_SOFT_G = re.compile(r"(?<=.)g(?=[eiy])")  # Rogers ~ Роджерс (not at the start: Gibson, Gillian)
_TH = re.compile("th", re.IGNORECASE)
_WH = re.compile("^Wh")
_RUSSIAN_W = re.compile("^У(?=[иэеоа])")
_REGION_SUFFIX = re.compile(r"(?<=\w\w)(?:щин|ччин|ськ|ск)\w*$")
_QU = re.compile("qu")
_W = re.compile("w")
_KN = re.compile("^kn")
_SILENT_H = re.compile("(?<=[aeiou])h(?=l|$)")
_GERMAN_Z = re.compile("(?<=[lrn])z")
_VOICED_S = re.compile("(?<=[aeiouybdgmnrv])s$")


# Abbreviations of bodies and titles that are written differently in each language (a word is matched by one
# of its group, inflected forms by their start).
ABBREVIATIONS = [("UN", "ООН"), ("EU", "ЄС", "ЕС"), ("US", "USA", "США"), ("NATO", "НАТО"), ("UAE", "ОАЕ", "ОАЭ"),
                 ("WHO", "ВООЗ", "ВОЗ"), ("IMF", "МВФ"), ("OSCE", "ОБСЄ", "ОБСЕ"), ("IAEA", "МАГАТЕ", "МАГАТЭ"),
                 ("FBI", "ФБР"), ("CIA", "ЦРУ"), ("PM", "прем'єр-міністр", "прем'єр-міністерк", "премьер-министр"),
                 ("G7", "G-7", "сімка", "сімки", "сімці", "сімку", "семерка", "семерки", "семерке", "семерку")]
_POSSESSIVE = re.compile(r"['’ʼ]s$")
_POSSESSIVE_INSIDE = re.compile(r"\w['’ʼ]s?\s")


def _abbreviated_form(word: str) -> str:
    """How a word is looked up among the abbreviations: a short one (four letters or fewer) exactly as written,
    so that "us", "who" or «воз» are not taken for US, WHO or ВОЗ; a long one in lower case, apostrophes alike."""
    return word if len(word) <= 4 else word.lower().replace("’", "'").replace("ʼ", "'")


_ABBREVIATED = {_abbreviated_form(form): group for group in ABBREVIATIONS for form in group}


def _abbreviation(a: str, b: str) -> bool:
    """`a` is an abbreviation of the table and `b` one of its group's forms (inflected, for the long ones)."""
    group = _ABBREVIATED.get(_abbreviated_form(_POSSESSIVE.sub("", a)))
    if group is None:
        return False
    word = _abbreviated_form(b)
    return any(word == f if len(f) <= 4 else word.startswith(_abbreviated_form(f)) for f in group)


def _number_value(word: str) -> str:
    """A number however written: 17, "17th", "XVII" (as centuries are in Ukrainian and Russian), "seventeen" aside."""
    if _ROMAN.fullmatch(word):
        values = [_ROMAN_DIGITS[c] for c in word]
        return str(sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True)))
    ordinal = _ORDINAL.fullmatch(word)
    return ordinal.group(1) if ordinal else _number_word(word) or _ordinal_value(word) or normalize_number(word)


def _in_thousands(a: str, b: str) -> bool:
    """Number a counts the thousands or millions of number b: «280 [тисяч]» for "280,000", «2,3 [тисячі]» for
    «2 300»."""
    try:
        a_value, b_value = float(normalize_number(a)), float(normalize_number(b))
    except ValueError:
        return False
    return any(abs(a_value * scale - b_value) < 0.5 for scale in (1000, 1_000_000))


_ROMAN = re.compile("[IVXLC]{2,}")  # XVII; a single letter is too often a word (I, V, X)
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


def _similar(a: str, b: str, entries: dict, langs: tuple[str, str]) -> bool:
    """The two words match, or a part of the hyphenated target word matches («дреґ-артистку» ~ "artist")."""
    return any(_similar_word(a, part, entries, langs) for part in _parts(b))


def _demonym(people: str, place: str, langs: tuple[str, str]) -> bool:
    """An English word for a people is the place it is named after: "Iranians" ~ «Ирана», "Canadians" ~
    «Канади» (the place as pymorphy3 reads it, so that "Republicans" is no «Республіки»)."""
    stem = _DEMONYM.sub("", people) if langs[0] == "en" else ""
    return len(stem) >= 4 and stem != people and "Geox" in _likeliest(place, langs[1]) \
        and bool(_name_keys(stem) & _name_keys(place))


_DEMONYM = re.compile(r"(?:ians?|ans?)$")


def _parts(word: str) -> tuple[str, ...]:
    return (word, *(part for part in word.split("-") if len(part) >= lexicon.MIN_WORD or part.isdigit())) \
        if "-" in word else (word,)


def _short_name(a: str, b: str, langs: tuple[str, str]) -> bool:
    """Names of two or three letters, which no skeleton of consonants can tell from a word, spelled alike once
    transliterated: Lee ~ Лі ~ Ли, Xi ~ Сі ~ Си (a Chinese x as с), Ma ~ Ма. A Cyrillic one must have a reading as a
    name or of a foreign word (`_foreign_name`; «Он», «Ми», «Ну», «До» have neither), and an English one must not
    be a grammar word ("Us" is no «Ус»)."""
    if not (a.istitle() and b.istitle() and 2 <= len(a) <= 3 and 2 <= len(b) <= 3):
        return False
    if any(w.isascii() and w.lower() in _ENGLISH_FUNCTION_WORDS for w in (a, b)):  # "Us", "So", "No"
        return False
    spoken = [w.lower().replace("ee", "i").replace("x", "s") if w.isascii() else _latin(w) for w in (a, b)]
    return spoken[0] == spoken[1] and all(w.isascii() or _foreign_name(w, lang) for w, lang in zip((a, b), langs,
                                                                                                  strict=True))


def _foreign_name(word: str, lang: str) -> bool:
    """A short Cyrillic word read as a name, or as nothing but an indeclinable noun or an unknown word (Russian «Си»
    is only the note B to pymorphy3, «Ма» nothing at all)."""
    readings = parse(word, lang)
    return any(PEOPLE & set(p.tag.grammemes) for p in readings) \
        or all(p.tag.POS is None or p.tag.POS == "NOUN" and "Fixd" in p.tag.grammemes for p in readings)


def _nominal(word: str, lang: str, other_lang: str) -> bool:
    """Not a Ukrainian or Russian verb, nor an adverb beside an English word: a short cognate key joins no verbs
    («пройти» is no "protesters") and no adverb to an English noun («часто» is no "customers"; but «несколько» is
    «низку»)."""
    if lang == "en":
        return True
    pos = _cases(word, lang)[0]
    return pos not in _VERBS and not (pos == "ADVB" and other_lang == "en")


_VERBS = frozenset(("VERB", "INFN", "GRND"))


def _no_root(word: str, lang: str) -> bool:
    """A Ukrainian or Russian preposition, conjunction or particle: a word of grammar, no cognate of anything. Unlike
    `grammar._function_word`, which keeps a capitalised «Ли» for a name, any reading as a name is beside the point."""
    return lang != "en" and _cases(word, lang)[0] in ("PREP", "CONJ", "PRCL")


def _verb_and_noun(a: str, b: str, langs: tuple[str, str]) -> bool:
    """An English word in -ed, or in -ing, mostly a verb, and a Ukrainian or Russian noun: no cognates, however alike
    their consonants ("praised" is no «президент», "ordering" no «ордер»); but a noun of action is ("parking":
    «паркінг», "distancing": «дистанцирования», «дистанції»)."""
    if "en" not in langs or langs[0] == langs[1]:
        return False
    english, other, lang = (a, b, langs[1]) if langs[0] == "en" else (b, a, langs[0])
    english = english.lower()
    return (english.endswith("ed") or english.endswith("ing") and not _ACTION.search(other.lower()[-5:])) \
        and _cases(other, lang)[0] == "NOUN"


def _doer_and_verb(a: str, b: str, langs: tuple[str, str]) -> bool:
    """An English noun of the doer made from a verb ("Forecasters", "rescuers") and a Ukrainian or Russian verb of
    that meaning («прогнозують»): the verb is the sentence's, not the phrase's ("remember" is no doer)."""
    if "en" not in langs or langs[0] == langs[1]:
        return False
    english, other, lang = (a, b, langs[1]) if langs[0] == "en" else (b, a, langs[0])
    english = english.lower()
    return _cases(other, lang)[0] in ("VERB", "INFN") and any(
        english.endswith(suffix) and len(english) - len(suffix) >= 4
        and glossary.same_meaning(english[:-len(suffix)], "en", other, lang) for suffix in _DOERS)


_DOERS = ("ers", "ors", "er", "or", "rs", "r")
_ACTION = re.compile("нг|нн|ни|ці|ци")  # брифінг, бомбардування, дистанцирования, дистанції


def _similar_word(a: str, b: str, entries: dict, langs: tuple[str, str]) -> bool:
    # a name or abbreviation left as written, however short ("AP", "St"), but not one Cyrillic letter (the «В» of
    # «В среду» is no initial) nor the English "A" and "I"
    a, b = _POSSESSIVE.sub("", a), _POSSESSIVE.sub("", b)  # "AP's" is AP, "Poland's" Poland
    if a == b and not a.islower() and (len(a) > 1 or a.isascii() and a not in "AI"):
        return True
    if _abbreviation(a, b) or _abbreviation(b, a):
        return True
    if glossary.same_meaning(a, langs[0], b, langs[1]):
        return not _doer_and_verb(a, b, langs)
    if _calendar(a) and _calendar(b) and all(w[:1].isupper() for w, lang in zip((a, b), langs, strict=True)
                                             if lang == "en"):  # "October": «жовтня» (not the verb "may")
        return _word_key(a) == _word_key(b)
    if _ordinal_value(a) and _ordinal_value(b):
        return _ordinal_value(a) == _ordinal_value(b)  # "Sixth": «Шостий»
    if a[0].isdigit() or b[0].isdigit() or _number_word(a) or _number_word(b):
        return _number_value(a) == _number_value(b) or _in_thousands(a, b) or _in_thousands(b, a)
    if len(a) <= 3 and len(b) <= 3 and _short_name(a, b, langs):
        return True
    if set(langs) == {"uk", "ru"} and _lemmas(a, langs[0]) & _lemmas(b, langs[1]):
        return True  # «сіл» ~ «сел», «каное» ~ «каноэ», «Айові» ~ «Айова»
    names = a[0].isupper() and b[0].isupper() and len(a) >= 3 and len(b) >= 3
    if names and (_name_keys(a) & _name_keys(b) or _latin(a) == _latin(b) or _demonym(a, b, langs)
                  or _demonym(b, a, langs[::-1])):
        return True
    # cognates (no English verb in -ed for a noun); unless both are capitalised (names), a key of three consonants
    # also
    if len(a) >= 5 and len(b) >= 5 and not _verb_and_noun(a, b, langs) \
            and not _no_root(a, langs[0]) and not _no_root(b, langs[1]):  # «проти» is no "protesters"
        # matches the longer keys it starts (біолог ~ biologist), a common word's, not a name's (Одесской is no
        # "discuss")
        key, other = _cognate(_as_cyrillic_ends(a.lower())), _cognate(_as_cyrillic_ends(b.lower()))
        if key and other and (key == other or (a.islower() or b.islower())
                              and (key.startswith(other) and b.islower() and not _person(a, langs[0])
                                   or other.startswith(key) and a.islower() and not _person(b, langs[1]))
                              and _nominal(a, langs[0], langs[1]) and _nominal(b, langs[1], langs[0])):
            return True
    if len(a) >= lexicon.MIN_WORD and len(b) >= lexicon.MIN_WORD and not _grammar(a, langs[0]) \
            and not _grammar(b, langs[1]) and _SHARED_STEM not in (lexicon.stem(a), lexicon.stem(b)):  # "the" has no
        return lexicon.stem(b) in entries.get(lexicon.stem(a), ())[:PARTNERS]  # partner of its own (the lexicon gives
    return False  # it «что»); nor "again", whose stem is also "against"'s: «знову» and «проти» (the vocabulary's)


_SHARED_STEM = "again"
def _person(word: str, lang: str) -> bool:
    """A capitalised Ukrainian or Russian word read as a person's name or surname (Гринчук), which no common
    English word's cognate key starts ("grain")."""
    return lang != "en" and word[:1].isupper() and any(PEOPLE & set(p.tag.grammemes) for p in parse(word, lang))


@lru_cache(maxsize=WORDS)
def _lemmas(word: str, lang: str) -> frozenset[str]:
    """The dictionary forms of a Ukrainian or Russian word, of three letters or more, spelled as Russian spells them
    (і, ї as и, и as ы, є and э as е, no apostrophe), so that a word of both languages has the same one: «сіл», «сел»
    'село'. No forms for a word that may be one of grammar."""
    readings = parse(word, lang)
    if any(p.tag.POS in _NO_ROOT for p in readings):  # «после» is a preposition before it is «посол»'s locative
        return frozenset()
    forms = {p.normal_form for p in readings}
    if lang == "uk":
        forms = {form.translate(_UK_AS_RU) for form in forms}
    return frozenset(form.replace("ё", "е").replace("э", "е") for form in forms if len(form) >= 3)


_NO_ROOT = frozenset(("PREP", "CONJ", "PRCL", "NPRO", "INTJ"))
_UK_AS_RU = str.maketrans({"і": "и", "ї": "и", "и": "ы", "є": "е", "ґ": "г", "'": "", "’": "", "ʼ": ""})
_TION = re.compile(r"tion(?=s?$)")


def _as_cyrillic_ends(word: str) -> str:
    """An English word in -tion spelled as its Ukrainian and Russian cognate ends, in -ція and -ция: amputation ~
    ампутація, whose keys would otherwise differ in their last consonant."""
    return _TION.sub("tsia", word) if word.isascii() else word
