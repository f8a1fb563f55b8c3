"""Exact-boundary accuracy of span projection on a small hand-marked gold (bench/data/projection_gold.json).

    python bench/projection_eval.py DEVSET_DIR [--lexicon DIR | packaged | none]

For every gold phrase of an English line of DEVSET_DIR (wmt23-news), the counterpart is searched in the
Ukrainian and Russian line (the aligned sentence) and must match the marked phrase exactly. The lexicon is
learned in memory from --lexicon (default: none given = wmt22-general beside DEVSET_DIR), so that it has not
seen the gold lines; `packaged` uses the shipped one (learned from both sets: not held out).
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.align import lexicon  # noqa: E402
from annotator.align.counterpart import counterpart  # noqa: E402

GOLD = Path(__file__).with_name("data") / "projection_gold.json"


def learned(spec: str, devset: Path):
    if spec == "packaged":
        return None
    if spec == "none":
        return {}
    folder = Path(spec) if spec else devset.parent / "wmt22-general"
    lines = {lang: (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in ("en", "uk", "ru")}
    return lexicon.prepare({("en", b): lexicon.learn(zip(lines["en"], lines[b], strict=True)) for b in ("uk", "ru")})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", type=Path)
    parser.add_argument("--lexicon", default="")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    lines = {lang: (args.devset / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
             for lang in ("en", "uk", "ru")}
    lexicons = learned(args.lexicon, args.devset)
    right, total = Counter(), Counter()
    for item in json.loads(GOLD.read_text(encoding="utf-8"))["items"]:
        source = lines["en"][item["line"] - 1]
        start = source.index(item["en"])
        for lang in ("uk", "ru"):
            if lang not in item:
                continue
            window = lines[lang][item["line"] - 1]
            found = counterpart(source, start, start + len(item["en"]), window, "en", lang, lexicons)
            got = window[found[0]:found[1]] if found else None
            for key in ((item["split"], item["kind"]), (item["split"], "all")):
                total[key] += 1
                right[key] += got == item[lang]
            if args.verbose and got != item[lang]:
                print(f"  {item['split']} {lang}: {item['en']!r} -> {got!r}, gold {item[lang]!r}")
    print("| split | kind | exact | of |")
    print("|---|---|---|---|")
    for key in sorted(total):
        print(f"| {key[0]} | {key[1]} | {right[key] / total[key]:.2f} | {total[key]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
