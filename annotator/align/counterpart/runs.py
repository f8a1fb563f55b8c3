"""Runs of matched target words: tokens, punctuation breaks, the gaps a run may cross, and the names and
abbreviations that join it.
"""

import re

from annotator.align.counterpart.english import _english_function_word
from annotator.align.counterpart.grammar import _calendar, _cases, _function_word
from annotator.align.counterpart.words import _abbreviation

GAP = 2

_PUNCT = re.compile(r"[,;:()«»“”„\"—–]")
# a word, or a number in groups of three ("2,300", «2 300» is one word, as "2300" is) or with decimals («2,3»), or
# capitals with full stops ("U.N.", "U.S.": the word "UN", "US"), or «в.о.», «т.в.о.», «и.о.» (acting), stops and all,
# also written with spaces («в. о.», the word «в.о.»)
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|(?:[ТтВвИи]\.[ \u00a0]?)?[ВвИи]\.[ \u00a0]?[Оо]\."
                    r"|\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+[.,]\d+(?!\d)|[^\W_]+(?:['’ʼ-][^\W_]+)*")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """The words of `text` as (start, end, word), the full stops of "U.N." left out of its word (not those of
    «в.о.»: «во» is a word of its own)."""
    return [(m.start(), m.end(), m.group().replace(".", "") if m.group()[-1] == "." and m.group().isascii()
             else _SPACES.sub("", m.group())) for m in _TOKEN.finditer(text)]


_SPACES = re.compile(r"[ \u00a0]")

Match = tuple[int, int]  # [start, end) in the target window


def _big_seven(target, hits, breaks, inside: list[str]) -> None:
    """«Великої сімки», «Большой семерки» for G7: the adjective before the abbreviation's word is part of it (unless
    the phrase has the adjective too, to be matched on its own)."""
    if any(w.lower().startswith(_BIG) for w in inside):
        return
    for j in range(1, len(target)):
        if hits[j] and hits[j - 1] == set() and not breaks[j] and target[j - 1][2].lower().startswith(_BIG) \
                and _abbreviation("G7", target[j][2]):
            hits[j - 1] = set(hits[j])


_BIG = ("велик", "больш")


def _counted_with(compounds: list, inside: list[str], covered: set) -> set:
    """The parts (indices into `inside`) of each hyphenated source word whose number was found: "60-year-old" is
    one word, «60-летнего», so its other parts are not missing and no head is looked for in their place
    («[жизнь] 60-летнего мужчины»)."""
    return {i for _piece, parts in compounds if any(k in covered and inside[k].isdigit() for k in parts)
            for i in parts}


def _whole_latin_name(target, hits, breaks, first: int, last: int) -> tuple[int, int]:
    """A name left in Latin letters in Cyrillic text is taken whole ("Derry" -> «Derry City»), but not into a name
    that goes on with a word matching outside the phrase: «Shamrock Rovers [Stephen] Bradley» where the source has
    «Стівен Бредлі» after the club."""
    j, k = first, last
    while j > 0 and _latin_name_goes_on(target, hits, breaks, j - 1, j):
        j -= 1
    while k + 1 < len(target) and _latin_name_goes_on(target, hits, breaks, k + 1, k):
        k += 1
    if not (j < first and j > 0 and not breaks[j] and hits[j - 1] is None and target[j - 1][2][:1].isupper()):
        first = j
    if not (k > last and k + 1 < len(target) and not breaks[k + 1] and hits[k + 1] is None
            and target[k + 1][2][:1].isupper()):
        last = k
    return first, last


def _latin_name_goes_on(target, hits, breaks, j: int, k: int) -> bool:
    """Target word j, beside word k of the span, is a capitalised Latin word like k that matches nothing."""
    a, b = target[j][2], target[k][2]
    return hits[j] == set() and not breaks[max(j, k)] and a.isascii() and b.isascii() \
        and a[:1].isupper() and b[:1].isupper() and a[1:2].islower()


_CONJUNCTIONS = frozenset("and or і й та чи або и или".split())


def _in_number(target, j: int) -> bool:
    """Target words j - 1 and j are digits of one number or time: "3,126", "5.30", «17:30»."""
    return target[j - 1][2][-1:].isdigit() and target[j][2][:1].isdigit() \
        and target[j - 1][1] + 1 == target[j][0]


def _breaks(between: str) -> bool:
    """Punctuation between two words ends a phrase, except quote marks alone, whether they open or close: a
    quoted word is mostly part of the phrase around it («компанії «Вагнер»», «Група «правих» протестувальників»,
    «капітан «Уоспс» Бред Шілдс»)."""
    return bool(_PUNCT.search(between)) and not _QUOTES_ONLY.fullmatch(between)


_QUOTES_ONLY = re.compile(r"\s*[«»“”„\"]\s*")
_CLOSING = re.compile(r"\s*[»”\"]")


def _apposed(window: str, target, hits, breaks, j: int, k: int, apposition: bool = False) -> bool:
    """Target word j ends one phrase and word k starts the other: a comma right after j, or a dash with another after
    k («Продавець — невеличкий сімейний бізнес із Порту — поклав»; not the copula of «персонал — найприємніші
    люди»), or between two names («рейсу Варшава — Київ»), or any dash where the source phrase has an `apposition`
    of its own ("Eurostat, the EU's statistics office": «Євростату — статистичного відомства ЄС»), then at most GAP
    free words before k, without other punctuation."""
    end = next((m for m in range(j + 1, min(j + GAP, k - 1) + 1) if all(hits[n] == set() and not breaks[n]
                                                                          for n in range(j + 1, m + 1))
                and _CLOSING.match(window, target[m][1])), j)  # the first phrase may end in a free word of its own
    # inside quotes («коаліції [охочих]» — групи)
    mark = window[target[end][1]:target[end + 1][0]].strip(" »”\"") if end + 1 < len(target) else ""
    closed = mark == "," or mark in ("—", "–") and (apposition or any(d in window[target[k][1]:] for d in ("—", "–"))
                                                    or k == j + 1 and target[j][2][:1].isupper()
                                                    and target[k][2][:1].isupper())  # «Варшава — Київ»
    return j < k <= end + 1 + GAP and closed \
        and all(hits[m] == set() and not breaks[m + 1] for m in range(end + 1, k))


def _title_case(target) -> bool:
    long = [w for _s, _e, w in target if len(w) >= 4]
    return len(long) >= 3 and all(w[:1].isupper() for w in long)


def _joins(target, hits, breaks, j, boundary, lang: str = "") -> bool:
    """Target word j is capitalised, free (matches nothing outside), not cut off by punctuation, not a weekday or a
    month («Понеділок», "In May Ukrainian soldiers") and not a capitalised function word ("The", "Reportedly",
    "Says" in a Title Case headline; «У міністерстві …» at the start of the sentence), unless in English it matches
    the phrase or continues a name to the right ("Theresa May", "Minister Will Quince"). Articles are left out of
    English phrases."""
    word = target[j][2]
    if not word[:1].isupper() or hits[j] is None or breaks[boundary]:
        return False
    if lang == "en":
        named = bool(hits[j]) or j > 0 and boundary == j and not _title_case(target) \
            and target[j - 1][2][:1].isupper() and not _english_function_word(target[j - 1][2])  # Theresa May
        return named or not (_calendar(word) or _english_function_word(word))
    if _calendar(word):
        return False
    return not (j == 0 and _function_word(word, lang))


def _joined(runs: list, target, hits, breaks, lang: str, coordinated: bool = False) -> list:
    """Runs joined across any number of unmatched words between them that continue a noun phrase: genitive
    nouns and adjectives, prepositions and the noun after one («секретар [Вищої ради старожитностей]
    Єгипту», «секретарь [Высшего совета по древностям] Мустафа»), whatever the lexicon knows; where the phrase
    itself is coordinated, a conjunction too («Міністерство закордонних справ [та міжнародного] розвитку»)."""
    out = []
    for run in runs:
        if out and not breaks[run[0]] and _continues(range(out[-1][1] + 1, run[0]), target, hits, breaks, lang,
                                                     coordinated):
            out[-1] = (out[-1][0], run[1], out[-1][2] | run[2])
        else:
            out.append(run)
    return out


def _continues(gap: range, target, hits, breaks, lang: str, coordinated: bool = False) -> bool:
    after_preposition = False
    for j in gap:
        if hits[j] != set() or breaks[j]:
            return False
        pos, cases = _cases(target[j][2], lang)
        conjunction = coordinated and target[j][2].lower() in _CONJUNCTIONS
        if not (pos == "PREP" or "gent" in cases or (after_preposition and cases) or conjunction):
            return False
        after_preposition = pos == "PREP"
    return True


def _sandwiched(hits: list, breaks: list[bool]) -> list:
    """A word that matches only words outside the phrase but sits between two words matching inside it, within
    GAP and without punctuation, is taken as unmatched: the lexicon's partner for a word nearby («вооруженных» for
    "defense") rather than a neighbouring phrase."""
    out = list(hits)
    for j, matched in enumerate(hits):
        if matched is not None:
            continue
        left = next((k for k in range(j - 1, max(j - GAP - 2, -1), -1) if hits[k] or breaks[k + 1]), None)
        right = next((k for k in range(j + 1, min(j + GAP + 2, len(hits))) if hits[k] or breaks[k]), None)
        if left is not None and right is not None and hits[left] and hits[right] \
                and not any(breaks[left + 1:right + 1]):
            out[j] = set()
    return out


def _trimmed(run: tuple[int, int, set], hits: list, trimmable: set, glue: list[bool] = ()) -> tuple[int, int, set]:
    """The run without a match at either end, apart from the rest by a gap, that matches only phrase words the rest
    matches already: the same word again nearby, not the phrase («Двох підозрюваних затримали [2] березня» for "Two
    suspects", «[Партии лейбористов и] всем политическим партиям» for "all political parties"). Only a match of
    phrase words in `trimmable` goes, only where the rest matches more (not one of "Police … Officers") and matches
    its words as many times as they are (not «[Полицейские] из отделения полиции» for «Поліцейські з відділку
    поліції»), each time with a word matching no more phrase words than it does (not "[International] Monetary
    Fund mission", whose "mission" the lexicon also gives «Міжнародного»): the end adds nothing to the phrase words
    that can each have a word of their own (`_pairs`; "[Prosecutors] from the … Prosecutor's Office (SAP)" gives
    «Прокурори» and «прокуратури» one each)."""
    first, last, _covered = run
    matched = [m for m in range(first, last + 1) if hits[m]]

    def repeats(k: int, rest: list[int]) -> bool:  # as often as the phrase has them («Поліцейські … поліції»)
        return hits[k] <= trimmable and hits[k] < set().union(*(hits[m] for m in rest)) \
            and _pairs(alike := [hits[m] for m in rest if len(hits[m]) <= len(hits[k])]) == _pairs(alike + [hits[k]])

    while len(matched) > 1:  # of two ends to trim, the one further from the rest first ("[My] thesis supervisor
        # replied to [my]": the second "my" goes)
        left, right = matched[1] - matched[0] - 1, matched[-1] - matched[-2] - 1  # the words between
        if glue:  # two words joined by `glue` ("of") are one compound's («військовополонених»: "prisoners of war")
            left = left if not all(glue[matched[0] + 1:matched[1]]) else 0
            right = right if not all(glue[matched[-2] + 1:matched[-1]]) else 0
        left = left if left and repeats(matched[0], matched[1:]) else 0
        right = right if right and repeats(matched[-1], matched[:-1]) else 0
        if not left and not right:
            break
        matched.pop(0 if left >= right else -1)
    return matched[0], matched[-1], set().union(*(hits[m] for m in matched))


def _pairs(matches: list[set]) -> int:
    """How many phrase words can each have a target word of their own, of target words matching `matches`: a
    maximum matching, grown one augmenting path at a time."""
    owner: dict = {}  # phrase word: the index in `matches` of the target word it has

    def place(m: int, seen: set) -> bool:
        for word in matches[m] - seen:
            seen.add(word)
            if word not in owner or place(owner[word], seen):
                owner[word] = m
                return True
        return False

    return sum(place(m, set()) for m in range(len(matches)))


def _runs(hits: list, breaks: list[bool], verbs: list[bool]) -> list[tuple[int, int, set]]:
    """Runs of matched words (first index, last index, phrase words covered), split at outside matches, at
    punctuation, at gaps of more than GAP unmatched words and at gaps with a verb."""
    runs, current = [], None
    for j, matched in enumerate(hits):
        if breaks[j]:
            current = None
        if matched is None:
            current = None
            continue
        if not matched:
            continue
        if current is not None and j - current[1] - 1 <= GAP and not any(verbs[current[1] + 1:j]):
            current[1] = j
            current[2].update(matched)
        else:
            current = [j, j, set(matched)]
            runs.append(current)
    return [tuple(r) for r in runs]
