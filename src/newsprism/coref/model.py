"""The learned pair scorer: logistic regression over named features, one per mention kind.

Weights live in newsprism/data/coref_weights.json, written by scripts/train_coref.py (which
also prints the held-out-topic scores they stand for). Fitting is plain Newton-Raphson with an
L2 penalty in numpy: a few thousand pairs and fifteen features need nothing more.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from newsprism.errors import ModelError


@dataclass(frozen=True)
class PairModel:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    #: merge two clusters while their mean pair probability is at least this
    threshold: float

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = x @ np.asarray(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> PairModel:
        return cls(
            tuple(row["features"]),
            tuple(float(w) for w in row["weights"]),
            float(row["bias"]),
            float(row["threshold"]),
        )


def fit(
    x: np.ndarray,
    y: np.ndarray,
    features: Sequence[str],
    *,
    threshold: float = 0.5,
    l2: float = 1.0,
    iterations: int = 30,
) -> PairModel:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ w, -30, 30)))
        grad = design.T @ (p - y) + penalty * w
        hess = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return PairModel(tuple(features), tuple(float(v) for v in w[:-1]), float(w[-1]), threshold)


@cache
def shipped() -> dict[str, PairModel]:
    """The shipped models by mention kind ("entity", "event")."""
    try:
        raw = json.loads(
            resources.files("newsprism.data").joinpath("coref_weights.json").read_text("utf-8")
        )
        return {k: PairModel.from_dict(v) for k, v in raw["models"].items()}
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(
            f"the coreference weights newsprism/data/coref_weights.json cannot be read ({exc})",
            hint="Reinstall newsprism, or rebuild them with python scripts/train_coref.py.",
        ) from exc
