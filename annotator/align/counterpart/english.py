"""English rules: grammar words and verbs that end a phrase, the heads and modifiers a counterpart found in English
takes where the evidence missed them, and pronouns (of English, and through pymorphy3 of Ukrainian and Russian).
"""

from annotator.align import glossary
from annotator.align.counterpart.grammar import _calendar, _cases, _kind, _likeliest, _named, _number_word
from annotator.morphology import parse


def _pronoun(word: str, lang: str) -> bool:
    """A personal, possessive or demonstrative pronoun ("their", «цей»), not an abbreviation ("US")."""
    if lang == "en":
        return word.lower() in _ENGLISH_PRONOUNS and not (word.isupper() and len(word) > 1)
    return _cases(word, lang)[0] == "NPRO" or "Apro" in _likeliest(word, lang)


def _possessive_determiner(word: str, lang: str, pronoun_inside: bool) -> bool:
    """A possessive before a noun: "his", «свою», «їхніх»; one that is also an object pronoun ("her", «его», «її»:
    «называли [ее] главой»), or a demonstrative ("those", «ці»), only where the source phrase has a pronoun of its
    own (`pronoun_inside`)."""
    word = word.lower()
    if word in _OBJECTS_TOO or word in _DEMONSTRATIVES:
        return pronoun_inside
    if lang == "en":
        return word in _ENGLISH_POSSESSIVES
    parses = parse(word, lang)
    return bool(parses) and parses[0].tag.POS in ("ADJF", "NPRO") and parses[0].normal_form in _POSSESSIVE_LEMMAS


_ENGLISH_POSSESSIVES = frozenset("my your his its our their".split())
_OBJECTS_TOO = frozenset("her його її їх его её ее их".split())
# a demonstrative, where the source phrase has one too ("[those] people" for «ці люди»); not one that is also a
# conjunction or an adverb ("that", «та», «тому», «то»)
_DEMONSTRATIVES = frozenset("this these those цей ця ці цього цієї цих цьому цим цими этот эта эти этого этой этих "
                            "этому этим этими такие таких".split())
_POSSESSIVE_LEMMAS = frozenset("мій твій свій наш ваш їхній мой твой свой".split())
_DEMONYM_ENDINGS = ("ian", "an", "ese", "ish", "i")
_ENGLISH_PRONOUNS = frozenset("i me my we us our you your he him his she her it its they them their this these that "
                              "those".split())


def _grammar(word: str, lang: str) -> bool:
    return lang == "en" and word.lower() in _ENGLISH_GRAMMAR


def _english_head(target, hits, breaks, last: int, budget: int, inside: list[str], src_lang: str,
                  named: set = frozenset(), missing: list[str] = ()) -> tuple[int, int]:
    """English puts the head noun after its modifiers: where the run ends on the translation of an adjective or a
    genitive, or the head noun of the source is the word missing, the free word after it is the head ("[School]
    officials" for «Керівництво школи», "[social] psychologist", "Shakhtar [supporters]" for «Вболівальники
    «Шахтаря»»), unless it is a function word, a verb in -ed or an adverb. A name, or a kind a translation adds
    («Компанія Marden»: "Marden includes"), is no head to look for."""
    if not budget or last + 1 >= len(target) or breaks[last + 1] or hits[last + 1] != set() \
            or not target[last + 1][2].islower() or not _english_modifier(target[last + 1][2]):
        return last, budget
    pos_cases = [_cases(inside[k], src_lang) for k in hits[last] if inside[k].islower()]  # not a name
    number = any((inside[k][:1].isdigit() or _number_word(inside[k])) and k not in named for k in hits[last])
    # "5 [haters]"; "Iranian [officials]" for «Власти Ирана», a people's adjective for a country's name
    demonym = target[last][2].endswith(_DEMONYM_ENDINGS) and any(
        inside[k][:1].isupper() and "gent" in _cases(inside[k], src_lang)[1] for k in hits[last])
    head = next((w for w in inside if _cases(w, src_lang)[0] == "NOUN"), None)  # «Рятувальники ДСНС»
    # not a verb in -s after a singular head: "Prytula [raises]" for «Блогер Притула»
    head_missing = head in missing and not _named(head, src_lang) and not _kind(head, src_lang) \
        and not (target[last + 1][2].endswith("s") and not any("plur" in p.tag for p in parse(head, src_lang)))
    if number or demonym or head_missing or any(pos == "ADJF" or pos == "NOUN" and "gent" in cases
                                                for pos, cases in pos_cases):
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
    "[persecuted] social groups" for «переслідуваних соціальних груп»), nor an -ing word after a verb that takes
    one ("start [admitting] patients"; but "charged [leading] opposition blogger", "[Striking] teachers")."""
    word = target[first][2].lower()
    if word[:1].isdigit() or _number_word(word) or word in _PRONOUN_HEADS or word == "those":
        return first, last  # nothing qualifies a number or a pronoun from before: "[caught] three men", "[advising]
        # everyone over 65"
    while budget and first > 0 and not breaks[first] and hits[first - 1] == set() and _english_modifier(
            target[first - 1][2], participle and _after_determiner(target, breaks, first - 1)):
        if target[first - 1][2].lower().endswith("ing") and first > 1 and not breaks[first - 1] \
                and target[first - 2][2].lower() in _TAKING_ING:
            break
        if first > 1 and target[first - 2][2].lower() in _BARE_VERB_BEFORE:
            break  # a verb: "will [reimburse] processors of fruit"
        first, budget = first - 1, budget - 1
    return first, last


_TAKING_ING = frozenset("start starts started begin begins began begun stop stops stopped keep keeps kept continue "
                        "continues continued resume resumes resumed finish finishes finished".split())  # a verb's -ing
_BARE_VERB_BEFORE = frozenset("will would can could should may might must shall".split())
_PRONOUN_HEADS = frozenset("anyone anybody someone somebody everyone everybody whoever".split())


def _pronoun_head(inside: list[str]) -> bool:
    """The English phrase is headed by a pronoun: "anyone with …", "someone opposed to …", and "those" where a
    preposition or a participle follows it ("those in the industry", "those living abroad"; not "those tickets")."""
    first, second = inside[0].lower(), inside[1].lower()
    return first in _PRONOUN_HEADS or first == "those" and (second in _ENGLISH_GRAMMAR
                                                           or second.endswith(("ed", "ing")))


def _after_determiner(target, breaks, j: int) -> bool:
    """Target word j starts the sentence, or follows an article, a preposition or a possessive: where an -ed word
    is an adjective ("the [persecuted] groups"), not a verb ("they reminded residents", "have visited people")."""
    return j == 0 or target[j - 1][2].lower() in _DETERMINER_SLOT


_DETERMINER_SLOT = frozenset("a an the of for to with by from in on at and or his her their our my your its".split())


def _english_modifier(word: str, participle: bool = False) -> bool:
    return not (word[0].isdigit() or _calendar(word) or _english_function_word(word)
                or word.lower().endswith("ed") and not participle)


def _kind_of_body(target, hits, breaks, first: int, last: int) -> int:
    """English says what kind of body a name is, before it, where Ukrainian and Russian give the name alone or with
    a short type («АТ», «НАК»): "[state railway operator] Ukrzaliznytsia", "Ukraine's [state energy company]
    Naftogaz". Free words before a name of capitalised words come with it when the last of them names a kind of body,
    up to three modifiers before it; not a function word, a determiner, a verb or an adverb."""
    if first == 0 or breaks[first] or hits[first - 1] != set() or target[first - 1][2] not in _BODY_KINDS \
            or not all(target[k][2][:1].isupper() for k in range(first, last + 1)):
        return first
    start = first - 1
    while start > 0 and first - start < 4 and not breaks[start] and hits[start - 1] == set():
        word = target[start - 1][2]
        if not word.islower() or word in _ENGLISH_GRAMMAR or word in _DETERMINER_SLOT or word in _ENGLISH_VERBS \
                or word.endswith(("ly", "ed")):
            break
        start -= 1
    return start


_BODY_KINDS = frozenset("company operator charity utility firm group agency producer maker carrier airline bank "
                        "giant provider organisation organization broadcaster manufacturer retailer supplier insurer "
                        "lender monopoly holding conglomerate union association foundation network chain regulator "
                        "watchdog railway parliament".split())


def _country_before(target, hits, breaks, first: int, last: int) -> int:
    """English names a body with its country's possessive where Ukrainian and Russian need none ("[Ukraine's]
    General Staff" for «Генштаб»): a possessive of a country before the run that matches no word of the phrase, or
    only words the run matches too ("Ukraine's" for the «Укр» of «Укренерго»), comes with it (even where it matches one
    outside: «українських» [полонених]). So does a country's adjective that matches nothing, which the translator adds
    ("[Belarusian] carrier Belavia", "[German] Bundestag")."""
    if first == 0 or breaks[first]:
        return first
    run = set().union(*(hits[k] or () for k in range(first, last + 1)))
    word = target[first - 1][2]
    if word.endswith(("'s", "’s")) and (not hits[first - 1] or hits[first - 1] <= run) \
            and glossary.place(word[:-2], "en"):
        return first - 1
    if hits[first - 1] == set() and word[:1].isupper() and glossary.place(word, "en"):
        return first - 1
    return first


def _compound_head(target, hits, breaks, last: int, inside: list[str]) -> int:
    """English puts a noun before its head ("fire [brigade]", "Emergency [workers]", "Lviv [warehouse]", "thesis
    [supervisor]", "Kharkiv [residents]" for «харків'ян»): where the run ends on a common word, a place or a word
    translating a common one, not a possessive (but "mayor's [office]" for «мерії»), the free content word after it is
    the head when a verb, a relative pronoun or punctuation follows it (not "the ministry [plans] to"); not a word
    without "s" after a plural, which is its verb ("biologists [rescue] a bear"), nor an adverb ("[yet]")."""
    j = last + 1
    word = target[last][2]
    possessive = word.endswith(("'s", "’s"))  # takes "office" only, whatever follows ("prosecutor's [office] reports")
    if j >= len(target) or breaks[j] or hits[j] != set() or possessive and target[j][2] != "office" \
            or word[:1].isupper() and not (glossary.meanings(word, "en", grammar=False) or glossary.place(word, "en")
                                           or any(inside[k].islower() for k in hits[last] or ())):
        return last
    if possessive:
        return j
    head = target[j][2]
    if not head.isalpha() and "-" not in head or not head.islower() or not _english_modifier(head) \
            or head.endswith("ly") or head in _NO_HEADS:
        return last
    if word.endswith("s") and not word.endswith(("ss", "is", "us")) and not head.endswith("s"):
        return last
    if j + 1 == len(target) or breaks[j + 1]:
        return j
    after = target[j + 1][2].lower()
    verb = after in _ENGLISH_VERBS or after.endswith("ed") or after in _AFTER_HEADS
    return j if verb else last


_AFTER_HEADS = frozenset("who can cannot will would could should spent went got".split())
_NO_HEADS = frozenset("yet first soon so alive too again even still".split())


def _rest_of_name(target, hits, breaks, last: int, missing: list[str]) -> int:
    """An English name in Title Case is one whole: a run that ends inside one ends where the name does ("European
    Court of Human [Rights]", "State Bureau [of Investigation]"), through "of", "for", "on" and "the" between its
    words, where the name cannot end yet: words of the phrase are still missing or match in the rest, or the run
    ends on an adjective or a possessive ("Ukrainian Hydrometeorological [Center]", "Prosecutor's [Office]"). Only
    where the rest ends on a common word, as a body's name does ("Kyiv [Polytechnic Institute]") and a person's does
    not ("Mayor [Vitali Klitschko]"); the caller leaves out Title Case headlines."""
    end, j = last, last + 1
    if not target[last][2][:1].isupper():
        return last
    while j < len(target) and not breaks[j]:
        word = target[j][2]
        if word in _NAME_LINKS:
            j += 1
            continue
        if not word[:1].isupper() or _english_function_word(word) or _calendar(word):
            break
        end, j = j, j + 1
    if end > last and not glossary.meanings(target[end][2], "en", grammar=False):
        return last
    unfinished = missing or any(hits[last + 1:end + 1]) or target[last][2].endswith(_UNFINISHED)
    return end if unfinished else last


_UNFINISHED = ("'s", "’s", "al", "an", "ic", "ch", "sh", "ese")  # a possessive or an adjective ("Czech [Republic]")
_NAME_LINKS = frozenset("of for on the and".split())
_HONORIFICS = frozenset("Mr Mrs Ms Dr Mr. Mrs. Ms. Dr.".split())


def _english_function_word(word: str) -> bool:
    """A function word, or an adverb in -ly of seven letters or more ("Reportedly"; not "elderly", nor the short
    names Kelly, Emily, Reilly)."""
    if word in _LOWER_PREPOSITIONS:
        return True
    word = word.lower()
    adverb = word.endswith("ly") and len(word) > 6 and word not in _LY_NOT_ADVERBS
    return word in _ENGLISH_FUNCTION_WORDS or adverb


_LY_NOT_ADVERBS = frozenset("assembly monopoly anomaly monthly quarterly elderly friendly".split())
_ENGLISH_GRAMMAR = frozenset("a an the of for in on at to from by with and or nor as".split())  # no word of its own

_ENGLISH_VERBS = frozenset(
    "is are was were be been has have had do does did will would could should may might must can said says say "
    "told tells added adds according found find finds speaks spoke calls claims warns urges vows slams denies accuses "
    "complain complains announces reveals insists admits confirms deny warn urge accuse reveal insist admit confirm "
    "rejects reject condemns condemn defends defend want wants need needs get gets got make makes take takes took "
    "give gives gave see sees saw know knows knew believe believes expect expects ask asks kept came went made began "
    "ran held brought thought became sent spent won sold bought fought flew sought stood taught threw wrote helped "
    "helps stole struck heard met fell drove grew chose sat put rose withdrew swore sank shook hid froze dug lent "
    "woke".split())  # not "think tank", "paid leave", "lost bag"
_ENGLISH_FUNCTION_WORDS = _ENGLISH_VERBS | frozenset(
    "a an the of for in on at to from by with and or but nor as that which who whom whose this these those his her "
    "its their our my your he she it they we i you him them us me being not no also after before when while than "
    "then some many most more all any each every other such there here where never one two three four five six seven "
    "eight nine ten only just yesterday today tomorrow including during following regarding concerning "
    "excluding over about around nearly almost approximately roughly against into through like out off up".split())
# prepositions that end a phrase as written in lower case ("under Poland's government"; but "Under Secretary")
_LOWER_PREPOSITIONS = frozenset("under between among across within without towards toward upon onto via despite since "
                                "until amid behind beyond".split())
