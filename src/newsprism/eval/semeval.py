"""SemEval-2022 Task 8 (multilingual news article similarity) evaluation.

``evaluate_semeval(path)`` scores every pair of a SemEval JSONL file (fields pair_id, lang1, lang2,
text1, text2, url1, url2 and the seven ratings) with k-fold cross-validation: the similarity
model is refitted on the other folds for each fold, so no pair is scored by a model trained on it
(and pairs that share an article share a fold, so no article is seen in training either).
It reports Pearson and Spearman per dimension and per language pair, beside a baseline computed
in the same run: the MiniLM document cosine, as the score ``4 - 3 * cos`` (its correlation with
the ratings equals the negative correlation of the raw cosine).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.embed import CachedEmbedder, Embedder, EmbeddingCache, document_text, get_embedder
from newsprism.errors import InputNotFound, MalformedInput
from newsprism.models import Article, InputKind, Meta, Provenance, article_id, content_hash
from newsprism.similarity.model import DIMENSIONS, SimilarityModel, fit_model
from newsprism.similarity.scoring import EMBEDDER_FOR_ROUTE, Extractor, model_route, pair_evidence

__all__ = [
    "NpzEmbeddingCache",
    "SemEvalPair",
    "cross_validated_predictions",
    "evaluate_semeval",
    "load_semeval",
    "pearson",
    "prediction_rows",
    "semeval_features",
    "spearman",
]


@dataclass(frozen=True)
class SemEvalPair:
    pair_id: str
    languages: tuple[str, str]
    a: Article
    b: Article
    ratings: dict[str, float]

    @property
    def language_pair(self) -> str:
        return "-".join(self.languages)


def _article(text: str, *, url: str, language: str, location: str) -> Article:
    # The dev texts glue the title to the body, so the whole text is the body.
    chash = content_hash("", text)
    identity = "url:" + url if url else location
    metadata = {"language": Meta(language, Provenance.DATASET)}
    if url:
        metadata["url"] = Meta(url, Provenance.DATASET)
    return Article(
        id=article_id(identity, chash),
        title="",
        body=text,
        metadata=metadata,
        location=location,
        kind=InputKind.DATASET_ROW,
        identity=identity,
        content_hash=chash,
    )


def load_semeval(path: str | Path) -> list[SemEvalPair]:
    """The pairs of a SemEval-2022 Task 8 JSONL file (ratings absent -> empty dict)."""
    path = Path(path)
    if not path.is_file():
        raise InputNotFound(f"{path} does not exist.", location=str(path))
    pairs = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                row = json.loads(line)
                langs = (str(row["lang1"]), str(row["lang2"]))
                a = _article(
                    row["text1"], url=row.get("url1", ""), language=langs[0], location=where
                )
                b = _article(
                    row["text2"], url=row.get("url2", ""), language=langs[1], location=where
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise MalformedInput(
                    f"cannot read the SemEval pair: {exc}", location=where
                ) from exc
            ratings = {d: float(row[d]) for d in DIMENSIONS if row.get(d) is not None}
            pairs.append(SemEvalPair(str(row.get("pair_id", n)), langs, a, b, ratings))
    return pairs


# --- statistics ----------------------------------------------------------------------------------


def pearson(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> float:
    xa, ya = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if len(xa) < 2 or xa.std() == 0 or ya.std() == 0:
        return float("nan")
    return float(np.corrcoef(xa, ya)[0, 1])


def _ranks(v: np.ndarray) -> np.ndarray:
    # Average ranks for ties, as Spearman's rho needs.
    order = np.argsort(v, kind="mergesort")
    ranks = np.empty(len(v), dtype=np.float64)
    sorted_v = v[order]
    i = 0
    while i < len(v):
        j = i
        while j + 1 < len(v) and sorted_v[j + 1] == sorted_v[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0
        i = j + 1
    return ranks


def spearman(x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray) -> float:
    xa, ya = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return pearson(_ranks(xa), _ranks(ya))


# --- a persistent embedding cache for training and evaluation runs --------------------------------


class NpzEmbeddingCache:
    """An EmbeddingCache kept in one .npz file (no pickles); ``save()`` writes it back."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._vectors: dict[tuple[str, str], np.ndarray] = {}
        self._lock = threading.Lock()
        self.dirty = False
        if self.path.is_file():
            with np.load(self.path, allow_pickle=False) as z:
                for m, h, v in zip(z["models"], z["hashes"], z["vectors"], strict=True):
                    self._vectors[(str(m), str(h))] = v

    def get_vectors(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        with self._lock:
            return {h: v for h in hashes if (v := self._vectors.get((model_id, h))) is not None}

    def put_vectors(self, model_id: str, items: Mapping[str, np.ndarray]) -> None:
        with self._lock:
            for h, v in items.items():
                self._vectors[(model_id, h)] = np.asarray(v, dtype=np.float32)
            self.dirty = self.dirty or bool(items)

    def save(self) -> None:
        with self._lock:
            if not self.dirty:
                return
            keys = list(self._vectors)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.stem + ".tmp.npz")
            np.savez(
                tmp,
                models=np.array([k[0] for k in keys]),
                hashes=np.array([k[1] for k in keys]),
                vectors=np.stack([self._vectors[k] for k in keys]),
            )
            os.replace(tmp, self.path)
            self.dirty = False

    def __len__(self) -> int:
        return len(self._vectors)


# --- features, cross-validation, metrics ---------------------------------------------------------


def _embedders(
    cache: EmbeddingCache | None, given: Mapping[str, Embedder] | None = None
) -> dict[str, Embedder]:
    out: dict[str, Embedder] = {}
    for route, name in EMBEDDER_FOR_ROUTE.items():
        embedder = given[route] if given and route in given else get_embedder(name)
        out[route] = CachedEmbedder(embedder, cache) if cache is not None else embedder
    return out


def semeval_features(
    pairs: Sequence[SemEvalPair],
    *,
    cache: EmbeddingCache | None = None,
    use_extract: bool = True,
    embedders: Mapping[str, Embedder] | None = None,
    extractor: Extractor | None = None,
    fast: bool = False,
) -> tuple[list[str], list[dict[str, float]]]:
    """The training route ("en" or "multi") and the feature dict of every pair."""
    evidence = pair_evidence(
        [(p.a, p.b) for p in pairs],
        embedders=_embedders(cache, embedders),
        use_extract=use_extract,
        extractor=extractor,
        fast=fast,
    )
    return [route for route, _ in evidence], [ev.features for _, ev in evidence]


def fold_ids(pairs: Sequence[SemEvalPair], folds: int, *, seed: int = 0) -> np.ndarray:
    """A fold per pair, stratified by language pair, deterministic for a seed.

    Pairs that share an article (the same text in two pairs) stay in one fold, so no article
    is seen in training when a pair of it is scored.
    """
    rng = np.random.default_rng(seed)
    groups = _article_groups(pairs)
    by_lang: dict[str, list[list[int]]] = {}
    for members in groups:
        by_lang.setdefault(pairs[members[0]].language_pair, []).append(members)
    ids = np.zeros(len(pairs), dtype=np.int64)
    offset = 0
    for lang in sorted(by_lang):
        chunks = by_lang[lang]
        for rank, j in enumerate(rng.permutation(len(chunks))):
            ids[chunks[j]] = (rank + offset) % folds
        offset += len(chunks)
    return ids


def _article_groups(pairs: Sequence[SemEvalPair]) -> list[list[int]]:
    """Pair indices grouped by shared articles (connected components), in first-seen order."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for p in pairs:
        parent[root(p.a.content_hash)] = root(p.b.content_hash)
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(pairs):
        groups.setdefault(root(p.a.content_hash), []).append(i)
    return list(groups.values())


def cross_validated_predictions(
    routes: Sequence[str],
    features: Sequence[Mapping[str, float]],
    targets: Mapping[str, np.ndarray],
    folds: np.ndarray,
    *,
    fast: bool = False,
) -> dict[str, np.ndarray]:
    """Out-of-fold predictions per dimension: each pair predicted by a model not fitted on it.

    ``fast`` predicts English pairs with the "en_fast" model (trained on the same folds).
    """
    out = {dim: np.zeros(len(routes)) for dim in DIMENSIONS}
    for k in np.unique(folds):
        test = folds == k
        train = [int(i) for i in np.flatnonzero(~test)]
        # Nested: the ridge strengths are chosen by cross-validation over the other folds only.
        model = fit_model(
            [routes[i] for i in train],
            [features[i] for i in train],
            {d: targets[d][train].tolist() for d in DIMENSIONS},
            groups=folds[train],
        )
        held = [int(i) for i in np.flatnonzero(test)]
        preds = model.predict(
            [model_route(routes[i], fast) for i in held], [features[i] for i in held]
        )
        for dim, pred in preds.items():
            out[dim][held] = pred
    return out


def _correlations(pred: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    return {"pearson": round(pearson(pred, gold), 4), "spearman": round(spearman(pred, gold), 4)}


def _baseline_scores(
    pairs: Sequence[SemEvalPair], cache: EmbeddingCache | None, embedder: Embedder | None = None
) -> np.ndarray:
    embedder = embedder or get_embedder("minilm")
    if cache is not None:
        embedder = CachedEmbedder(embedder, cache)
    docs_a = embedder.encode([document_text(p.a) for p in pairs])
    docs_b = embedder.encode([document_text(p.b) for p in pairs])
    cos = np.sum(docs_a * docs_b, axis=1)
    return 4.0 - 3.0 * cos


def evaluate_semeval(  # noqa: PLR0913 (eval/ is being reworked on the #13 branch)
    path: str | Path,
    *,
    folds: int = 5,
    seed: int = 0,
    cache: EmbeddingCache | None = None,
    use_extract: bool = True,
    languages: Sequence[str] | None = None,
    model: SimilarityModel | None = None,
    embedders: Mapping[str, Embedder] | None = None,
    extractor: Extractor | None = None,
    sample: int | None = None,
    fast: bool = False,
) -> dict[str, Any]:
    """Cross-validated Pearson/Spearman per dimension and language pair, with the baseline.

    ``languages`` keeps only those language pairs ("en-en", "de-en", ...). ``model`` scores every
    pair with a fixed model instead of cross-validating (e.g. the shipped weights on new pairs).
    Returns a dict with ``dimensions``, ``by_language``, ``baseline``, ``folds`` (per-fold
    Overall Pearson, for the variance) and ``predictions`` (pair_id -> seven scores).
    ``sample`` keeps that many pairs, drawn with ``seed`` (quick gates).
    ``embedders`` ("en", "multi") and ``extractor`` replace the real models (tests inject fakes;
    the baseline then uses the "en" embedder). ``fast`` scores English pairs without the e5
    lead (the "en_fast" model), as ``similarity(..., fast=True)`` does.
    """
    pairs = load_semeval(path)
    if languages:
        pairs = [p for p in pairs if p.language_pair in set(languages)]
    if sample is not None and sample < len(pairs):
        keep = np.sort(np.random.default_rng(seed).permutation(len(pairs))[:sample])
        pairs = [pairs[i] for i in keep]
    rated = [p for p in pairs if all(d in p.ratings for d in DIMENSIONS)]
    routes, features = semeval_features(
        pairs,
        cache=cache,
        use_extract=use_extract,
        embedders=embedders,
        extractor=extractor,
        fast=fast,
    )
    baseline = _baseline_scores(pairs, cache, embedders.get("en") if embedders else None)
    if isinstance(cache, NpzEmbeddingCache):
        cache.save()

    fold = fold_ids(pairs, folds, seed=seed)
    if model is not None:
        preds = model.predict([model_route(r, fast) for r in routes], features)
    else:
        if len(rated) != len(pairs):
            raise MalformedInput(
                "cross-validation needs all seven ratings on every pair.",
                hint="Pass model= to score unrated pairs with fixed weights.",
            )
        targets = {d: np.array([p.ratings[d] for p in pairs]) for d in DIMENSIONS}
        preds = cross_validated_predictions(routes, features, targets, fold, fast=fast)
    report = _report(pairs, preds, baseline, fold, cross_validated=model is None)
    report.update(folds=folds if model is None else 0, seed=seed)
    scored = [model_route(r, fast) for r in routes]
    report["routes"] = {r: scored.count(r) for r in sorted(set(scored))}
    return report


def _report(
    pairs: Sequence[SemEvalPair],
    preds: Mapping[str, np.ndarray],
    baseline: np.ndarray,
    fold: np.ndarray,
    *,
    cross_validated: bool,
) -> dict[str, Any]:
    gold = {d: np.array([p.ratings.get(d, np.nan) for p in pairs]) for d in DIMENSIONS}
    groups: dict[str, np.ndarray] = {"all": np.ones(len(pairs), dtype=bool)}
    for lang in sorted({p.language_pair for p in pairs}):
        groups[lang] = np.array([p.language_pair == lang for p in pairs])
    by_language: dict[str, Any] = {}
    for name, mask in groups.items():
        by_language[name] = {
            "n": int(mask.sum()),
            "dimensions": {d: _correlations(preds[d][mask], gold[d][mask]) for d in DIMENSIONS},
            "baseline": {d: _correlations(baseline[mask], gold[d][mask]) for d in DIMENSIONS},
        }
    per_fold = [
        pearson(preds["overall"][fold == k], gold["overall"][fold == k]) for k in np.unique(fold)
    ]
    return {
        "n_pairs": len(pairs),
        "cross_validated": cross_validated,
        "baseline_definition": "MiniLM document cosine as 4 - 3*cos (same run)",
        "dimensions": by_language["all"]["dimensions"],
        "baseline": by_language["all"]["baseline"],
        "by_language": by_language,
        "overall_pearson_by_fold": [round(v, 4) for v in per_fold],
        "overall_pearson_fold_std": round(float(np.std(per_fold)), 4),
        "predictions": {
            p.pair_id: {d: round(float(preds[d][i]), 4) for d in DIMENSIONS}
            for i, p in enumerate(pairs)
        },
    }


def prediction_rows(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per pair for ``--predictions``: pair_id and the seven predicted scores."""
    return [{"pair_id": pid, **scores} for pid, scores in report["predictions"].items()]
