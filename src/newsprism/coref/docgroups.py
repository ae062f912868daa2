"""A story's documents split into the happenings they report, before any mention is compared.

ECB+ topics each hold two look-alike events (two earthquakes, two coach firings); mentions of
one never corefer with mentions of the other, so clustering them apart first removes most of
the wrong pairs. Average-link clustering of the documents' MiniLM vectors, cut at a cosine
distance threshold, over documents sorted by id (the result does not depend on input order).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsprism.cluster.baselines import average_linkage

#: Cosine distance at which two document groups stay apart; measured on ECB+ dev topics by
#: scripts/train_coref.py (see the grid it prints).
GROUP_THRESHOLD = 0.6


def group_documents(
    vectors: np.ndarray, doc_ids: Sequence[str], *, threshold: float | None = None
) -> list[int]:
    """A group label per document (same order as ``doc_ids``)."""
    n = len(doc_ids)
    if n == 0:
        return []
    order = sorted(range(n), key=lambda i: doc_ids[i])
    labels = average_linkage(np.asarray(vectors)[order]).cut(
        GROUP_THRESHOLD if threshold is None else threshold
    )
    first: dict[int, int] = {}
    canon = [first.setdefault(x, len(first)) for x in labels]
    out = [0] * n
    for pos, i in enumerate(order):
        out[i] = canon[pos]
    return out
