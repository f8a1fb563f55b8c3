import threading

import pytest

from annotator.ingest import detect
from annotator.ingest.detect import detect_language

SENTENCES = [
    ("Міська рада затвердила новий бюджет на ремонт мостів.", "uk"),
    ("Учора ввечері в Полтаві відкрили виставку старовинних годинників.", "uk"),
    ("Фермери з півдня скаржаться на брак пального.", "uk"),
    ("За словами речника, переговори тривали понад шість годин.", "uk"),
    ("Волонтери зібрали кошти на два нові автомобілі.", "uk"),
    ("The city council approved a new budget for bridge repairs.", "en"),
    ("Officials said the talks lasted more than six hours on Thursday.", "en"),
    ("Farmers in the south complained about a shortage of diesel fuel.", "en"),
    ("A spokesman declined to comment on the report.", "en"),
    ("The museum reopened after a long renovation.", "en"),
    ("Городской совет утвердил новый бюджет на ремонт мостов.", "ru"),
    ("Вчера вечером в Самаре открыли выставку старинных часов.", "ru"),
    ("Фермеры жалуются на нехватку топлива.", "ru"),
    ("По словам представителя, переговоры длились более шести часов.", "ru"),
    ("Волонтёры собрали деньги на две новые машины.", "ru"),
]

SHORT = [
    ("Київ", "uk"), ("Новини дня", "uk"), ("Заява міністерства", "uk"), ("Що відомо", "uk"),
    ("Сьогодні вранці", "uk"), ("Перемога", "uk"), ("Головне за добу", "uk"),
    ("Kyiv", "en"), ("Breaking news", "en"), ("What we know", "en"), ("Peace talks", "en"), ("Weather", "en"),
    ("Киев", "ru"), ("Новости дня", "ru"), ("Что известно", "ru"), ("Сегодня утром", "ru"), ("Мнение", "ru"),
    ("Главное за сутки", "ru"),
]


@pytest.mark.parametrize(("text", "lang"), SENTENCES + SHORT)
def test_detects_uk_en_ru_sentences_and_short_strings(text, lang):
    code, confidence = detect_language(text)
    assert code == lang
    assert 0.5 < confidence <= 1.0


@pytest.mark.parametrize("text", ["", "   \n\t", "2025-03-18 12:00", "— … !!!", "🙂🎉"])
def test_text_without_letters_is_undetectable(text):
    assert detect_language(text) == (None, 0.0)


def test_answer_is_restricted_to_the_candidates():
    code, _ = detect_language("Это решение приняли единогласно.", candidates=("uk", "en"))
    assert code == "uk"
    assert detect_language("Це рішення ухвалили одноголосно.", candidates=("en", "ru"))[0] == "ru"


def test_text_in_none_of_the_candidates_scripts_is_undetectable():
    assert detect_language("The decision was adopted unanimously.", candidates=("uk", "ru")) == (None, 0.0)


def test_ua_is_an_alias_and_regional_tags_come_back_as_given():
    assert detect_language("Це рішення ухвалили одноголосно.", candidates=("ua", "ru"))[0] == "uk"
    assert detect_language("The decision was unanimous.", candidates=("en-GB", "uk"))[0] == "en-GB"


def test_unknown_candidates_are_ignored():
    assert detect_language("The decision was unanimous.", candidates=("xx", "en", "ru", "not a tag"))[0] == "en"
    assert detect_language("The decision was unanimous.", candidates=("xx", "")) == (None, 0.0)
    assert detect_language("The decision was unanimous.", candidates=()) == (None, 0.0)


def test_a_single_candidate_is_scored_against_rivals():
    code, confidence = detect_language("Це рішення ухвалили одноголосно.", candidates=("uk",))
    assert code == "uk" and confidence > 0.9
    code, confidence = detect_language("The decision was adopted unanimously.", candidates="uk")
    assert code is None or confidence < 0.1


def test_only_the_beginning_of_a_long_text_is_read():
    text = "Рада ухвалила закон про бюджет. " * 70 + "The rest of this text is written in English. " * 500
    assert detect_language(text) == ("uk", pytest.approx(1.0, abs=0.05))


def test_one_detector_per_candidate_set_built_once_across_threads(monkeypatch):
    monkeypatch.setattr(detect, "_detectors", {})
    built = []
    real_builder = detect.LanguageDetectorBuilder

    class CountingBuilder:
        @staticmethod
        def from_languages(*languages):
            built.append(frozenset(languages))
            return real_builder.from_languages(*languages)

    monkeypatch.setattr(detect, "LanguageDetectorBuilder", CountingBuilder)
    results = []
    threads = [threading.Thread(target=lambda: results.append(detect_language("Добрий день, друзі!")))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    detect_language("Good afternoon, friends!", candidates=("en", "uk", "ru"))
    detect_language("Good afternoon, friends!", candidates=("en", "ru"))
    assert [code for code, _ in results] == ["uk"] * 8
    assert len(built) == 2
