"""One real Dask cluster (a scheduler and two workers) shared by the tests of this folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import ECBPLUS_DEV, need_shared
from tests.scale.daskprocs import DaskProcesses


@pytest.fixture(scope="session")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaskProcesses]:
    need_shared(ECBPLUS_DEV)
    with DaskProcesses(workers=2, log_dir=tmp_path_factory.mktemp("dask")) as procs:
        yield procs
