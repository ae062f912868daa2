"""Every stored article clustered into stories at scale, the result written as Parquet.

``cluster_store(store, workers=4, output="stories.parquet")`` reads each current article (its
stored document vector, computing the missing ones as ``update_stories`` does; its cluster
features; its publication day) in the order ``update_stories`` places them, runs
:func:`cluster_distributed` and writes one row per article (article_id, story_id, outlet,
published, title). The store's own incremental stories are left as they are; where the store
has stories for the same articles, the B³ F1 between the two is reported as the agreement.

Cluster features are computed on the workers when Dask runs (a chunk of bodies per task): at
tens of millions of articles that is hours of one core otherwise.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.cluster import ClusterFeatures, ClusterSettings, cluster_features
from newsprism.errors import StoreError, UsageError
from newsprism.scale.cluster_client import check_cluster_options, connect
from newsprism.scale.stories import DistributedStories, cluster_distributed
from newsprism.store import Store

__all__ = ["OUTPUT_COLUMNS", "StoreStories", "cluster_store", "features_of"]

#: The columns of the Parquet file, one row per article in arrival order.
OUTPUT_COLUMNS = ("article_id", "story_id", "outlet", "published", "title")
#: Articles read from the store (and embedded, and turned into features) per step.
CHUNK = 2_048

ProgressFn = Callable[[int, str], None]


@dataclass
class StoreStories:
    """What ``cluster_store`` did: the stories, how they agree with the store's, the timings."""

    result: DistributedStories
    articles: int
    embedded: int  # vectors computed by this run (the others were stored)
    #: B³ precision, recall and F1 of the partitioned stories against the store's own, over
    #: the articles the store has placed (``None`` when it has placed none of them)
    agreement: dict[str, float | int] | None
    output: str | None
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "stories": len(self.result.stories),
            "partitions": self.result.partitions,
            "micro_clusters": self.result.micro_clusters,
            "merged": self.result.merged,
            "embedded": self.embedded,
            "agreement": self.agreement,
            "output": self.output,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


def cluster_store(  # noqa: PLR0913 (the public keyword-only API of a scale run)
    store: Store,
    *,
    output: str | Path | None = None,
    partitions: int | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    settings: ClusterSettings | None = None,
    embedder_name: str = "placing",
    chunk: int = CHUNK,
    progress: ProgressFn | None = None,
) -> StoreStories:
    """Cluster every current article of ``store`` partition by partition; write ``output``.

    ``workers``/``scheduler``/``client`` choose the Dask cluster as ``compare_all`` does (a local
    one with a worker per core when none is given); ``partitions=1`` with none of them runs in
    this process without Dask. ``partitions`` defaults to two per worker thread.
    """
    _check(output=output, partitions=partitions, workers=workers, scheduler=scheduler)
    if settings is None:
        from newsprism.embed import get_embedder

        settings = ClusterSettings.for_model(get_embedder(embedder_name).model_id)
    started = time.perf_counter()
    order = arrival_order(store)
    if not order:
        raise UsageError(
            "the database holds no articles to cluster.",
            hint="Ingest some first: newsprism ingest FILE --db PATH.",
        )
    local = partitions == 1 and client is None and workers is None and scheduler is None
    runner: Any = contextlib.nullcontext(None)
    if not local:
        runner = connect(workers=workers, scheduler=scheduler, client=client)
    seconds = {"order": time.perf_counter() - started}
    step = time.perf_counter()
    with runner as dask:
        seconds["connect"] = time.perf_counter() - step
        step = time.perf_counter()
        read = _read(store, order, dask, embedder_name=embedder_name, chunk=chunk, tick=progress)
        seconds["read"] = time.perf_counter() - step
        if progress:
            progress(0, "clustering")
        result = cluster_distributed(
            read.ids,
            read.vectors,
            read.features,
            [(p or "")[:10] or None for p in read.published],
            partitions=partitions,
            client=dask,
            settings=settings,
        )
    seconds.update(result.seconds)
    step = time.perf_counter()
    agreement = _agreement(store, read.ids, result)
    seconds["agreement"] = time.perf_counter() - step
    written = None
    if output is not None:
        if progress:
            progress(0, "writing")
        step = time.perf_counter()
        written = str(_write(Path(output), read, result, chunk=chunk))
        seconds["write"] = time.perf_counter() - step
    seconds["total"] = time.perf_counter() - started
    return StoreStories(result, len(read.ids), read.embedded, agreement, written, seconds)


def arrival_order(store: Store) -> list[tuple[str, str | None]]:
    """(id, published) of every current article, in the order ``update_stories`` places them."""
    from newsprism.stories import arrival_key

    return sorted(store.current_published(), key=lambda r: arrival_key(r[1]))


def features_of(texts: Sequence[tuple[str, str]]) -> list[ClusterFeatures]:
    """Cluster features of (title, body) pairs (runs on a worker, a chunk at a time)."""
    return [cluster_features(body, title=title) for title, body in texts]


def _check(
    *,
    output: str | Path | None,
    partitions: int | None,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Refuse bad options before minutes of reading, not after."""
    check_cluster_options(workers=workers, scheduler=scheduler)
    if partitions is not None and partitions < 1:
        raise UsageError(f"--partitions must be at least 1, not {partitions}.")
    if output is None:
        return
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"{path} is a folder.", hint="Give a file name: -o stories.parquet.")
    if not path.parent.is_dir():
        raise UsageError(
            f"cannot write {path}: the folder {path.parent} does not exist.",
            hint="Create it first, or write elsewhere with -o.",
        )
    if not os.access(path.parent, os.W_OK):
        raise UsageError(f"cannot write {path}: the folder {path.parent} is not writable.")


@dataclass
class _Read:
    """The run's inputs, in arrival order (bodies are not kept: features replace them)."""

    ids: list[str]
    vectors: np.ndarray
    features: list[ClusterFeatures]
    published: list[str | None]
    outlets: list[str | None]
    titles: list[str]
    embedded: int


def _read(
    store: Store,
    order: list[tuple[str, str | None]],
    dask: Any,
    *,
    embedder_name: str,
    chunk: int,
    tick: ProgressFn | None,
) -> _Read:
    from newsprism.analyses import embed_and_store
    from newsprism.embed import get_embedder

    model = get_embedder(embedder_name).model_id
    ids, outlets, titles, published = [], [], [], []
    blocks: list[np.ndarray] = []
    features: list[Any] = []  # feature lists, or futures of them on Dask
    embedded = 0
    for start in range(0, len(order), chunk):
        articles = store.get_many([i for i, _ in order[start : start + chunk]])
        chunk_ids = [a.id for a in articles]
        have = set(store.article_vectors(model, chunk_ids)[0])
        missing = [a.article for a in articles if a.id not in have]
        if missing:  # as update_stories does: embed on this process, cached in the store
            embedded += embed_and_store(missing, store, embedder_name=embedder_name)
        found, matrix = store.article_vectors(model, chunk_ids)
        if found != chunk_ids:
            raise StoreError(
                f"{len(chunk_ids) - len(found)} articles have no {model} vector after embedding.",
                hint="Check the store with `newsprism articles`, then run again.",
            )
        blocks.append(np.asarray(matrix, dtype=np.float32))
        texts = [(a.title, a.body) for a in articles]
        features.append(features_of(texts) if dask is None else dask.submit(features_of, texts))
        ids += chunk_ids
        outlets += [a.outlet for a in articles]
        titles += [a.title for a in articles]
        published += [a.published for a in articles]
        if tick:
            tick(len(articles), "reading")
    if dask is not None:
        features = list(dask.gather(features))
    flat = [f for part in features for f in part]
    return _Read(ids, np.vstack(blocks), flat, published, outlets, titles, embedded)


def _agreement(
    store: Store, ids: Sequence[str], result: DistributedStories
) -> dict[str, float | int] | None:
    """B³ of the partitioned stories against the store's, over the articles the store placed."""
    from newsprism.cluster.metrics import bcubed

    stored = store.story_assignments()
    both = [i for i in ids if i in stored]
    if not both:
        return None
    scores = bcubed([result.assignments[i] for i in both], [stored[i] for i in both])
    return {
        "articles": len(both),
        "store_stories": len({stored[i] for i in both}),
        "b3_precision": round(scores["precision"], 4),
        "b3_recall": round(scores["recall"], 4),
        "b3_f1": round(scores["f1"], 4),
    }


def _write(path: Path, read: _Read, result: DistributedStories, *, chunk: int) -> Path:
    """One row per article, a row group per chunk; written aside, then moved into place."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.string()) for c in OUTPUT_COLUMNS])
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            for rows in _row_chunks(read, result, chunk):
                writer.write_table(pa.Table.from_pydict(rows, schema=schema))
        os.replace(tmp, path)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}.") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return path


def _row_chunks(read: _Read, result: DistributedStories, chunk: int) -> Iterator[dict[str, list]]:
    for s in range(0, len(read.ids), chunk):
        ids = read.ids[s : s + chunk]
        yield {
            "article_id": ids,
            "story_id": [result.assignments[i] for i in ids],
            "outlet": read.outlets[s : s + chunk],
            "published": read.published[s : s + chunk],
            "title": read.titles[s : s + chunk],
        }
