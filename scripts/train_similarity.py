"""Reproduce the shipped similarity weights from the SemEval-2022 Task 8 dev pairs.

    python scripts/train_similarity.py [DEV.jsonl] [--out WEIGHTS.json]
        [--cache /tmp/newsprism-semeval-cache.npz] [--evaluate]

Embeddings are cached in an .npz file (e5 is slow: the first run takes a while, later runs
seconds). With --evaluate it also prints the cross-validated report (same folds; each fold
chooses its ridge strengths over the other folds only), and
the English pairs' Overall in fast mode (the "en_fast" model, without the e5 lead).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "data" / "semeval2022-task8" / "dev.jsonl"
DEFAULT_OUT = ROOT / "src" / "newsprism" / "data" / "similarity_weights.json"
DEFAULT_CACHE = Path("/tmp/newsprism-semeval-cache.npz")


def main(argv: list[str] | None = None) -> int:
    from newsprism.eval.semeval import (
        NpzEmbeddingCache,
        evaluate_semeval,
        fold_ids,
        load_semeval,
        semeval_features,
    )
    from newsprism.similarity.model import ALPHA_GRID, DIMENSIONS, fit_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", nargs="?", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--evaluate", action="store_true", help="also print the 5-fold CV report")
    args = parser.parse_args(argv)

    cache = NpzEmbeddingCache(args.cache)
    pairs = load_semeval(args.dev)
    routes, features = semeval_features(pairs, cache=cache)
    cache.save()
    targets = {d: np.array([p.ratings[d] for p in pairs]) for d in DIMENSIONS}
    meta = {
        "trained_on": args.dev.name,
        "n_pairs": len(pairs),
        "routes": {r: routes.count(r) for r in sorted(set(routes))},
        "script": "scripts/train_similarity.py",
    }
    # Each dimension's ridge strength is chosen by cross-validation over the evaluation's folds
    # (grouped by article, seed 0), as every fold of the evaluation chooses it over the others.
    folds = fold_ids(pairs, 5, seed=0)
    model = fit_model(
        routes,
        features,
        {d: v.tolist() for d, v in targets.items()},
        groups=folds,
        meta=meta,
    )
    args.out.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
    chosen = {
        route: {dim: m.alpha for dim, m in routed.dimensions.items()}
        for route, routed in model.routes.items()
    }
    print(f"wrote {args.out} ({len(pairs)} pairs); ridge strength from {ALPHA_GRID}: {chosen}")
    if args.evaluate:
        report = evaluate_semeval(args.dev, cache=cache)
        report.pop("predictions")
        print(json.dumps(report, indent=1))
        # The fast English model (no e5 lead) on the same folds, for the speed/quality trade.
        fast = evaluate_semeval(args.dev, cache=cache, fast=True)["by_language"]["en-en"]
        overall = fast["dimensions"]["overall"]["pearson"]
        base = fast["baseline"]["overall"]["pearson"]
        print(f"en-en fast mode: Overall Pearson {overall} (MiniLM baseline {base})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
