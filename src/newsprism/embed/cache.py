"""Embeddings cached by text hash, so no text is embedded twice by the same model."""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from newsprism.embed.base import Embedder

__all__ = ["CachedEmbedder", "EmbeddingCache", "MemoryCache", "text_hash"]


def text_hash(text: str) -> str:
    """sha256 of the NFC-normalised text: the cache key of its embedding."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()


@runtime_checkable
class EmbeddingCache(Protocol):
    """Vectors by (model id, text hash). ``newsprism.store.Store`` is one; so is MemoryCache."""

    def get_vectors(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_vectors(self, model_id: str, items: Mapping[str, np.ndarray]) -> None: ...


class MemoryCache:
    """An in-process EmbeddingCache (a dict); for tests and one-off runs."""

    def __init__(self) -> None:
        self._vectors: dict[tuple[str, str], np.ndarray] = {}
        self._lock = threading.Lock()

    def get_vectors(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        with self._lock:
            return {h: v for h in hashes if (v := self._vectors.get((model_id, h))) is not None}

    def put_vectors(self, model_id: str, items: Mapping[str, np.ndarray]) -> None:
        with self._lock:
            for h, v in items.items():
                self._vectors[(model_id, h)] = np.asarray(v, dtype=np.float32).copy()

    def __len__(self) -> int:
        return len(self._vectors)


class CachedEmbedder:
    """An Embedder that asks ``cache`` first and embeds only texts it has not seen.

    Texts repeated within one call are embedded once. ``misses`` counts texts sent to the
    model; ``hits`` counts texts answered without it (from the cache or a duplicate in the call).
    """

    def __init__(self, embedder: Embedder, cache: EmbeddingCache) -> None:
        self.embedder = embedder
        self.cache = cache
        self.model_id = embedder.model_id
        self.dim = embedder.dim
        self.max_tokens = embedder.max_tokens
        self.hits = 0
        self.misses = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        hashes = [text_hash(t) for t in texts]
        unique: dict[str, str] = {}
        for h, t in zip(hashes, texts, strict=True):
            unique.setdefault(h, t)
        found = self.cache.get_vectors(self.model_id, list(unique)) if unique else {}
        missing = [h for h in unique if h not in found]
        if missing:
            vectors = self.embedder.encode([unique[h] for h in missing])
            fresh = dict(zip(missing, vectors, strict=True))
            self.cache.put_vectors(self.model_id, fresh)
            found = {**found, **fresh}
        self.misses += len(missing)
        self.hits += len(texts) - len(missing)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, h in enumerate(hashes):
            out[row] = found[h]
        return out

    def with_threads(self, threads: int) -> CachedEmbedder:
        """The same cache in front of the model encoding on ``threads`` threads, when the model
        can be asked to (``MiniLMEmbedder.with_threads``); else this embedder itself."""
        inner = getattr(self.embedder, "with_threads", None)
        return CachedEmbedder(inner(threads), self.cache) if inner is not None else self

    def reset_stats(self) -> None:
        self.hits = 0
        self.misses = 0
