"""Automatic sentence alignment: lengths plus lexical anchors, and a plain Gale-Church baseline."""

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from annotator.align import dp, glossary, lexicon
from annotator.align.anchors import cognate_keys, sentence_anchors, words_of
from annotator.align.segment import base_lang

Bead = dp.Bead

# Tuned on the even documents of wmt22-general with a lexicon learned from its odd ones (docs/alignment.md).
_DELETION = 0.02
ANCHORED = dp.Params(
    priors={
        (1, 1): 0.89, (1, 0): _DELETION, (0, 1): _DELETION, (2, 1): 0.0445, (1, 2): 0.0445, (2, 2): 0.011,
        (3, 1): 0.002, (1, 3): 0.002,
    },
    ratio=None,
    variance=6.8,
    match_weight=4.0,
    smoothing=0.5,
    chance_factor=3.0,
    threshold=0.4,
    band=60,
    deletion_length_cost=False,
    break_weight=2.0,
    idle_cost=4.0,
)
GALE_CHURCH = dp.Params(ratio=1.0, variance=6.8)
# How much one key of each kind weighs against a name, number, date or quote (weight 1).
LEXICON_WEIGHT = 0.5
COGNATE_WEIGHT = 0.5
GLOSSARY_WEIGHT = 1.0  # a meaning of the glossary or the vocabulary (chosen on the tuning split: 0.25-2 tried)


def align(
    src: list[str],
    tgt: list[str],
    src_lang: str = "",
    tgt_lang: str = "",
    src_breaks: Iterable[int] = (),
    tgt_breaks: Iterable[int] = (),
    lexicons: dict | None = None,
) -> list[Bead]:
    """Align two lists of sentences; beads are (source indices, target indices), monotonic and complete.

    Bead shapes are 1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3 and 3-1. Evidence besides lengths: names, numbers, dates and
    quotes; words spelled alike once transliterated; stem translations from the lexicon of the language
    pair (the packaged one unless `lexicons` is given, see annotator.align.lexicon); the meanings of the
    hand-written glossary and vocabulary (annotator.align.glossary); and paragraph breaks,
    given as the indices of the sentences that start a paragraph (a soft anchor: a bead that ends at a
    break on one side only costs more).
    """
    src_keys = sentence_keys(src, src_lang, tgt_lang, lexicons, side=0)
    tgt_keys = sentence_keys(tgt, tgt_lang, src_lang, lexicons, side=1)
    evidence = anchor_evidence(src_keys, tgt_keys)
    evidence.src_lengths, evidence.tgt_lengths = _lengths(src), _lengths(tgt)
    evidence.src_breaks, evidence.tgt_breaks = _breaks(src_breaks, len(src)), _breaks(tgt_breaks, len(tgt))
    return dp.run(evidence, ANCHORED)


def gale_church(src: list[str], tgt: list[str]) -> list[Bead]:
    """The plain Gale-Church (1993) aligner on character lengths: the baseline to beat."""
    evidence = dp.Evidence(src_lengths=_lengths(src), tgt_lengths=_lengths(tgt))
    return dp.run(evidence, GALE_CHURCH)


def sentence_keys(sentences: list[str], lang: str, other: str, lexicons, side: int) -> list[dict[str, float]]:
    """Each sentence's evidence keys with the weight of their kind.

    Lexicon keys name an entry (source stem, target stem) of the pair's lexicon, so that a source
    sentence and a target sentence share the key when each holds its half of the entry.
    """
    if lexicons is None:
        lexicons = lexicon.packaged()
    lang, other = base_lang(lang), base_lang(other)
    pair = lexicons.get((lang, other) if side == 0 else (other, lang))
    entries = {} if pair is None else (pair.src_keys if side == 0 else pair.tgt_keys)
    out = []
    for sentence in sentences:
        cognates, stems, anchors = _sentence_evidence(sentence)
        keys = dict.fromkeys(cognates, COGNATE_WEIGHT)
        for stem in stems:
            named = entries.get(stem)
            if named:
                keys.update(dict.fromkeys(named, LEXICON_WEIGHT))
        keys.update(dict.fromkeys(_glossary_keys(sentence, lang), GLOSSARY_WEIGHT))
        keys.update(dict.fromkeys(anchors, 1.0))
        out.append(keys)
    return out


@lru_cache(maxsize=4096)
def _glossary_keys(sentence: str, lang: str) -> frozenset[str]:
    """The meanings of the sentence's words in the glossary (officials, police, mayor …) and the vocabulary (settings,
    money, reply …); its words of grammar ("many", «нас») are too common to tell one sentence from another."""
    return frozenset(f"g{row}" for word in words_of(sentence) for row in glossary.meanings(word, lang, grammar=False))


@lru_cache(maxsize=4096)
def _sentence_evidence(sentence: str) -> tuple[frozenset, frozenset, frozenset]:
    """Cognate keys, stems and anchors of a sentence (each sentence of a group is aligned twice)."""
    words = words_of(sentence)
    stems = frozenset(lexicon.stem(w) for w in words if len(w) >= lexicon.MIN_WORD)
    return cognate_keys(sentence, words), stems, sentence_anchors(sentence, words)


def anchor_evidence(src_keys: list[dict[str, float]], tgt_keys: list[dict[str, float]]) -> dp.Evidence:
    """Weighted key overlaps between every source and target sentence (and runs of two or three of them).

    Only keys found on both sides count. A key's weight is its kind's weight divided by the number of
    sentences holding it on the busier side, so a name repeated in every sentence counts for little and a
    number that occurs once on each side counts fully. Keys that would link more than MAX_LINKS sentence
    pairs weigh next to nothing and are left out (they would only cost time).
    """
    n, m = len(src_keys), len(tgt_keys)
    src_post, tgt_post = _postings(src_keys), _postings(tgt_keys)
    src_own, tgt_own = np.zeros(n), np.zeros(m)
    single, tgt_pair, src_pair, tgt_triple, src_triple = (_Sparse(n, m) for _ in range(5))
    for key, rows in src_post.items():
        cols = tgt_post.get(key)
        if not cols or len(rows) * len(cols) > MAX_LINKS:
            continue
        weight = src_keys[rows[0]][key] / max(len(rows), len(cols))
        src_own[rows] += weight
        tgt_own[cols] += weight
        single.add(rows, cols, weight)
        tgt_two, src_two = _with_next(cols, m), _with_next(rows, n)
        tgt_pair.add(rows, tgt_two, weight)
        src_pair.add(src_two, cols, weight)
        tgt_triple.add(rows, _with_next(tgt_two, m), weight)
        src_triple.add(_with_next(src_two, n), cols, weight)
    return dp.Evidence(
        src_lengths=np.zeros(n),
        tgt_lengths=np.zeros(m),
        src_anchors=src_own,
        tgt_anchors=tgt_own,
        matches=single.dense(),
        tgt_pair_matches=tgt_pair.dense(),
        src_pair_matches=src_pair.dense(),
        tgt_triple_matches=tgt_triple.dense(),
        src_triple_matches=src_triple.dense(),
    )


MAX_LINKS = 100


class _Sparse:
    """A matrix built from (rows x cols, weight) blocks, summed where they overlap."""

    def __init__(self, n: int, m: int):
        self.shape, self.cells, self.weights = (n, m), [], []

    def add(self, rows: list[int], cols: list[int], weight: float) -> None:
        m = self.shape[1]
        self.cells.extend(r * m + c for r in rows for c in cols)
        self.weights.extend([weight] * (len(rows) * len(cols)))

    def dense(self) -> np.ndarray:
        size = self.shape[0] * self.shape[1]
        if not self.cells:
            return np.zeros(self.shape)
        return np.bincount(self.cells, weights=self.weights, minlength=size).reshape(self.shape)


def _with_next(indices: list[int], count: int) -> list[int]:
    """The sentences that are, or directly follow, one of `indices` (each once)."""
    return sorted(set(indices).union(i + 1 for i in indices if i + 1 < count))


def _breaks(starts: Iterable[int], count: int) -> np.ndarray:
    out = np.zeros(count + 1, dtype=bool)
    out[0] = out[count] = True
    for start in starts:
        if 0 <= start <= count:
            out[start] = True
    return out


def _postings(keys_per_sentence: list[dict[str, float]]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(keys_per_sentence):
        for key in keys:
            postings[key].append(index)
    return postings


def _lengths(sentences: list[str]) -> np.ndarray:
    return np.array([len(sentence) for sentence in sentences], dtype=float)
