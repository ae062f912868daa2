"""Clustering scores against gold labels: B-cubed, pairwise and adjusted Rand index."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

from newsprism.errors import UsageError


def _check(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> None:
    if len(predicted) != len(gold):
        raise UsageError(f"{len(predicted)} predictions for {len(gold)} gold labels")
    if not gold:
        raise UsageError("nothing to score: no items")


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """Item-averaged B³ precision, recall and F1 (Bagga & Baldwin 1998)."""
    _check(predicted, gold)
    pair = Counter(zip(predicted, gold, strict=True))
    pred_size, gold_size = Counter(predicted), Counter(gold)
    precision = sum(n * n / pred_size[p] for (p, _), n in pair.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (_, g), n in pair.items()) / len(gold)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def _pairs(n: int) -> float:
    return n * (n - 1) / 2


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """Precision, recall and F1 over the pairs of items put together."""
    _check(predicted, gold)
    both = sum(_pairs(n) for n in Counter(zip(predicted, gold, strict=True)).values())
    in_pred = sum(_pairs(n) for n in Counter(predicted).values())
    in_gold = sum(_pairs(n) for n in Counter(gold).values())
    precision = both / in_pred if in_pred else 1.0
    recall = both / in_gold if in_gold else 1.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def adjusted_rand(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    """Adjusted Rand index (Hubert & Arabie 1985): 1 is perfect, 0 is chance."""
    _check(predicted, gold)
    both = sum(_pairs(n) for n in Counter(zip(predicted, gold, strict=True)).values())
    in_pred = sum(_pairs(n) for n in Counter(predicted).values())
    in_gold = sum(_pairs(n) for n in Counter(gold).values())
    total = _pairs(len(gold))
    expected = in_pred * in_gold / total if total else 0.0
    best = (in_pred + in_gold) / 2
    return 1.0 if best == expected else (both - expected) / (best - expected)


def scores(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, object]:
    """All three, plus the number of predicted and gold clusters."""
    return {
        "bcubed": bcubed(predicted, gold),
        "pairwise": pairwise(predicted, gold),
        "ari": adjusted_rand(predicted, gold),
        "clusters": len(set(predicted)),
        "gold_clusters": len(set(gold)),
    }


def clusters_of(labels: Sequence[Hashable]) -> dict[Hashable, list[int]]:
    """label -> the positions that carry it."""
    out: dict[Hashable, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        out[label].append(i)
    return dict(out)
