"""Nearest-neighbour search over article vectors whose cost per query stays flat.

Exact (a matrix product) while the corpus is small, where it is both fast and exact; past
``exact_limit`` vectors it moves everything into a faiss HNSW graph, whose search cost grows with
the logarithm of the corpus (measured on 2 busy cores at 10k vectors: 4 ms per exact query,
0.25 ms per HNSW query, 0.5 ms per HNSW insertion). Without faiss it stays exact (correct,
but slower on big corpora).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np


@cache
def _faiss() -> Any:
    """faiss, imported when a corpus first outgrows exact search (not at every command's start);
    None without it."""
    try:  # faiss is a pinned dependency; the fallback keeps the pure-numpy path usable without it
        import faiss
    except ImportError:  # pragma: no cover - exercised only where faiss is absent
        return None
    return faiss


EXACT_LIMIT = 2_000
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 64
HNSW_EF_SEARCH = 64


class VectorIndex:
    """Inner-product search over unit vectors; row ``i`` is the ``i``-th vector added."""

    def __init__(self, dim: int, *, exact_limit: int = EXACT_LIMIT) -> None:
        self.dim = dim
        self.exact_limit = exact_limit
        self._data = np.zeros((1024, dim), dtype=np.float32)
        self._size = 0
        self._hnsw: Any = None

    def __len__(self) -> int:
        return self._size

    @property
    def approximate(self) -> bool:
        return self._hnsw is not None

    @property
    def vectors(self) -> np.ndarray:
        """All vectors, row by row (rebuilt from the HNSW graph's storage once it is in use)."""
        if self._hnsw is not None:
            return self._hnsw.reconstruct_n(0, self._size)
        return self._data[: self._size]

    def vector(self, row: int) -> np.ndarray:
        if self._hnsw is not None:
            return self._hnsw.reconstruct(row)
        return self._data[row]

    def add(self, vector: np.ndarray) -> int:
        row = self._size
        if self._hnsw is not None:
            self._hnsw.add(vector.reshape(1, -1).astype(np.float32))
            self._size += 1
            return row
        if row == len(self._data):
            grown = np.zeros((2 * len(self._data), self.dim), dtype=np.float32)
            grown[:row] = self._data[:row]
            self._data = grown
        self._data[row] = vector
        self._size += 1
        if self._size > self.exact_limit and _faiss() is not None:
            self._build_hnsw()
        return row

    def search(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` most similar rows (ids, similarities), best first."""
        if self._size == 0 or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if self._hnsw is not None:
            sims, ids = self._hnsw.search(vector.reshape(1, -1).astype(np.float32), k)
            keep = ids[0] >= 0
            return ids[0][keep].astype(np.int64), sims[0][keep]
        sims = self.vectors @ vector
        k = min(k, self._size)
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top], kind="stable")]
        return top.astype(np.int64), sims[top]

    def _build_hnsw(self) -> None:
        faiss = _faiss()
        assert faiss is not None
        # One query at a time: threads only fight over the cores (measured 10x slower on 2).
        faiss.omp_set_num_threads(1)
        index = faiss.IndexHNSWFlat(self.dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
        index.add(np.ascontiguousarray(self._data[: self._size]))
        self._hnsw = index
        # the graph keeps the vectors itself; a second copy would double the memory
        self._data = np.zeros((0, self.dim), dtype=np.float32)
