"""The learned combination: a ridge regression per route and SemEval dimension, stored as JSON.

English pairs ("en": MiniLM, e5 lead, extract stage) and all other pairs ("multi": e5 and
language-independent features) get separate models, because their embedders spread cosines
differently and their features differ. Within a route each dimension has its own features
(style and tone read the voice of the reports, see ``DIMENSION_FEATURES``) and its own ridge
strength, chosen from ``ALPHA_GRID`` by cross-validation inside the training pairs (nested in
the evaluation's folds). Fitting is plain numpy (closed-form ridge on standardised features), so
``scripts/train_similarity.py`` reproduces the shipped file exactly.

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
    VOICE_FEATURES,
)

__all__ = [
    "ALL_FEATURES",
    "ALPHA_GRID",
    "DIMENSIONS",
    "DIMENSION_FEATURES",
    "DIMENSION_LINK",
    "FEATURE_NAMES",
    "ROUTES",
    "ROUTE_ALPHA",
    "ROUTE_FEATURES",
    "DimensionModel",
    "RouteModel",
    "SimilarityModel",
    "choose_alpha",
    "dimension_features",
    "feature_vector",
    "fit_model",
    "load_model",
]

#: The SemEval-2022 Task 8 dimensions, in the task's order.
DIMENSIONS = ("geography", "entities", "time", "narrative", "overall", "style", "tone")
#: Routes: English pairs ("en": MiniLM, the multilingual e5 lead and the extract stage; "en_fast":
#: the same without e5, less than half the CPU), and all other pairs ("multi": multilingual e5).
ROUTES = ("en", "en_fast", "multi")
#: The pairs each route is trained on ("en_fast" reuses the English pairs, ignoring their lead).
TRAIN_ROUTE = {"en": "en", "en_fast": "en", "multi": "multi"}
#: Every feature a route may use.
ALL_FEATURES: tuple[str, ...] = (
    *EMBEDDING_FEATURES,
    *EXTRACT_FEATURES,
    *SHARED_FEATURES,
    *VOICE_FEATURES,
)
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
#: Dimensions that read other features than their route's. With ~200 English pairs the full
#: route overfits style and tone (tone fell below the plain MiniLM cosine): on the English
#: routes they read the document cosine and the voice of the two reports (style also whether
#: both come from one outlet); the multilingual tone reads the embeddings and overlaps only.
_EN_STYLE = ("cos_doc", "person_diff", "questions_diff", "hedges_diff", "opinion_diff", "same_host")
_EN_TONE = ("cos_doc", "hedges_diff", "hedges_level", "opinion_diff")
DIMENSION_FEATURES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"style": _EN_STYLE, "tone": _EN_TONE},
    "en_fast": {"style": _EN_STYLE, "tone": _EN_TONE},
    "multi": {
        "tone": (
            "cos_lead",
            "cos_title",
            "words_cosine",
            "chars_cosine",
            "chars_lead_cosine",
            "same_language",
            "same_host",
        )
    },
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
#: The ridge strength when none is chosen by cross-validation (``fit_model`` without groups).
ROUTE_ALPHA = {"en": 3.0, "en_fast": 3.0, "multi": 10.0}
#: The ridge strengths cross-validation chooses from, per route and dimension.
ALPHA_GRID = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, 10000.0)


def dimension_features(
    route: str, dim: str, route_features: Mapping[str, Sequence[str]] | None = None
) -> tuple[str, ...]:
    """The features ``dim`` reads on ``route``: its own (DIMENSION_FEATURES) or the route's.

    ``route_features`` replaces the route's features (and drops the dimension's own, so a
    caller that narrows a route gets exactly those features)."""
    if route_features and route in route_features:
        return tuple(route_features[route])
    return DIMENSION_FEATURES.get(route, {}).get(dim, ROUTE_FEATURES[route])


def _union(groups: Sequence[Sequence[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for group in groups for name in group))


#: Kept for callers that list the model's inputs: "route:feature" for every route.
FEATURE_NAMES: tuple[str, ...] = tuple(
    f"{route}:{name}"
    for route in ROUTES
    for name in _union([dimension_features(route, d) for d in DIMENSIONS])
)
WEIGHTS_VERSION = 5
_WEIGHTS_FILE = "similarity_weights.json"


def feature_vector(features: Mapping[str, float], names: Sequence[str]) -> np.ndarray:
    """The values of ``names`` from a pair's feature dict, in order."""
    return np.array([features[name] for name in names], dtype=np.float64)


@dataclass(frozen=True)
class DimensionModel:
    """A linear score ``s = intercept + coef . (x - mean) / scale`` made into a 1..4 rating.

    ``x`` holds the values of ``features``. With ``link`` "logit" the rating is
    ``1 + 3 * sigmoid(s)`` (the ridge was fitted to the logit of the ratings). With "stretch"
    it is ``intercept + stretch * (s - intercept)``, clipped to 1..4: ``stretch`` (>= 1) gives
    the scores the spread of the ratings, as a regression shrinks its predictions toward the
    mean (a linear stretch leaves the correlations unchanged). ``alpha`` is the ridge strength
    it was fitted with.
    """

    intercept: float
    coef: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    stretch: float = 1.0
    link: str = "stretch"
    features: tuple[str, ...] = ()
    alpha: float = 1.0

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = (np.atleast_2d(x) - self.mean) / self.scale
        if self.link == "logit":
            return 1.0 + 3.0 / (1.0 + np.exp(-(self.intercept + z @ self.coef)))
        return np.clip(self.intercept + self.stretch * (z @ self.coef), 1.0, 4.0)

    def predict_features(self, features: Mapping[str, float]) -> float:
        return float(self.predict(feature_vector(features, self.features))[0])

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Each feature's share of the linear score (before the link), for explanations."""
        return ((x - self.mean) / self.scale) * self.coef

    def to_dict(self) -> dict[str, Any]:
        return {
            "link": self.link,
            "features": list(self.features),
            "alpha": self.alpha,
            "intercept": round(float(self.intercept), 6),
            "coef": [round(float(v), 6) for v in self.coef],
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "stretch": round(float(self.stretch), 6),
        }


@dataclass(frozen=True)
class RouteModel:
    """One DimensionModel per dimension; ``features`` lists every feature they read."""

    features: tuple[str, ...]
    dimensions: dict[str, DimensionModel]

    def predict(self, features: Mapping[str, float]) -> dict[str, float]:
        return {dim: model.predict_features(features) for dim, model in self.dimensions.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
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
        return model.predict(features)

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
            dims = {dim: _dimension_from_dict(d) for dim, d in row["dimensions"].items()}
            features = _union([m.features for m in dims.values()])
            if not set(features) <= set(ALL_FEATURES):
                raise ModelError(
                    f"the similarity weights use unknown features: "
                    f"{sorted(set(features) - set(ALL_FEATURES))}.",
                    hint="Retrain them with: python scripts/train_similarity.py",
                )
            out[route] = RouteModel(features, dims)
        return cls(routes=out, meta=dict(data.get("meta", {})))


def _dimension_from_dict(d: Mapping[str, Any]) -> DimensionModel:
    model = DimensionModel(
        intercept=float(d["intercept"]),
        coef=np.asarray(d["coef"], dtype=np.float64),
        mean=np.asarray(d["mean"], dtype=np.float64),
        scale=np.asarray(d["scale"], dtype=np.float64),
        stretch=float(d.get("stretch", 1.0)),
        link=_link(d.get("link", "stretch")),
        features=tuple(d["features"]),
        alpha=float(d["alpha"]),
    )
    if not len(model.features) == len(model.coef) == len(model.mean) == len(model.scale):
        raise ModelError(
            "the similarity weights are damaged: a dimension's features and weights differ "
            "in number.",
            hint="Retrain them with: python scripts/train_similarity.py",
        )
    return model


def _link(name: str) -> str:
    if name not in ("logit", "stretch"):
        raise ModelError(
            f"the similarity weights use an unknown link {name!r}.",
            hint="Retrain them with: python scripts/train_similarity.py",
        )
    return name


def fit_dimension(
    x: np.ndarray,
    y: np.ndarray,
    *,
    alpha: float,
    link: str = "stretch",
    features: Sequence[str] = (),
) -> DimensionModel:
    """Closed-form ridge on standardised columns (constant columns get scale 1).

    With ``link`` "logit" the ridge fits the logit of the ratings (squeezed into the scale by
    LOGIT_EPS); with "stretch" it fits the ratings and stretches its fitted spread to theirs.
    ``features`` names the columns of ``x``.
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
        intercept=intercept,
        coef=coef,
        mean=mean,
        scale=scale,
        stretch=stretch,
        link=_link(link),
        features=tuple(features),
        alpha=float(alpha),
    )


def choose_alpha(
    x: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    *,
    link: str,
    grid: Sequence[float] = ALPHA_GRID,
    default: float = 3.0,
) -> float:
    """The ridge strength from ``grid`` whose out-of-group predictions (each group predicted by
    a fit on the others) correlate best with ``y``; ties go to the stronger ridge. ``default``
    when there are fewer than two groups."""
    held = np.unique(groups)
    if len(held) < 2 or not grid:
        return float(default)
    best, best_r = float(max(grid)), -np.inf
    for alpha in sorted(grid, reverse=True):
        pred = np.zeros(len(y))
        for g in held:
            test = groups == g
            pred[test] = fit_dimension(x[~test], y[~test], alpha=alpha, link=link).predict(x[test])
        # Pearson: the predictions' ranks and spread do not matter, only their correlation
        r = float(np.corrcoef(pred, y)[0, 1]) if pred.std() > 0 and y.std() > 0 else -np.inf
        if r > best_r + 1e-9:
            best, best_r = float(alpha), r
    return best


def fit_route(
    route: str,
    features: Sequence[Mapping[str, float]],
    targets: Mapping[str, Sequence[float]],
    *,
    alpha: float,
    groups: np.ndarray | None = None,
    route_features: Mapping[str, Sequence[str]] | None = None,
    grid: Sequence[float] = ALPHA_GRID,
) -> RouteModel:
    """A DimensionModel per dimension, each over its own features (``dimension_features``);
    with ``groups`` each dimension's ridge strength is chosen by ``choose_alpha``."""
    dims = {}
    for dim in DIMENSIONS:
        names = dimension_features(route, dim, route_features)
        x = np.stack([feature_vector(f, names) for f in features])
        y = np.asarray(targets[dim], dtype=np.float64)
        link = DIMENSION_LINK[dim]
        strength = alpha
        if groups is not None:
            strength = choose_alpha(x, y, groups, link=link, grid=grid, default=alpha)
        dims[dim] = fit_dimension(x, y, alpha=strength, link=link, features=names)
    return RouteModel(_union([m.features for m in dims.values()]), dims)


def fit_model(
    routes: Sequence[str],
    features: Sequence[Mapping[str, float]],
    targets: Mapping[str, Sequence[float]],
    *,
    groups: Sequence[int] | np.ndarray | None = None,
    route_features: Mapping[str, Sequence[str]] | None = None,
    route_alpha: Mapping[str, float] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> SimilarityModel:
    """A ridge model per route and dimension, from each pair's route, features and ratings.

    ``routes`` holds each pair's training route ("en" or "multi"); "en_fast" is fitted on the
    "en" pairs. Routes without training pairs are left out (the model then refuses such pairs);
    the shipped weights must have all. ``groups`` (a fold per pair, pairs sharing an article in
    one) makes each dimension choose its ridge strength from ALPHA_GRID by cross-validation
    over those folds; without it every dimension uses ``route_alpha`` (ROUTE_ALPHA).
    ``route_features`` replaces a route's features for every dimension.
    """
    alphas = {**ROUTE_ALPHA, **(route_alpha or {})}
    fold = None if groups is None else np.asarray(groups)
    out = {}
    for route in ROUTES:
        idx = [i for i, r in enumerate(routes) if r == TRAIN_ROUTE[route]]
        if not idx:
            continue
        out[route] = fit_route(
            route,
            [features[i] for i in idx],
            {d: [targets[d][i] for i in idx] for d in DIMENSIONS},
            alpha=alphas[route],
            groups=None if fold is None else fold[idx],
            route_features=route_features,
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
