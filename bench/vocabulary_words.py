"""The English words that annotator/align/data/vocabulary.tsv translates, most frequent first.

    pip install wordfreq simplemma   # for this script only, not needed by the app
    python bench/vocabulary_words.py [COUNT [SKIP]] [--new] > words.txt

wordfreq's most frequent English word forms, lemmatised by simplemma, less function words, numbers, names
(simplemma capitalises them) and the words the glossary already has; SKIP leaves out the first ones, and
--new also the words a row of the vocabulary already matches (the second batch: 3000 3500 --new). The rows
of vocabulary.tsv were then written for these words from general knowledge of the three languages, in
glossary.tsv's format, by people who saw this list and the format only (no corpus, no dev set): see
docs/alignment.md.
"""

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import simplemma  # noqa: E402
from wordfreq import top_n_list  # noqa: E402

from annotator.align import glossary  # noqa: E402

# Words of grammar and the commonest verbs of no meaning of their own: no row for them.
GRAMMAR = frozenset("""
the to and of a in i is for that you it on with this was be as are have at he not by but from my or we an your all so
his they me if one can will just like about up out what has when more do no there would their her which who been had
she were get them some how him our us its also than then these those only into over very any because here did does
done could should may might must shall after before where while why whom whose yes yeah oh ok okay lol hey hi hello
etc via per vs mr mrs ms dr st am pm myself yourself himself herself itself ourselves themselves each every either
neither both few many much most other another such own same too quite rather really even still yet already ever never
always often sometimes now today tomorrow yesterday tonight again once twice off down through during without within
between among against toward towards upon across along around behind below beneath beside besides beyond until till
since though although unless whether whatever whoever whichever wherever however therefore thus hence anyway anyhow
somehow something anything nothing everything someone anyone everyone nobody somebody anybody everybody one two three
four five six seven eight nine ten eleven twelve hundred thousand million billion first second third let got gets
getting go goes going gone went make made makes making im dont cant wont isnt didnt doesnt ive youre thats
""".split())


def words(count: int, skip: int = 0, new: bool = False) -> list[str]:
    actor_rows = sum(1 for line in glossary.FILES[0].read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))  # glossary.tsv's rows come first
    seen, out = set(), []
    for form in top_n_list("en", 30000):
        if not re.fullmatch(r"[a-z][a-z-]{2,}", form):
            continue
        lemma = simplemma.lemmatize(form, lang="en")
        if form in GRAMMAR or lemma in GRAMMAR or lemma in seen or len(lemma) < 3:
            continue
        seen.add(lemma)
        if lemma[0].isupper() or any(row < actor_rows for row in glossary.meanings(lemma, "en")):
            continue
        out.append(lemma)
    return [w for w in out[skip:skip + count] if not (new and glossary.meanings(w, "en"))]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=3500)
    parser.add_argument("skip", type=int, nargs="?", default=0)
    parser.add_argument("--new", action="store_true", help="leave out the words a vocabulary row already matches")
    args = parser.parse_args()
    print("\n".join(words(args.count, args.skip, args.new)))
