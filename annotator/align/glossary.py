"""Words by meaning across en, uk and ru, written for this project.

The learned lexicon (annotator.align.lexicon) knows the words of the sentences it was learned from, one
partner each. Four hand-written tables add what it lacks: `data/glossary.tsv`, the closed set of words ACTOR
phrases are made of (titles, bodies, ranks, relations: "spokesperson", «речник», «представитель»),
`data/places.tsv`, the countries with their adjectives and peoples (Germany, «німецький», «немцы»),
`data/vocabulary.tsv`, the common words of news, forums, support chats and shops ("settings", «досвід»,
«відгук»), and `data/grammar.tsv`, the quantifiers and pronouns at the edges of phrases ("another", «понад»),
which match inside phrases but are no evidence for aligning sentences. A row is one meaning, each cell the starts
of that meaning's words in one language (inflected forms match by their start), or "=word" for a word that must
match whole ("=WHO" in capitals: that word in capitals only, not "who"); a start in «-ник» also takes the woman's
name of the trade in «-ниц-» («керівниця»).
"""

import re
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
PLACES = DATA / "places.tsv"
FILES = (DATA / "glossary.tsv", PLACES, DATA / "vocabulary.tsv", DATA / "grammar.tsv")  # the words of grammar last
LANGS = ("en", "uk", "ru")


@cache
def _rows(file: Path) -> list[list[str]]:
    return [line.split("\t") for line in file.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


@cache
def _row_range(file: Path) -> range:
    """The numbers of the file's rows among the rows of all FILES."""
    first = sum(len(_rows(other)) for other in FILES[:FILES.index(file)])
    return range(first, first + len(_rows(file)))


def _first_grammar_row() -> int:
    return _row_range(FILES[-1]).start


@cache
def _index() -> dict[str, tuple[dict[str, frozenset[int]], dict[str, frozenset[int]], tuple[int, ...]]]:
    """Per language: {whole word: rows}, {word start: rows} and the lengths of the starts."""
    whole: dict[str, dict[str, set[int]]] = {lang: {} for lang in LANGS}
    starts: dict[str, dict[str, set[int]]] = {lang: {} for lang in LANGS}
    rows = [row for file in FILES for row in _rows(file)]
    for row, cells in enumerate(rows):
        for lang, cell in zip(LANGS, cells, strict=True):
            for form in cell.split():
                table, key = (whole, form[1:]) if form.startswith("=") else (starts, form)
                key = _CAPITALS + key if table is whole and len(key) > 1 and key.isupper() else _plain(key)
                table[lang].setdefault(key, set()).add(row)
                if table is starts and key.endswith("ник"):  # a woman's name of the trade: «керівниця», «сотрудница»
                    starts[lang].setdefault(_plain(key[:-1] + "ц"), set()).add(row)
    return {lang: ({k: frozenset(v) for k, v in whole[lang].items()},
                   {k: frozenset(v) for k, v in starts[lang].items()},
                   tuple(sorted({len(k) for k in starts[lang]})))
            for lang in LANGS}


def _plain(word: str) -> str:
    """Case, the three apostrophes and ё aside (Russian writes ё as е more often than not)."""
    return _APOSTROPHES.sub("'", word.lower()).replace("ё", "е")


_APOSTROPHES = re.compile("[’ʼ]")
_CAPITALS = "!"  # before a key written in capitals ("=WHO"), which matches the word in capitals only (not "who")


@lru_cache(maxsize=65_536)
def meanings(word: str, lang: str, grammar: bool = True) -> frozenset[int]:
    """The glossary rows the word belongs to (none for a language the glossary lacks), without the words of
    grammar unless `grammar`; an abbreviation is no word of grammar ("US" is no "us")."""
    if lang not in LANGS:
        return frozenset()
    grammar = grammar and not (word.isupper() and len(word) > 1)
    whole, starts, lengths = _index()[lang]
    found = set(whole.get(_CAPITALS + word, ())) if word.isupper() else set()
    word = _plain(word)
    found |= whole.get(word, frozenset())
    for n in lengths:
        if n > len(word):
            break
        found |= starts.get(word[:n], frozenset())
    return frozenset(found if grammar else {row for row in found if row < _first_grammar_row()})


def same_meaning(a: str, a_lang: str, b: str, b_lang: str) -> bool:
    """The two words, of two languages, share a row of the glossary."""
    return a_lang != b_lang and not meanings(a, a_lang).isdisjoint(meanings(b, b_lang))


def place(word: str, lang: str) -> bool:
    """The word names a country or a part of the world, or is its adjective or people (`data/places.tsv`)."""
    return any(row in _row_range(PLACES) for row in meanings(word, lang))
