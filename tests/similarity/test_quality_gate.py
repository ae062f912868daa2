"""Quality gate on the SemEval-2022 Task 8 dev pairs (../shared), with floors kept in
tests/quality_floors.json under "semeval". Embeddings are cached across runs in pytest's cache
folder, so only the first run pays for the models.

The cross-validated gates run on the English pairs, in the default mode (MiniLM, the e5 lead
and the extract stage: about two minutes cold on two cores, seconds warm) and in fast mode
(no e5); the multilingual gate scores a fixed sample of the other language pairs with the
shipped weights. The numbers for all pairs come from
``python scripts/train_similarity.py --evaluate``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, SEED_A, SEED_B, SEMEVAL_DEV, need_shared
from newsprism.eval.semeval import NpzEmbeddingCache, evaluate_semeval, load_semeval
from newsprism.similarity import load_model, similarity

pytestmark = [pytest.mark.slow, pytest.mark.shared]

FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text())["semeval"]


@pytest.fixture(scope="session")
def semeval_cache(request: pytest.FixtureRequest) -> NpzEmbeddingCache:
    folder = Path(request.config.cache.mkdir("newsprism-semeval"))
    return NpzEmbeddingCache(folder / "embeddings.npz")


def test_english_pairs_cross_validated(semeval_cache: NpzEmbeddingCache) -> None:
    report = evaluate_semeval(
        need_shared(SEMEVAL_DEV), languages=["en-en"], folds=5, cache=semeval_cache
    )
    ours = report["dimensions"]["overall"]["pearson"]
    baseline = report["baseline"]["overall"]["pearson"]
    assert ours >= FLOORS["en_en_overall_pearson"], report["dimensions"]
    assert ours - baseline >= FLOORS["en_en_margin_over_minilm"], (ours, baseline)
    for dim, floor in FLOORS["en_en_dimension_pearson"].items():
        assert report["dimensions"][dim]["pearson"] >= floor, (dim, report["dimensions"][dim])


def test_english_pairs_cross_validated_in_fast_mode(semeval_cache: NpzEmbeddingCache) -> None:
    report = evaluate_semeval(
        need_shared(SEMEVAL_DEV), languages=["en-en"], folds=5, cache=semeval_cache, fast=True
    )
    assert report["routes"] == {"en_fast": 203}
    ours = report["dimensions"]["overall"]["pearson"]
    baseline = report["baseline"]["overall"]["pearson"]
    margin = FLOORS.get("en_en_fast_margin_over_minilm", 0.02)
    assert ours - baseline >= margin, (ours, baseline)


def test_multilingual_sample_with_shipped_weights(semeval_cache: NpzEmbeddingCache) -> None:
    path = need_shared(SEMEVAL_DEV)
    langs = sorted({p.language_pair for p in load_semeval(path)} - {"en-en"})
    report = evaluate_semeval(
        path,
        languages=langs,
        cache=semeval_cache,
        model=load_model(),
        sample=FLOORS["multi_sample"],
    )
    assert report["dimensions"]["overall"]["pearson"] >= FLOORS["multi_sample_overall_pearson"]


def test_seed_pair_is_very_similar() -> None:
    a, b = (need_shared(p).read_text(encoding="utf-8") for p in (SEED_A, SEED_B))
    result = similarity(a, b)
    assert result.overall <= 1.5, result.to_dict()
    assert "Erdo" in result.to_dict()["explanations"]["entities"]


def test_seed_article_against_an_unrelated_dev_article() -> None:
    seed = need_shared(SEED_A).read_text(encoding="utf-8")
    unrelated = next(
        p for p in load_semeval(need_shared(SEMEVAL_DEV)) if p.pair_id == FLOORS["unrelated_pair"]
    )
    result = similarity(seed, unrelated.a)
    assert result.overall >= 3.5, result.to_dict()
