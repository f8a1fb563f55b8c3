"""The counterpart of a phrase: the run of target words that matches most of it, grown to the edges that grammar,
names, brackets and quote marks give it; and what two linked phrases teach a lexicon.
"""

import re
from typing import NamedTuple

from annotator.align import glossary, lexicon
from annotator.align.counterpart.clauses import (
    _ANY_RELATIVE,
    _CYRILLIC_RELATIVES,
    _CYRILLIC_WHO,
    _RELATIVES,
    _claim,
    _clause_word,
    _english_relative_clause,
    _relative_clause,
    _same_clause,
)
from annotator.align.counterpart.english import (
    _BARE_VERB_BEFORE,
    _BODY_KINDS,
    _ENGLISH_GRAMMAR,
    _ENGLISH_VERBS,
    _HONORIFICS,
    _OBJECTS_TOO,
    _compound_head,
    _country_before,
    _english_complement,
    _english_function_word,
    _english_head,
    _english_modifiers,
    _grammar,
    _kind_of_body,
    _possessive_determiner,
    _pronoun,
    _pronoun_head,
    _rest_of_name,
)
from annotator.align.counterpart.grammar import (
    _adjectival,
    _calendar,
    _cases,
    _complement_length,
    _forms,
    _free,
    _genitive,
    _heads,
    _kind,
    _likeliest,
    _name_before,
    _named,
    _noun_after,
    _number_word,
    _ordinal_value,
    _outside_governed,
    _preposition,
    _qualifies,
    _staff,
    _titled_across,
)
from annotator.align.counterpart.runs import (
    _CONJUNCTIONS,
    GAP,
    Match,
    _apposed,
    _big_seven,
    _breaks,
    _counted_with,
    _in_number,
    _joined,
    _joins,
    _pairs,
    _runs,
    _sandwiched,
    _title_case,
    _tokens,
    _trimmed,
    _whole_latin_name,
)
from annotator.align.counterpart.unmatched import _only_free_noun
from annotator.align.counterpart.words import _POSSESSIVE, _POSSESSIVE_INSIDE, _abbreviation, _similar, _similar_word
from annotator.morphology import PEOPLE, parse


class Leftover(NamedTuple):
    """A Match that is a guess: the one word of the window that no word of the sentence accounts for."""

    start: int
    end: int


def counterpart(
    sentence: str, start: int, end: int, window: str, src_lang: str, tgt_lang: str, lexicons: dict | None = None,
    clause: bool = False, guess: bool = False,
) -> Match | Leftover | None:
    """The [start, end) in `window` of the translation of sentence[start:end], or None without evidence. A
    `clause` (a claim or a position, not an actor) is found as one (`_claim`): verbs and all, to its edges. With
    `guess`, a phrase without evidence gets the one noun of the window that no word of the sentence accounts for,
    where every other noun of the sentence has its match (`unmatched._only_free_noun`; "rider" as «кур'єр»), with
    the possessive before it: a Leftover."""
    if lexicons is None:
        lexicons = lexicon.packaged()
    pair = lexicons.get((src_lang, tgt_lang))
    entries = pair.forward if pair else {}
    langs = (src_lang, tgt_lang)
    inside, compounds, outside = _phrase_words(sentence, start, end, src_lang, clause)
    if not inside:
        return None
    as_names = _quoted_names(sentence[start:end], inside) if tgt_lang == "en" and src_lang != "en" else inside
    target, hits, breaks = _matched(window, as_names, compounds, outside, entries, langs, clause)
    if clause:  # a word that also matches the rest of the sentence tells nothing ("Ukraine's ministry said Ukraine …")
        shared = [bool(h) and any(_similar(w, f, entries, langs) for w in outside for f in _forms(word, tgt_lang))
                  for h, (_s, _e, word) in zip(hits, target, strict=True)]
        return _claim(window, target, hits, breaks, shared, sentence[start:end])
    # a coordinated phrase repeats its head in the translation («Міністр і заступник міністра», «Представители
    # города и представители области»): only a number is trimmed from it
    coordinated = any(w.lower() in _CONJUNCTIONS for w in inside)
    trimmable = {k for k, w in enumerate(inside) if w[:1].isdigit() or _number_word(w)} \
        if coordinated else set(range(len(inside)))
    hits = _deeds_unmatched(target, hits, tgt_lang, inside, src_lang)
    place = (start / max(len(sentence), 1)) * len(window)  # where the phrase would stand in the window
    hits = _extra_copies(target, hits, outside, entries, langs, place)
    verbs = _free_verbs(target, hits, tgt_lang, inside, src_lang)
    glue = [tgt_lang == "en" and w == "of" for _s, _e, w in target]
    runs = [_trimmed(run, hits, trimmable, glue) for run in _joined(_runs(hits, breaks, verbs), target, hits, breaks,
                                                                    tgt_lang, coordinated)]
    if not runs:
        return _leftover(window, target, hits, breaks, inside, (sentence, start, end), entries, langs) \
            if guess else None
    person = _closing_person(inside, src_lang)  # the person a phrase names last is its head: «Ректор Казанського
    # федерального університету Рустам Гафуров» is "[rector Rustam Gafurov] of Kazan Federal University"
    first, last, covered = max(runs, key=lambda r: (bool(person & r[2]), len(r[2]), -abs(target[r[0]][0] - place)))
    # A short name in brackets that matches the whole phrase comes with the long name before it: «Служба безпеки
    # України (СБУ)» for "Security Service of Ukraine (SBU)".
    long_name = next((r for r in runs if r[1] < first and _bracketed(window, target, first, last)
                      and _opens_bracket(window, target, hits, r[1], first)), None)
    if long_name:
        first, covered = long_name[0], covered | long_name[2]
        closing = window.index(")", target[last][1]) + 1
    # An apposition joins its name across a comma when each side matches other words of the phrase, with at
    # most GAP free words after the comma: «Дэвид Браун, [начальник] полиции Чикаго» for "Chicago Police
    # superintendent David Brown".
    # A phrase with a list or a clause in it ("criminals, spies and novices", "family of a teenager who was …")
    # goes on across commas, to the runs before and after it that match its other words: «Сім'я підлітка, якому … в
    # Бірмінгемі», "[My accountant], who has never opened Excel".
    apposition = bool(_APPOSITION.search(sentence[start:end]))  # which the translation may set off with a dash
    clause = any(_clause_word(w, src_lang) and not _attributive(inside, k, src_lang)
                 for k, w in enumerate(inside) if k)
    clausal = apposition or len(inside) >= 5 or clause
    bracket_inside = bool(_BRACKET_INSIDE.search(sentence[start:end]))  # "Fund (IMF) mission": runs join across it
    for other_first, other_last, other in sorted(runs):  # either may also match a word of the other: a name's
        # «Ферма-Дрон» and "drones"; each needs one of its own
        if _adds(window, target, hits, verbs, inside, covered, (first, last), (other_first, other_last, other)) \
                and (_apposed(window, target, hits, breaks, last, other_first, apposition)
                     or clausal and _same_clause(window, target, hits, breaks, last, other_first, bracket_inside)
                     and (clause or not _verb_between(window, target, verbs, last, other_first))):
            last, covered = other_last, covered | other
    join = (window, target, hits, breaks, verbs, inside, runs, apposition, clausal, bracket_inside, tgt_lang == "en")
    first, covered = _joined_before(*join, first, last, covered)
    # A phrase with brackets ("… Illness (NAMI)", "Black Lives Matter (BLM) movement") takes the bracket after the
    # run that holds its other words, once the run has grown to reach it; so does a phrase whose short name the
    # translation puts in brackets ("space agency JAXA": «агентство аерокосмічних досліджень (JAXA)»), where the
    # bracket restates the phrase and covers none of its words; and a bracket right after the run that restates it
    # ("State Emergency Service (DSNS)" for «ДСНС»), even with words the run lacks ("Defence Intelligence (HUR)" for
    # «Головне управління розвідки»).
    bracket = next((r for r in runs if r[0] > last and (covered.isdisjoint(r[2]) or ")" in sentence[start:end]
                                                        or _opens_bracket(window, target, hits, last, r[0]))
                    and _bracketed(window, target, r[0], r[1])), None) if "(" in window else None
    if bracket and ")" in sentence[start:end]:
        covered = covered | bracket[2]
    first, last, covered = _relative(window, target, hits, breaks, first, last, covered, inside, langs)
    first, covered = _joined_before(*join, first, last, covered)  # a head the clause has reached: "[Klaus Reinhardt],
    # a 58-year-old welder who has worked …", «[бывшего инспектора] по охране труда завода, который»
    # The phrase words no run covered: names beside the run first (Джордж for George, Великої Британії for UK),
    # then complements after it and heads before it, one per missing word.
    covered = covered | _counted_with(compounds, inside, covered)
    lost = [k for k, w in enumerate(inside) if k not in covered and (len(w) >= lexicon.MIN_WORD or w.isupper()
                                                                     or len(w) > 1 and as_names[k][:1].isupper())
            and not _grammar(w, src_lang)]  # "and", "for": nothing to look for; a short name is («Холодний Яр»)
    missing = [inside[k] for k in lost]
    budget = 2 * sum(1 for k in lost if as_names[k][:1].isupper())  # a quoted name's words too («путь»: "Shliakh")
    first, last, budget = _names_beside(target, hits, breaks, first, last, budget, missing, tgt_lang)
    last = _place_after(target, hits, breaks, last, inside, covered)
    if tgt_lang == "en":  # a compound is two English words: «агрохолдинг», "agricultural holding"
        budget += sum(1 for w in missing if _COMPOUND.match(w.lower()))
    last, budget = _after_run(window, target, hits, breaks, last, budget, missing, tgt_lang)
    # a possessive's head missing ("UNICEF's [office]"), not one inside a phrase whose head was found ("officials of
    # the city administration's land department": not «у [помешканнях] посадовців»)
    possessive = bool(_POSSESSIVE_INSIDE.search(sentence[start:end])) and _english_head_word(inside) not in covered
    if not (hits[first] and 0 in hits[first] and _quantity(inside[0], src_lang)):  # nothing heads "[about] 2,000
        # workers" from before: not «[простою] близько 2 тисяч працівників»
        first, budget = _heads_before(target, hits, breaks, first, last, budget, tgt_lang, possessive,
                                      any(w.lower() in _ANY_RELATIVE for w in inside))
    if src_lang == "en" and tgt_lang != "en" and _english_head_word(inside) not in covered:  # "diggers" is missing
        first, budget = _head_before_with(target, hits, breaks, first, budget, tgt_lang)
    if tgt_lang == "en":
        # a number after a capitalised word inside the sentence is part of a name ("BBC Radio 4"), not a count
        initial = not sentence[:start].strip()
        named = {k for k in range(1, len(inside)) if inside[k - 1][:1].isupper() and (k > 1 or not initial)}
        if not (hits[last] and hits[last] <= person):  # a person named last ends the phrase: "chief financial
            # officer Dmytro Oliinyk [pending]" for «фінансового директора компанії Дмитра Олійника»
            last, budget = _english_head(target, hits, breaks, last, budget, inside, src_lang, named, missing)
        if any(_cases(w, src_lang)[0] == "NOUN" and "gent" in _cases(w, src_lang)[1] for w in missing if w.islower()):
            last, budget = _english_complement(target, hits, breaks, last, budget)  # only for a genitive missing
        participle = any(_adjectival(w, src_lang) for w in missing if w.islower())  # «слаборозвинені»
        first, last = _english_modifiers(target, hits, breaks, first, last, budget, participle)
        if first > 0 and not breaks[first] and target[first - 1][2] in _HONORIFICS and target[first][2][:1].isupper():
            first -= 1  # English names a person with "Mr" where Ukrainian and Russian need no word («Байден»)
        first = _initials_before(window, target, breaks, first, inside)
        last = _english_after_name(target, hits, breaks, last, inside)
        last = _rest_of_clause(target, hits, breaks, last, inside, src_lang)
        if "," not in sentence[start:end] and not _APPOSED.match(sentence, end):
            last = _added_apposition(window, target, hits, breaks, last)
        last = _apposition_head(window, target, hits, breaks, first, last)
        if not _title_case(target):
            last = _rest_of_name(target, hits, breaks, last, missing)
            last = _compound_head(target, hits, breaks, last, inside)
        first = _kind_of_body(target, hits, breaks, first, last)
        if "," not in sentence[start:end]:
            first = _apposition_before(window, target, hits, breaks, first)
            first = _short_name_before(window, target, hits, breaks, first)
        first = _country_before(target, hits, breaks, first, last)
        head = 1 if len(inside) > 1 and _cases(inside[0], src_lang)[0] == "ADJF" else 0  # «Індивідуальні підприємці»
        if all(w in missing for w in inside[:head + 1]) and (inside[0].islower() or initial) \
                and _cases(inside[head], src_lang)[0] == "NOUN":
            first = _head_of(window, target, hits, breaks, first)
    first, last = _people_of_place(target, hits, breaks, first, last, inside, src_lang, tgt_lang)
    first = _with_possessive(target, hits, breaks, first, tgt_lang, inside, src_lang)
    first = _one_of(target, hits, breaks, first, tgt_lang)
    first, covered = _run_before(runs, breaks, first, covered)
    if first < last and _leading_preposition(target[first][2], tgt_lang) and hits[first] and hits[first + 1] \
            and (min(hits[first]) > max(hits[first + 1]) or hits[first] <= hits[first + 1]) \
            and not _leading_preposition(inside[0], src_lang):
        first += 1  # a preposition matching a later word of the phrase governs it from outside («[против] сторонников
        # оппозиции, которые … в знак протеста против …», where the second «против» is the phrase's), or the word
        # after it matches what it does («[благодаря] благотворительному фонду» for "charity foundation")
    if first > 0 and not breaks[first] and (target[first - 1][2].lower(), target[first][2].lower()) in _ONE_WORD:
        first -= 1  # "[At] least 17 people", «[По] меньшей мере»
    if tgt_lang == "en" and first > 1 and target[first - 1][2] == "of" and target[first - 2][2].lower() in _GROUPS \
            and hits[first - 1] == hits[first - 2] == set() and not breaks[first] and not breaks[first - 1]:
        first -= 2  # English counts people in groups the source does not name: "[group of] nurses" for «Медсестри»
    if first > 0 and not breaks[first] and target[first - 1][2].lower() in ("як", "как") \
            and any(target[m][2].lower() == "так" for m in range(first, last)):
        first -= 1  # «[Як] чоловіки, так і жінки»: "Both men and women"
    if tgt_lang != "en":
        if src_lang != "en":
            first = _out_of_order_start(target, hits, first, last, inside, langs)
        first, last = _whole_latin_name(target, hits, breaks, first, last)
        first = _kind_before(window, target, hits, breaks, first, inside, tgt_lang)
        first = _staff_before(target, hits, breaks, first, tgt_lang)
        first = _we_with(target, breaks, first, inside)
        first = _modifier_before(target, hits, breaks, first, tgt_lang)
        if src_lang == "en" and missing and inside[0] in missing:
            first = _title_across(target, hits, breaks, first, tgt_lang)
        first = _participle_before(window, target, hits, breaks, first, last, tgt_lang)
        last = _noun_of_adjective(target, hits, breaks, last, tgt_lang)
        last = _owner_after(window, target, hits, breaks, last, tgt_lang, inside, src_lang)
        last = _country_after(target, hits, breaks, last, tgt_lang)
    if len(inside) == 1 and _ABBREVIATION.fullmatch(inside[0]):
        first, last = _whole_name(target, hits, breaks, first, last, tgt_lang)
    last = _second_name(target, hits, breaks, last, inside, missing)
    last = _run_after(target, runs, hits, breaks, last, covered, tgt_lang)
    last = _added_name(window, target, hits, breaks, _added_place(target, hits, breaks, last))
    bare = _bare(sentence, start, end)
    short_name = _SHORT_NAME.match(window, target[last][1])
    if short_name and not sentence[start:end].endswith(")") and not all(
            hits[k] == set() for k, (at, _e, _w) in enumerate(target) if short_name.start() < at < short_name.end()):
        short_name = None  # a bracket the source has not, unless nothing in the source names it ("Defence Intelligence
        # [(HUR)]" for «Головне управління розвідки»)
    if long_name:
        pass  # the bracket's closing mark is known already
    elif bracket and _opens_bracket(window, target, hits, last, bracket[0]):
        closing = window.index(")", target[bracket[1]][1]) + 1  # "( МАГАТЕ )": the mark, spaces or not
    elif short_name:  # a short name of each language's own right after the run: «(УВКБ ООН)» for "(UNHCR)", or one
        # the translator adds
        closing = short_name.end()
    else:
        found = _quoted(window, *_without_possessive(window, target[first][0], target[last][1], tgt_lang), bare)
        return _marked(window, *found, sentence[start:end])
    if tgt_lang == "en":
        closing = _head_after_bracket(window, target, hits, breaks, covered, closing, inside)
    return _marked(window, *_quoted(window, target[first][0], closing, bare), sentence[start:end])


def _extra_copies(target, hits, outside: list[str], entries: dict, langs, place: float) -> list:
    """A place the translation names more often than the rest of the sentence does: where more words of the
    translation match the outside words that a place matches than there are such words, the ones nearest the
    phrase's place are free, as the translator's own ("the Labor Department" after "U.S. employers": «Министерство
    труда [США]»; "Justice Department" after "American clients": «американским клиентам … Минюст [США]»)."""
    def named_by(j: int, among) -> frozenset:
        forms = _forms(target[j][2], langs[1])
        return frozenset(k for k in among if any(_similar(outside[k], f, entries, langs) for f in forms))

    names = {j: named_by(j, range(len(outside))) for j, (_s, _e, word) in enumerate(target)
             if hits[j] is None and word[:1].isupper() and glossary.place(word, langs[1])}
    among = sorted(set().union(*names.values()))
    if not among:
        return hits
    words = names | {j: named_by(j, among) for j in range(len(target)) if hits[j] is None and j not in names}
    hits = list(hits)
    for j, sources in names.items():
        rivals = [m for m, other in words.items() if other & sources]
        if len(rivals) > len(sources) and j in sorted(rivals, key=lambda m: abs(target[m][0] - place))[
                :len(rivals) - len(sources)]:
            hits[j] = set()
    return hits


def _people_of_place(target, hits, breaks, first: int, last: int, inside: list[str], src_lang: str,
                     tgt_lang: str) -> tuple[int, int]:
    """A people named after its place in one word («львів'яни», «одесити») is the place with its residents in the
    translation: "Lviv [residents]", «[жители] Львова»."""
    if len(inside) != 1 or src_lang == "en" or first != last or not glossary.place(target[first][2], tgt_lang) \
            or not {"anim", "plur"} <= _likeliest(inside[0], src_lang):
        return first, last
    if tgt_lang == "en" and last + 1 < len(target) and not breaks[last + 1] and hits[last + 1] == set() \
            and target[last + 1][2].lower() in _RESIDENTS:
        return first, last + 1
    if tgt_lang != "en" and first > 0 and not breaks[first] and hits[first - 1] == set() \
            and target[first - 1][2].lower().startswith(_RESIDENTS_START):
        return first - 1, last
    return first, last


_RESIDENTS = frozenset("residents people inhabitants citizens locals".split())
_RESIDENTS_START = ("жител", "житель", "мешкан", "населен")


def _head_of(window: str, target, hits, breaks, first: int) -> int:
    """Into English, the head noun a phrase begins with and no word matched («низку свідків», «представник нашої
    команди», «Пасічники Черкащини») is the free word before "of" (and "the") before the run ("a [number of]
    witnesses", "[member of] our team", "[head of the] capital's …", not "[any of the]"), or up to three free words
    before "in", "from" or "at" (and "the") ("[Beekeepers in the] Cherkasy region", "[Cotton growers in the] Fergana
    Valley"); either after a grammar word, a relative pronoun, punctuation or the sentence's start, and no past
    participle among them ("who [ranged in] age")."""
    link = first - 1 if first >= 1 and target[first - 1][2] == "the" and not breaks[first] else first
    if link < 2 or target[link - 1][2] not in _HEAD_LINKS or breaks[link] or breaks[link - 1] \
            or any(hits[m] != set() for m in range(link - 1, first)) \
            or target[link - 1][2] == "of" and link < first and target[link - 2][2].lower() in _QUANTIFIERS:
        return first  # "[head of the] capital's transport department", not "[any of the] brands"
    head = link - 1
    while head > 0 and not breaks[head] and hits[head - 1] == set() \
            and target[head - 1][2].lower() not in _ENGLISH_GRAMMAR | _RELATIVES:
        head -= 1
    if target[link - 1][2] == "of":  # the one word before it
        head = max(head, link - 2)
    if target[link - 1][2] != "of" and head > 0 and target[head - 1][2].lower() in _BARE_VERB_BEFORE:
        head += 1  # a verb after "will" is no head: its object is ("will reimburse [growers in] Poltava …")
    words = [w for _s, _e, w in target[head:link - 1]]
    if not 1 <= len(words) <= 3 or words[0][:1].isupper() and head > 0 or words[0].lower() in _ENGLISH_GRAMMAR \
            or any(w[:1].isupper() for w in words[1:]) or any(w.endswith("ed") and w.islower() for w in words):
        return first
    return head


_HEAD_LINKS = frozenset(("of", "in", "from", "at"))
_QUANTIFIERS = frozenset("any some all most many none each one both several few half".split())


def _head_after_bracket(window: str, target, hits, breaks, covered: set, closing: int, inside: list[str]) -> int:
    """English puts the head of a name after its short name in brackets ("Black Lives Matter (BLM) [movement]",
    "World Health Organization (WHO) [experts]"): the word right after the bracket that matches phrase words no run
    covered comes with it, and so do the words after it that do, across GAP free words at most ("(SBU) officers [in
    the Kharkiv region]")."""
    after = [j for j, (s, _e, _w) in enumerate(target) if s >= closing]
    if not after or window[closing:target[after[0]][0]].strip():
        return closing
    last, free = None, 0
    for j in after:
        if last is not None and breaks[j] or hits[j] is None or hits[j] and hits[j] <= covered:
            break
        if hits[j]:
            last, free, covered = j, 0, covered | hits[j]
        elif last is None or free == GAP:
            break
        else:
            free += 1
    return closing if last is None else target[_english_after_name(target, hits, breaks, last, inside)][1]


_DASH = re.compile(r"\s*[-–—]\s*")  # between two names of the phrase, a dash joins them (a route, a crossing)
_GROUPS = frozenset("group groups team crowd handful".split())
_ONE_WORD = frozenset({("at", "least"), ("at", "most"), ("по", "меньшей"), ("по", "крайней"), ("не", "менее"),
                       ("не", "менше"), ("не", "более"), ("не", "більше")})  # whose first word is one of grammar
_SHORT_NAME = re.compile(r"\s*\([^()\s,;.]+(?: [^()\s,;.]+)?\)")  # one or two words in brackets
_NUMBER_COMPOUND = re.compile(r"(\d+)-\w")  # «68-річна», «34-летний»
_APPOSED = re.compile(r"[»”\"]?\s*(,|[—–] )")  # the phrase is followed by an apposition of its own, or a clause
_APPOSITION = re.compile(r",| [—–] ")  # "Eurostat, the EU's statistics office", «коаліції охочих» — групи
_BRACKET_INSIDE = re.compile(r"\)[\s,]*\w")  # a bracket the phrase goes on after


_COMPOUND = re.compile("(?:агро|авіа|авиа|енерго|энерго|нафто|нефте|газо|тепло|водо|електро|электро|кібер|кибер)"
                       "[а-яіїєґ]{4}")


def _quoted_names(phrase: str, inside: list[str]) -> list[str]:
    """The phrase's words, those of a name in quote marks capitalised, as English writes them once transliterated
    («Молочний край»: "Molochnyi Krai")."""
    quoted = {w for q in _QUOTED.finditer(phrase) for _s, _e, w in _tokens(q.group(1))}
    return [w[:1].upper() + w[1:] if w in quoted and w.islower() else w for w in inside]


_QUOTED = re.compile(r"[«„“\"]([^«»„“”\"]+)[»“”\"]")


def _title_across(target, hits, breaks, first: int, lang: str) -> int:
    """A person's title an English phrase gives alone ("Speaker Ruslan Stefanchuk", "chief physician Natalya
    Gromova") that the translation gives with its body, which the English sentence names elsewhere: «[Голова
    Верховної Ради] Руслан Стефанчук», «[Головна лікарка обласної дитячої лікарні в Ярославлі] Наталія Громова».
    Before a run that starts on a person's name, the nouns, adjectives and prepositions back to the start of the
    clause, matched or not, from the first animate singular noun agreeing in case with the name (and an adjective
    agreeing with it)."""
    name = target[first][2]
    if not name[:1].isupper() or not any(PEOPLE & p.tag.grammemes for _s, _e, word in target[first:first + 2]
                                         if word[:1].isupper() for p in parse(word, lang)):
        return first  # a first name or the surname after it («Богдан» has no reading as a name)
    chain = first
    while chain > 0 and first - chain < 8 and not breaks[chain] \
            and _cases(target[chain - 1][2], lang)[0] in ("NOUN", "ADJF", "PREP") \
            and not (target[chain - 1][2][:1].isupper() and PEOPLE & _likeliest(target[chain - 1][2], lang)):
        chain -= 1
    if chain == first or chain > 0 and not breaks[chain] and _cases(target[chain - 1][2], lang)[0] in ("NOUN", "ADJF"):
        return first  # not the start of a phrase
    cases = _cases(name, lang)[1]
    if first + 1 < len(target) and target[first + 1][2][:1].isupper() and _cases(target[first + 1][2], lang)[1]:
        cases = cases & _cases(target[first + 1][2], lang)[1]  # «Руаїдрі» may be in any case, «Хіггінса» not
    title = next((j for j in range(chain, first) if any(
        p.tag.POS == "NOUN" and "anim" in p.tag and "plur" not in p.tag and p.tag.case in cases
        for p in parse(target[j][2], lang))), None)
    if title is None:
        return first
    return title - 1 if title > chain and _cases(target[title - 1][2], lang)[0] == "ADJF" \
        and _cases(target[title - 1][2], lang)[1] & _cases(target[title][2], lang)[1] else title


def _second_name(target, hits, breaks, last: int, inside: list[str], missing: list[str]) -> int:
    """A name the phrase joins to the one before it and the run lacks ("Saints Peter [and Paul]", «святих апостолів
    Петра [і Павла]»): the conjunction and the free capitalised word after the run."""
    joined = any(w.lower() in _AND and inside[k + 1] in missing and inside[k + 1][:1].isupper()
                 for k, w in enumerate(inside[:-1]))
    if joined and last + 2 < len(target) and target[last + 1][2].lower() in _AND \
            and target[last + 2][2][:1].isupper() and hits[last + 1] is not None and hits[last + 2] == set() \
            and not breaks[last + 1] and not breaks[last + 2]:
        return last + 2
    return last


def _whole_name(target, hits, breaks, first: int, last: int, lang: str) -> tuple[int, int]:
    """An abbreviation's long name, of which the glossary matched the telling words only («[Міжнародний] валютний
    фонд», "[Ministry of] Education and Science", "Pension Fund [of Ukraine]"): the run grows to the capitalised
    words of the name around it, across the nouns, adjectives and prepositions between («[Европейская организация
    по] ядерным исследованиям»), unless the run is the abbreviation itself ("UN"), and not across "and" into another
    body the sentence names («Сполучене Королівство [та Сполучені] Штати» for "UK")."""
    if any(_ABBREVIATION.fullmatch(_POSSESSIVE.sub("", word)) for _s, _e, word in target[first:last + 1]):
        return first, last
    start = first
    for j in range(first - 1, max(first - 9, -1), -1):
        if breaks[j + 1] or hits[j] is None or not _in_name(target[j][2], lang):
            break
        if target[j][2][:1].isupper() and (j or hits[j] if lang == "en" else _cases(target[j][2], lang)[0] != "PREP"):
            start = j  # not a word capitalised as the sentence's first alone («У», "Follow")

    def capitalised(k: int) -> bool:
        return k < len(target) and not breaks[k] and hits[k] is not None and target[k][2][:1].isupper() \
            and _in_name(target[k][2], lang)

    end, before_and = last, None
    while capitalised(end + 1) or capitalised(end + 2) and target[end + 1][2].lower() in _NAME_JOINS \
            and not breaks[end + 1] and hits[end + 1] is not None:
        if capitalised(end + 1):
            end += 1
            continue
        if before_and is None and target[end + 1][2].lower() in _AND:
            before_and = end
        end += 2
    if before_and is not None and end + 1 < len(target) and not breaks[end + 1] and hits[end + 1] is None:
        end = before_and  # «та Сполучені [Штати]»: after "and", another body the sentence names
    return start, end


def _in_name(word: str, lang: str) -> bool:
    """A word that may stand inside a body's name: a noun, an adjective or a preposition, or in English a
    capitalised word or "of", "for", "and" (no article, no calendar word)."""
    if lang == "en":
        return word.lower() in _NAME_JOINS if word.islower() else not (_calendar(word) or _english_function_word(word))
    return _cases(word, lang)[0] in ("NOUN", "ADJF", "PREP") and not _calendar(word)


_ABBREVIATION = re.compile(r"[A-ZА-ЯЁІЇЄҐ]{2,}")
_AND = frozenset("and і й та и".split())
_NAME_JOINS = _AND | {"of", "for"}


def _initials_before(window: str, target, breaks, first: int, inside: list[str]) -> int:
    """An English name's initials before it ("[I.] Melnyk") when the phrase has one («І. Мельника»): the letter
    with its full stop, though "I" and "A" are words of English too."""
    if not any(len(w) == 1 and w.isupper() for w in inside):
        return first
    while first > 0 and not breaks[first] and target[first][2][:1].isupper() and len(target[first - 1][2]) == 1 \
            and target[first - 1][2].isupper() and window.startswith(".", target[first - 1][1]):
        first -= 1
    return first


def _one_of(target, hits, breaks, first: int, lang: str) -> int:
    """A translation makes one of a group the actor where the source names the group or someone from it ("[One
    of] our managers" for «Наш менеджер», «[Одного з] лідерів» for "leader of"): free "one of" (and "the"), «один з»,
    «один из» right before the run come with it."""
    j = first - 1 if lang == "en" and first > 0 and target[first - 1][2] == "the" and not breaks[first] else first
    if j > 1 and not breaks[j] and not breaks[j - 1] and target[j - 1][2] in _OF[lang] \
            and target[j - 2][2].lower() in _ONE[lang] and hits[j - 2] == set():
        return j - 2
    return first


_OF = {"en": ("of",), "uk": ("з", "із", "зі"), "ru": ("из",)}
_ONE = {"en": ("one",), "uk": tuple("один одна одне одного одну одному одним одній однієї одною".split()),
        "ru": tuple("один одна одно одного одну одному одним одной".split())}


def _opens_bracket(window: str, target, hits, j: int, first: int) -> bool:
    """Target word j ends a long name whose bracket opens before word `first`, with at most GAP free words between
    them that no punctuation parts («служби з надзвичайних [ситуацій] (ДСНС)»)."""
    between = range(j + 1, first)
    return len(between) <= GAP and all(hits[m] == set() and not _breaks(window[target[m - 1][1]:target[m][0]])
                                       for m in between) \
        and set(window[target[first - 1][1]:target[first][0]].strip()) == {"("}  # "(", or "((" as typed


def _bracketed(window: str, target, first: int, last: int) -> bool:
    """Target words first to last are the whole of a bracket: «(СБУ)»."""
    return window[:target[first][0]].rstrip().endswith("(") and window[target[last][1]:].lstrip().startswith(")")


def _leftover(window: str, target, hits, breaks, inside: list[str], source: tuple[str, int, int], entries: dict,
              langs: tuple[str, str]) -> Leftover | None:
    found = _only_free_noun(target, hits, breaks, inside, source, entries, langs)
    if found is None:
        return None
    first = _with_possessive(target, hits, breaks, found[0], langs[1], inside, langs[0])
    sentence, start, end = source
    bare = _bare(sentence, start, end)
    return Leftover(*_marked(window, *_quoted(window, target[first][0], target[found[1]][1], bare),
                             sentence[start:end]))


def _with_possessive(target, hits, breaks, first: int, tgt_lang: str, inside: list[str], src_lang: str) -> int:
    """A possessive the translation puts before the phrase comes with it («[его] родителей», "[his] parents"). One
    that is also an object pronoun («її», «его») comes where the source has a pronoun too, or where it is a bare
    English noun the translation gives an owner in the nominative ("daughter": «[його] донька»; not «назвали його
    героєм»)."""
    bare_noun = src_lang == "en" and len(inside) == 1 and inside[0].islower()
    if first > 0 and not breaks[first] and hits[first - 1] == set() \
            and (_possessive_determiner(target[first - 1][2], tgt_lang, any(_pronoun(w, src_lang) for w in inside))
                 or bare_noun and target[first - 1][2].lower() in _OBJECTS_TOO
                 and "nomn" in _cases(target[first][2], tgt_lang)[1]):
        return first - 1
    return first


def _english_after_name(target, hits, breaks, last: int, inside: list[str]) -> int:
    """English says "the Poltava [region]" for «Полтавщини», «Полтавской области», and "My brother [and I]" for «Ми з
    братом»: the kind of place after a name, and "and I" after the run of a phrase that is «ми з …»."""
    if last + 1 < len(target) and not breaks[last + 1] and not hits[last + 1]:
        word = target[last + 1][2]
        if word in _PLACE_KINDS and target[last][2][:1].isupper():
            return last + 1
        if word == "and" and last + 2 < len(target) and target[last + 2][2] in ("I", "me") \
                and len(inside) > 1 and inside[0].lower() in ("ми", "мы") and inside[1].lower() in _WITH:
            return last + 2
    return last


def _added_apposition(window: str, target, hits, breaks, last: int) -> int:
    """An English translation explains a name the source gives bare, between commas after it: "Ukrzaliznytsia[, the
    state railway company]," for «Укрзалізниця», "Verkhovna Rada[, Ukraine's parliament],". It comes with the name
    when it is a short noun phrase that starts with an article or a possessive and has at most one word, not its
    last, that the rest of the source sentence explains; the caller asks first that the source have no apposition of
    its own after the phrase (`_APPOSED`: "European Commission, the EU's executive arm," for «Європейською комісією,
    виконавчим органом ЄС, яка …»)."""
    start = last + 1
    if start >= len(target) or window[target[last][1]:target[start][0]].strip() != ",":
        return last
    opening = target[start][2]
    if opening.lower() not in ("the", "a", "an") and not _POSSESSIVE.search(opening):
        return last
    end = next((m for m in range(start + 1, min(start + 6, len(target) - 1)) if breaks[m + 1]), None)
    if end is None or window[target[end][1]:target[end + 1][0]].strip() != "," \
            or any(target[m][2].lower() in _ENGLISH_VERBS or breaks[m] for m in range(start + 1, end + 1)) \
            or hits[end] is None or sum(hits[m] is None for m in range(start, end)) > 1 \
            or not (target[last][2][:1].isupper() or target[end][2][:1].isupper()):
        return last
    return end


def _apposition_head(window: str, target, hits, breaks, first: int, last: int) -> int:
    """An English run that reached across a comma into an apposition ends on the apposition's head noun: the
    lower-case words after it that match nothing of the phrase, up to the next break, come with it ("Ukrnafta, the
    state-controlled [oil producer] has …"), at most three, none a grammar word, a relative or a verb."""
    if not any(window[target[m - 1][1]:target[m][0]].strip() == "," for m in range(first + 1, last + 1)):
        return last
    end = last
    while end + 1 < len(target) and end - last < 3 and not breaks[end + 1] and not hits[end + 1] \
            and target[end + 1][2].islower() and not _grammar(target[end + 1][2], "en") \
            and not _english_function_word(target[end + 1][2]) and target[end + 1][2] not in _ENGLISH_VERBS \
            and target[end + 1][2] not in _RELATIVES:
        end += 1
    return end if end + 1 == len(target) or breaks[end + 1] else last


def _apposition_before(window: str, target, hits, breaks, first: int) -> int:
    """An English translation may explain a bare name before it, a comma between: "[Ukraine's state railway,]
    Ukrzaliznytsia", "[Ukraine's competition watchdog, the] Antimonopoly Committee". It comes with the name when it
    starts with a possessive and ends, at most five words later, on a kind of body, with no punctuation or verb."""
    comma = first - 1 if first > 0 and target[first - 1][2].lower() in ("the", "a", "an") and not breaks[first] \
        else first
    if comma < 2 or window[target[comma - 1][1]:target[comma][0]].strip() != "," \
            or target[comma - 1][2] not in _BODY_KINDS or hits[comma - 1] is None:
        return first
    for start in range(comma - 2, max(comma - 6, -1), -1):
        if breaks[start + 1] or target[start + 1][2].lower() in _ENGLISH_VERBS:
            return first
        if _POSSESSIVE.search(target[start][2]):
            return start
    return first


def _short_name_before(window: str, target, hits, breaks, first: int) -> int:
    """A wire's English gives a body's short name first and explains it after a comma: "[OCHA,] the UN humanitarian
    coordination office said". A word in capitals that starts the clause, right before the comma (and an article)
    before the run, comes with it, free or matching the phrase's own words."""
    comma = first - 1 if first > 0 and target[first - 1][2].lower() in ("the", "a", "an") and not breaks[first] \
        else first
    name = comma - 1
    if name < 0 or window[target[name][1]:target[comma][0]].strip() != "," or hits[name] is None \
            or not (target[name][2].isupper() and target[name][2].isalpha() and len(target[name][2]) > 1) \
            or name and not breaks[name]:
        return first
    return name


_PLACE_KINDS = frozenset("region oblast province district county area".split())
_REGION_WORDS = ("област", "region", "oblast", "province")


def _modifier_before(target, hits, breaks, first: int, lang: str) -> int:
    """A translation often adds a modifier to a head: «[Головний] тренер» for "coach", «[народний] депутат» for
    "lawmaker". A free adjective agreeing with the run's first word, a lower-case noun, comes with it; not a pronoun
    («который», «эти») nor a passive participle («[був] обраним кандидатом»)."""
    if first == 0 or breaks[first] or hits[first - 1] != set():
        return first
    word, head = target[first - 1][2], target[first][2]
    if head[:1].islower() and _cases(word, lang)[0] == "ADJF" and not {"Apro", "pssv"} & _likeliest(word, lang) \
            and _qualifies(word, head, lang) \
            and _outside_governed(target, first - 1, _cases(head, lang)[1], True, lang):
        return first - 1
    # so does a country's adjective before a name, agreeing with its noun («[украинский] Координационный штаб»)
    noun = next((w for _s, _e, w in target[first:first + 3] if _cases(w, lang)[0] == "NOUN"), None)
    if word.islower() and glossary.place(word, lang) and noun and _agrees(word, noun, lang):
        return first - 1
    return first


def _participle_before(window: str, target, hits, breaks, first: int, last: int, lang: str) -> int:
    """Ukrainian and Russian put a participle's phrase before the noun it qualifies, where English puts it after:
    «[Пострадавшие от] паводка жители» for "residents … hit by the floods", «[Подконтрольный] государству польский
    концерн». A free participle or adjective right before the run's first word, a noun it governs (or before a
    preposition before that noun), comes with the run when it agrees in case and number with a later noun of the
    run before any punctuation (not one that opens a quoted name), but (without the preposition) not in case with
    that first noun."""
    k = first - 1
    if k > 0 and hits[k] == set() and not breaks[first] and _cases(target[k][2], lang)[0] == "PREP":
        k -= 1
    if k < 0 or hits[k] != set() or any(breaks[m] for m in range(k + 1, first + 1)) \
            or _cases(target[k][2], lang)[0] not in ("ADJF", "PRTF") or _cases(target[first][2], lang)[0] != "NOUN" \
            or k == first - 1 and _qualifies(target[k][2], target[first][2], lang):
        return first
    end = next((m for m in range(first + 1, last + 1) if breaks[m]), last + 1)  # not a noun of a clause after it
    heads = [j for j in range(first + 1, end) if hits[j] and _cases(target[j][2], lang)[0] == "NOUN"
             and window[target[j][0] - 1] not in "«„“\""]  # a quoted name is no head: «фонда «[Надежда] рядом»»
    return k if any(_agrees(target[k][2], target[j][2], lang) for j in heads) else first


def _agrees(adjective: str, noun: str, lang: str) -> bool:
    """Some reading of the adjective has the case and number of some reading of the noun."""
    forms = {(p.tag.case, p.tag.number) for p in parse(adjective, lang) if p.tag.POS in ("ADJF", "PRTF")}
    return any((p.tag.case, p.tag.number) in forms for p in parse(noun, lang) if p.tag.POS == "NOUN")


def _noun_of_adjective(target, hits, breaks, last: int, lang: str) -> int:
    """A Ukrainian or Russian phrase does not end on an adjective whose noun follows it: «яка відновлює старі
    [залізничні вагони]», where the lexicon missed "railcars" and gave «залізничні» to another word; up to one more
    adjective between, matched or not, agreeing with the noun."""
    word = target[last][2]
    if word[:1].isupper() or _cases(word, lang)[0] != "ADJF":
        return last
    for k in range(last + 1, min(last + 3, len(target))):
        if breaks[k] or hits[k]:
            return last
        if _qualifies(word, target[k][2], lang) and all(_qualifies(target[m][2], target[k][2], lang)
                                                        for m in range(last + 1, k)):
            return k
        if not _adjectival(target[k][2], lang):
            return last
    return last


def _country_after(target, hits, breaks, last: int, lang: str) -> int:
    """A translation names the country of a body that the source leaves implied: «Міністерство праці [США]» for
    "Labor Department", «Нацбанк [Украины]» for «НБУ». A country in the genitive (or indeclinable) that matches no
    word of the source comes with a run that ends in a word other than a name or a place («[Великої] [Британії]»
    too)."""
    j = last + 1
    if j + 1 < len(target) and not glossary.place(target[j][2], lang) and target[j][2][:1].isupper() \
            and not breaks[j + 1] and hits[j + 1] == set():
        j += 1  # «Великої Британії», «Південної Кореї»
    if j < len(target) and not any(breaks[last + 1:j + 1]) and all(hits[k] == set() for k in range(last + 1, j + 1)) \
            and not _named(target[last][2], lang, bodies=False) and not glossary.place(target[last][2], lang) \
            and target[j][2][:1].isupper() and glossary.place(target[j][2], lang) \
            and ("gent" in _cases(target[j][2], lang)[1] or not _cases(target[j][2], lang)[1]):
        return j
    return last


def _owner_after(window: str, target, hits, breaks, last: int, lang: str, inside: list[str], src_lang: str) -> int:
    """A translation often names what a bare noun belongs to: "its fans" is «уболівальників [клубу]», "the principal"
    «директор [школи]». A lower-case noun in the genitive that matches no word of the source, or only one outside the
    phrase where the phrase is a bare noun or has an owner pronoun ("its") and the noun may be a nominative (not
    «позбавила журналістів [акредитації]»), comes with a run that ends in a noun other than a name."""
    j = last + 1
    owned = len(inside) == 1 and inside[0].islower() or any(_possessive_determiner(w, src_lang, False) for w in inside)
    if j < len(target) and not window[target[last][1]:target[j][0]].strip() \
            and (hits[j] == set() or hits[j] is None and owned and "nomn" in _cases(target[last][2], lang)[1]) \
            and target[j][2][:1].islower() \
            and not _named(target[last][2], lang) and _cases(target[last][2], lang)[0] == "NOUN" \
            and _genitive_noun(target[j][2], lang):
        return j
    return last


def _genitive_noun(word: str, lang: str) -> bool:
    """The word is a noun with a genitive reading of its likeliest lemma («клубу»; not «пару», the genitive of «пар»
    "steam" where it is «пара» "a couple")."""
    readings = parse(word, lang)
    return _cases(word, lang)[0] == "NOUN" \
        and any(r.tag.case == "gent" and r.normal_form == readings[0].normal_form for r in readings)


def _we_with(target, breaks, first: int, inside: list[str]) -> int:
    """"My brother and I" is «Ми з братом», «Мы с братом»: the pronoun and the preposition come with the run, as they
    do for the same phrase of the other language."""
    we = {"I", "me"} & set(inside) and "and" in inside \
        or len(inside) > 2 and inside[0].lower() in ("ми", "мы") and inside[1].lower() in _WITH
    if first >= 2 and we and not breaks[first] and not breaks[first - 1] \
            and target[first - 1][2].lower() in _WITH and target[first - 2][2].lower() in ("ми", "мы"):
        return first - 2
    return first


def _staff_before(target, hits, breaks, first: int, lang: str) -> int:
    """A translation often makes an institution acting, or a service, a head before its genitive: «[працівники]
    департаменту» for "department", «[служба] підтримки Norton» for "Norton Support". The head comes with it."""
    if first > 0 and not breaks[first] and hits[first - 1] == set() and "gent" in _cases(target[first][2], lang)[1] \
            and _staff(target[first - 1][2], lang):
        return first - 1
    return first


def _verbal(inside: list[str], src_lang: str) -> bool:
    """The phrase has a verb or a relative pronoun of its own: a clause."""
    return any(_POSSESSIVE.sub("", w.lower()) in _ANY_RELATIVE or _cases(w, src_lang)[0] == "VERB" for w in inside)


def _deeds_unmatched(target, hits, lang: str, inside: list[str], src_lang: str) -> list:
    """A Ukrainian or Russian word that can only be a finite verb matches nothing in a phrase without a verb of its
    own, though the lexicon pairs it with the phrase's nouns (a word of a name, in English), the trade with its deed
    («[Реставраторы …] восстановили», «навчали» for "Leeds Teaching Hospitals"): it is the sentence's predicate."""
    if lang == "en" or _verbal(inside, src_lang):
        return hits
    nouns = {k for k, w in enumerate(inside) if _cases(w, src_lang)[0] == "NOUN"} if src_lang != "en" \
        else {k for k, w in enumerate(inside) if k and w[:1].isupper()}  # English: a word of a name
    return [set() if h and h <= nouns and word.islower() and all(p.tag.POS == "VERB" for p in parse(word, lang))
            else h for h, (_s, _e, word) in zip(hits, target, strict=True)]


def _free_verbs(target, hits, lang: str, inside: list[str], src_lang: str) -> list[bool]:
    """Per target word: a Ukrainian or Russian verb that matches nothing («[Постачальник із Туреччини] затримує
    партію тканин»), where the phrase has no clause of its own: its run goes on across free words, not a verb."""
    if lang == "en" or _verbal(inside, src_lang):
        return [False] * len(target)
    return [hits[j] == set() and _cases(word, lang)[0] == "VERB" for j, (_s, _e, word) in enumerate(target)]


def _adds(window: str, target, hits, verbs: list[bool], inside: list[str], covered: set, run: tuple[int, int],
          other: tuple[int, int, set]) -> bool:
    """The other run brings a phrase word the run lacks, or gives one a target word of its own (`_pairs`, a word
    the phrase repeats counted once) with no free verb between them: «[Учителям], які переїдуть … за програмою
    «Земський учитель»» for "Teachers who move … under the "Zemsky Teacher" programme", where «учитель» can stand
    for either "Teacher"; not a second «людей» for the second "people" of "people who hate trans people", nor «[ЕС]
    в понедельник вызвала посла … при Евросоюзе»."""
    if not other[2] <= covered:
        return True
    (first, last), (other_first, other_last) = run, other[:2]
    if _verb_between(window, target, verbs, *((last, other_first) if other_first > last else (other_last, first))):
        return False
    same = {k: inside.index(w) for k, w in enumerate(inside)}
    words = [{same[k] for k in hits[m]} for m in range(first, last + 1) if hits[m]]
    return _pairs(words + [{same[k] for k in hits[m]} for m in range(other_first, other_last + 1) if hits[m]]) \
        > _pairs(words)


def _joined_before(window: str, target, hits, breaks, verbs: list[bool], inside: list[str], runs: list,
                   apposition: bool, clausal: bool, bracket_inside: bool, english: bool, first: int, last: int,
                   covered: set) -> tuple[int, set]:
    """The run grown back to the runs before it that hold the head of its clause or apposition: «Мій бухгалтер,
    [який …]», "My accountant, [who …]"; not «На Харківщині, [як пишуть медіа], мешканці». The name before may also
    match a word of the run ("[Norvik Shipping], Norway's …": Norvik ~ «Норвегії»): it needs one of its own. A run
    that an English clause has grown back into comes whole."""
    for other_first, other_last, other in sorted(runs, reverse=True):
        if english and other_first < first <= other_last:  # the English clause has grown back into it ("[more
            first, covered = other_first, covered | other  # than] 40 residents of a nine-storey block that …")
        elif _adds(window, target, hits, verbs, inside, covered, (first, last), (other_first, other_last, other)) \
                and (_apposed(window, target, hits, breaks, other_last, first, apposition)
                     or clausal and _no_parenthetical(window, target, other_last, first)
                     and _same_clause(window, target, hits, breaks, other_last, first, bracket_inside)):
            first, covered = _new_from(hits, other_first, other_last, covered), covered | other
    return first, covered


def _new_from(hits, first: int, last: int, covered: set) -> int:
    """Where a run joined before the phrase's begins: not at a word apart from the rest by a gap that matches only
    words covered already («[из-под] завалов женщину, которая провела под ними»), unlike a name beside its next
    word ("[Norvik] Shipping, Norway's …") or a word matching the phrase's first («[пенсіонерки] з Черкас, яка …
    судилася з Пенсійним фондом»)."""
    matched = [m for m in range(first, last + 1) if hits[m]]
    while len(matched) > 1 and hits[matched[0]] <= covered and matched[1] - matched[0] > 1 \
            and 0 not in hits[matched[0]]:  # the phrase's first word is its head, though the clause repeats its stem
        matched.pop(0)
    return matched[0]


def _leading_preposition(word: str, lang: str) -> bool:
    return word.lower() in _ENGLISH_PREPOSITIONS if lang == "en" else _preposition(word, lang)


_ENGLISH_PREPOSITIONS = frozenset("against of for in on at to from by with".split())


def _complement_of_noun(target, j: int, lang: str, outside: bool = False) -> bool:
    """Target word j is a noun whose likeliest genitive reading names no person, after an inanimate noun it
    complements («позбавлення [волі]», «свободу [слова]»; not «председатель [правления]», nor «за словами [голови]»),
    agreeing with the adjective or number after it by chance: that has a noun of its own. Where the noun before
    translates a word `outside` the phrase, a person after it is no head's either («позбавлення [волі] громадянина»),
    unless the word may also be an adjective («[главного] врача»)."""
    word = target[j][2]
    genitive = next((p for p in parse(word, lang) if "gent" in p.tag), None)  # its likeliest genitive reading
    return j > 0 and _cases(word, lang)[0] == "NOUN" and genitive is not None and "inan" in genitive.tag \
        and _cases(target[j - 1][2], lang)[0] == "NOUN" and "inan" in _likeliest(target[j - 1][2], lang) \
        and (_cases(target[j + 1][2], lang)[0] in ("ADJF", "PRTF") or target[j + 1][2][:1].isdigit()
             or outside and {"NOUN", "anim"} <= _likeliest(target[j + 1][2], lang)
             and all(p.tag.POS == "NOUN" for p in parse(word, lang)))


def _verb_between(window: str, target, verbs: list[bool], j: int, k: int) -> bool:
    """A free Ukrainian or Russian verb (`_free_verbs`) stands between target words j and k with no comma, and no
    relative pronoun since the comma before makes it a clause's: the sentence's own verb, after the phrase («Вчені
    Інституту … України [описали] новий для науки»; not «женщине, [которую] в моих историях [звали] …»)."""
    if "," in window[target[j][1]:target[k][0]] or not any(verbs[j + 1:k]):
        return False
    m = j
    while m > 0 and "," not in window[target[m - 1][1]:target[m][0]]:
        m -= 1
    return not any(target[n][2].lower() in _CYRILLIC_WHO for n in range(m, k))


def _no_parenthetical(window: str, target, j: int, k: int) -> bool:
    """Between target words j and k stands a relative pronoun, or at most one comma: not the two of a
    parenthetical («На Харківщині, як пишуть медіа, мешканці»)."""
    return any(target[m][2].lower() in _ANY_RELATIVE for m in range(j + 1, k)) \
        or window[target[j][1]:target[k][0]].count(",") <= 1


def _attributive(inside: list[str], k: int, lang: str) -> bool:
    """Word k (an -ing or -ed word or a participle, for the caller) qualifies the phrase word after it and opens no
    clause: in English any word after it but a grammar word or a relative pronoun ("fishing boats", not "boats
    blocking the port"; a guess that also takes "people arrested yesterday" for no clause); in Ukrainian and Russian
    a noun it agrees with («подтопленного села», not «оказавшихся заблокированными»)."""
    if k + 1 >= len(inside) or inside[k].lower() in _RELATIVES or inside[k + 1].lower() in _RELATIVES:
        return False
    return not _grammar(inside[k + 1], lang) if lang == "en" else _qualifies(inside[k], inside[k + 1], lang)


def _kind_before(window: str, target, hits, breaks, first: int, inside: list[str], lang: str) -> int:
    """A translation often gives a name the source has alone its kind: «[компанія] Apple», «[Група] Вагнера». The
    kind comes with a phrase of capitalised words only, in the nominative, or with any phrase in any case right
    before a quoted name («подякувала [організації] «Разом»», «[Компанія] «Нафтогаз», яка …»); so does a company's
    legal form before a quoted name («[ТОВ] «Агросвіт»»)."""
    quoted = first > 0 and window[target[first][0] - 1] in "«„“\""
    if quoted and not breaks[first] and hits[first - 1] == set() and target[first - 1][2] in _LEGAL_FORMS:
        return first - 1  # a company's legal form: «АТ «Прайм Капітал Банк»» for "Prime Capital Bank"
    if first > 0 and not breaks[first] and hits[first - 1] == set() \
            and (quoted or all(w[:1].isupper() for w in inside)) \
            and target[first][2][:1].isupper() and not (first > 1 and _preposition(target[first - 2][2], lang)) \
            and _kind(target[first - 1][2], lang, any_case=quoted):
        return first - 1  # not after a preposition: «в банк Monobank» is an accusative
    return first


_LEGAL_FORMS = frozenset("НАК АТ АО ПАТ ПАО ПрАТ ЧАО ПрАО ТОВ ООО ТДВ ОДО ДП ГП КП КНП ДУ ГУ ФОП ФЛП ПП ЧП".split())


def _relative(window: str, target, hits, breaks, first: int, last: int, covered: set, inside: list[str],
              langs: tuple[str, str]) -> tuple[int, int, set]:
    """A phrase ending in a relative clause ("those who knew him", "customer who said hello"), or headed by a
    pronoun that the translation makes a clause of ("those in the industry": «тих, хто працює в галузі»), takes the
    clause of the translation whole, to its comma, with the pronoun it hangs on («ті, [хто] знав його»); so does an
    English participle with its complement ("mayor accused of …", `_english_participle`). Into English, the clause
    goes to its last word that matches the source clause ("those who were there"), then to where it visibly ends."""
    src_lang, tgt_lang = langs
    relative = next((k for k in range(1, len(inside))  # «хто», «который»; "who" ("who's") only into Ukrainian
                     if inside[k] in _CYRILLIC_WHO  # and Russian
                     or tgt_lang == "en" and inside[k] in ("де", "где")  # "the village where …"
                     or src_lang == "ru" and tgt_lang == "en" and _cases(inside[k], src_lang)[0] == "PRTF"  # «жители,
                     # лишившиеся домов»: "residents who lost their homes"
                     or tgt_lang != "en" and (_POSSESSIVE.sub("", inside[k]) in _RELATIVES
                                              or _english_participle(inside, k, src_lang))), None)
    if relative is None and tgt_lang != "en" and len(inside) > 1 and _pronoun_head(inside):
        relative = 1  # a clause of the translation's making: "those in the industry", «тих, хто працює в галузі»
    if relative is None:
        return first, last, covered
    head_found = any(hits[m] and max(hits[m]) < relative for m in range(first, last + 1))  # the clause comes after
    # it; not where the word may as well be the clause's («Прокурор, який вів справу … [прокурора]»)
    if tgt_lang == "en":
        found = _english_relative_clause(window, target, hits, breaks, first, last, head_found,
                                         set(range(relative, len(inside))))
    else:
        coordinated = any(w.lower() in _CONJUNCTIONS for w in inside[relative:])
        nested = sum(1 for w in inside[relative + 1:] if w in _RELATIVES)
        found = _relative_clause(window, target, hits, breaks, first, last, tgt_lang, coordinated, nested, head_found,
                                 set(range(relative, len(inside))))
    if found:
        first, last = found
        covered = covered | set(range(relative, len(inside)))
        while tgt_lang != "en" and first < last and hits[first] and min(hits[first]) >= relative \
                and any(hits[first] & (hits[m] or set()) for m in range(first + 1, last + 1)):
            first += 1  # a word the clause has again is not its head («[міста] диригентці …, завдяки якій міський …»),
            while first < last and hits[first] == set():  # nor are the free words after it
                first += 1
    return first, last, covered


def _english_participle(inside: list[str], k: int, lang: str) -> bool:
    """English word k is a participle after the head, in -ed with its complement after it or in -ing, where no
    pronoun heads the phrase: a clause of its own ("commander [accused] of ordering …", "people [displaced] by
    fighting", "investors [holding] its warrants"), which a translation makes a relative clause of («командира, якого
    звинувачують …», «інвесторів, які володіють …»); not "Anyone caught [fishing]", whose clause starts at "Anyone"."""
    return lang == "en" and inside[k].islower() and len(inside[k]) > 4 and k + 1 < len(inside) \
        and not _grammar(inside[k - 1], lang) \
        and (inside[k].endswith("ed") and _grammar(inside[k + 1], lang)
             or inside[k].endswith("ing") and not _pronoun_head(inside))


def _head_before_with(target, hits, breaks, first: int, budget: int, lang: str) -> tuple[int, int]:
    """An English adjective may be a complement with «з»/«с» after the noun in Ukrainian and Russian
    ("well-intentioned diggers": «[осіб із] добрими намірами»): where the English head is missing, the free noun
    before the preposition heads the phrase (not in «[переговоры с] министрами» for "ministers")."""
    if budget and first >= 2 and not breaks[first] and not breaks[first - 1] and hits[first - 1] == set() \
            and hits[first - 2] == set() and target[first - 1][2].lower() in _WITH \
            and "ablt" in _cases(target[first][2], lang)[1] and _cases(target[first - 2][2], lang)[0] == "NOUN":
        return first - 2, budget - 1
    return first, budget


def _english_head_word(inside: list[str]) -> int:
    """The index of an English phrase's head: its last word before a complement or a clause ("foreign [ministers]
    from the Association …")."""
    end = next((k for k, w in enumerate(inside) if k and w.lower() in _ENGLISH_GRAMMAR | _RELATIVES), len(inside))
    return end - 1


_WITH = frozenset("з із зі с со".split())
_IDIOMS_BEFORE = frozenset({("з", "боку"), ("зі", "сторони"), ("з", "сторони"), ("со", "стороны"), ("с", "стороны"),
                          ("за", "словами"), ("по", "словам"), ("за", "даними"), ("по", "данным"), ("на", "користь"),
                          ("в", "пользу"), ("на", "адресу"), ("в", "адрес")})  # "on the part of", "according to",
# "in favour of": a preposition and a noun whose noun heads no phrase after them


def _names_beside(target, hits, breaks, first: int, last: int, budget: int, missing: list[str],
                  tgt_lang: str) -> tuple[int, int, int]:
    """Capitalised words beside the run for the capitalised phrase words it missed (`budget`: two each), on one
    side only; then the budget left for the other words missing."""
    taken = 0
    while budget and first > 0 and _joins(target, hits, breaks, first - 1, first, tgt_lang):
        first, budget, taken = first - 1, budget - 1, taken + 1
    right = not taken  # names before the run (Джордж Ховарт) or after it (парламенті Великої Британії)
    while right and budget and last + 1 < len(target) and _joins(target, hits, breaks, last + 1, last + 1, tgt_lang):
        last, budget, taken = last + 1, budget - 1, taken + 1
    # a name may take two words (Soviet: «Советского Союза»): what is taken covers the capitalised words only
    budget = len(missing) - min(taken, sum(1 for w in missing if w[:1].isupper()))
    return first, last, budget


def _out_of_order_start(target, hits, first: int, last: int, inside: list[str], langs) -> int:
    """Past a first word that matches a later phrase word, one the counterpart matches again further on, before
    words that match earlier ones, and shares no case with the phrase's first word: Ukrainian and Russian keep the
    phrase's order and case («[вирок] відомому шеф-кухареві …, засудженому» for «известному шеф-повару …,
    осужденному», where «вирок» matched «осужденному»; but «Народні депутати від фракції «Слуга народу»» for
    «Депутаты … от фракции «Слуга народа»», whose «Народні» matched «народа»)."""
    later = [k for k in range(first + 1, last + 1) if hits[k]]
    if hits[first] and later and min(hits[first]) > max(hits[later[0]]) \
            and hits[first] <= set().union(*(hits[k] for k in later)) \
            and not _cases(target[first][2], langs[1])[1] & _cases(inside[0], langs[0])[1]:
        return first + 1
    return first


def _rest_of_clause(target, hits, breaks, last: int, inside: list[str], src_lang: str) -> int:
    """The English words that end a relative clause the phrase ends with, after the run's last match inside it where
    no word matched the clause's last: up to four free words before the next word the rest of the sentence explains,
    or punctuation ("Residents … who refuse [to leave] queue", "guy who sits [across from me] eats", "whose fields
    [remain littered with mines],")."""
    opens = next((k for k, w in enumerate(inside) if k and w.lower() in _RELATIVES), None)
    if opens is None or not hits[last] or max(hits[last]) <= opens or src_lang == "en" \
            or len(inside) - 1 in set().union(*(hits[k] for k in range(last + 1) if hits[k])):
        return last  # no clause, or the run has its last word already
    if last + 1 < len(target) and target[last + 1][2] == "to" \
            and not any(_cases(inside[k], src_lang)[0] in ("VERB", "INFN") for k in hits[last]):
        return last  # "to" after a verb is its complement ("refuse [to leave]"), after a noun the sentence's
    end = last
    while end + 1 < len(target) and end - last < 4 and not breaks[end + 1] and hits[end + 1] == set():
        end += 1
    after = end + 1  # and no phrase ends on a word of grammar ("to contact [their] family", "suspected [of]")
    closed = after == len(target) or breaks[after] or hits[after] is None
    return end if closed and target[end][2].lower() not in _ENGLISH_GRAMMAR | _DETERMINERS else last


def _added_place(target, hits, breaks, last: int) -> int:
    """A place the translator adds after the phrase to explain it, which nothing in the source sentence names: a
    preposition of place and one or two capitalised words right after the counterpart, with punctuation or the end
    after them ("Organizers of the Lowell Folk Festival [in Massachusetts]", «Корінні громади, що живуть уздовж
    річки Напо [в Еквадорі]»); in English also "of" and a country after a name ("the Pension Fund [of Ukraine]")."""
    end = last + 2
    of_country = end < len(target) and target[last + 1][2] == "of" and target[last][2][:1].isupper()
    if end >= len(target) or target[last + 1][2] not in _PLACE_PREPOSITIONS and not of_country \
            or breaks[last + 1] or breaks[end] or not target[end][2][:1].isupper():
        return last
    if end + 1 < len(target) and not breaks[end + 1] and target[end + 1][2][:1].isupper():
        end += 1  # "in New York", «у Новій Зеландії»
    closed = end + 1 == len(target) or breaks[end + 1]
    return end if closed and all(hits[k] == set() for k in range(last + 1, end + 1)) else last


def _added_name(window: str, target, hits, breaks, last: int) -> int:
    """A short name the translator adds after the phrase, which nothing in the source sentence names: an
    abbreviation right after it («індійської космічної агенції [ISRO]», «Британский антимонопольный регулятор
    [CMA]»), or one or two capitalised words between a comma and punctuation, after a kind of body or as an
    abbreviation ("energy and utilities regulator[, NEURC],")."""
    j = last + 1
    if j >= len(target) or hits[j] != set():
        return last
    gap, word = window[target[last][1]:target[j][0]], target[j][2]
    if gap == " " and word.isupper() and len(word) >= 2 \
            and (j + 1 == len(target) or breaks[j + 1] or target[j + 1][2][:1].islower()):
        return j
    if gap.strip() != "," or not word[:1].isupper() or not (word.isupper() or target[last][2] in _BODY_KINDS):
        return last  # not the name of a clause after the phrase ("efforts of paramedics, Yahya, from …, was")
    end = j + 1 if j + 1 < len(target) and not breaks[j + 1] and hits[j + 1] == set() \
        and target[j + 1][2][:1].isupper() else j
    return end if end + 1 == len(target) or window[target[end][1]:target[end + 1][0]].strip()[:1] in (",", ".") \
        else last


def _run_after(target, runs: list, hits, breaks, last: int, covered: set, lang: str) -> int:
    """The end of a run right after the counterpart, or after a preposition (and an English article) there, with a
    phrase word of its own: where the words before it took the counterpart up to it ("head of a village council near
    [Pavlohrad]", "Grain farmers [in the Poltava region]"). No punctuation comes between."""
    start = last + 1
    while start < min(len(target), last + 3) and hits[start] == set() and not breaks[start] \
            and (_leading_preposition(target[start][2], lang) or target[start][2] in ("the", "a", "an")):
        start += 1
    after = next((r for r in runs if r[0] == start and not breaks[start] and not r[2] <= covered), None)
    return after[1] if after else last


def _run_before(runs: list, breaks, first: int, covered: set) -> tuple[int, set]:
    """The start of a run right before the counterpart, with a phrase word of its own, where the head words taken
    before the run have reached it: "[Cyber] police officers in the Vinnytsia region" for «Киберполиция Винницкой
    области». No punctuation comes between."""
    before = next((r for r in runs if r[1] == first - 1 and not breaks[first] and not r[2] <= covered), None)
    return (before[0], covered | before[2]) if before else (first, covered)


def _place_after(target, hits, breaks, last: int, inside: list[str], covered: set) -> int:
    """A phrase that ends by naming where ("… у Бучі", «Посольство Японії в Україні») has its place in the words
    right after the run, a preposition of place and a name that matches nothing, when no word of the run stands for
    it: "Parents of pupils at Lyceum No. 7 [in Bucha]"; "Japan's embassy [in Kyiv]", where the translator names the
    city for the country."""
    if not any(inside[k - 1].lower() in _PLACE_PREPOSITIONS and inside[k][:1].isupper() and k not in covered
               for k in range(1, len(inside))):
        return last
    if last + 2 >= len(target) or breaks[last + 1] or breaks[last + 2] \
            or target[last + 1][2].lower() not in _PLACE_PREPOSITIONS:
        return last
    end = last + 1
    while end + 1 < len(target) and not breaks[end + 1] and hits[end + 1] == set() \
            and target[end + 1][2][:1].isupper():
        end += 1
    return end if end > last + 1 else last


_PLACE_PREPOSITIONS = frozenset("in at у в во на".split())


def _closing_person(inside: list[str], lang: str) -> set[int]:
    """The words of a person's name (two or more capitalised words read as a name, surname or patronymic) that end
    a Ukrainian or Russian phrase after other words, in a case of the phrase's first word: «Головна лікарка …
    [Наталія Громова]»."""
    if lang == "en":
        return set()
    name = set()
    for k in range(len(inside) - 1, 0, -1):
        if not inside[k][:1].isupper() or not PEOPLE & _likeliest(inside[k], lang):
            break
        name.add(k)
    # else a first name and a surname with any reading as such («Рустам» is likelier a plural of «руста», «Громова» an
    # adjective)
    if len(name) < 2 and len(inside) > 3 and all(inside[k][:1].isupper() and any(
            PEOPLE & p.tag.grammemes for p in parse(inside[k], lang)) for k in (-1, -2)):
        name = {len(inside) - 1, len(inside) - 2}
    apposed = bool(name) and bool(_cases(inside[min(name)], lang)[1] & _cases(inside[0], lang)[1])  # not «во главе
    return name if 2 <= len(name) < len(inside) - 1 and apposed else set()  # с профессором Ниной Остапчук»


def _phrase_words(sentence: str, start: int, end: int, src_lang: str, clause: bool):
    """The words of sentence[start:end] (`inside`), its hyphenated words with the indices of their parts
    (`compounds`), and the words of the rest of the sentence (`outside`)."""
    source = _tokens(sentence)
    # a word the phrase cuts counts with the part inside it ("Donald Trump" in "Donald Trump's"); the parts of
    # a hyphenated word count one by one ("then-President": «тодішній президент»), and whole too («премьер-министра»
    # is PM)
    cut = [sentence[max(s, start):min(e, end)] for s, e, _w in source if s < end and e > start]
    inside, compounds = [], []  # compounds: (a hyphenated word, the indices of its parts in `inside`)
    for piece in (p for w in cut for _s, _e, p in _tokens(w)):
        parts = [part for part in piece.split("-") if part]
        if len(parts) > 1:
            compounds.append((piece, set(range(len(inside), len(inside) + len(parts)))))
        inside += parts
    outside = [part for s, e, w in source if e <= start or s >= end for part in w.split("-") if part]
    if clause:  # a pronoun outside a claim ("Their coach said …") says nothing of where it ends
        outside = [w for w in outside if not _pronoun(w, src_lang)]
    return inside, compounds, outside


def _matched(window: str, inside: list[str], compounds: list, outside: list[str], entries: dict, langs, clause: bool):
    """The window's words (start, end, text); per word the phrase words it matches, or None where it matches
    outside words only; and per word whether punctuation (or a verb) comes before it."""
    tgt_lang = langs[1]
    target = _tokens(window)
    hits = []  # per target word: the phrase words it matches, or None if it matches outside words only
    numbered = {k for _piece, parts in compounds for k in parts}  # the 11 of «11-х»
    for j, (_s, _e, word) in enumerate(target):
        if tgt_lang == "en" and word in ("PM", "AM") and j and target[j - 1][2][-1:].isdigit():
            hits.append(set())  # a time ("4 PM"), not the prime minister
            continue
        forms = _forms(word, tgt_lang)
        matched = {k for k, w in enumerate(inside) if any(_similar(w, f, entries, langs) for f in forms)}
        number = _NUMBER_COMPOUND.match(word)
        for piece, parts in compounds:
            if number and any(inside[k] == number.group(1) for k in parts):
                matched |= parts  # "68-year-old": «68-річна» is the whole of it, no «[року]» after
            elif any(_abbreviation(piece, f) or _abbreviation(f, piece)
                     or glossary.same_meaning(piece, langs[0], f, tgt_lang)  # «кто-то»: «хтось»
                     or _similar_word(piece.replace("-", ""), f, entries, langs) for f in forms):  # "full-back": фулбек
                matched |= parts
        if matched and word.isdigit():  # an ordinal is no bare number, mostly a date's («Шостий» суд … 6 травня)
            matched = {k for k in matched if not _ordinal_value(inside[k])}
        elif matched and _ordinal_value(word):  # but the 11 of «11-х» is one
            matched = {k for k in matched if not inside[k].isdigit() or k in numbered}
        if not clause and word.lower() in ("що", "что") and all(inside[k].lower() == "that" for k in matched):
            matched = set()  # inside a phrase "that" opens its relative clause («який», «который»), where «що» opens
            # the reported speech after it ("team that visited …, [said, that]"); not so in a claim
        if not matched and any(_similar(w, f, entries, langs) for w in outside for f in forms):
            hits.append(None)
        else:
            hits.append(matched)
    breaks = [j > 0 and (_breaks(window[target[j - 1][1]:target[j][0]]) and not _in_number(target, j)
                         and not (_DASH.fullmatch(window[target[j - 1][1]:target[j][0]]) and hits[j - 1] and hits[j]
                                  and target[j - 1][2][:1].isupper() and target[j][2][:1].isupper())  # «Ягодин –
                         or _sentence_end(window, target, j))  # Дорогуськ»
              for j in range(len(target))]
    for j in range(2, len(target)):  # "together with" before a name parts two actors as a comma would:
        # «Минагрополитики | вместе с Продовольственной и сельскохозяйственной организацией ООН» (not «[перетині кордону
        # вместе с семьёй]»)
        if (target[j - 2][2].lower(), target[j - 1][2].lower()) in _TOGETHER and not hits[j - 2] and not hits[j - 1] \
                and target[j][2][:1].isupper():
            breaks[j - 2] = True
    _big_seven(target, hits, breaks, inside)
    for quote in () if clause else _QUOTED.finditer(window):  # a short quoted name the phrase has a word of is the
        # phrase's whole, though a word of it matches outside: «Теплий [хліб]» beside "the price of bread"
        words = [j for j, (s, _e, _w) in enumerate(target) if quote.start(1) <= s < quote.end(1)]
        if 0 < len(words) <= 4 and target[words[0]][2][:1].isupper() and any(hits[j] for j in words):
            hits = [set() if j in words and hits[j] is None else h for j, h in enumerate(hits)]
    one_word_region = not any(w.lower().startswith(_REGION_WORDS) for w in inside)
    for j in range(1, len(target) if one_word_region else 0):  # «Черниговской [области]» is the whole of
        if not hits[j] and hits[j - 1] and not breaks[j] and target[j - 1][2][:1].isupper() \
                and target[j][2].lower().startswith(_REGION_WORDS):  # «Чернігівщини», "Chernihiv region"
            hits[j] = set(hits[j - 1])
    for _piece, parts in compounds:  # a word that is the whole "34-year-old" («34-річного»): its "year" is no other
        whole = [j for j, matched in enumerate(hits) if matched and len(matched & parts) > 1]  # («[років] ув'язнення»)
        if whole and any(inside[k].isdigit() for k in parts):
            hits = [matched - parts if matched and j not in whole else matched for j, matched in enumerate(hits)]
    if tgt_lang == "en" and not clause:  # an English verb between two phrases ends them as punctuation does
        for j, (_s, _e, word) in enumerate(target):
            if (word.lower() if _title_case(target) else word) in _ENGLISH_VERBS and not hits[j] \
                    and not (word == "do" and 0 < j < len(target) - 1 and target[j - 1][2][:1].isupper()
                             and target[j + 1][2][:1].isupper()) \
                    or _past_after_name(window, target, hits, j):
                breaks[j] = True
                if j + 1 < len(target):
                    breaks[j + 1] = True
            if _infinitive_after_comma(window, target, j):
                hits[j] = None  # a wall no join crosses, not even a relative clause's
    hits = _sandwiched(hits, breaks)
    return target, hits, breaks


_TOGETHER = frozenset({("вместе", "с"), ("вместе", "со"), ("разом", "з"), ("разом", "із"), ("разом", "зі"),
                       ("together", "with"), ("along", "with")})


def _infinitive_after_comma(window: str, target, j: int) -> bool:
    """English word j is "to" right after a comma, before a word in lower case: an infinitive (or a destination) that
    the phrase before the comma does not go on into ("Veteran Hub, a nonprofit that supports former servicemembers,
    [to refer veterans]")."""
    return 0 < j < len(target) - 1 and target[j][2] == "to" and target[j + 1][2].islower() \
        and "," in window[target[j - 1][1]:target[j][0]]


def _past_after_name(window: str, target, hits, j: int) -> bool:
    """English word j is a regular past verb, free, between a name, a closing quote or a word of the phrase (not an
    adverb in -ly: "who previously [chaired] the council") and an article or a possessive: the main verb after the
    phrase ("Oksana Dudka [searched] the offices", "'Friends of Ukraine' [urged] the government", "A minibus driver
    [rescued] the driver"; not "the company based in", "Kyiv, accused of")."""
    word = target[j][2]
    return 0 < j < len(target) - 1 and not hits[j] and len(word) > 4 and word.islower() \
        and word.endswith("ed") and target[j + 1][2].lower() in _DETERMINERS \
        and ((target[j - 1][2][:1].isupper() or hits[j - 1] and not target[j - 1][2].endswith("ly"))
             and window[target[j - 1][1]:target[j][0]] == " "
             or window[target[j - 1][1]:target[j][0]].strip() in ("\"", "”", "»"))


_DETERMINERS = frozenset("the a an its his her their our my your this these".split())


def _sentence_end(window: str, target, j: int) -> bool:
    """A full stop, question or exclamation mark ends a sentence before target word j, a capitalised one, where the
    word before is no initial nor a short abbreviation, or the word after opens a sentence ("Serhiy V. The …",
    «забудови. Його»; not "U.S. senators", "Prof. Ostapchuk", «церкви св. Миколая»)."""
    before, after = target[j - 1][2], target[j][2]
    initials = len(before) == len(after) == 1 and window.startswith(".", target[j][1])  # "V. A. Afanasiev"
    return bool(_FULL_STOP.fullmatch(window, target[j - 1][1], target[j][0])) and after[:1].isupper() \
        and not initials and (after.lower() in _OPENERS  # after an initial too: "Serhiy V. The court …"
                              or len(before) > 4 and not before.isupper())  # abbreviations are shorter ("Prof.")


_FULL_STOP = re.compile(r"[.!?…]+[»”\"']?\s+")
_OPENERS = frozenset("the a an he she it they we his her its their this that these those there in on at after "
                     "він вона воно вони його її їх йому їй їм це цей ця ці там у в на після "
                     "он она оно они его ее её их ему ей им это этот эта эти там в на после".split())


def _after_run(window: str, target, hits, breaks, last: int, budget: int, missing: list[str],
               tgt_lang: str) -> tuple[int, int]:
    """After the run, for the words still `missing`: the noun its last word, an adjective, qualifies
    («Лейбористской [партии]», «національної [армії]»), then genitive complements of a head noun that the evidence
    missed, a preposition's too: «Департаменту [природних ресурсів]», «Агенцію [з охорони довкілля]», but not after a
    name or a quoted name («ДП «Ізмаїльський морський торговельний порт» [у розтраті]»). Nouns cost one missing word
    each; an adjective or a preposition comes free with the noun after it.
    The noun is taken even where the lexicon pairs it with a word outside, if a word is missing («російські
    [війська]» beside "military") or the adjective is part of a name («Лейбористської [партії]»). In the
    genitive, where the missing words are lower-case, it is a complement and free: their head is still to be
    found («[керівництво] крікетного [турніру]» for "cricket authorities"; but «Лівійської національної [армії]»
    is "Army"; a possessive is a complement after it: «міністерка закордонних [справ] Німеччини»)."""
    names = [w for w in missing if w[:1].isupper()]
    owners = bool(names) and all(_POSSESSIVE.search(w) for w in names)
    noun = _noun_after(target, hits, breaks, last, tgt_lang)  # across other adjectives («моем офисном [заклятом
    if noun is not None and (hits[noun] == set() or hits[noun] is None  # враге]»)
                             and (budget or target[last][2][:1].isupper() and noun == last + 1)):
        free = _genitive(target[last][2], target[noun][2], tgt_lang) \
            and not any(w[:1].isupper() and not _POSSESSIVE.search(w) for w in missing)  # a possessive comes after
        last, budget = noun, budget if free else max(budget - 1, 0)
    while budget and _free(target, hits, breaks, last + 1):
        step = _complement_length(target, hits, breaks, last + 1, tgt_lang)
        if not step or (step > 1 and _cases(target[last + 1][2], tgt_lang)[0] == "PREP"
                        and (budget < 2 or _named(target[last][2], tgt_lang) or owners
                             or window[target[last][1]:target[last][1] + 1] in _CLOSING_MARKS)):
            break  # a prepositional complement («з охорони довкілля») stands for two words or more, never after
            # a name («судом Бристоля [по обвинению]») nor for a possessive ("Ukraine's": not «[у червні]»)
        last, budget = last + step, budget - 1
    return last, budget


_CLOSING_MARKS = ("»", "”", '"')


def _quantity(word: str, lang: str) -> bool:
    """A number or a quantifier of data/grammar.tsv ("about", «понад», «несколько»)."""
    return word[:1].isdigit() or _number_word(word) \
        or glossary.meanings(word, lang) != glossary.meanings(word, lang, grammar=False)


def _heads_before(target, hits, breaks, first: int, last: int, budget: int, tgt_lang: str,
                  possessive: bool, clausal: bool) -> tuple[int, int]:
    """Before the run: titles and heads the lexicon does not know (півзахисник, міністра, Управління …), one per
    word still missing, never from inside a prepositional phrase («на минулому тижні», «по сведениям»); an
    adjective agreeing with a head so taken comes with it («військовий командир»). Where the phrase is a
    possessive ("Senator Rogers' office") a head before the genitive may be in any case («з офісом сенаторки
    Роджерс»). A relative pronoun is taken only by a phrase with a clause of its own (`clausal`)."""
    run = [w for _s, _e, w in target[first:last + 1]]
    while budget and first > 0 and not breaks[first] and hits[first - 1] == set():
        name = next((w for w in run if w[:1].isupper()), None)
        titled = _titled_across(target, hits, breaks, first, name, tgt_lang) if name else None
        if titled is not None:  # a title with its complement stands for one word («[Голова мережі] Сара Сквайр»)
            first, budget = titled, budget - 1
            run = [w for _s, _e, w in target[first:last + 1]]
            continue
        if not clausal and target[first - 1][2].lower() in _CYRILLIC_RELATIVES:
            break  # the pronoun of a clause the phrase has no part in («вірус, [який] експерти Norton не зможуть …»)
        if first > 1 and (target[first - 2][2].lower(), target[first - 1][2].lower()) in _IDIOMS_BEFORE:
            break  # «критику з [боку] профспілок»: "criticism from trade unions"; «за [словами] речника»
        title = _heads(target[first - 1][2], run, tgt_lang, possessive)
        if title is not None and _complement_of_noun(target, first - 1, tgt_lang, hits[first - 2] is None):
            break  # «позбавлення [волі] 45-річного громадянина», «свободу [слова] 27 науковців»
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
    return first, budget


def unexplained(a: str, b: str, a_lang: str, b_lang: str, lexicons: dict | None = None) -> tuple[str, str]:
    """The words of two phrases that translate each other (linked spans) that no evidence pairs up: what the pair
    can teach a lexicon ("rider" and «кур'єр»; nothing of "Professor Marchuk" and «професор Марчук», whose words match
    by their spelling already)."""
    if lexicons is None:
        lexicons = lexicon.packaged()
    pair = lexicons.get((a_lang, b_lang))
    entries, langs = (pair.forward if pair else {}), (a_lang, b_lang)
    words_a = [w for _s, _e, w in _tokens(a) if not _grammar(w, a_lang)]  # "the" pairs with nothing
    words_b = [w for _s, _e, w in _tokens(b) if not _grammar(w, b_lang)]
    matched = {(i, j) for i, x in enumerate(words_a) for j, y in enumerate(words_b) if _similar(x, y, entries, langs)}
    return (" ".join(w for i, w in enumerate(words_a) if all(i != m for m, _ in matched)),
            " ".join(w for j, w in enumerate(words_b) if all(j != m for _, m in matched)))


def _without_possessive(window: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """An English phrase ends before a possessive 's ("Donald Trump" of "Donald Trump's skyscraper")."""
    if lang == "en" and window[end - 2:end] in ("'s", "’s", "ʼs") and end - 2 > start:
        end -= 2
    return start, end


def _quoted(window: str, start: int, end: int, bare: bool = False) -> tuple[int, int]:
    """The span with the other mark of a quote or bracket it opens or closes at its edge («компанії «Вагнер»»,
    "(NAMI)"); and, where the source phrase stood `bare` (not in quotes of its own), with the quote marks the
    translation puts around the whole of it: «Манстер» for "Munster"."""
    pairs = (*_QUOTE_PAIRS, ('"', '"'))
    if bare and start and any(window[start - 1] == a and window[end:end + 1] == b for a, b in pairs):
        return start - 1, end + 1
    for opening, closing in (*_QUOTE_PAIRS, ("(", ")")):
        inner = window[start:end]
        rest = _REST_OF_QUOTE.match(window, end)
        if inner.count(opening) > inner.count(closing) and window[rest.end():rest.end() + 1] == closing:
            end = rest.end() + 1  # the rest of a quoted name: «Хлебный [двор]»
        elif inner.count(opening) > inner.count(closing) and window[end:end + 2] in ("!" + closing, "?" + closing):
            end += 2  # a quoted exclamation or question: «Вітаю!»
        elif inner.count(closing) > inner.count(opening) and start and window[start - 1] == opening:
            start -= 1
    if window[start:end].count('"') % 2:  # a straight mark opens and closes alike: take the one beside the span
        if window[end:end + 1] == '"':
            end += 1
        elif start and window[start - 1] == '"':
            start -= 1
    if window[end:end + 1] == "'" and not window[end + 1:end + 2].isalnum() \
            and _SINGLE_OPENS.search(window, start, end) and not _SINGLE_CLOSES.search(window, start, end):
        end += 1  # a straight single quote, which is also an apostrophe: only one opened before a word
    elif start and _SINGLE_OPENS.match(window, start - 1) and _SINGLE_CLOSES.search(window, start, end):
        start -= 1  # and only one closed after a word: "'Interview with the Vampire' author"
    return start, end


_SINGLE_OPENS = re.compile(r"(?:^|(?<=\s))'(?=\w)")
_SINGLE_CLOSES = re.compile(r"(?<=\w)'(?!\w)")


def _bare(sentence: str, start: int, end: int) -> bool:
    """sentence[start:end] stands without quote marks of its own."""
    return sentence[start - 1:start] not in _QUOTE_MARKS and sentence[end:end + 1] not in _QUOTE_MARKS


def _marked(window: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """A hashtag, a mention, a subreddit, a placeholder or a plus keeps its marks (#MeToo, @kyivpost, r/Military,
    #NAME#, OPEC+): the marks at the phrase's edges are taken where the translation has them beside the span (words
    are letters and digits); so does an English abbreviation its full stop ("Jr.")."""
    lead, trail = len(_LEADING_MARKS.match(phrase).group()), len(phrase) - len(phrase.rstrip("#+"))
    if lead and window[max(start - lead, 0):start] == phrase[:lead]:
        start -= lead
    if trail and window[end:end + trail] == phrase[len(phrase) - trail:]:
        end += trail
    elif window[end:end + 1] == "+" and "+" in phrase:  # "OPEC+ group": «Альянс … ОПЕК[+]»
        end += 1
    if window[end:end + 1] == "." and _WITH_FULL_STOP.search(window[:end]):
        end += 1  # "Walt Jr.", "Acme Inc.", "Oleh M."
    return start, end


_WITH_FULL_STOP = re.compile(r"\b(?:Jr|Sr|Inc|Ltd|Co|Corp|St|Bros|[A-ZА-ЯЁІЇЄҐ])$")  # and an initial: "Serhiy V."


_LEADING_MARKS = re.compile(r"/?[ru]/(?=\w)|[#@]*")  # r/Kyiv, /r/Kyiv, u/someone; #tag, @name
_QUOTE_PAIRS = (("«", "»"), ("„", "“"), ("“", "”"))
_REST_OF_QUOTE = re.compile(r"(?:\s*[^\W_]+(?:['’ʼ-][^\W_]+)*){0,3}")  # up to three words, no punctuation
_QUOTE_MARKS = frozenset('«»„“”"')
