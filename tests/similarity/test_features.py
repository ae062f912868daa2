from __future__ import annotations

import numpy as np

from newsprism.similarity.features import (
    EMBEDDING_FEATURES,
    EXTRACT_FEATURES,
    SHARED_FEATURES,
    pair_features,
)
from newsprism.similarity.profile import Vectors, build_profile
from similarity.helpers import fixture_article


def _vectors(n: int, seed: int) -> Vectors:
    rng = np.random.default_rng(seed)
    m = rng.normal(size=(n, 8)).astype(np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    doc = m.mean(axis=0)
    return Vectors("fake", doc / np.linalg.norm(doc), m)


def test_identical_articles_have_maximal_overlap() -> None:
    p = build_profile(fixture_article("flood_a.txt"))
    v = _vectors(len(p.sentences), 0)
    ev = pair_features(p, p, v, v)
    f = ev.features
    assert set(f) == {*EMBEDDING_FEATURES, *EXTRACT_FEATURES, *SHARED_FEATURES}
    assert np.isclose(f["cos_doc"], 1.0) and np.isclose(f["align"], 1.0)
    assert f["align_frac"] == 1.0
    assert f["names_jaccard"] == 1.0 and f["words_cosine"] > 0.999
    assert f["length_ratio"] == 0.0 and f["same_language"] == 1.0
    assert ev.only_a_names == ev.only_b_names == ()
    assert ev.aligned_a == len(p.sentences)


def test_unrelated_articles_share_little() -> None:
    a = build_profile(fixture_article("flood_a.txt"))
    b = build_profile(fixture_article("transfer.txt"))
    ev = pair_features(a, b, _vectors(len(a.sentences), 1), _vectors(len(b.sentences), 2))
    assert ev.features["names_jaccard"] < 0.1
    assert ev.features["numbers_jaccard"] == 0.0
    assert "Brandt" in ev.only_a_names and "Pereira" in ev.only_b_names
    assert ev.days_apart is None
    # extraction features stay 0 unless both sides were extracted
    assert all(ev.features[name] == 0.0 for name in EXTRACT_FEATURES)
