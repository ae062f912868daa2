"""The story score: how well an article fits a story, as one pure function of plain arrays.

The online clusterer (``online.py``) places each article with it, and the partitioned run
(``newsprism.scale.stories``) merges its micro-clusters with it, so one corpus gets the same
stories either way. Everything here is pure: sparse term vectors are (sorted ids, weights)
pairs, and IDF is passed in as a function of term ids (the clusterer's blends in a prior).

The score is a weighted sum of three likenesses, less a conflict:

* the embedding cosine between the article and the story's vector sum;
* the cosine between the article's TF-IDF terms and the story's term profile;
* date agreement: +1 when the article names one of the story's main weekdays/dates, -1 when it
  names only others (0 when either names none);
* a lead conflict (0..1), taken off only at or above the threshold (below it, it could not
  change the choice): see :func:`conflict`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

import numpy as np

from newsprism.cluster.features import ClusterFeatures

if TYPE_CHECKING:
    from newsprism.cluster.settings import ClusterSettings

__all__ = [
    "Candidate",
    "StoryProfile",
    "add_sparse",
    "agreement",
    "conflict",
    "idf",
    "in_span",
    "score",
    "term_weights",
    "within",
]

#: term ids -> their IDF weights
IdfFn = Callable[[np.ndarray], np.ndarray]


def term_weights(features: ClusterFeatures) -> tuple[np.ndarray, np.ndarray]:
    """Sublinear, length-normalised term weights (IDF comes later, at scoring time)."""
    weights = 1.0 + np.log(np.maximum(features.term_counts.astype(np.float32), 1.0))
    norm = float(np.linalg.norm(weights))
    # int32 ids: the hashed term space fits, and per-article memory halves
    return features.term_ids.astype(np.int32), (weights / norm if norm else weights).astype(
        np.float32
    )


def add_sparse(
    ids_a: np.ndarray, w_a: np.ndarray, ids_b: np.ndarray, w_b: np.ndarray, sign: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """The sum (or, with ``sign=-1``, difference) of two sparse vectors; zeros are dropped."""
    ids = np.union1d(ids_a, ids_b)
    weights = np.zeros(ids.size, dtype=np.float32)
    weights[np.searchsorted(ids, ids_a)] += w_a
    weights[np.searchsorted(ids, ids_b)] += sign * w_b
    keep = weights > 1e-6
    return ids[keep], weights[keep]


def within(values: np.ndarray, sorted_ids: np.ndarray) -> np.ndarray:
    """Which ``values`` occur in ``sorted_ids`` (binary search: cheaper than np.isin here)."""
    if sorted_ids.size == 0:
        return np.zeros(values.size, dtype=bool)
    at = np.minimum(np.searchsorted(sorted_ids, values), sorted_ids.size - 1)
    return sorted_ids[at] == values


def idf(df: np.ndarray, docs: float) -> np.ndarray:
    """Smoothed IDF of terms with document frequencies ``df`` among ``docs`` documents."""
    return (np.log((docs + 1) / (df + 1)) + 1.0).astype(np.float32)


def agreement(doc: frozenset[str], story: Counter[str]) -> float:
    """+1 when the article names one of the story's main days/dates, -1 when it names others."""
    if not doc or not story:
        return 0.0
    top = story.most_common(1)[0][1]
    main = {key for key, count in story.items() if count * 2 >= top}
    return 1.0 if doc & main else -1.0


def in_span(first: date | None, last: date | None, day: date | None, gap: int) -> bool:
    """Whether ``day`` is within ``gap`` days of the story's first..last span (or either is
    unknown)."""
    if day is None or first is None or last is None:
        return True
    return (first - day).days <= gap and (day - last).days <= gap


class StoryProfile(Protocol):
    """What the score reads of a story: its vector sum, term profile, lead items and dates.

    ``size`` counts its members (copies not counted), as the lead conflict's core counts them.
    The clusterer's stories and the partitioned run's merged stories both have these.
    """

    @property
    def vector_sum(self) -> np.ndarray: ...
    @property
    def term_ids(self) -> np.ndarray: ...
    @property
    def term_weights(self) -> np.ndarray: ...
    @property
    def lead_ids(self) -> np.ndarray: ...
    @property
    def lead_counts(self) -> np.ndarray: ...
    @property
    def weekdays(self) -> Counter[str]: ...
    @property
    def dates(self) -> Counter[str]: ...
    @property
    def size(self) -> int: ...


@dataclass(frozen=True)
class Candidate:
    """What the score reads of an article: its vector, TF-IDF terms, lead items and dates.

    ``doc`` is ``weights * idf(ids)`` and ``doc_norm`` its norm (or 1), computed once per
    article for all the stories it is scored against.
    """

    vector: np.ndarray
    ids: np.ndarray
    doc: np.ndarray
    doc_norm: float
    lead: np.ndarray
    weekdays: frozenset[str]
    dates: frozenset[str]


def score(story: StoryProfile, article: Candidate, idf_of: IdfFn, s: ClusterSettings) -> float:
    """How well ``article`` fits ``story`` (compare with ``s.threshold``)."""
    emb = float(story.vector_sum @ article.vector) / (
        float(np.linalg.norm(story.vector_sum)) or 1.0
    )
    emb = s.cosine_scale * emb + s.cosine_shift  # another placing model's cosines on MiniLM's scale
    profile = story.term_weights * idf_of(story.term_ids)
    shared = np.intersect1d(article.ids, story.term_ids, assume_unique=True)
    dot = float(
        article.doc[np.searchsorted(article.ids, shared)]
        @ profile[np.searchsorted(story.term_ids, shared)]
    )
    lexical = dot / (article.doc_norm * (float(np.linalg.norm(profile)) or 1.0))
    dates = (
        agreement(article.weekdays, story.weekdays) + agreement(article.dates, story.dates)
    ) / 2
    total = s.embedding_weight * emb + s.term_weight * lexical + s.date_weight * dates
    if s.conflict_weight and total >= s.threshold:
        # a conflict only lowers a score: below the threshold it cannot change the choice
        total -= s.conflict_weight * conflict(story, article.lead, article.ids, idf_of)
    return total


def conflict(story: StoryProfile, lead: np.ndarray, ids: np.ndarray, idf_of: IdfFn) -> float:
    """How strongly the article's lead speaks of another event than the story's leads (0..1).

    Both halves must hold, weighted by IDF so that common names count little: the share of
    the article's lead items the story never mentions, and the share of the story's core
    lead items (in the leads of at least half its members) the article never mentions.
    Either alone is ordinary: a report adds a new name, or leaves out one.
    """
    if lead.size == 0 or story.lead_ids.size == 0:
        return 0.0
    weight = idf_of(lead)
    known = within(lead, story.term_ids) | within(lead, story.lead_ids)
    novel = float(weight[~known].sum() / weight.sum())
    if novel == 0.0:
        return 0.0
    core = story.lead_ids[story.lead_counts * 2 >= story.size]
    if core.size == 0:
        return 0.0
    core_weight = idf_of(core)
    absent = ~within(core, ids)
    return min(novel, float(core_weight[absent].sum() / core_weight.sum()))
