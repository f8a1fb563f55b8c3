#!/usr/bin/env python
"""Generate a deterministic synthetic corpus of `annotator.document/v1` JSONL lines for benchmarks.

    python bench/gen_corpus.py -n 100000 -m 20 --groups -o corpus.jsonl.gz

The text is Ukrainian-, English- and Russian-like news made from the word lists and sentence templates below
(no real article text), with Ukrainian і ї є ґ ʼ, Russian ы э ё, an emoji and a combining stress mark now and
then, and paragraph breaks. Every document gets M word-aligned spans whose [start, end) are Unicode code
point offsets; about `--overlap` of them overlap or nest with another span (they come in pairs, the rest are
disjoint); a document with fewer words than M gets crowded, possibly fewer, spans. The same arguments and
seed give byte-identical output: only `random.random()` is used, whose sequence is stable across Python
versions. Output is streamed.
"""

import argparse
import gzip
import os
import re
import sys
import unicodedata
from bisect import bisect_right
from contextlib import contextmanager
from random import Random

import orjson

SCHEMA = "annotator.document/v1"
LANGS = ("uk", "en", "ru")
POOL_SIZE = 2048
CHUNK = 1000
SOURCE_SITE = "https://news.example.org"

# Actors: (uk, uk gender, en, ru, ru gender); all persons are invented.
ACTORS = [
    ("Олена Коваль", "f", "Olena Koval", "Елена Коваль", "f"),
    ("Тарас Гнатюк", "m", "Taras Hnatiuk", "Тарас Гнатюк", "m"),
    ("Ірина Савчук", "f", "Iryna Savchuk", "Ирина Савчук", "f"),
    ("Максим Дорошенко", "m", "Maksym Doroshenko", "Максим Дорошенко", "m"),
    ("Юлія Ярошенко", "f", "Yuliia Yaroshenko", "Юлия Ярошенко", "f"),
    ("Богдан Їжак", "m", "Bohdan Yizhak", "Богдан Ежак", "m"),
    ("Генштаб", "m", "the General Staff", "Генштаб", "m"),
    ("Міністерство енергетики", "n", "the Energy Ministry", "Министерство энергетики", "n"),
    ("обласна військова адміністрація", "f", "the regional military administration",
     "областная военная администрация", "f"),
    ("місія спостерігачів", "f", "the observer mission", "миссия наблюдателей", "f"),
    ("речник уряду", "m", "a government spokesman", "представитель правительства", "m"),
    ("міська рада", "f", "the city council", "городской совет", "m"),
]
# Places: (uk, uk locative, en, ru, ru locative).
PLACES = [
    ("Київ", "Києві", "Kyiv", "Киев", "Киеве"),
    ("Харків", "Харкові", "Kharkiv", "Харьков", "Харькове"),
    ("Одеса", "Одесі", "Odesa", "Одесса", "Одессе"),
    ("Дніпро", "Дніпрі", "Dnipro", "Днепр", "Днепре"),
    ("Запоріжжя", "Запоріжжі", "Zaporizhzhia", "Запорожье", "Запорожье"),
    ("Львів", "Львові", "Lviv", "Львов", "Львове"),
    ("Херсон", "Херсоні", "Kherson", "Херсон", "Херсоне"),
    ("Суми", "Сумах", "Sumy", "Сумы", "Сумах"),
    ("Чернігів", "Чернігові", "Chernihiv", "Чернигов", "Чернигове"),
    ("Миколаїв", "Миколаєві", "Mykolaiv", "Николаев", "Николаеве"),
    ("Житомир", "Житомирі", "Zhytomyr", "Житомир", "Житомире"),
    ("Ужгород", "Ужгороді", "Uzhhorod", "Ужгород", "Ужгороде"),
]
# Topics in the genitive for uk/ru.
TOPICS = [
    ("постачання зброї", "arms deliveries", "поставок оружия"),
    ("енергетичної безпеки", "energy security", "энергетической безопасности"),
    ("обміну полоненими", "the prisoner exchange", "обмена пленными"),
    ("відновлення мостів", "bridge repairs", "восстановления мостов"),
    ("мирних переговорів", "peace talks", "мирных переговоров"),
    ("експорту зерна", "grain exports", "экспорта зерна"),
    ("ремонту енергомереж", "power grid repairs", "ремонта энергосетей"),
    ("евакуації дітей", "the evacuation of children", "эвакуации детей"),
    ("нових санкцій", "new sanctions", "новых санкций"),
    ("фінансової допомоги", "financial aid", "финансовой помощи"),
    ("відбудови житла", "housing reconstruction", "восстановления жилья"),
]
# Verbs of saying: (uk m, uk f, uk n, en, ru m, ru f, ru n).
SAY = [
    ("заявив", "заявила", "заявило", "said", "заявил", "заявила", "заявило"),
    ("повідомив", "повідомила", "повідомило", "reported", "сообщил", "сообщила", "сообщило"),
    ("наголосив", "наголосила", "наголосило", "stressed", "подчеркнул", "подчеркнула", "подчеркнуло"),
    ("зазначив", "зазначила", "зазначило", "noted", "отметил", "отметила", "отметило"),
    ("припустив", "припустила", "припустило", "suggested", "предположил", "предположила", "предположило"),
]
STANCES = [
    ("підтримує", "supports", "поддерживает"),
    ("відкидає", "rejects", "отвергает"),
    ("розглядає", "is considering", "рассматривает"),
    ("ставить під сумнів", "questions", "ставит под сомнение"),
    ("вітає", "welcomes", "приветствует"),
]
QUOTES = [
    ("Ми не відступимо і продовжимо роботу", "We will not step back and will keep working",
     "Мы не отступим и продолжим работу"),
    ("Усі служби працюють у посиленому режимі", "All services are working at full stretch",
     "Все службы работают в усиленном режиме"),
    ("Це рішення має бути ухвалене якнайшвидше", "This decision must be taken as soon as possible",
     "Это решение должно быть принято как можно скорее"),
    ("Ніхто не змусить нас мовчати", "No one can make us stay silent", "Никто не заставит нас молчать"),
    ("Ціна цієї помилки надто висока", "The price of this mistake is too high",
     "Цена этой ошибки слишком высока"),
    ("Їхні обіцянки нічого не варті", "Their promises are worth nothing", "Их обещания ничего не стоят"),
]
MONTHS = [
    ("січня", "January", "января"), ("лютого", "February", "февраля"), ("березня", "March", "марта"),
    ("квітня", "April", "апреля"), ("травня", "May", "мая"), ("червня", "June", "июня"),
    ("липня", "July", "июля"), ("серпня", "August", "августа"), ("вересня", "September", "сентября"),
    ("жовтня", "October", "октября"), ("листопада", "November", "ноября"), ("грудня", "December", "декабря"),
]
TEMPLATES = [
    ("{A} {say}, що ситуація в {Ploc} залишається складною.",
     "{A} {say} that the situation in {P} remains difficult.",
     "{A} {say}, что ситуация в {Ploc} остаётся сложной."),
    ("У {Ploc} {N} родин залишилися без світла після нічної атаки.",
     "In {P}, {N} families were left without power after a night attack.",
     "В {Ploc} {N} семей остались без света после ночной атаки."),
    ("{A} {stance} план щодо {T}.", "{A} {stance} the plan on {T}.", "{A} {stance} план относительно {T}."),
    ("«{Q}», — {say} {A}.", "“{Q},” {A} {say}.", "«{Q}», — {say} {A}."),
    ("Станом на {D} відновлено {N} обʼєктів інфраструктури.",
     "As of {D}, {N} infrastructure facilities had been restored.",
     "По состоянию на {D} восстановлено {N} объектов инфраструктуры."),
    ("Памʼять загиблих у {Ploc} вшанували хвилиною мовчання.",
     "A minute of silence was held in {P} in memory of the victims.",
     "Память погибших в {Ploc} почтили минутой молчания."),
    ("Експерти вважають, що ґрунтовна реформа {T} триватиме ще {N} днів.",
     "Experts believe a thorough reform of {T} will take another {N} days.",
     "Эксперты считают, что основательная реформа {T} займёт ещё {N} дней."),
    ("Переговори щодо {T} відновляться {D}, повідомляє {A}.",
     "Talks on {T} will resume on {D}, {A} reports.",
     "Переговоры относительно {T} возобновятся {D}, сообщает {A}."),
    ("Жителям радять зберігати спокій і стежити за офіційними повідомленнями.",
     "Residents are advised to stay calm and follow official updates.",
     "Жителям советуют сохранять спокойствие и следить за официальными сообщениями."),
    ("Через обстріли в {Ploc} пошкоджено {N} будинків, їхні мешканці отримають допомогу.",
     "Shelling damaged {N} houses in {P}, and their residents will receive aid.",
     "Из-за обстрелов в {Ploc} повреждены {N} домов, их жители получат помощь."),
    ("На думку аналітиків, питання {T} стане ключовим цього тижня.",
     "Analysts think the issue of {T} will be central this week.",
     "По мнению аналитиков, вопрос {T} станет ключевым на этой неделе."),
    ("Увечері {D} у {Ploc} пролунали вибухи.",
     "Explosions were heard in {P} on the evening of {D}.",
     "Вечером {D} в {Ploc} прогремели взрывы."),
    ("{A} {say}, що не бачить підстав для паніки.",
     "{A} {say} there was no reason to panic.",
     "{A} {say}, что не видит оснований для паники."),
    ("Ми ще повернемося до цієї теми в наступних матеріалах.",
     "We will return to this topic in future reports.",
     "Мы ещё вернёмся к этой теме в следующих материалах."),
]
HEADLINES = [
    ("{A}: ситуація в {Ploc} під контролем", "{A}: the situation in {P} is under control",
     "{A}: ситуация в {Ploc} под контролем"),
    ("У {Ploc} тривають відновлювальні роботи", "Repair work continues in {P}",
     "В {Ploc} продолжаются восстановительные работы"),
    ("Переговори щодо {T}: що відомо", "Talks on {T}: what we know",
     "Переговоры относительно {T}: что известно"),
    ("{A} {stance} план щодо {T}", "{A} {stance} the plan on {T}", "{A} {stance} план относительно {T}"),
]
EMOJI = ("⚡️ ", "📷 ", "🔥 ", "🇺🇦 ", "❗ ", "🙏 ")
VOWELS = frozenset("аеиоуіяюєїыэё")
STRESS = "\u0301"
WORD = re.compile(r"[\w\u0301ʼ’'-]+")

LABELS = ("ACTOR", "CLAIM", "POSITION")
WORDS_PER_LABEL = {"ACTOR": (1, 3), "CLAIM": (3, 10), "POSITION": (2, 7)}
POLARITY_ATTRS = ({"polarity": "support"}, {"polarity": "oppose"}, {"polarity": "neutral"})
RELATION_RATE = 0.3
EMOJI_RATE = 0.08
STRESS_RATE = 0.1


def pick(rnd, seq):
    return seq[int(rnd() * len(seq))]


def slot_values(rnd):
    """Fill the template slots once, in all three languages."""
    actor, place, topic = pick(rnd, ACTORS), pick(rnd, PLACES), pick(rnd, TOPICS)
    say, stance, quote, month = pick(rnd, SAY), pick(rnd, STANCES), pick(rnd, QUOTES), pick(rnd, MONTHS)
    number, day = str(2 + int(rnd() * 998)), str(1 + int(rnd() * 28))
    gender = {"m": 0, "f": 1, "n": 2}
    return (
        {"A": actor[0], "say": say[gender[actor[1]]], "P": place[0], "Ploc": place[1], "T": topic[0],
         "stance": stance[0], "Q": quote[0], "N": number, "D": f"{day} {month[0]}"},
        {"A": actor[2], "say": say[3], "P": place[2], "Ploc": place[2], "T": topic[1],
         "stance": stance[1], "Q": quote[1], "N": number, "D": f"{month[1]} {day}"},
        {"A": actor[3], "say": say[4 + gender[actor[4]]], "P": place[3], "Ploc": place[4], "T": topic[2],
         "stance": stance[2], "Q": quote[2], "N": number, "D": f"{day} {month[2]}"},
    )


def add_stress(rnd, sentence):
    """Put a combining acute after the first vowel of one longer word, as dictionaries mark stress."""
    words = [m for m in WORD.finditer(sentence) if len(m.group()) >= 5]
    if not words:
        return sentence
    word = pick(rnd, words)
    for i in range(word.start(), word.end()):
        if sentence[i].lower() in VOWELS:
            return sentence[: i + 1] + STRESS + sentence[i + 1:]
    return sentence


def render(rnd, template, values, lang):
    text = template.format(**values)
    text = text[:1].upper() + text[1:]
    if lang != "en" and rnd() < STRESS_RATE:
        text = add_stress(rnd, text)
    return unicodedata.normalize("NFC", text)


def sentence_entry(text):
    """A pool sentence with its length and word boundaries, all in code points."""
    words = list(WORD.finditer(text))
    return text, len(text), tuple(m.start() for m in words), tuple(m.end() for m in words)


def build_pool(rnd, size=POOL_SIZE):
    """`size` parallel sentences, each as one entry per language, plus their mean length."""
    pool = {lang: [] for lang in LANGS}
    mean_lengths = []
    for _ in range(size):
        templates, values = pick(rnd, TEMPLATES), slot_values(rnd)
        emoji = pick(rnd, EMOJI) if rnd() < EMOJI_RATE else ""
        for lang, template, vals in zip(LANGS, templates, values, strict=True):
            pool[lang].append(sentence_entry(emoji + render(rnd, template, vals, lang)))
        mean_lengths.append(sum(pool[lang][-1][1] for lang in LANGS) / len(LANGS))
    return pool, mean_lengths


def plan_article(rnd, mean_lengths, chars):
    """Sentence indices and the separator after each, until the mean length reaches `chars`."""
    seq, seps, total = [], [], 0.0
    until_break = 3 + int(rnd() * 3)
    while total < chars or not seq:
        index = int(rnd() * len(mean_lengths))
        seq.append(index)
        total += mean_lengths[index] + 1
        until_break -= 1
        if until_break:
            seps.append(" ")
        else:
            seps.append("\n\n")
            total += 1
            until_break = 3 + int(rnd() * 3)
    seps[-1] = ""
    return seq, seps


def layout(entries, seq, seps):
    """Join the sentences; return the text, sentence offsets and per-sentence word data."""
    parts, sentences, offsets, wcum, sents = [], [], [], [0], []
    pos = 0
    for index, sep in zip(seq, seps, strict=True):
        entry = entries[index]
        parts.append(entry[0])
        parts.append(sep)
        sentences.append([pos, pos + entry[1]])
        offsets.append(pos)
        wcum.append(wcum[-1] + len(entry[2]))
        sents.append(entry)
        pos += entry[1] + len(sep)
    return "".join(parts), sentences, (offsets, wcum, sents)


class Words:
    """Global word index -> code point offsets and the last word of its sentence."""

    def __init__(self, words):
        self.offsets, self.wcum, self.sents = words
        self.count = self.wcum[-1]

    def sentence(self, g):
        return bisect_right(self.wcum, g) - 1

    def last_in_sentence(self, g):
        return self.wcum[self.sentence(g) + 1] - 1

    def bounds(self, a, b):
        sa, sb = self.sentence(a), self.sentence(b)
        start = self.offsets[sa] + self.sents[sa][2][a - self.wcum[sa]]
        end = self.offsets[sb] + self.sents[sb][3][b - self.wcum[sb]]
        return start, end


def choose_label(rnd):
    r = rnd()
    return "ACTOR" if r < 0.4 else "CLAIM" if r < 0.7 else "POSITION"


def word_range(rnd, words, label, lo, hi):
    """A run of words for `label` inside [lo, hi] that stays in one sentence."""
    least, most = WORDS_PER_LABEL[label]
    length = least + int(rnd() * (most - least + 1))
    a = lo + int(rnd() * max(1, hi - lo + 2 - length))
    return a, min(a + length - 1, hi, words.last_in_sentence(a))


def partner_range(rnd, words, a, b, lo, hi):
    """Word range nested in or crossing [a, b] without leaving [lo, hi] or the sentence; None if none."""
    options = []
    if b > a:
        options += [(a, b - 1), (a + 1, b)]
    if b + 1 <= hi and words.last_in_sentence(a) >= b + 1:
        options.append((min(a + 1, b), b + 1))
    if a - 1 >= lo and words.last_in_sentence(a - 1) >= b:
        options.append((a - 1, b - 1 if b > a else b))
    return pick(rnd, options) if options else None


def slot_spans(rnd, words, lo, hi, paired):
    label = choose_label(rnd)
    a, b = word_range(rnd, words, label, lo, hi)
    out = [(a, b, label)]
    if paired:
        other = partner_range(rnd, words, a, b, lo, hi)
        if other is None:
            out.append((a, b, LABELS[(LABELS.index(label) + 1 + int(rnd() * 2)) % 3]))
        else:
            out.append((*other, choose_label(rnd)))
    return out


def crowded_spans(rnd, words, m):
    """More spans than words: random short runs, without exact duplicates."""
    seen = set()
    for _ in range(8 * m):
        if len(seen) == m:
            break
        label = choose_label(rnd)
        a = int(rnd() * words.count)
        seen.add((a, min(a + int(rnd() * 2), words.last_in_sentence(a)), label))
    return sorted(seen)


def place_spans(rnd, words, m, overlap):
    """M word ranges; about `overlap` of them in overlapping pairs, the others in disjoint slots."""
    if not words.count or m <= 0:
        return []
    pairs = min(int(m * overlap / 2 + rnd()), m // 2)
    slots = m - pairs
    if slots > words.count:
        return crowded_spans(rnd, words, m)
    out = []
    for i in range(slots):
        paired = rnd() * (slots - i) < pairs
        pairs -= paired
        lo, hi = i * words.count // slots, (i + 1) * words.count // slots - 1
        out += slot_spans(rnd, words, lo, hi, paired)
    return out


def make_spans(rnd, text, words, m, overlap, next_id):
    """Span records sorted by (start, end, label), with ids from `next_id`."""
    raw = []
    for a, b, label in place_spans(rnd, words, m, overlap):
        start, end = words.bounds(a, b)
        polarity = int(rnd() * 3) if label == "POSITION" else -1
        raw.append((start, end, label, polarity))
    raw.sort()
    return [
        {"id": f"s-{next_id + i}", "start": start, "end": end, "text": text[start:end], "label": label,
         "attrs": POLARITY_ATTRS[polarity] if polarity >= 0 else {}, "actor": None, "annotator": "bench",
         "status": "accepted"}
        for i, (start, end, label, polarity) in enumerate(raw)
    ]


def make_relations(rnd, spans, next_id):
    """SAID_BY (CLAIM -> ACTOR) and HELD_BY (POSITION -> ACTOR) for some of the spans."""
    actors = [s["id"] for s in spans if s["label"] == "ACTOR"]
    if not actors:
        return []
    relations = []
    for span in spans:
        kind = {"CLAIM": "SAID_BY", "POSITION": "HELD_BY"}.get(span["label"])
        if kind and rnd() < RELATION_RATE:
            relations.append({"id": f"r-{next_id + len(relations)}", "type": kind, "head": span["id"],
                              "tail": pick(rnd, actors)})
    return relations


class Generator:
    """Streams documents; one instance holds only the sentence pool and the id counters."""

    def __init__(self, n, m, groups=False, overlap=0.1, seed=1, chars=2000, project="bench"):
        self.n, self.m, self.groups, self.overlap = n, m, groups, overlap
        self.chars, self.project = chars, project
        self.rng = Random(seed)
        self.pool, self.mean_lengths = build_pool(self.rng.random)
        self.next_span = self.next_relation = 1

    def article(self):
        """What the versions of one article share: sentences, paragraphs, title, date."""
        rnd = self.rng.random
        seq, seps = plan_article(rnd, self.mean_lengths, self.chars)
        headline, values = pick(rnd, HEADLINES), slot_values(rnd)
        titles = [render(rnd, h, v, lang) for h, v, lang in zip(headline, values, LANGS, strict=True)]
        published = f"2024-{1 + int(rnd() * 12):02d}-{1 + int(rnd() * 28):02d}"
        return seq, seps, titles, published

    def documents(self):
        article = None
        for i in range(self.n):
            k = i % 3
            if not self.groups or k == 0:
                article = self.article()
            yield self.document(i + 1, LANGS[k], article, f"g-{i // 3 + 1}" if self.groups else None)

    def document(self, number, lang, article, group):
        rnd = self.rng.random
        seq, seps, titles, published = article
        text, sentences, word_data = layout(self.pool[lang], seq, seps)
        spans = make_spans(rnd, text, Words(word_data), self.m, self.overlap, self.next_span)
        self.next_span += len(spans)
        relations = make_relations(rnd, spans, self.next_relation)
        self.next_relation += len(relations)
        return {
            "schema": SCHEMA, "id": f"d-{number}", "project": self.project, "group": group, "lang": lang,
            "title": titles[LANGS.index(lang)], "text": text,
            "source": {"url": f"{SOURCE_SITE}/{lang}/{published}/{number}", "published": published},
            "meta": {}, "sentences": sentences, "spans": spans, "relations": relations,
            "alignment": {}, "span_links": [],
        }

    def lines(self):
        for doc in self.documents():
            yield orjson.dumps(doc) + b"\n"


@contextmanager
def output(path):
    """Stdout for None or "-"; a gzip stream when the name ends with .gz; else a plain file."""
    if path in (None, "-"):
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with open(path, "wb") as raw:
        if not path.endswith(".gz"):
            yield raw
            return
        # No file name and a zero timestamp in the header, so that the output stays byte-identical.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as out:
            yield out


def write(generator, path):
    with output(path) as out:
        chunk = []
        for line in generator.lines():
            chunk.append(line)
            if len(chunk) == CHUNK:
                out.write(b"".join(chunk))
                chunk.clear()
        out.write(b"".join(chunk))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--docs", type=int, required=True, help="number of documents")
    parser.add_argument("-m", "--spans", type=int, required=True, help="spans per document")
    parser.add_argument("--groups", action="store_true", help="every three documents form a uk/en/ru group")
    parser.add_argument("--overlap", type=float, default=0.1,
                        help="fraction of spans that overlap or nest with another span (default 0.1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chars", type=int, default=2000, help="approximate characters per document")
    parser.add_argument("--project", default="bench", help="value of the 'project' field")
    parser.add_argument("-o", "--output", help="output file (default stdout; gzip when it ends with .gz)")
    args = parser.parse_args(argv)
    if args.docs < 0 or args.spans < 0 or args.chars < 1:
        parser.error("-n and -m must be >= 0 and --chars >= 1")
    if not 0 <= args.overlap <= 1:
        parser.error("--overlap must be between 0 and 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    generator = Generator(args.docs, args.spans, groups=args.groups, overlap=args.overlap, seed=args.seed,
                          chars=args.chars, project=args.project)
    try:
        write(generator, args.output)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as the Python docs recommend.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
