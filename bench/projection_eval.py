"""Exact-boundary accuracy of span projection on a small hand-marked gold (bench/data/projection_gold.json).

    python bench/projection_eval.py DEVSET_DIR [--lexicon DIR | packaged | none] [--directions en|all]

For every gold phrase of an English line of DEVSET_DIR (wmt23-news), the counterpart is searched in the
Ukrainian and Russian line (the aligned sentence) and must match the marked phrase exactly. The lexicon is
learned in memory from --lexicon (default: none given = wmt22-general beside DEVSET_DIR), so that it has not
seen the gold lines; `packaged` uses the shipped one (learned from both sets: not held out).

Items whose `set` names another dev set beside DEVSET_DIR (wmt22-general) are scored with a lexicon learned
from DEVSET_DIR and from that set's documents that hold no gold line (unless --lexicon is packaged or none).
"""

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.align import lexicon  # noqa: E402
from annotator.align.counterpart import counterpart, unexplained  # noqa: E402

GOLD = Path(__file__).with_name("data") / "projection_gold.json"
WORD = re.compile(r"\w+")


LANGS = ("en", "uk", "ru")
PAIRS = (("en", "uk"), ("en", "ru"), ("uk", "ru"))  # learned per pair; prepare() adds the other direction


def read_lines(folder: Path) -> dict[str, list[str]]:
    return {lang: (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in LANGS}


def learned(spec: str, devset: Path):
    if spec == "packaged":
        return None
    if spec == "none":
        return {}
    lines = read_lines(Path(spec) if spec else devset.parent / "wmt22-general")
    return lexicon.prepare({(a, b): lexicon.learn(zip(lines[a], lines[b], strict=True)) for a, b in PAIRS})


def learned_without(devset: Path, folder: Path, gold_lines: set[int]):
    """A lexicon from `devset` and from the documents of `folder` that hold none of `gold_lines` (from 1)."""
    own, other = read_lines(devset), read_lines(folder)
    docs = (folder / "docs.txt").read_text(encoding="utf-8").splitlines()
    seen = {docs[k - 1] for k in gold_lines}
    rows = [k for k, doc in enumerate(docs) if doc not in seen]
    return lexicon.prepare({(a, b): lexicon.learn(list(zip(own[a], own[b], strict=True)) +
                                                  [(other[a][k], other[b][k]) for k in rows])
                            for a, b in PAIRS})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", type=Path)
    parser.add_argument("--lexicon", default="")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--links", action="store_true",
                        help="as a team that confirms the suggestions as it goes: each item is scored with a lexicon "
                             "that has also learned from the phrases of the items before it in the file (of its "
                             f"dev set), as the app learns from linked spans; relearned every {RELEARN} items")
    parser.add_argument("--directions", choices=("en", "all"), default="en",
                        help="en: from the English phrase only (the figures of docs/alignment.md); all: every "
                             "language of an item to each other, by direction")
    args = parser.parse_args(argv)
    items = json.loads(GOLD.read_text(encoding="utf-8"))["items"]
    lines = {args.devset.name: read_lines(args.devset)}
    lexicons = {args.devset.name: learned(args.lexicon, args.devset)}
    for name in {item["set"] for item in items if item.get("set", args.devset.name) != args.devset.name}:
        lines[name] = read_lines(args.devset.parent / name)
        lexicons[name] = learned(args.lexicon, args.devset) if args.lexicon in ("packaged", "none") else \
            learned_without(args.devset, args.devset.parent / name, {i["line"] for i in items if i.get("set") == name})
    right, total, overlap = Counter(), Counter(), Counter()
    directions = [("en", "uk"), ("en", "ru")] if args.directions == "en" else \
        [(a, b) for a in LANGS for b in LANGS if a != b]
    seen: dict[str, list[dict]] = {}  # per dev set, the items before this one (--links)
    taught = dict(lexicons)
    for n, item in enumerate(items):
        name = item.get("set", args.devset.name)
        if args.links and n % RELEARN == 0:
            taught = {set_name: with_links(lexicons[set_name], seen.get(set_name, [])) for set_name in lexicons}
        seen.setdefault(name, []).append(item)
        for src, tgt in directions:
            if src not in item or tgt not in item:
                continue
            source = lines[name][src][item["line"] - 1]
            start = locate(source, item[src])
            window = lines[name][tgt][item["line"] - 1]
            clause = item["kind"] in ("CLAIM", "POSITION")  # as the app: spans.states_claims
            found = counterpart(source, start, start + len(item[src]), window, src, tgt, taught[name], clause,
                                guess=True)
            got = window[found[0]:found[1]] if found else None
            split = item["split"] if args.directions == "en" else f"{src}-{tgt}"
            for key in ((split, item["kind"]), (split, "all")):
                total[key] += 1
                right[key] += got == item[tgt]
                overlap[key] += word_f1(window, found, locate(window, item[tgt]), len(item[tgt]))
            if args.verbose and got != item[tgt]:
                print(f"  {item['split']} {src}-{tgt}: {item[src]!r} -> {got!r}, gold {item[tgt]!r}")
    print("| split | kind | exact | word F1 | of |")
    print("|---|---|---|---|---|")
    for key in sorted(total):
        print(f"| {key[0]} | {key[1]} | {right[key] / total[key]:.2f} | {overlap[key] / total[key]:.2f} "
              f"| {total[key]} |")
    return 0


RELEARN = 10


def with_links(base, items: list[dict]):
    """`base` (prepared lexicons, or None for the packaged ones) with what the phrase pairs of `items` teach first,
    as services.alignment.project_lexicons combines a project's linked spans with the shipped lexicon."""
    if not items:
        return base
    entries = {(a, b): dict(pair.forward) for (a, b), pair in (base or lexicon.packaged()).items() if (a, b) in PAIRS}
    links = {(a, b): lexicon.learn([unexplained(i[a], i[b], a, b, base) for i in items if a in i and b in i])
             for a, b in PAIRS}
    return lexicon.prepare(lexicon.combine(entries, links))


def locate(text: str, phrase: str) -> int:
    """Where the phrase stands in the line as whole words ("customer", not the start of "customers"), else its
    first occurrence."""
    found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
    return found.start() if found else text.index(phrase)


def word_f1(window: str, found, start: int, length: int) -> float:
    """How far the found stretch overlaps the marked one, by the words of the window each covers (F1; 0 when
    nothing was found): a softer measure than exact boundaries, for long spans such as claims."""
    words = [(m.start(), m.end()) for m in WORD.finditer(window)]
    gold = {k for k, (s, e) in enumerate(words) if s < start + length and e > start}
    got = {k for k, (s, e) in enumerate(words) if found and s < found[1] and e > found[0]}
    both = len(gold & got)
    return 2 * both / (len(gold) + len(got)) if both else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
