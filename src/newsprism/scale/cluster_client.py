"""Connecting to Dask: a local cluster (``workers=N``) or an existing one (``scheduler=ADDR``).

Dask is imported here only, and only when a distributed run starts: the CLI's start-up never
pays for it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from newsprism.errors import DistributedError, SchedulerUnreachable, UsageError

__all__ = ["connect", "worker_count"]

#: Seconds to wait for a scheduler to answer, and for the first worker to join it.
CONNECT_TIMEOUT = 30.0


@contextmanager
def connect(
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    threads_per_worker: int = 1,
) -> Iterator[Any]:
    """A ``distributed.Client``: the one given, one on ``scheduler``, or a local cluster.

    A local cluster has ``workers`` processes (default: one per core) of
    ``threads_per_worker`` threads each, and is shut down on leaving.
    """
    if client is not None:
        yield client
        return
    check_cluster_options(workers=workers, scheduler=scheduler)
    distributed = _import_distributed()
    if scheduler is not None:
        with _remote(distributed, scheduler) as remote:
            yield remote
        return
    n = workers or os.cpu_count() or 1
    try:
        cluster = distributed.LocalCluster(
            n_workers=n,
            threads_per_worker=threads_per_worker,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    except (OSError, RuntimeError) as exc:
        raise DistributedError(f"cannot start {n} local Dask workers: {exc}") from exc
    try:
        with distributed.Client(cluster) as local:
            yield local
    finally:
        cluster.close()


@contextmanager
def _remote(distributed: Any, address: str) -> Iterator[Any]:
    if "://" not in address:
        address = "tcp://" + address
    try:
        remote = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise SchedulerUnreachable(f"no Dask scheduler answers at {address} ({exc})") from exc
    try:
        try:
            remote.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError as exc:
            raise DistributedError(
                f"the scheduler at {address} has no workers (none joined in "
                f"{CONNECT_TIMEOUT:.0f} s)",
                hint="Start workers with `dask worker " + address + "` on the machines.",
            ) from exc
        yield remote
    finally:
        remote.close()


def worker_count(client: Any) -> int:
    """Worker threads the scheduler knows of now (at least 1)."""
    info = client.scheduler_info()
    threads = sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values())
    return max(1, threads)


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - distributed is a pinned dependency
        raise DistributedError(
            "running on a Dask cluster needs the distributed package, which is not installed",
            hint="Install it with: pip install distributed",
        ) from exc
    return distributed


def check_cluster_options(*, workers: int | None, scheduler: str | None) -> None:
    """Refuse ``--workers`` with ``--scheduler``, and a worker count below one."""
    if workers is not None and scheduler is not None:
        raise UsageError(
            "--workers and --scheduler were both given.",
            hint="Use --workers N for a cluster on this machine, or --scheduler for an existing "
            "one, not both.",
        )
    if workers is not None and workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}.")
