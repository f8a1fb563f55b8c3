"""Score sentence alignment on a line-aligned parallel dev set (en / uk / ru) against Gale-Church.

    python bench/align_eval.py DEVSET_DIR [--docs all|even|odd] [--lexicon DIR[:even|odd] | packaged | none]
                               [--domain all|news|social|ecommerce|chat]

DEVSET_DIR holds en.txt, uk.txt, ru.txt (line i is the same segment in all three) and docs.txt (the
document id of each line). Each document is aligned on its own, in three settings:

  kept     the lines grouped into paragraphs of one to four lines (seeded, the same in every language,
           except that about one break in ten is missing on the second side: translations do not always
           keep paragraphs); paragraphs joined by blank lines, lines inside one by spaces; re-segmented
           with split_sentences; the aligner is given the paragraph breaks;
  lost     a document's lines joined by spaces into one paragraph (no breaks), re-segmented;
  dropped  as `kept`, but the second side of every pair drops about one line in twelve; only documents
           of eight lines or more (stories, not chat turns).

Every predicted sentence is mapped to the gold lines it overlaps by characters. A predicted bond (two
sentences in one bead) is right when the two sentences share a gold line; recall is the share of gold lines
present on both sides that a right bond covers. "acc" (sentence accuracy) is the share of sentences linked to
exactly their true counterparts, or to nothing when the counterpart was dropped. "oracle" is the best any
aligner can do on that segmentation (beads = connected pieces of overlapping sentences).

The lexicon is learned in memory from the set given by --lexicon (a dev set folder, optionally only its
even or odd documents), so that the figures on another set are held out; `packaged` uses the shipped file.
"""

import argparse
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.align import align, gale_church, lexicon, paragraph_starts, split_sentences  # noqa: E402

LANGS = ("en", "uk", "ru")
PAIRS = (("en", "uk"), ("en", "ru"), ("uk", "ru"))
SETTINGS = ("kept", "lost", "dropped")
STORY = 8  # lines: the shortest document used in the `dropped` setting


@dataclass
class Unit:
    """A sentence given to the aligner and the gold line ids it covers."""

    text: str
    ids: frozenset


@dataclass
class Side:
    units: list[Unit]
    breaks: list[int]


@dataclass
class Score:
    correct: int = 0
    predicted: int = 0
    gold: int = 0
    exact: int = 0
    sentences: int = 0
    recalled: int = 0

    def add(self, other: "Score") -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def f1(self) -> float:
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.recalled / self.gold if self.gold else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def accuracy(self) -> float:
        return self.exact / self.sentences if self.sentences else 0.0


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


def pick(documents: list[range], which: str) -> list[range]:
    """All documents, or every other one (a split for tuning and reporting on one set)."""
    if which == "all":
        return documents
    return documents[0::2] if which == "even" else documents[1::2]


def domain(doc_id: str) -> str:
    """The domain of a wmt22-general document, told by its id (wmt23-news is all news)."""
    if doc_id.startswith(("t1_", "t3_")):
        return "social"  # Reddit comments and posts
    if doc_id.startswith("ecommerce"):
        return "ecommerce"
    return "chat" if "CLIENT" in doc_id else "news"


def load_lexicons(spec: str) -> dict | None:
    """The lexicons named on the command line: none, the packaged file, or learned from a dev set."""
    if spec == "none":
        return {}
    if spec == "packaged":
        return None
    folder, _, which = spec.partition(":")
    lines, documents = load_devset(Path(folder))
    return lexicon.prepare(learn_from(lines, pick(documents, which or "all")))


def learn_from(lines: dict[str, list[str]], documents: list[range]) -> dict:
    rows = [k for doc in documents for k in doc]
    return {(a, b): lexicon.learn((lines[a][k], lines[b][k]) for k in rows) for a, b in PAIRS}


def paragraphs_of(doc: range, drop_break: bool) -> list[list[int]]:
    """Gold lines grouped into paragraphs of one to four lines, the same grouping for a document whatever
    the language; with `drop_break`, about one break in ten is left out (two paragraphs run together)."""
    rng = random.Random(f"paragraphs-{doc.start}")
    groups, k = [], doc.start
    while k < doc.stop:
        size = 1 if k == doc.start else rng.randint(1, 4)  # the first line is a headline or a lead
        groups.append(list(range(k, min(k + size, doc.stop))))
        k += size
    merge = random.Random(f"merge-{doc.start}")
    out = [groups[0]]
    for group in groups[1:]:
        if merge.random() < 0.1 and drop_break:
            out[-1] = out[-1] + group
        else:
            out.append(group)
    return out


def dropped_lines(doc: range) -> set[int]:
    """About one line in twelve, never the first, at least four lines apart."""
    rng = random.Random(f"drops-{doc.start}")
    drops, k = set(), doc.start + rng.randint(1, 12)
    while k < doc.stop:
        drops.add(k)
        k += rng.randint(4, 20)
    return drops


def build_side(lines: list[str], paragraphs: list[list[int]], lang: str, separator: str) -> Side:
    """Write the paragraphs out, re-segment, and map each sentence to the gold lines it overlaps."""
    text, bounds = "", []
    for p, paragraph in enumerate(paragraphs):
        for n, k in enumerate(paragraph):
            if p or n:
                text += separator if n == 0 else " "
            bounds.append((k, len(text), len(text) + len(lines[k])))
            text += lines[k]
    spans = split_sentences(text, lang)
    units = []
    for begin, end in spans:
        ids = frozenset(k for k, low, high in bounds if begin < high and end > low)
        units.append(Unit(text[begin:end], ids))
    return Side(units, paragraph_starts(text, spans))


def make_pair(lines, doc: range, a: str, b: str, setting: str) -> tuple[Side, Side]:
    if setting == "lost":
        whole = [list(doc)]
        return build_side(lines[a], whole, a, " "), build_side(lines[b], whole, b, " ")
    src = build_side(lines[a], paragraphs_of(doc, False), a, "\n\n")
    target_paragraphs = paragraphs_of(doc, True)
    if setting == "dropped":
        drops = dropped_lines(doc)
        target_paragraphs = [kept for p in target_paragraphs if (kept := [k for k in p if k not in drops])]
    return src, build_side(lines[b], target_paragraphs, b, "\n\n")


def score(src: list[Unit], tgt: list[Unit], beads) -> Score:
    """Bonds between the aligned sentences. A predicted bond is right when its two sentences share a gold
    line. A gold line present on both sides is recalled when some right bond covers it on both sides.
    (Sentences that split one gold line on both sides are not told apart: the gold is no finer.)"""
    predicted = {(i, j) for src_idx, tgt_idx in beads for i in src_idx for j in tgt_idx}
    right = {(i, j) for i, j in predicted if src[i].ids & tgt[j].ids}
    src_all, tgt_all = set().union(*(u.ids for u in src)), set().union(*(u.ids for u in tgt))
    recalled = set().union(*(src[i].ids & tgt[j].ids for i, j in right))
    exact = sum(_unit_exact(u, _linked(predicted, k, 0), tgt, tgt_all) for k, u in enumerate(src))
    exact += sum(_unit_exact(u, _linked(predicted, k, 1), src, src_all) for k, u in enumerate(tgt))
    return Score(len(right), len(predicted), len(src_all & tgt_all), exact, len(src) + len(tgt), len(recalled))


def _unit_exact(unit: Unit, linked: set, other: list[Unit], other_all: set) -> bool:
    """Linked only to true counterparts, and to all of them."""
    if any(not (unit.ids & other[j].ids) for j in linked):
        return False
    covered = set().union(*(unit.ids & other[j].ids for j in linked))
    return covered == unit.ids & other_all


def _linked(bonds: set, k: int, side: int) -> set:
    return {bond[1 - side] for bond in bonds if bond[side] == k}


def oracle(src: list[Unit], tgt: list[Unit]) -> list:
    """Beads made of the connected pieces of sentences that share gold lines."""
    beads, i, j = [], 0, 0
    while i < len(src) or j < len(tgt):
        if i < len(src) and j < len(tgt) and src[i].ids & tgt[j].ids:
            bead = ([i], [j])
            i, j = i + 1, j + 1
            while True:
                if i < len(src) and src[i].ids & set().union(*(tgt[x].ids for x in bead[1])):
                    bead[0].append(i)
                    i += 1
                elif j < len(tgt) and tgt[j].ids & set().union(*(src[x].ids for x in bead[0])):
                    bead[1].append(j)
                    j += 1
                else:
                    break
            beads.append(bead)
        elif j >= len(tgt) or (i < len(src) and min(src[i].ids) <= min(tgt[j].ids)):
            beads.append(([i], []))
            i += 1
        else:
            beads.append(([], [j]))
            j += 1
    return beads


def methods(lexicons):
    return {
        "ours": lambda s, t, a, b: align(
            [u.text for u in s.units], [u.text for u in t.units], a, b, s.breaks, t.breaks, lexicons=lexicons
        ),
        "gale-church": lambda s, t, a, b: gale_church([u.text for u in s.units], [u.text for u in t.units]),
        "oracle": lambda s, t, a, b: oracle(s.units, t.units),
    }


def evaluate(lines, documents, settings, lexicons) -> dict:
    """{(setting, pair): {method: Score}} over all documents."""
    results = {}
    for setting in settings:
        for a, b in PAIRS:
            totals = {name: Score() for name in methods(lexicons)}
            for doc in documents:
                if setting == "dropped" and len(doc) < STORY:
                    continue
                src, tgt = make_pair(lines, doc, a, b, setting)
                for name, method in methods(lexicons).items():
                    totals[name].add(score(src.units, tgt.units, method(src, tgt, a, b)))
            results[(setting, (a, b))] = totals
    return results


def print_table(results: dict) -> None:
    print("| setting | pair | ours F1 | Gale–Church F1 | oracle F1 | ours acc | Gale–Church acc | oracle acc |")
    print("|---|---|---|---|---|---|---|---|")
    for (setting, (a, b)), totals in results.items():
        f1 = " | ".join(f"{totals[n].f1():.4f}" for n in ("ours", "gale-church", "oracle"))
        acc = " | ".join(f"{totals[n].accuracy():.4f}" for n in ("ours", "gale-church", "oracle"))
        print(f"| {setting} | {a}–{b} | {f1} | {acc} |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", type=Path)
    parser.add_argument("--docs", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--lexicon", default="packaged", help="DIR[:even|odd], packaged or none")
    parser.add_argument("--settings", default=",".join(SETTINGS))
    parser.add_argument("--domain", choices=("all", "news", "social", "ecommerce", "chat"), default="all",
                        help="only the documents of one domain (after --docs picks its split)")
    args = parser.parse_args(argv)
    lines, documents = load_devset(args.devset)
    documents = pick(documents, args.docs)
    if args.domain != "all":
        ids = (args.devset / "docs.txt").read_text(encoding="utf-8").splitlines()
        documents = [doc for doc in documents if domain(ids[doc.start]) == args.domain]
    started = time.perf_counter()
    lexicons = load_lexicons(args.lexicon)
    print(f"dev set {args.devset.name} ({args.docs} documents, domain {args.domain}: {len(documents)}, "
          f"{sum(len(d) for d in documents)} lines), lexicon: {args.lexicon}\n")
    print_table(evaluate(lines, documents, args.settings.split(","), lexicons))
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
