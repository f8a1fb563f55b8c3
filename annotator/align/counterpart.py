"""Where a phrase of one sentence sits in its translation, from word-level evidence.

Each word of the target window is compared with the words of the source phrase and with the other words
of the source sentence: the same number, a name with the same transliterated skeleton, a cognate, or a
lexicon entry (annotator.align.lexicon). The counterpart is the run of target words matched by the phrase,
with at most GAP unmatched words between two matches ("президента США Дональда Трампа": США is carried
along) and never across punctuation or a word that translates something outside the phrase (a verb such as «повідомляє»
for "reports"). Of several runs, the one matching most of the phrase's words wins, then the one nearest to
the phrase's relative place in its sentence.
"""

import re
from functools import lru_cache

from anyascii import anyascii

from annotator.align import glossary, lexicon
from annotator.align.anchors import SKELETON_LENGTH, _cognate, _word_key, name_skeleton, normalize_number
from annotator.morphology import parse

GAP = 2
WORDS = 65_536  # words whose readings each per-word cache keeps (a long-running server sees unbounded text)
PARTNERS = 1  # lexicon partners of a word taken as its translation: the best only (the others are noisier)
_PUNCT = re.compile(r"[,;:()«»“”„\"—–]")
_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ-][^\W_]+)*")

Match = tuple[int, int]  # [start, end) in the target window


def counterpart(
    sentence: str, start: int, end: int, window: str, src_lang: str, tgt_lang: str, lexicons: dict | None = None,
    clause: bool = False,
) -> Match | None:
    """The [start, end) in `window` of the translation of sentence[start:end], or None without evidence. A
    `clause` (a claim or a position, not an actor) is found as one (`_claim`): verbs and all, to its edges."""
    if lexicons is None:
        lexicons = lexicon.packaged()
    pair = lexicons.get((src_lang, tgt_lang))
    entries = pair.forward if pair else {}
    langs = (src_lang, tgt_lang)
    source = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    # a word the phrase cuts counts with the part inside it ("Donald Trump" in "Donald Trump's"); the parts of
    # a hyphenated word count one by one ("then-President": «тодішній президент»), and whole too («премьер-министра»
    # is PM)
    cut = [sentence[max(s, start):min(e, end)] for s, e, _w in source if s < end and e > start]
    inside, compounds = [], []  # compounds: (a hyphenated word, the indices of its parts in `inside`)
    for piece in (m.group() for w in cut for m in _TOKEN.finditer(w)):
        parts = [part for part in piece.split("-") if part]
        if len(parts) > 1:
            compounds.append((piece, set(range(len(inside), len(inside) + len(parts)))))
        inside += parts
    outside = [part for s, e, w in source if e <= start or s >= end for part in w.split("-") if part]
    if clause:  # a pronoun outside a claim ("Their coach said …") says nothing of where it ends
        outside = [w for w in outside if not _pronoun(w, src_lang)]
    if not inside:
        return None
    target = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(window)]
    hits = []  # per target word: the phrase words it matches, or None if it matches outside words only
    for j, (_s, _e, word) in enumerate(target):
        if tgt_lang == "en" and word in ("PM", "AM") and j and target[j - 1][2][-1:].isdigit():
            hits.append(set())  # a time ("4 PM"), not the prime minister
            continue
        forms = _forms(word, tgt_lang)
        matched = {k for k, w in enumerate(inside) if any(_similar(w, f, entries, langs) for f in forms)}
        for piece, parts in compounds:
            if any(_abbreviation(piece, f) or _abbreviation(f, piece)
                   or _similar_word(piece.replace("-", ""), f, entries, langs) for f in forms):  # "full-back": фулбек
                matched |= parts
        if not matched and any(_similar(w, f, entries, langs) for w in outside for f in forms):
            hits.append(None)
        else:
            hits.append(matched)
    breaks = [j > 0 and _breaks(window[target[j - 1][1]:target[j][0]]) and not _in_number(target, j)
              for j in range(len(target))]
    _big_seven(target, hits, breaks, inside)
    if tgt_lang == "en" and not clause:  # an English verb between two phrases ends them as punctuation does
        for j, (_s, _e, word) in enumerate(target):
            if (word.lower() if _title_case(target) else word) in _ENGLISH_VERBS and not hits[j]:
                breaks[j] = True
                if j + 1 < len(target):
                    breaks[j + 1] = True
    hits = _sandwiched(hits, breaks)
    if clause:  # a word that also matches the rest of the sentence tells nothing ("Ukraine's ministry said Ukraine …")
        shared = [bool(h) and any(_similar(w, f, entries, langs) for w in outside for f in _forms(word, tgt_lang))
                  for h, (_s, _e, word) in zip(hits, target, strict=True)]
        return _claim(window, target, hits, breaks, shared, sentence[start:end])
    # a coordinated phrase repeats its head in the translation («Міністр і заступник міністра», «Представители
    # города и представители области»): only a number is trimmed from it
    coordinated = any(w.lower() in _CONJUNCTIONS for w in inside)
    trimmable = {k for k, w in enumerate(inside) if w[:1].isdigit() or _number_word(w)} \
        if coordinated else set(range(len(inside)))
    runs = [_trimmed(run, hits, trimmable)
            for run in _joined(_runs(hits, breaks), target, hits, breaks, tgt_lang, coordinated)]
    if not runs:
        return None
    place = (start / max(len(sentence), 1)) * len(window)
    first, last, covered = max(runs, key=lambda r: (len(r[2]), -abs(target[r[0]][0] - place)))
    # An apposition joins its name across a comma when each side matches other words of the phrase, with at
    # most GAP free words after the comma: «Дэвид Браун, [начальник] полиции Чикаго» for "Chicago Police
    # superintendent David Brown".
    # A phrase with a list or a clause in it ("criminals, spies and novices", "family of a teenager who was …")
    # goes on across commas, to the runs after it that match its other words: «Сім'я підлітка, якому … в
    # Бірмінгемі».
    clausal = "," in sentence[start:end] or len(inside) >= 5 or any(_clause_word(w, src_lang) for w in inside[1:])
    for other_first, other_last, other in sorted(runs):
        if covered.isdisjoint(other) and (_apposed(window, target, hits, breaks, last, other_first)
                                          or clausal and _same_clause(window, target, hits, breaks, last, other_first)):
            last, covered = other_last, covered | other
    for other_first, other_last, other in sorted(runs, reverse=True):
        if covered.isdisjoint(other) and _apposed(window, target, hits, breaks, other_last, first):
            first, covered = other_first, covered | other
    # A phrase with brackets ("… Illness (NAMI)", "Black Lives Matter (BLM) movement") takes the bracket after the
    # run that holds its other words, once the run has grown to reach it.
    bracket = next((r for r in runs if r[0] > last and covered.isdisjoint(r[2])
                    and window[:target[r[0]][0]].rstrip().endswith("(")
                    and window[target[r[1]][1]:].lstrip().startswith(")")), None) \
        if ")" in sentence[start:end] else None
    if bracket:
        covered = covered | bracket[2]
    # A phrase ending in a relative clause ("those who knew him", "customer who said hello") takes the clause of
    # the translation whole, to its comma, with the pronoun it hangs on («ті, [хто] знав його»).
    # Into English, the clause goes to its last word that matches the source clause ("those who were there").
    relative = next((k for k in range(1, len(inside))
                     if inside[k] in (_CYRILLIC_WHO if tgt_lang == "en" else _RELATIVES)), None)  # "WHO" is no "who"
    head_found = relative is not None and any(k < relative for k in covered)  # the clause comes after it
    if relative is not None and tgt_lang == "en":
        clause = _english_relative_clause(target, hits, breaks, first, last, head_found,
                                          set(range(relative, len(inside))))
    elif relative is not None:
        coordinated_clause = any(w.lower() in _CONJUNCTIONS for w in inside[relative:])
        nested = sum(1 for w in inside[relative + 1:] if w in _RELATIVES)
        clause = _relative_clause(window, target, hits, breaks, first, last, tgt_lang, coordinated_clause, nested,
                                  head_found)
    if relative is not None and clause:
        first, last = clause
        covered = covered | set(range(relative, len(inside)))
    # Names the evidence missed (Джордж for George, Великої Британії for UK) sit next to the run: take the
    # capitalised words beside it, up to two per capitalised phrase word left unmatched, on one side only.
    covered = covered | _counted_with(compounds, inside, covered)
    missing = [w for k, w in enumerate(inside) if k not in covered and (len(w) >= lexicon.MIN_WORD or w.isupper())
               and not _grammar(w, src_lang)]  # "and", "for": nothing to look for
    budget = 2 * sum(1 for w in missing if w[:1].isupper())
    taken = 0
    while budget and first > 0 and _joins(target, hits, breaks, first - 1, first, tgt_lang):
        first, budget, taken = first - 1, budget - 1, taken + 1
    right = not taken  # names before the run (Джордж Ховарт) or after it (парламенті Великої Британії)
    while right and budget and last + 1 < len(target) and _joins(target, hits, breaks, last + 1, last + 1, tgt_lang):
        last, budget, taken = last + 1, budget - 1, taken + 1
    # a name may take two words (Soviet: «Советского Союза»): what is taken covers the capitalised words only
    budget = len(missing) - min(taken, sum(1 for w in missing if w[:1].isupper()))
    # After the run: the noun its last word, an adjective, qualifies («Лейбористской [партии]», «національної
    # [армії]»), then genitive complements of a head noun that the evidence missed, a preposition's too:
    # «Департаменту [природних ресурсів]», «Агенцію [з охорони довкілля]». Nouns cost one missing word each;
    # an adjective or a preposition comes free with the noun after it.
    # The noun is taken even where the lexicon pairs it with a word outside, if a word is missing («російські
    # [війська]» beside "military") or the adjective is part of a name («Лейбористської [партії]»). In the
    # genitive, where the missing words are lower-case, it is a complement and free: their head is still to be
    # found («[керівництво] крікетного [турніру]» for "cricket authorities"; but «Лівійської національної [армії]»
    # is "Army"; a possessive is a complement after it: «міністерка закордонних [справ] Німеччини»).
    noun = _noun_after(target, hits, breaks, last, tgt_lang)  # across other adjectives («моем офисном [заклятом
    if noun is not None and (hits[noun] == set() or hits[noun] is None  # враге]»)
                             and (budget or target[last][2][:1].isupper())):
        free = _genitive(target[last][2], target[noun][2], tgt_lang) \
            and not any(w[:1].isupper() and not _POSSESSIVE.search(w) for w in missing)  # a possessive comes after
        last, budget = noun, budget if free else max(budget - 1, 0)
    while budget and _free(target, hits, breaks, last + 1):
        step = _complement_length(target, hits, breaks, last + 1, tgt_lang)
        if not step or (step > 1 and _cases(target[last + 1][2], tgt_lang)[0] == "PREP"
                        and (budget < 2 or _named(target[last][2], tgt_lang))):
            break  # a prepositional complement («з охорони довкілля») stands for two words or more, never after
            # a name («судом Бристоля [по обвинению]»)
        last, budget = last + step, budget - 1
    # Before it: titles and heads the lexicon does not know (півзахисник, міністра, Управління …), one per word
    # still missing, never from inside a prepositional phrase («на минулому тижні», «по сведениям»); an
    # adjective agreeing with a head so taken comes with it («військовий командир»).
    # Where the phrase is a possessive ("Senator Rogers' office") a head before the genitive may be in any case
    # («з офісом сенаторки Роджерс»).
    possessive = bool(_POSSESSIVE_INSIDE.search(sentence[start:end]))
    run = [w for _s, _e, w in target[first:last + 1]]
    while budget and first > 0 and not breaks[first] and hits[first - 1] == set():
        name = next((w for w in run if w[:1].isupper()), None)
        titled = _titled_across(target, hits, breaks, first, name, tgt_lang) if name else None
        if titled is not None:  # a title with its complement stands for one word («[Голова мережі] Сара Сквайр»)
            first, budget = titled, budget - 1
            run = [w for _s, _e, w in target[first:last + 1]]
            continue
        title = _heads(target[first - 1][2], run, tgt_lang, possessive)
        if title is None or _name_before(target, first, tgt_lang) \
                or not _outside_governed(target, first - 1, *title, tgt_lang):
            break
        first, budget = first - 1, budget - 1
        run.insert(0, target[first][2])
        # an adjective agreeing with a head so taken comes with it, paying for a missing word if any is left
        while first > 0 and not breaks[first] and hits[first - 1] == set() \
                and _qualifies(target[first - 1][2], target[first][2], tgt_lang) \
                and _outside_governed(target, first - 1, _cases(target[first][2], tgt_lang)[1], True, tgt_lang):
            first, budget = first - 1, max(budget - 1, 0)
            run.insert(0, target[first][2])
    if tgt_lang == "en":
        # a number after a capitalised word inside the sentence is part of a name ("BBC Radio 4"), not a count
        initial = not sentence[:start].strip()
        named = {k for k in range(1, len(inside)) if inside[k - 1][:1].isupper() and (k > 1 or not initial)}
        last, budget = _english_head(target, hits, breaks, last, budget, inside, src_lang, named)
        if any(_cases(w, src_lang)[0] == "NOUN" and "gent" in _cases(w, src_lang)[1] for w in missing if w.islower()):
            last, budget = _english_complement(target, hits, breaks, last, budget)  # only for a genitive missing
        participle = any(_adjectival(w, src_lang) for w in missing if w.islower())  # «слаборозвинені»
        first, last = _english_modifiers(target, hits, breaks, first, last, budget, participle)
        if first > 0 and not breaks[first] and target[first - 1][2] in _HONORIFICS and target[first][2][:1].isupper():
            first -= 1  # English names a person with "Mr" where Ukrainian and Russian need no word («Байден»)
    if tgt_lang != "en":
        first, last = _whole_latin_name(target, hits, breaks, first, last)
    bare = sentence[start - 1:start] not in _QUOTE_MARKS and sentence[end:end + 1] not in _QUOTE_MARKS
    if bracket and bracket[0] == last + 1:
        last = bracket[1]
        closing = window.index(")", target[last][1]) + 1  # "( МАГАТЕ )": the mark, spaces or not
        return _marked(window, *_quoted(window, target[first][0], closing, bare), sentence[start:end])
    found = _quoted(window, *_without_possessive(window, target[first][0], target[last][1], tgt_lang), bare)
    return _marked(window, *found, sentence[start:end])


def unexplained(a: str, b: str, a_lang: str, b_lang: str, lexicons: dict | None = None) -> tuple[str, str]:
    """The words of two phrases that translate each other (linked spans) that no evidence pairs up: what the pair
    can teach a lexicon ("rider" and «кур'єр»; nothing of "Professor Marchuk" and «професор Марчук», whose words match
    by their spelling already)."""
    if lexicons is None:
        lexicons = lexicon.packaged()
    pair = lexicons.get((a_lang, b_lang))
    entries, langs = (pair.forward if pair else {}), (a_lang, b_lang)
    words_a = [w for w in _TOKEN.findall(a) if not _grammar(w, a_lang)]  # "the" pairs with nothing
    words_b = [w for w in _TOKEN.findall(b) if not _grammar(w, b_lang)]
    matched = {(i, j) for i, x in enumerate(words_a) for j, y in enumerate(words_b) if _similar(x, y, entries, langs)}
    return (" ".join(w for i, w in enumerate(words_a) if all(i != m for m, _ in matched)),
            " ".join(w for j, w in enumerate(words_b) if all(j != m for _, m in matched)))


def _pronoun(word: str, lang: str) -> bool:
    """A personal, possessive or demonstrative pronoun ("their", «цей»), not an abbreviation ("US")."""
    if lang == "en":
        return word.lower() in _ENGLISH_PRONOUNS and not (word.isupper() and len(word) > 1)
    return _cases(word, lang)[0] == "NPRO" or "Apro" in _likeliest(word, lang)


_ENGLISH_PRONOUNS = frozenset("i me my we us our you your he him his she her it its they them their this these that "
                              "those".split())


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


def _grammar(word: str, lang: str) -> bool:
    return lang == "en" and word.lower() in _ENGLISH_GRAMMAR


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


def _english_head(target, hits, breaks, last: int, budget: int, inside: list[str], src_lang: str,
                  named: set = frozenset()) -> tuple[int, int]:
    """English puts the head noun after its modifiers: where the run ends on the translation of an adjective or a
    genitive and a word is missing, the free word after it is the head ("[School] officials" for «Керівництво
    школи», "[social] psychologist"), unless it is a function word, a verb in -ed or an adverb."""
    if not budget or last + 1 >= len(target) or breaks[last + 1] or hits[last + 1] != set() \
            or not target[last + 1][2].islower() or not _english_modifier(target[last + 1][2]):
        return last, budget
    pos_cases = [_cases(inside[k], src_lang) for k in hits[last] if inside[k].islower()]  # not a name
    number = any((inside[k][:1].isdigit() or _number_word(inside[k])) and k not in named for k in hits[last])
    # "5 [haters]"
    if number or any(pos == "ADJF" or pos == "NOUN" and "gent" in cases for pos, cases in pos_cases):
        return last + 1, budget - 1
    return last, budget


def _english_complement(target, hits, breaks, last: int, budget: int) -> tuple[int, int]:
    """English puts a head's complement after it with "of" or "for", where Ukrainian and Russian have a genitive:
    with words still missing, "of" (or "for"), an article, and then a name of capitalised words for one missing word
    ("Department [of Natural Resources]", "president [of the Horticulture Trades Association]"), or free common words,
    one each ("spokesman [for the regional administration]"); never a function word, a verb in -ed, a word that
    matches outside, or across punctuation."""
    if not budget or last + 2 >= len(target) or target[last + 1][2] not in ("of", "for") \
            or breaks[last + 1] or hits[last + 1] is None:
        return last, budget
    j = last + 2
    if target[j][2] in ("the", "a", "an") and not breaks[j]:
        j += 1
    end = None
    while budget and j < len(target) and not breaks[j] and hits[j] is not None:
        word = target[j][2]
        if word[:1].isupper():
            while j < len(target) and not breaks[j] and hits[j] is not None and target[j][2][:1].isupper():
                end, j = j, j + 1
            budget -= 1
            break
        if not _english_modifier(word):
            break
        end, j, budget = j, j + 1, budget - 1
    return (end, budget) if end is not None else (last, budget)


def _english_modifiers(target, hits, breaks, first: int, last: int, budget: int,
                       participle: bool = False) -> tuple[int, int]:
    """English puts a phrase's modifiers before its head: free words just before the run come with it, one per
    missing word ("[Soviet] leader Vladimir Lenin", "[selection] committee"), but not a function word, a number,
    a date word ("Yesterday", "Monday"), an adverb in -ly ("reportedly") or a word in -ed, which is mostly a verb
    ("contacted Senator Rogers' office") unless an adjective or participle of the source is missing (`participle`:
    "[persecuted] social groups" for «переслідуваних соціальних груп»)."""
    while budget and first > 0 and not breaks[first] and hits[first - 1] == set() and _english_modifier(
            target[first - 1][2], participle and _after_determiner(target, breaks, first - 1)):
        first, budget = first - 1, budget - 1
    return first, last


def _after_determiner(target, breaks, j: int) -> bool:
    """Target word j starts the sentence, or follows an article, a preposition or a possessive: where an -ed word
    is an adjective ("the [persecuted] groups"), not a verb ("they reminded residents", "have visited people")."""
    return j == 0 or target[j - 1][2].lower() in _DETERMINER_SLOT


_DETERMINER_SLOT = frozenset("a an the of for to with by from in on at and or his her their our my your its".split())


def _english_modifier(word: str, participle: bool = False) -> bool:
    return not (word[0].isdigit() or _calendar(word) or _english_function_word(word)
                or word.lower().endswith("ed") and not participle)


_HONORIFICS = frozenset("Mr Mrs Ms Dr Mr. Mrs. Ms. Dr.".split())


def _english_function_word(word: str) -> bool:
    """A function word, or an adverb in -ly of seven letters or more ("Reportedly"; not "elderly", nor the short
    names Kelly, Emily, Reilly)."""
    if word in _LOWER_PREPOSITIONS:
        return True
    word = word.lower()
    adverb = word.endswith("ly") and len(word) > 6 and word not in _LY_NOT_ADVERBS
    return word in _ENGLISH_FUNCTION_WORDS or adverb


def _without_possessive(window: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """An English phrase ends before a possessive 's ("Donald Trump" of "Donald Trump's skyscraper")."""
    if lang == "en" and window[end - 2:end] in ("'s", "’s", "ʼs") and end - 2 > start:
        end -= 2
    return start, end


_LY_NOT_ADVERBS = frozenset("assembly monopoly anomaly monthly quarterly elderly friendly".split())
_ENGLISH_GRAMMAR = frozenset("a an the of for in on at to from by with and or nor as".split())  # no word of its own
_CONJUNCTIONS = frozenset("and or і й та чи або и или".split())
_YEARS = frozenset("рік року році роком роки років год года году годом годы лет".split())  # «2022 года»
_ENGLISH_VERBS = frozenset(
    "is are was were be been has have had do does did will would could should may might must can said says say "
    "told tells added adds according found find finds speaks spoke calls claims warns urges vows slams denies accuses "
    "complain complains announces reveals insists admits confirms deny warn urge accuse reveal insist admit confirm "
    "rejects reject condemns condemn defends defend want wants need needs get gets got make makes take takes took "
    "give gives gave see sees saw know knows knew believe believes expect expects ask asks".split())  # not "think tank"
_ENGLISH_FUNCTION_WORDS = _ENGLISH_VERBS | frozenset(
    "a an the of for in on at to from by with and or but nor as that which who whom whose this these those his her "
    "its their our my your he she it they we i you him them us me being not no also after before when while than "
    "then some many most more all any each every other such there here where one two three four five six seven "
    "eight nine ten only just yesterday today tomorrow including during following regarding concerning "
    "excluding over about around nearly almost approximately roughly against into through".split())
# prepositions that end a phrase as written in lower case ("under Poland's government"; but "Under Secretary")
_LOWER_PREPOSITIONS = frozenset("under between among across within without towards toward upon onto via despite since "
                                "until amid behind beyond".split())


def _in_number(target, j: int) -> bool:
    """Target words j - 1 and j are digits of one number or time: "3,126", "5.30", «17:30»."""
    return target[j - 1][2][-1:].isdigit() and target[j][2][:1].isdigit() \
        and target[j - 1][1] + 1 == target[j][0]


def _breaks(between: str) -> bool:
    """Punctuation between two words ends a phrase, except quote marks alone, whether they open or close: a
    quoted word is mostly part of the phrase around it («компанії «Вагнер»», «Група «правих» протестувальників»,
    «капітан «Уоспс» Бред Шілдс»)."""
    return bool(_PUNCT.search(between)) and not _QUOTES_ONLY.fullmatch(between)


def _quoted(window: str, start: int, end: int, bare: bool = False) -> tuple[int, int]:
    """The span with the other mark of a quote or bracket it opens or closes at its edge («компанії «Вагнер»»,
    "(NAMI)"); and, where the source phrase stood `bare` (not in quotes of its own), with the quote marks the
    translation puts around the whole of it: «Манстер» for "Munster"."""
    pairs = (*_QUOTE_PAIRS, ('"', '"'))
    if bare and start and any(window[start - 1] == a and window[end:end + 1] == b for a, b in pairs):
        return start - 1, end + 1
    for opening, closing in (*_QUOTE_PAIRS, ("(", ")")):
        inner = window[start:end]
        if inner.count(opening) > inner.count(closing) and window[end:end + 1] == closing:
            end += 1
        elif inner.count(opening) > inner.count(closing) and window[end:end + 2] in ("!" + closing, "?" + closing):
            end += 2  # a quoted exclamation or question: «Вітаю!»
        elif inner.count(closing) > inner.count(opening) and start and window[start - 1] == opening:
            start -= 1
    if window[start:end].count('"') % 2:  # a straight mark opens and closes alike: take the one beside the span
        if window[end:end + 1] == '"':
            end += 1
        elif start and window[start - 1] == '"':
            start -= 1
    return start, end


def _marked(window: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """A hashtag, a mention or a placeholder keeps its marks (#MeToo, @kyivpost, #NAME#): the marks at the
    phrase's edges are taken where the translation has them beside the span (words are letters and digits)."""
    lead, trail = len(phrase) - len(phrase.lstrip("#@")), len(phrase) - len(phrase.rstrip("#"))
    if lead and window[max(start - lead, 0):start] == phrase[:lead]:
        start -= lead
    if trail and window[end:end + trail] == phrase[len(phrase) - trail:]:
        end += trail
    return start, end


_QUOTES_ONLY = re.compile(r"\s*[«»“”„\"]\s*")
_QUOTE_PAIRS = (("«", "»"), ("„", "“"), ("“", "”"))
_QUOTE_MARKS = frozenset('«»„“”"')


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
_PEOPLE = {"Name", "Surn", "Patr"}


@lru_cache(maxsize=WORDS)
def _cases(word: str, lang: str) -> tuple[str | None, frozenset]:
    """The part of speech of a word's likeliest analysis and the cases any noun or adjective analysis of
    it allows (None for a lower-case word taken for a name: «вели», a verb, is also a rare first name)."""
    parses = parse(word, lang)
    if not parses:
        return None, frozenset()
    pos = parses[0].tag.POS
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
    if pos not in ("NOUN", "ADJF", "NPRO") or _calendar(word) or word.lower() in _YEARS:  # «в среду первый
        return None  # вице-президент», «2022 года специалистка»
    if not any_case and pos == "NOUN" and "inan" in _likeliest(word, lang) and _PEOPLE & _likeliest(run[0], lang):
        return None  # a thing before a person's name is theirs («помешкання [Сема]»), no title («директора Сема»)
    _, next_cases = _cases(run[0], lang)
    for later in run[:4]:
        _, later_cases = _cases(later, lang)
        if cases & later_cases:  # «воротарем Леоном», «генеральний секретар»
            return cases & later_cases, True
        if "gent" not in later_cases or not later[:1].isupper():  # across a country's name only
            break
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


def _apposed(window: str, target, hits, breaks, j: int, k: int) -> bool:
    """Target word j ends one phrase and word k starts the other: a comma right after j, then at most GAP
    free words before k, without other punctuation."""
    return j < k <= j + 1 + GAP and window[target[j][1]:target[j + 1][0]].strip() == "," \
        and all(hits[m] == set() and not breaks[m + 1] for m in range(j + 1, k))


def _claim(window: str, target, hits, breaks, shared: list[bool], claim: str) -> Match | None:
    """A claim's counterpart: within one sentence, the stretch of the window with the most words matching the claim
    net of those matching the rest of the sentence (a word matching both counts nothing), started after a «що» or
    "that" that follows such words (the speaker and the verb: «МЗС заявило, що [Україну не запросили]»), grown
    over the unmatched words beside it to the clause's edges: punctuation (but as many commas as the claim holds),
    or a word that opens or reports a clause («що», "said", "and that"; but the one the claim starts with: "when
    the snow began …"). A quote mark or a bracket left open inside it is closed."""
    one_sentence = not _SENTENCE_END.search(claim)  # "Protests should be expected ... protests that …" is one
    best = _best_stretch(window, target, hits, shared, one_sentence) \
        or _best_stretch(window, target, hits, [False] * len(hits), one_sentence)  # shared words are all there is
    if best is None:
        return None
    first, last = best
    # «так що», "so": a consequence, the claim's own only where it says so
    correlatives = _CORRELATIVES | ({"так"} if _SO.search(claim) else set())
    reported = [j for j in range(first + 1, last + 1) if _reporting(target, j, correlatives)
                and any(hits[m] is None for m in range(first, j))]
    if reported and reported[-1] < last and any(hits[m] and not shared[m] for m in range(reported[-1] + 1, last + 1)):
        first = reported[-1] + 1
    own = claim.split(maxsplit=1)[0].lower() in _CLAUSE_OPENERS  # the claim opens with one: "when", "if"
    opened = own and target[first][2].lower() not in _CLAUSE_OPENERS  # … and it is not matched yet
    commas = len(_COMMA.findall(claim)) - sum(1 for j in range(first + 1, last + 1) if breaks[j])

    def free(j: int) -> bool:  # matching nothing, or the claim and the rest of the sentence alike
        return hits[j] == set() or shared[j]

    def crossed(j: int) -> bool:  # the gap before target word j may be crossed (a comma, while the claim has one;
        nonlocal commas  # Ukrainian and Russian put one before «оскільки», «який», where English has none)
        if not breaks[j]:
            return True
        if window[target[j - 1][1]:target[j][0]].strip() != ",":
            return False
        if target[j][2].lower() in _SUBORDINATORS or target[j][2].lower() in _COMPLEMENTIZERS \
                and not _reporting(target, j, correlatives):
            return True
        commas -= 1
        return commas >= 0

    while first < last and not own and (target[first][2].lower() in _COMPLEMENTIZERS  # «[что] Иран возобновил …»
                                        or free(first) and target[first][2].lower() in _CLAUSE_OPENERS):
        first += 1
    while first > 0 and free(first - 1) and (not _opens(target, first - 1) or opened) and crossed(first):
        first -= 1
        opened = opened and target[first][2].lower() not in _CLAUSE_OPENERS  # one opener, the claim's own
    while last + 1 < len(target) and free(last + 1) and not (
            one_sentence and _SENTENCE_END.search(window[target[last][1]:target[last + 1][0]])) \
            and not _reporting(target, last + 1, correlatives) and crossed(last + 1):  # not "and that …"
        last += 1
    while last > first and hits[last] == set() and (
            target[last][2].lower() in _CONJUNCTIONS or target[last][2].lower() == "так"
            and last + 1 < len(target) and target[last + 1][2].lower() in _COMPLEMENTIZERS):
        last -= 1  # «обстріляли [і]», «пошкоджено, [так] що …»
    begin, end = target[first][0], target[last][1]
    for opening, closing in ((_OPEN_QUOTE, _CLOSE_QUOTE), (_OPEN_BRACKET, _CLOSE_BRACKET)):
        if len(opening.findall(window[begin:end])) > len(closing.findall(window[begin:end])) \
                and closing.match(window, end):  # «дякує своїм співробітникам[»]», «(38 сантиметрів[)]»
            end += 1
    return begin, end


def _opens(target, j: int) -> bool:
    """Target word j opens a clause: «що», "said" …, or the «як» of «тоді як», «тогда как», «в то время как»
    ("while")."""
    word = target[j][2].lower()
    return word in _CLAUSE_OPENERS or word in ("як", "как") and j > 0 and target[j - 1][2].lower() in _WHILE


_WHILE = frozenset("тоді тогда время".split())


def _reporting(target, j: int, correlatives: frozenset) -> bool:
    """Target word j is a «що», «что» or "that" that opens reported speech, not one that ends a conjunction of
    two words («тому що», «потому что», «тим, що», «то, что»: the clause goes on)."""
    return target[j][2].lower() in _COMPLEMENTIZERS and not (j and target[j - 1][2].lower() in correlatives)


def _best_stretch(window: str, target, hits, shared: list[bool], one_sentence: bool) -> tuple[int, int] | None:
    """The stretch of target words with the most matches of the claim net of matches of the rest of the sentence
    (a shared word counts nothing), within one sentence of the window unless the claim spans more."""
    best, total, start, running = None, 0, 0, 0
    for j, matched in enumerate(hits):
        if running <= 0 or one_sentence and j and _SENTENCE_END.search(window[target[j - 1][1]:target[j][0]]):
            start, running = j, 0
        running += 0 if shared[j] else 1 if matched else -1 if matched is None else 0
        if running > total:
            best, total = (start, j), running
    return best


_COMPLEMENTIZERS = frozenset("що что that".split())
_CORRELATIVES = frozenset("тому тим того те то потому тем".split())
_SO = re.compile(r"\b(?:so|так)\b", re.IGNORECASE)
_CYRILLIC_RELATIVES = frozenset("який яка яке які якого якої яких якому якій яким якими котрий котра котрі который "
                                "которая которое которые которого которой которых которому которым которыми".split())
_RELATIVES = _CYRILLIC_RELATIVES | {"who", "which", "that", "whose", "whom"}
# what a Ukrainian or Russian comma stands before where English has none («, оскільки», «, который»)
_SUBORDINATORS = _CYRILLIC_RELATIVES | frozenset("бо оскільки тому адже хоча поки доки щоб потому поскольку так хотя "
                                                 "пока чтобы".split())
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")  # not inside a number ("1,000", «2,5»)
_SENTENCE_END = re.compile(r"[.!?…]")
_OPEN_BRACKET, _CLOSE_BRACKET = re.compile(r"\("), re.compile(r"\)")
_OPEN_QUOTE = re.compile("[«“„]")
_CLOSE_QUOTE = re.compile("[»”]")


_CLAUSE_OPENERS = frozenset("що щоб чи якщо коли бо але хоча і й та або что чтобы ли если когда потому но хотя и или "
                            "а that whether if when because but although though and or said says say "
                            "told tells added "
                            "claimed argued insisted warned according stressed admitted wrote writes believes believe "
                            "assured noted suggested stated announced reported explained confirmed denied "
                            "acknowledged".split())


def _relative_clause(window: str, target, hits, breaks, first: int, last: int, lang: str,
                     coordinated: bool, nested: int, head_found: bool) -> tuple[int, int] | None:
    """The run grown to the Ukrainian or Russian relative clause that starts after a comma inside it, right after it
    or before it with free words only between (then with the word it hangs on: a word of the phrase, a noun, «ті»,
    «всех»): to the next punctuation — or across the commas of `nested` clauses of its own («жінкою, яка …») — a word
    matching outside the phrase, or a conjunction unless the source clause has one ("who said hello": not «который
    поздоровался [и поздоровался в ответ]»)."""
    pronoun = next((j for j in range(1, min(last + 3, len(target))) if _opens_relative(window, target, j)
                    and (j <= last + 1 or hits[last + 1] == set())  # «родини [тих], хто»
                    and (j >= first or not head_found
                         and all(hits[m] == set() and not breaks[m + 1] for m in range(j, first)))), None)
    if pronoun is None:
        return None
    end = last
    before = pronoun - 1
    if hits[before] or target[before][2].lower() in _ANTECEDENTS \
            or hits[before] == set() and _cases(target[before][2], lang)[0] == "NOUN":
        first = min(first, before)
        while first > 0 and not breaks[first] and hits[first - 1]:  # the phrase's words it ends
            first -= 1
    else:
        first = min(first, pronoun)
    last = max(last, pronoun)
    while last + 1 < len(target) and hits[last + 1] is not None:
        if breaks[last + 1]:
            if not (nested and _opens_relative(window, target, last + 1)):
                break
            nested -= 1
        elif target[last + 1][2].lower() in _CONJUNCTIONS and not coordinated:
            break
        last += 1
    while last > max(pronoun, end) and last + 1 < len(target) and not breaks[last + 1] \
            and _preposition(target[last][2], lang):  # «на магазин [у]» before a word that matches outside
        last -= 1
    return (first, last) if last > pronoun else None  # a pronoun alone is another clause («Іваненка, [якого]»)


def _english_relative_clause(target, hits, breaks, first: int, last: int, head_found: bool,
                             clause_words: set) -> tuple[int, int] | None:
    """The run grown to the English relative clause ("who", "that", "which") inside it, right after it or before it
    with free words only between (then with the word it hangs on), up to the clause's last word that matches a word
    of the source clause, before any punctuation: English has no comma to end it."""
    pronoun = next((j for j in range(1, min(last + 2, len(target))) if target[j][2] in _ENGLISH_RELATIVES
                    and (j >= first or not head_found
                         and all(hits[m] == set() and not breaks[m + 1] for m in range(j, first)))), None)
    if pronoun is None:
        return None
    end, limit = None, pronoun
    for j in range(pronoun + 1, len(target)):
        if breaks[j] or hits[j] is None:
            break
        limit = j
        if hits[j] & clause_words:
            end = j
    if end is None:  # no evidence: as many words as the source clause, English being a little longer
        end = min(limit, pronoun + round(len(clause_words) * ENGLISH_LENGTH) - 1)
        while end > pronoun and target[end][2].lower() in _ENGLISH_GRAMMAR:  # not "by the", but "perpetuate it"
            end -= 1
        if end == pronoun:
            return None
    if pronoun <= first and not breaks[pronoun] and hits[pronoun - 1] is not None:
        first = pronoun - 1
        while first > 0 and not breaks[first] and hits[first - 1]:  # the phrase's words it ends
            first -= 1
    return first, max(last, end)


_ENGLISH_RELATIVES = frozenset("who whom whose which that".split())
ENGLISH_LENGTH = 1.15  # English words per Ukrainian or Russian word in the dev sets (34,037 / 29,846 and 30,832)


def _opens_relative(window: str, target, j: int) -> bool:
    """Target word j is a Ukrainian or Russian relative pronoun after a comma («, хто», «, которые»)."""
    return target[j][2].lower() in _CYRILLIC_WHO and window[target[j - 1][1]:target[j][0]].strip() == ","


_CYRILLIC_WHO = _CYRILLIC_RELATIVES | frozenset("хто кого кому ким кім кто кем ком".split())
# the pronouns a relative clause hangs on where the translation has no noun («ті, хто …», «все, кому …»)
_ANTECEDENTS = frozenset("ті тих тим тими той того тому тієї та те усі всі усіх всіх усім всім кожен кожного кожному "
                         "тот того тому тем те тех теми та той все всех всем каждый каждого каждому".split())


def _same_clause(window: str, target, hits, breaks, j: int, k: int) -> bool:
    """Target words j and k (j before k) are apart by free words and commas only, nothing else that ends a phrase
    (other punctuation, an English verb unless a relative clause starts after j: "who was stabbed")."""
    relative = j + 1 < k and target[j + 1][2].lower() in _RELATIVES
    return j < k and not _CLAUSE_END.search(window[target[j][1]:target[k][0]]) \
        and all(hits[m] == set() for m in range(j + 1, k)) \
        and (relative or all("," in window[target[m - 1][1]:target[m][0]] for m in range(j + 1, k + 1) if breaks[m]))


def _clause_word(word: str, lang: str) -> bool:
    """A relative pronoun or a participle: the phrase has a clause of its own ("body overseeing the vote")."""
    if lang == "en":
        return word.lower() in _RELATIVES or len(word) > 4 and word.endswith(("ing", "ed"))
    return word.lower() in _RELATIVES or _cases(word, lang)[0] == "PRTF"


_CLAUSE_END = re.compile(r"[;:()«»“”„\"—–.!?]")


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
def _named(word: str, lang: str) -> bool:
    """The word's likeliest reading is a person's or a place's name («Бристоля», «Байдена»)."""
    parses = parse(word, lang)
    return bool(parses) and bool(_NAMES & set(parses[0].tag.grammemes))


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


@lru_cache(maxsize=WORDS)
def _verb(word: str, lang: str) -> bool:
    """The word's likeliest analysis is a verb, an infinitive or a gerund (none for English)."""
    parses = parse(word, lang)
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "GRND")


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


def _trimmed(run: tuple[int, int, set], hits: list, trimmable: set) -> tuple[int, int, set]:
    """The run without a match at either end, apart from the rest by a gap, that matches only phrase words the rest
    matches already: the same word again nearby, not the phrase («Двох підозрюваних затримали [2] березня» for "Two
    suspects", «[Партии лейбористов и] всем политическим партиям» for "all political parties"). Only a match of
    phrase words in `trimmable` goes, only where the rest matches more (not one of "Police … Officers") and matches
    its words as many times as they are (not «[Полицейские] из отделения полиции» for «Поліцейські з відділку
    поліції»)."""
    first, last, _covered = run
    matched = [m for m in range(first, last + 1) if hits[m]]

    def repeats(k: int, rest: list[int]) -> bool:  # as often as the phrase has them («Поліцейські … поліції»)
        return hits[k] <= trimmable and hits[k] < set().union(*(hits[m] for m in rest)) \
            and sum(1 for m in rest if hits[m] & hits[k]) >= len(hits[k])

    while len(matched) > 1 and matched[1] > matched[0] + 1 and repeats(matched[0], matched[1:]):
        matched.pop(0)
    while len(matched) > 1 and matched[-1] > matched[-2] + 1 and repeats(matched[-1], matched[:-1]):
        matched.pop()
    return matched[0], matched[-1], set().union(*(hits[m] for m in matched))


def _runs(hits: list, breaks: list[bool]) -> list[tuple[int, int, set]]:
    """Runs of matched words (first index, last index, phrase words covered), split at outside matches, at
    punctuation and at gaps of more than GAP unmatched words."""
    runs, current = [], None
    for j, matched in enumerate(hits):
        if breaks[j]:
            current = None
        if matched is None:
            current = None
            continue
        if not matched:
            continue
        if current is not None and j - current[1] - 1 <= GAP:
            current[1] = j
            current[2].update(matched)
        else:
            current = [j, j, set(matched)]
            runs.append(current)
    return [tuple(r) for r in runs]


@lru_cache(maxsize=WORDS)
def _latin(word: str) -> str:
    return anyascii(word).lower()


@lru_cache(maxsize=WORDS)
def _name_keys(word: str) -> frozenset[str]:
    """The name's skeletons, an English soft c read as s and th as t (Grace ~ Грейс, Thani ~ Тані); an English
    spelling also as Ukrainian and Russian transcribe it: j as дж, qu as кв, w as у, a final h after a vowel
    silent, kn at the start as n, g before e, i or y inside a word as дж, a final s after a vowel or a voiced
    consonant also as з (Rogers ~ Роджерс, Jones ~ Джонс, Squire ~ Сквайр, William ~ Уильям, Sarah ~ Сара,
    Knowsley ~ Ноуслі, Reeves ~ Рівз)."""
    word = _SOFT_C.sub("s", _TH.sub("t", word))
    keys = {name_skeleton(word)}
    if word.isascii():
        spoken = _KN.sub("n", _W.sub("u", _QU.sub("kv", _SOFT_G.sub("dzh", word.lower().replace("j", "dzh")))))
        keys.add(name_skeleton(_FINAL_H.sub("", spoken)))
        if _VOICED_S.search(spoken):  # a key of its own, matched only by a word ending in з (not Газі, Президент)
            whole = name_skeleton(_VOICED_S.sub("z", spoken), 99)
            if 2 <= len(whole) <= SKELETON_LENGTH:
                keys.add("=" + whole)
        if _GERMAN_Z.search(spoken):  # a z after l, r or n as ц: Scholz ~ Шольц, Merz ~ Мерц
            keys.add(name_skeleton(_GERMAN_Z.sub("ts", spoken)))
        if "ch" in spoken:  # a Greek ch as х, the whole name compared (Chondroitin ~ Хондроїтин; Chelsea is no
            keys.add("~" + name_skeleton(spoken.replace("ch", "kh"), 99))  # Гельсінкі)
        if "ohn" in spoken:  # a silent h (Johnson ~ Джонсон), the whole name compared: John is no Johnson
            keys.add("~" + name_skeleton(_FINAL_H.sub("", spoken.replace("ohn", "on")), 99))
    else:
        if word[-1:].lower() in ("з", "ж"):
            keys.add("=" + name_skeleton(word, 99))
        whole = name_skeleton(word, 99)  # a case ending may add a consonant: Джонсоном, Джонсонів, Джонсонах
        if len(whole) > SKELETON_LENGTH:
            keys.update(("~" + whole, "~" + (whole[:-1] if whole[-1] in "mvh" else whole)))
    return frozenset(k for k in keys if len(k) >= 2)


_SOFT_C = re.compile(r"c(?=[eiyéèêíî])", re.IGNORECASE)  # Céline ~ Селін
_SOFT_G = re.compile(r"(?<=.)g(?=[eiy])")  # Rogers ~ Роджерс (not at the start: Gibson, Gillian)
_TH = re.compile("th", re.IGNORECASE)
_QU = re.compile("qu")
_W = re.compile("w")
_KN = re.compile("^kn")
_FINAL_H = re.compile("(?<=[aeiou])h$")
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


# The numbers one to ten as words, in the forms news use most ("five haters", «п'ятеро ненависників», «пятерых»).
_NUMBER_WORDS = {word: str(n) for n, words in enumerate([
    "one один одна одне одно одного однієї одной одну одному одним одній одною",
    "two два дві две двох двух двома двумя двоє двое двоих",
    "three три трьох трех трёх трьома тремя троє трое троих",
    "four чотири четыре чотирьох четырех четырёх чотирма четырьмя четверо четверых",
    "five п'ять пять п'яти пяти п'ятьма пятью п'ятеро пятеро п'ятьох пятерых",
    "six шість шесть шести шістьма шестью шестеро шістьох шестерых",
    "seven сім семь семи сімома семеро сімох семерых",
    "eight вісім восемь восьми вісьмома восемью восьмеро вісьмох восьмерых",
    "nine дев'ять девять дев'яти девяти дев'ятьма девятью дев'ятеро девятеро дев'ятьох девятерых",
    "ten десять десяти десятьма десятью десятеро десятьох десятерых"], start=1) for word in words.split()}


def _number_word(word: str) -> str | None:
    return _NUMBER_WORDS.get(word.lower().replace("’", "'").replace("ʼ", "'"))


def _number_value(word: str) -> str:
    """A number however written: 17, "17th", "XVII" (as centuries are in Ukrainian and Russian), "seventeen" aside."""
    if _ROMAN.fullmatch(word):
        values = [_ROMAN_DIGITS[c] for c in word]
        return str(sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True)))
    ordinal = _ORDINAL.fullmatch(word)
    return ordinal.group(1) if ordinal else _number_word(word) or normalize_number(word)


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


def _similar_word(a: str, b: str, entries: dict, langs: tuple[str, str]) -> bool:
    # a name or abbreviation left as written, however short ("AP", "St"), but not one Cyrillic letter (the «В» of
    # «В среду» is no initial) nor the English "A" and "I"
    a, b = _POSSESSIVE.sub("", a), _POSSESSIVE.sub("", b)  # "AP's" is AP, "Poland's" Poland
    if a == b and not a.islower() and (len(a) > 1 or a.isascii() and a not in "AI"):
        return True
    if _abbreviation(a, b) or _abbreviation(b, a) or glossary.same_meaning(a, langs[0], b, langs[1]):
        return True
    if a[0].isdigit() or b[0].isdigit() or _number_word(a) or _number_word(b):
        return _number_value(a) == _number_value(b)
    names = a[0].isupper() and b[0].isupper() and len(a) >= 3 and len(b) >= 3
    if names and (_name_keys(a) & _name_keys(b) or _latin(a) == _latin(b) or _demonym(a, b, langs)
                  or _demonym(b, a, langs[::-1])):
        return True
    if len(a) >= 5 and len(b) >= 5:  # unless both are capitalised (names), a key of three consonants also
        key, other = _cognate(a.lower()), _cognate(b.lower())  # matches the longer keys it starts (біолог ~ biologist)
        if key and other and (key == other or (a.islower() or b.islower())
                              and (key.startswith(other) or other.startswith(key))
                              and not _verb(a, langs[0]) and not _verb(b, langs[1])):  # not пройти ~ protesters
            return True
    if len(a) >= lexicon.MIN_WORD and len(b) >= lexicon.MIN_WORD and not _grammar(a, langs[0]) \
            and not _grammar(b, langs[1]):  # "the" has no partner of its own (the lexicon gives it «что»)
        return lexicon.stem(b) in entries.get(lexicon.stem(a), ())[:PARTNERS]
    return False
