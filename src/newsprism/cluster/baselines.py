"""Offline baselines for judging the online clusterer: TF-IDF vectors and average-link
agglomerative clustering cut at a distance threshold (what scikit-learn's
``AgglomerativeClustering(metric="cosine", linkage="average", distance_threshold=t)`` computes).

They see the whole corpus at once, which the online clusterer never does.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"[^\W\d_][\w'\-]*|\d+", re.UNICODE)


def tfidf_matrix(texts: Sequence[str]) -> np.ndarray:
    """Unit rows of sublinear TF x smoothed IDF over lowercased words.

    Words found in one document only cannot make two documents alike, so they count in each
    row's length but get no column: the matrix stays small and the cosines are exact.
    """
    docs = [Counter(w.lower() for w in _WORD.findall(t)) for t in texts]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    idf = {w: math.log((1 + n) / (1 + c)) + 1 for w, c in df.items()}
    columns = {w: i for i, w in enumerate(sorted(w for w, c in df.items() if c >= 2))}
    matrix = np.zeros((n, len(columns)), dtype=np.float32)
    for row, d in enumerate(docs):
        weights = {w: (1 + math.log(c)) * idf[w] for w, c in d.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        for w, v in weights.items():
            if w in columns:
                matrix[row, columns[w]] = v / norm
    return matrix


@dataclass(frozen=True)
class Dendrogram:
    """Merges of average-link clustering: (a, b, cosine distance), in order of distance."""

    size: int
    merges: tuple[tuple[int, int, float], ...]

    def cut(self, threshold: float) -> list[int]:
        """Cluster labels after every merge closer than ``threshold``."""
        parent = list(range(self.size))

        def root(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b, distance in self.merges:
            if distance < threshold:
                parent[root(b)] = root(a)
        return [root(x) for x in range(self.size)]


def average_linkage(vectors: np.ndarray) -> Dendrogram:
    """Average-link agglomerative clustering on cosine distance (rows need not be unit length).

    O(n^2) memory and O(n^3) time in the worst case (numpy-vectorised): fine for an
    evaluation file of a few thousand documents, not for a corpus.
    """
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = vectors / np.where(norms == 0, 1, norms)
    n = len(unit)
    distance = (1.0 - unit @ unit.T).astype(np.float64)
    np.fill_diagonal(distance, np.inf)
    size = np.ones(n)
    merges: list[tuple[int, int, float]] = []
    for _ in range(n - 1):
        a, b = divmod(int(np.argmin(distance)), n)
        height = float(distance[a, b])
        if not math.isfinite(height):
            break
        merges.append((a, b, height))
        # Lance-Williams update for average linkage
        row = (distance[a] * size[a] + distance[b] * size[b]) / (size[a] + size[b])
        distance[a, :] = row
        distance[:, a] = row
        distance[a, a] = np.inf
        distance[b, :] = np.inf
        distance[:, b] = np.inf
        size[a] += size[b]
    return Dendrogram(n, tuple(merges))
