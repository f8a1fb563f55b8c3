"""Exact-boundary accuracy of span projection on short parallel texts written for the purpose
(bench/data/projection_blind/, one file per set): every marked phrase, from each language to each other.

    python bench/projection_blind.py [--set blind1|blind2|…] [--verbose]

Unlike bench/projection_eval.py, the texts are whole sentences of their own (no dev set), projected with the
shipped lexicon as the app does, the guess of the one word left unmatched included.
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.align.counterpart import counterpart  # noqa: E402

DATA = Path(__file__).with_name("data") / "projection_blind"
LANGS = ("en", "uk", "ru")


def main(argv=None) -> int:
    sets = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in DATA.glob("*.json")}
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", choices=sorted(sets))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    right, total = Counter(), Counter()
    for name in args.sets or sorted(sets):
        for item in sets[name]:
            for src in LANGS:
                for tgt in (lang for lang in LANGS if lang != src):
                    sentence, window = item[f"{src}_text"], item[f"{tgt}_text"]
                    start = sentence.index(item[src])
                    found = counterpart(sentence, start, start + len(item[src]), window, src, tgt, guess=True)
                    got = window[found[0]:found[1]] if found else None
                    for key in ((name, f"{src}→{tgt}"), (name, "all")):
                        total[key] += 1
                        right[key] += got == item[tgt]
                    if args.verbose and got != item[tgt]:
                        print(f"  {name} {item['id']} {src}→{tgt}: {item[src]!r} -> {got!r}, marked {item[tgt]!r}")
    print("| set | direction | exact | of |")
    print("|---|---|---|---|")
    for key in sorted(total):
        print(f"| {key[0]} | {key[1]} | {right[key] / total[key]:.3f} | {total[key]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
