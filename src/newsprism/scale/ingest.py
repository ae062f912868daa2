"""Ingest on a Dask cluster: workers read, clean and embed; this process alone writes the store.

The sources are cut into partitions (``partitions.py``). Workers run ``run_partition`` on them and
hand back each partition's articles, failures, vectors and extractions; the writer stores them
partition by partition *in input order*, so the store ends up as a single-process run leaves it
(same articles, same versions, same order).

Failure handling is Dask's: a task on a worker that dies is re-run elsewhere (up to the
scheduler's ``allowed-failures``), and a task that raises is retried ``retries`` times. Each
partition is written once (the writer keeps the set of partitions done); a partition written by
an earlier, interrupted run comes back "unchanged" from the idempotent store.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsprism.api import IngestReport, ProgressFn
from newsprism.errors import PartitionFailed
from newsprism.ingest import ReadOptions
from newsprism.scale.cluster_client import connect, worker_count
from newsprism.scale.partitions import DEFAULT_PARTITION_BYTES, Partition, plan_partitions
from newsprism.scale.work import PartitionResult, run_partition
from newsprism.store import AddResult, Store

__all__ = ["ingest_distributed"]

#: Partitions in flight per worker thread: enough to keep every worker busy while the writer
#: stores, few enough that results waiting for an earlier partition stay small.
IN_FLIGHT_PER_WORKER = 2
#: Re-runs of a partition whose task raised (a dead worker's tasks are re-run by the scheduler).
RETRIES = 2


def ingest_distributed(  # noqa: PLR0913 (the public keyword-only API of a scale run)
    sources: str | Path | Sequence[str | Path],
    store: Store,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    options: ReadOptions | None = None,
    defaults: Sequence[Mapping[str, str]] = (),
    embed: bool = True,
    extract: bool = False,
    embedder_name: str = "placing",
    batch_size: int = 64,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Read, clean, embed (and extract) on Dask workers; store here, in input order.

    ``workers``: a local cluster of that many processes; ``scheduler``: an existing cluster
    (``tcp://HOST:PORT``; the workers must see the same paths); ``client``: a
    ``distributed.Client`` already connected (kept open). ``defaults`` holds the user's outlet /
    published per source (see ``newsprism.api.user_defaults``). The report is
    ``newsprism.api.ingest``'s, with ``seconds`` summed over the workers plus the writer's.
    """
    items = [sources] if isinstance(sources, str | Path) else list(sources)
    options = options or ReadOptions()
    report = IngestReport()
    started = time.perf_counter()
    with connect(workers=workers, scheduler=scheduler, client=client) as dask:
        parts = plan_partitions(
            items,
            options=options,
            partition_bytes=_partition_bytes(items, partition_bytes, worker_count(dask)),
        )
        writer = _Writer(store, report, batch_size=batch_size, progress=progress)
        task = {
            "options": options,
            "defaults": list(defaults),
            "embedder_name": embedder_name if embed else None,
            "extract": extract,
        }
        for part, result in _results(dask, parts, task):
            writer.write(part, result)
    report.seconds["wall"] = time.perf_counter() - started
    return report


def _partition_bytes(sources: Sequence[str | Path], wanted: int, threads: int) -> int:
    """``wanted``, but small enough that every worker gets a few partitions of a small run."""
    size = 0
    for source in sources:
        path = Path(source)
        if path.is_file():
            size += path.stat().st_size
    share = size // (4 * threads) if size else wanted
    return min(wanted, max(64 * 1024, share))


def _results(
    dask: Any, parts: list[Partition], task: dict[str, Any]
) -> Iterator[tuple[Partition, PartitionResult | BaseException]]:
    """(partition, its result or the error that ended it), in partition order.

    Partitions run at most ``IN_FLIGHT_PER_WORKER`` per worker thread ahead of the writer;
    results that arrive early wait for the ones before them.
    """
    from distributed import as_completed

    run = uuid.uuid4().hex[:8]
    window = IN_FLIGHT_PER_WORKER * worker_count(dask)
    local = [p for p in parts if p.kind == "local"]
    remote = iter(p for p in parts if p.kind != "local")
    done: dict[int, PartitionResult | BaseException] = {}
    by_key: dict[str, Partition] = {}
    pending = as_completed()

    def submit_next() -> bool:
        part = next(remote, None)
        if part is None:
            return False
        key = f"newsprism-ingest-{run}-{part.index}"
        by_key[key] = part
        pending.add(dask.submit(run_partition, part, key=key, retries=RETRIES, **task))
        return True

    all(submit_next() for _ in range(window))  # fill the window (stops when none are left)
    for part in local:  # standard input is readable here only
        done[part.index] = _local(part, task)
    next_index = 0
    while next_index < len(parts):
        while next_index in done:
            yield parts[next_index], done.pop(next_index)
            next_index += 1
        if next_index >= len(parts):
            return
        if pending.count() == 0 and not submit_next():  # pragma: no cover - a bookkeeping bug
            raise RuntimeError(f"partition {next_index} was never submitted")
        future = next(pending)
        part = by_key.pop(future.key)
        done[part.index] = _outcome(future)
        # keep the window full, but never let early results pile up past it
        if len(done) + pending.count() < 2 * window:
            submit_next()


def _outcome(future: Any) -> PartitionResult | BaseException:
    """A finished partition's result, or the error that ended it (retried and still failing:
    reported, and the run goes on); the future is released either way."""
    try:
        result: PartitionResult | BaseException = future.result()
    except Exception as exc:
        result = exc
    future.release()
    return result


def _local(part: Partition, task: dict[str, Any]) -> PartitionResult | BaseException:
    try:
        return run_partition(part, **task)
    except Exception as exc:
        return exc


class _Writer:
    """The one writer: stores partitions in order, each exactly once."""

    def __init__(
        self, store: Store, report: IngestReport, *, batch_size: int, progress: ProgressFn | None
    ) -> None:
        self.store = store
        self.report = report
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.written: set[int] = set()

    def write(self, part: Partition, result: PartitionResult | BaseException) -> None:
        if part.index in self.written:
            return
        self.written.add(part.index)
        if isinstance(result, BaseException):
            self._failed(part, result)
            return
        for key, seconds in result.seconds.items():
            self.report.seconds[key] = self.report.seconds.get(key, 0.0) + seconds
        start = time.perf_counter()
        # failures first: a single-process run reports them as it meets them, before the batch
        self.report.failed.extend(result.failures)
        articles = result.articles
        for i in range(0, len(articles), self.batch_size):
            batch = articles[i : i + self.batch_size]
            self._store(batch, self.store.add_many(batch), result)
        self.report.seconds["store"] = (
            self.report.seconds.get("store", 0.0) + time.perf_counter() - start
        )
        if self.progress:
            self.progress(len(articles) + len(result.failures), part.label)

    def _store(self, batch: list[Any], results: list[AddResult], result: PartitionResult) -> None:
        lists = {
            "added": self.report.added,
            "unchanged": self.report.unchanged,
            "new_version": self.report.new_versions,
        }
        for r in results:
            lists[r.status].append(r.id)
        fresh = [a for a, r in zip(batch, results, strict=True) if r.status != "unchanged"]
        if not fresh:
            return
        if result.model_id:
            links = {a.id: result.links[a.id] for a in fresh}
            self.store.put_vectors(
                result.model_id, {h: result.vectors[h] for h in set(links.values())}
            )
            self.store.set_article_vectors(result.model_id, links)
            self.report.embedded += len(fresh)
        for a in fresh:
            if a.id in result.extractions:
                self.store.put_extraction(a.id, result.extractions[a.id])
                self.report.extracted += 1

    def _failed(self, part: Partition, exc: BaseException) -> None:
        error = PartitionFailed(
            f"the part {part.label} failed on the workers: {type(exc).__name__}: {exc}",
            location=part.label,
        )
        self.report.failed.append({"input": part.label, **error.to_dict()})
        if self.progress:
            self.progress(1, part.label)
