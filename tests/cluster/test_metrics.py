from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.cluster.metrics import adjusted_rand, bcubed, pairwise, scores
from newsprism.errors import UsageError


def test_perfect_clustering_scores_one():
    gold = ["a", "a", "b", "b", "c"]
    predicted = [1, 1, 2, 2, 3]
    assert bcubed(predicted, gold)["f1"] == pytest.approx(1.0)
    assert pairwise(predicted, gold)["f1"] == pytest.approx(1.0)
    assert adjusted_rand(predicted, gold) == pytest.approx(1.0)


def test_bcubed_by_hand():
    # gold {0,1,2} {3}; predicted {0,1} {2,3}
    b = bcubed([1, 1, 2, 2], ["x", "x", "x", "y"])
    # precision: items 0,1 -> 1, item 2 -> 1/2, item 3 -> 1/2 ; mean 0.75
    # recall: items 0,1 -> 2/3, item 2 -> 1/3, item 3 -> 1 ; mean 2/3
    assert b["precision"] == pytest.approx(0.75)
    assert b["recall"] == pytest.approx(2 / 3)


def test_all_in_one_cluster_has_full_recall_and_zero_ari():
    gold = ["a", "a", "b", "b"]
    assert bcubed([0] * 4, gold)["recall"] == 1.0
    assert adjusted_rand([0] * 4, gold) == pytest.approx(0.0)
    assert pairwise([0] * 4, gold)["precision"] == pytest.approx(2 / 6)


def test_mismatched_lengths_are_refused():
    with pytest.raises(UsageError):
        bcubed([1, 2], ["a"])


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=2, max_size=40))
def test_scores_stay_in_range(pairs):
    predicted, gold = zip(*pairs, strict=True)
    s = scores(list(predicted), list(gold))
    for key in ("bcubed", "pairwise"):
        assert 0.0 <= s[key]["precision"] <= 1.0
        assert 0.0 <= s[key]["recall"] <= 1.0
    assert -1.0 <= s["ari"] <= 1.0
    assert adjusted_rand(list(predicted), list(gold)) == pytest.approx(
        adjusted_rand(list(gold), list(predicted))
    )
