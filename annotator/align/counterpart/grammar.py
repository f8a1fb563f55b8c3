"""Readings of Ukrainian and Russian words (pymorphy3) that decide where a counterpart's edges go: parts of
speech, cases and agreement, heads and complements, and the numbers one to ten as words.
"""

from functools import lru_cache

from annotator.align.anchors import _word_key
from annotator.morphology import PEOPLE, parse

WORDS = 65_536  # words whose readings each per-word cache keeps (a long-running server sees unbounded text)

_REFLEXIVES = frozenset("себе собі собою себя собой".split())
_YEARS = frozenset("рік року році роком роки років год года году годом годы лет".split())  # «2022 года»
_CUSTODY = frozenset("варту вартою стражу стражей".split())  # «взяв під [варту] заступника голови …»


@lru_cache(maxsize=WORDS)
def _forms(word: str, lang: str) -> tuple[str, ...]:
    """The word, and for a Ukrainian or Russian name its dictionary form too (Леоном -> Леон)."""
    parses = parse(word, lang) if word[:1].isupper() else []
    if not parses:
        return (word,)
    lemma = parses[0].normal_form
    return (word, lemma[:1].upper() + lemma[1:]) if lemma != word.lower() else (word,)


_PERSONAL = {"pers", "1per", "2per", "3per"}  # «він», «её»: no adjective of the noun after it
_OBLIQUE = {"ablt", "loct", "loc2"}  # "за даними", "в Україні": not a title before a name
_NAMES = {"Name", "Surn", "Patr", "Geox", "Orgn"}


@lru_cache(maxsize=WORDS)
def _cases(word: str, lang: str) -> tuple[str | None, frozenset]:
    """The part of speech of a word's likeliest analysis and the cases any noun or adjective analysis of
    it allows (None for a lower-case word pymorphy3 reads as a name only; one with other readings, «вели», has
    them first: `morphology.parse`)."""
    parses = parse(word, lang)
    if not parses:
        return None, frozenset()
    pos = parses[0].tag.POS
    if word.isupper() and len(word) > 1:
        pos = "NOUN"  # an abbreviation: «МОК» is no verb
    if word[:1].islower() and _NAMES & set(parses[0].tag.grammemes):
        return None, frozenset()
    closed = [p.tag.POS for p in parses if p.tag.POS in ("PREP", "CONJ")]
    if word[:1].islower() and closed:  # «про», «до», «под» are also rare nouns: a preposition first
        return closed[0], frozenset()
    # pymorphy3's Ukrainian dictionary leaves the case out of some nominatives («секретар»)
    return pos, frozenset(p.tag.case or "nomn" for p in parses if p.tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO"))


def _heads(word: str, run: list[str], lang: str, any_case: bool = False) -> tuple[frozenset, bool] | None:
    """Whether `word`, just before the `run` of words, belongs to its phrase: an adjective or noun (a title, a
    head noun, «його») agreeing in case with the run's first word, or with a later one across genitives inserted
    between («прем'єр-міністром [Греції] Кіріакосом»), or a head noun before a genitive («секретар [Вищої
    ради]»); never a verb, nor an instrumental or locative («за даними Департаменту»). The cases it agrees in
    (every case of the word for a head before a genitive), or None."""
    pos, cases = _cases(word, lang)
    if pos not in ("NOUN", "ADJF", "NPRO") or _calendar(word) or word.lower() in _YEARS | _REFLEXIVES | _CUSTODY:
        return None  # «в среду первый вице-президент», «2022 года специалистка», «замість себе стажера»
    if not any_case and pos == "NOUN" and "inan" in _likeliest(word, lang) and PEOPLE & _likeliest(run[0], lang):
        return None  # a thing before a person's name is theirs («помешкання [Сема]»), no title («директора Сема»)
    if len(run) > 1 and run[0][:1].isdigit():
        run = run[1:]  # a number takes the case of what it counts («свет [140] тысячам семей»)
    next_cases = _leading_cases(tuple(run[:4]), lang)
    for n, later in enumerate(run[:4]):
        later_cases = next_cases if n == 0 else _cases(later, lang)[1]
        if cases & later_cases:  # «воротарем Леоном», «генеральний секретар»
            return cases & later_cases, True
        if "gent" not in later_cases or not later[:1].isupper() or _cases(later, lang)[0] != "NOUN":
            break  # across a country's name only
    # a person in the instrumental before a genitive is a role («був наглядачем [державної скарбниці]»), a thing
    # is not («обмежено призначенням [посла]»); one after a preposition («за даними») is left out by the caller
    head, likeliest = pos == "NOUN" and "gent" in next_cases, _likeliest(word, lang)
    if "ablt" in likeliest and "inan" in likeliest and not any_case:
        return None
    if not cases - _OBLIQUE and not (head and (any_case or "ablt" in likeliest)):
        return None
    # a foreign or unknown word (a title before a name: «міністра Алехандро»), or a head before a genitive
    if any_case and pos == "NOUN" and "gent" in next_cases:  # the head of the whole phrase, whatever governs it
        return cases, True
    return (cases, False) if not next_cases or (pos == "NOUN" and "gent" in next_cases) else None


def _leading_cases(words: tuple[str, ...], lang: str) -> frozenset[str]:
    """The cases the first word shares with the adjectives and the noun after it: «Української природоохоронної
    групи» is a genitive, though «Української» alone may also be a dative or a locative."""
    pos, cases = _cases(words[0], lang)
    for word in words[1:] if pos == "ADJF" else ():
        kind, more = _cases(word, lang)
        if not cases & more:
            break
        cases &= more
        if kind != "ADJF":
            break
    return cases


@lru_cache(maxsize=WORDS)
def _likeliest(word: str, lang: str) -> frozenset[str]:
    """The grammemes of the word's likeliest reading («наглядачем»: NOUN, anim, masc, ablt)."""
    parses = parse(word, lang)
    return frozenset(parses[0].tag.grammemes) if parses else frozenset()


def _name_before(target, first: int, lang: str) -> bool:
    """The word before the run is a capitalised noun inside the sentence and the run starts with a common word:
    a name of its own («в долларах США команда»), not a title of the phrase (but «Даллас Ковбойс»)."""
    word = target[first - 1][2]
    return first > 1 and word[:1].isupper() and target[first][2][:1].islower() and _cases(word, lang)[0] == "NOUN"


def _titled_across(target, hits, breaks, first: int, name: str, lang: str) -> int | None:
    """Where a title starts whose complement (a genitive noun, or a preposition and its noun) stands between it
    and the run, with a name the title agrees with: «[Голова мережі] Сара Сквайр», «[Владелец команды] Джерри
    Джонс», «[Спеціаліст зі] сну Карл Уолш»; any title before a Latin name («[директор із] безпеки компанії
    Cloudflare»). The words from the complement to the name match nothing. None if there is none."""
    name_cases = _cases(name, lang)[1]
    at = next(j for j in range(first, len(target)) if target[j][2] == name)
    for t in (first - 2, first - 3):
        if t < 0 or any(hits[m] != set() or breaks[m + 1] for m in range(t, first)) or \
                any(hits[m] != set() for m in range(first, at)):
            return None
        complement = [target[m][2] for m in range(t + 1, at)]
        pos, cases = _cases(complement[0], lang)
        rest = [_cases(w, lang)[0] for w in complement[1:]]
        if not all(w[:1].islower() for w in complement) or (pos, *rest) not in _COMPLEMENTS \
                or (pos == "NOUN" and "gent" not in cases):
            continue
        title_pos, title_cases = _cases(target[t][2], lang)
        agrees = title_cases & name_cases if name_cases else title_cases if name.isascii() else frozenset()
        if title_pos == "NOUN" and agrees and _outside_governed(target, t, agrees, True, lang):
            return t
    return None


_PREPOSITION_NOUNS = frozenset("час часу время течение ходе ході результаті результате зв'язку звʼязку связи рамках "
                               "межах".split())
_COMPLEMENTS = {("NOUN",), ("NOUN", "NOUN"), ("PREP", "NOUN")}  # a complement's parts of speech


@lru_cache(maxsize=WORDS)
def _kind(word: str, lang: str, any_case: bool = False) -> bool:
    """The word, in the nominative, names a kind of organisation or group («компанія», «команда», «партія»): one a
    translation puts before a brand's or a team's name that the source gives alone («компанія Apple» for "Apple",
    «Збірна України» for "Ukraine"). In another case it is mostly the sentence's, not the name's («у клубі
    Manchester United»), unless `any_case`."""
    if any_case:
        return any(p.tag.POS == "NOUN" and p.normal_form in _KINDS for p in parse(word.lower(), lang))
    reading = _noun_reading(word, lang)
    return reading is not None and reading.normal_form in _KINDS and reading.tag.case == "nomn" \
        or word.lower() in ("збірна", "сборная")  # a national team, an adjective as a noun


_KINDS = frozenset("компанія компания корпорація корпорация фірма фирма група группа гурт команда клуб партія партия "
                   "організація организация агентство видання издание газета журнал банк фонд бренд марка "
                   "сервіс сервис платформа угруповання группировка рух движение виробник производитель магазин "
                   "мережа сеть супермаркет маркетплейс ресторан завод фабрика авіакомпанія авиакомпания оператор "
                   "телеканал видавництво издательство театр університет университет академія академия музей "
                   "інститут институт концерн товариство общество".split())


@lru_cache(maxsize=WORDS)
def _staff(word: str, lang: str) -> bool:
    """The word is a noun for the staff or the service of an institution («працівники», «представители»,
    «служби»)."""
    reading = _noun_reading(word, lang)
    return reading is not None and reading.normal_form in _STAFF


def _noun_reading(word: str, lang: str):
    """The likeliest reading of the word, in lower case, as a noun; None if it has none."""
    return next((p for p in parse(word.lower(), lang) if p.tag.POS == "NOUN"), None)


# not «мешканці» (residents): «Мешканці Києва» is no staff of "Kyiv"
_STAFF = frozenset("працівник работник співробітник сотрудник представник представитель член депутат служба "
                   "відділ отдел власник владелец фахівець специалист експерт эксперт суд".split())


@lru_cache(maxsize=WORDS)
def _named(word: str, lang: str, bodies: bool = True) -> bool:
    """The word's likeliest reading is a person's or a place's name («Бристоля», «Байдена»), or with `bodies` an
    organisation's («ГСЧС», «Минобороны»)."""
    parses = parse(word, lang)
    return bool(parses) and bool((_NAMES if bodies else _NAMES - {"Orgn"}) & set(parses[0].tag.grammemes))


def _qualifies(word: str, noun: str, lang: str) -> bool:
    """`word` is an adjective (or a pronoun used as one: «моєму», «цей») agreeing in case with the noun after it, or
    a number («п'ятеро [ненависників]»)."""
    pos, cases = _cases(word, lang)
    noun_pos, noun_cases = _cases(noun, lang)
    number = word[:1].isdigit() or _number_word(word)
    adjective = pos in ("ADJF", "PRTF") or pos == "NPRO" and not _PERSONAL & _likeliest(word, lang)  # «моєму», «цей»
    return noun_pos == "NOUN" and (adjective and bool(cases & noun_cases) or bool(number))


def _noun_after(target, hits, breaks, last: int, lang: str) -> int | None:
    """The noun that target word `last`, an adjective or a number, qualifies: the next word, or the one after up to
    two more free adjectives agreeing with it, all without punctuation between."""
    for k in range(last + 1, min(last + 4, len(target))):
        if breaks[k]:
            return None
        if _qualifies(target[last][2], target[k][2], lang) and all(_qualifies(target[m][2], target[k][2], lang)
                                                                   for m in range(last + 1, k)):
            return k
        if hits[k] != set() or not _adjectival(target[k][2], lang):
            return None
    return None


def _genitive(word: str, noun: str, lang: str) -> bool:
    """An adjective and its noun agree in the genitive only."""
    return _cases(word, lang)[1] & _cases(noun, lang)[1] == {"gent"}


def _outside_governed(target, j: int, cases: frozenset, agrees: bool, lang: str) -> bool:
    """Target word j, in one of `cases` as the phrase after it needs (`agrees`: by agreeing with it), is not held
    in another case by a preposition before it, across adjectives: «під воротарем Леоном» (the preposition
    governs the whole phrase) but not «на минулому тижні прем'єр-міністр» (a locative that only looks
    nominative) nor «по сведениям Министерства» (a head before a genitive)."""
    between = frozenset(cases)
    for k in range(j - 1, max(j - 4, -1), -1):
        if _preposition(target[k][2], lang):
            return agrees and (k == j - 1 or bool(between))
        if not _adjectival(target[k][2], lang):
            return True
        between &= _cases(target[k][2], lang)[1]
    return True


@lru_cache(maxsize=WORDS)
def _preposition(word: str, lang: str) -> bool:
    """Any reading of the word, capitalised or not, is a preposition («На», «по»)."""
    return any(p.tag.POS == "PREP" for p in parse(word.lower(), lang))


@lru_cache(maxsize=WORDS)
def _adjectival(word: str, lang: str) -> bool:
    """Any reading of the word is an adjective or participle («минулому», «своей», «вооруженных»)."""
    return any(p.tag.POS in ("ADJF", "PRTF") for p in parse(word, lang))


def _free(target, hits, breaks, j: int) -> bool:
    """Target word j exists, matches nothing and follows without punctuation."""
    return j < len(target) and hits[j] == set() and not breaks[j]


def _complement_length(target, hits, breaks, j: int, lang: str) -> int:
    """How many words from j make one genitive complement: a noun, or adjectives and a preposition before it
    («[природних ресурсів]», «[з охорони]»); 0 if none starts there."""
    k, preposition = j, False
    while _free(target, hits, breaks, k):
        pos, cases = _cases(target[k][2], lang)
        if pos == "PREP" and k == j:
            preposition = True
        elif pos in ("ADJF", "PRTF") and (preposition or "gent" in cases):
            pass
        elif pos == "NOUN" and (preposition or "gent" in cases):
            # «під час», «во время», «в ходе»: a preposition of time or cause, no complement
            return 0 if preposition and target[k][2].lower() in _PREPOSITION_NOUNS else k - j + 1
        else:
            return 0
        k += 1
    return 0


@lru_cache(maxsize=WORDS)
def _function_word(word: str, lang: str) -> bool:
    """A preposition or conjunction that is not also a name («У», «В», «За»; but «Ли», Lee)."""
    parses = parse(word, lang)
    if not parses:
        return False
    named = any("Name" in p.tag.grammemes and "Init" not in p.tag.grammemes for p in parses)
    return parses[0].tag.POS in ("PREP", "CONJ") and not named


def _calendar(word: str) -> bool:
    """A month or weekday name (dates are never part of a person's or organisation's name)."""
    key = _word_key(word)
    return key is not None and not key.startswith("@")


# The numbers one to ten as words, in the forms news use most ("five haters", «п'ятеро ненависників», «пятерых»).
_NUMBER_WORDS = {word: str(n) for n, words in enumerate([
    "one один одна одне одно одного однієї одной одну одному одним одній одною одні одни одних одними однім одном",
    "two два дві две двох двух двома двумя двоє двое двоих двоим двоими двом двум",
    "three три трьох трех трёх трьома тремя троє трое троих троим троими трьом трем",
    "four чотири четыре чотирьох четырех четырёх чотирма четырьмя четверо четверых четверым чотирьом четырем",
    "five п'ять пять п'яти пяти п'ятьма пятью п'ятеро пятеро п'ятьох пятерых пятерым п'ятьом",
    "six шість шесть шести шістьма шестью шестеро шістьох шестерых шестерым шістьом",
    "seven сім семь семи сімома семеро сімох семерых семерым сімом",
    "eight вісім восемь восьми вісьмома восемью восьмеро вісьмох восьмерых восьмерым вісьмом",
    "nine дев'ять девять дев'яти девяти дев'ятьма девятью дев'ятеро девятеро дев'ятьох девятерых девятерым дев'ятьом",
    "ten десять десяти десятьма десятью десятеро десятьох десятерых десятерым десятьом",
    "eleven одинадцять одинадцяти одинадцятьма одиннадцать одиннадцати одиннадцатью",
    "twelve дванадцять дванадцяти дванадцятьма двенадцать двенадцати двенадцатью",
    "thirteen тринадцять тринадцяти тринадцятьма тринадцать тринадцати тринадцатью",
    "fourteen чотирнадцять чотирнадцяти чотирнадцятьма четырнадцать четырнадцати четырнадцатью",
    "fifteen п'ятнадцять п'ятнадцяти п'ятнадцятьма пятнадцать пятнадцати пятнадцатью",
    "sixteen шістнадцять шістнадцяти шістнадцятьма шестнадцать шестнадцати шестнадцатью",
    "seventeen сімнадцять сімнадцяти сімнадцятьма семнадцать семнадцати семнадцатью",
    "eighteen вісімнадцять вісімнадцяти вісімнадцятьма восемнадцать восемнадцати восемнадцатью",
    "nineteen дев'ятнадцять дев'ятнадцяти дев'ятнадцятьма девятнадцать девятнадцати девятнадцатью",
    "twenty двадцять двадцяти двадцятьма двадцать двадцати двадцатью"], start=1)
    for word in words.split()}


def _number_word(word: str) -> str | None:
    return _NUMBER_WORDS.get(word.lower().replace("’", "'").replace("ʼ", "'"))


@lru_cache(maxsize=WORDS)
def _ordinal_value(word: str) -> str | None:
    """The number of an ordinal one to twelve, for a number it matches ("Eleventh-graders": «учні 11-х класів»;
    "world number three": «третю ракетку світу»)."""
    lower = word.lower().replace("’", "'").replace("ʼ", "'")
    if lower.isascii():
        return _ORDINALS.get(lower)
    return next((_ORDINALS[p.normal_form] for lang in ("uk", "ru") for p in parse(lower, lang)[:1]
                 if p.tag.POS == "ADJF" and p.normal_form in _ORDINALS), None)


_ORDINALS = {word: str(n) for n, words in enumerate([
    "first перший первый", "second другий второй", "third третій третий", "fourth четвертий четвёртый",
    "fifth п'ятий пятый", "sixth шостий шестой", "seventh сьомий седьмой", "eighth восьмий восьмой",
    "ninth дев'ятий девятый", "tenth десятий десятый", "eleventh одинадцятий одиннадцатый",
    "twelfth дванадцятий двенадцатый"], start=1) for word in words.split()}
