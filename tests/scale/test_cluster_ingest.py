"""Ingest through a real Dask cluster (a scheduler and two workers as separate processes).

The distributed run must store exactly what the single-process ``api.ingest`` stores, and a
worker killed mid-run must cost nothing: every article stored exactly once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsprism.api import ingest
from newsprism.ingest import ReadOptions
from newsprism.scale import ingest_distributed
from newsprism.store import Store
from tests.conftest import ECBPLUS_DEV, need_shared
from tests.scale.daskprocs import DaskProcesses

pytestmark = [pytest.mark.slow, pytest.mark.shared]

ECB = ReadOptions(id_field="doc_id", text_field="text")


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The single-process run of the ECB+ dev file, without embeddings."""
    store = Store(tmp_path_factory.mktemp("single") / "single.db")
    report = ingest(need_shared(ECBPLUS_DEV), store, embed=False, options=ECB)
    assert report.ok and len(report.added) == 596
    return store


def snapshot(store: Store) -> list[dict[str, Any]]:
    """Every stored article as data, in store order (ingest times left out)."""
    rows = store.articles(limit=10_000, include_superseded=True)
    return sorted(
        (
            {
                **s.article.to_dict(),
                "previous_id": s.previous_id,
                "superseded_by": s.superseded_by,
            }
            for s in rows
        ),
        key=lambda d: d["id"],
    )


def test_two_workers_store_what_one_process_stores(
    cluster: DaskProcesses, single: Store, tmp_path: Path
) -> None:
    store = Store(tmp_path / "dist.db")
    report = ingest_distributed(
        [ECBPLUS_DEV],
        store,
        scheduler=cluster.address,
        options=ECB,
        embed=False,
        partition_bytes=64 * 1024,
    )
    assert report.ok, report.failed
    assert report.added == ingest(ECBPLUS_DEV, Store(":memory:"), embed=False, options=ECB).added
    assert snapshot(store) == snapshot(single)
    again = ingest_distributed(
        [ECBPLUS_DEV], store, scheduler=cluster.address, options=ECB, embed=False
    )
    assert len(again.unchanged) == 596 and not again.added and store.count() == 596


def test_embeddings_made_on_workers_match_the_single_process_ones(
    cluster: DaskProcesses, tmp_path: Path
) -> None:
    subset = tmp_path / "subset.jsonl"
    lines = need_shared(ECBPLUS_DEV).read_text(encoding="utf-8").splitlines(keepends=True)
    subset.write_text("".join(lines[:40]), encoding="utf-8")
    one = Store(tmp_path / "one.db")
    ingest(subset, one, options=ECB)
    dist = Store(tmp_path / "dist.db")
    report = ingest_distributed(
        [subset], dist, scheduler=cluster.address, options=ECB, partition_bytes=1
    )
    assert report.ok and report.embedded == 40
    model = "newsprism/minilm-m2v-256-int8"  # the placing vector (issue 15)
    ids_one, vectors_one = one.article_vectors(model)
    ids_dist, vectors_dist = dist.article_vectors(model)
    assert ids_one == ids_dist and vectors_dist.shape == (40, 256)
    np.testing.assert_allclose(vectors_dist, vectors_one, atol=1e-4)


def test_a_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(
    tmp_path: Path, single: Store
) -> None:
    with DaskProcesses(workers=2, log_dir=tmp_path) as procs:
        store = Store(tmp_path / "killed.db")
        seen: list[str] = []

        def progress(n: int, label: str) -> None:
            seen.append(label)
            if len(seen) == 1:
                procs.kill(0)  # mid-run: the other partitions are in flight on both workers

        report = ingest_distributed(
            [ECBPLUS_DEV],
            store,
            scheduler=procs.address,
            options=ECB,
            embed=False,
            partition_bytes=16 * 1024,
            progress=progress,
        )
        assert procs.workers[0].poll() is not None  # it really died
    assert len(seen) > 10  # the kill came after the first of many partitions
    assert report.ok, report.failed
    assert len(report.added) == len(set(report.added)) == 596
    assert store.count(include_superseded=True) == 596
    assert snapshot(store) == snapshot(single)
