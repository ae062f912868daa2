"""The placing vector: a static (model2vec) embedding distilled from all-MiniLM-L6-v2.

A text's vector is the mean of its tokens' vectors in a table, then L2-normalised: no neural
network runs, so it costs a tokenizer pass and a lookup (thousands of documents a second on one
core, against about a hundred for MiniLM). It serves one job: placing each article in its story at
ingest, beside the clusterer's TF-IDF term features; MiniLM stays for claims and similarity.

The table was distilled once from the pinned MiniLM package by ``scripts/build_placing_model.py``
(model2vec 0.10, PCA to 256 dimensions, stored as int8 with one scale per row) and ships inside
newsprism (``data/models/placing``); every file is checked against the sha256 below before first
use, so nothing is fetched or trusted at run time.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.embed.base import l2_normalize, verify_sha256
from newsprism.errors import ModelNotInstalled

__all__ = ["PLACING_DIR", "PLACING_SHA256", "StaticEmbedder"]

PLACING_DIR = Path(__file__).resolve().parents[1] / "data" / "models" / "placing"
#: sha256 of each shipped file, as printed by scripts/build_placing_model.py
PLACING_SHA256 = {
    "vectors.npy": "61e5205ecf16d95a3e7347f2e3bd20503f1fdee7c43922e35dfde92f6105b2b1",
    "scales.npy": "3c55a2fb7a88734463ead3082cca8cd04ce3c615fabf0b930505e7d122e4351b",
    "tokenizer.json": "de272450853df8f22ff9b23e53f1cd8ea71ef0d3300d9d2217a594eedd0bcdad",
    "config.json": "6428a7a06a4e88529de429d10a78b8e45297c53ea01d3185707c8c92075f03e6",
}
_PACKAGE = "newsprism (data/models/placing, built by scripts/build_placing_model.py)"


class StaticEmbedder:
    """model2vec-style static embeddings, 256 dimensions. Loads on first encode."""

    model_id = "newsprism/minilm-m2v-256-int8"
    dim = 256
    max_tokens = 512

    def __init__(self, folder: Path = PLACING_DIR, *, verify: bool = True):
        self.folder = folder
        self.verify = verify
        self._table: np.ndarray | None = None  # int8 rows
        self._scales: np.ndarray | None = None  # one float32 scale per row
        self._tokenizer: Any = None
        self._unk: int | None = None
        self._lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:
            if self._table is not None:
                return
            from tokenizers import Tokenizer

            for name, digest in PLACING_SHA256.items():
                path = self.folder / name
                if not path.is_file():
                    raise ModelNotInstalled(
                        f"{path} is missing: the placing model ships inside newsprism.",
                        hint="Reinstall newsprism (pip install -e .), or rebuild the model with "
                        "scripts/build_placing_model.py.",
                    )
                if self.verify:
                    verify_sha256(path, digest, package=_PACKAGE)
            config = json.loads((self.folder / "config.json").read_text(encoding="utf-8"))
            vectors = np.load(self.folder / "vectors.npy", allow_pickle=False)
            scales = np.load(self.folder / "scales.npy", allow_pickle=False)
            tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
            tokenizer.no_padding()
            tokenizer.enable_truncation(max_length=int(config.get("max_tokens", self.max_tokens)))
            self._unk = config.get("unk_token_id")
            self._tokenizer = tokenizer
            # kept as int8 and scaled per text (the same float32 products as scaling the whole
            # table up front, which took 30 MB and 0.2 s of every process's start)
            self._scales = scales.astype(np.float32)
            self._table = vectors

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text (a text with no known token gives zeros)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self._load()
        assert self._table is not None and self._scales is not None
        table, scales = self._table, self._scales
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        for i, enc in enumerate(encodings):
            ids = np.asarray(enc.ids, dtype=np.int64)
            if self._unk is not None:
                ids = ids[ids != self._unk]
            if ids.size:
                out[i] = (table[ids].astype(np.float32) * scales[ids, None]).mean(axis=0)
        return l2_normalize(out)
