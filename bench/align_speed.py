"""Time segmentation and alignment of a three-version group (uk / en / ru), all three pairs.

    python bench/align_speed.py [--sentences 300] [--runs 15]

The texts are generated from made-up sentence templates (no real articles), deterministically: each
version has the same sentences in the same order, with a few sentences dropped or split so that the
aligner meets 1-0 and 1-2 links too.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.align import align, gale_church, glossary, split_sentences  # noqa: E402
from annotator.align.aligner import _glossary_keys, _sentence_evidence  # noqa: E402

NAMES = {
    "en": ["Kyiv", "Kharkiv", "Odesa", "Zelensky", "the mayor", "the ministry"],
    "uk": ["Київ", "Харків", "Одеса", "Зеленський", "мер", "міністерство"],
    "ru": ["Киев", "Харьков", "Одесса", "Зеленский", "мэр", "министерство"],
}
TEMPLATES = {
    "en": [
        "On Monday {name} reported {n} new shelters opened near the river.",
        "Officials said {n} families had received heating aid by the end of the week.",
        "The report, published by {name}, lists {n} damaged schools and two hospitals.",
        "Volunteers delivered water.",
        "According to {name}, the repairs will take at least {n} days, weather permitting, and cost more.",
    ],
    "uk": [
        "У понеділок {name} повідомив про {n} нових укриттів біля річки.",
        "Посадовці сказали, що {n} родин отримали допомогу на опалення до кінця тижня.",
        "У звіті, який оприлюднив {name}, перелічено {n} пошкоджених шкіл і дві лікарні.",
        "Волонтери привезли воду.",
        "За словами {name}, ремонт триватиме щонайменше {n} днів, якщо дозволить погода, і коштуватиме більше.",
    ],
    "ru": [
        "В понедельник {name} сообщил о {n} новых укрытиях у реки.",
        "Чиновники сказали, что {n} семей получили помощь на отопление к концу недели.",
        "В отчёте, который опубликовал {name}, перечислено {n} повреждённых школ и две больницы.",
        "Волонтёры привезли воду.",
        "По словам {name}, ремонт займёт не менее {n} дней, если позволит погода, и обойдётся дороже.",
    ],
}


def make_group(count: int, seed: int = 7) -> dict[str, str]:
    """Three versions of one made-up article, `count` sentences each, paragraphs of five sentences."""
    rng = random.Random(seed)
    plan = [(rng.randrange(len(TEMPLATES["en"])), rng.randrange(6), rng.randrange(2, 9000)) for _ in range(count)]
    texts = {}
    for lang in TEMPLATES:
        sentences = [TEMPLATES[lang][t].format(name=NAMES[lang][k], n=n) for t, k, n in plan]
        if lang == "ru":
            del sentences[count // 3]
        paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
        texts[lang] = "\n\n".join(paragraphs)
    return texts


def time_once(texts: dict[str, str], aligner) -> tuple[float, float, int]:
    _sentence_evidence.cache_clear()  # as on a new article: nothing known of its sentences or words
    glossary.meanings.cache_clear()
    _glossary_keys.cache_clear()
    started = time.perf_counter()
    sentences = {}
    for lang, text in texts.items():
        sentences[lang] = [text[a:b] for a, b in split_sentences(text, lang)]
    segmented = time.perf_counter()
    beads = 0
    for a, b in (("uk", "en"), ("en", "ru"), ("uk", "ru")):
        beads += len(aligner(sentences[a], sentences[b], a, b))
    return segmented - started, time.perf_counter() - segmented, beads


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    texts = make_group(args.sentences)
    aligners = {"ours": align, "gale-church": lambda s, t, a, b: gale_church(s, t)}
    print(f"three versions of {args.sentences} sentences, three pairs, median of {args.runs} runs\n")
    print("| aligner | segment ms | align ms | total ms | beads |")
    print("|---|---|---|---|---|")
    for name, aligner in aligners.items():
        time_once(texts, aligner)
        runs = [time_once(texts, aligner) for _ in range(args.runs)]
        seg = statistics.median(r[0] for r in runs) * 1000
        ali = statistics.median(r[1] for r in runs) * 1000
        total = statistics.median(r[0] + r[1] for r in runs) * 1000
        print(f"| {name} | {seg:.1f} | {ali:.1f} | {total:.1f} | {runs[0][2]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
