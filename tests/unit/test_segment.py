"""Sentence segmentation: code-point offsets, paragraphs, abbreviations, punctuation fragments."""

from annotator.align import split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


def test_ukrainian_abbreviations_stay_inside_the_sentence():
    text = "Зустріч відбулася в м. Київ у 2022 р. і т.зв. «коаліція» підтримала план. Потім усі пішли."
    assert sentences(text, "uk") == [
        "Зустріч відбулася в м. Київ у 2022 р. і т.зв. «коаліція» підтримала план.",
        "Потім усі пішли.",
    ]


def test_ua_is_accepted_as_ukrainian():
    assert sentences("Ми були в м. Львів. Так.", "ua") == ["Ми були в м. Львів.", "Так."]


def test_blank_lines_and_single_line_breaks_end_sentences():
    text = "Заголовок без крапки\nПерше речення абзацу. Друге речення.\n\nНовий абзац"
    assert sentences(text, "uk") == [
        "Заголовок без крапки",
        "Перше речення абзацу.",
        "Друге речення.",
        "Новий абзац",
    ]


def test_spans_are_trimmed_of_surrounding_whitespace():
    text = "   First one.   Second one.  \n\n  "
    spans = split_sentences(text, "en")
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
    assert spans[0] == (3, 13)


def test_offsets_count_code_points_with_emoji_and_combining_marks():
    combining = "Йо\u0301ган"  # a decomposed Й and a combining acute accent
    text = f"Привіт 👍🏽 усім! {combining} прийшов. Кінець."
    spans = split_sentences(text, "uk")
    assert [text[a:b] for a, b in spans] == ["Привіт 👍🏽 усім!", f"{combining} прийшов.", "Кінець."]
    assert spans[1][0] == len("Привіт 👍🏽 усім! ")


def test_russian_abbreviations_do_not_end_a_sentence():
    text = "Пришли Иванов, Петров и др. считают иначе. Это, т.е. всё, было ок. 2 часов. Т. е. потом."
    assert sentences(text, "ru") == [
        "Пришли Иванов, Петров и др. считают иначе.",
        "Это, т.е. всё, было ок. 2 часов.",
        "Т. е. потом.",
    ]


def test_approx_before_a_number_does_not_end_a_sentence():
    assert sentences("It cost approx. 2 million. Then it rose.", "en") == [
        "It cost approx. 2 million.",
        "Then it rose.",
    ]


def test_punctuation_only_fragments_join_a_neighbour():
    assert sentences("Так! —", "uk") == ["Так! —"]
    assert sentences("Раз. ... Два.", "uk") == ["Раз. ...", "Два."]


def test_a_dash_and_lower_case_after_a_quote_continue_the_sentence():
    assert sentences("Він сказав «Ні!» — і пішов. Так.", "uk") == ["Він сказав «Ні!» — і пішов.", "Так."]


def test_an_unclosed_quote_does_not_swallow_the_rest_of_the_line():
    text = 'Вона написала: "Ми прийшли. Усе пройшло добре. Дякуємо всім. Побачимося завтра.'
    assert len(sentences(text, "uk")) == 4


def test_empty_and_blank_text_have_no_sentences():
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\n \n", "ru") == []


def test_initials_before_a_surname_do_not_end_a_sentence():
    assert sentences("Вшанували Ф. В. де Клерка, президента. Потім пішли.", "uk") == [
        "Вшанували Ф. В. де Клерка, президента.", "Потім пішли."]
    assert sentences("He met J. R. Smith today. Then he left.", "en") == ["He met J. R. Smith today.",
                                                                          "Then he left."]


def test_a_line_of_only_dashes_and_opening_quotes_is_one_sentence():
    for text in ["— . —", "„. «.", "«. —. «."]:
        assert split_sentences(text, "uk") == [(0, len(text))]


def test_a_lower_case_no_ends_its_sentence_before_a_capital_but_no_before_a_number_does_not():
    """sentencex reads "no." as "number" and keeps "Owner says no. I asked …" as one sentence."""
    text = "Owner says no. I asked again 🙂. It was a clear no. Nobody argued. See no. 5 and No. 10 for details."
    assert sentences(text, "en") == ["Owner says no.", "I asked again 🙂.", "It was a clear no.", "Nobody argued.",
                                     "See no. 5 and No. 10 for details."]
