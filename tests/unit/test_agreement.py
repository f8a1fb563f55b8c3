"""Agreement metrics against independent implementations and hand-computed cases."""

import random

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.services.agreement import OUTSIDE, cohen_kappa, krippendorff_alpha, token_labels

LABELS = ["O", "ACTOR", "CLAIM", "POSITION"]


@pytest.mark.parametrize("seed", range(20))
def test_kappa_matches_scikit_learn_on_random_labels(seed):
    rng = random.Random(seed)
    n = rng.randint(5, 300)
    a = [rng.choice(LABELS) for _ in range(n)]
    b = [x if rng.random() < 0.6 else rng.choice(LABELS) for x in a]
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))


@pytest.mark.parametrize("seed", range(20))
def test_alpha_matches_the_krippendorff_package_with_missing_values(seed):
    rng = random.Random(seed)
    coders, units = rng.randint(2, 5), rng.randint(5, 200)
    truth = [rng.randrange(4) for _ in range(units)]
    matrix = [[(t if rng.random() < 0.7 else rng.randrange(4)) if rng.random() > 0.15 else None for t in truth]
              for _ in range(coders)]
    reference = krippendorff.alpha(reliability_data=np.array(matrix, dtype=float), level_of_measurement="nominal")
    ours = krippendorff_alpha([[row[u] for row in matrix if row[u] is not None] for u in range(units)])
    assert ours == pytest.approx(reference)


def test_kappa_by_hand():
    # observed 0.75; expected 0.5*0.5 + 0.5*0.5 = 0.5; kappa = (0.75 - 0.5) / 0.5
    assert cohen_kappa(["A", "A", "B", "B"], ["A", "A", "B", "A"]) == pytest.approx(0.5)
    assert cohen_kappa(["A", "B"], ["A", "B"]) == 1.0
    assert cohen_kappa([], []) is None


def test_alpha_by_hand():
    # two coders, four units: A/A, A/B, B/B, B/B. Coincidences: AA 2, AB 1, BA 1, BB 4; n = 8.
    # Do = 2/8; De = (3*5 + 5*3) / (8*7); alpha = 1 - Do/De = 1 - 0.25 / (30/56)
    assert krippendorff_alpha([["A", "A"], ["A", "B"], ["B", "B"], ["B", "B"]]) == pytest.approx(1 - 0.25 / (30 / 56))
    assert krippendorff_alpha([["A", "A"], ["B", "B"]]) == 1.0
    assert krippendorff_alpha([["A"]]) is None


def test_tokens_take_the_longest_covering_span():
    text = "Путін 🙂 заявив «ні»."
    labels = token_labels(text, [(0, 5, "ACTOR"), (0, 19, "CLAIM")])
    assert labels[0] == "CLAIM" and labels[-1] == OUTSIDE
    assert token_labels("а б", [(0, 1, "ACTOR")]) == ["ACTOR", OUTSIDE]
