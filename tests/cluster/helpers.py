"""Shared helpers of the cluster tests: the fictional stream and deterministic vectors."""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

STREAM = Path(__file__).resolve().parents[1] / "fixtures" / "cluster" / "stream.json"


class BagOfWordsEmbedder:
    """A tiny deterministic stand-in for MiniLM: hashed word counts, unit length."""

    model_id = "test-bag-of-words"
    dim = 384
    max_tokens = 256

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, zlib.crc32(word.encode()) % self.dim] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def load_stream() -> list[dict[str, str]]:
    return json.loads(STREAM.read_text(encoding="utf-8"))["articles"]


def topic_vectors(labels: list[str], *, spread: float = 0.35, dim: int = 384) -> np.ndarray:
    """Unit vectors: one random direction per label plus a little per-item noise.

    With the default spread two items of one label have cosine about 0.9, so a test built on
    these vectors checks what the clusterer does beyond the embedding.
    """
    rng = np.random.default_rng(7)
    bases = {label: rng.normal(size=dim) for label in sorted(set(labels))}
    out = []
    for label in labels:
        base = bases[label] / np.linalg.norm(bases[label])
        noise = rng.normal(size=dim)
        noise /= np.linalg.norm(noise)
        v = base + spread * noise
        out.append(v / np.linalg.norm(v))
    return np.array(out, dtype=np.float32)
