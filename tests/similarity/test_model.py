from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from newsprism.errors import ModelError
from newsprism.similarity import DIMENSIONS, fit_model, load_model
from newsprism.similarity.features import EMBEDDING_FEATURES
from newsprism.similarity.model import (
    ALL_FEATURES,
    ALPHA_GRID,
    DIMENSION_FEATURES,
    ROUTE_FEATURES,
    ROUTES,
    SimilarityModel,
    choose_alpha,
    dimension_features,
    feature_vector,
)


def _features(value: float) -> dict[str, float]:
    return {name: value for name in ALL_FEATURES}


def test_shipped_weights_load_and_match_the_features() -> None:
    raw = json.loads(
        resources.files("newsprism").joinpath("data", "similarity_weights.json").read_text()
    )
    assert set(raw["routes"]) == set(ROUTES)
    model = load_model()
    for route in ROUTES:
        routed = model.routes[route]
        assert set(routed.dimensions) == set(DIMENSIONS)
        assert raw["routes"][route]["features"] == list(routed.features)
        for name, dim in routed.dimensions.items():
            assert dim.features == dimension_features(route, name)
            assert set(dim.features) <= set(routed.features)
            n = len(dim.features)
            assert dim.coef.shape == dim.mean.shape == dim.scale.shape == (n,)
            assert np.all(dim.scale > 0)
            # each ridge strength was chosen from the grid by cross-validation
            assert dim.alpha in ALPHA_GRID
    assert raw["meta"]["n_pairs"] > 0
    # Small enough to ship inside the package.
    assert len(json.dumps(raw)) < 50_000


def test_more_similar_embeddings_score_lower_in_the_shipped_model() -> None:
    model = load_model()
    close = _features(0.0) | {name: 0.9 for name in EMBEDDING_FEATURES}
    far = _features(0.0) | {name: 0.05 for name in EMBEDDING_FEATURES}
    for route in ROUTES:
        assert model.predict_one(route, close)["overall"] < model.predict_one(route, far)["overall"]


def test_feature_vector_follows_the_names() -> None:
    feats = _features(0.0) | {"cos_doc": 0.7, "names_jaccard": 0.2}
    assert feature_vector(feats, ["names_jaccard", "cos_doc"]).tolist() == [0.2, 0.7]
    assert set(ROUTE_FEATURES["en"]) <= set(ALL_FEATURES)
    assert set(ROUTE_FEATURES["multi"]) <= set(ALL_FEATURES)


def test_fit_recovers_a_linear_rating_and_round_trips() -> None:
    rng = np.random.default_rng(1)
    n = 300
    feats = [{name: float(rng.normal()) for name in ALL_FEATURES} for _ in range(n)]
    routes = ["en" if i % 3 == 0 else "multi" for i in range(n)]
    y = np.array([np.clip(2.5 - 0.6 * f["cos_lead"] + 0.3 * f["cos_title"], 1, 4) for f in feats])
    model = fit_model(routes, feats, {d: y for d in DIMENSIONS}, meta={"n_pairs": n})
    preds = model.predict(routes, feats)
    # overall goes through the logistic link, style through the stretched linear one
    assert model.routes["multi"].dimensions["overall"].link == "logit"
    assert model.routes["multi"].dimensions["style"].link == "stretch"
    multi = np.array(routes) == "multi"  # English style reads its own features, not the lead
    for dim in ("overall", "style"):
        assert np.corrcoef(preds[dim][multi], y[multi])[0, 1] > 0.97
        assert preds[dim].min() >= 1.0 and preds[dim].max() <= 4.0
    again = SimilarityModel.from_dict(json.loads(json.dumps(model.to_dict())))
    for dim in DIMENSIONS:
        assert np.allclose(again.predict(routes, feats)[dim], preds[dim], atol=1e-4)


def test_the_logistic_link_follows_ratings_that_saturate() -> None:
    # Ratings that flatten out at both ends of the scale, as two reports of one event do:
    # the logistic link fits them closer than a clipped straight line.
    rng = np.random.default_rng(4)
    x = rng.uniform(-1.2, 1.2, 500)
    y = 1.0 + 3.0 / (1.0 + np.exp(-2.0 * x))
    feats = [{name: 0.0 for name in ALL_FEATURES} | {"cos_lead": float(v)} for v in x]
    model = fit_model(["multi"] * 500, feats, {d: y for d in DIMENSIONS})
    preds = model.predict(["multi"] * 500, feats)
    logit_error = np.abs(preds["overall"] - y).mean()
    linear_error = np.abs(preds["style"] - y).mean()
    assert logit_error < 0.02 < 0.05 < linear_error
    assert preds["overall"].min() >= 1.0 and preds["overall"].max() <= 4.0


def test_a_model_fitted_on_one_route_refuses_the_other() -> None:
    feats = [_features(0.1 * i) for i in range(5)]
    model = fit_model(["en"] * 5, feats, {d: [1, 2, 3, 4, 1] for d in DIMENSIONS})
    # the fast English model is trained on the same English pairs
    assert set(model.routes) == {"en", "en_fast"}
    assert "cos_lead" not in model.routes["en_fast"].features
    with pytest.raises(ModelError, match="multi"):
        model.predict_one("multi", feats[0])
    with pytest.raises(ModelError, match="no training pairs"):
        fit_model([], [], {d: [] for d in DIMENSIONS})


def test_stretch_gives_predictions_the_spread_of_the_ratings() -> None:
    rng = np.random.default_rng(2)
    feats = [{name: float(rng.normal()) for name in ALL_FEATURES} for _ in range(400)]
    y = np.array([2.5 - 0.4 * f["cos_lead"] + float(rng.normal()) * 0.4 for f in feats])
    model = fit_model(["multi"] * 400, feats, {d: y for d in DIMENSIONS})
    pred = model.predict(["multi"] * 400, feats)["style"]
    assert model.routes["multi"].dimensions["style"].stretch > 1.0
    assert pred.std() == pytest.approx(y.std(), rel=0.05)


def test_weights_for_other_features_are_refused(tmp_path) -> None:
    data = load_model().to_dict()
    data["routes"]["en"]["dimensions"]["overall"]["features"][0] = "no_such_feature"
    path = tmp_path / "w.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ModelError, match="no_such_feature"):
        load_model(path)
    data["version"] = 1
    path.write_text(json.dumps(data))
    with pytest.raises(ModelError, match="train_similarity"):
        load_model(path)
    with pytest.raises(ModelError, match="missing"):
        load_model(tmp_path / "absent.json")


def test_route_features_override_only_the_routes_given() -> None:
    rng = np.random.default_rng(3)
    feats = [{name: float(rng.normal()) for name in ALL_FEATURES} for _ in range(60)]
    routes = ["en" if i % 2 else "multi" for i in range(60)]
    y = [float(rng.uniform(1, 4)) for _ in range(60)]
    model = fit_model(
        routes, feats, {d: y for d in DIMENSIONS}, route_features={"multi": ("chars_cosine",)}
    )
    assert model.routes["multi"].features == ("chars_cosine",)
    assert model.routes["en"].dimensions["overall"].features == ROUTE_FEATURES["en"]
    assert model.routes["en"].dimensions["tone"].features == DIMENSION_FEATURES["en"]["tone"]


def test_dimensions_read_their_own_features() -> None:
    rng = np.random.default_rng(5)
    feats = [{name: float(rng.normal()) for name in ALL_FEATURES} for _ in range(80)]
    y = [float(rng.uniform(1, 4)) for _ in range(80)]
    model = fit_model(["en"] * 80, feats, {d: y for d in DIMENSIONS})
    en = model.routes["en"]
    assert en.dimensions["tone"].features == DIMENSION_FEATURES["en"]["tone"]
    assert en.dimensions["overall"].features == ROUTE_FEATURES["en"]
    # the route lists every feature one of its dimensions reads, once
    assert set(en.features) == {f for d in en.dimensions.values() for f in d.features}
    assert len(en.features) == len(set(en.features))
    # a feature only tone reads moves tone and nothing else
    moved = feats[0] | {"hedges_level": feats[0]["hedges_level"] + 5.0}
    before, after = model.predict_one("en", feats[0]), model.predict_one("en", moved)
    assert "hedges_level" not in ROUTE_FEATURES["en"]
    assert after["tone"] != before["tone"]
    assert {d: after[d] for d in DIMENSIONS if d not in ("tone", "style")} == {
        d: before[d] for d in DIMENSIONS if d not in ("tone", "style")
    }


def test_cross_validation_picks_a_weak_ridge_for_signal_and_a_strong_one_for_noise() -> None:
    rng = np.random.default_rng(6)
    n = 300
    groups = np.arange(n) % 5
    x = rng.normal(size=(n, 12))
    signal = 2.5 + 0.5 * x[:, 0] - 0.4 * x[:, 1] + 0.3 * x[:, 2]
    assert choose_alpha(x, signal + 0.05 * rng.normal(size=n), groups, link="stretch") <= 10
    # one useful column among many noisy ones, in few pairs: shrink hard
    few = np.arange(40)
    noisy = 2.5 + 0.2 * x[few, 0] + rng.normal(size=40)
    assert choose_alpha(x[few], noisy, groups[few], link="stretch") >= 100
    # a single group cannot cross-validate: the default strength
    assert choose_alpha(x, signal, np.zeros(n), link="stretch", default=7.0) == 7.0


def test_fit_with_groups_chooses_a_strength_per_dimension() -> None:
    rng = np.random.default_rng(7)
    n = 200
    feats = [{name: float(rng.normal()) for name in ALL_FEATURES} for _ in range(n)]
    clean = [2.5 - 0.5 * f["cos_doc"] for f in feats]
    noise = [float(rng.uniform(1, 4)) for _ in range(n)]
    targets = {d: (clean if d in ("overall", "tone") else noise) for d in DIMENSIONS}
    routes = ["en"] * n + ["multi"] * 20
    feats += feats[:20]
    targets = {d: v + v[:20] for d, v in targets.items()}
    model = fit_model(routes, feats, targets, groups=np.arange(n + 20) % 5)
    dims = model.routes["en"].dimensions
    assert dims["tone"].alpha < dims["style"].alpha
    again = SimilarityModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again.routes["en"].dimensions["tone"].alpha == dims["tone"].alpha
