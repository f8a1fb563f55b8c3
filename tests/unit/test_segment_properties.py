"""Properties of sentence segmentation on any text: it never raises, and its sentences are trimmed, non-empty,
in order, never overlapping, never across a line break, and together cover every character that is not
whitespace. Hypothesis builds the texts from pieces that trouble segmenters: abbreviations, initials, quotes,
dashes, ellipses, numbers, emoji, Cyrillic and Latin words, blank lines."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.align import split_sentences

PIECES = ["Київ", "заявив", "що", "Зеленський", "Путин", "сказал", "the", "Kremlin", "said", "iPhone", "США",
          "м.", "р.", "т.зв.", "и др.", "т.е.", "Mr.", "U.S.", "Ф.", "В.", "ок.", "№", "2022", "3.5", "1,000",
          ".", "!", "?", "…", "...", "?!", ",", ";", ":", "«", "»", "„", "“", "”", '"', "'", "—", "–", "-",
          "(", ")", "🙂", "🇺🇦", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0"]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=80)


@settings(max_examples=400, deadline=None)
@given(text=texts, lang=st.sampled_from(["uk", "ru", "en"]))
def test_sentences_are_trimmed_ordered_disjoint_and_cover_the_text(text, lang):
    spans = split_sentences(text, lang)
    covered = set()
    last_end = 0
    for start, end in spans:
        assert 0 <= last_end <= start < end <= len(text), (spans, text)
        piece = text[start:end]
        assert piece == piece.strip() and "\n" not in piece, (piece, text)
        covered.update(range(start, end))
        last_end = end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace()), (spans, text)
