"""Coreference metrics against examples worked by hand.

The main example is the one of Pradhan et al. (2014), Figure 3 (predicted mentions, so it also
checks mentions missing on either side):
    key      K1 = {a, b, c}      K2 = {d, e, f, g}
    response R1 = {a, b}  R2 = {c, d}  R3 = {f, g, h, i}
"""

from __future__ import annotations

import pytest

from newsprism.coref.metrics import bcubed, ceafe, conll, muc

KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2, "g": 2}
RESPONSE = {"a": "x", "b": "x", "c": "y", "d": "y", "f": "z", "g": "z", "h": "z", "i": "z"}


def test_muc_by_hand() -> None:
    # recall: K1 is cut into {a,b},{c} -> 3-2 = 1 link kept; K2 into {d},{e (missing)},{f,g}
    # -> 4-3 = 1; links needed (3-1)+(4-1) = 5 -> R = 2/5.
    # precision: R1 in one key part -> 1 of 1; R2 cut into {c},{d} -> 0 of 1; R3 into {f,g},{h},{i}
    # -> 1 of 3 -> P = 2/5.
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(0.4)
    assert s.precision == pytest.approx(0.4)
    assert s.f1 == pytest.approx(0.4)


def test_bcubed_by_hand() -> None:
    # recall over the 7 key mentions: a 2/3, b 2/3, c 1/3, d 1/4, e 0 (missing), f 2/4, g 2/4
    # = 35/12 -> R = 35/84 = 0.4167.
    # precision over the 8 response mentions: a 1, b 1, c 1/2, d 1/2, f 2/4, g 2/4, h 0, i 0
    # = 4 -> P = 4/8 = 0.5.   (Pradhan et al. report R 0.42, P 0.50.)
    s = bcubed(KEY, RESPONSE)
    assert s.recall == pytest.approx(35 / 84)
    assert s.precision == pytest.approx(0.5)


def test_ceafe_by_hand() -> None:
    # phi4(K1,R1) = 2*2/(3+2) = 0.8, phi4(K1,R2) = 2/5, phi4(K2,R2) = 2/6, phi4(K2,R3) = 4/8.
    # Best one-to-one: K1-R1 + K2-R3 = 1.3 (K1-R2 + K2-R3 = 0.9, K1-R1 + K2-R2 = 1.133).
    # R = 1.3/2 = 0.65, P = 1.3/3 = 0.4333.
    s = ceafe(KEY, RESPONSE)
    assert s.recall == pytest.approx(0.65)
    assert s.precision == pytest.approx(1.3 / 3)


def test_conll_is_the_mean_of_the_three_f1() -> None:
    out = conll(KEY, RESPONSE)
    f1s = [out[m]["f1"] for m in ("muc", "b3", "ceafe")]
    assert out["conll"]["f1"] == pytest.approx(sum(f1s) / 3)


def test_perfect_response_scores_one() -> None:
    out = conll(KEY, {m: f"r{c}" for m, c in KEY.items()})
    assert all(out[m]["f1"] == pytest.approx(1.0) for m in ("muc", "b3", "ceafe", "conll"))


def test_all_singletons_against_gold_mentions() -> None:
    # Gold mentions, response puts every mention alone: MUC finds no links (R 0, P 0 by
    # convention); B³ precision 1 and recall a 1/3+1/3+1/3 (K1) + 4 x 1/4 (K2) = 2 -> 2/7;
    # CEAF-e: each key cluster aligns with one singleton, phi4 = 2/4 (K1) and 2/5 (K2):
    # R = 0.9/2 = 0.45, P = 0.9/7.
    singletons = {m: m for m in KEY}
    assert muc(KEY, singletons).f1 == 0.0
    b3 = bcubed(KEY, singletons)
    assert b3.precision == pytest.approx(1.0)
    assert b3.recall == pytest.approx(2 / 7)
    ce = ceafe(KEY, singletons)
    assert ce.recall == pytest.approx(0.45)
    assert ce.precision == pytest.approx(0.9 / 7)


def test_one_big_cluster_moosavi_strube_flaw() -> None:
    # Moosavi & Strube (2016): MUC rewards putting everything in one cluster. Key as above, the
    # response is one cluster of all 7: MUC R = (2+3)/5 = 1, P = 5/6 (6 links made, 5 right).
    everything = dict.fromkeys(KEY, "all")
    s = muc(KEY, everything)
    assert s.recall == pytest.approx(1.0)
    assert s.precision == pytest.approx(5 / 6)
    # B³: R = 1; P = (3 x 3/7 + 4 x 4/7)/7 = 25/49.
    assert bcubed(KEY, everything).precision == pytest.approx(25 / 49)
