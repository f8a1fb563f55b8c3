"""Where a phrase of one sentence sits in its translation, from word-level evidence.

Each word of the target window is compared with the words of the source phrase and with the other words
of the source sentence: the same number, a name with the same transliterated skeleton, a cognate, or a
lexicon entry (annotator.align.lexicon). The counterpart is the run of target words matched by the phrase,
with at most GAP unmatched words between two matches ("президента США Дональда Трампа": США is carried
along) and never across punctuation or a word that translates something outside the phrase (a verb such as «повідомляє»
for "reports"). Of several runs, the one matching most of the phrase's words wins, then the one nearest to
the phrase's relative place in its sentence.

The modules, each using only those above it:
- `grammar`: readings of Ukrainian and Russian words (cases, agreement, heads and complements);
- `english`: the English rules (grammar words, verbs, heads and modifiers);
- `words`: whether two words match (names across scripts, abbreviations, numbers, cognates, the lexicon);
- `runs`: runs of matched words and the gaps, names and abbreviations that join them;
- `clauses`: claims and relative clauses;
- `unmatched`: the one noun no word accounts for, for a phrase without evidence;
- `find`: `counterpart` (a `Leftover` where it guesses) and `unexplained`.
"""

from annotator.align.counterpart.find import Leftover, counterpart, unexplained

__all__ = ["Leftover", "counterpart", "unexplained"]
