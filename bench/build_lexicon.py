"""Learn the packaged translation lexicon (annotator/align/data/lexicon.tsv.gz) from line-aligned dev sets.

    python bench/build_lexicon.py DEVSET_DIR [DEVSET_DIR ...] [--out PATH]

Each DEVSET_DIR holds en.txt, uk.txt and ru.txt with line i the same segment in all three (see
docs/alignment.md). Pairs en-uk, en-ru and uk-ru are learned from all the lines of all the sets given.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.align import lexicon  # noqa: E402

PAIRS = (("en", "uk"), ("en", "ru"), ("uk", "ru"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devsets", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, default=lexicon.PACKAGED)
    args = parser.parse_args(argv)
    lines = {lang: [] for lang in ("en", "uk", "ru")}
    for folder in args.devsets:
        for lang in lines:
            lines[lang] += (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
    learned = {(a, b): lexicon.learn(zip(lines[a], lines[b], strict=True)) for a, b in PAIRS}
    lexicon.dump(learned, args.out)
    sizes = ", ".join(f"{a}-{b} {len(entries)} stems" for (a, b), entries in learned.items())
    print(f"{args.out}: {sizes}; {args.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
