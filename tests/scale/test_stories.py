"""Partitioned story clustering + global merge against the single-process online clusterer."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.cluster import ClusterFeatures, ClusterSettings, OnlineClusterer, cluster_features
from newsprism.cluster.features import TERM_SPACE
from newsprism.cluster.metrics import bcubed
from newsprism.ingest import ReadOptions
from newsprism.scale import ingest_distributed
from newsprism.scale.stories import (
    block_partitions,
    cluster_distributed,
    cluster_partition,
    default_partitions,
    merge_micro_clusters,
    stream_document_frequencies,
)
from newsprism.store import Store
from tests.conftest import ECBPLUS_DEV, need_shared
from tests.scale.daskprocs import DaskProcesses

ECB = ReadOptions(id_field="doc_id", text_field="text")
MODEL = "newsprism/minilm-m2v-256-int8"  # the placing vector (issue 15)
#: MiniLM vectors of the ECB+ dev documents, cached by bench/bench_cluster.py when it has run
CACHED_VECTORS = (
    Path(__file__).resolve().parents[2] / "bench" / "results" / "ecbplus_dev_vectors.npz"
)


def single_process(
    ids: list[str],
    vectors: np.ndarray,
    features: list[ClusterFeatures],
    published: list[str | None] | None = None,
    settings: ClusterSettings | None = None,
) -> list[str]:
    clusterer = OnlineClusterer(dim=vectors.shape[1], settings=settings)
    days = published or [None] * len(ids)
    for i, v, f, p in zip(ids, vectors, features, days, strict=True):
        clusterer.add(i, v, f, published=p)
    # read the stories at the end: an automatic split may move articles placed earlier
    final = clusterer.assignments()
    return [final[i] for i in ids]


def toy_stream(n_events: int = 12, per_event: int = 8, seed: int = 3):
    """Fictional events: each a direction in vector space and a set of its own words."""
    rng = np.random.default_rng(seed)
    ids, vectors, features = [], [], []
    for k in range(n_events * per_event):
        event = (k * 5) % n_events  # events interleave, as in a stream
        centre = np.random.default_rng(event).normal(size=32)
        v = centre / np.linalg.norm(centre) + 0.25 * rng.normal(size=32) / np.sqrt(32)
        words = " ".join(
            f"place{event} quake{event} mayor{event} word{rng.integers(500)}" for _ in range(6)
        )
        ids.append(f"a{k}")
        vectors.append(v / np.linalg.norm(v))
        features.append(cluster_features(f"Town{event} report {words}", title=f"Event {event}"))
    return ids, np.array(vectors, dtype=np.float32), features


def test_one_partition_is_exactly_the_single_process_run() -> None:
    ids, vectors, features = toy_stream()
    result = cluster_distributed(ids, vectors, features, partitions=1)
    assert result.labels(ids) == single_process(ids, vectors, features)  # the same story ids
    assert result.merged == 0 and result.partitions == 1


def test_blocking_keeps_similar_articles_together_and_balances() -> None:
    ids, vectors, _ = toy_stream(n_events=12, per_event=10)
    part = block_partitions(vectors, 3)
    sizes = np.bincount(part, minlength=3)
    assert sizes.min() > 0 and sizes.max() <= 2 * sizes.min()
    events = [(k * 5) % 12 for k in range(len(ids))]
    split = sum(
        len({int(part[i]) for i, e in enumerate(events) if e == ev}) > 1 for ev in range(12)
    )
    assert split <= 2  # nearly every event lies in one partition


def _one_partition(p: int, rows: list[int], ids, vectors, features):
    answer = cluster_partition(
        p,
        rows,
        [ids[r] for r in rows],
        vectors[rows],
        [features[r] for r in rows],
        [None] * len(rows),
        ClusterSettings(),
        stream_df=stream_document_frequencies(features),
        stream=len(ids),
    )
    assert len(answer.micro) == 1
    return answer.micro[0]


def test_the_merge_keeps_apart_what_the_clusterer_would_split_again() -> None:
    """Two events, each whole in its own partition, are two stories even when the founder of
    the later one scores above the threshold against the earlier (a look-alike event)."""
    ids, vectors, features = toy_stream(n_events=12, per_event=8)
    events = [(k * 5) % 12 for k in range(len(ids))]
    first = [i for i, e in enumerate(events) if e == 0]
    second = [i for i, e in enumerate(events) if e == 1]
    a = _one_partition(0, first, ids, vectors, features)
    b = _one_partition(1, second, ids, vectors, features)
    a_half = _one_partition(2, first[:4], ids, vectors, features)
    b_half = _one_partition(3, first[4:], ids, vectors, features)
    settings = ClusterSettings(threshold=-1.0)  # every founder would join on its score alone
    df = stream_document_frequencies(features).astype(np.int64)
    merged = merge_micro_clusters([a, b], df=df, docs=len(ids), settings=settings, dim=32)
    assert len(merged) == 2
    # one event cut in two by the partitions is joined again
    merged = merge_micro_clusters([a_half, b_half], df=df, docs=len(ids), settings=settings, dim=32)
    assert len(merged) == 1 and merged[0].size == 8


def test_mismatched_inputs_are_a_usage_error() -> None:
    from newsprism.errors import UsageError

    ids, vectors, features = toy_stream()
    with pytest.raises(UsageError):
        cluster_distributed(ids[:-1], vectors, features, partitions=1)


@pytest.mark.slow
@pytest.mark.shared
def test_ecbplus_through_the_cluster_gives_the_single_process_stories(
    cluster: DaskProcesses, tmp_path: Path
) -> None:
    """Ingest with embeddings on two workers, cluster in two partitions there, compare."""
    store = Store(tmp_path / "dist.db")
    report = ingest_distributed([ECBPLUS_DEV], store, scheduler=cluster.address, options=ECB)
    assert report.ok and report.embedded == 596
    ids, vectors = store.article_vectors(MODEL, report.added)
    assert ids == report.added  # input order
    articles = [store.get(i).article for i in ids]
    features = [cluster_features(a.body, title=a.title) for a in articles]
    placing = ClusterSettings.for_model(MODEL)
    single = single_process(ids, vectors, features, settings=placing)
    result = cluster_distributed(
        ids,
        vectors,
        features,
        [a.published for a in articles],
        scheduler=cluster.address,
        partitions=2,
        settings=placing,
    )
    assert result.partitions == 2 and set(result.assignments) == set(ids)
    agreement = bcubed(result.labels(ids), single)["f1"]
    # 0.994 with MiniLM placing vectors; 0.975 with the static placing vector (issue 15) and the
    # hand-written k-means, 0.968 with it and faiss's spherical k-means (issue 14), measured
    # 2026-12-03: the global merge of scale/stories.py was tuned on MiniLM and is not re-tuned
    # yet (an open item in that session's note)
    assert agreement >= 0.96, agreement
    same_id = sum(a == b for a, b in zip(result.labels(ids), single, strict=True))
    assert same_id / len(ids) >= 0.9  # stories keep the ids a single run gives them


def partitioned_here(
    ids: list[str],
    vectors: np.ndarray,
    features: list[ClusterFeatures],
    published: list[str | None],
    partitions: int,
    **blocking: int,
) -> list[str]:
    """The distributed run's three steps, with the partitions clustered in this process."""
    settings = ClusterSettings()
    part_of = block_partitions(vectors, partitions, **blocking)
    stream_df = stream_document_frequencies(features)
    answers = []
    for p in range(partitions):
        rows = np.flatnonzero(part_of == p).tolist()
        answers.append(
            cluster_partition(
                p,
                rows,
                [ids[r] for r in rows],
                vectors[rows],
                [features[r] for r in rows],
                [published[r] for r in rows],
                settings,
                stream_df=stream_df,
                stream=len(ids),
            )
        )
    df = np.zeros(TERM_SPACE, dtype=np.int64)
    for a in answers:
        np.add.at(df, a.df_ids, a.df_counts)
    micro = [m for a in answers for m in a.micro]
    docs = sum(a.docs for a in answers)
    merged = merge_micro_clusters(micro, df=df, docs=docs, settings=settings, dim=vectors.shape[1])
    assignments = {a: s.id for s in merged for m in s.micro for a in (*m.members, *m.duplicates)}
    return [assignments[i] for i in ids]


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("partitions", [4, 8, 16])
def test_ecbplus_in_partitions_matches_the_single_process_run(partitions: int) -> None:
    """B³ F1 >= 0.98 between partitions + merge and one clusterer (ECB+ dev, MiniLM).

    16 partitions are 37 articles each, about four stories: most cuts go through stories.
    """
    from newsprism.eval.ecbplus import as_article, read_ecbplus

    articles = [as_article(d) for d in read_ecbplus(need_shared(ECBPLUS_DEV))]
    if CACHED_VECTORS.exists():
        vectors = np.load(CACHED_VECTORS)["vectors"].astype(np.float32)
    else:
        from newsprism.embed import embed_articles, get_embedder

        vectors = np.asarray(embed_articles(articles, get_embedder("minilm")), dtype=np.float32)
    ids = [a.id for a in articles]
    features = [cluster_features(a.body, title=a.title) for a in articles]
    published = [a.published for a in articles]
    single = single_process(ids, vectors, features, published)
    parted = partitioned_here(ids, vectors, features, published, partitions)
    agreement = bcubed(parted, single)["f1"]
    assert agreement >= 0.98, agreement


def test_default_partitions_are_two_per_thread_but_never_tiny() -> None:
    assert default_partitions(1_000_000, 8) == 16  # large input: two per worker thread
    assert default_partitions(596, 4) == 2  # 298 articles each, not 8 partitions of 75
    assert default_partitions(100, 4) == 1  # too small to split at all
    assert default_partitions(0, 4) == 1
