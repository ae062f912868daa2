"""The SemEval evaluation on a small fictional file (fake embedders), and its statistics."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import InputNotFound, MalformedInput
from newsprism.eval.semeval import (
    NpzEmbeddingCache,
    evaluate_semeval,
    fold_ids,
    load_semeval,
    pearson,
    prediction_rows,
    spearman,
)
from newsprism.similarity import DIMENSIONS
from similarity.helpers import FIXTURES, fake_embedders, fake_extractor

TEXTS = {
    name: (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").replace("\n", " ")
    for name in ("flood_a", "flood_b", "flood_de", "transfer")
}


def _write_pairs(path: Path, n: int = 24) -> Path:
    combos = [
        ("flood_a", "flood_b", 1.0),
        ("flood_a", "transfer", 4.0),
        ("flood_b", "transfer", 3.7),
        ("flood_de", "flood_a", 1.5),
    ]
    rows = []
    for i in range(n):
        x, y, overall = combos[i % len(combos)]
        lang = {"flood_de": "de"}
        # vary the texts a little so each row is its own pair
        rows.append(
            {
                "pair_id": f"{i}_{i + 100}",
                "lang1": lang.get(x, "en"),
                "lang2": lang.get(y, "en"),
                "text1": TEXTS[x] + f" Edition {i}.",
                "text2": TEXTS[y] + f" Page {i}.",
                "url1": f"https://a.test/{i}",
                "url2": f"https://b.test/{i}",
                **{d: overall for d in DIMENSIONS},
            }
        )
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_pearson_and_spearman() -> None:
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert np.isnan(pearson([1, 1, 1], [1, 2, 3]))
    # monotone but not linear: Spearman 1, Pearson below 1
    assert spearman([1, 2, 3, 4], [1, 4, 9, 100]) == pytest.approx(1.0)
    assert pearson([1, 2, 3, 4], [1, 4, 9, 100]) < 0.95
    # ties get average ranks
    assert spearman([1, 1, 2], [1, 1, 2]) == pytest.approx(1.0)


def test_load_semeval(tmp_path: Path) -> None:
    pairs = load_semeval(_write_pairs(tmp_path / "dev.jsonl", 4))
    assert [p.language_pair for p in pairs] == ["en-en", "en-en", "en-en", "de-en"]
    assert pairs[0].ratings["overall"] == 1.0
    assert pairs[0].a.meta("language") == "en" and pairs[0].a.url == "https://a.test/0"
    with pytest.raises(InputNotFound):
        load_semeval(tmp_path / "absent.jsonl")
    (tmp_path / "bad.jsonl").write_text('{"pair_id": "1"}\n')
    with pytest.raises(MalformedInput, match=r"bad\.jsonl:1"):
        load_semeval(tmp_path / "bad.jsonl")


def test_folds_are_stratified_and_reproducible(tmp_path: Path) -> None:
    pairs = load_semeval(_write_pairs(tmp_path / "dev.jsonl", 20))
    f1, f2 = fold_ids(pairs, 5, seed=3), fold_ids(pairs, 5, seed=3)
    assert np.array_equal(f1, f2)
    assert sorted(np.bincount(f1)) == [4, 4, 4, 4, 4]
    de = [f for f, p in zip(f1, pairs, strict=True) if p.language_pair == "de-en"]
    assert len(set(de)) == len(de)  # the five de-en pairs land in five different folds


def test_pairs_that_share_an_article_stay_in_one_fold(tmp_path: Path) -> None:
    path = _write_pairs(tmp_path / "dev.jsonl", 20)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    # pairs 0, 5 and 11 chain through shared texts (0-5 by text1, 5-11 by text2)
    rows[5]["text1"] = rows[0]["text1"]
    rows[11]["text2"] = rows[5]["text2"]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    pairs = load_semeval(path)
    for seed in range(5):
        folds = fold_ids(pairs, 5, seed=seed)
        assert folds[0] == folds[5] == folds[11]
        assert len(set(folds.tolist())) == 5


def test_evaluate_cross_validates_and_reports(tmp_path: Path) -> None:
    path = _write_pairs(tmp_path / "dev.jsonl", 24)
    cache = NpzEmbeddingCache(tmp_path / "cache.npz")
    report = evaluate_semeval(
        path, folds=4, cache=cache, embedders=fake_embedders(), extractor=fake_extractor
    )
    assert report["n_pairs"] == 24 and report["cross_validated"]
    assert set(report["dimensions"]) == set(DIMENSIONS)
    assert set(report["by_language"]) == {"all", "en-en", "de-en"}
    assert report["by_language"]["de-en"]["n"] == 6
    assert report["dimensions"]["overall"]["pearson"] > 0.8
    assert "pearson" in report["baseline"]["overall"]
    assert len(report["overall_pearson_by_fold"]) == 4
    assert report["routes"] == {"en": 18, "multi": 6}
    preds = report["predictions"]
    assert len(preds) == 24 and set(preds["0_100"]) == set(DIMENSIONS)
    rows = prediction_rows(report)
    assert rows[0]["pair_id"] == "0_100" and set(rows[0]) == {"pair_id", *DIMENSIONS}
    # the cache was written, and a second run is answered from it
    assert (tmp_path / "cache.npz").is_file()
    again = NpzEmbeddingCache(tmp_path / "cache.npz")
    assert len(again) == len(cache) > 0


def test_evaluate_fast_scores_english_pairs_with_the_fast_model(tmp_path: Path) -> None:
    path = _write_pairs(tmp_path / "dev.jsonl", 24)
    kw = {"folds": 4, "embedders": fake_embedders(), "extractor": fake_extractor}
    fast = evaluate_semeval(path, fast=True, **kw)
    assert fast["routes"] == {"en_fast": 18, "multi": 6}
    assert fast["dimensions"]["overall"]["pearson"] > 0.8
    full = evaluate_semeval(path, **kw)
    # the multilingual pairs are scored the same way in both modes
    de_en = [f"{i}_{i + 100}" for i in range(3, 24, 4)]
    assert all(full["predictions"][p] == fast["predictions"][p] for p in de_en)
    assert any(full["predictions"][p] != fast["predictions"][p] for p in full["predictions"])
