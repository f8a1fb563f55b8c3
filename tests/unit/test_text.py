import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.langs import BadLanguage, normalize_lang
from annotator.text import content_hash, normalize, utf16_offsets, utf16_to_codepoint


def test_normalize_makes_nfc_and_unix_line_ends():
    assert normalize("e\u0301\r\nb\rc") == "\u00e9\nb\nc"


def test_normalize_drops_a_leading_bom_only():
    assert normalize("\ufeffКиїв\ufeff") == "Київ\ufeff"


def test_normalize_composes_after_runs_that_are_already_nfc():
    assert normalize("🙂 е\u0301 🙂 ї e\u0301\r") == "🙂 е\u0301 🙂 ї \u00e9\n"  # Cyrillic е has no composed form


def test_normalize_keeps_text_that_is_already_nfc():
    text = "🙂 Київ, café\n"
    assert normalize(text) == text


def test_normalize_keeps_ukrainian_apostrophes():
    assert normalize("пʼять п’ять") == "пʼять п’ять"


def test_content_hash_differs_for_different_texts():
    assert content_hash("a") != content_hash("b")


def test_utf16_offsets_count_emoji_as_two_units():
    assert utf16_offsets("🙂ab") == [0, 2, 3, 4]


@pytest.mark.parametrize(("offset", "expected"), [(0, 0), (2, 1), (3, 2), (7, 5)])
def test_utf16_to_codepoint(offset, expected):
    assert utf16_to_codepoint("🙂aП😀b", offset) == expected


def test_utf16_offset_inside_a_surrogate_pair_is_refused():
    with pytest.raises(ValueError, match="surrogate"):
        utf16_to_codepoint("🙂a", 1)


@pytest.mark.parametrize(("raw", "tag"), [("ua", "uk"), ("UA", "uk"), ("uk", "uk"), ("en-gb", "en-GB"),
                                          ("ru", "ru"), ("pt_BR", "pt-BR")])
def test_language_codes_are_normalised(raw, tag):
    assert normalize_lang(raw) == tag


@pytest.mark.parametrize("raw", ["", "zz", "not a language!", None, 5, "x"])
def test_bad_language_codes_are_refused(raw):
    with pytest.raises(BadLanguage):
        normalize_lang(raw)


PIECES = st.sampled_from(["a", "e", "\u0301", "\u0308", "и", "\u0306", "й", "Å", "\u212b", "\u1100", "\u1161",
                          "\u11a8", "가", "🙂", "\r\n", "\r", "\ufeff", "ї", "і", "\u0307", "ﬁ", "ǅ", "\u0344"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(PIECES, st.characters()), max_size=40))
def test_normalize_equals_plain_nfc_of_the_whole_text(parts):
    raw = "".join(parts)
    expected = unicodedata.normalize("NFC", raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    assert normalize(raw) == expected


def test_paragraphs_are_cut_after_each_line_feed_and_join_back_to_the_text():
    from annotator.text import paragraphs

    for text, want in (("", [""]), ("a", ["a"]), ("a\n", ["a\n"]), ("a\n\nb 🙂\r c", ["a\n", "\n", "b 🙂\r c"]),
                       ("\n", ["\n"]), ("x\u2028y\nz\n\n", ["x\u2028y\n", "z\n", "\n"])):
        assert paragraphs(text) == want
        assert "".join(paragraphs(text)) == text
