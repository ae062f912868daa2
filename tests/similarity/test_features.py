from __future__ import annotations

import numpy as np

from newsprism.similarity import as_article
from newsprism.similarity.features import (
    EMBEDDING_FEATURES,
    EXTRACT_FEATURES,
    SHARED_FEATURES,
    VOICE_FEATURES,
    pair_features,
)
from newsprism.similarity.profile import Vectors, build_profile, char_grams
from similarity.helpers import OPINION_COLUMN, WIRE_REPORT, fixture_article


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
    assert set(f) == {*EMBEDDING_FEATURES, *EXTRACT_FEATURES, *SHARED_FEATURES, *VOICE_FEATURES}
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


def test_char_grams_match_inflected_forms_in_any_script() -> None:
    grams = char_grams("Die Regierung, die Regierungen!")
    assert grams[" die"] == 2 and grams["rung"] == 2 and grams["ngen"] == 1
    assert " reg" in grams and "," not in "".join(grams)
    # casefolded and NFKC-normalised: the same word in two spellings gives the same grams
    assert char_grams("STRASSE") == char_grams("straße".upper())
    assert char_grams("ｆｕｌｌ") == char_grams("full")
    assert char_grams("ab") == {" ab ": 1}


def test_char_overlap_separates_same_story_from_another_story() -> None:
    a, b, other = (
        build_profile(fixture_article(n)) for n in ("flood_a.txt", "flood_b.txt", "transfer.txt")
    )
    same = pair_features(a, b, _vectors(len(a.sentences), 3), _vectors(len(b.sentences), 4))
    far = pair_features(a, other, _vectors(len(a.sentences), 3), _vectors(len(other.sentences), 5))
    for name in ("chars_cosine", "chars_lead_cosine", "chars_title_cosine"):
        assert 0.0 <= far.features[name] < same.features[name] <= 1.0, name


def test_opening_features_compare_titles_and_first_sentences() -> None:
    p = build_profile(fixture_article("flood_a.txt"))
    v = _vectors(len(p.sentences), 6)
    f = pair_features(p, p, v, v).features
    assert np.isclose(f["cos_first3"], 1.0) and np.isclose(f["first_pair_max"], 1.0)
    # the title against the other's opening: high, but below identity
    assert 0.3 < f["title_lead"] < 1.0
    # the same first sentence, different rest: the openings still match best
    m = v.sentences.copy()
    m[3:] = -m[3:]
    swapped = Vectors("fake", v.document, m)
    g = pair_features(p, p, v, swapped).features
    assert np.isclose(g["cos_first3"], 1.0) and g["cos_centroid"] < f["cos_centroid"]


def test_voice_features_tell_a_column_from_a_wire_report() -> None:
    wire, column = build_profile(as_article(WIRE_REPORT)), build_profile(as_article(OPINION_COLUMN))
    vw, vc = _vectors(len(wire.sentences), 3), _vectors(len(column.sentences), 4)
    apart = pair_features(wire, column, vw, vc).features
    same = pair_features(wire, wire, vw, vw).features
    for name in ("person_diff", "hedges_diff", "opinion_diff", "questions_diff"):
        assert same[name] == 0.0 < apart[name] <= 1.0, name
    assert same["hedges_level"] == 0.0 < apart["hedges_level"] <= 1.0
