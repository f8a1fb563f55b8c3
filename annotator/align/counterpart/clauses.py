"""Claims and relative clauses: a claim is found as a clause, verbs and all, to its edges; a phrase ending in a
relative clause takes the translation's clause whole.
"""

import re

from annotator.align.counterpart.english import _ENGLISH_GRAMMAR, _ENGLISH_VERBS
from annotator.align.counterpart.grammar import _cases, _preposition
from annotator.align.counterpart.runs import _CONJUNCTIONS, GAP, Match, _breaks


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
_CYRILLIC_RELATIVES = frozenset("який яка яке які якого якої яких якому якій яким якими яку котрий котра котрі котру "
                                "который которую которая которое которые которого которой которых которому которым "
                                "котором которыми чий чия чиє чиї чию чийого чиєї чиїх чиєму чиїй чиїм чиїми чей чья "
                                "чьё чье чьи чью чьего чьей чьих чьему чьим чьими".split())
_RELATIVES = _CYRILLIC_RELATIVES | {"who", "which", "that", "whose", "whom", "where"}
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
                     coordinated: bool, nested: int, head_found: bool, clause_words: set) -> tuple[int, int] | None:
    """The run grown to the Ukrainian or Russian relative clause that starts after a comma inside it, right after it
    or before it with no punctuation between («фракції, [які] виступають проти … тарифів на [проїзд]», "fares"
    matching both; «семьям, [чьи] дома в [Салтовском]», «дома» matching outside too; then with the word it hangs on: a
    word of the phrase, a noun, «ті», «всех»): to the next punctuation — or across the commas of `nested` clauses of
    its own («жінкою, яка …») — a word matching outside the phrase where none of the source clause's `clause_words`
    follows it («які [досліджують] хвороби пшениці», where «досліджують» is also the Research Council's), or a
    conjunction unless the source clause has one ("who said hello": not «который поздоровался [и поздоровался в
    ответ]»)."""
    pronoun = next((j for j in range(1, min(last + 3, len(target))) if _opens_relative(window, target, j, lang)
                    and (j <= last + 1 or hits[last + 1] == set())  # «родини [тих], хто»
                    and (j >= first or not head_found
                         and all(not breaks[m + 1] for m in range(j, first)))), None)
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
    while last + 1 < len(target) and (hits[last + 1] is not None
                                      or _found_later(target, hits, breaks, last + 1, clause_words)):
        if breaks[last + 1]:
            if not (nested and _opens_relative(window, target, last + 1, lang)):
                break
            nested -= 1
        elif target[last + 1][2].lower() in _CONJUNCTIONS and not coordinated:
            break
        last += 1
    while last > max(pronoun, end) and last + 1 < len(target) and not breaks[last + 1] \
            and _preposition(target[last][2], lang):  # «на магазин [у]» before a word that matches outside
        last -= 1
    return (first, last) if last > pronoun else None  # a pronoun alone is another clause («Іваненка, [якого]»)


def _english_relative_clause(window: str, target, hits, breaks, first: int, last: int, head_found: bool,
                             clause_words: set) -> tuple[int, int] | None:
    """The run grown to the English relative clause ("who", "that", "which", "who's") inside it, right after it (or
    after one free word: "My [manager], who …") or before it with no punctuation between ("[whose son has been]
    missing", "son" matching too; then with the word it hangs on, where no comma sets the clause off), up to the
    clause's last word that matches a word of the source clause, before any punctuation:
    English has no comma to end it. A word of the clause found again does not carry it on."""
    pronoun = next((j for j in range(1, min(last + 2 + GAP, len(target)))
                    if _SHORT_IS.sub("", target[j][2]) in _ENGLISH_RELATIVES
                    and all(hits[m] == set() and not breaks[m] and not _verb_like(target[m][2])
                            for m in range(last + 1, j))  # "My [manager] who"; not "plant reported that"
                    and (j >= first or not head_found
                         and all(hits[m] is not None and not _breaks(window[target[m][1]:target[m + 1][0]])
                                 for m in range(j, first)))), None)
    if pronoun is None:
        return None
    end, limit, verb, seen = None, pronoun, False, set()
    for j in range(pronoun + 1, len(target)):
        if breaks[j] and _breaks(window[target[j - 1][1]:target[j][0]]) \
                or hits[j] is None and (verb or not _found_later(target, hits, breaks, j, clause_words - seen)):
            break  # punctuation ends the clause; a verb only where no evidence follows ("who has never used Excel")
        verb = verb or breaks[j] and _main_verb(target, j)  # not "declined to [be named]"
        limit = limit if verb else j
        if hits[j] and hits[j] & clause_words and (not hits[j] & clause_words <= seen or end == j - 1):
            end = j  # only for clause words not found yet ("who stole my phone [still has my phone]"), or right
            # after the last one, as English writes one word in two («атаки дронів»: "drone attack")
        seen |= (hits[j] or set()) & clause_words
    missing = len(clause_words - seen) - (min(clause_words) not in seen)  # the source clause's words no English
    # word matched, its pronoun aside (a participle that opens it is matched: «[попросивший] не называть его имени»)
    if end is not None and missing > 0:
        subject = target[pronoun][2].lower() in ("whose", "where") or target[pronoun + 1][2].lower() in _SUBJECTS
        verb_due = subject and not any(_verb_like(target[m][2]) for m in range(pronoun + 1, end + 1))
        end = _rest_of_clause(window, target, hits, end, round(missing * ENGLISH_LENGTH), verb_due)
    if end is None:  # no evidence: as many words as the source clause, English being a little longer
        end = min(limit, pronoun + round(len(clause_words) * ENGLISH_LENGTH) - 1)
        while end > pronoun and target[end][2].lower() in _ENGLISH_GRAMMAR:  # not "by the", but "perpetuate it"
            end -= 1
        if end == pronoun:
            return None
    first = min(first, pronoun)  # "[whose son has been] missing since …"
    if pronoun <= first and not breaks[pronoun] and hits[pronoun - 1] is not None:
        first = pronoun - 1  # and back to the phrase's words before it, across free words, not punctuation or verbs
        for k in range(pronoun - 2, max(pronoun - 8, -1), -1):  # ("[27 pharmacies in the Kyiv] region that")
            if hits[k] is None or breaks[k + 1]:
                break
            if hits[k]:
                first = k
    return first, max(last, end)


def _found_later(target, hits, breaks, j: int, words: set) -> bool:
    """Some word after target word j, before punctuation or a verb, matches one of the clause's `words` not found
    yet: a word that translates something outside the clause does not end it then ("who lost their [homes] in the
    missile strike", where "homes" is also the houses they will get)."""
    for m in range(j + 1, len(target)):
        if breaks[m]:
            return False
        if hits[m] and hits[m] & words:
            return True
    return False


def _rest_of_clause(window: str, target, hits, end: int, more: int, verb_due: bool = False) -> int:
    """The English clause goes on after its last evidence over `more` free words at most (the source clause's words
    no English word matched), where it then visibly ends: at punctuation, the end of the sentence or the main verb
    ("who asked [not to be named] said"; a verb after "to" or "not" is the clause's own, and so is the first verb of
    a clause that is `verb_due`: its subject found, its verb not yet). An object pronoun may end it ("who drafted
    [it]"), a grammar word or an adverb of the main verb not ("in the", "still has")."""
    j = end + 1
    while j < len(target) and hits[j] == set() and not _breaks(window[target[j - 1][1]:target[j][0]]):
        if verb_due and _main_verb(target, j):
            verb_due = False  # the clause's own verb, after its subject ("whose fields [are] still mined")
        elif target[j][2].lower() in _ENGLISH_GRAMMAR - {"and", "or", "nor"}:
            pass  # a word of grammar is English's own («після кількаденних злив»: "after days [of] heavy rain")
        elif more and not _main_verb(target, j):
            more -= 1
        else:
            break
        j += 1
    if j < len(target) and not _breaks(window[target[j - 1][1]:target[j][0]]) and not _main_verb(target, j):
        return end  # no visible end: the main clause may have begun ("who handled my return [actually read]")
    last = j - 1
    while last > end and (target[last][2].lower() in _ENGLISH_GRAMMAR - _OBJECTS | _BEFORE_VERBS
                          or target[last][2].endswith("ly") and _main_verb(target, last + 1)):
        last -= 1  # nor an adverb of the main verb ("who stole my bike [still] has")
    return last


def _verb_like(word: str) -> bool:
    """An English verb, matched or not ("whose homes [were] destroyed"), or a word in -ed."""
    return word.lower() in _ENGLISH_VERBS or word.endswith("ed")


def _main_verb(target, j: int) -> bool:
    """Target word j is an English verb that is no infinitive ("to be") nor negated ("not be"): the main clause's."""
    return j < len(target) and target[j][2].lower() in _ENGLISH_VERBS and target[j - 1][2].lower() not in ("to", "not")


_ENGLISH_RELATIVES = frozenset("who whom whose which that where".split())
_OBJECTS = frozenset("it them him her me us you".split())
_SUBJECTS = frozenset("i we you they he she it".split())  # of a clause: "that [we] sell"
_BEFORE_VERBS = frozenset("still never also already just now then always often later soon ever "
                          "himself herself itself themselves myself yourself ourselves".split())  # "[himself] went"
_SHORT_IS = re.compile(r"['’ʼ]s$")  # "who's"
ENGLISH_LENGTH = 1.15  # English words per Ukrainian or Russian word in the dev sets (34,037 / 29,846 and 30,832)


def _opens_relative(window: str, target, j: int, lang: str) -> bool:
    """Target word j is a Ukrainian or Russian relative pronoun after a comma («, хто», «, которые», «, де»), the
    preposition before one («, у кого», «, на котором»), the noun before a genitive one («, станції якого»: "whose
    plants"), or a Russian participle, which opens a clause as a relative pronoun does («посетителей,
    забронировавших экскурсии»)."""
    if window[target[j - 1][1]:target[j][0]].strip(" »”\"") != ",":  # a quoted name may end before it
        return False
    word = target[j][2].lower()
    after = target[j + 1][2].lower() if j + 1 < len(target) else ""
    pronoun = word in _CYRILLIC_WHO or word in ("де", "где")
    preposition = word in _RELATIVE_PREPOSITIONS and after in _CYRILLIC_WHO  # «, у кого», «, на котором»
    whose = after in _WHOSE and _cases(word, lang)[0] == "NOUN"  # «, станції якого»
    participle = lang == "ru" and _cases(word, lang)[0] == "PRTF"  # «, забронировавших»
    return pronoun or preposition or whose or participle


_WHOSE = frozenset("якого якої яких которого которой которых".split())  # after its noun: «станції [якого]»
_RELATIVE_PREPOSITIONS = frozenset("у в на з із зі до від для про за під над при по без через серед між проти після "
                                   "перед біля завдяки замість с со из от о об к под среди между против после возле "
                                   "благодаря вместо".split())


_CYRILLIC_WHO = _CYRILLIC_RELATIVES | frozenset("хто кого кому ким кім кто кем ком".split())
_ANY_RELATIVE = _CYRILLIC_WHO | _RELATIVES  # of any of the three languages
# the pronouns a relative clause hangs on where the translation has no noun («ті, хто …», «все, кому …»)
_ANTECEDENTS = frozenset("ті тих тим тими той того тому тієї та те усі всі усіх всіх усім всім кожен кожного кожному "
                         "тот того тому тем те тех теми та той все всех всем каждый каждого каждому будь-хто будь-кого "
                         "будь-кому любой любого любому любые любых".split())


def _same_clause(window: str, target, hits, breaks, j: int, k: int, brackets: bool = False) -> bool:
    """Target words j and k (j before k) are apart by free words and commas only, nothing else that ends a phrase
    (other punctuation; an English verb or an English `_subject`, unless a relative clause starts after j: "who was
    stabbed"); quote marks do not: they mostly hold a name («пункт пропуску «Дорогуськ»»); nor do brackets, for a
    phrase with `brackets` of its own ("International Monetary Fund (IMF) [mission]")."""
    relative = j + 1 < k and target[j + 1][2].lower() in _RELATIVES
    allowed = ",()" if brackets else ","
    between = _INITIAL.sub("", window[target[j][0]:target[k][0]])  # an initial's point: «Павла К., який»
    return j < k and not (_CLAUSE_END_OUTSIDE if brackets else _CLAUSE_END).search(between) \
        and all(hits[m] == set() and (relative or not _subject(target, breaks, m)) for m in range(j + 1, k)) \
        and (relative or all(any(c in window[target[m - 1][1]:target[m][0]] for c in allowed)
                             for m in range(j + 1, k + 1) if breaks[m]))


def _clause_word(word: str, lang: str) -> bool:
    """A relative pronoun or a participle: the phrase has a clause of its own ("body overseeing the vote"; not
    "Institute of Electric Welding")."""
    if lang == "en":
        return word.lower() in _RELATIVES or len(word) > 4 and word.endswith(("ing", "ed")) and word.islower()
    return word.lower() in _RELATIVES or _cases(word, lang)[0] == "PRTF"


def _subject(target, breaks, m: int) -> bool:
    """Target word m is an English pronoun before a word in lower case: the subject of a clause of its own ("Prime
    Capital Bank, a small Kyiv lender, [insolvent after it failed to meet] capital"; not "who authenticated it,
    Marieke van Dam")."""
    return target[m][2] in _SUBJECTS and m + 1 < len(target) and not breaks[m + 1] and target[m + 1][2].islower()


_SUBJECTS = frozenset("he she it we they".split())
_CLAUSE_END = re.compile(r"[;:()—–.!?]")
_CLAUSE_END_OUTSIDE = re.compile(r"[;:—–.!?]")
_INITIAL = re.compile(r"(?<=\b[A-ZА-ЯЁІЇЄҐ])\.")
