"""The learned combination: a ridge regression per route and SemEval dimension, stored as JSON.

English pairs ("en": MiniLM, e5 lead, extract stage) and all other pairs ("multi": e5 and
language-independent features) get separate models, because their embedders spread cosines
differently and their features differ. Fitting is plain numpy (closed-form ridge on
standardised features), so ``scripts/train_similarity.py`` reproduces the shipped file exactly.

Ratings saturate at both ends of the 1..4 scale (two reports of one event are "1" however alike
their wording), so the content dimensions are fitted through a logistic link: the ridge fits the
logit of the rating and the score is ``1 + 3 * sigmoid(...)``. The weaker dimensions (time,
style, tone) keep a linear fit, stretched to the ratings' spread and clipped (see
``DIMENSION_LINK``); both were chosen by cross-validation on the dev pairs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.errors import ModelError
from newsprism.similarity.features import (
    EMBEDDING_FEATURES,
    EXTRACT_FEATURES,
    SHARED_FEATURES,
    STYLE_FEATURES,
)

__all__ = [
    "ALL_FEATURES",
    "DIMENSIONS",
    "DIMENSION_LINK",
    "FEATURE_NAMES",
    "ROUTES",
    "ROUTE_ALPHA",
    "ROUTE_FEATURES",
    "DimensionModel",
    "RouteModel",
    "SimilarityModel",
    "feature_vector",
    "fit_model",
    "load_model",
]

#: The SemEval-2022 Task 8 dimensions, in the task's order.
DIMENSIONS = ("geography", "entities", "time", "narrative", "overall", "style", "tone")
#: Routes: English pairs ("en": MiniLM, the multilingual e5 lead and the extract stage; "en_fast":
#: the same without e5, 40% less CPU), and all other pairs ("multi": multilingual e5).
ROUTES = ("en", "en_fast", "multi")
#: The pairs each route is trained on ("en_fast" reuses the English pairs, ignoring their lead).
TRAIN_ROUTE = {"en": "en", "en_fast": "en", "multi": "multi"}
#: Every feature a route may use.
ALL_FEATURES: tuple[str, ...] = (*EMBEDDING_FEATURES, *EXTRACT_FEATURES, *SHARED_FEATURES)
#: The features and ridge strength of each route, chosen by cross-validation on the dev pairs
#: (few and robust). Both routes read each article's title and lead: for English, MiniLM on
#: the title and the document (title and lead), e5 on the lead and the extract stage's entities
#: and places; for the others, e5 on the title and the lead (one pass over the lead's words
#: carries far more than the mean of its sentence vectors: Pearson 0.71 against 0.44 with
#: Overall on the dev pairs) with names, numbers, character n-grams and style.
ROUTE_FEATURES: dict[str, tuple[str, ...]] = {
    "en": (
        "cos_doc",
        "cos_lead",
        "cos_title",
        "entity_jaccard",
        "place_jaccard",
        "align",
        "align_frac",
        "words_cosine",
        "chars_cosine",
        "names_overlap",
        "word_length_diff",
    ),
    "en_fast": (
        "cos_doc",
        "cos_title",
        "entity_jaccard",
        "place_jaccard",
        "align",
        "align_frac",
        "words_cosine",
        "chars_cosine",
        "names_jaccard",
        "names_overlap",
        "word_length_diff",
    ),
    "multi": (
        "cos_lead",
        "cos_title",
        "names_jaccard",
        "names_overlap",
        "numbers_jaccard",
        "years_jaccard",
        "years_disjoint",
        "words_cosine",
        "chars_cosine",
        "chars_lead_cosine",
        "chars_title_cosine",
        "align",
        "align_frac",
        "same_host",
        "same_language",
        *STYLE_FEATURES,
    ),
}
#: How each dimension's linear score becomes a rating: "logit" (logistic link, for the content
#: dimensions, where the ratings saturate) or "stretch" (linear, stretched and clipped).
DIMENSION_LINK = {
    "geography": "logit",
    "entities": "logit",
    "time": "stretch",
    "narrative": "logit",
    "overall": "logit",
    "style": "stretch",
    "tone": "stretch",
}
#: Ratings are squeezed into [LOGIT_EPS, 1 - LOGIT_EPS] of the scale before the logit.
LOGIT_EPS = 0.02
ROUTE_ALPHA = {"en": 3.0, "en_fast": 3.0, "multi": 10.0}
#: Kept for callers that list the model's inputs: "route:feature" for every route.
FEATURE_NAMES: tuple[str, ...] = tuple(
    f"{route}:{name}" for route in ROUTES for name in ROUTE_FEATURES[route]
)
WEIGHTS_VERSION = 4
_WEIGHTS_FILE = "similarity_weights.json"


def feature_vector(features: Mapping[str, float], names: Sequence[str]) -> np.ndarray:
    """The values of ``names`` from a pair's feature dict, in order."""
    return np.array([features[name] for name in names], dtype=np.float64)


@dataclass(frozen=True)
class DimensionModel:
    """A linear score ``s = intercept + coef . (x - mean) / scale`` made into a 1..4 rating.

    With ``link`` "logit" the rating is ``1 + 3 * sigmoid(s)`` (the ridge was fitted to the
    logit of the ratings). With "stretch" it is ``intercept + stretch * (s - intercept)``,
    clipped to 1..4: ``stretch`` (>= 1) gives the scores the spread of the ratings, as a
    regression shrinks its predictions toward the mean (a linear stretch leaves the correlations
    unchanged).
    """

    intercept: float
    coef: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    stretch: float = 1.0
    link: str = "stretch"

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = (np.atleast_2d(x) - self.mean) / self.scale
        if self.link == "logit":
            return 1.0 + 3.0 / (1.0 + np.exp(-(self.intercept + z @ self.coef)))
        return np.clip(self.intercept + self.stretch * (z @ self.coef), 1.0, 4.0)

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Each feature's share of the linear score (before the link), for explanations."""
        return ((x - self.mean) / self.scale) * self.coef

    def to_dict(self) -> dict[str, Any]:
        return {
            "link": self.link,
            "intercept": round(float(self.intercept), 6),
            "coef": [round(float(v), 6) for v in self.coef],
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "stretch": round(float(self.stretch), 6),
        }


@dataclass(frozen=True)
class RouteModel:
    """One DimensionModel per dimension over one route's features."""

    features: tuple[str, ...]
    alpha: float
    dimensions: dict[str, DimensionModel]

    def predict(self, x: np.ndarray) -> dict[str, np.ndarray]:
        return {dim: model.predict(x) for dim, model in self.dimensions.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "alpha": self.alpha,
            "dimensions": {dim: m.to_dict() for dim, m in self.dimensions.items()},
        }


@dataclass(frozen=True)
class SimilarityModel:
    """A RouteModel per route ("en", "en_fast", "multi")."""

    routes: dict[str, RouteModel]
    meta: dict[str, Any]

    def predict_one(self, route: str, features: Mapping[str, float]) -> dict[str, float]:
        model = self.routes.get(route)
        if model is None:
            raise ModelError(
                f"these weights have no model for {route!r} pairs.",
                hint="Retrain them on pairs in English and in other languages.",
            )
        x = feature_vector(features, model.features)
        return {dim: float(pred[0]) for dim, pred in model.predict(x).items()}

    def predict(
        self, routes: Sequence[str], features: Sequence[Mapping[str, float]]
    ) -> dict[str, np.ndarray]:
        """Scores per dimension for many pairs (each by its route's model)."""
        out = {dim: np.zeros(len(routes)) for dim in DIMENSIONS}
        for i, (route, feats) in enumerate(zip(routes, features, strict=True)):
            for dim, value in self.predict_one(route, feats).items():
                out[dim][i] = value
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": WEIGHTS_VERSION,
            "model": "ridge per route and dimension (logistic or stretched linear link)",
            "routes": {route: m.to_dict() for route, m in self.routes.items()},
            "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SimilarityModel:
        routes = data.get("routes", {})
        if data.get("version") != WEIGHTS_VERSION or set(routes) != set(ROUTES):
            raise ModelError(
                "the similarity weights do not match this version's features.",
                hint="Retrain them with: python scripts/train_similarity.py",
            )
        out = {}
        for route, row in routes.items():
            features = tuple(row["features"])
            if not set(features) <= set(ALL_FEATURES):
                raise ModelError(
                    f"the similarity weights use unknown features: "
                    f"{sorted(set(features) - set(ALL_FEATURES))}.",
                    hint="Retrain them with: python scripts/train_similarity.py",
                )
            dims = {
                dim: DimensionModel(
                    intercept=float(d["intercept"]),
                    coef=np.asarray(d["coef"], dtype=np.float64),
                    mean=np.asarray(d["mean"], dtype=np.float64),
                    scale=np.asarray(d["scale"], dtype=np.float64),
                    stretch=float(d.get("stretch", 1.0)),
                    link=_link(d.get("link", "stretch")),
                )
                for dim, d in row["dimensions"].items()
            }
            out[route] = RouteModel(features, float(row["alpha"]), dims)
        return cls(routes=out, meta=dict(data.get("meta", {})))


def _link(name: str) -> str:
    if name not in ("logit", "stretch"):
        raise ModelError(
            f"the similarity weights use an unknown link {name!r}.",
            hint="Retrain them with: python scripts/train_similarity.py",
        )
    return name


def fit_dimension(
    x: np.ndarray, y: np.ndarray, *, alpha: float, link: str = "stretch"
) -> DimensionModel:
    """Closed-form ridge on standardised columns (constant columns get scale 1).

    With ``link`` "logit" the ridge fits the logit of the ratings (squeezed into the scale by
    LOGIT_EPS); with "stretch" it fits the ratings and stretches its fitted spread to theirs.
    """
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    if link == "logit":
        share = np.clip((y - 1.0) / 3.0, LOGIT_EPS, 1.0 - LOGIT_EPS)
        target = np.log(share / (1.0 - share))
    else:
        target = y
    intercept = float(target.mean())
    gram = z.T @ z + alpha * np.eye(z.shape[1])
    coef = np.linalg.solve(gram, z.T @ (target - intercept))
    stretch = 1.0
    if link != "logit":
        spread = float((z @ coef).std())
        stretch = max(1.0, float(y.std()) / spread) if spread > 1e-9 else 1.0
    return DimensionModel(
        intercept=intercept, coef=coef, mean=mean, scale=scale, stretch=stretch, link=_link(link)
    )


def fit_route(
    features: Sequence[Mapping[str, float]],
    targets: Mapping[str, Sequence[float]],
    *,
    names: Sequence[str],
    alpha: float,
) -> RouteModel:
    x = np.stack([feature_vector(f, names) for f in features])
    dims = {
        dim: fit_dimension(
            x, np.asarray(targets[dim], dtype=np.float64), alpha=alpha, link=DIMENSION_LINK[dim]
        )
        for dim in DIMENSIONS
    }
    return RouteModel(tuple(names), alpha, dims)


def fit_model(
    routes: Sequence[str],
    features: Sequence[Mapping[str, float]],
    targets: Mapping[str, Sequence[float]],
    *,
    route_features: Mapping[str, Sequence[str]] | None = None,
    route_alpha: Mapping[str, float] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> SimilarityModel:
    """A ridge model per route and dimension, from each pair's route, features and ratings.

    ``routes`` holds each pair's training route ("en" or "multi"); "en_fast" is fitted on the
    "en" pairs. Routes without training pairs are left out (the model then refuses such pairs);
    the shipped weights must have all.
    """
    names = {**ROUTE_FEATURES, **(route_features or {})}
    alphas = {**ROUTE_ALPHA, **(route_alpha or {})}
    out = {}
    for route in ROUTES:
        idx = [i for i, r in enumerate(routes) if r == TRAIN_ROUTE[route]]
        if not idx:
            continue
        out[route] = fit_route(
            [features[i] for i in idx],
            {d: [targets[d][i] for i in idx] for d in DIMENSIONS},
            names=names[route],
            alpha=alphas[route],
        )
    if not out:
        raise ModelError("no training pairs.", hint="Pass rated pairs to fit_model.")
    return SimilarityModel(routes=out, meta=dict(meta or {}))


_cached: SimilarityModel | None = None


def load_model(path: str | Path | None = None) -> SimilarityModel:
    """The shipped weights (package data), or the weights file at ``path``."""
    global _cached
    if path is None and _cached is not None:
        return _cached
    try:
        if path is None:
            text = resources.files("newsprism").joinpath("data", _WEIGHTS_FILE).read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelError(
            f"the similarity weights file {path or _WEIGHTS_FILE} is missing.",
            hint="Reinstall newsprism, or train them with: python scripts/train_similarity.py",
        ) from exc
    model = SimilarityModel.from_dict(json.loads(text))
    if path is None:
        _cached = model
    return model
