"""Golden Markdown and JSON reports of examples/valmora-dam.

Regenerate after an intended change with NEWSPRISM_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os

import pytest

from newsprism.compare import Comparison
from newsprism.report import render_json, render_markdown, render_text
from tests.compare.conftest import valmora_comparison
from tests.conftest import FIXTURES, ROOT

GOLDEN = FIXTURES / "report"


@pytest.fixture(scope="module")
def valmora() -> Comparison:
    return valmora_comparison()


@pytest.mark.parametrize(
    ("name", "render"),
    [("valmora.md", render_markdown), ("valmora.json", render_json), ("valmora.txt", render_text)],
)
def test_golden(valmora: Comparison, name: str, render) -> None:  # type: ignore[no-untyped-def]
    path = GOLDEN / name
    # Sources name their files; the checkout's own path must not leak into the golden file.
    out = render(valmora).replace(str(ROOT), "<repo>")
    if os.environ.get("NEWSPRISM_UPDATE_GOLDEN") or not path.exists():
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_json_is_valid_and_versioned(valmora: Comparison) -> None:
    d = json.loads(render_json(valmora))
    assert d["schema"] == 2
    # every shared fact is agreed or disputed, never both; "agreements" is the agreed list
    agreed = {f["id"] for f in d["agreed"]}
    disputed = {f["id"] for f in d["disputed"]}
    assert not agreed & disputed
    assert all(f["label"] != "contradicts" for f in d["agreed"])
    assert all(f["contradictions"] for f in d["disputed"])
    assert [f["id"] for f in d["agreements"]] == [f["id"] for f in d["agreed"]]
    assert [s["id"] for s in d["sources"]] == ["S1", "S2", "S3"]
