"""Sentence alignment: bead shapes, anchors across scripts, and the Gale-Church baseline."""

import dataclasses

import pytest

from annotator.align import align, aligner, gale_church, glossary, lexicon, paragraph_starts, split_sentences
from annotator.align.anchors import cognate_keys, name_skeleton, normalize_number, sentence_anchors

EN = [
    "The council of Lviv met on Tuesday to discuss the budget for next year.",
    "Mayor Andriy Sadovyi proposed spending 12,500 hryvnias on each new bus shelter.",
    "Several members objected.",
    "They said the money was needed for schools.",
    "The vote was postponed until 14 March.",
]
UK = [
    "Рада Львова зібралася у вівторок, щоб обговорити бюджет на наступний рік.",
    "Мер Андрій Садовий запропонував витратити 12 500 гривень на кожну нову зупинку.",
    "Кілька депутатів заперечили, бо, за їхніми словами, ці гроші потрібні для шкіл.",
    "Голосування відклали до 14 березня.",
]


def covers_everything_once(beads, n, m):
    src = [i for bead in beads for i in bead[0]]
    tgt = [j for bead in beads for j in bead[1]]
    return src == list(range(n)) and tgt == list(range(m))


def test_two_sentences_translated_as_one_form_a_two_to_one_bead():
    beads = align(EN, UK, "en", "uk")
    assert covers_everything_once(beads, len(EN), len(UK))
    assert ([2, 3], [2]) in beads
    assert ([4], [3]) in beads


def test_one_to_two_bead_when_the_target_splits_a_sentence():
    beads = align(UK, EN, "uk", "en")
    assert ([2], [2, 3]) in beads


def test_three_sentences_translated_as_one_form_a_three_to_one_bead():
    en = [
        "The city council of Poltava met on Wednesday evening.",
        "It approved repairs of 14 schools.",
        "It also approved new buses.",
        "And a park.",
        "Work starts on 3 May.",
    ]
    uk = [
        "Міська рада Полтави зібралася в середу ввечері.",
        "Вона схвалила ремонт 14 шкіл, нові автобуси та парк.",
        "Роботи почнуться 3 травня.",
    ]
    assert align(en, uk, "en", "uk") == [([0], [0]), ([1, 2, 3], [1]), ([4], [2])]
    assert align(uk, en, "uk", "en") == [([0], [0]), ([1], [1, 2, 3]), ([2], [4])]


def test_a_dropped_sentence_is_not_merged_into_a_split_sentences_two_to_two_bead():
    en = [
        "The shelter in Lviv opened on Monday.",
        "Volunteers brought 40 beds to the shelter, and the mayor thanked them warmly.",
        "It was a quiet and cold evening.",
        "The shelter will stay open until 1 April.",
    ]
    uk = [
        "Притулок у Львові відкрився в понеділок.",
        "Волонтери привезли 40 ліжок.",
        "Мер тепло подякував їм за допомогу притулку.",
        "Притулок працюватиме до 1 квітня.",
    ]
    assert align(en, uk, "en", "uk") == [([0], [0]), ([1], [1, 2]), ([2], []), ([3], [3])]
    assert align(uk, en, "uk", "en") == [([0], [0]), ([1, 2], [1]), ([], [2]), ([3], [3])]


def test_a_sentence_missing_from_the_translation_is_left_unlinked():
    en = [
        "Kharkiv reported 37 explosions overnight.",
        "Residents spent the night in the metro.",
        "A spokesman for the regional administration added that the shelters had enough water and food "
        "for several more days, and that buses would run again from noon.",
        "Zelensky thanked the rescuers in Kharkiv on Friday.",
    ]
    ru = [
        "В Харькове ночью прогремели 37 взрывов.",
        "Жители провели ночь в метро.",
        "Зеленский в пятницу поблагодарил спасателей в Харькове.",
    ]
    beads = align(en, ru, "en", "ru")
    assert covers_everything_once(beads, len(en), len(ru))
    assert ([2], []) in beads
    assert ([3], [2]) in beads


def test_anchors_decide_which_sentence_was_left_out():
    # Lengths cannot tell whether the second or the third sentence is missing; the numbers and name can.
    en = [
        "Putin spoke for 95 minutes.",
        "The hall was half empty and the audience looked tired and bored.",
        "Reporters from Odesa left at 10 pm, after 3 hours of waiting.",
    ]
    uk = ["Путін говорив 95 хвилин.", "Журналісти з Одеси пішли о 10 вечора, після 3 годин очікування."]
    assert align(en, uk, "en", "uk") == [([0], [0]), ([1], []), ([2], [1])]


def test_names_match_across_scripts_and_inflections():
    for forms in (("Путін", "Путина", "Putin"), ("Київ", "Киев", "Kyiv", "Києві"), ("Зеленський", "Zelensky")):
        assert len({name_skeleton(form) for form in forms}) == 1, forms
    assert name_skeleton("Харків") == name_skeleton("Харьков") == name_skeleton("Kharkiv")
    assert name_skeleton("Putin") != name_skeleton("Kyiv")


def test_numbers_are_normalised_across_conventions():
    assert normalize_number("40 000") == normalize_number("40,000") == normalize_number("40\u00a0000") == "40000"
    assert normalize_number("1,5") == normalize_number("1.5") == "1.5"
    en, uk = sentence_anchors("They paid 40,000 on 3 May."), sentence_anchors("Вони заплатили 40 000 3 травня.")
    assert {"#40000", "#3", "m05"} <= en & uk


def test_empty_inputs_give_only_unlinked_beads():
    assert align([], [], "en", "uk") == []
    assert align(["One."], [], "en", "uk") == [([0], [])]
    assert align([], ["Один.", "Два."], "en", "uk") == [([], [0]), ([], [1])]
    assert gale_church([], []) == []


def test_gale_church_baseline_aligns_equal_lengths_one_to_one():
    src = ["a" * 40, "b" * 80, "c" * 20]
    tgt = ["x" * 42, "y" * 78, "z" * 21]
    assert gale_church(src, tgt) == [([0], [0]), ([1], [1]), ([2], [2])]


def test_long_documents_stay_monotonic_and_complete():
    en = [f"Item {k} costs {k * 7} dollars in Odesa." for k in range(400)]
    uk = [f"Позиція {k} коштує {k * 7} доларів в Одесі." for k in range(400) if k != 150]
    beads = align(en, uk, "en", "uk")
    assert covers_everything_once(beads, 400, 399)
    assert ([150], []) in beads


def test_the_lexicon_learns_stem_translations_from_aligned_pairs():
    pairs = [
        ("The river flooded the village.", "Річка затопила село."),
        ("The river is cold in spring.", "Навесні річка холодна."),
        ("Children swim in the river.", "Діти плавають у річці."),
        ("The village has a school.", "У селі є школа."),
        ("The school opened in spring.", "Школа відкрилася навесні."),
    ]
    learned = lexicon.learn(pairs, min_count=2)
    assert learned["river"] == ("річка",)  # stems are the first five letters: річці is another one
    assert learned["schoo"] == ("школа",)
    assert "навес" in learned["sprin"]


def test_the_packaged_lexicon_covers_every_pair_in_both_directions():
    shipped = lexicon.packaged()
    for pair in (("en", "uk"), ("uk", "en"), ("en", "ru"), ("ru", "en"), ("uk", "ru"), ("ru", "uk")):
        assert len(shipped[pair].forward) > 1000, pair
    assert lexicon.PACKAGED.stat().st_size < 300_000


def test_lexical_evidence_decides_which_sentence_was_dropped():
    # Two sentences of the same length, no names or numbers, words neither glossary nor vocabulary knows: only the
    # lexicon tells which one is missing.
    words = {("en", "uk"): {"pears": ("груші",), "ripe": ("стигл",), "hives": ("вулик",), "hummi": ("гудів", "гуділ"),
                            "wasps": ("оси",)}}
    known = lexicon.prepare(words)
    pears, plums, hives, wasps = "The pears were ripe.", "The plums were sour.", "The hives were humming.", \
        "The wasps were stinging."
    uk = ["Груші були стиглі.", "Вулики гуділи.", "Оси жалили."]
    en = [pears, plums, hives, wasps]
    assert align(en, uk, "en", "uk", lexicons=known) == [([0], [0]), ([1], []), ([2], [1]), ([3], [2])]
    en = [pears, hives, plums, wasps]
    assert align(en, uk, "en", "uk", lexicons=known) == [([0], [0]), ([1], [1]), ([2], []), ([3], [2])]
    assert align(en, uk, "en", "uk", lexicons={}) != align(en, uk, "en", "uk", lexicons=known)


def test_neighbours_sharing_words_are_not_merged():
    en = ["Tap Settings.", "Tap Settings and then Wi-Fi.", "Tap Home.", "Tap Home and wait for the sync."]
    uk = ["Натисніть «Налаштування».", "Натисніть «Налаштування», а потім Wi-Fi.", "Натисніть «Головна».",
          "Натисніть «Головна» і дочекайтеся синхронізації."]
    assert align(en, uk, "en", "uk") == [([k], [k]) for k in range(4)]


def test_ukrainian_and_russian_words_with_one_root_are_evidence():
    assert cognate_keys("президента парламенту") & cognate_keys("президента парламента")
    uk = ["Уряд схвалив новий бюджет.", "Тоді парламент засідав.", "Міністри мовчали до вечора."]
    ru = ["Правительство одобрило новый бюджет.", "Тогда парламент заседал.", "Министры молчали до вечера."]
    src = aligner.sentence_keys(uk, "uk", "ru", {}, side=0)
    tgt = aligner.sentence_keys(ru, "ru", "uk", {}, side=1)
    matches = aligner.anchor_evidence(src, tgt).matches
    assert all(matches[k, k] > 0 for k in range(3))
    assert matches[1, 2] == matches[2, 1] == 0


def test_paragraph_breaks_are_soft_anchors():
    text = "Headline without a stop\nFirst sentence here. Second one.\n\nNew paragraph."
    spans = split_sentences(text, "en")
    assert [text[a:b] for a, b in spans][0] == "Headline without a stop"
    assert paragraph_starts(text, spans) == [1, 3]
    # Lengths leave it open whether the short middle sentence went with the one before or after it; where
    # the paragraphs break settles it.
    src = ["A" * 60 + ".", "B" * 8 + ".", "C" * 60 + "."]
    tgt = ["A" * 64 + ".", "C" * 64 + "."]
    assert align(src, tgt, "en", "uk", [2], [1], lexicons={}) == [([0, 1], [0]), ([2], [1])]
    assert align(src, tgt, "en", "uk", [1], [1], lexicons={}) == [([0], [0]), ([1, 2], [1])]


def test_a_dropped_sentence_without_evidence_is_not_merged_into_its_neighbours_bead():
    # "Wheat was scarce." was left out of the translation. Its neighbour matches its counterpart through
    # the lexicon; the bead priors alone would rather merge the short dropped sentence into that bead.
    known = lexicon.prepare({("en", "uk"): {"hives": ("вулик",), "repor": ("звіт",), "minis": ("міні",)}})
    en = ["The harvest report came out on Monday.", "Wheat was scarce.",
          "Many hives were empty after the long frost in the hills.", "The ministry expects higher prices."]
    uk = ["Звіт про врожай вийшов у понеділок.", "Вулики спорожніли.", "Міністерство очікує вищих цін."]
    assert align(en, uk, "en", "uk", lexicons=known) == [([0], [0]), ([1], []), ([2], [1]), ([3], [2])]
    idle = aligner.ANCHORED
    try:
        aligner.ANCHORED = dataclasses.replace(idle, idle_cost=0.0)
        assert align(en, uk, "en", "uk", lexicons=known)[0] == ([0, 1], [0])
    finally:
        aligner.ANCHORED = idle


def test_a_project_lexicon_is_combined_with_the_shipped_one():
    shipped = {("en", "uk"): {"wheat": ("пшени",), "price": ("ціни",)}}
    ours = {("uk", "en"): {"вулик": ("hives",)}, ("en", "uk"): {"price": ("цін",)}}
    both = lexicon.combine(ours, shipped)
    assert both[("en", "uk")] == {"wheat": ("пшени",), "price": ("цін", "ціни"), "hives": ("вулик",)}
    assert shipped == {("en", "uk"): {"wheat": ("пшени",), "price": ("ціни",)}}  # not modified


@pytest.mark.parametrize(("en", "other", "lang"), [
    (["The engine failed on the second day.", "Nobody answered the phone.", "The seats were dirty.",
      "I will never book with them again."],
     ["Двигун зламався на другий день.", "Сидіння були брудні.", "Я більше ніколи не бронюватиму в них."], "uk"),
    (["My parcel never arrived.", "The tracking page shows nothing.", "I want my money back.", "Please reply soon."],
     ["Моя посилка так і не прийшла.", "Я хочу повернути свої гроші.", "Будь ласка, дайте відповідь швидше."], "uk"),
    (["My parcel never arrived.", "The tracking page shows nothing.", "I want my money back.", "Please reply soon."],
     ["Моя посылка так и не пришла.", "Я хочу вернуть свои деньги.", "Пожалуйста, ответьте поскорее."], "ru"),
])
def test_common_words_tell_which_sentence_of_a_chat_the_translation_dropped(en, other, lang):
    """No names, numbers or lexicon: the vocabulary's everyday words (seats, money, reply …) are the evidence."""
    assert align(en, other, "en", lang, lexicons={}) == [([0], [0]), ([1], []), ([2], [1]), ([3], [2])]


@pytest.mark.parametrize(("name", "least"), [("vocabulary.tsv", 3000), ("places.tsv", 100)])
def test_every_vocabulary_and_place_row_has_three_languages_and_no_short_start(name, least):
    """A start of three letters takes words of every meaning («рад»: радість, радіо, Рада); write whole forms."""
    path = glossary.DATA / name
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert path in glossary.FILES and len(rows) > least
    for cells in rows:
        assert len(cells) == 3 and all(cell.split() for cell in cells), cells
        assert all(form.startswith("=") or len(form) >= 4 for cell in cells for form in cell.split()), cells


def test_a_sentence_left_out_takes_the_break_of_the_paragraph_it_opened():
    """The translation's second paragraph starts with the sentence after the one it dropped; leaving that one out
    costs no break, so it is not merged into the paragraph before to keep the breaks in step."""
    en = ["Ostap Vyshnia wrote in 1923.", "Stories about hunting sold well.", "Well, hm.", "Readers loved them.",
          "They laughed."]
    uk = ["Остап Вишня писав у 1923 році.", "Оповідання про полювання добре продавалися.", "Читачі їх любили.",
          "Вони сміялися."]
    assert align(en, uk, "en", "uk", [0, 2], [0, 2], lexicons={}) \
        == [([0], [0]), ([1], [1]), ([2], []), ([3], [2]), ([4], [3])]


def test_read_the_other_way_a_lexicon_puts_the_strongest_partner_first():
    """Into English a word takes its first partner only: the one it is best for, not the first in the alphabet."""
    entries = {("en", "uk"): {"court": ("суд",), "case": ("справа", "суд"), "action": ("позов", "суд")}}
    assert lexicon.prepare(entries)[("uk", "en")].forward["суд"][0] == "court"
    assert lexicon.invert(entries[("en", "uk")])["суд"] == ("court", "action", "case")


def test_a_short_article_whose_names_recur_in_every_sentence_aligns_one_to_one():
    """With three sentences, what the others hold "by chance" is most of each sentence's evidence."""
    en = ["Hart tells Petrenko that Kyiv will help Odesa rebuild its port",
          "Kyiv mayor Olena Hart told Odesa governor Ivan Petrenko on Monday that the capital would send engineers.",
          "Petrenko thanked Hart and said Odesa would need cranes from Kyiv before the spring."]
    ru = ["Харт сообщила Петренко, что Киев поможет Одессе восстановить порт",
          "Мэр Киева Олена Харт в понедельник сообщила губернатору Одессы Ивану Петренко, что столица пришлёт "
          "инженеров.",
          "Петренко поблагодарил Харт и сказал, что Одессе понадобятся краны из Киева до весны."]
    assert align(en, ru, "en", "ru", [0, 1], [0, 1]) == [([0], [0]), ([1], [1]), ([2], [2])]


def test_one_sentence_against_hundreds_still_aligns():
    """The search band around the diagonal cannot reach the end when one side has many times the other's
    sentences: the whole table is searched then (an IndexError before)."""
    beads = align(["Kyiv agreed."], ["Так."] * 245, "en", "uk")
    assert sorted(i for src, _ in beads for i in src) == [0]
    assert sorted(j for _, tgt in beads for j in tgt) == list(range(245))
