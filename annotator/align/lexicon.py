"""A small translation lexicon between en, uk and ru word stems, learned from aligned sentence pairs.

Words are reduced to crude stems (lower case, the first five letters), which is enough to merge most
inflected forms of a Ukrainian or Russian word. `learn` counts in how many aligned pairs two stems occur
together and keeps, for each stem, the few partners with the highest Dice coefficient. The packaged file
`data/lexicon.tsv.gz` was learned from the development sets (see bench/build_lexicon.py); a project's
confirmed alignments can be fed to `learn` the same way.
"""

import gzip
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from annotator.align.anchors import words_of

STEM_LENGTH = 5
MIN_WORD = 3
PACKAGED = Path(__file__).with_name("data") / "lexicon.tsv.gz"

Lexicon = dict[str, tuple[str, ...]]  # source stem -> target stems, the most strongly associated first


def stems(sentence: str) -> set[str]:
    """The stems of a sentence's words of three letters or more."""
    out = set()
    for word in words_of(sentence):
        if len(word) >= MIN_WORD:
            out.add(stem(word))
    return out


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    return re.sub(r"['’ʼ]", "", word.lower().replace("ё", "е"))[:STEM_LENGTH]


def learn(pairs: Iterable[tuple[str, str]], min_count: int = 2, min_dice: float = 0.25, top: int = 3) -> Lexicon:
    """Stem translations from aligned (source, target) sentence pairs, best few per source stem."""
    src_count, tgt_count, joint = Counter(), Counter(), Counter()
    for src, tgt in pairs:
        src_stems, tgt_stems = stems(src), stems(tgt)
        src_count.update(src_stems)
        tgt_count.update(tgt_stems)
        joint.update((s, t) for s in src_stems for t in tgt_stems)
    candidates: dict[str, list[tuple[float, str]]] = {}
    for (s, t), both in joint.items():
        if both < min_count:
            continue
        dice = 2 * both / (src_count[s] + tgt_count[t])
        if dice >= min_dice:
            candidates.setdefault(s, []).append((dice, t))
    return {s: tuple(t for _, t in sorted(found, key=lambda x: (-x[0], x[1]))[:top]) for s, found in candidates.items()}


def invert(lexicon: Lexicon) -> Lexicon:
    """Target stem -> source stems, the strongest first: a source whose best partner the target is comes
    before one that has it second (the stored entries keep their partners' order, not their scores)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for s, targets in lexicon.items():
        for rank, t in enumerate(targets):
            out.setdefault(t, []).append((rank, s))
    return {t: tuple(s for _rank, s in sorted(sources)) for t, sources in out.items()}


def dump(lexicons: dict[tuple[str, str], Lexicon], path: Path) -> None:
    """Write lexicons as gzipped lines 'src_lang tgt_lang<TAB>source stem<TAB>target stems, best first'."""
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        for (a, b), lexicon in sorted(lexicons.items()):
            for s in sorted(lexicon):
                out.write(f"{a} {b}\t{s}\t{' '.join(lexicon[s])}\n")


def read(path: Path) -> dict[tuple[str, str], Lexicon]:
    lexicons: dict[tuple[str, str], Lexicon] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            pair, s, targets = line.rstrip("\n").split("\t")
            a, b = pair.split()
            lexicons.setdefault((a, b), {})[s] = tuple(targets.split())
    return lexicons


@dataclass(frozen=True)
class Bilingual:
    """One language pair's entries seen from one side: `forward` maps source stems to target stems and
    `backward` is its inverse, so both sentences of a pair can name the entries they hold."""

    forward: Lexicon
    backward: Lexicon
    # stem -> the names ("~source stem|target stem") of the entries it is half of, per side
    src_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tgt_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self):
        for s, targets in self.forward.items():
            self.src_keys[s] = tuple(f"~{s}|{t}" for t in sorted(targets))
        for t, sources in self.backward.items():
            self.tgt_keys[t] = tuple(f"~{s}|{t}" for s in sorted(sources))


def prepare(lexicons: dict[tuple[str, str], Lexicon]) -> dict[tuple[str, str], Bilingual]:
    """Both directions of every stored language pair."""
    out = {}
    for (a, b), lexicon in lexicons.items():
        inverse = invert(lexicon)
        out[(a, b)] = Bilingual(lexicon, inverse)
        out.setdefault((b, a), Bilingual(inverse, lexicon))
    return out


@cache
def packaged() -> dict[tuple[str, str], Bilingual]:
    """The lexicons shipped with the package (none if the file is missing)."""
    return prepare(packaged_entries())


@cache
def packaged_entries() -> dict[tuple[str, str], Lexicon]:
    """The shipped entries as stored (one direction per language pair); do not modify them."""
    return read(PACKAGED) if PACKAGED.exists() else {}


Lexicons = dict[tuple[str, str], Lexicon]  # per (source language, target language)


def combine(first: Lexicons, then: Lexicons) -> Lexicons:
    """Entries of both, a stem's partners from `first` before those from `then`. A pair that `then` stores
    the other way round takes `first`'s entries inverted (learn in `then`'s direction to keep their order)."""
    out = {pair: dict(entries) for pair, entries in then.items()}
    for (a, b), entries in first.items():
        if (a, b) not in out and (b, a) in out:
            (a, b), entries = (b, a), invert(entries)
        merged = out.setdefault((a, b), {})
        for s, targets in entries.items():
            merged[s] = tuple(dict.fromkeys(targets + merged.get(s, ())))
    return out
