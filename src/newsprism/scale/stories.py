"""Story clustering at scale: partitions clustered in parallel, then one global merge.

1. **Blocking.** Articles are grouped into cells of similar embeddings (faiss's spherical
   k-means on a sample), and the cells into ``partitions`` of about equal size, so the articles
   of one story nearly always share a partition.
2. **Micro-clusters.** Each partition runs the ordinary :class:`OnlineClusterer` over its
   articles in arrival order (on a worker), told the term document-frequencies of the whole
   stream (a ``TermPrior``: one ``TERM_SPACE`` count vector, sent once per worker), so that it
   weighs terms as a single run would at the same place in the stream; it hands back its
   stories with their summed vectors, term profiles, dates and split-test sums.
3. **Global merge.** Micro-clusters are taken in the order their founders arrived. Each one's
   founder is scored against the merged stories found through a nearest-neighbour index of
   micro-cluster centroids, with the online clusterer's own score (embedding, IDF-weighted
   terms, dates, the lead conflict; the IDF now from the whole corpus) and threshold: it joins
   the best story that clears the threshold, as it would have in a single-process run, unless
   the clusterer's automatic split test says the two are two events (then the single run
   would have split them apart again); else it stays a story.

Micro-clusters of the same partition are never merged: the online clusterer told them apart
with the articles in their true order. So one partition gives exactly the single-process stories.
Story ids are the online clusterer's (``story_id_for`` of the founder), so a story found both
ways has the same id.

Agreement with a single-process run on the 596 ECB+ dev documents (B³ F1, MiniLM vectors,
blocking seed 0): 1 partition 1.0, 2: 0.997, 4: 0.994, 8: 0.994, 16: 0.994, 32: 0.975 (with the
hand-written k-means faiss's replaced: 0.994, 0.993, 0.994, 0.990, 0.959; before that, with
the partition's own IDF, no split test and 4 cells per partition: 0.988, 0.984, 0.971, 0.904,
0.870). What is left comes from stories cut by the blocking: at 32 partitions of 19
articles every partition holds pieces of several stories. Keep partitions large (tens of
thousands of articles each), which is also where the parallel speed-up pays.
"""

from __future__ import annotations

import math
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from newsprism.cluster import (
    ClusterFeatures,
    ClusterSettings,
    OnlineClusterer,
    TermPrior,
    story_id_for,
)
from newsprism.cluster.features import TERM_SPACE
from newsprism.cluster.index import VectorIndex
from newsprism.cluster.score import Candidate, add_sparse, idf, in_span, score, term_weights
from newsprism.errors import UsageError
from newsprism.models import published_day
from newsprism.scale.cluster_client import connect, worker_count

__all__ = [
    "DistributedStories",
    "MicroCluster",
    "block_partitions",
    "cluster_distributed",
    "cluster_partition",
    "merge_micro_clusters",
    "stream_document_frequencies",
]

#: k-means cells per partition: more cells balance the partitions better, fewer split fewer
#: stories across partitions. On ECB+ dev at 16 partitions, 2 cells (largest partition 1.13 times
#: the mean) agreed with one process at 0.994 where 4 cells (1.02) gave 0.975 (faiss k-means).
CELLS_PER_PARTITION = 2
#: Members of a micro-cluster (its first ones, founder first) tried against the earlier stories.
#: Trying the first 8 gained nothing on ECB+ dev, so only the founder is tried.
PROBES = 1
KMEANS_SAMPLE = 20_000
KMEANS_ROUNDS = 12


@dataclass
class MicroCluster:
    """One story of one partition, with what the merge needs to score and join it."""

    founder: str
    position: int  # the founder's place in the arrival order
    partition: int
    members: list[str]
    duplicates: list[str]
    vector_sum: np.ndarray
    term_ids: np.ndarray  # summed sublinear tf of the members (IDF applied when scoring)
    term_weights: np.ndarray
    weekdays: Counter[str]
    dates: Counter[str]
    first: date | None
    last: date | None
    #: the first members (founder first), each scored against earlier stories
    probes: list[Probe]
    #: names and numbers of the members' leads, with how many leads name each
    lead_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    lead_counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    #: for the split test (see ``_two_events``): the summed squared norms of the member vectors,
    #: and the sum of the members' unit IDF-weighted term vectors (the clusterer's own split
    #: likeness) with its summed squared norms; kept only up to ``split_max_size`` members
    vector_sq: float = 0.0
    unit_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    unit_weights: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    unit_sq: float = 0.0


@dataclass
class Probe:
    """One article as the merge scores it."""

    vector: np.ndarray
    ids: np.ndarray
    weights: np.ndarray
    weekdays: frozenset[str]
    dates: frozenset[str]
    day: date | None
    lead: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


@dataclass
class PartitionStories:
    """A worker's answer: its micro-clusters and the document frequencies of its terms."""

    micro: list[MicroCluster]
    df_ids: np.ndarray
    df_counts: np.ndarray
    docs: int
    seconds: float


@dataclass
class DistributedStories:
    """Where every article went. ``stories``: id -> (founder, members, duplicates)."""

    assignments: dict[str, str]
    stories: dict[str, dict[str, Any]]
    partitions: int
    micro_clusters: int
    merged: int
    seconds: dict[str, float] = field(default_factory=dict)

    def labels(self, ids: Sequence[str]) -> list[str]:
        return [self.assignments[i] for i in ids]


# --- 1. blocking --------------------------------------------------------------------------------


#: the smallest partition the default makes: below a few hundred articles the blocking cuts
#: many stories across partitions (ECB+ dev: 0.99+ agreement at 75 articles a partition, 0.979
#: at 37, 0.969 at 19), and partitions that small save nothing anyway.
MIN_DEFAULT_PARTITION = 250


def default_partitions(articles: int, threads: int) -> int:
    """Two partitions per worker thread, but none smaller than ``MIN_DEFAULT_PARTITION``."""
    return max(1, min(2 * threads, articles // MIN_DEFAULT_PARTITION))


def block_partitions(
    vectors: np.ndarray,
    partitions: int,
    *,
    cells_per_partition: int = CELLS_PER_PARTITION,
    seed: int = 0,
) -> np.ndarray:
    """The partition (0 .. partitions-1) of each row: similar rows share a partition."""
    n = len(vectors)
    if partitions <= 1 or n == 0:
        return np.zeros(n, dtype=np.int64)
    # centred first: a static embedding (the placing vector) shares a large common direction
    # (unrelated articles at cosine ~0.4), which would leave k-means little to tell apart
    vectors = vectors - vectors.mean(axis=0)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    centroids = _spherical_kmeans(vectors, min(n, partitions * cells_per_partition), seed=seed)
    cell = _nearest(vectors, centroids)
    sizes = np.bincount(cell, minlength=len(centroids))
    load = np.zeros(partitions, dtype=np.int64)
    part_of_cell = np.zeros(len(centroids), dtype=np.int64)
    for c in np.argsort(-sizes, kind="stable"):  # largest cell to the lightest partition
        target = int(np.argmin(load))
        part_of_cell[c] = target
        load[target] += sizes[c]
    return part_of_cell[cell]


def _spherical_kmeans(vectors: np.ndarray, k: int, *, seed: int) -> np.ndarray:
    """``k`` unit centroids by faiss's spherical k-means over a sample of the (unit) vectors."""
    import faiss

    rng = np.random.default_rng(seed)
    sample = vectors
    if len(vectors) > KMEANS_SAMPLE:
        sample = vectors[rng.choice(len(vectors), KMEANS_SAMPLE, replace=False)]
    kmeans = faiss.Kmeans(
        sample.shape[1],
        k,
        niter=KMEANS_ROUNDS,
        spherical=True,
        seed=seed,
        # train on the whole sample (faiss would subsample it), and quietly when it is small
        max_points_per_centroid=len(sample),
        min_points_per_centroid=1,
    )
    kmeans.train(np.ascontiguousarray(sample, dtype=np.float32))
    return np.asarray(kmeans.centroids, dtype=np.float32)


def _nearest(vectors: np.ndarray, centroids: np.ndarray, chunk: int = 65_536) -> np.ndarray:
    out = np.empty(len(vectors), dtype=np.int64)
    for i in range(0, len(vectors), chunk):
        out[i : i + chunk] = np.argmax(vectors[i : i + chunk] @ centroids.T, axis=1)
    return out


# --- 2. micro-clusters (on the workers) ---------------------------------------------------------


def cluster_partition(  # noqa: PLR0913 (a worker task's inputs, sent as they are)
    partition: int,
    positions: Sequence[int],
    ids: Sequence[str],
    vectors: np.ndarray,
    features: Sequence[ClusterFeatures],
    published: Sequence[str | None],
    settings: ClusterSettings,
    *,
    stream_df: np.ndarray | None = None,
    stream: int | None = None,
) -> PartitionStories:
    """The online clusterer over one partition, in arrival order; its stories as micro-clusters.

    ``stream_df``/``stream``: the document frequencies of the whole stream and its length
    (:func:`stream_document_frequencies`); with them the partition weighs terms as a single run
    over the whole stream would (see ``TermPrior``), and the micro-clusters carry the split
    test's term vectors under the stream's IDF.
    """
    start = time.perf_counter()
    own = _df_vector(features)
    prior = None
    if stream_df is not None and stream is not None:
        prior = TermPrior(df=stream_df - own, docs=stream - len(ids), stream=stream)
        idf_table = _full_idf(stream_df, stream)
    else:
        idf_table = _full_idf(own, len(ids))
    clusterer = OnlineClusterer(settings=settings, dim=vectors.shape[1], term_prior=prior)
    row = {aid: i for i, aid in enumerate(ids)}
    for i, aid in enumerate(ids):
        clusterer.add(aid, vectors[i], features[i], published=published[i], position=positions[i])
    rows = _PartitionRows(row, positions, vectors, features, published, idf_table)
    micro = [
        _micro(s.founder, s.members, s.duplicates, rows, settings) for s in clusterer.stories()
    ]
    for m in micro:
        m.partition = partition
    originals = [features[row[a]] for s in clusterer.stories() for a in s.members]
    df_ids, df_counts = _document_frequencies(originals)
    return PartitionStories(micro, df_ids, df_counts, len(originals), time.perf_counter() - start)


def stream_document_frequencies(features: Sequence[ClusterFeatures]) -> np.ndarray:
    """How many articles name each term id (``TERM_SPACE`` counts): the IDF of the stream."""
    return _df_vector(features)


def _df_vector(features: Sequence[ClusterFeatures], chunk: int = 8_192) -> np.ndarray:
    df = np.zeros(TERM_SPACE, dtype=np.int32)
    for i in range(0, len(features), chunk):  # chunks: one concatenation of 10^7 articles won't fit
        part = [f.term_ids for f in features[i : i + chunk] if f.term_ids.size]
        if part:
            df += np.bincount(np.concatenate(part), minlength=TERM_SPACE).astype(np.int32)
    return df


def _full_idf(df: np.ndarray, docs: int) -> np.ndarray:
    return idf(df.astype(np.float32), docs)


@dataclass
class _PartitionRows:
    """One partition's inputs by article id, for building its micro-clusters."""

    row: dict[str, int]
    positions: Sequence[int]
    vectors: np.ndarray
    features: Sequence[ClusterFeatures]
    published: Sequence[str | None]
    idf: np.ndarray  # over the whole term space


def _micro(
    founder: str,
    members: Sequence[str],
    duplicates: Sequence[str],
    p: _PartitionRows,
    settings: ClusterSettings,
) -> MicroCluster:
    rows = [p.row[a] for a in members]
    ids, weights = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    lead_ids, lead_counts = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    unit_ids, unit_weights, unit_sq = np.zeros(0, dtype=np.int64), np.zeros(0, np.float32), 0.0
    splittable = len(rows) <= settings.split_max_size
    weekdays: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    for r in rows:
        tf_ids, tf_weights = term_weights(p.features[r])
        ids, weights = add_sparse(ids, weights, tf_ids, tf_weights)
        if splittable:
            unit = tf_weights * p.idf[tf_ids]
            norm = float(np.linalg.norm(unit))
            if norm:
                unit_ids, unit_weights = add_sparse(unit_ids, unit_weights, tf_ids, unit / norm)
                unit_sq += 1.0
        lead = p.features[r].lead_ids.astype(np.int64)
        lead_ids, lead_counts = add_sparse(
            lead_ids, lead_counts, lead, np.ones(lead.size, dtype=np.float32)
        )
        weekdays.update(p.features[r].weekdays)
        dates.update(p.features[r].dates)
    every = [*rows, *(p.row[a] for a in duplicates)]
    days = [d for r in every if (d := published_day(p.published[r]))]
    member_vectors = p.vectors[rows].astype(np.float32)
    return MicroCluster(
        founder=founder,
        position=int(p.positions[p.row[founder]]),
        partition=0,
        members=list(members),
        duplicates=list(duplicates),
        vector_sum=member_vectors.sum(axis=0),
        term_ids=ids,
        term_weights=weights,
        weekdays=weekdays,
        dates=dates,
        first=min(days) if days else None,
        last=max(days) if days else None,
        probes=[_probe(p.vectors[r], p.features[r], p.published[r]) for r in rows[:PROBES]],
        lead_ids=lead_ids,
        lead_counts=lead_counts,
        vector_sq=float((member_vectors * member_vectors).sum()),
        unit_ids=unit_ids,
        unit_weights=unit_weights,
        unit_sq=unit_sq,
    )


def _probe(vector: np.ndarray, features: ClusterFeatures, published: str | None) -> Probe:
    ids, weights = term_weights(features)
    return Probe(
        vector.astype(np.float32),
        ids,
        weights,
        features.weekdays,
        features.dates,
        published_day(published),
        features.lead_ids.astype(np.int64),
    )


def _document_frequencies(features: Sequence[ClusterFeatures]) -> tuple[np.ndarray, np.ndarray]:
    if not features:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    ids, counts = np.unique(np.concatenate([f.term_ids for f in features]), return_counts=True)
    return ids.astype(np.int64), counts.astype(np.int64)


# --- 3. the global merge ------------------------------------------------------------------------
# The score is the online clusterer's own (``newsprism.cluster.score``), applied to a
# micro-cluster's founder and a merged story.


@dataclass
class _Merged:
    id: str
    founder: str
    micro: list[MicroCluster]
    vector_sum: np.ndarray
    term_ids: np.ndarray
    term_weights: np.ndarray
    weekdays: Counter[str]
    dates: Counter[str]
    first: date | None
    last: date | None
    partitions: set[int] = field(default_factory=set)
    lead_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    lead_counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    size: int = 0  # members (copies not counted), as the clusterer's conflict core counts them
    vector_sq: float = 0.0
    unit_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    unit_weights: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    unit_sq: float = 0.0

    def absorb(self, m: MicroCluster, settings: ClusterSettings) -> None:
        profile_terms = settings.profile_terms
        self.micro.append(m)
        self.partitions.add(m.partition)
        self.vector_sum = self.vector_sum + m.vector_sum
        self.term_ids, self.term_weights = add_sparse(
            self.term_ids, self.term_weights, m.term_ids, m.term_weights
        )
        if self.term_ids.size > 2 * profile_terms:
            keep = np.sort(np.argpartition(-self.term_weights, profile_terms)[:profile_terms])
            self.term_ids, self.term_weights = self.term_ids[keep], self.term_weights[keep]
        self.lead_ids, self.lead_counts = add_sparse(
            self.lead_ids, self.lead_counts, m.lead_ids, m.lead_counts
        )
        self.size += len(m.members)
        self.vector_sq += m.vector_sq
        self.unit_sq += m.unit_sq
        if self.size <= settings.split_max_size:
            self.unit_ids, self.unit_weights = add_sparse(
                self.unit_ids, self.unit_weights, m.unit_ids, m.unit_weights
            )
        else:  # past the size the clusterer splits at: the split test no longer applies
            self.unit_ids, self.unit_weights = self.unit_ids[:0], self.unit_weights[:0]
        self.weekdays.update(m.weekdays)
        self.dates.update(m.dates)
        for day in (m.first, m.last):
            if day is not None:
                self.first = day if self.first is None else min(self.first, day)
                self.last = day if self.last is None else max(self.last, day)


def merge_micro_clusters(
    micro: Sequence[MicroCluster],
    *,
    df: np.ndarray,
    docs: int,
    settings: ClusterSettings,
    dim: int,
) -> list[_Merged]:
    """Micro-clusters joined into stories, in founder arrival order (see the module doc)."""
    s = settings

    def idf_of(ids: np.ndarray) -> np.ndarray:
        return idf(df[ids], docs)

    merged: list[_Merged] = []
    owner: list[int] = []  # micro-cluster row in the index -> merged story
    index = VectorIndex(dim, exact_limit=s.exact_limit)
    for m in sorted(micro, key=lambda m: m.position):
        best, best_score = -1, -math.inf
        for probe in m.probes:
            rows, _ = index.search(probe.vector, s.neighbours)
            doc = probe.weights * idf_of(probe.ids)
            doc_norm = float(np.linalg.norm(doc)) or 1.0
            article = Candidate(
                probe.vector, probe.ids, doc, doc_norm, probe.lead, probe.weekdays, probe.dates
            )
            for candidate in sorted({owner[int(r)] for r in rows}):
                target = merged[candidate]
                if not _may_join(target, m, probe.day, s):
                    continue
                found = score(target, article, idf_of, s)
                if found > best_score:
                    best, best_score = candidate, found
            if best_score >= s.threshold:
                break
        if best >= 0 and best_score >= s.threshold:
            merged[best].absorb(m, s)
            owner.append(best)
        else:
            story = _Merged(
                story_id_for(m.founder),
                m.founder,
                [],
                np.zeros(dim, dtype=np.float32),
                np.zeros(0, dtype=np.int64),
                np.zeros(0, dtype=np.float32),
                Counter(),
                Counter(),
                None,
                None,
            )
            story.absorb(m, s)
            merged.append(story)
            owner.append(len(merged) - 1)
        centroid = m.vector_sum / (float(np.linalg.norm(m.vector_sum)) or 1.0)
        index.add(centroid.astype(np.float32))
    return merged


def _may_join(story: _Merged, m: MicroCluster, day: date | None, s: ClusterSettings) -> bool:
    """Whether ``m`` may be scored against ``story`` at all."""
    # stories of one partition were told apart by the online clusterer itself, with the
    # articles in their true order: the merge never joins them
    return (
        m.partition not in story.partitions
        and in_span(story.first, story.last, day, s.max_gap_days)
        and not _two_events(story, m, s)
    )


def _two_events(story: _Merged, m: MicroCluster, s: ClusterSettings) -> bool:
    """Whether the clusterer's automatic split would part ``m`` from ``story`` again.

    The single run splits a story whose two groups are alike below ``split_between`` and below
    ``split_ratio`` times the likeness within the looser group (``OnlineClusterer._two_groups``).
    Two look-alike events that fell into different partitions would each found a micro-cluster
    there, and the founder-to-story score alone would join them; the single run joins them too,
    then splits them apart. The likenesses are averages of pairwise dot products, so the sums
    the micro-clusters carry give them exactly (``|sum|^2`` less the self-products).
    """
    a, b = story.size, len(m.members)
    if min(a, b) < s.split_min_part or a + b > s.split_max_size or s.split_max_size <= 0:
        return False
    ew, tw = s.embedding_weight, s.term_weight
    cross_terms = _sparse_dot(story.unit_ids, story.unit_weights, m.unit_ids, m.unit_weights)
    between = (ew * float(story.vector_sum @ m.vector_sum) + tw * cross_terms) / (a * b)

    def within(vsum: np.ndarray, vsq: float, uw: np.ndarray, usq: float, n: int) -> float:
        pairs = ew * (float(vsum @ vsum) - vsq) + tw * (float(uw @ uw) - usq)
        return pairs / (n * (n - 1))

    loose = min(
        within(story.vector_sum, story.vector_sq, story.unit_weights, story.unit_sq, a),
        within(m.vector_sum, m.vector_sq, m.unit_weights, m.unit_sq, b),
    )
    return between < s.split_between and between < s.split_ratio * loose


def _sparse_dot(ids_a: np.ndarray, w_a: np.ndarray, ids_b: np.ndarray, w_b: np.ndarray) -> float:
    shared, at_a, at_b = np.intersect1d(ids_a, ids_b, assume_unique=True, return_indices=True)
    return float(w_a[at_a] @ w_b[at_b]) if shared.size else 0.0


# --- the whole run ------------------------------------------------------------------------------


def cluster_distributed(  # noqa: PLR0913 (the public keyword-only API of a scale run)
    ids: Sequence[str],
    vectors: np.ndarray,
    features: Sequence[ClusterFeatures],
    published: Sequence[str | None] | None = None,
    *,
    partitions: int | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    settings: ClusterSettings | None = None,
) -> DistributedStories:
    """Stories of articles given in arrival order, clustered partition by partition on Dask.

    ``partitions`` defaults to two per worker thread, none smaller than
    ``MIN_DEFAULT_PARTITION`` articles. With ``partitions=1`` and no Dask
    arguments the work runs in this process (no Dask at all).
    """
    if len(ids) != len(vectors) or len(ids) != len(features):
        raise UsageError(
            f"{len(ids)} ids, {len(vectors)} vectors and {len(features)} feature sets were given",
            hint="Give one vector and one feature set per article, in the same order.",
        )
    settings = settings or ClusterSettings()
    published = list(published) if published is not None else [None] * len(ids)
    vectors = np.asarray(vectors, dtype=np.float32)
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    if partitions == 1 and client is None and workers is None and scheduler is None:
        answers = [
            cluster_partition(0, range(len(ids)), ids, vectors, features, published, settings)
        ]
        n_parts = 1
    else:
        with connect(workers=workers, scheduler=scheduler, client=client) as dask:
            n_parts = partitions or default_partitions(len(ids), worker_count(dask))
            part_of = block_partitions(vectors, n_parts)
            seconds["block"] = time.perf_counter() - start
            answers = _run_partitions(
                dask, part_of, n_parts, ids, vectors, features, published, settings
            )
    seconds["partitions"] = time.perf_counter() - start - seconds.get("block", 0.0)
    seconds["partition_cpu"] = sum(a.seconds for a in answers)
    start = time.perf_counter()
    df = np.zeros(TERM_SPACE, dtype=np.int64)
    for a in answers:
        np.add.at(df, a.df_ids, a.df_counts)
    micro = [m for a in answers for m in a.micro]
    merged = merge_micro_clusters(
        micro, df=df, docs=sum(a.docs for a in answers), settings=settings, dim=vectors.shape[1]
    )
    seconds["merge"] = time.perf_counter() - start
    return _result(merged, n_parts, len(micro), seconds)


def _run_partitions(
    dask: Any,
    part_of: np.ndarray,
    n_parts: int,
    ids: Sequence[str],
    vectors: np.ndarray,
    features: Sequence[ClusterFeatures],
    published: Sequence[str | None],
    settings: ClusterSettings,
) -> list[PartitionStories]:
    run = uuid.uuid4().hex[:8]
    # one copy of the stream's term counts per worker (4 MiB), not one per partition
    stream_df = dask.scatter(stream_document_frequencies(features), broadcast=True)
    futures = []
    for p in range(n_parts):
        rows: list[int] = np.flatnonzero(part_of == p).tolist()  # ascending: arrival order
        if not rows:
            continue
        futures.append(
            dask.submit(
                cluster_partition,
                p,
                rows,
                [ids[r] for r in rows],
                vectors[rows],
                [features[r] for r in rows],
                [published[r] for r in rows],
                settings,
                stream_df=stream_df,
                stream=len(ids),
                key=f"newsprism-cluster-{run}-{p}",
                retries=2,
            )
        )
    return list(dask.gather(futures))


def _result(
    merged: list[_Merged], n_parts: int, n_micro: int, seconds: dict[str, float]
) -> DistributedStories:
    assignments: dict[str, str] = {}
    stories: dict[str, dict[str, Any]] = {}
    for story in merged:
        ordered = sorted(story.micro, key=lambda m: m.position)
        members = [a for m in ordered for a in m.members]
        duplicates = [a for m in ordered for a in m.duplicates]
        stories[story.id] = {
            "founder": story.founder,
            "members": members,
            "duplicates": duplicates,
            "first": story.first.isoformat() if story.first else None,
            "last": story.last.isoformat() if story.last else None,
        }
        for a in (*members, *duplicates):
            assignments[a] = story.id
    merged_away = n_micro - len(merged)
    return DistributedStories(assignments, stories, n_parts, n_micro, merged_away, seconds)
