"""A phrase no evidence matches ("rider", "Met Office"): where the translation has exactly one word that could be
its counterpart, a noun that no word of the sentence accounts for, and every other noun of the sentence has its
match, that word is the guess."""

from annotator.align.counterpart.english import (
    _ENGLISH_POSSESSIVES,
    _ENGLISH_VERBS,
    _english_function_word,
    _grammar,
    _pronoun,
)
from annotator.align.counterpart.grammar import _calendar, _forms, _number_word, _qualifies
from annotator.align.counterpart.runs import _tokens
from annotator.align.counterpart.words import _similar
from annotator.morphology import parse

MOST_WORDS = 3  # a longer phrase without a single matching word is more than a word the lexicon lacks


def _only_free_noun(target, hits, breaks, inside: list[str], source: tuple[str, int, int], entries: dict,
                    langs: tuple[str, str]) -> tuple[int, int] | None:
    """The first and last index of the guess: the one target word that matches nothing and could name what the
    phrase names, with its adjectives (`_with_adjectives`): a noun, capitalised only where the phrase is or first in
    the window; into English, where no dictionary tells nouns from verbs and adverbs, a word right after an article
    or a possessive that is no function word, verb in -ed or -ing or adverb in -ly ("your [rider]"). None where there
    is none or more than one, or where a noun of the `source` sentence (sentence, start, end) outside the phrase
    has no match either (the free word may be its)."""
    src_lang, tgt_lang = langs
    content = [w for w in inside if not (_grammar(w, src_lang) or _pronoun(w, src_lang) or w[:1].isdigit()
                                         or _number_word(w))]
    if not content or len(content) > MOST_WORDS:
        return None
    named = any(w[:1].isupper() for w in content)
    found = [j for j, (_s, _e, word) in enumerate(target)
             if hits[j] == set() and word[:1].isalpha() and (named or word.islower() or j == 0)
             and _could_name(word, tgt_lang) and (tgt_lang != "en" or j and target[j - 1][2].lower() in _DETERMINERS)]
    if len(found) != 1:
        return None
    forms = [f for _s, _e, word in target for f in _forms(word, tgt_lang)]
    if any(not any(_similar(w, f, entries, langs) for f in forms) for w in _nouns_outside(*source, src_lang)):
        return None
    if tgt_lang == "en":
        return found[0], _english_head_after(target, hits, breaks, found[0], len(content))
    return _with_adjectives(target, hits, breaks, found[0], len(content), tgt_lang), found[0]


def _english_head_after(target, hits, breaks, j: int, words: int) -> int:
    """The last word of the guess into English: English puts the head after its modifiers, so the guess after
    the article goes on over free words, one for each other word of the phrase ("the [old gang]" for «старої
    компанії»)."""
    last = j
    while words > 1 and last + 1 < len(target) and not breaks[last + 1] and hits[last + 1] == set() \
            and _could_name(target[last + 1][2], "en"):
        last, words = last + 1, words - 1
    return last


def _with_adjectives(target, hits, breaks, j: int, words: int, lang: str) -> int:
    """The first word of the guessed noun j with the free adjectives agreeing with it before it, one for each
    other word of the phrase («[сердитим] дідуганом» for "grumpy fella")."""
    first = j
    while words > 1 and first > 0 and not breaks[first] and hits[first - 1] == set() \
            and _qualifies(target[first - 1][2], target[j][2], lang):
        first, words = first - 1, words - 1
    return first


def _nouns_outside(sentence: str, start: int, end: int, lang: str) -> list[str]:
    """The nouns of the sentence outside [start, end): in English, the words right after an article or a
    possessive ("the [order]"; an adjective there stands for the noun after it: "the [wrong] change")."""
    words = [(at, w) for at, _e, w in _tokens(sentence)]
    return [w for k, (at, w) in enumerate(words)
            if not start <= at < end and w[:1].isalpha() and _could_name(w, lang)
            and (lang != "en" or k and words[k - 1][1].lower() in _DETERMINERS)]


_DETERMINERS = _ENGLISH_POSSESSIVES | frozenset("the a an this that these those her".split())


def _could_name(word: str, lang: str) -> bool:
    if _calendar(word):
        return False
    if lang == "en":
        lower = word.lower()
        return not (_english_function_word(word) or lower in _ENGLISH_VERBS or lower.endswith(("ed", "ing"))
                    or len(word) < 3)
    parses = parse(word, lang)  # a noun that is no pronoun, conjunction or adverb too («його», «мене», «Тому»)
    return bool(parses) and parses[0].tag.POS == "NOUN" and not any(p.tag.POS in _CLOSED for p in parses)


_CLOSED = frozenset(("NPRO", "CONJ", "PREP", "ADVB", "PRCL", "INTJ", "PRED"))
