"""Projection on any text: `counterpart` never raises and answers None or a range of whole words inside the
window, whatever the phrase, the window and the language pair. Hypothesis builds texts from pieces that trouble
the rules: titles, prepositions, possessives, abbreviations, names, numbers, punctuation, emoji, odd Unicode."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.align.counterpart import counterpart

EN = ["President", "Joe", "Biden", "UN's", "Rogers'", "office", "of", "the", "Ministry", "Defense", "PM", "US",
      "Labour", "leader", "for", "with", "Kyiv", "2022", "3.5", "-", ",", ".", "«", "»", "🙂", "Ivan's", "x",
      "who", "asked", "not", "to", "be", "said", "quickly", "(SBU)", "(", ")", "OPEC+", "its", "fans"]
SLAVIC = ["президента", "США", "Джо", "Байдена", "про", "з", "офісом", "сенаторки", "Роджерс", "міністерства",
          "оборони", "ООН", "на", "минулому", "тижні", "прем'єр-міністр", "прем’єр-міністром", "Лейбористской",
          "партии", "по", "сведениям", "Министерства", "главой", "Советского", "Союза", "2022", ",", ".", "—",
          "«", "»", "🙂", "звʼязки", "в", "В", "На", "Київ", "Києві", "який", "которые", "попросивший", "(СБУ)",
          "Служба", "безпеки", "України", "Мінфін", "МОЗ", "Франції", "Великої", "Британії", "клубу", "Головний",
          "тренер", "ОПЕК+", "(", ")", "Ми", "з", "Кто-то", "из"]


def texts(words):
    return st.lists(st.sampled_from(words), min_size=1, max_size=25).map(" ".join) | st.text(min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(sentence=texts(EN), window=texts(SLAVIC), cut=st.tuples(st.integers(0, 200), st.integers(1, 200)),
       pair=st.sampled_from([("en", "uk"), ("en", "ru"), ("uk", "ru"), ("ru", "en"), ("en", "en")]),
       packaged=st.booleans())
def test_counterpart_never_raises_and_stays_inside_the_window(sentence, window, cut, pair, packaged):
    _check(sentence, window, cut, pair, packaged)


@settings(max_examples=300, deadline=None)
@given(sentence=texts(SLAVIC), window=texts(EN), cut=st.tuples(st.integers(0, 200), st.integers(1, 200)),
       pair=st.sampled_from([("uk", "en"), ("ru", "en")]), packaged=st.booleans())
def test_counterpart_into_english_never_raises_and_stays_inside_the_window(sentence, window, cut, pair, packaged):
    _check(sentence, window, cut, pair, packaged)


def _check(sentence, window, cut, pair, packaged):
    start = min(cut[0], len(sentence) - 1)
    end = min(max(start + 1, start + cut[1]), len(sentence))
    found = counterpart(sentence, start, end, window, *pair, None if packaged else {})  # None: the shipped lexicon
    if found is not None:
        first, last = found
        assert 0 <= first < last <= len(window), (found, window)
        assert window[first:last] == window[first:last].strip(), (found, window)
