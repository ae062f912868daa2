"""API contract: schemathesis generates requests from /openapi.json against a live server on
127.0.0.1 and checks every answer against the document. Bounded: a few examples per route.

The server has newsprism's real stages; URL fetching goes to a fake network (every page 404).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is a dev dependency")

from schemathesis.checks import negative_data_rejection  # noqa: E402

from newsprism.ingest import ReadOptions  # noqa: E402
from newsprism.web import create_app  # noqa: E402
from newsprism.web.server import background_server  # noqa: E402
from tests.web.conftest import fill_store  # noqa: E402

pytestmark = pytest.mark.slow
TOKEN = "contract-token"


def _no_network(request: httpx.Request) -> httpx.Response:
    return httpx.Response(404, text="not here")


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    path: Path = tmp_path_factory.mktemp("contract") / "contract.db"
    fill_store(path)
    options = ReadOptions(transport=httpx.MockTransport(_no_network), timeout=2.0)
    app = create_app(path, token=TOKEN, read_options=options)
    with background_server(app) as base:
        yield schemathesis.openapi.from_url(base + "/openapi.json")


def test_api_answers_as_documented(api_schema: Any) -> None:
    """Every operation, with valid and invalid examples, under all of schemathesis' checks."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 13
    failures: dict[str, str] = {}
    for operation in operations:
        for mode in schemathesis.GenerationMode:
            try:
                _exercise(operation, mode)
            except Unsatisfiable:  # no parameters or body: no invalid request to make
                assert mode is schemathesis.GenerationMode.NEGATIVE, operation.label
            except BaseException as exc:  # collect all, so one run shows every broken route
                if isinstance(exc, KeyboardInterrupt):
                    raise
                failures[f"{operation.label} ({mode.value})"] = f"{type(exc).__name__}: {exc}"[
                    :2000
                ]
    assert not failures, "\n\n".join(f"{k}: {v}" for k, v in failures.items())


def _exercise(operation: Any, mode: Any) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case: Any) -> None:
        case.call_and_validate(
            headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=excluded, timeout=60
        )

    # an uploaded file is bytes whatever it holds: "a file part that is not a string" is no
    # invalid request, so for uploads only the invalid-data-rejected check is left out
    upload = operation.path.endswith("/upload")
    negative = mode is schemathesis.GenerationMode.NEGATIVE
    excluded = [negative_data_rejection] if upload and negative else []

    run()
