"""The alignment dynamic programme: monotonic beads over two sentence lists, vectorised row by row.

Costs are negative log probabilities in the style of Gale and Church (1993): a prior per bead type plus a
length term, -log(2 * (1 - Phi(|delta|))), where delta compares the character lengths of the two sides.
An optional anchor matrix (how much lexical evidence links source sentence i to target sentence j)
lowers the cost of beads whose sentences share anchors and raises it for anchors left unmatched.
"""

import dataclasses
from dataclasses import dataclass, field

import numpy as np

Bead = tuple[list[int], list[int]]
# (source sentences, target sentences) consumed by each bead type; 0-1 is handled by a prefix scan.
BEAD_SHAPES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
# Searched only where a Params gives them a prior (Gale and Church stop at 2-2) and, with anchors, where the
# Evidence has the matches over three sentences; every Params gives the other six shapes one.
OPTIONAL_SHAPES = ((3, 1), (1, 3))
_ZERO_ONE = BEAD_SHAPES.index((0, 1))
# A length ratio estimated from two texts is kept in this range: uk, ru and en differ by 5-15 % in
# characters, and a short text with a long deleted paragraph must not skew it.
RATIO_RANGE = (0.9, 1.2)
# What an unrelated sentence holds by chance is averaged over at least this many sentences: in a short article
# whose names recur in every sentence, the few others would make the true partner look like chance.
CHANCE_SENTENCES = 4


@dataclass(frozen=True)
class Params:
    """Bead priors (probabilities), the length model, and the weights of anchor evidence."""

    priors: dict = field(
        default_factory=lambda: {
            (1, 1): 0.89,
            (1, 0): 0.0099 / 2,
            (0, 1): 0.0099 / 2,
            (2, 1): 0.089 / 2,
            (1, 2): 0.089 / 2,
            (2, 2): 0.011,
        }
    )
    ratio: float | None = 1.0  # target chars per source char; None: estimate from the two texts
    variance: float = 6.8
    match_weight: float = 0.0  # the reward for a sentence whose evidence is all found across its bead
    band: int = 0  # half-width of the search band around the diagonal; 0: no band
    # Gale and Church charge a 1-0 bead the length cost of pairing its sentence with nothing, which makes
    # deletions of long sentences all but impossible; False charges them the prior alone.
    deletion_length_cost: bool = True
    # Paragraph breaks as soft anchors: the cost of a bead that ends at a break on one side only, or that
    # runs across a break on one side.
    break_weight: float = 0.0
    smoothing: float = 0.5  # added to a sentence's evidence weight before taking shares of it
    chance_factor: float = 1.0
    threshold: float = 0.0  # the share of its evidence a sentence must find across its bead to earn a reward
    # The cost added to a 2-1, 1-2 or 2-2 bead one of whose two sentences on a side finds too little of its
    # evidence across it to gain (the threshold) and only makes the lengths fit worse, while the other finds its
    # own: most often a sentence dropped from the translation, which the bead priors would rather merge into its
    # neighbour's bead than leave alone. (Beads of three do not pay it: see docs/alignment.md.)
    idle_cost: float = 0.0


@dataclass
class Evidence:
    """Per-sentence lengths on each side, and optionally the anchor evidence between them.

    `src_anchors[i]` / `tgt_anchors[j]`: the weight of sentence i's / j's anchors. `matches[i, j]`: the
    weight of the anchors sentences i and j share. `tgt_pair_matches[i, j]`: the weight of sentence i's
    anchors found in target sentences j-1 or j; `src_pair_matches[i, j]` likewise for source i-1 or i;
    the `triple` matches likewise over three sentences, j-2 to j (i-2 to i).
    """

    src_lengths: np.ndarray
    tgt_lengths: np.ndarray
    src_anchors: np.ndarray | None = None
    tgt_anchors: np.ndarray | None = None
    matches: np.ndarray | None = None
    tgt_pair_matches: np.ndarray | None = None
    src_pair_matches: np.ndarray | None = None
    tgt_triple_matches: np.ndarray | None = None
    src_triple_matches: np.ndarray | None = None
    src_breaks: np.ndarray | None = None  # bool, n + 1: a paragraph starts at sentence i (0 and n count)
    tgt_breaks: np.ndarray | None = None


def run(evidence: Evidence, params: Params) -> list[Bead]:
    """Align by dynamic programming; return beads covering every sentence once, in order."""
    n, m = len(evidence.src_lengths), len(evidence.tgt_lengths)
    if n == 0 or m == 0:
        return [([i], []) for i in range(n)] + [([], [j]) for j in range(m)]
    band = _Band(n, m, params.band)
    costs = _Costs(evidence, params, band)
    total = np.full((n + 1, m + 1), np.inf)
    back = np.full((n + 1, m + 1), -1, dtype=np.int8)
    for i in range(n + 1):
        _fill_row(costs, band, total, back, i)
    if back[n, m] < 0:  # the band missed the end (one side has many times the other's sentences): search it all
        return run(evidence, dataclasses.replace(params, band=0))
    return _backtrack(back, n, m)


class _Band:
    """Row i is searched over target positions lo[i]..hi[i], a band around the diagonal."""

    def __init__(self, n: int, m: int, width: int):
        rows = np.arange(n + 1)
        if width <= 0 or 2 * width >= m:
            self.lo, self.hi = np.zeros(n + 1, dtype=int), np.full(n + 1, m)
        else:
            centre = np.rint(rows * m / n).astype(int)
            self.lo, self.hi = np.maximum(centre - width, 0), np.minimum(centre + width, m)
        self.width = int((self.hi - self.lo).max()) + 1
        # cols[i, k] is the target position of band cell k in row i (clipped to the table).
        self.cols = np.minimum(self.lo[:, None] + np.arange(self.width)[None, :], m)
        self.rows = rows[:, None]
        self.n, self.m = n, m
        self._cols_before, self._cells_before = {}, {}

    def row_before(self, back: int) -> np.ndarray:
        """Source sentence i - back at every row i (clipped to the sentences)."""
        return np.clip(self.rows - back, 0, self.n - 1)

    def col_before(self, back: int) -> np.ndarray:
        """Target sentence j - back at every band cell (i, j) (clipped to the sentences); computed once."""
        if back not in self._cols_before:
            self._cols_before[back] = np.clip(self.cols - back, 0, self.m - 1)
        return self._cols_before[back]

    def at(self, matrix: np.ndarray, back_row: int, back_col: int) -> np.ndarray:
        """matrix[i - back_row, j - back_col] at every band cell (i, j) of a source x target matrix, the indices
        clipped to it."""
        assert matrix.shape == (self.n, self.m)
        key = (back_row, back_col)
        if key not in self._cells_before:
            self._cells_before[key] = self.row_before(back_row) * self.m + self.col_before(back_col)
        return matrix.ravel().take(self._cells_before[key])


class _Costs:
    """The cost of every bead shape ending at every band cell, computed at once before the search."""

    def __init__(self, evidence: Evidence, params: Params, band: _Band):
        src_len, tgt_len = _prefix(evidence.src_lengths), _prefix(evidence.tgt_lengths)
        ratio = params.ratio
        if ratio is None:
            ratio = np.clip(max(tgt_len[-1], 1.0) / max(src_len[-1], 1.0), *RATIO_RANGE)
        use_anchors = evidence.matches is not None and params.match_weight
        rows, cols = band.rows, band.cols
        chance = (_chance(evidence.matches, evidence.src_anchors, params),
                  _chance(evidence.matches.T, evidence.tgt_anchors, params)) if use_anchors else None
        triples = evidence.tgt_triple_matches is not None and evidence.src_triple_matches is not None
        self.table, lengths = {}, {}
        for shape in BEAD_SHAPES:
            if shape in OPTIONAL_SHAPES and (shape not in params.priors or use_anchors and not triples):
                continue
            di, dj = shape
            cost = np.full(cols.shape, -np.log(params.priors[shape]))
            if (di and dj) or params.deletion_length_cost:
                src = src_len[rows] - src_len[np.maximum(rows - di, 0)]
                tgt = tgt_len[cols] - tgt_len[np.maximum(cols - dj, 0)]
                lengths[shape] = _length_cost(src * ratio, tgt, params.variance)
                cost += lengths[shape]
            if use_anchors:
                cost += _anchor_cost(evidence, params, shape, band, chance)
                if 2 in shape and params.idle_cost:
                    cost += _idle_cost(evidence, params, shape, band, ratio, lengths)
            if params.break_weight and evidence.src_breaks is not None:
                cost += params.break_weight * _break_cost(evidence, shape, rows, cols)
            self.table[shape] = cost


def _anchor_cost(evidence: Evidence, params: Params, shape, band: _Band,
                 chance: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Reward evidence found on the other side of the bead.

    Each sentence of the bead earns the share of its own evidence found across the bead, less `threshold`
    and less what an unrelated sentence would hold by chance (times the sentences across). Merging two
    good beads into one so gains nothing but the evidence they share across, and a sentence that belongs
    elsewhere (or nowhere: a dropped sentence) costs its bead. A sentence without evidence is neutral.
    """
    di, dj = shape
    share = np.zeros(band.cols.shape)
    if not (di and dj):
        return share
    by_tgt = (evidence.matches, evidence.tgt_pair_matches, evidence.tgt_triple_matches)[dj - 1]
    by_src = (evidence.matches, evidence.src_pair_matches, evidence.src_triple_matches)[di - 1]
    src_chance, tgt_chance = chance
    for back in range(1, di + 1):
        row = band.row_before(back)
        share += _share(band.at(by_tgt, back, 1), evidence.src_anchors[row], params) - dj * src_chance[row]
    for back in range(1, dj + 1):
        col = band.col_before(back)
        found, own = band.at(by_src, 1, back), evidence.tgt_anchors.take(col)
        share += _share(found, own, params) - di * tgt_chance.take(col)
    return -params.match_weight * share


def _idle_cost(evidence: Evidence, params: Params, shape, band: _Band, ratio: float, lengths: dict) -> np.ndarray:
    """`idle_cost` for a bead with two sentences on a side, one of which finds no more of its evidence across
    the bead than the threshold while the other finds more (and something), and the idle sentence makes the
    bead's lengths fit worse than the bead without it. `lengths` holds the length costs, at every cell, of the
    shapes computed so far (1-1, 2-1 and 1-2 come before 2-2 in BEAD_SHAPES); `ratio` scales the source's lengths."""
    src = tuple(ratio * evidence.src_lengths[band.row_before(back)] for back in (2, 1))
    tgt = tuple(evidence.tgt_lengths.take(band.col_before(back)) for back in (2, 1))
    idle = np.zeros(band.cols.shape, dtype=bool)
    # The two sentences are a (the first) and b. Without a, the bead is the one a sentence shorter at this cell;
    # without b, a is matched with the other side alone.
    if shape[0] == 2:
        across = evidence.matches if shape[1] == 1 else evidence.tgt_pair_matches
        found = band.at(across, 2, 1), band.at(across, 1, 1)
        own = tuple(evidence.src_anchors[band.row_before(back)] for back in (2, 1))
        other = tgt[1] if shape[1] == 1 else tgt[0] + tgt[1]
        idle |= _idle_side(found, own, lengths[shape], lengths[(1, shape[1])], (src[0], other), params)
    if shape[1] == 2:
        across = evidence.matches if shape[0] == 1 else evidence.src_pair_matches
        found = band.at(across, 1, 2), band.at(across, 1, 1)
        own = tuple(evidence.tgt_anchors.take(band.col_before(back)) for back in (2, 1))
        other = src[1] if shape[0] == 1 else src[0] + src[1]
        idle |= _idle_side(found, own, lengths[shape], lengths[(shape[0], 1)], (other, tgt[0]), params)
    return np.where(idle, params.idle_cost, 0.0)


def _idle_side(found, own, whole, without_a, a_alone, params: Params) -> np.ndarray:
    """Where sentence a or b of one side of the beads is idle, the other good. The length cost of a alone
    with the other side is computed only where b could be idle."""
    quiet = [f <= params.threshold * o for f, o in zip(found, own, strict=True)]
    good = [~q & (f > 0) for q, f in zip(quiet, found, strict=True)]
    idle = quiet[0] & good[1] & (whole > without_a)
    maybe = quiet[1] & good[0]
    a_len, other_len = (np.broadcast_to(x, whole.shape)[maybe] for x in a_alone)
    idle[maybe] |= whole[maybe] > _length_cost(a_len, other_len, params.variance)
    return idle


def _share(found: np.ndarray, own: np.ndarray, params: Params) -> np.ndarray:
    return (found - params.threshold * own) / (own + params.smoothing)


def _chance(matches: np.ndarray, own: np.ndarray, params: Params) -> np.ndarray:
    """The share of each sentence's evidence that an unrelated sentence holds, on average (its best match,
    likely its translation, left out)."""
    if matches.shape[1] < 2:
        return np.zeros(matches.shape[0])
    rest = (matches.sum(axis=1) - matches.max(axis=1)) / max(matches.shape[1] - 1, CHANCE_SENTENCES)
    return params.chance_factor * rest / (own + params.smoothing)


def _break_cost(evidence: Evidence, shape, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """1 where the bead ends at a paragraph break on one side only, plus 1 per break the bead spans.

    A sentence left out of the translation (a 1-0 or 0-1 bead) takes its paragraph's break with it: where it
    opened a paragraph that the other side starts with the next sentence, its bead costs nothing; where it
    closed one, the bead before it paid for the break it moved, and this one pays that back (-1)."""
    src, tgt = evidence.src_breaks, evidence.tgt_breaks
    cost = (src[rows] != tgt[cols]).astype(float)
    if 0 in shape:
        own, end, other = (src, rows, tgt[cols]) if shape == (1, 0) else (tgt, cols, src[rows])
        before, after, other = np.broadcast_arrays(own[np.maximum(end - 1, 0)], own[end], other)
        return np.where(other & before, 0.0, np.where(other & after, -1.0, cost))
    for back in range(1, shape[0]):
        cost = cost + src[np.maximum(rows - back, 0)]
    for back in range(1, shape[1]):
        cost = cost + tgt[np.maximum(cols - back, 0)]
    return cost


def _prefix(values: np.ndarray) -> np.ndarray:
    out = np.zeros(len(values) + 1)
    np.cumsum(values, out=out[1:])
    return out


def _length_cost(src: float, tgt: np.ndarray, variance: float) -> np.ndarray:
    """-log(2 * (1 - Phi(|delta|))) with delta = (tgt - src) / sqrt(variance * mean length)."""
    mean = np.maximum((src + tgt) / 2.0, 1.0)
    delta = np.abs(tgt - src) / np.sqrt(variance * mean)
    return _neg_log_erfc(delta / np.sqrt(2.0))


def _neg_log_erfc(x: np.ndarray) -> np.ndarray:
    """-log(erfc(x)) for x >= 0 (Abramowitz and Stegun 7.1.26, stable in the tail)."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return x * x - np.log(poly)


def _fill_row(costs: _Costs, band: _Band, total: np.ndarray, back: np.ndarray, i: int) -> None:
    lo, hi = band.lo[i], band.hi[i]
    best = np.full(hi - lo + 1, np.inf)
    best_shape = np.full(hi - lo + 1, -1, dtype=np.int8)
    if i == 0:
        best[0] = 0.0
    for index, shape in enumerate(BEAD_SHAPES):
        di, dj = shape
        if di == 0 or di > i or shape not in costs.table:
            continue
        prev = i - di
        start, stop = max(lo, band.lo[prev] + dj), min(hi, band.hi[prev] + dj)
        if start > stop:
            continue
        window = slice(start - lo, stop - lo + 1)
        candidate = total[prev, start - dj : stop - dj + 1] + costs.table[shape][i, window]
        better = candidate < best[window]
        best[window][better] = candidate[better]
        best_shape[window][better] = index
    _scan_zero_one(costs.table[(0, 1)][i, : hi - lo + 1], best, best_shape)
    total[i, lo : hi + 1] = best
    back[i, lo : hi + 1] = best_shape


def _scan_zero_one(step_cost: np.ndarray, best: np.ndarray, shape: np.ndarray) -> None:
    """Let runs of 0-1 beads (target sentences left unlinked) extend along the row, in place."""
    if len(best) < 2:
        return
    step = np.zeros(len(best))
    step[1:] = step_cost[1:]
    walked = np.cumsum(step)
    via = walked + np.minimum.accumulate(best - walked)
    improved = via < best - 1e-9
    best[improved] = via[improved]
    shape[improved] = _ZERO_ONE


def _backtrack(back: np.ndarray, n: int, m: int) -> list[Bead]:
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        di, dj = BEAD_SHAPES[back[i, j]]
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
