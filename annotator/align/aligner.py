"""Automatic sentence alignment: lengths plus lexical anchors, and a plain Gale-Church baseline."""

from collections import defaultdict

import numpy as np

from annotator.align import dp
from annotator.align.anchors import sentence_anchors

Bead = dp.Bead

_DELETION = 0.005
ANCHORED = dp.Params(
    priors={(1, 1): 0.89, (1, 0): _DELETION, (0, 1): _DELETION, (2, 1): 0.0445, (1, 2): 0.0445, (2, 2): 0.011},
    ratio=None,
    variance=6.8,
    match_weight=4.0,
    miss_weight=2.0,
    band=60,
    deletion_length_cost=False,
)
GALE_CHURCH = dp.Params(ratio=1.0, variance=6.8)


def align(src: list[str], tgt: list[str], src_lang: str = "", tgt_lang: str = "") -> list[Bead]:
    """Align two lists of sentences; beads are (source indices, target indices), monotonic and complete.

    Bead shapes are 1-1, 1-0, 0-1, 1-2, 2-1 and 2-2. The languages are accepted for the interface's sake:
    the length model and the anchors work the same for uk, ru and en.
    """
    evidence = anchor_evidence([sentence_anchors(s) for s in src], [sentence_anchors(t) for t in tgt])
    evidence.src_lengths, evidence.tgt_lengths = _lengths(src), _lengths(tgt)
    return dp.run(evidence, ANCHORED)


def gale_church(src: list[str], tgt: list[str]) -> list[Bead]:
    """The plain Gale-Church (1993) aligner on character lengths: the baseline to beat."""
    evidence = dp.Evidence(src_lengths=_lengths(src), tgt_lengths=_lengths(tgt))
    return dp.run(evidence, GALE_CHURCH)


def anchor_evidence(src_keys: list[frozenset], tgt_keys: list[frozenset]) -> dp.Evidence:
    """Weighted anchor overlaps between every source and target sentence (and adjacent pairs of them).

    A key's weight is 1 / (how many sentences on the busier side contain it), so a name repeated in every
    sentence counts for little and a number that occurs once on each side counts fully.
    """
    n, m = len(src_keys), len(tgt_keys)
    src_post, tgt_post = _postings(src_keys), _postings(tgt_keys)
    weight = {key: 1.0 / max(len(src_post[key]), len(tgt_post.get(key, ()))) for key in src_post}
    weight.update({key: 1.0 / len(rows) for key, rows in tgt_post.items() if key not in src_post})
    single, tgt_pair, src_pair = np.zeros((n, m)), np.zeros((n, m)), np.zeros((n, m))
    for key, rows in src_post.items():
        cols = tgt_post.get(key)
        if not cols:
            continue
        rows_a, cols_a = np.array(rows), np.array(cols)
        single[np.ix_(rows_a, cols_a)] += weight[key]
        _add_pairs(tgt_pair, rows_a, cols_a, weight[key], transpose=False)
        _add_pairs(src_pair, cols_a, rows_a, weight[key], transpose=True)
    return dp.Evidence(
        src_lengths=np.zeros(n),
        tgt_lengths=np.zeros(m),
        src_anchors=np.array([sum(weight[k] for k in keys) for keys in src_keys]),
        tgt_anchors=np.array([sum(weight[k] for k in keys) for keys in tgt_keys]),
        matches=single,
        tgt_pair_matches=tgt_pair,
        src_pair_matches=src_pair,
    )


def _postings(keys_per_sentence: list[frozenset]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(keys_per_sentence):
        for key in keys:
            postings[key].append(index)
    return postings


def _add_pairs(out: np.ndarray, rows: np.ndarray, cols: np.ndarray, weight: float, transpose: bool) -> None:
    """out[r, c] += weight where sentence r holds the key and so does c-1 or c on the other side."""
    hit = np.zeros(out.shape[1] if not transpose else out.shape[0], dtype=bool)
    hit[cols] = True
    either = hit.copy()
    either[1:] |= hit[:-1]
    either[0] = hit[0]
    targets = np.nonzero(either)[0]
    if transpose:
        out[np.ix_(targets, rows)] += weight
    else:
        out[np.ix_(rows, targets)] += weight


def _lengths(sentences: list[str]) -> np.ndarray:
    return np.array([len(sentence) for sentence in sentences], dtype=float)
