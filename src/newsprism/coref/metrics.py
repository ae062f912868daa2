"""Coreference scores: MUC, B³, CEAF-e and their mean, the CoNLL F1.

Definitions follow Pradhan et al. (2014), "Scoring Coreference Partitions of Predicted Mentions:
A Reference Implementation" (the CoNLL-2012 scorer, v8). A partition is any mapping
mention -> cluster label; a mention missing from the response counts as a singleton of its own
for MUC, and adds nothing to B³ or CEAF-e, as in the reference scorer. With gold mentions (the
ECB+ evaluation) key and response hold the same mentions and the difference never arises.

The PyPI package ``coreference-eval`` (0.0.2, 2023, unmaintained) was looked at and not used: it
wants its own jsonline documents and pins nothing we need; these four functions are short and
are tested against hand-worked examples in tests/coref/test_metrics.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

Partition = Mapping[Any, Any]


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"recall": self.recall, "precision": self.precision, "f1": self.f1}


def clusters(partition: Partition) -> list[frozenset[Hashable]]:
    """The clusters of a partition as sets of mentions, in a stable order."""
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, label in partition.items():
        groups[label].add(mention)
    return [frozenset(g) for g in groups.values()]


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _muc_recall(key: list[frozenset[Hashable]], response: Partition) -> float:
    num = den = 0
    for k in key:
        # each response cluster touching k is one part; mentions the response lacks are one each
        parts = {response[m] for m in k if m in response}
        missing = sum(1 for m in k if m not in response)
        num += len(k) - (len(parts) + missing)
        den += len(k) - 1
    return _ratio(num, den)


def muc(key: Partition, response: Partition) -> Score:
    """Link-based MUC (Vilain et al. 1995): links kept over links needed. Blind to singletons."""
    return Score(_muc_recall(clusters(key), response), _muc_recall(clusters(response), key))


def _b3_recall(key: Partition, response: Partition) -> float:
    by_key = {frozenset(c): c for c in clusters(key)}
    res_sets: dict[Hashable, set[Hashable]] = {label: set() for label in set(response.values())}
    for m, label in response.items():
        res_sets[label].add(m)
    total = 0.0
    for k in by_key:
        for m in k:
            shared = len(k & res_sets[response[m]]) if m in response else 0
            total += shared / len(k)
    return _ratio(total, len(key))


def bcubed(key: Partition, response: Partition) -> Score:
    """Mention-based B³ (Bagga & Baldwin 1998), every mention weighted equally."""
    return Score(_b3_recall(key, response), _b3_recall(response, key))


def ceafe(key: Partition, response: Partition) -> Score:
    """Entity-based CEAF (Luo 2005) with phi4 = 2|K∩R| / (|K|+|R|), one-to-one best alignment
    found by Kuhn-Munkres (scipy's linear_sum_assignment)."""
    ks, rs = clusters(key), clusters(response)
    if not ks or not rs:
        return Score(0.0, 0.0)
    sim = np.zeros((len(ks), len(rs)))
    cluster_of = {m: j for j, r in enumerate(rs) for m in r}
    for i, k in enumerate(ks):
        # only the response clusters that share a mention with k: the rest are 0
        for j in {cluster_of[m] for m in k if m in cluster_of}:
            sim[i, j] = 2 * len(k & rs[j]) / (len(k) + len(rs[j]))
    from scipy.optimize import linear_sum_assignment  # scipy.optimize costs ~0.5 s to import

    rows, cols = linear_sum_assignment(sim, maximize=True)
    total = float(sim[rows, cols].sum())
    return Score(total / len(ks), total / len(rs))


def conll(key: Partition, response: Partition) -> dict[str, dict[str, float]]:
    """MUC, B³, CEAF-e (recall, precision, F1 each) and the CoNLL F1, their mean F1."""
    parts = {"muc": muc(key, response), "b3": bcubed(key, response), "ceafe": ceafe(key, response)}
    out: dict[str, dict[str, float]] = {name: s.to_dict() for name, s in parts.items()}
    out["conll"] = {"f1": sum(s.f1 for s in parts.values()) / 3}
    return out
