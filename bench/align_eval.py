"""Score sentence alignment on a line-aligned parallel dev set (en / uk / ru) against Gale-Church.

    python bench/align_eval.py DEVSET_DIR

DEVSET_DIR holds en.txt, uk.txt, ru.txt (line i is the same segment in all three) and docs.txt (the
document id of each line). Each document is aligned on its own, in three settings:

  running  a document's lines joined by spaces into one paragraph, re-segmented with split_sentences;
           predicted beads are projected back onto gold lines by character overlap;
  gold     the gold lines as sentences;
  edited   the gold lines with deterministic deletions and merges on both sides (1-0, 0-1, 2-1, 1-2).

Scores are over bonds, pairs of gold lines (s, t) that a bead links: precision, recall and F1 summed over
all documents, and "exact", the share of gold lines linked to exactly their true counterpart and nothing
else (or to nothing, when the counterpart was deleted). In the running setting, "oracle" is the best any
aligner can do on that segmentation (beads = connected pieces of overlapping sentences).
"""

import argparse
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.align import align, gale_church, split_sentences  # noqa: E402

LANGS = ("en", "uk", "ru")
PAIRS = (("en", "uk"), ("en", "ru"), ("uk", "ru"))


@dataclass
class Unit:
    """A sentence given to the aligner and the gold line ids it covers."""

    text: str
    ids: frozenset


@dataclass
class Score:
    correct: int = 0
    predicted: int = 0
    gold: int = 0
    exact: int = 0
    lines: int = 0
    recalled: int | None = None

    def add(self, other: "Score") -> None:
        for name in vars(self):
            mine, theirs = getattr(self, name), getattr(other, name)
            setattr(self, name, theirs if mine is None else mine + (theirs or 0))

    def row(self) -> tuple[float, float, float, float]:
        precision = self.correct / self.predicted if self.predicted else 0.0
        found = self.correct if self.recalled is None else self.recalled
        recall = found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1, self.exact / self.lines if self.lines else 0.0


def load_devset(folder: Path) -> tuple[dict[str, list[str]], list[range]]:
    lines = {lang: (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in LANGS}
    doc_ids = (folder / "docs.txt").read_text(encoding="utf-8").splitlines()
    if any(len(lines[lang]) != len(doc_ids) for lang in LANGS):
        raise SystemExit("en.txt, uk.txt, ru.txt and docs.txt must have the same number of lines")
    documents, start = [], 0
    for index in range(1, len(doc_ids) + 1):
        if index == len(doc_ids) or doc_ids[index] != doc_ids[start]:
            documents.append(range(start, index))
            start = index
    return lines, documents


def gold_units(lines: list[str], doc: range) -> list[Unit]:
    return [Unit(lines[k], frozenset([k])) for k in doc]


def running_units(lines: list[str], doc: range, lang: str) -> list[Unit]:
    """Join the document's lines with spaces, re-segment, and map each sentence to the lines it overlaps."""
    text, bounds, start = "", [], 0
    for k in doc:
        text += ("" if k == doc.start else " ") + lines[k]
        start = len(text) - len(lines[k])
        bounds.append((k, start, len(text)))
    units = []
    for begin, end in split_sentences(text, lang):
        ids = frozenset(k for k, low, high in bounds if begin < high and end > low)
        units.append(Unit(text[begin:end], ids))
    return units


def edited_pair(src_lines: list[str], tgt_lines: list[str], doc: range, seed: str) -> tuple[list, list]:
    """Gold lines with edits at about one line in six: a line deleted on one side (a 1-0 or 0-1 link) or
    two lines merged into one on one side (2-1 or 1-2), edits at least three lines apart, seeded."""
    rng = random.Random(seed)
    src, tgt = gold_units(src_lines, doc), gold_units(tgt_lines, doc)
    position = rng.randrange(1, 4)
    edits = []
    while position + 1 < len(doc):
        edits.append((position, rng.choice(("delete-src", "delete-tgt", "merge-src", "merge-tgt"))))
        position += rng.randrange(3, 10)
    for position, edit in reversed(edits):
        side = src if edit.endswith("src") else tgt
        if edit.startswith("delete"):
            del side[position]
        else:
            first, second = side[position], side.pop(position + 1)
            side[position] = Unit(first.text + " " + second.text, first.ids | second.ids)
    return src, tgt


def score_units(src: list[Unit], tgt: list[Unit], beads) -> Score:
    """Bonds between the aligned sentences. A predicted bond is right when its two sentences share a gold
    line. A gold line present on both sides is recalled when some right bond covers it on both sides.
    (Sentences that split one gold line on both sides are not told apart: the gold is no finer.)"""
    predicted = {(i, j) for src_idx, tgt_idx in beads for i in src_idx for j in tgt_idx}
    right = {(i, j) for i, j in predicted if src[i].ids & tgt[j].ids}
    src_all, tgt_all = set().union(*(u.ids for u in src)), set().union(*(u.ids for u in tgt))
    shared = src_all & tgt_all
    recalled = set().union(*(src[i].ids & tgt[j].ids for i, j in right))
    exact = sum(_unit_exact(u, _linked(predicted, k, 0), tgt, tgt_all) for k, u in enumerate(src))
    exact += sum(_unit_exact(u, _linked(predicted, k, 1), src, src_all) for k, u in enumerate(tgt))
    return Score(len(right), len(predicted), len(shared), exact, len(src) + len(tgt), len(recalled))


def _unit_exact(unit: Unit, linked: set, other: list[Unit], other_all: set) -> bool:
    """Linked only to true counterparts, and to all of them."""
    if any(not (unit.ids & other[j].ids) for j in linked):
        return False
    covered = set().union(*(unit.ids & other[j].ids for j in linked))
    return covered == unit.ids & other_all


def score_lines(src: list[Unit], tgt: list[Unit], beads) -> Score:
    """Bonds projected onto gold lines: a bead links every line its source sentences overlap to every line
    its target sentences overlap; the reference links line k to line k."""
    predicted = set()
    for src_idx, tgt_idx in beads:
        src_ids = set().union(*(src[i].ids for i in src_idx))
        tgt_ids = set().union(*(tgt[j].ids for j in tgt_idx))
        predicted.update((s, t) for s in src_ids for t in tgt_ids)
    src_all, tgt_all = set().union(*(u.ids for u in src)), set().union(*(u.ids for u in tgt))
    gold = {(k, k) for k in src_all & tgt_all}
    return _score(predicted, gold, src_all, tgt_all)


def _score(predicted: set, gold: set, src_items, tgt_items) -> Score:
    """P/R counts, and how many items on either side are linked to exactly their gold counterparts."""
    src_items = range(src_items) if isinstance(src_items, int) else src_items
    tgt_items = range(tgt_items) if isinstance(tgt_items, int) else tgt_items
    exact = sum(_linked(predicted, k, 0) == _linked(gold, k, 0) for k in src_items)
    exact += sum(_linked(predicted, k, 1) == _linked(gold, k, 1) for k in tgt_items)
    return Score(len(predicted & gold), len(predicted), len(gold), exact, len(src_items) + len(tgt_items))


def _linked(bonds: set, k: int, side: int) -> set:
    return {bond[1 - side] for bond in bonds if bond[side] == k}


METHODS = {
    "ours": lambda src, tgt, a, b: align([u.text for u in src], [u.text for u in tgt], a, b),
    "gale-church": lambda src, tgt, a, b: gale_church([u.text for u in src], [u.text for u in tgt]),
}


def evaluate(lines, documents, setting: str, scorer) -> dict:
    results = {}
    for a, b in PAIRS:
        totals = {name: Score() for name in METHODS}
        for doc in documents:
            src, tgt = _units(lines, doc, a, b, setting)
            for name, method in METHODS.items():
                totals[name].add(scorer(src, tgt, method(src, tgt, a, b)))
        results[(a, b)] = totals
    return results


def _units(lines, doc: range, a: str, b: str, setting: str) -> tuple[list[Unit], list[Unit]]:
    if setting == "running":
        return running_units(lines[a], doc, a), running_units(lines[b], doc, b)
    if setting == "edited":
        return edited_pair(lines[a], lines[b], doc, f"{doc.start}-{a}-{b}")
    return gold_units(lines[a], doc), gold_units(lines[b], doc)


def print_table(title: str, results: dict) -> None:
    print(f"\n## {title}\n")
    print("| pair | method | precision | recall | F1 | exact |")
    print("|---|---|---|---|---|---|")
    for (a, b), totals in results.items():
        for name, total in totals.items():
            p, r, f, e = total.row()
            print(f"| {a}-{b} | {name} | {p:.4f} | {r:.4f} | {f:.4f} | {e:.4f} |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", type=Path)
    parser.add_argument("--settings", default="running,gold,edited")
    args = parser.parse_args(argv)
    lines, documents = load_devset(args.devset)
    print(f"dev set {args.devset}: {len(documents)} documents, {len(lines['en'])} lines")
    started = time.perf_counter()
    for setting in args.settings.split(","):
        print_table(f"{setting}: bonds between sentences", evaluate(lines, documents, setting, score_units))
        if setting == "running":
            title = "running: bonds projected onto gold lines"
            print_table(title, evaluate(lines, documents, setting, score_lines))
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
